"""Bounds on what a data set may hold, checked while reading, before the work grows.

A data set arrives from an office nobody on the kabupaten side controls, and the batch
reads it unattended.  These bounds keep the work of reading a bad file small: a file
too big is refused before it is opened, a workbook whose parts unpack to too much
(a "zip bomb") before it is parsed, a sheet or CSV with too many rows after the row
past the bound (the rest is never read), and a cell longer than a few pages is not
parsed.  Every refusal is a GALAT that says where, what was found and the bound.

The defaults are far above any real LKIP data set (Umbulsari 2023: a 90 KB workbook,
at most 60 rows in a sheet, the longest text 1.900 characters) and far below what
hurts a machine.  They are settings (``masukan:`` in ``params/default.yaml``), read
by :mod:`lkip_helpers.rules.settings` into a :class:`Batas`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Location, Problem
from ..fmt import angka
from ._assemble import REPORTED, RawFields, RawRecords, error, warning

__all__ = [
    "BAWAAN",
    "Batas",
    "batasi_sel",
    "cek_arsip",
    "cek_baris_arsip",
    "cek_ukuran",
    "kolom_diabaikan",
    "terlalu_banyak_baris",
    "terlalu_panjang",
]

_MB = 1024 * 1024


@dataclass(frozen=True)
class Batas:
    """Bounds of one data set.

    Attributes
    ----------
    berkas_mb
        Largest workbook, or largest single file of a data set folder, in MB.
    isi_mb
        Largest total size of a workbook's parts once unpacked, in MB.
    baris
        Most data rows in one sheet or one table file (the header not counted).
    kolom
        Most columns read from one sheet or CSV; cells to the right are ignored
        with a warning.
    panjang_sel
        Most characters in one cell or one YAML value.
    """

    berkas_mb: float = 20.0
    isi_mb: float = 100.0
    baris: int = 5000
    kolom: int = 100
    panjang_sel: int = 20000

    def __post_init__(self) -> None:
        for name in ("berkas_mb", "isi_mb", "baris", "kolom", "panjang_sel"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                msg = f"batas '{name}' harus angka lebih dari 0, bukan {value!r}"
                raise ValueError(msg)

    def as_dict(self) -> dict[str, float | int]:
        """The bounds in the form of the ``masukan:`` settings."""
        return {
            "batas_berkas_mb": self.berkas_mb,
            "batas_isi_mb": self.isi_mb,
            "batas_baris": self.baris,
            "batas_kolom": self.kolom,
            "batas_panjang_sel": self.panjang_sel,
        }


#: The default bounds (equal to ``params/default.yaml``).
BAWAAN = Batas()


def _mb(size: float) -> str:
    return f"{angka(size / _MB, 1)} MB"


def cek_ukuran(path: Path, where: Location, batas: Batas) -> Problem | None:
    """A GALAT when the file at ``path`` is bigger than ``batas.berkas_mb`` (checked before reading)."""
    size = path.stat().st_size
    if size <= batas.berkas_mb * _MB:
        return None
    return error(
        "berkas.terlalu_besar",
        f"Berkas {path.name} terlalu besar untuk data LKIP satu kecamatan dan tidak dibaca. Periksa "
        "apakah berkas yang benar yang dikirim, dan hapus baris atau gambar yang tidak perlu.",
        where,
        found=_mb(size),
        expected=f"paling besar {_mb(batas.berkas_mb * _MB)} (pengaturan masukan.batas_berkas_mb)",
    )


def cek_arsip(path: Path, batas: Batas) -> Problem | None:
    """A GALAT when the workbook's parts unpack to more than ``batas.isi_mb`` (read from the zip directory only)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # the workbook reader reports a damaged file
    if unpacked <= batas.isi_mb * _MB:
        return None
    return error(
        "berkas.terlalu_besar",
        f"Isi buku kerja {path.name} setelah dibuka terlalu besar dan tidak dibaca (mungkin berisi "
        "jutaan sel berformat atau gambar besar). Salin hanya data LKIP ke templat baru dari 'lkip template'.",
        Location(path.name),
        found=f"{_mb(unpacked)} setelah dibuka",
        expected=f"paling besar {_mb(batas.isi_mb * _MB)} (pengaturan masukan.batas_isi_mb)",
    )


def terlalu_banyak_baris(where: Location, batas: Batas, found: str | None = None) -> Problem:
    """The GALAT for a sheet or file with more than ``batas.baris`` data rows (reading stopped there)."""
    return error(
        "tabel.terlalu_banyak_baris",
        "Tabel berisi lebih banyak baris daripada yang masuk akal untuk satu kecamatan; tabel ini tidak "
        "dibaca. Hapus baris yang bukan data (mis. baris tempelan atau sisa salinan) lalu periksa lagi.",
        where,
        found=found or f"lebih dari {angka(batas.baris)} baris data",
        expected=f"paling banyak {angka(batas.baris)} baris (pengaturan masukan.batas_baris)",
    )


