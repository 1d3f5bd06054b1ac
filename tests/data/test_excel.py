"""Excel form: template, filled workbook, reading (lkip_helpers.data.excel)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lkip_helpers.data import load, load_folder, load_workbook, write_folder, write_template, write_workbook
from lkip_helpers.data.excel import PETUNJUK
from lkip_helpers.data.model import LOKASI, DataSet
from lkip_helpers.data.schema import TABLES
from lkip_helpers.errors import DataError, Location, Problem
from lkip_helpers.paths import data_dir


def set_cached_values(path: Path, sheet_index: int, values: dict[str, str]) -> None:
    """Give formula cells a cached result, as Excel does when it saves a file."""
    member = f"xl/worksheets/sheet{sheet_index}.xml"
    with zipfile.ZipFile(path) as src:
        items = {name: src.read(name) for name in src.namelist()}
    xml = items[member].decode()
    for ref, value in values.items():
        xml, count = re.subn(rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)', rf"\g<1><v>{value}</v>", xml)
        assert count == 1, ref
    items[member] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in items.items():
            dst.writestr(name, data)


def _sheet_index(path: Path, name: str) -> int:
    return openpyxl.load_workbook(path).sheetnames.index(name) + 1


# -- template ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = write_template(tmp_path_factory.mktemp("tpl") / "templat.xlsx")
    return openpyxl.load_workbook(path)


def test_template_sheets_in_schema_order(template: openpyxl.Workbook) -> None:
    assert template.sheetnames == [PETUNJUK, *TABLES]


def test_template_petunjuk_explains_in_indonesian(template: openpyxl.Workbook) -> None:
    ws = template[PETUNJUK]
    text = " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert "PETUNJUK PENGISIAN" in text
    assert "titik untuk ribuan, koma untuk desimal" in text
    assert "simpan berkas di Excel".casefold() in text.casefold()
    for name in TABLES:
        assert name in text


def test_template_headers_bold_frozen_commented(template: openpyxl.Workbook) -> None:
    for tbl in TABLES.values():
        ws = template[tbl.name]
        if tbl.kind == "fields":
            assert ws.freeze_panes == "A2"
            assert [ws.cell(1, 1).value, ws.cell(1, 2).value] == ["isian", "nilai"]
            keys = [ws.cell(r, 1).value for r in range(2, 2 + len(tbl.columns))]
            assert keys == list(tbl.column_names)
            titles = [ws.cell(r, 3).value for r in range(2, 2 + len(tbl.columns))]
            assert titles == [c.judul_kolom + (" - wajib" if c.required else "") for c in tbl.columns]
            for r, col in enumerate(tbl.columns, start=2):
                assert col.description in ws.cell(r, 1).comment.text
            continue
        assert ws.freeze_panes == "A4"
        assert [c.value for c in ws[1]][: len(tbl.columns)] == list(tbl.column_names)  # the keys
        assert ws.row_dimensions[1].hidden
        titles = [c.value for c in ws[2]][: len(tbl.columns)]
        assert titles == [c.judul_kolom for c in tbl.columns]
        for cell, col in zip(ws[2], tbl.columns, strict=False):
            assert cell.font.bold
            assert cell.comment is not None
            assert col.description in cell.comment.text
            assert ("Wajib diisi." in cell.comment.text) == col.required
            for choice in col.choices:
                assert choice in cell.comment.text
            assert ws.column_dimensions[cell.column_letter].width >= 11


def test_titles_are_indonesian_words_with_units() -> None:
    titles = {(t.name, c.name): c.judul_kolom for t in TABLES.values() for c in t.columns}
    assert titles["target", "kode_indikator"] == "Kode indikator"
    assert titles["program", "pagu_murni"] == "Pagu murni (Rp)"
    assert titles["mata_pencaharian", "persen"] == "Bagian penduduk (%)"
    assert titles["dokumen", "tanggal"] == "Tanggal tanda tangan (tgl/bln/thn)"
    for (table, name), title in titles.items():
        assert "_" not in title, (table, name, title)
        assert title[0].isupper(), (table, name, title)


def _validations(ws) -> dict[str, tuple[str | None, str | None]]:
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in str(dv.sqref).split():
            out[re.sub(r"\d+", "", rng.split(":")[0])] = (dv.formula1, dv.prompt)
    return out


def test_template_dropdowns(template: openpyxl.Workbook) -> None:
    indikator = _validations(template["indikator"])
    assert indikator["E"][0] == '"positif,negatif"'  # arah
    assert indikator["G"][0] == '"ya,tidak"'  # iku
    assert indikator["B"][0] == "sasaran!$A$4:$A$5003"  # kode_sasaran: picked from the sasaran sheet
    assert indikator["O"][0] == "tujuan!$A$4:$A$5003"
    target = _validations(template["target"])
    assert target["A"][0] == "indikator!$A$4:$A$5003"
    assert target["B"][0].startswith('"renstra_awal,')
    formula, prompt = target["D"]  # nilai: a number, or a grade for a 'huruf' indicator
    assert formula is None
    assert "AA, A, BB, B, CC, C, D" in prompt
    assert "huruf" in prompt
    assert _validations(template["kegiatan"])["B"][0] == "program!$A$4:$A$5003"
    assert _validations(template["sub_kegiatan"])["B"][0] == "kegiatan!$A$4:$A$5003"
    assert _validations(template["output_sub_kegiatan"])["A"][0] == "sub_kegiatan!$A$4:$A$5003"
    instansi = {dv.formula1 for dv in template["instansi"].data_validations.dataValidation}
    assert '"resmi,contoh"' in instansi


def test_every_reference_has_a_dropdown_and_no_grade_list(template: openpyxl.Workbook) -> None:
    for tbl in TABLES.values():
        if tbl.kind == "fields":
            continue
        found = _validations(template[tbl.name])
        for i, col in enumerate(tbl.columns, start=1):
            letter = openpyxl.utils.get_column_letter(i)
            if col.references:
                ref_table, ref_col = col.references.split(".")
                ref_letter = openpyxl.utils.get_column_letter(TABLES[ref_table].column_names.index(ref_col) + 1)
                assert found[letter][0] == f"{ref_table}!${ref_letter}$4:${ref_letter}$5003", (tbl.name, col.name)
        assert not any(f and "AA" in f for f, _ in found.values()), tbl.name


def test_year_hint_is_a_year(template: openpyxl.Workbook) -> None:
    comment = template["instansi"]["A5"].comment.text  # tahun
    assert "mis. 2023" in comment
    assert "79.263" not in comment
    assert "79.263" not in template["target"]["C2"].comment.text


def test_empty_template_loads_with_indonesian_errors_only(tmp_path: Path) -> None:
    path = write_template(tmp_path / "templat.xlsx")
    with pytest.raises(DataError) as info:
        load(path)
    codes = {p.code for p in info.value.problems}
    assert codes == {"nilai.wajib"}  # every sheet is there; only required fields are empty
    where = {p.location for p in info.value.problems}
    assert Location("templat.xlsx", "instansi", 2, "kecamatan") in where


# -- round trips ------------------------------------------------------------------------


def test_workbook_round_trip(tmp_path: Path, dataset: DataSet, folder: Path) -> None:
    path = write_workbook(load(folder), tmp_path / "contoh.xlsx")
    problems: list[Problem] = []
    loaded = load_workbook(path, problems)
    assert problems == []
    assert loaded.without_locations() == dataset.without_locations()
    assert loaded.df("target")[LOKASI].tolist()[0] == Location("contoh.xlsx", "target", 4)  # after the example
    assert loaded.location_of("instansi", "tahun") == Location("contoh.xlsx", "instansi", 5, "tahun")


def test_folder_workbook_folder_round_trip(tmp_path: Path, folder: Path) -> None:
    first = load(folder)
    book = write_workbook(first, tmp_path / "contoh.xlsx")
    back = write_folder(load(book), tmp_path / "kembali")
    assert load_folder(back).without_locations() == first.without_locations()
    for tbl in TABLES.values():
        assert (back / tbl.filename).read_bytes() == (folder / tbl.filename).read_bytes(), tbl.filename


def test_text_is_kept_as_text(tmp_path: Path, folder: Path) -> None:
    path = write_workbook(load(folder), tmp_path / "contoh.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb["dokumen"]["H4"].value == "197001011990031005"  # NIP stays text, all 18 digits
    assert wb["dokumen"]["H4"].data_type == "s"
    assert wb["narasi"]["C5"].value == "=Puji syukur"  # text starting with '=' is not a formula
    assert wb["narasi"]["C5"].data_type == "s"
    assert wb["program"]["G4"].number_format == "#,##0"


def test_umbulsari_reference_data_survives_the_workbook(tmp_path: Path) -> None:
    folder = data_dir() / "2023" / "umbulsari"
    original = load(folder)
    book = write_workbook(original, tmp_path / "umbulsari.xlsx")
    again = load(book)
    assert again.without_locations() == original.without_locations()
    assert again.kecamatan == "Umbulsari"
    as_text = load(write_folder(again, tmp_path / "umbulsari"))
    assert as_text.without_locations() == original.without_locations()


# -- what people do in Excel ------------------------------------------------------------------


def test_percent_formatted_cells_and_typed_strings(tmp_path: Path, folder: Path) -> None:
    path = write_workbook(load(folder), tmp_path / "contoh.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb["mata_pencaharian"]
    ws["B4"] = 0.8524  # Excel stores 85,24% as 0.8524 with a percentage format
    ws["B4"].number_format = "0.00%"
    ws["B5"] = "14,76 %"
    wb["program"]["G4"] = "Rp 4.361.208.525"
    wb["instansi"]["B16"] = "23 Februari 2024"  # tanggal_ttd typed as text
    wb.save(path)
    ds = load(path)
    assert ds.df("mata_pencaharian")["persen"].tolist() == [85.24, 14.76]
    assert ds.df("program")["pagu"].tolist() == [4361208525]


def test_formula_cached_value_is_used(tmp_path: Path, folder: Path) -> None:
    path = write_workbook(load(folder), tmp_path / "contoh.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["kegiatan"]["E4"] = "=2000000000+2361208525"
    wb.save(path)
    set_cached_values(path, _sheet_index(path, "kegiatan"), {"E4": "4361208525"})
    assert load(path).df("kegiatan")["pagu"].tolist() == [4361208525]


def test_extra_sheets_and_fields_rows_are_tolerated(tmp_path: Path, folder: Path) -> None:
    path = write_workbook(load(folder), tmp_path / "contoh.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.create_sheet("Catatan saya")["A1"] = "coretan"
    wb.save(path)
    problems: list[Problem] = []
    load(path, problems)
    assert [p.code for p in problems] == ["tabel.tidak_dikenal"]
    assert problems[0].location == Location("contoh.xlsx", "Catatan saya")
