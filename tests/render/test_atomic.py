"""Outputs survive crashes and concurrent renders: unique temporary files, locked swaps, stale staging removed."""

from __future__ import annotations

import multiprocessing as mp
import os
from pathlib import Path

from lkip_helpers.render.atomic import clean_stale, commit, keep_failed, staging_dir, write_atomic

BIG = 262_144


def _writer(path: str, tag: bytes, n: int, errors: mp.Queue) -> None:
    try:
        for _ in range(n):
            write_atomic(Path(path), tag * BIG)
    except Exception as exc:  # noqa: BLE001 - reported to the test
        errors.put(repr(exc))


def _reader(path: str, n: int, bad: mp.Queue) -> None:
    ok = {b"a" * BIG, b"b" * BIG, b"0" * BIG}
    for _ in range(n):
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            bad.put("file missing")
            continue
        if data not in ok:
            bad.put(f"partial read of {len(data)} bytes")


def _drain(q: mp.Queue) -> list[str]:
    out = []
    while not q.empty():
        out.append(q.get())
    return out


def test_two_writers_and_a_reader_never_see_a_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "index.html"
    write_atomic(target, b"0" * BIG)
    ctx = mp.get_context("fork")
    errors, bad = ctx.Queue(), ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(target), tag, 150, errors)) for tag in (b"a", b"b")]
    procs.append(ctx.Process(target=_reader, args=(str(target), 400, bad)))
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0, 0]
    assert _drain(errors) == []
    assert _drain(bad) == []
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary file left


def _committer(out: str, tag: str, n: int, errors: mp.Queue) -> None:
    try:
        for i in range(n):
            with staging_dir(Path(out)) as staged:
                nb = staged / "notebooks"
                nb.mkdir()
                for k in range(3):
                    (nb / f"{k}.ipynb").write_text(f"{tag}{i}", encoding="utf-8")
                (staged / "laporan.html").write_text(f"{tag}{i}", encoding="utf-8")
                commit(staged, Path(out), ["notebooks", "laporan.html"])
    except Exception as exc:  # noqa: BLE001 - reported to the test
        errors.put(repr(exc))


def test_two_renders_committing_at_once_leave_one_whole_report(tmp_path: Path) -> None:
    out = tmp_path / "umbulsari"
    ctx = mp.get_context("fork")
    errors = ctx.Queue()
    procs = [ctx.Process(target=_committer, args=(str(out), tag, 60, errors)) for tag in ("a", "b")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    assert _drain(errors) == []
    notebooks = {p.read_text(encoding="utf-8") for p in (out / "notebooks").iterdir()}
    assert len(notebooks) == 1  # the notebooks folder is one render's, whole
    assert sorted(p.name for p in (out / "notebooks").iterdir()) == ["0.ipynb", "1.ipynb", "2.ipynb"]
    assert not list(tmp_path.glob(".*sedang-disusun*"))


def test_staging_folders_of_dead_renders_are_removed_live_ones_kept(tmp_path: Path) -> None:
    dead = tmp_path / ".umbulsari.sedang-disusun-999999999-abc"
    dead.mkdir()
    mine = tmp_path / f".ajung.sedang-disusun-{os.getppid()}-xyz"  # a live process (the parent)
    mine.mkdir()
    with staging_dir(tmp_path / "umbulsari") as staged:
        assert staged.exists()
        assert not dead.exists()
        assert mine.exists()
    assert clean_stale(tmp_path) == []


def test_a_truncated_failed_notebook_is_not_kept(tmp_path: Path) -> None:
    nb = tmp_path / "03_akuntabilitas.ipynb"
    nb.write_text('{"cells": [{"cell_type": "code", "sour', encoding="utf-8")  # the disk filled up
    assert keep_failed(nb, tmp_path / "out") is None
    assert not (tmp_path / "out" / "gagal" / "03_akuntabilitas.ipynb").exists()
    nb.write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', encoding="utf-8")
    kept = keep_failed(nb, tmp_path / "out")
    assert kept == tmp_path / "out" / "gagal" / "03_akuntabilitas.ipynb"
    assert kept.read_text(encoding="utf-8").startswith('{"cells"')


def test_the_staging_folder_of_a_killed_worker_not_yet_reaped_is_removed(tmp_path: Path) -> None:
    """kill -9 of a batch leaves its workers as zombies until init reaps them: they render nothing."""
    import subprocess
    import sys
    import time

    import psutil

    child = subprocess.Popen([sys.executable, "-c", "pass"])  # noqa: S603 - this interpreter
    deadline = time.monotonic() + 30
    while psutil.Process(child.pid).status() != psutil.STATUS_ZOMBIE and time.monotonic() < deadline:
        time.sleep(0.02)  # ended, not waited for: a zombie
    assert psutil.Process(child.pid).status() == psutil.STATUS_ZOMBIE
    stale = tmp_path / f".ajung.sedang-disusun-{child.pid}-abc"
    stale.mkdir()
    try:
        assert clean_stale(tmp_path) == [stale]
    finally:
        child.wait()