#: A sheet with more row elements than this many times ``batas.baris`` is refused before it is parsed.
KALI_BARIS_KOSONG = 10
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")


def _row_elements(archive: zipfile.ZipFile, member: str, stop: int) -> int:
    """Count ``<row`` elements of one sheet part, streamed, stopping past ``stop``."""
    count = 0
    tail = b""
    with archive.open(member) as src:
        while chunk := src.read(1 << 20):
            data = tail + chunk
            count += len(_ROW.findall(data))
            if count > stop:
                return count
            tail = data[-16:]
            count -= len(_ROW.findall(tail))  # counted again with the next chunk
    return count


def cek_baris_arsip(path: Path, sheets: Iterable[str], batas: Batas) -> list[Problem]:
    """GALATs for sheets among ``sheets`` (case-folded names) with far too many rows, read from the raw XML.

    A sheet without a ``<dimension>`` element makes openpyxl parse it whole just to
    open the workbook; counting its row elements first (a byte scan, no XML
    parsing) refuses a pasted dump in a second instead of minutes.
    """
    from openpyxl.reader.workbook import WorkbookParser

    wanted = set(sheets)
    stop = KALI_BARIS_KOSONG * batas.baris
    found: list[Problem] = []
    try:
        with zipfile.ZipFile(path) as archive:
            parser = WorkbookParser(archive, "xl/workbook.xml")
            parser.parse()
            for sheet, rel in parser.find_sheets():
                name = str(sheet.name)
                if name.strip().casefold() not in wanted:
                    continue
                member = str(rel.target).lstrip("/")
                if _row_elements(archive, member, stop) > stop:
                    where = Location(path.name, name)
                    found.append(terlalu_banyak_baris(where, batas, f"lebih dari {angka(stop)} baris"))
    except (KeyError, OSError, ValueError, zipfile.BadZipFile, SyntaxError):
        return found  # an unusual or damaged workbook: the workbook reader reports what it finds
    return found


def terlalu_panjang(where: Location, length: int, batas: Batas) -> Problem:
    """The GALAT for a cell longer than ``batas.panjang_sel`` characters (the value is not parsed)."""
    return error(
        "nilai.terlalu_panjang",
        "Isi sel terlalu panjang dan tidak dibaca. Pecah teks panjang menjadi beberapa baris "
        "(mis. beberapa paragraf narasi) atau hapus isi yang tertempel tidak sengaja.",
        where,
        found=f"{angka(length)} karakter",
        expected=f"paling banyak {angka(batas.panjang_sel)} karakter (pengaturan masukan.batas_panjang_sel)",
    )


def _column_name(header: list[str], index: int) -> str | None:
    return header[index] if index < len(header) and header[index] else None


def batasi_sel(raw: RawRecords | RawFields, batas: Batas, problems: list[Problem]) -> None:
    """Replace every text value longer than ``batas.panjang_sel`` by :data:`REPORTED`, with a GALAT each."""
    limit = batas.panjang_sel
    if isinstance(raw, RawRecords):
        for row in raw.rows:
            for i, value in enumerate(row.values):
                if isinstance(value, str) and len(value) > limit:
                    line = row.cell_rows[i] if row.cell_rows and row.cell_rows[i] else row.location.row
                    where = Location(row.location.file, row.location.sheet, line, _column_name(raw.header, i))
                    problems.append(terlalu_panjang(where, len(value), batas))
                    row.values[i] = REPORTED
        return
    for n, (key, value, line) in enumerate(raw.items):
        if isinstance(value, str) and len(value) > limit:
            problems.append(terlalu_panjang(Location(raw.file, raw.sheet, line, key), len(value), batas))
            raw.items[n] = (key, REPORTED, line)


def kolom_diabaikan(where: Location, batas: Batas) -> Problem:
    """The PERINGATAN for a header with names past column ``batas.kolom`` (those columns are not read)."""
    return warning(
        "tabel.terlalu_banyak_kolom",
        f"Sheet atau berkas ini memiliki judul kolom sesudah kolom ke-{angka(batas.kolom)}; kolom-kolom "
        "itu tidak dibaca. Hapus kolom yang bukan bagian tabel.",
        where,
        found=f"judul kolom sesudah kolom ke-{angka(batas.kolom)}",
        expected=f"paling banyak {angka(batas.kolom)} kolom (pengaturan masukan.batas_kolom)",
    )
