"""Malformed inputs: every problem is found, placed (file, sheet, row, column) and explained in Indonesian."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from lkip_helpers.data import load, load_dataset, write_workbook
from lkip_helpers.errors import DataError, Level, Location, Problem

_ID_WORDS = re.compile(
    r"\b(tidak|harus|wajib|bukan|seharusnya|ganda|berkas|kolom|isian|simpan|tabel|buku|kerja|nilai|"
    r"ditemukan|dibaca|dihitung|berupa|ada|atau|dan|yang|tetapi|untuk|dengan)\b"
)
_EN_WORDS = re.compile(
    r"\b(invalid|expected|must|cannot|could|missing|error|allowed|should|unknown|not|the|file)\b", re.I
)


# -- helpers -----------------------------------------------------------------------------


def _read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _write_csv(path: Path, records: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(folder: Path, table: str, row: int, column: str, text: str) -> None:
    """Set one CSV cell; ``row`` as the user sees it (header = 1)."""
    path = folder / f"{table}.csv"
    records = _read_csv(path)
    records[row - 1][records[0].index(column)] = text
    _write_csv(path, records)


def drop_column(folder: Path, table: str, column: str) -> None:
    path = folder / f"{table}.csv"
    records = _read_csv(path)
    idx = records[0].index(column)
    _write_csv(path, [r[:idx] + r[idx + 1 :] for r in records])


def edit_yaml_line(folder: Path, name: str, key: str, new_line: str | None) -> None:
    """Replace (or delete, with None) the line ``key: ...`` of a YAML file."""
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines()
    idx = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    if new_line is None:
        del lines[idx]
    else:
        lines[idx] = new_line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def errors_of(target: Path) -> list[Problem]:
    with pytest.raises(DataError) as info:
        load(target)
    problems = info.value.problems
    assert problems, "DataError without problems"
    for p in problems:
        assert p.location is not None
        str(p)  # renders
    return problems


def find(problems: list[Problem], code: str) -> Problem:
    hits = [p for p in problems if p.code == code]
    assert hits, f"no {code} in {[str(p) for p in problems]}"
    return hits[0]


def assert_indonesian(problem: Problem) -> None:
    text = " ".join(t for t in (problem.message, problem.expected or "") if t)
    assert _ID_WORDS.search(text.casefold()), text
    english = _EN_WORDS.findall(re.sub(r"'[^']*'", "", text))  # quoted user values may be anything
    assert not english, f"English words {english} in: {text}"


def assert_problem(problems: list[Problem], code: str, where: Location, *words: str) -> Problem:
    problem = find(problems, code)
    assert problem.location == where, str(problem)
    assert problem.level is Level.GALAT
    assert_indonesian(problem)
    text = str(problem)
    for word in words:
        assert word in text, f"{word!r} not in {text}"
    return problem


# -- one wrong cell in a CSV file --------------------------------------------------------------

CELL_CASES = [
    # table, row, column, typed text, problem code, words in the message / expected text
    ("sdm_jabatan", 2, "jumlah", "dua", "nilai.tidak_terbaca", ("bilangan bulat",)),
    ("program", 2, "pagu", "1.5", "nilai.tidak_terbaca", ("pecahan",)),
    ("kegiatan", 2, "realisasi", "1,5", "nilai.tidak_terbaca", ("pecahan",)),
    ("program", 2, "realisasi", "-100", "nilai.tidak_terbaca", ("negatif",)),
    ("program", 2, "pagu", "Rp 4,361,208,525", "nilai.tidak_terbaca", ("Inggris",)),
    ("output_sub_kegiatan", 2, "target", "1.234", "nilai.tidak_terbaca", ("1234", "1,234")),
    ("mata_pencaharian", 2, "persen", "1.234%", "nilai.tidak_terbaca", ("ribuan",)),
    ("output_sub_kegiatan", 2, "realisasi", "1,234.5", "nilai.tidak_terbaca", ("Inggris",)),
    ("desa", 2, "no", "2,5", "nilai.tidak_terbaca", ("bulat",)),
    ("kegiatan", 2, "urutan", "1.5", "nilai.tidak_terbaca", ("bulat",)),
    ("realisasi", 3, "nilai", "E", "nilai.tidak_terbaca", ("AA, A, BB, B, CC, C atau D",)),
    ("program", 2, "target", "sangat baik", "nilai.tidak_terbaca", ("huruf",)),
    ("desa", 2, "status", "Swadaya", "nilai.tidak_terbaca", ("Mandiri", "Sangat Tertinggal")),
    ("dokumen", 2, "tanggal", "31 Februari 2023", "nilai.tidak_terbaca", ("kalender",)),
    ("indikator", 2, "iku", "mungkin", "nilai.tidak_terbaca", ("ya atau tidak",)),
    ("target", 2, "versi", "PK", "nilai.tidak_terbaca", ("pk_perubahan",)),
    ("realisasi", 2, "nilai", "n.a.", "nilai.tidak_terbaca", ("angka",)),
    ("indikator", 2, "nama", "", "nilai.wajib", ("wajib diisi",)),
    ("target", 2, "nilai", "-", "nilai.wajib", ("wajib diisi",)),
    ("target", 2, "nilai", "B", "nilai.jenis_indikator", ("'angka'",)),
    ("realisasi", 3, "nilai", "85", "nilai.jenis_indikator", ("'huruf'",)),
    ("sasaran", 3, "kode", "S1", "kunci.ganda", ("baris 2",)),
    ("desa", 3, "nama", "Umbulsari", "kunci.ganda", ("baris 2",)),
    ("target", 4, "kode_indikator", "I1.1", "kunci.ganda_gabungan", ("versi=pk_perubahan", "baris 2")),
    ("realisasi", 3, "kode_indikator", "I1.1", "kunci.ganda_gabungan", ("baris 2",)),
    ("sub_kegiatan", 2, "kode_kegiatan", "P9.K9", "rujukan.tidak_ada", ("kegiatan",)),
    ("indikator", 2, "kode_sasaran", "s1", "rujukan.tidak_ada", ("Maksudnya 'S1'",)),
    ("organisasi", 3, "induk", "kepala", "rujukan.tidak_ada", ("organisasi",)),
    ("program_sasaran", 2, "kode_sasaran", "S9", "rujukan.tidak_ada", ("sasaran",)),
]


@pytest.mark.parametrize(("table", "row", "column", "text", "code", "words"), CELL_CASES)
def test_wrong_cell_is_placed_and_explained(folder: Path, table, row, column, text, code, words) -> None:
    set_cell(folder, table, row, column, text)
    problems = errors_of(folder)
    assert_problem(problems, code, Location(f"{table}.csv", None, row, column), *words)


# -- files and columns ---------------------------------------------------------------------------


def test_missing_required_table(folder: Path) -> None:
    (folder / "target.csv").unlink()
    assert_problem(errors_of(folder), "tabel.tidak_ada", Location("target.csv"), "target.csv", "tidak ada")


def test_missing_required_column(folder: Path) -> None:
    drop_column(folder, "program", "nama")
    assert_problem(errors_of(folder), "kolom.tidak_ada", Location("program.csv", None, 1, "nama"), "nama")


def test_duplicate_header_column(folder: Path) -> None:
    path = folder / "desa.csv"
    path.write_text("no,nama,status,Nama\n1,Umbulsari,Maju,X\n", encoding="utf-8")
    assert_problem(errors_of(folder), "kolom.ganda", Location("desa.csv", None, 1, "Nama"), "dua kali")


def test_unknown_column_is_only_a_warning(folder: Path) -> None:
    path = folder / "desa.csv"
    path.write_text("no,nama,status,luas\n1,Umbulsari,Maju,12\n", encoding="utf-8")
    problems: list[Problem] = []
    ds = load(folder, problems)
    assert ds.df("desa")["nama"].tolist() == ["Umbulsari"]
    (warning,) = problems
    assert (warning.level, warning.code) == (Level.PERINGATAN, "kolom.tidak_dikenal")
    assert warning.location == Location("desa.csv", None, 1, "luas")
    assert_indonesian(warning)


def test_value_under_a_column_without_header_is_a_warning(folder: Path) -> None:
    (folder / "desa.csv").write_text("no,nama,status\n1,Umbulsari,Maju,lupa\n", encoding="utf-8")
    problems: list[Problem] = []
    load(folder, problems)
    assert [p.code for p in problems] == ["kolom.tidak_dikenal"]
    assert "(tanpa judul)" in problems[0].message


def test_empty_csv_file(folder: Path) -> None:
    (folder / "desa.csv").write_bytes(b"")
    assert_problem(errors_of(folder), "tabel.tanpa_judul", Location("desa.csv", None, 1), "nama kolom")


def test_csv_not_utf8(folder: Path) -> None:
    (folder / "desa.csv").write_bytes("no,nama,status\n1,Umbulsari,Maju\n2,Sidomékar,Maju\n".encode("cp1252"))
    assert_problem(
        errors_of(folder), "berkas.encoding", Location("desa.csv", None, 3), "simpan sebagai CSV UTF-8"
    )


def test_several_problems_in_one_file_all_reported(folder: Path) -> None:
    set_cell(folder, "target", 2, "nilai", "sembilan puluh")
    set_cell(folder, "target", 3, "tahun", "2023,5")
    set_cell(folder, "target", 4, "kode_indikator", "I9.9")
    problems = errors_of(folder)
    places = {(p.location.row, p.location.column) for p in problems if p.location.file == "target.csv"}
    assert places == {(2, "nilai"), (3, "tahun"), (4, "kode_indikator")}
    assert "3 galat" in str(DataError(problems))


def test_problems_of_all_files_reported_together(folder: Path) -> None:
    edit_yaml_line(folder, "instansi.yaml", "tahun", "tahun: dua ribu")
    set_cell(folder, "desa", 2, "status", "Swadaya")
    (folder / "kegiatan.csv").unlink()
    problems = errors_of(folder)
    files = {p.location.file for p in problems}
    assert {"instansi.yaml", "desa.csv", "kegiatan.csv"} <= files
    text = str(DataError(problems))
    assert "instansi.yaml, baris 4, kolom 'tahun'" in text
    assert "desa.csv, baris 2, kolom 'status'" in text


def test_target_zero_loads_without_problem(folder: Path) -> None:
    """Target 0 is not a load problem: checks warn where a capaian would be computed."""
    set_cell(folder, "target", 2, "nilai", "0")
    problems: list[Problem] = []
    ds = load(folder, problems)
    assert problems == []
    assert 0 in list(ds.df("target")["nilai"])


# -- YAML files ------------------------------------------------------------------------------------


def test_missing_required_field_in_instansi(folder: Path) -> None:
    edit_yaml_line(folder, "instansi.yaml", "camat_nama", None)
    assert_problem(
        errors_of(folder), "nilai.wajib", Location("instansi.yaml", None, None, "camat_nama"), "camat_nama"
    )


def test_unreadable_field_value_names_its_line(folder: Path) -> None:
    edit_yaml_line(folder, "instansi.yaml", "tanggal_ttd", "tanggal_ttd: besok pagi")
    assert_problem(
        errors_of(folder),
        "nilai.tidak_terbaca",
        Location("instansi.yaml", None, 11, "tanggal_ttd"),
        "23 Februari 2024",
    )


def test_unknown_field_is_a_warning(folder: Path) -> None:
    with (folder / "instansi.yaml").open("a", encoding="utf-8") as fh:
        fh.write("camat_hp: 0812\n")
    problems: list[Problem] = []
    load(folder, problems)
    (warning,) = problems
    assert warning.level is Level.PERINGATAN
    assert warning.location == Location("instansi.yaml", None, 19, "camat_hp")
    assert_indonesian(warning)


def test_fields_yaml_that_is_not_a_mapping(folder: Path) -> None:
    (folder / "profil.yaml").write_text("- luas_km2: 64,44\n- penduduk_total: 79263\n", encoding="utf-8")
    assert_problem(errors_of(folder), "tabel.bukan_mapping", Location("profil.yaml", None, 1), "isian: nilai")


def test_yaml_syntax_error(folder: Path) -> None:
    (folder / "profil.yaml").write_text("luas_km2: 64,44\nsumber: Dispendukcapil: 2023\n", encoding="utf-8")
    assert_problem(errors_of(folder), "berkas.yaml", Location("profil.yaml", None, 2), "tanda kutip")


def test_yaml_list_item_that_is_not_a_mapping(folder: Path) -> None:
    (folder / "narasi.yaml").write_text(
        "- bagian: kesimpulan\n  urutan: 1\n  teks: Baik.\n- hanya teks\n", encoding="utf-8"
    )
    assert_problem(errors_of(folder), "tabel.bukan_mapping", Location("narasi.yaml", None, 4), "kolom: nilai")


def test_yaml_value_that_is_a_list(folder: Path) -> None:
    edit_yaml_line(folder, "profil.yaml", "sumber", "sumber: [BPS, Dispendukcapil]")
    assert_problem(
        errors_of(folder), "nilai.tidak_terbaca", Location("profil.yaml", None, 4, "sumber"), "daftar"
    )


# -- workbooks -------------------------------------------------------------------------------------


@pytest.fixture
def book(tmp_path: Path, dataset) -> Path:
    return write_workbook(dataset, tmp_path / "contoh.xlsx")


def edit_book(path: Path, change: Callable[[openpyxl.Workbook], None]) -> None:
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)


def test_empty_workbook(tmp_path: Path) -> None:
    path = tmp_path / "kosong.xlsx"
    openpyxl.Workbook().save(path)
    problems = errors_of(path)
    assert len(problems) == 1
    assert_problem(problems, "buku_kerja.kosong", Location("kosong.xlsx"), "Sheet")


@pytest.mark.parametrize("content", [b"", b"ini bukan excel", b"PK\x03\x04rusak"])
def test_not_an_excel_file_named_xlsx(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "laporan.xlsx"
    path.write_bytes(content)
    assert_problem(errors_of(path), "berkas.format", Location("laporan.xlsx"), "Simpan Sebagai")


def test_a_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "arsip.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("halo.txt", "halo")
    assert_problem(errors_of(path), "berkas.format", Location("arsip.xlsx"), "bukan buku kerja Excel")


@pytest.mark.parametrize(
    ("suffix", "word"), [(".xls", "97-2003"), (".ods", "LibreOffice"), (".csv", "folder")]
)
def test_unsupported_formats(tmp_path: Path, suffix: str, word: str) -> None:
    path = tmp_path / f"data{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    assert_problem(errors_of(path), "berkas.format", Location(path.name), word)


def test_missing_path(tmp_path: Path) -> None:
    assert_problem(
        errors_of(tmp_path / "tidak-ada"), "berkas.tidak_ada", Location("tidak-ada"), "tidak ditemukan"
    )


def test_missing_dataset_names_both_forms(tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        load_dataset(2023, "Gunung Sari", base=tmp_path)
    (problem,) = info.value.problems
    assert "gunung-sari.xlsx" in problem.message
    assert "gunung-sari" in str(problem.location)
    assert_indonesian(problem)


def test_formula_without_cached_value(book: Path) -> None:
    edit_book(book, lambda wb: wb["program"].__setitem__("G4", "=SUM(4000000000,361208525)"))
    assert_problem(
        errors_of(book),
        "nilai.rumus_tanpa_nilai",
        Location("contoh.xlsx", "program", 4, "pagu"),
        "simpan ulang berkas di Excel",
    )


def test_excel_error_value(book: Path) -> None:
    edit_book(book, lambda wb: wb["mata_pencaharian"].__setitem__("B5", "#DIV/0!"))
    assert_problem(
        errors_of(book),
        "nilai.rumus_galat",
        Location("contoh.xlsx", "mata_pencaharian", 5, "persen"),
        "#DIV/0!",
    )


def test_missing_sheet(book: Path) -> None:
    edit_book(book, lambda wb: wb.remove(wb["kegiatan"]))
    assert_problem(
        errors_of(book), "tabel.tidak_ada", Location("contoh.xlsx", "kegiatan"), "Sheet 'kegiatan'"
    )


def test_wrong_type_in_sheet(book: Path) -> None:
    edit_book(book, lambda wb: wb["sdm_jabatan"].__setitem__("C4", "banyak"))
    assert_problem(
        errors_of(book),
        "nilai.tidak_terbaca",
        Location("contoh.xlsx", "sdm_jabatan", 4, "jumlah"),
        "sheet 'sdm_jabatan', baris 4, kolom 'jumlah'",
    )


def test_kode_typed_as_number_in_excel(book: Path) -> None:
    edit_book(book, lambda wb: wb["tujuan"].__setitem__("A4", 1.1))
    assert_problem(
        errors_of(book), "nilai.tidak_terbaca", Location("contoh.xlsx", "tujuan", 4, "kode"), "teks"
    )


def test_missing_required_field_in_instansi_sheet(book: Path) -> None:
    edit_book(book, lambda wb: wb["instansi"].__setitem__("B11", None))
    assert_problem(
        errors_of(book), "nilai.wajib", Location("contoh.xlsx", "instansi", 11, "camat_nama"), "wajib diisi"
    )


def test_missing_column_in_sheet(book: Path) -> None:
    edit_book(book, lambda wb: wb["desa"].delete_cols(3))
    assert_problem(errors_of(book), "kolom.tidak_ada", Location("contoh.xlsx", "desa", 1, "status"), "status")


def test_sheet_without_header(book: Path) -> None:
    edit_book(book, lambda wb: wb["desa"].delete_rows(1, 3))  # keys, titles and the example
    problems = errors_of(book)
    assert_problem(
        problems, "tabel.tanpa_judul", Location("contoh.xlsx", "desa", 1), "Baris 1", "'Umbulsari'"
    )
    assert [p.code for p in problems] == ["tabel.tanpa_judul"]  # one clear problem, not one per column


def test_unknown_grade_and_orphan_in_workbook(book: Path) -> None:
    def change(wb: openpyxl.Workbook) -> None:
        wb["realisasi"]["C5"] = "E"
        wb["sub_kegiatan"]["B4"] = "P9.K9"

    edit_book(book, change)
    problems = errors_of(book)
    assert_problem(problems, "nilai.tidak_terbaca", Location("contoh.xlsx", "realisasi", 5, "nilai"), "'E'")
    assert_problem(
        problems, "rujukan.tidak_ada", Location("contoh.xlsx", "sub_kegiatan", 4, "kode_kegiatan"), "P9.K9"
    )


def test_missing_key_column_does_not_flood_with_orphans(folder: Path) -> None:
    drop_column(folder, "kegiatan", "kode")
    problems = errors_of(folder)
    assert_problem(problems, "kolom.tidak_ada", Location("kegiatan.csv", None, 1, "kode"), "kode")
    assert "rujukan.tidak_ada" not in {p.code for p in problems}
