"""Kernels started before they are needed: a pool of fresh kernels forked from the zygote.

A kernel forked from the zygote (:mod:`lkip_helpers.batch.kernels`) still spends a few
tenths of a second initialising ipykernel before it answers, on every re-render.  The
preview forks the kernels of the next render while the planner is still typing:
:class:`KernelPool` keeps ``ukuran`` kernels (one per lane of chapters) that have been
started but have never run any code, and :func:`kernel_manager` gives a kernel manager
class whose provisioner takes one of them instead of forking when a lane's first
chapter starts (falling back to a new fork when the pool is empty).  A pooled kernel is
the same fresh process, only started earlier.

Only in the normal mode (zygote, Unix sockets); in the portable mode the preview uses
the standard kernel managers and no pool.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._platform import current_mode, socket_dir
from ..batch.jobkernel import TimedKernelManager, job_attributes
from ..batch.kernels import ForkedProcess, ForkKernelManager, ForkProvisioner, current_zygote, manager_class

__all__ = ["KernelPool", "kernel_manager"]


@dataclass(frozen=True)
class _Siap:
    """A started, unused kernel: its pid, the zygote that forked it, how to connect."""

    pid: int
    induk: int
    info: dict[str, Any]
    cwd: str


class KernelPool:
    """Fresh kernels forked ahead of time, for chapters run from folder ``cwd``."""

    def __init__(self, cwd: Path, ukuran: int, extra_env: dict[str, str] | None = None) -> None:
        self.cwd = str(Path(cwd).resolve())
        self.ukuran = ukuran
        self.extra_env = dict(extra_env or {})
        self._siap: list[_Siap] = []
        self._lock = threading.Lock()
        self._folder = Path(tempfile.mkdtemp(prefix="lkip-pratinjau-kernel-"))
        self._closed = False

    def _fork(self) -> _Siap:
        from jupyter_client.connect import write_connection_file

        name = uuid.uuid4().hex[:8]
        fname, written = write_connection_file(
            str(self._folder / f"kernel-{name}.json"),
            ip=str(socket_dir(os.getpid()) / f"pool-{name}"),
            transport="ipc",
            key=str(uuid.uuid4()).encode(),
        )
        env = {**os.environ, **self.extra_env, "JPY_PARENT_PID": str(os.getpid())}
        zygote = current_zygote()
        pid = zygote.fork_kernel(["-f", fname], env, self.cwd)
        info: dict[str, Any] = dict(written)
        if isinstance(info.get("key"), str):  # the manager compares the key as bytes
            info["key"] = info["key"].encode()
        return _Siap(pid, zygote.process.pid, info, self.cwd)

    def isi(self) -> None:
        """Fork kernels until the pool holds ``ukuran`` (a fork takes milliseconds; the kernel starts on its own)."""
        while True:
            with self._lock:
                if self._closed or len(self._siap) >= self.ukuran:
                    return
            ready = self._fork()
            with self._lock:
                if self._closed:
                    _kill(ready.pid)
                    return
                self._siap.append(ready)

    def ambil(self, cwd: str) -> _Siap | None:
        """A started kernel for a chapter run from ``cwd`` (None: fork a new one)."""
        with self._lock:
            for index, ready in enumerate(self._siap):
                alive = ForkedProcess(ready.pid, ready.induk).poll() is None
                if alive and ready.cwd == str(Path(cwd).resolve()):
                    return self._siap.pop(index)
        return None

    def tutup(self) -> None:
        """Kill the unused kernels and remove their connection files."""
        with self._lock:
            self._closed = True
            left, self._siap = self._siap, []
        for ready in left:
            _kill(ready.pid)
        shutil.rmtree(self._folder, ignore_errors=True)


def _kill(pid: int) -> None:
    with contextlib.suppress(OSError):
        os.killpg(pid, signal.SIGKILL)  # the kernel called setsid(): its group is its own


class _PoolProvisioner(ForkProvisioner):
    """Take a started kernel from the manager's pool; fork a new one when there is none."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        pool: KernelPool | None = getattr(self.parent, "pool", None)
        ready = pool.ambil(str(kwargs.get("cwd") or Path.cwd())) if pool is not None else None
        if ready is None:
            return await super().launch_kernel(cmd, **kwargs)
        self.process = ForkedProcess(ready.pid, ready.induk)  # type: ignore[assignment]
        self.pid = self.pgid = ready.pid
        self.cwd = ready.cwd
        self.start_watchdog(ready.pid)
        self.connection_info = dict(ready.info)  # type: ignore[assignment]
        return self.connection_info


class _PoolKernelManager(ForkKernelManager):
    provisioner_class = _PoolProvisioner


def kernel_manager(pool: KernelPool | None, time_limit: float | None) -> type[TimedKernelManager]:
    """The kernel manager class of the preview's chapters: pooled kernels where the mode allows."""
    if pool is None or not current_mode().zygote:
        return manager_class(time_limit, {})
    attrs = {**job_attributes(time_limit, pool.extra_env), "pool": pool}
    return type("PratinjauKernelManager", (_PoolKernelManager,), attrs)
