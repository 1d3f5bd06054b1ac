"""Bounds on a data set (lkip_helpers.data.batas): refused early, placed, and set in the settings."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from lkip_helpers.data import load, write_workbook
from lkip_helpers.data.batas import BAWAAN, Batas, cek_arsip, cek_baris_arsip, cek_ukuran
from lkip_helpers.errors import DataError, Location, Problem, SettingsError
from lkip_helpers.rules.settings import load_settings

UMBULSARI = Path(__file__).resolve().parents[2] / "data" / "2023" / "umbulsari"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "2023" / "umbulsari"
    shutil.copytree(UMBULSARI, target)
    return target


def _problems(path: Path, batas: Batas = BAWAAN) -> list[Problem]:
    found: list[Problem] = []
    try:
        load(path, found, batas)
    except DataError:
        pass
    return found


def _codes(problems: list[Problem], where: str = "") -> list[str]:
    return [p.code for p in _at(problems, where) if p.level.value == "galat"]


def _at(problems: list[Problem], where: str) -> list[Problem]:
    """The problems of one file or sheet (tight bounds also hit the other tables)."""
    return [p for p in problems if not where or (p.location and where in (p.location.file, p.location.sheet))]


# -- the bounds themselves ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [({"baris": 0}, "baris"), ({"berkas_mb": -1.0}, "berkas_mb"), ({"kolom": True}, "kolom"),
     ({"panjang_sel": "10"}, "panjang_sel")],
)
def test_a_bound_must_be_a_positive_number(kwargs: dict, word: str) -> None:
    with pytest.raises(ValueError, match=word):
        Batas(**kwargs)


def test_the_settings_carry_the_bounds_and_refuse_bad_ones(tmp_path: Path) -> None:
    assert load_settings().masukan == BAWAAN
    path = tmp_path / "batas.yaml"
    path.write_text("masukan:\n  batas_baris: 200\n  batas_berkas_mb: 2.5\n", encoding="utf-8")
    settings = load_settings(path)
    assert (settings.masukan.baris, settings.masukan.berkas_mb) == (200, 2.5)
    assert settings.masukan.kolom == BAWAAN.kolom
    assert settings.as_dict()["masukan"]["batas_baris"] == 200
    path.write_text("masukan:\n  batas_baris: 2.5\n  batas_kolom: 0\n", encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_settings(path)
    text = str(info.value)
    for word in ("masukan.batas_baris", "bilangan bulat", "masukan.batas_kolom", "2 masalah"):
        assert word in text
    path.write_text("masukan:\n  batas_lain: 1\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="batas_lain"):
        load_settings(path)


# -- folder form ---------------------------------------------------------------------------------


def test_a_file_over_the_size_bound_is_not_read(folder: Path) -> None:
    size = (folder / "target.csv").stat().st_size
    problem = cek_ukuran(folder / "target.csv", Location("target.csv"), Batas(berkas_mb=size / 2 / 1024 / 1024))
    assert problem is not None
    assert problem.code == "berkas.terlalu_besar"
    assert "batas_berkas_mb" in str(problem)
    assert cek_ukuran(folder / "target.csv", Location("target.csv"), BAWAAN) is None


@pytest.mark.parametrize(("rows", "refused"), [(10, False), (11, True)])
def test_rows_past_the_bound_refuse_the_table(folder: Path, rows: int, refused: bool) -> None:
    lines = ["no,nama,status,catatan", *(f"{n},Desa {n},Mandiri," for n in range(1, rows + 1))]
    (folder / "desa.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = _problems(folder, Batas(baris=10))
    assert ("tabel.terlalu_banyak_baris" in _codes(problems, "desa.csv")) is refused
    if refused:
        hit = next(p for p in _at(problems, "desa.csv") if p.code == "tabel.terlalu_banyak_baris")
        assert hit.location == Location("desa.csv")
        assert "paling banyak 10 baris" in str(hit)


def test_columns_past_the_bound_are_ignored_with_a_warning(folder: Path) -> None:
    text = (folder / "desa.csv").read_text(encoding="utf-8").splitlines()
    text = [text[0] + ",x1,x2,x3", *(line + ",1,2,3" for line in text[1:])]
    (folder / "desa.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    problems = _problems(folder, Batas(kolom=5))
    warned = [p for p in _at(problems, "desa.csv") if p.code == "tabel.terlalu_banyak_kolom"]
    assert [p.location for p in warned] == [Location("desa.csv", None, 1)]
    assert not any(p.location and p.location.column in ("x2", "x3") for p in problems)  # never read


def test_a_long_cell_is_a_galat_and_not_parsed(folder: Path) -> None:
    text = (folder / "desa.csv").read_text(encoding="utf-8").splitlines()
    text[1] = text[1].rstrip(",") + ",\"" + "a" * 101 + "\""
    (folder / "desa.csv").write_text("\n".join(text) + "\n", encoding="utf-8")
    problems = _at(_problems(folder, Batas(panjang_sel=100)), "desa.csv")
    hit = next(p for p in problems if p.code == "nilai.terlalu_panjang")
    assert hit.location == Location("desa.csv", None, 2, "catatan")
    assert hit.found == "101 karakter"


def test_a_yaml_alias_is_refused_before_it_expands(folder: Path) -> None:
    lines = ["- &a {bagian: kata_pengantar, urutan: 1, teks: ok}"]
    lines += [f"- &b{n} [{'*a' if n == 0 else f'*b{n - 1}'}, {'*a' if n == 0 else f'*b{n - 1}'}]" for n in range(60)]
    (folder / "narasi.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = _problems(folder)
    hit = next(p for p in problems if p.code == "berkas.yaml")
    assert hit.location == Location("narasi.yaml", None, 2)
    assert "alias" in hit.message


@pytest.mark.parametrize(
    ("tail", "truncated"),
    [("I3.1,pk_", True), ('I3.1,pk_perubahan,2023,100,,"Tabel 3', True), ("I3.1,pk_perubahan,2023,100,,x", False)],
)
def test_a_last_row_cut_short_is_a_truncated_file(folder: Path, tail: str, truncated: bool) -> None:
    text = (folder / "target.csv").read_text(encoding="utf-8")
    (folder / "target.csv").write_text(text[: text.index("\nI3.1,") + 1] + tail, encoding="utf-8")
    assert ("berkas.terpotong" in _codes(_problems(folder))) is truncated


def test_a_table_file_linking_out_of_the_folder_is_never_opened(folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.csv"
    secret.write_text("no,nama,status,catatan\n1,RAHASIA,Mandiri,\n", encoding="utf-8")
    (folder / "desa.csv").unlink()
    (folder / "desa.csv").symlink_to(secret)
    problems = _problems(folder)
    hit = next(p for p in problems if p.code == "berkas.tidak_aman")
    assert hit.location == Location("desa.csv")
    assert not any("RAHASIA" in str(p) for p in problems)


def test_a_link_inside_the_folder_is_read(folder: Path) -> None:
    (folder / "asli").mkdir()
    (folder / "desa.csv").rename(folder / "asli" / "desa.csv")
    (folder / "desa.csv").symlink_to(folder / "asli" / "desa.csv")
    assert "berkas.tidak_aman" not in _codes(_problems(folder))


# -- workbook form -------------------------------------------------------------------------------


@pytest.fixture
def book(tmp_path: Path, folder: Path) -> Path:
    return write_workbook(load(folder), tmp_path / "umbulsari.xlsx")


def test_a_workbook_that_unpacks_past_the_bound_is_not_parsed(book: Path) -> None:
    with zipfile.ZipFile(book) as archive:
        unpacked = sum(i.file_size for i in archive.infolist())
    assert cek_arsip(book, Batas(isi_mb=unpacked * 2 / 1024 / 1024)) is None
    problem = cek_arsip(book, Batas(isi_mb=unpacked / 2 / 1024 / 1024))
    assert problem is not None
    assert problem.code == "berkas.terlalu_besar"
    assert "setelah dibuka" in str(problem)


def test_a_sheet_with_far_too_many_row_elements_is_refused_from_the_bytes(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    for n in range(120):
        wb["desa"].append([n])
    wb.save(book)
    problems = cek_baris_arsip(book, ["desa", "target"], Batas(baris=10))
    assert [p.location for p in problems] == [Location("umbulsari.xlsx", "desa")]
    assert "lebih dari 100 baris" in str(problems[0])
    assert cek_baris_arsip(book, ["desa"], Batas(baris=20)) == []


def test_a_sheet_past_the_row_bound_is_refused_while_streamed(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    for n in range(12):
        wb["desa"].append([100 + n, f"Desa {n}", "Mandiri"])
    wb.save(book)
    problems = _at(_problems(book, Batas(baris=20)), "desa")
    hit = next(p for p in problems if p.code == "tabel.terlalu_banyak_baris")
    assert hit.location == Location("umbulsari.xlsx", "desa")


def test_a_long_cell_in_a_sheet(book: Path) -> None:
    wb = openpyxl.load_workbook(book)
    wb["desa"]["D4"] = "b" * 300
    wb.save(book)
    hit = next(p for p in _at(_problems(book, Batas(panjang_sel=200)), "desa") if p.code == "nilai.terlalu_panjang")
    assert hit.location == Location("umbulsari.xlsx", "desa", 4, "catatan")
