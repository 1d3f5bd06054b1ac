"""Next year from last year (lkip_helpers.data.tahun_baru, ``lkip tahun-baru``)."""

from __future__ import annotations

import base64
import hashlib
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from typer.testing import CliRunner

from lkip_helpers import buka, periksa
from lkip_helpers.cli import app
from lkip_helpers.data import DataSet, load, write_workbook
from lkip_helpers.data.tahun_baru import tahun_baru, tujuan_bawaan
from lkip_helpers.present.katalog import KATALOG, tampil

ROOT = Path(__file__).resolve().parents[2]
UMBULSARI = ROOT / "data" / "2023" / "umbulsari"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("0*.ipynb"))


@pytest.fixture(scope="module")
def baru(umbulsari: DataSet) -> DataSet:
    return tahun_baru(umbulsari, 2024)


def _digest(path: Path) -> dict[str, str]:
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


# -- what carries over ------------------------------------------------------------------------


def test_identity_has_the_new_year_and_no_signing_date(baru: DataSet, umbulsari: DataSet) -> None:
    assert baru.tahun == 2024
    assert baru.instansi.get("tanggal_ttd") is None
    for key in ("kecamatan", "kabupaten", "camat_nama", "renstra_awal", "renstra_akhir", "versi_target"):
        assert baru.instansi.get(key) == umbulsari.instansi.get(key)


@pytest.mark.parametrize(
    "table", ["tujuan", "sasaran", "indikator", "target", "realisasi", "pembanding", "program_sasaran", "desa",
              "organisasi", "sdm_jabatan", "isu_strategis"],
)
def test_renstra_targets_history_and_profile_carry_over(baru: DataSet, umbulsari: DataSet, table: str) -> None:
    pd.testing.assert_frame_equal(baru.df(table).drop(columns="_lokasi"), umbulsari.df(table).drop(columns="_lokasi"))


@pytest.mark.parametrize(("table", "columns"), [
    ("program", ["pagu_murni", "pagu", "realisasi"]),
    ("kegiatan", ["pagu_murni", "pagu", "realisasi"]),
    ("sub_kegiatan", ["pagu_murni", "pagu", "realisasi"]),
    ("output_sub_kegiatan", ["target", "realisasi"]),
])
def test_the_budget_tree_keeps_its_structure_and_loses_its_amounts(
    baru: DataSet, umbulsari: DataSet, table: str, columns: list[str]
) -> None:
    new, old = baru.df(table), umbulsari.df(table)
    assert len(new) == len(old)
    for column in columns:
        assert new[column].isna().all(), column
        assert new[column].dtype == old[column].dtype
    kept = [c for c in old.columns if c not in (*columns, "_lokasi")]
    pd.testing.assert_frame_equal(new[kept], old[kept])


def test_last_years_totals_become_the_comparison(baru: DataSet, umbulsari: DataSet) -> None:
    assert baru.anggaran.get("pagu_tahun_lalu") == umbulsari.anggaran["pagu_total"]
    assert baru.anggaran.get("realisasi_tahun_lalu") == umbulsari.anggaran["realisasi_total"]
    assert baru.anggaran.get("pagu_total") is None
    assert baru.anggaran.get("realisasi_total") is None
    assert baru.anggaran.get("sumber_dana") == umbulsari.anggaran.get("sumber_dana")


def test_documents_of_one_year_and_this_years_evidence_are_left_out(baru: DataSet) -> None:
    assert baru.df("dokumen")["jenis"].tolist() == ["sk_iku"]
    for table in ("foto", "penghargaan", "ikm_responden", "pemeriksaan"):
        assert baru.df(table).empty, table


def test_the_narrative_stays_as_a_marked_draft(baru: DataSet, umbulsari: DataSet) -> None:
    for table in ("narasi", "narasi_sasaran"):
        assert baru.df(table)["teks"].tolist() == umbulsari.df(table)["teks"].tolist()
        assert (baru.df(table)["salinan_dari"] == 2023).all()


def test_the_source_data_set_is_unchanged(umbulsari: DataSet) -> None:
    before = umbulsari.without_locations()
    tahun_baru(umbulsari, 2025)
    assert umbulsari.without_locations() == before


@pytest.mark.parametrize("tahun", [2023, 2022])
def test_the_new_year_must_come_after(umbulsari: DataSet, tahun: int) -> None:
    with pytest.raises(ValueError, match="harus sesudah"):
        tahun_baru(umbulsari, tahun)


@pytest.mark.parametrize(("source", "expected"), [
    ("data/2023/umbulsari", "data/2024/umbulsari"),
    ("kerja/umbulsari", "kerja/umbulsari-2024"),
    ("isian-2023.xlsx", "isian-2024.xlsx"),
    ("isian.xlsx", "isian-2024.xlsx"),
])
def test_default_destination(source: str, expected: str) -> None:
    assert tujuan_bawaan(Path(source), 2023, 2024) == Path(expected)


# -- the new data set: what the planner sees ---------------------------------------------------


