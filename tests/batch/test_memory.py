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
    with_zygote = memory.PeakMemory(lambda: zygote.pid, interval=0.05)
    own = memory.pss_kb(os.getpid())
    with with_zygote:
        time.sleep(0.2)
    child = memory.pss_kb(zygote.child_pid)  # type: ignore[attr-defined]
    assert child > 60 * 1024
    parts = with_zygote.peak_parts
    assert parts["kernel"] >= 0.9 * child  # the zygote's child, counted as its kernel
    assert parts["zygote"] > 1024
    assert parts["pekerja"] >= 0.9 * own  # own PSS shrinks a little as others map the same libraries
    assert with_zygote.peak_kb == sum(parts.values())


def test_without_a_zygote_every_descendant_is_counted(zygote: subprocess.Popen[str]) -> None:
    sampler = memory.PeakMemory(lambda: None)
    sampler.sample()
    assert sampler.peak_parts["zygote"] == sampler.peak_parts["kernel"] == 0
    assert sampler.peak_parts["lain"] >= memory.pss_kb(zygote.child_pid)  # type: ignore[attr-defined]
    assert sampler.peak_mb == round(sampler.peak_kb / 1024, 1)


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


def test_release_memory_starts_no_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child started mid-job (ctypes.util.find_library runs ldconfig) would be sampled as a
    second copy of the worker: trimming the heap must not start one."""
    def refuse(*_a: object, **_k: object) -> None:
        msg = "no child process here"
        raise AssertionError(msg)

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(os, "fork", refuse)
    memory._malloc_trim.cache_clear()
    memory.release_memory()
    assert memory._malloc_trim() is not None  # glibc
