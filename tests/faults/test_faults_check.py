"""The fault suite, data side: planted faults through ``lkip check``, as a hostile or careless sender would.

Each case breaks one thing in a copy of Umbulsari 2023 (a folder, or the same data as a
workbook) and runs ``lkip check`` on it in process.  Every case asserts: the exit status;
the finding's code is printed (no traceback) with its place and Indonesian words; the
output is short; no file outside the data set was opened (a secret planted beside it is
never read, nor its text shown); and the input is unchanged, byte for byte.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from fault_fixtures import (
    PNG,
    SECRET_TEXT,
    Place,
    digest,
    lkip,
    make_place,
    read_csv,
    set_cell,
    set_yaml_line,
    write_csv,
)

from lkip_helpers.data import load, write_workbook

Mutation = Callable[[Place], Path]  # breaks the data set, returns what `lkip check` is given


@dataclass(frozen=True)
class Fault:
    name: str
    mutate: Mutation
    exit: int
    code: str  # a finding code that must be printed ("" when the case must pass)
    words: tuple[str, ...] = ()  # words the output must contain
    args: tuple[str, ...] = ()  # more arguments of `lkip check`
    max_lines: int = 60


# -- folder faults -----------------------------------------------------------------------------


def _cell(table: str, row: int, column: str, text: str) -> Mutation:
    def mutate(p: Place) -> Path:
        set_cell(p.folder, table, row, column, text)
        return p.folder

    return mutate


def _yaml(name: str, key: str, line: str) -> Mutation:
    def mutate(p: Place) -> Path:
        set_yaml_line(p.folder, name, key, line)
        return p.folder

    return mutate


def _over_pagu(p: Place) -> Path:
    set_cell(p.folder, "sub_kegiatan", 2, "realisasi", "3141671234")  # pagu 2.998.639.891
    return p.folder


def _delete_target(p: Place) -> Path:
    (p.folder / "target.csv").unlink()
    return p.folder


def _rename_target(p: Place) -> Path:
    (p.folder / "target.csv").rename(p.folder / "target (1).csv")
    return p.folder


def _empty_target(p: Place) -> Path:
    (p.folder / "target.csv").write_bytes(b"")
    return p.folder


def _truncated_target(p: Place) -> Path:
    text = (p.folder / "target.csv").read_text(encoding="utf-8")
    cut = text.index("\nI3.1,") + len("\nI3.1,pk_")  # cut in the middle of a row, as an interrupted copy
    (p.folder / "target.csv").write_text(text[:cut], encoding="utf-8")
    return p.folder


def _not_utf8(p: Place) -> Path:
    path = p.folder / "desa.csv"
    path.write_bytes(path.read_bytes().replace(b"Paleran", "Paléran".encode("cp1252")))
    return p.folder


def _photos(*names: str) -> Mutation:
    def mutate(p: Place) -> Path:
        (p.folder / "foto").mkdir()
        (p.folder / "foto" / "rapat.png").write_bytes(PNG)
        (p.folder / "foto" / "tautan.png").symlink_to(p.secret_image)
        rows = [["kode_sub_kegiatan", "berkas", "keterangan", "urutan"]]
        rows += [["P1.K1.S1", name.format(secret=p.secret), f"Foto {n}", str(n)] for n, name in enumerate(names, 1)]
        write_csv(p.folder / "foto.csv", rows)
        return p.folder

    return mutate


def _table_link(p: Place) -> Path:
    (p.folder / "desa.csv").unlink()
    (p.folder / "desa.csv").symlink_to(p.secret)
    return p.folder


def _table_fifo(p: Place) -> Path:
    (p.folder / "desa.csv").unlink()
    os.mkfifo(p.folder / "desa.csv")  # opening it would block forever
    return p.folder


def _logo_text(p: Place) -> Path:
    (p.folder / "logo.png").write_text("<svg onload=alert(1)>", encoding="utf-8")
    return p.folder


def _many_rows(p: Place) -> Path:
    rows = read_csv(p.folder / "desa.csv")
    rows += [[str(n), f"Desa {n}", "Mandiri", ""] for n in range(len(rows), 6200)]
    write_csv(p.folder / "desa.csv", rows)
    return p.folder


def _many_bad_rows(p: Place) -> Path:
    rows = read_csv(p.folder / "desa.csv")[:1]
    rows += [[f"x{n}", f"Desa {n}", "Swadaya", ""] for n in range(1, 400)]  # two wrong cells a row
    write_csv(p.folder / "desa.csv", rows)
    return p.folder


def _long_cell(p: Place) -> Path:
    set_cell(p.folder, "desa", 2, "catatan", "panjang " * 4000)
    return p.folder


def _yaml_alias(p: Place) -> Path:
    lines = ["- &a {bagian: kata_pengantar, urutan: 1, teks: ok}"]
    lines += [f"- &b{n} [*{'a' if n == 0 else f'b{n - 1}'}, *{'a' if n == 0 else f'b{n - 1}'}]" for n in range(30)]
    (p.folder / "narasi.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p.folder


def _tight_size(p: Place) -> Path:
    (p.folder.parent / "ketat.yaml").write_text("masukan:\n  batas_berkas_mb: 0.005\n", encoding="utf-8")
    return p.folder


def _unicode_name(p: Place) -> Path:
    set_yaml_line(p.folder, "instansi.yaml", "kecamatan", "kecamatan: \"Kota'Baru Ñusa\"")
    target = p.folder.parent / "kota-baru-nusa"
    p.folder.rename(target)
    return target


def _script(p: Place) -> Path:
    set_cell(p.folder, "desa", 2, "nama", "<script>alert(1)</script>")
    set_cell(p.folder, "desa", 3, "nama", '<img src=x onerror="alert(1)">')
    return p.folder


# -- workbook faults ---------------------------------------------------------------------------


def _workbook(edit: Callable[[openpyxl.Workbook], None] | None = None) -> Mutation:
    def mutate(p: Place) -> Path:
        path = p.folder.parent / "umbulsari.xlsx"
        write_workbook(load(p.folder), path)
        shutil.rmtree(p.folder)
        if edit is not None:
            wb = openpyxl.load_workbook(path)
            edit(wb)
            wb.save(path)
        return path

    return mutate


def _raw_workbook(change: Callable[[bytes], bytes]) -> Mutation:
    def mutate(p: Place) -> Path:
        path = _workbook()(p)
        path.write_bytes(change(path.read_bytes()))
        return path

    return mutate


def _csv_as_xlsx(p: Place) -> Path:
    path = p.folder.parent / "umbulsari.xlsx"
    shutil.copy(p.folder / "target.csv", path)
    shutil.rmtree(p.folder)
    return path


def _clear_sheet(wb: openpyxl.Workbook) -> None:
    wb["target"].delete_rows(1, wb["target"].max_row)


def _rename_sheet(wb: openpyxl.Workbook) -> None:
    wb["target"].title = "Target (2)"


def _merge_header(wb: openpyxl.Workbook) -> None:
    wb["desa"].merge_cells("A1:B1")


def _formula(wb: openpyxl.Workbook) -> None:
    wb["kegiatan"]["E2"] = "=2000000000+998639891"  # saved by openpyxl: no cached result


def _sheet_rows(wb: openpyxl.Workbook) -> None:
    for n in range(1, 6100):
        wb["desa"].append([n, f"Desa {n}", "Mandiri"])


def _sheet_long(wb: openpyxl.Workbook) -> None:
    wb["desa"]["D2"] = "x" * 25000


def _zip_bomb_setting(p: Place) -> Path:
    (p.folder.parent / "ketat.yaml").write_text("masukan:\n  batas_isi_mb: 0.05\n", encoding="utf-8")
    return _workbook()(p)


FAULTS = [
    Fault("ribuan gaya Inggris", _cell("program", 2, "pagu", "4,068,968,525"), 1, "nilai.tidak_terbaca",
          ("program.csv, baris 2, kolom 'pagu'", "Inggris")),
    Fault("pecahan di Rupiah", _cell("program", 2, "pagu", "1.5"), 1, "nilai.tidak_terbaca", ("pecahan",)),
    Fault("nilai huruf B+", _cell("realisasi", 3, "nilai", "B+"), 1, "nilai.tidak_terbaca",
          ("realisasi.csv, baris 3", "AA, A, BB, B, CC, C atau D")),
    Fault("pagu negatif", _cell("program", 2, "pagu", "-100"), 1, "nilai.tidak_terbaca", ("negatif",)),
    Fault("realisasi melebihi pagu", _over_pagu, 1, "anggaran.melebihi_pagu", ("sub_kegiatan.csv, baris 2",)),
    Fault("kode ganda", _cell("sasaran", 3, "kode", "S1"), 1, "kunci.ganda", ("sasaran.csv, baris 3", "baris 2")),
    Fault("baris yatim", _cell("sub_kegiatan", 2, "kode_kegiatan", "P9.K9"), 1, "rujukan.tidak_ada",
          ("sub_kegiatan.csv, baris 2",)),
    Fault("sasaran tak dikenal", _cell("indikator", 3, "kode_sasaran", "S9"), 1, "rujukan.tidak_ada",
          ("indikator.csv, baris 3", "S9")),
    Fault("berkas tabel hilang", _delete_target, 1, "tabel.tidak_ada", ("target.csv",)),
    Fault("CSV berganti nama", _rename_target, 1, "tabel.tidak_ada", ("target.csv", "target (1).csv")),
    Fault("berkas kosong", _empty_target, 1, "tabel.tanpa_judul", ("target.csv",)),
    Fault("berkas terpotong", _truncated_target, 1, "berkas.terpotong", ("target.csv", "terpotong")),
    Fault("bukan UTF-8", _not_utf8, 1, "berkas.encoding", ("desa.csv", "UTF-8")),
    Fault("tahun 10^20", _yaml("instansi.yaml", "tahun", f"tahun: {10**20}"), 1, "nilai.rentang",
          ("instansi.yaml", "kolom 'tahun'", "antara 2000 dan 2100")),
    Fault("tahun 1899", _yaml("instansi.yaml", "tahun", "tahun: 1899"), 1, "nilai.rentang", ("kolom 'tahun'",)),
    Fault("Rupiah 10^20", _cell("sub_kegiatan", 2, "pagu", str(10**20)), 1, "nilai.rentang",
          ("sub_kegiatan.csv, baris 2, kolom 'pagu'",)),
    Fault("tahun folder lain", _yaml("instansi.yaml", "tahun", "tahun: 2022"), 1, "instansi.identitas",
          ("2022", "2023")),
    Fault("foto jalur mutlak", _photos("rapat.png", "{secret}"), 1, "berkas.foto", ("foto.csv, baris 3", "jalur mutlak")),
    Fault("foto dengan ..", _photos("../../../rahasia.png"), 1, "berkas.foto", ("foto.csv, baris 2", "'..'")),
    Fault("foto tautan ke luar", _photos("tautan.png"), 1, "berkas.foto", ("foto.csv, baris 2",)),
    Fault("foto /etc/passwd", _photos("/etc/passwd"), 1, "berkas.foto", ("jalur mutlak",)),
    Fault("tabel tautan ke luar", _table_link, 1, "berkas.tidak_aman", ("desa.csv", "tautan ke luar")),
    Fault("tabel berupa pipa", _table_fifo, 1, "berkas.tidak_aman", ("desa.csv", "bukan berkas biasa")),
    Fault("logo bukan gambar", _logo_text, 1, "berkas.logo", ("logo.png",)),
    Fault("6.200 baris", _many_rows, 1, "tabel.terlalu_banyak_baris", ("desa.csv", "5.000"), max_lines=12),
    Fault("ratusan galat serupa", _many_bad_rows, 1, "nilai.tidak_terbaca",
          ("masalah serupa lagi", "desa.csv", "--semua"), max_lines=30),
    Fault("sel terlalu panjang", _long_cell, 1, "nilai.terlalu_panjang", ("desa.csv, baris 2, kolom 'catatan'",)),
    Fault("alias YAML (bom)", _yaml_alias, 1, "berkas.yaml", ("narasi.yaml", "alias")),
    Fault("berkas di atas batas", _tight_size, 1, "berkas.terlalu_besar", ("batas_berkas_mb",),
          args=("--pengaturan", "{root}/data/2023/ketat.yaml")),
    Fault("nama unicode dan apostrof", _unicode_name, 0, "narasi.kecamatan_lain", ("Kota'Baru Ñusa",)),
    Fault("<script> dan onerror", _script, 0, "", ("LOLOS",)),
    # the same data as a workbook
    Fault("buku kerja utuh", _workbook(), 0, "", ("LOLOS",)),
    Fault("sheet kosong", _workbook(_clear_sheet), 1, "tabel.tanpa_judul", ("sheet 'target'",)),
    Fault("sheet dihapus", _workbook(lambda wb: wb.remove(wb["target"])), 1, "tabel.tidak_ada", ("sheet 'target'",)),
    Fault("sheet berganti nama", _workbook(_rename_sheet), 1, "tabel.tidak_ada", ("Target (2)",)),
    Fault("judul digabung", _workbook(_merge_header), 1, "kolom.tidak_ada", ("sheet 'desa'", "nama")),
    Fault("rumus tanpa hasil", _workbook(_formula), 1, "nilai.rumus_tanpa_nilai", ("sheet 'kegiatan'", "Ctrl+S")),
    Fault("6.100 baris di sheet", _workbook(_sheet_rows), 1, "tabel.terlalu_banyak_baris", ("sheet 'desa'",),
          max_lines=12),
    Fault("sel panjang di sheet", _workbook(_sheet_long), 1, "nilai.terlalu_panjang", ("sheet 'desa', baris 2",)),
    Fault("buku kerja terpotong", _raw_workbook(lambda b: b[: len(b) // 2]), 1, "berkas.format", ("umbulsari.xlsx",)),
    Fault("buku kerja 0 byte", _raw_workbook(lambda b: b""), 1, "berkas.format", ("umbulsari.xlsx",)),
    Fault("CSV berakhiran .xlsx", _csv_as_xlsx, 1, "berkas.format", ("umbulsari.xlsx",)),
    Fault("isi buku kerja di atas batas", _zip_bomb_setting, 1, "berkas.terlalu_besar", ("batas_isi_mb",),
          args=("--pengaturan", "{root}/data/2023/ketat.yaml")),
]


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_fault(tmp_path: Path, fault: Fault) -> None:
    place = make_place(tmp_path)
    target = fault.mutate(place)
    before = digest(target)
    run = lkip("check", str(target), *(a.format(root=tmp_path) for a in fault.args))

    assert run.exception is None or isinstance(run.exception, SystemExit), run.output
    assert "Traceback" not in run.output
    assert run.exit_code == fault.exit, run.output
    text = " ".join(run.output.split())
    if fault.code:
        assert any(fault.code in line or _printed(line, fault.code) for line in run.lines), run.output
    for word in fault.words:
        assert word in text, f"{word!r} not in:\n{run.output}"
    assert len(run.lines) <= fault.max_lines, run.output
    assert SECRET_TEXT not in run.output
    outside = [f for f in run.opened if _is_secret(f, place)]
    assert outside == [], outside
    assert digest(target) == before  # the input is never changed


def _printed(line: str, code: str) -> bool:
    """``lkip check`` prints messages, not codes: a code is printed when its message is (see _MESSAGE)."""
    return any(fragment in line for fragment in _MESSAGE.get(code, ()))


def _is_secret(opened: str, place: Place) -> bool:
    path = Path(opened)
    try:
        real = path.resolve()
    except OSError:
        return False
    return real in (place.secret.resolve(), place.secret_image.resolve(), Path("/etc/passwd"))


#: A fragment of each finding's message, as printed (codes are not printed to planners).
_MESSAGE: dict[str, tuple[str, ...]] = {
    "nilai.tidak_terbaca": ("tidak dapat dibaca", "bukan", "tidak boleh"),
    "nilai.rentang": ("di luar rentang", "antara"),
    "nilai.terlalu_panjang": ("terlalu panjang",),
    "nilai.rumus_tanpa_nilai": ("rumus",),
    "anggaran.melebihi_pagu": ("melebihi pagu",),
    "kunci.ganda": ("ganda", "lebih dari sekali"),
    "rujukan.tidak_ada": ("tidak ada di", "tidak dikenal", "tidak ditemukan"),
    "tabel.tidak_ada": ("tidak ada;",),
    "tabel.tanpa_judul": ("nama kolom",),
    "tabel.terlalu_banyak_baris": ("lebih banyak baris",),
    "kolom.tidak_ada": ("Kolom wajib",),
    "berkas.terpotong": ("terpotong",),
    "berkas.encoding": ("UTF-8",),
    "berkas.foto": ("foto",),
    "berkas.logo": ("logo", "Logo"),
    "berkas.tidak_aman": ("bukan berkas biasa",),
    "berkas.yaml": ("YAML",),
    "berkas.terlalu_besar": ("terlalu besar",),
    "berkas.format": ("bukan buku kerja Excel",),
    "instansi.identitas": ("tidak sesuai",),
    "narasi.kecamatan_lain": ("menyebut Kecamatan",),
}


def test_the_script_in_text_is_shown_escaped(tmp_path: Path) -> None:
    from lkip_helpers import buka
    from lkip_helpers.present.katalog import tampil

    place = make_place(tmp_path)
    _script(place)
    lap = buka(place.folder)
    html = tampil(lap, "daftar_desa").html
    assert "<script" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "onerror" in html  # shown as text, escaped


def test_the_workbook_fault_cases_leave_a_valid_zip(tmp_path: Path) -> None:
    """Sanity of the suite itself: the workbook cases start from a workbook `lkip check` accepts."""
    place = make_place(tmp_path)
    path = _workbook()(place)
    assert zipfile.is_zipfile(path)
    run = lkip("check", str(path))
    assert run.exit_code == 0, run.output


def test_convert_never_copies_a_file_from_outside_the_data_set(tmp_path: Path) -> None:
    place = make_place(tmp_path)
    _photos("rapat.png", "../../../rahasia.png", "tautan.png", "{secret}")(place)
    out = tmp_path / "salinan"
    run = lkip("convert", str(place.folder), str(out))
    assert run.exit_code == 0, run.output
    copied = sorted(p.relative_to(out / "foto").as_posix() for p in (out / "foto").rglob("*"))
    assert copied == ["rapat.png"]  # the link and the paths out of foto/ are not followed
    assert not [f for f in run.opened if _is_secret(f, place)]
    assert not any(p.read_bytes() == PNG and p.name != "rapat.png" for p in out.rglob("*.png"))