def test_the_check_lists_what_must_be_filled(baru: DataSet) -> None:
    from lkip_helpers.checks import run_checks

    codes = {p.code for p in run_checks(baru)}
    for code in ("kelengkapan.ttd_laporan", "kelengkapan.realisasi_tahun", "kelengkapan.pohon_anggaran",
                 "kelengkapan.dokumen", "narasi.salinan"):
        assert code in codes, code


def test_every_table_and_chart_of_the_draft_is_built_and_claims_no_budget(baru: DataSet) -> None:
    from lkip_helpers import Laporan

    lap = Laporan.dari_data_set(baru)
    for key in KATALOG:
        tampil(lap, key)
    assert lap.ringkasan_anggaran.pagu is None  # never a sum of nothing
    from lkip_helpers.present.narrative import anggaran

    text = " ".join(anggaran.paragraf_anggaran(lap))
    assert "Rp 0" not in text
    assert "belum tersedia" in text


def _write_folder_copy(tmp_path: Path) -> Path:
    source = tmp_path / "data" / "2023" / "umbulsari"
    shutil.copytree(UMBULSARI, source)
    (source / "logo.png").write_bytes(PNG)
    return source


def test_cli_folder_form(tmp_path: Path) -> None:
    source = _write_folder_copy(tmp_path)
    before = _digest(source)
    runner = CliRunner()
    result = runner.invoke(app, ["tahun-baru", str(source), "--tahun", "2024"])
    assert result.exit_code == 0, result.output
    target = tmp_path / "data" / "2024" / "umbulsari"
    assert f"ditulis ke {target}" in " ".join(result.output.split())
    assert _digest(source) == before  # the source is never changed
    assert "salinan_dari" in (target / "CATATAN.md").read_text(encoding="utf-8")
    assert (target / "logo.png").read_bytes() == PNG  # the Pemda logo carries over
    assert not list(target.parent.glob(".*sedang-dibuat*"))

    check = runner.invoke(app, ["check", str(target), "--final"])
    assert check.exit_code == 1, check.output  # the final edition needs what is missing
    text = " ".join(check.output.split())
    for words in ("tanggal penandatanganan laporan", "realisasi tahun 2024", "pagu sub kegiatan",
                  "Perjanjian Kinerja Perubahan tahun 2024", "masih salinan dari laporan tahun 2023"):
        assert words in text, words
    assert runner.invoke(app, ["check", str(target)]).exit_code == 0  # the draft can be rendered

    again = runner.invoke(app, ["tahun-baru", str(source), "--tahun", "2024"])
    assert again.exit_code == 1
    assert "--timpa" in again.output
    assert runner.invoke(app, ["tahun-baru", str(source), "--tahun", "2024", "--timpa"]).exit_code == 0


def test_cli_workbook_form(tmp_path: Path, umbulsari: DataSet) -> None:
    book = write_workbook(umbulsari, tmp_path / "isian-2023.xlsx")
    before = _digest(book)
    runner = CliRunner()
    result = runner.invoke(app, ["tahun-baru", str(book), "--tahun", "2024", str(tmp_path / "isian-2024.xlsx")])
    assert result.exit_code == 0, result.output
    assert _digest(book) == before
    new = load(tmp_path / "isian-2024.xlsx")
    assert new.tahun == 2024
    assert new.df("sub_kegiatan")["pagu"].isna().all()
    hasil = periksa(tmp_path / "isian-2024.xlsx")
    codes = {p.code for p in hasil.temuan}
    assert {"kelengkapan.realisasi_tahun", "narasi.salinan", "kelengkapan.pohon_anggaran"} <= codes
    assert hasil.lolos


@pytest.mark.parametrize("tahun", ["2023", "2040"])
def test_cli_refuses_a_year_that_does_not_follow(tmp_path: Path, tahun: str) -> None:
    source = _write_folder_copy(tmp_path)
    result = CliRunner().invoke(app, ["tahun-baru", str(source), "--tahun", tahun])
    assert result.exit_code == 1
    assert "Tahun baru harus sesudah 2023" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("name", CHAPTERS)
def test_the_draft_of_the_new_year_renders(tmp_path: Path, name: str) -> None:
    from lkip_helpers.render.execute import execute_chapter

    source = _write_folder_copy(tmp_path)
    CliRunner().invoke(app, ["tahun-baru", str(source), "--tahun", "2024"])
    target = tmp_path / "data" / "2024" / "umbulsari"
    nb = execute_chapter(
        ROOT / "notebooks" / f"{name}.ipynb",
        tmp_path / f"{name}.ipynb",
        {"kecamatan": "Umbulsari", "tahun": 2024, "data": str(target)},
        cwd=tmp_path,
    )
    outputs = " ".join(
        str(o.get("data", {}).get("text/html", "")) for c in nb.cells for o in c.get("outputs", [])
    )
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    assert "Rp 0 " not in outputs
    if name.startswith("00"):
        assert "2024" in outputs
    nbformat.validate(nb)
    assert buka(target).tahun == 2024
