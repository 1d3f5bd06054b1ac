"""What one batch worker costs the machine in memory, measured while it works.

A worker is a tree of processes: the worker itself (papermill, nbconvert), its zygote
(pre-loaded imports), the kernels the zygote forks, which share most of their pages
with it, and the short-lived child that lays out each PDF.  Adding up each process's
own peak overstates the cost twice over: shared pages are counted once per process, and
the peaks do not happen at the same time (the kernels are gone when the PDF is laid out).  :class:`PeakMemory` samples the
*sum* of the processes' PSS (each shared page split among the processes that map it,
Linux ``/proc/<pid>/smaps_rollup``) while a job runs, and once more whenever a kernel is
about to be shut down, when it is at its largest.  Its peak is the figure the batch
summary and the benchmark report.

In the portable mode (:func:`lkip_helpers._platform.current_mode`: no ``/proc``, or
``LKIP_PORTABEL=1``) sizes and children come from psutil instead: PSS where the system
reports it (Linux), else USS (the pages only that process maps: Windows, macOS), else
RSS.  There is no zygote then; kernels and the PDF child count as ``lain``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._platform import current_mode

__all__ = ["PeakMemory", "child_pids", "pss_kb", "release_memory", "sample_now"]

_ACTIVE: list[PeakMemory] = []


def pss_kb(pid: int) -> int:
    """PSS of a process in KB (its share of every page it maps); 0 when unknown or gone.

    Read from ``/proc`` in the normal mode, through psutil in the portable one (see the
    module doc for what is measured where PSS is not available).
    """
    if current_mode().memory_source == "psutil":
        return _psutil_kb(pid)
    return _proc_pss_kb(pid)


def _proc_pss_kb(pid: int) -> int:
    """PSS from ``/proc/<pid>/smaps_rollup`` in KB; 0 when unknown or gone."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _psutil_kb(pid: int) -> int:
    """PSS, else USS, else RSS of a process through psutil, in KB; 0 when unknown or gone."""
    import psutil

    try:
        info = psutil.Process(pid).memory_full_info()
    except (psutil.Error, OSError):
        return 0
    for name in ("pss", "uss", "rss"):
        value = getattr(info, name, None)
        if value:
            return int(value) // 1024
    return 0


def child_pids(pid: int) -> list[int]:
    """Child pids of ``pid`` (``/proc`` in the normal mode, psutil in the portable one; none when it is gone)."""
    if current_mode().memory_source == "psutil":
        return _psutil_children(pid)
    return _proc_children(pid)


def _psutil_children(pid: int) -> list[int]:
    """Direct child pids of ``pid`` through psutil (none when it is gone)."""
    import psutil

    try:
        return [child.pid for child in psutil.Process(pid).children()]
    except (psutil.Error, OSError):
        return []


def _proc_children(pid: int) -> list[int]:
    """Child pids of ``pid`` (over all its threads; a thread that ends meanwhile is skipped)."""
    out: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return out
    for task in tasks:
        with contextlib.suppress(OSError, ValueError):
            out.extend(int(c) for c in (task / "children").read_text().split())
    return out


class PeakMemory:
    """Sample the summed PSS of this process and all its descendants.

    Use as a context manager around one job; ``peak_mb`` is the largest sum seen, and
    ``peak_parts`` splits it into the worker, the zygote, its kernels and the rest (the
    PDF child).  ``zygote`` is called at each sample (it may start or be replaced mid-job).
    """

    def __init__(self, zygote: Callable[[], int | None], interval: float = 1.0) -> None:
        self._zygote = zygote
        self._interval = interval
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self.peak_kb = 0
        #: KB per part at the peak: ``{"pekerja": ..., "zygote": ..., "kernel": ...}``
        self.peak_parts: dict[str, int] = {}

    def _parts(self) -> dict[str, int]:
        me, zygote = os.getpid(), self._zygote()
        parts = {"pekerja": pss_kb(me), "zygote": 0, "kernel": 0, "lain": 0}
        stack = [(pid, "lain") for pid in child_pids(me)]
        while stack:
            pid, part = stack.pop()
            if pid == zygote:
                parts["zygote"] += pss_kb(pid)
                stack.extend((child, "kernel") for child in child_pids(pid))
            else:
                parts[part] += pss_kb(pid)
                stack.extend((child, part) for child in child_pids(pid))
        return parts

    def sample(self) -> int:
        """Take one sample now; return the sum in KB."""
        parts = self._parts()
        total = sum(parts.values())
        with self._lock:
            if total > self.peak_kb:
                self.peak_kb, self.peak_parts = total, parts
        return total

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            self.sample()

    def __enter__(self) -> PeakMemory:
        self.sample()
        self._thread = threading.Thread(target=self._loop, name="lkip-memori", daemon=True)
        self._thread.start()
        _ACTIVE.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self in _ACTIVE:
            _ACTIVE.remove(self)
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self.sample()

    @property
    def peak_mb(self) -> float:
        """The peak in MB (1 MB = 1024 KB), one decimal."""
        return round(self.peak_kb / 1024, 1)


def sample_now() -> None:
    """Sample every active :class:`PeakMemory` (called just before a kernel shuts down)."""
    for sampler in list(_ACTIVE):
        sampler.sample()


def release_memory() -> None:
    """Give the heap that the job freed back to the system before the next job starts.

    A job leaves tens of MB of freed but still mapped heap (parsed notebooks, the stitched
    page); glibc returns it only on ``malloc_trim``.  Without it every later job of the
    worker starts that much larger.
    """
    import gc

    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim`` from the symbols already loaded (no ``find_library``: it runs
    ``ldconfig`` in a child process), or None where there is none."""
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # not glibc (macOS: no malloc_trim; Windows: no CDLL(None))
        return None
