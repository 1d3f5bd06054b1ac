"""The batch on small fixture chapters: isolation of failures, summary, exit status, incremental."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nbformat
import pytest
import yaml
from batch_fixtures import break_data, make_params, set_catatan
from typer.testing import CliRunner

from lkip_helpers.batch import run_batch
from lkip_helpers.batch.runner import LOG_DIR
from lkip_helpers.batch.task import STAMP_FILE
from lkip_helpers.cli import app

pytestmark = pytest.mark.slow


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "gagal" not in p.parts
    }


def _write_params(root: Path, names: dict[str, str], limit: int) -> Path:
    make_params(root, names)  # copies the data sets
    path = root / "params" / "uji.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "kabupaten": "Jember",
                "tahun": 2023,
                "data": "../data/2023",
                "keluaran": "../outputs/2023",
                "format": ["html", "pdf"],
                "batas_waktu_bab": limit,
                "kecamatan": list(names),
            }
        ),
        encoding="utf-8",
    )
    return path


def test_one_kecamatan_failing_does_not_stop_the_others(project: Path) -> None:
    names = {"Ajung": "ajung", "Balung": "balung", "Puger": "puger", "Silo": "silo", "Panti": "panti"}
    params = _write_params(project, names, limit=20)
    runner = CliRunner()
    first = runner.invoke(app, ["render", "--params", str(params), "--jobs", "2"])
    assert first.exit_code == 0, first.output
    out = project / "outputs" / "2023"
    before = {slug: _digest(out / slug) for slug in names.values()}
    for slug in names.values():
        assert (out / slug / "laporan.html").exists()
        assert (out / slug / "laporan.pdf").exists()
        assert (out / slug / "notebooks" / "02_uji.ipynb").exists()
    assert "Ajung: 01_capaian" in first.output  # plain progress lines when not on a terminal

    data = project / "data" / "2023"
    break_data(data / "balung")  # bad data: nothing executes
    set_catatan(data / "puger", "MELEDAK")  # a chapter raises
    set_catatan(data / "silo", "MATI")  # the kernel dies
    set_catatan(data / "panti", "LAMBAT")  # a chapter exceeds the time limit
    second = runner.invoke(app, ["render", "--params", str(params), "--kecamatan", "Ajung", "Balung", "Puger",
                                 "Silo", "Panti", "--jobs", "2"])
    assert second.exit_code == 1, second.output
    text = " ".join(second.output.split())
    assert "1 tidak berubah (dilewati), 4 gagal" in text

    # the earlier good outputs of the broken ones are untouched
    for slug in ("balung", "puger", "silo", "panti"):
        assert _digest(out / slug) == before[slug], slug
    assert _digest(out / "ajung") == before["ajung"]

    # failures say where and why, and the failed notebook is kept
    assert (out / "balung" / "gagal" / "masalah-data.txt").read_text(encoding="utf-8").count("banyak sekali") == 1
    for slug, words in (("puger", "bab ini sengaja gagal"), ("silo", "DeadKernelError"), ("panti", "batas waktu")):
        kept = out / slug / "gagal" / "02_uji.ipynb"
        assert kept.exists(), slug
        line = next(ln for ln in second.output.splitlines() if ln.startswith(f"{slug.capitalize()} | GAGAL"))
        assert words in line, line
        assert line.endswith(str(kept)), line
    failed = nbformat.read(out / "puger" / "gagal" / "02_uji.ipynb", as_version=4)
    assert any(o.get("ename") == "RuntimeError" for c in failed.cells for o in c.get("outputs", []))

    index = (out / "index.html").read_text(encoding="utf-8")
    for name in names:
        assert name in index
    assert index.count('class="gagal"') >= 4
    summary = json.loads((out / "ringkasan.json").read_text(encoding="utf-8"))
    assert {r["kecamatan"] for r in summary["kecamatan"]} == set(names)  # last good summaries kept


def test_incremental_skip_change_and_force(project: Path) -> None:
    params = make_params(project, {"Ajung": "ajung", "Puger": "puger"})
    first = run_batch(params, workers=2)
    assert [o.status for o in first.outcomes] == ["selesai", "selesai"]
    assert all(o.memori_mb > 100 for o in first.outcomes)  # worker + zygote + kernels, sampled
    for o in first.outcomes:  # CPU of the worker's tree, per stage as progress names them
        chapters = [k.removeprefix("eksekusi ") for k in o.langkah if k.startswith("eksekusi ")]
        assert set(o.cpu) == {"data", *chapters, "penggabungan html", *(set(o.langkah) & {"pdf", "docx"})}
        assert sum(o.cpu[c] for c in chapters) > 0  # the kernels' work, reaped by the zygote
        assert 0 < sum(o.cpu.values()) <= o.cpu_detik + 0.01
    assert first.cpu_detik == pytest.approx(sum(o.cpu_detik for o in first.outcomes), abs=0.01)
    logs = params.keluaran / LOG_DIR
    assert len(list(logs.glob("pekerja-*.log"))) == 2  # one per worker process
    stamp = json.loads((params.out_dir("Ajung") / STAMP_FILE).read_text())
    assert stamp["ringkasan"]["kecamatan"] == "Ajung"
    assert stamp["cpu"] == first.outcomes[0].cpu

    again = run_batch(params, workers=2)
    assert [o.status for o in again.outcomes] == ["dilewati", "dilewati"]
    assert not list(logs.glob("pekerja-*.log"))  # nothing to do: no worker process was even started
    assert again.ikhtisar is None  # overview inputs unchanged too

    instansi = project / "data" / "2023" / "puger" / "instansi.yaml"
    instansi.write_text(instansi.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = run_batch(params, workers=2)
    assert {o.kecamatan: o.status for o in changed.outcomes} == {"Ajung": "dilewati", "Puger": "selesai"}

    forced = run_batch(params, workers=2, force=True)
    assert [o.status for o in forced.outcomes] == ["selesai", "selesai"]


def test_a_lone_report_renders_the_overview_beside_its_last_stages(project: Path, tmp_path: Path) -> None:
    """make report, a planner's one corrected data set: the overview is made while the report finishes."""
    from lkip_helpers.batch.overview import overview_fingerprint, render_overview

    params = make_params(project, {"Ajung": "ajung", "Puger": "puger"})
    result = run_batch(params, workers=2, only=["Ajung"])
    (ajung,) = result.outcomes
    assert ajung.status == "selesai"
    assert ajung.ikhtisar is not None  # rendered in the worker, beside the report
    assert result.ikhtisar is ajung.ikhtisar  # and the batch found nothing left to render
    summary = params.keluaran / "ringkasan.json"
    assert [r["kecamatan"] for r in json.loads(summary.read_text(encoding="utf-8"))["kecamatan"]] == ["Ajung"]
    overview = project / "notebooks" / "kabupaten_ikhtisar.ipynb"
    assert result.ikhtisar.fingerprint == overview_fingerprint(overview, summary)
    # the same page and notebook the batch's own overview step makes from the same summaries
    other = tmp_path / "lain"
    (other / "kabupaten").mkdir(parents=True)
    (other / "ringkasan.json").write_bytes(summary.read_bytes())
    again = render_overview(str(overview), str(other / "kabupaten"), "Jember", 2023, True, "x", fork=False)
    assert again.status == "selesai"
    for name in ("ikhtisar.html", "ikhtisar.ipynb"):
        assert (other / "kabupaten" / name).read_bytes() == (params.keluaran / "kabupaten" / name).read_bytes()


def test_when_the_lone_report_fails_late_the_overview_is_made_again_without_it(project: Path) -> None:
    """The overview beside the report assumed its success; a failure after the chapters is not in it."""
    rusak = project / "rusak.docx"
    rusak.write_bytes(b"bukan dokumen Word")
    params = make_params(project, {"Ajung": "ajung", "Puger": "puger"}, formats=("html", "docx"),
                         referensi_docx=rusak)
    result = run_batch(params, workers=2, only=["Ajung"])
    (ajung,) = result.outcomes
    assert (ajung.status, ajung.tahap) == ("gagal", "penggabungan laporan")
    assert ajung.ikhtisar is None
    assert result.ikhtisar is not None
    assert result.ikhtisar.status == "selesai"
    summary = json.loads((params.keluaran / "ringkasan.json").read_text(encoding="utf-8"))
    assert summary["kecamatan"] == []  # no report, so no figures in the overview
    page = (params.keluaran / "kabupaten" / "ikhtisar.html").read_text(encoding="utf-8")
    assert "memuat 0 dari 2 kecamatan" in page
