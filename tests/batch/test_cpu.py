"""CPU-seconds of a process tree: live processes, reaped children, races, stages."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lkip_helpers.batch import cpu
from lkip_helpers.batch.kernels import ForkedProcess, Zygote

TICK = 1 / os.sysconf("SC_CLK_TCK")

# Burns CPU-seconds (argv[1]), then prints what it used and waits for a line on stdin.
_BURN = """
import sys, time
start = time.process_time()
while time.process_time() - start < float(sys.argv[1]):
    pass
print(time.process_time(), flush=True)
sys.stdin.readline()
"""

# Starts a grandchild that burns, reaps it (or not: SIGCHLD ignored), prints its CPU, waits.
_MIDDLE = """
import signal, subprocess, sys
if sys.argv[2] == "ignore":
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
child = subprocess.Popen([sys.executable, "-c", sys.argv[3], sys.argv[1]], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True)
used = child.stdout.readline().strip()
child.stdin.close()
try:
    child.wait()
except ChildProcessError:  # reaped by the kernel already (SIG_IGN)
    pass
print(used, flush=True)
sys.stdin.readline()
"""


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[str]]]:
    procs: list[subprocess.Popen[str]] = []
    yield procs
    for proc in procs:
        proc.kill()
        proc.wait()


def _finish(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait()


def test_one_process_and_no_process() -> None:
    me = cpu.process_cpu(os.getpid())
    assert me is not None
    assert me.ppid == os.getppid()
    assert me.own > 0
    assert me.total == me.own + me.reaped
    assert cpu.process_cpu(2**22 + 12345) is None
    assert cpu.tree_cpu_seconds(2**22 + 12345) == 0.0


def test_a_live_child_counts(started: list[subprocess.Popen[str]]) -> None:
    before = cpu.tree_cpu_seconds()
    child = _start(_BURN, "0.3")
    started.append(child)
    assert child.stdout is not None
    used = float(child.stdout.readline())
    assert child.poll() is None  # alive, waiting for its line
    assert cpu.tree_cpu_seconds() - before >= used - 2 * TICK


def test_a_child_that_burns_and_is_reaped_still_counts() -> None:
    before = cpu.tree_cpu_seconds()
    child = _start(_BURN, "0.3")
    assert child.stdout is not None
    used = float(child.stdout.readline())
    _finish(child)  # waited for: its times are now in this process's children times
    assert not Path(f"/proc/{child.pid}").exists()
    assert cpu.tree_cpu_seconds() - before >= used - 2 * TICK


def test_a_grandchild_reaped_by_a_live_child_counts(started: list[subprocess.Popen[str]]) -> None:
    before = cpu.tree_cpu_seconds()
    middle = _start(_MIDDLE, "0.3", "wait", _BURN)
    started.append(middle)
    assert middle.stdout is not None
    used = float(middle.stdout.readline())
    assert middle.poll() is None  # the middle one is alive: the grandchild is in its children times
    middle_cpu = cpu.process_cpu(middle.pid)
    assert middle_cpu is not None
    assert middle_cpu.reaped >= used - 2 * TICK
    assert cpu.tree_cpu_seconds() - before >= used - 2 * TICK


def test_a_child_nobody_waits_for_is_lost(started: list[subprocess.Popen[str]]) -> None:
    """The documented under-count: a parent ignoring SIGCHLD (the kernel reaps) loses its
    children's CPU; this is why the zygote reaps its kernels itself."""
    middle = _start(_MIDDLE, "0.3", "ignore", _BURN)
    started.append(middle)
    assert middle.stdout is not None
    used = float(middle.stdout.readline())
    assert used >= 0.3
    middle_cpu = cpu.process_cpu(middle.pid)
    assert middle_cpu is not None
    assert middle_cpu.reaped < used / 2


def test_the_figure_never_goes_down_while_children_come_and_go() -> None:
    tree = cpu.TreeCpu()
    readings = [tree.seconds()]
    for _ in range(4):
        child = _start(_BURN, "0.05")
        readings.append(tree.seconds())
        assert child.stdout is not None
        child.stdout.readline()
        readings.append(tree.seconds())
        _finish(child)
        readings.append(tree.seconds())
    assert readings == sorted(readings)
    assert readings[-1] - readings[0] >= 4 * 0.05 - 2 * TICK


def test_tree_cpu_keeps_the_largest_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    samples = iter([5.0, 4.0, 6.0, 5.5])
    monkeypatch.setattr(cpu, "tree_cpu_seconds", lambda _root=None: next(samples))
    tree = cpu.TreeCpu()
    assert [tree.seconds() for _ in range(4)] == [5.0, 5.0, 6.0, 6.0]


