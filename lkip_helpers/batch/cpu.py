"""What one batch worker costs the machine in CPU: seconds of its whole process tree.

A worker's tree is the worker itself, its zygote (:mod:`._zygote`) and the kernels the
zygote forks, the PDF children (a fork per WeasyPrint PDF) and a headless Chromium with
its Playwright driver and its own children, which stay alive across reports.  The
measure, :func:`tree_cpu_seconds`, adds up for every *live* process of the tree its own
user + system time and its *reaped* children's (``/proc/<pid>/stat`` fields 14-17,
``utime stime cutime cstime``; psutil's ``cpu_times()`` in the portable mode,
:mod:`lkip_helpers._platform`).  A process that ends is reaped by its parent, and the
kernel then adds its times (and those of the children it had reaped) to the parent's
``cutime``/``cstime``: its CPU moves from one term to another and the sum does not
change.  So the figure grows with the tree's work, whatever starts or ends meanwhile.

When it counts too little:

* **A child nobody waits for.**  Its times are added to its parent only by ``wait()``.
  A parent that ignores ``SIGCHLD`` (``SIG_IGN``: the kernel reaps at once) loses them;
  the zygote therefore reaps its kernels with ``waitpid`` (:mod:`._zygote`).  A zombie
  not yet reaped still counts (its ``/proc`` entry keeps its times).
* **A process re-parented to init** (its parent ended before it; a daemon that forks
  twice) leaves the tree: its CPU from then on, and all of it once it ends, is not
  counted.  The zygote waits for the kernels it kills when it stops, and Chromium reaps
  its own children, so in a worker this is only what is left behind on a crash.
* **Born between two reads.**  A child started after its parent's children were listed
  is counted from the next sample on (it has used next to nothing yet).
* **Dying between two reads.**  The children of a process are listed *before* its own
  times are read, and each child's ``ppid`` must be that process.  A listed child that
  can no longer be read was reaped meanwhile: before its parent was read (counted there,
  correct) or after (counted nowhere).  Either way the sample is taken again (at most
  :data:`ATTEMPTS` times); nothing can be counted twice, because a child's times are in
  its parent's ``cutime`` only once it is gone from ``/proc``.
* **Windows and macOS** (portable mode) report no reaped children: only live processes
  and what the worker itself reaped on Linux count there.

It never counts too much, except a pid reused by a new child of the same parent
between two reads (not seen in practice).  :class:`TreeCpu` makes the figure monotone
(the largest seen so far), so a sample that still came out short after every attempt,
or CPU lost with an orphan, never makes a stage negative; the loss is then taken out
of the stages that follow.  The clock tick is ``SC_CLK_TCK`` (1/100 s on Linux): a stage
is exact to a few hundredths of a second.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .._platform import current_mode
from .memory import child_pids

__all__ = ["ATTEMPTS", "ProcessCpu", "StageCpu", "TreeCpu", "process_cpu", "tree_cpu_seconds"]

#: Samples taken at most until one sees no process vanish while it was read.
ATTEMPTS = 5


@dataclass(frozen=True)
class ProcessCpu:
    """CPU-seconds of one process: its own (all its threads) and its reaped children's."""

    ppid: int
    own: float  # user + system
    reaped: float  # children_user + children_system: the children it has waited for

    @property
    def total(self) -> float:
        """Own and reaped together."""
        return self.own + self.reaped


def process_cpu(pid: int) -> ProcessCpu | None:
    """The CPU of process ``pid`` now; None when it is gone or unreadable."""
    if current_mode().memory_source == "psutil":
        return _psutil_cpu(pid)
    return _proc_cpu(pid)


def _proc_cpu(pid: int) -> ProcessCpu | None:
    """From ``/proc/<pid>/stat`` (fields 4 and 14-17; the name in field 2 may hold spaces)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ppid = int(fields[1])
        utime, stime, cutime, cstime = (int(v) for v in fields[11:15])
    except (OSError, ValueError, IndexError):
        return None
    tick = os.sysconf("SC_CLK_TCK")
    return ProcessCpu(ppid, (utime + stime) / tick, (cutime + cstime) / tick)


def _psutil_cpu(pid: int) -> ProcessCpu | None:
    """Through psutil (children's times are 0 where the system keeps none)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        with proc.oneshot():
            times, ppid = proc.cpu_times(), proc.ppid()
    except (psutil.Error, OSError):
        return None
    reaped = getattr(times, "children_user", 0.0) + getattr(times, "children_system", 0.0)
    return ProcessCpu(ppid, times.user + times.system, reaped)


def _sample(root: int) -> tuple[float, bool]:
    """(CPU-seconds of ``root``'s tree, whether every listed process could be read)."""
    total, whole = 0.0, True
    stack: list[tuple[int, int | None]] = [(root, None)]
    while stack:
        pid, parent = stack.pop()
        children = child_pids(pid)  # before its own times: see the module doc
        cpu = process_cpu(pid)
        if cpu is None or (parent is not None and cpu.ppid != parent):
            whole = whole and parent is None  # the root itself gone: nothing to retry
            continue
        total += cpu.total
        stack.extend((child, pid) for child in children)
    return total, whole


def tree_cpu_seconds(root: int | None = None) -> float:
    """CPU-seconds of ``root`` (default: this process) and every live descendant, with
    everything each of them has reaped (see the module doc); 0 when ``root`` is gone."""
    pid = os.getpid() if root is None else root
    total = 0.0
    for _ in range(ATTEMPTS):
        total, whole = _sample(pid)
        if whole:
            break
    return total


class TreeCpu:
    """A process tree's CPU-seconds, never smaller than a reading before it."""

    def __init__(self, root: int | None = None) -> None:
        self.root = root
        self.highest = 0.0

    def seconds(self) -> float:
        """Take a sample now; return the largest figure seen so far."""
        self.highest = max(self.highest, tree_cpu_seconds(self.root))
        return self.highest


class StageCpu:
    """CPU-seconds of each stage of one job, from a monotone ``clock`` (a :class:`TreeCpu`).

    :meth:`mark` starts a stage (and ends the one before); :meth:`finish` ends the last
    one.  A stage started twice adds up.  Figures in seconds, three decimals.
    """

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        self._clock = clock or TreeCpu().seconds
        self._start = self._clock()
        self._first = self._start
        self._current: str | None = None
        self.stages: dict[str, float] = {}

    def _close(self, now: float) -> None:
        if self._current is not None:
            self.stages[self._current] = self.stages.get(self._current, 0.0) + max(0.0, now - self._start)
        self._start = now

    def mark(self, name: str) -> None:
        """Stage ``name`` starts now."""
        self._close(self._clock())
        self._current = name

    def finish(self) -> dict[str, float]:
        """End the current stage; return every stage's CPU-seconds so far."""
        self._close(self._clock())
        self._current = None
        return {k: round(v, 3) for k, v in self.stages.items()}

    @property
    def total(self) -> float:
        """CPU-seconds from the creation to the last :meth:`mark` or :meth:`finish`."""
        return round(max(0.0, self._start - self._first), 3)
