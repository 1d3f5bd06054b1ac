"""The kernel of one batch job: a time limit, extra environment, memory sampled at shutdown.

:class:`TimedKernelManager` starts a standard kernel process (``python -m
ipykernel_launcher`` through jupyter_client's :class:`LocalProvisioner`); it is what
the portable mode uses (:mod:`lkip_helpers._platform`: no ``fork()``, no Unix sockets,
or ``LKIP_PORTABEL=1``), and the base of :class:`~lkip_helpers.batch.kernels.
ForkKernelManager`, which asks the zygote to fork the kernel instead.  Both share what
a job needs of its kernels:

* ``time_limit`` (seconds): a kernel still running after that long is killed (the
  chapter then fails with a dead kernel; ``timed_out`` lists the pids);
* ``extra_env``: added to the kernel's environment;
* the worker's memory is sampled just before a kernel is shut down (when it is at its
  largest), and the kernel is then killed at once: its notebook is finished and a
  kernel started for one notebook has nothing to save.

:func:`lkip_helpers.batch.kernels.manager_class` makes the subclass for one job.
"""

from __future__ import annotations

import contextlib
import os
import threading
from typing import Any, ClassVar

from jupyter_client.provisioning import LocalProvisioner
from traitlets import default

from ..render.execute import ThisPythonKernelManager

__all__ = ["TimedKernelManager", "TimedProvisioner", "job_attributes"]


class TimedProvisioner(LocalProvisioner):
    """A standard kernel process with the job's extra environment and time limit."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
        env = dict(kwargs.get("env") or os.environ)
        env.update(getattr(self.parent, "extra_env", None) or {})
        info = await super().launch_kernel(cmd, **{**kwargs, "env": env})
        self.start_watchdog(int(self.pid or 0))
        return info

    def start_watchdog(self, pid: int) -> None:
        """Kill kernel ``pid`` when the manager's ``time_limit`` has passed (if it has one)."""
        limit = getattr(self.parent, "time_limit", None)
        if limit:
            self._watchdog = threading.Timer(limit, self._time_is_up, args=(pid,))
            self._watchdog.daemon = True
            self._watchdog.start()

    def _time_is_up(self, pid: int) -> None:
        """Kill a kernel that ran past the job's time limit (nbclient then reports it dead)."""
        if self.process is not None and self.process.poll() is None:
            manager = self.parent
            assert isinstance(manager, TimedKernelManager)
            type(manager).timed_out.append(pid)
            with contextlib.suppress(OSError):
                self.kill_now(pid)

    def kill_now(self, pid: int) -> None:
        """Kill the kernel process at once (``Popen.kill``: SIGKILL, or TerminateProcess on Windows)."""
        if self.process is not None:
            self.process.kill()

    def record_memory(self) -> None:
        """Sample the worker's memory now: a kernel about to shut down is at its largest."""
        from .memory import sample_now

        sample_now()

    async def cleanup(self, restart: bool = False) -> None:
        watchdog = getattr(self, "_watchdog", None)
        if watchdog is not None:
            watchdog.cancel()
        await super().cleanup(restart=restart)


class TimedKernelManager(ThisPythonKernelManager):
    """``python3`` kernel on this interpreter in a process of its own (see the module doc)."""

    time_limit: ClassVar[float | None] = None
    extra_env: ClassVar[dict[str, str]] = {}
    timed_out: ClassVar[list[int]] = []
    provisioner_class: ClassVar[type[TimedProvisioner]] = TimedProvisioner

    async def _async_pre_start_kernel(self, **kw: Any) -> Any:
        if self.provisioner is None:
            self.kernel_id = self.kernel_id or kw.pop("kernel_id", None) or _new_id()
            self.provisioner = self.provisioner_class(
                kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self
            )
        return await super()._async_pre_start_kernel(**kw)

    @default("shutdown_wait_time")
    def _shutdown_wait_time_default(self) -> float:
        return 2.0

    async def shutdown_kernel(self, now: bool = False, restart: bool = False) -> None:  # type: ignore[override]
        """Sample the memory, then kill the kernel (``now``): its notebook is finished, every
        reply and output is in, and a kernel started for one notebook has nothing to save."""
        if isinstance(self.provisioner, TimedProvisioner):
            self.provisioner.record_memory()
        await self._async_shutdown_kernel(now=True, restart=restart)


def _new_id() -> str:
    import uuid

    return str(uuid.uuid4())


def job_attributes(time_limit: float | None, extra_env: dict[str, str] | None) -> dict[str, object]:
    """Class attributes of a job's manager subclass (its own ``timed_out`` list)."""
    return {"time_limit": time_limit, "extra_env": dict(extra_env or {}), "timed_out": []}
