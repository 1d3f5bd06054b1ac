"""Fresh kernels without the import bill: kernels forked from a pre-loaded zygote.

A fresh ipykernel spends most of its start on importing pandas, Altair, great_tables
and lkip_helpers (seconds on a small machine, see ``shared/perf-notes.md``).  A
:class:`Zygote` is a helper process (one per worker) that imports those modules once
and then ``fork()``\\ s a new kernel for every notebook.  The forked child has never run
any notebook code, takes the environment, working folder and ``sys.argv`` that
``python -m ipykernel_launcher`` would have, and starts ipykernel exactly as the
launcher does.  Nothing flows from one notebook to the next: each chapter of each
kecamatan runs in its own new process, like with papermill's default, and the executed
notebooks are byte-identical to a fresh-kernel run (``tests/batch/test_kernels.py``).

:class:`ForkKernelManager` is a jupyter_client kernel manager whose provisioner asks
the zygote instead of spawning ``python``; pass it as ``kernel_manager_class`` to
papermill/nbclient (``execute_chapter(..., kernel_manager_class=...)``).

The zygote needs ``fork()``, the pipes it is driven by and ``/proc``: it exists in the
normal mode only (:func:`lkip_helpers._platform.current_mode`).  In the portable mode
:func:`manager_class` gives standard kernel processes instead
(:mod:`lkip_helpers.batch.jobkernel`) and :func:`current_zygote` refuses.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from .._platform import current_mode
from ._zygote import DEFAULT_PRELOAD
from .jobkernel import TimedKernelManager, TimedProvisioner, job_attributes

__all__ = ["ForkKernelManager", "ForkProvisioner", "Zygote", "close_zygote", "current_zygote", "manager_class"]


class Zygote:
    """Client side of the zygote process (see :mod:`lkip_helpers.batch._zygote`)."""

    def __init__(self, preload: tuple[str, ...] = DEFAULT_PRELOAD, start_timeout: float = 120) -> None:
        req_r, self._req_w = os.pipe()
        self._rep_r, rep_w = os.pipe()
        # Run by path, not with -m: "-m lkip_helpers.batch._zygote" would import the batch
        # package into every kernel; this way the zygote imports nothing but ``preload``.
        cmd = [sys.executable, str(Path(__file__).with_name("_zygote.py")), str(req_r), str(rep_w), *preload]
        # ipykernel reads JPY_PARENT_PID when it is imported (a trait default): the zygote
        # imports it, so it must see the value every kernel gets.
        env = {**os.environ, "JPY_PARENT_PID": str(os.getpid())}
        self.process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            cmd, stdin=subprocess.DEVNULL, pass_fds=(req_r, rep_w), close_fds=True, env=env
        )
        os.close(req_r)
        os.close(rep_w)
        self._reply = os.fdopen(self._rep_r, "rb", buffering=0)
        self._lock = threading.Lock()
        self._start_timeout = start_timeout
        self._ready = False  # it imports while its worker goes on; the first kernel waits for it

    def _await_ready(self) -> None:
        """Wait (once) until the zygote has imported everything (called under ``_lock``)."""
        if self._ready:
            return
        ready = self._read_reply(self._start_timeout)
        if not ready.get("ready"):
            msg = f"zygote kernel tidak siap: {ready}"
            raise RuntimeError(msg)
        self._ready = True

    def _read_reply(self, timeout: float) -> dict[str, Any]:
        import select

        line = b""
        deadline = time.monotonic() + timeout
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._reply], [], [], max(left, 0))
            if not ready:
                msg = f"zygote kernel tidak menjawab dalam {timeout:.0f} detik"
                raise TimeoutError(msg)
            chunk = self._reply.read(1)
            if not chunk:
                msg = f"zygote kernel berhenti (kode keluar {self.process.poll()})"
                raise RuntimeError(msg)
            line += chunk
        return json.loads(line)

    def alive(self) -> bool:
        """True while the zygote process runs."""
        return self.process.poll() is None

    def fork_kernel(self, args: list[str], env: dict[str, str], cwd: str) -> int:
        """Fork a kernel that runs as ``python -m ipykernel_launcher *args``; return its pid."""
        request = json.dumps({"args": args, "env": env, "cwd": cwd}).encode() + b"\n"
        with self._lock:
            self._await_ready()
            os.write(self._req_w, request)
            return int(self._read_reply(60)["pid"])

    def close(self) -> None:
        """Stop the zygote; it kills the kernels it forked that still run."""
        try:
            os.close(self._req_w)
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._reply.close()


_ZYGOTE: Zygote | None = None
_ZYGOTE_LOCK = threading.Lock()


def current_zygote() -> Zygote:
    """The zygote of this process (started on first use, restarted if it died)."""
    global _ZYGOTE
    mode = current_mode()
    if not mode.zygote:
        msg = f"zygote kernel tidak dipakai dalam mode portabel ({mode.alasan})"
        raise RuntimeError(msg)
    with _ZYGOTE_LOCK:
        if _ZYGOTE is None or not _ZYGOTE.alive():
            _ZYGOTE = Zygote()
        return _ZYGOTE


def close_zygote() -> None:
    """Stop this process's zygote (if any)."""
    global _ZYGOTE
    with _ZYGOTE_LOCK:
        if _ZYGOTE is not None:
            _ZYGOTE.close()
            _ZYGOTE = None


