"""PeakMemory: the summed PSS of the worker, its zygote and the zygote's children."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from lkip_helpers.batch import memory

# A stand-in zygote: a Python that starts one child holding ~60 MB, then waits.
_ZYGOTE = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c",
    "import time; b = bytearray(60 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); print('ok', flush=True); time.sleep(60)"],
    stdout=subprocess.PIPE, text=True)
assert child.stdout.readline().strip() == "ok"
print(child.pid, flush=True)
time.sleep(60)
"""


@pytest.fixture
def zygote() -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", _ZYGOTE], stdout=subprocess.PIPE, text=True)
    proc.child_pid = int(proc.stdout.readline())  # type: ignore[attr-defined]
    yield proc
    os.kill(proc.child_pid, 9)  # type: ignore[attr-defined]
    proc.kill()
    proc.wait()


def test_pss_of_this_process_and_of_no_process() -> None:
    assert memory.pss_kb(os.getpid()) > 10_000
    assert memory.pss_kb(2**22 + 12345) == 0  # no such pid


def test_peak_counts_worker_zygote_and_its_children(zygote: subprocess.Popen[str]) -> None:
    alone = memory.PeakMemory(lambda: None)
    with_zygote = memory.PeakMemory(lambda: zygote.pid, interval=0.05)
    own = alone.sample()
    with with_zygote:
        time.sleep(0.2)
    child = memory.pss_kb(zygote.child_pid)  # type: ignore[attr-defined]
    assert child > 60 * 1024
    assert with_zygote.peak_kb >= child + 0.9 * own  # own PSS shrinks a little as others map the same libraries
    assert with_zygote.peak_mb == round(with_zygote.peak_kb / 1024, 1)


def test_sample_now_reaches_active_samplers_only() -> None:
    sampler = memory.PeakMemory(lambda: None, interval=3600)
    memory.sample_now()  # nothing active: no error
    with sampler:
        sampler.peak_kb = 0
        memory.sample_now()
        assert sampler.peak_kb > 0
    sampler.peak_kb = 0
    memory.sample_now()
    assert sampler.peak_kb == 0
