"""Draft and final editions end to end: what lkip check --final asks for, what a final report lacks."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from edition_fixtures import UMBULSARI, completed_umbulsari
from typer.testing import CliRunner

from lkip_helpers.batch import BatchParams, run_batch
from lkip_helpers.cli import app

runner = CliRunner()
DRAFT_WORDS = ("DRAF", "[periksa: temuan", "[belum diisi")


def test_check_final_lists_what_stands_in_the_way() -> None:
    result = runner.invoke(app, ["check", "--final", str(UMBULSARI)])
    assert result.exit_code == 1, result.output
    text = result.output
    assert "EDISI FINAL: belum dapat disusun" in text
    assert "Tahun Anggaran 2022" in text  # the kata pengantar's year
    assert "tanggal penandatanganan PK" in text  # empty PK fields
    assert "nama pihak kedua PK" in text
    assert "Lengkapi data yang wajib untuk edisi final" in text
    assert "untuk menerimanya: - kode: profil.penduduk" in text  # how to accept a warning
    # without --final the check still passes (no GALAT) and says the final edition is not yet possible
    plain = runner.invoke(app, ["check", str(UMBULSARI)])
    assert plain.exit_code == 0
    assert "Edisi final: belum dapat disusun" in plain.output


def test_a_completed_and_reviewed_data_set_may_be_final(tmp_path: Path) -> None:
    folder = completed_umbulsari(tmp_path)
    result = runner.invoke(app, ["check", "--final", str(folder)])
    assert result.exit_code == 0, result.output
    assert "EDISI FINAL: dapat disusun" in result.output


def test_a_copy_for_next_year_with_only_the_year_changed_is_reported(tmp_path: Path) -> None:
    import shutil

    import yaml

    copy = tmp_path / "2024" / "umbulsari"
    shutil.copytree(UMBULSARI, copy)
    data = yaml.safe_load((copy / "instansi.yaml").read_text(encoding="utf-8"))
    data["tahun"] = 2024
    (copy / "instansi.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = runner.invoke(app, ["check", "--final", str(copy)])
    assert result.exit_code == 1
    assert "Tidak ada satu pun indikator dengan target" in result.output
    assert "Belum ada satu pun realisasi tahun 2024" in result.output


def _params(tmp_path: Path, data: Path, final: bool, formats: tuple[str, ...] = ("html", "pdf")) -> BatchParams:
    return BatchParams(kabupaten="Jember", tahun=2023, kecamatan=("Umbulsari",), data=data,
                       keluaran=tmp_path / "keluaran" / "2023", formats=formats, final=final)


@pytest.mark.slow
def test_the_final_edition_is_refused_while_anything_is_left(tmp_path: Path) -> None:
    result = run_batch(_params(tmp_path, UMBULSARI.parent, final=True), workers=1)
    (outcome,) = result.outcomes
    assert outcome.status == "gagal"
    assert outcome.tahap == "edisi final"
    assert not (tmp_path / "keluaran" / "2023" / "umbulsari" / "laporan.pdf").exists()


@pytest.mark.slow
def test_the_final_edition_has_no_watermark_marker_or_placeholder(
    tmp_path: Path, pdftotext: Callable[..., str]
) -> None:
    folder = completed_umbulsari(tmp_path / "data")
    result = run_batch(_params(tmp_path, folder.parent, final=True, formats=("html", "pdf", "docx")), workers=1)
    (outcome,) = result.outcomes
    assert outcome.status == "selesai", (outcome.tahap, outcome.galat)
    out = tmp_path / "keluaran" / "2023" / "umbulsari"
    page = (out / "laporan.html").read_text(encoding="utf-8")
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", body)
    for word in DRAFT_WORDS:
        assert word not in text, word
    assert 'name="lkip-edisi" content="final"' in page
    pdf = pdftotext(out / "laporan.pdf")
    for word in DRAFT_WORDS:
        assert word not in pdf, word
    with zipfile.ZipFile(out / "laporan.docx") as docx:  # the Word edition: no watermark, header mark or marker
        parts = [docx.read(n).decode("utf-8") for n in docx.namelist() if n.startswith("word/") and n.endswith(".xml")]
    words = " ".join(re.sub(r"<[^>]+>", " ", part) for part in parts)
    for word in DRAFT_WORDS:
        assert word not in words, word
    assert not any("PowerPlusWaterMarkObject" in part for part in parts)
    nb = (out / "notebooks" / "00_pengantar_ikhtisar.ipynb").read_text(encoding="utf-8")
    assert "final = True" in nb  # the edition recorded in the executed notebook