def test_a_child_gone_between_listing_and_reading_is_sampled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """First sample: child 3 is listed, then reaped before it is read (and after root 1 was
    read: its CPU is nowhere).  The second sample sees it in the root's children times."""
    listings = iter([[2, 3], [2]])
    roots = iter([cpu.ProcessCpu(0, 1.0, 0.0), cpu.ProcessCpu(0, 1.0, 2.0)])
    monkeypatch.setattr(cpu, "child_pids", lambda pid: next(listings) if pid == 1 else [])
    readings = {2: cpu.ProcessCpu(1, 0.5, 0.0), 3: None}
    monkeypatch.setattr(cpu, "process_cpu", lambda pid: next(roots) if pid == 1 else readings[pid])
    assert cpu.tree_cpu_seconds(1) == pytest.approx(1.0 + 2.0 + 0.5)


def test_a_sample_still_short_after_every_attempt_is_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(cpu, "child_pids", lambda pid: [2] if pid == 1 else [])

    def read(pid: int) -> cpu.ProcessCpu | None:
        calls.append(pid)
        return cpu.ProcessCpu(0, 1.0, 0.0) if pid == 1 else None

    monkeypatch.setattr(cpu, "process_cpu", read)
    assert cpu.tree_cpu_seconds(1) == 1.0
    assert calls.count(1) == cpu.ATTEMPTS


def test_a_reused_pid_of_another_parent_is_not_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cpu, "child_pids", lambda pid: [2, 3] if pid == 1 else [])
    readings = {1: cpu.ProcessCpu(0, 1.0, 0.0), 2: cpu.ProcessCpu(1, 0.5, 0.0), 3: cpu.ProcessCpu(77, 9.0, 9.0)}
    monkeypatch.setattr(cpu, "process_cpu", readings.get)
    assert cpu.tree_cpu_seconds(1) == pytest.approx(1.5)


def test_stages_add_up_and_are_never_negative() -> None:
    clock = iter([10.0, 10.5, 12.0, 11.0, 14.0, 15.0])
    stages = cpu.StageCpu(lambda: next(clock))  # created at 10.0
    stages.mark("data")  # 10.5: the 0.5 before the first stage is in the total only
    stages.mark("01_bab")  # 12.0
    stages.mark("pdf")  # 11.0: a clock that went back gives 0, not a negative stage
    stages.mark("01_bab")  # 14.0: a stage started again adds up
    assert stages.finish() == {"data": 1.5, "01_bab": 1.0, "pdf": 3.0}  # finished at 15.0
    assert stages.total == 5.0


def _wait_gone(pid: int) -> None:
    """Return once ``/proc/<pid>`` is gone (reaped); fail if it stays a zombie."""
    for _ in range(500):
        if not Path(f"/proc/{pid}").exists():
            return
        time.sleep(0.02)
    pytest.fail(f"process {pid} was never reaped")


def test_the_zygote_reaps_its_kernels_into_its_children_times(tmp_path: Path) -> None:
    """A kernel that ends is waited for by the zygote (no zombie, its CPU in the zygote's
    children times); the zygote's own, with its kernels', reaches the worker when it stops."""
    zygote = Zygote(preload=("json",))
    try:
        before = cpu.process_cpu(zygote.process.pid)
        assert before is not None
        pid = zygote.fork_kernel(["--help"], dict(os.environ), str(tmp_path))  # ipykernel prints help, exits
        ForkedProcess(pid, zygote.process.pid).wait(timeout=120)
        _wait_gone(pid)  # reaped: no zombie left
        after = cpu.process_cpu(zygote.process.pid)
        assert after is not None
        assert after.reaped - before.reaped > 0.05  # importing ipykernel is not free
        mine = cpu.process_cpu(os.getpid())
        assert mine is not None
    finally:
        zygote.close()
    closed = cpu.process_cpu(os.getpid())
    assert closed is not None
    assert closed.reaped - mine.reaped >= after.total - 2 * TICK


def test_the_portable_mode_reads_the_same_through_psutil(monkeypatch: pytest.MonkeyPatch) -> None:
    child = _start(_BURN, "0.2")
    try:
        assert child.stdout is not None
        used = float(child.stdout.readline())
        by_proc = cpu.process_cpu(child.pid)
        monkeypatch.setenv("LKIP_PORTABEL", "1")
        by_psutil = cpu.process_cpu(child.pid)
        assert by_proc is not None
        assert by_psutil is not None
        assert by_psutil.ppid == by_proc.ppid == os.getpid()
        assert by_psutil.own >= used - 2 * TICK
        assert abs(by_psutil.own - by_proc.own) <= 2 * TICK
        assert child.pid in cpu.child_pids(os.getpid())
        me = cpu.process_cpu(os.getpid())
        assert me is not None
        assert cpu.tree_cpu_seconds() >= me.own + used - 2 * TICK
    finally:
        _finish(child)
