"""One owner of a data set's findings: periksa() feeds lkip check, the report object and the appendix alike."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml
from typer.testing import CliRunner

from lkip_helpers import Laporan, buka, periksa
from lkip_helpers.cli import app
from lkip_helpers.errors import Level
from lkip_helpers.present import tampil

ROOT = Path(__file__).resolve().parents[2]
UMBULSARI = ROOT / "data" / "2023" / "umbulsari"


def _cells(html_text: str) -> list[str]:
    body = html_text[html_text.find("<tbody") : html_text.find("</tbody>")]
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", body, flags=re.S)]


def test_load_time_and_cross_table_findings_together() -> None:
    hasil = periksa(UMBULSARI)
    codes = [p.code for p in hasil.temuan]
    assert hasil.ds is not None
    assert "nilai.pembanding_skor" in codes  # found while loading
    assert "profil.penduduk" in codes  # found by a cross-table check
    assert hasil.jumlah()[Level.GALAT] == 0
    assert hasil.lolos


def test_appendix_lists_exactly_what_lkip_check_lists() -> None:
    hasil = periksa(UMBULSARI)
    lap = Laporan.dari_pemeriksaan(hasil)
    assert lap.temuan == hasil.temuan
    rows = tampil(lap, "temuan_pemeriksaan").html
    numbers = [c for c in _cells(rows) if re.fullmatch(r"\d+\.", c)]
    assert len(numbers) == len(hasil.temuan) >= 13
    for n in range(1, len(hasil.temuan) + 1):
        assert f'id="temuan-{n}"' in rows  # the anchor the draft's markers link to
    result = CliRunner().invoke(app, ["check", str(UMBULSARI), "--semua"])
    assert result.exit_code == 0, result.output
    printed = [line for line in result.output.splitlines() if line.strip().startswith(("PERINGATAN", "INFO", "GALAT"))]
    assert len(printed) == len(hasil.temuan)
    counts = hasil.jumlah()
    assert f"0 galat, {counts[Level.PERINGATAN]} peringatan, {counts[Level.INFO]} info" in result.output


def test_checklist_counts_add_up_to_the_findings() -> None:
    lap = buka(UMBULSARI)
    cells = _cells(tampil(lap, "daftar_pemeriksaan").html)
    total = cells.index("Jumlah temuan")
    assert cells[total + 1 : total + 3] == ["", str(len(lap.temuan))]


def _copy(tmp_path: Path, folder: str, year: str = "2023") -> Path:
    target = tmp_path / year / folder
    shutil.copytree(UMBULSARI, target)
    return target


def test_a_folder_named_for_another_kecamatan_is_a_galat_naming_both(tmp_path: Path) -> None:
    foo = _copy(tmp_path, "foo")
    hasil = periksa(foo)
    wrong = [p for p in hasil.temuan if p.code == "instansi.identitas"]
    assert len(wrong) == 1
    assert wrong[0].level is Level.GALAT
    assert "foo" in wrong[0].message
    assert "Umbulsari" in wrong[0].message
    assert not hasil.lolos
    result = CliRunner().invoke(app, ["check", str(foo)])
    assert result.exit_code == 1
    assert "TIDAK LOLOS" in result.output


def test_a_year_folder_that_is_not_the_data_year_is_a_galat(tmp_path: Path) -> None:
    copy = _copy(tmp_path, "umbulsari", year="2024")
    wrong = [p for p in periksa(copy).temuan if p.code == "instansi.identitas"]
    assert len(wrong) == 1
    assert "2024" in wrong[0].message
    assert "2023" in wrong[0].message


def test_the_right_folder_passes_the_identity_check(tmp_path: Path) -> None:
    copy = _copy(tmp_path, "umbulsari")
    assert not [p for p in periksa(copy).temuan if p.code == "instansi.identitas"]
    data = yaml.safe_load((copy / "instansi.yaml").read_text(encoding="utf-8"))
    data["kecamatan"] = "Gunung Sari"
    (copy / "instansi.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    renamed = copy.rename(copy.parent / "gunung-sari")
    assert not [p for p in periksa(renamed).temuan if p.code == "instansi.identitas"]


def test_ikm_answers_outside_1_to_4_are_galat_naming_the_cell(tmp_path: Path) -> None:
    """lkip check refuses what the IKM computation refuses (answers 0 and 5 used to pass)."""
    folder = _copy(tmp_path, "umbulsari")
    header = "responden,u1,u2,u3,u4,u5,u6,u7,u8,u9,layanan,tanggal\n"
    (folder / "ikm_responden.csv").write_text(
        header + "R1,4,4,4,4,4,4,4,4,4,,\nR2,0,3,3,3,3,3,3,3,5,,\n", encoding="utf-8"
    )
    bad = [p for p in periksa(folder).temuan if p.code == "ikm.rentang"]
    assert [(p.location.row, p.location.column) for p in bad if p.location] == [(3, "u1"), (3, "u9")]
    assert all(p.level is Level.GALAT for p in bad)
    assert "R2" in bad[0].message
    assert CliRunner().invoke(app, ["check", str(folder)]).exit_code == 1
