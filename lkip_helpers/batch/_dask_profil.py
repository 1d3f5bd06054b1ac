"""A Dask worker plugin that stops the worker's statistical profiler (imported on the Dask path only).

A Dask worker samples the stack of its running task every 10 ms and keeps one merged
profile per second for its last 1,000 seconds (``distributed.admin.low-level-log-length``).
An lkip task runs for seconds in deep stacks (nbclient, papermill, asyncio, the report
object), so each second's profile is a large tree of dicts: measured on 30 synthetic
reports, a worker grew by ~1.4 MB per report (476 -> 531 MB) until the history is full,
about 200 MB more, and the sampling costs CPU on every tick.  Nobody reads that profile
while a kabupaten renders; the batch's own per-stage seconds and CPU are in every
report's stamp.  Starting workers with ``DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False``
does the same from the start.
"""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin, profile

__all__ = ["TanpaProfil"]


class TanpaProfil(WorkerPlugin):
    """Stop the profiler of every worker of the cluster (those there now and those joining) and drop its history."""

    name = "lkip-tanpa-profil"
    idempotent = True

    def setup(self, worker: Any) -> None:  # runs on the worker's event loop
        for key in ("profile", "profile-cycle"):
            callback = worker.periodic_callbacks.get(key)
            if callback is not None:
                callback.stop()
        worker.profile_history.clear()
        worker.profile_keys_history.clear()
        worker.profile_keys.clear()
        worker.profile_recent = profile.create()