def _child_alive(pid: int, parent: int | None) -> bool:
    """True while ``pid`` runs and is still ``parent``'s child (a reused pid is not our kernel).

    Forked kernels exist in the normal mode only, where ``/proc`` is there; signal 0 is
    the fallback for a process whose ``/proc`` entry cannot be read.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    fields = stat.rsplit(")", 1)[1].split()
    state, ppid = fields[0], int(fields[1])
    return state not in {"Z", "X"} and (parent is None or ppid == parent)


class ForkedProcess:
    """The part of ``subprocess.Popen`` that jupyter_client uses, for a forked kernel.

    The kernel is the zygote's child, not ours: liveness is checked with signal 0 (the
    zygote reaps its children, so a finished kernel's pid disappears).
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int, parent: int | None = None) -> None:
        self.pid = pid
        self.parent = parent
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None and not _child_alive(self.pid, self.parent):
            self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                name = f"kernel {self.pid}"
                raise subprocess.TimeoutExpired(name, timeout or 0)
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


class ForkProvisioner(TimedProvisioner):
    """Launch the kernel by asking this process's zygote to fork, not by ``Popen``."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        try:
            start = cmd.index("ipykernel_launcher") + 1
        except ValueError as exc:
            msg = f"perintah kernel tidak dikenal untuk zygote: {cmd}"
            raise RuntimeError(msg) from exc
        km = self.parent
        env = dict(kwargs.get("env") or os.environ)
        env.update(getattr(km, "extra_env", None) or {})
        env["JPY_PARENT_PID"] = str(os.getpid())  # as jupyter_client's launcher sets it
        cwd = str(kwargs.get("cwd") or Path.cwd())
        zygote = current_zygote()
        pid = zygote.fork_kernel(cmd[start:], env, cwd)
        self.process = ForkedProcess(pid, zygote.process.pid)  # type: ignore[assignment]
        self.pid = pid
        self.pgid = pid  # the child called setsid()
        self.cwd = cwd
        self.start_watchdog(pid)
        return self.connection_info

    def kill_now(self, pid: int) -> None:
        """Kill the kernel's whole process group (it called ``setsid()``)."""
        os.killpg(pid, signal.SIGKILL)


class ForkKernelManager(TimedKernelManager):
    """``python3`` kernel on this interpreter, forked from the zygote (see module doc).

    :func:`manager_class` makes one subclass per job with its time limit, extra
    environment and the list of kernels killed for running past the limit.
    """

    provisioner_class = ForkProvisioner


def manager_class(
    time_limit: float | None = None, extra_env: dict[str, str] | None = None
) -> type[TimedKernelManager]:
    """The kernel manager class of one job: forked from the zygote where the mode allows.

    In the normal mode a :class:`ForkKernelManager` subclass; in the portable mode
    (:func:`lkip_helpers._platform.current_mode`) a standard
    :class:`~lkip_helpers.batch.jobkernel.TimedKernelManager` subclass (one kernel
    process per notebook, TCP on 127.0.0.1, no zygote).  ``time_limit`` (seconds): a
    kernel still running after that long is killed (the chapter then fails;
    ``timed_out`` lists the pids).  ``extra_env`` is added to the kernel's environment.
    """
    base = ForkKernelManager if current_mode().zygote else TimedKernelManager
    return type("JobKernelManager", (base,), job_attributes(time_limit, extra_env))
