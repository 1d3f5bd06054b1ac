"""The fault suite, output side: kill -9 mid-batch, two renders at once, a full disk.

Each case first renders good outputs, then breaks the next render, and asserts that the
good outputs are intact (byte for byte), that nothing half-written is left to be taken
for a report, and that the next run cleans up and completes.  Small fixture chapters
(``tests/batch/batch_fixtures.py``) keep each render to a few seconds.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import yaml
from batch_fixtures import make_params, set_catatan  # conftest.py puts tests/batch on the path
from typer.testing import CliRunner

from lkip_helpers.cli import app

pytestmark = pytest.mark.slow

LKIP = str(Path(sys.executable).parent / "lkip")


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".lkip-batch")  # the batch's own timing note, not an output
    }


def _params(root: Path, names: dict[str, str], keluaran: Path | None = None) -> Path:
    make_params(root, names)
    path = root / "params" / "uji.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "kabupaten": "Jember",
                "tahun": 2023,
                "data": "../data/2023",
                "keluaran": str(keluaran) if keluaran else "../outputs/2023",
                "format": ["html"],
                "kecamatan": list(names),
            }
        ),
        encoding="utf-8",
    )
    return path


def _staging(out: Path) -> list[Path]:
    return sorted(out.glob(".*sedang-disusun*"))


def _kill_tree(proc: subprocess.Popen[bytes]) -> None:
    """kill -9 the process and everything it started (workers, zygote, kernels)."""
    try:
        family = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        family = []
    for p in family:
        try:
            p.send_signal(signal.SIGKILL)
        except psutil.NoSuchProcess:
            pass
    proc.wait(30)


NAMES = {"Ajung": "ajung"}


def test_kill_9_mid_batch_loses_nothing_and_the_next_run_cleans_up(project: Path) -> None:
    params = _params(project, NAMES)
    first = CliRunner().invoke(app, ["render", "--params", str(params), "--jobs", "1"])
    assert first.exit_code == 0, first.output
    out = project / "outputs" / "2023"
    before = {slug: _digest(out / slug) for slug in NAMES.values()}

    for slug in NAMES.values():  # every kecamatan must render again
        set_catatan(project / "data" / "2023" / slug, "versi kedua")
    proc = subprocess.Popen([LKIP, "render", "--params", str(params), "--jobs", "1"], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not _staging(out) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert _staging(out), "no render was in progress to kill"
    _kill_tree(proc)
    assert proc.returncode == -signal.SIGKILL

    for slug in NAMES.values():  # each output is the old whole report or a new whole one, never a mix
        now = _digest(out / slug)
        assert now == before[slug] or set(now) == set(before[slug]), slug
    left = _staging(out)
    assert left, "the killed render's staging folder is what the next run must clean"

    again = CliRunner().invoke(app, ["render", "--params", str(params), "--jobs", "1"])
    assert again.exit_code == 0, again.output
    assert _staging(out) == []  # the dead render's leftovers are gone
    for slug in NAMES.values():
        assert set(_digest(out / slug)) == set(before[slug])
        assert "gagal" not in {p.name for p in (out / slug).iterdir()}


def test_two_renders_of_one_kecamatan_at_once_leave_one_whole_report(project: Path) -> None:
    params = _params(project, {"Ajung": "ajung"})
    args = [LKIP, "render", "--params", str(params), "--jobs", "1", "--force"]
    procs = [subprocess.Popen(args, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT) for _ in range(2)]
    outputs = [p.communicate(timeout=300)[0].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    out = project / "outputs" / "2023"
    together = _digest(out / "ajung")
    assert _staging(out) == []

    alone = CliRunner().invoke(app, ["render", "--params", str(params), "--jobs", "1", "--force"])
    assert alone.exit_code == 0, alone.output
    assert _digest(out / "ajung") == together  # byte-identical to a render on its own


def _mount_tmpfs(where: Path, size_mb: int) -> str | None:
    """Mount a small tmpfs at ``where``; the reason it cannot be done otherwise."""
    where.mkdir(parents=True, exist_ok=True)
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "perlu root untuk memasang tmpfs kecil (disk penuh tidak diuji)"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(where)],
                          capture_output=True, text=True, check=False)
    return None if done.returncode == 0 else f"mount tmpfs gagal: {done.stderr.strip()}"


def _fill(where: Path) -> Path:
    """Fill the file system of ``where`` to the last byte."""
    filler = where / "pengisi.bin"
    with filler.open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * (1 << 16))
                fh.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_leaves_the_good_report_untouched(project: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    reason = _mount_tmpfs(disk, 64)
    if reason:
        print(f"DILEWATI: {reason}")
        pytest.skip(reason)
    try:
        out = disk / "2023"
        params = _params(project, {"Ajung": "ajung"}, keluaran=out)
        first = CliRunner().invoke(app, ["render", "--params", str(params), "--jobs", "1"])
        assert first.exit_code == 0, first.output
        before = _digest(out / "ajung")

        filler = _fill(disk)
        full = CliRunner().invoke(app, ["render", "--params", str(params), "--jobs", "1", "--force"])
        assert full.exit_code == 1, full.output
        assert "Traceback" not in full.output
        assert _digest(out / "ajung") == before or {
            k: v for k, v in _digest(out / "ajung").items() if not k.startswith("gagal/")
        } == before  # the good report is intact; only a readable failure note may be added
        assert _staging(out) == []
        for kept in (out / "ajung" / "gagal").glob("*.ipynb") if (out / "ajung" / "gagal").exists() else []:
            import nbformat

            nbformat.read(kept, as_version=4)  # a kept failed notebook is whole, never truncated

        filler.unlink()
        again = CliRunner().invoke(app, ["render", "--params", str(params), "--jobs", "1", "--force"])
        assert again.exit_code == 0, again.output
        assert not (out / "ajung" / "gagal").exists()
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
