"""The Excel form of a data set: one workbook, one sheet per table (reading; :mod:`.templat` writes).

Records sheets: row 1 holds the column keys (``kode_indikator``; hidden in the template),
row 2 the Indonesian titles ("Kode indikator"), row 3 a grey example row marked
``CONTOH`` right of the table, data from row 4.  The reader takes row 1 as the header
(a title there is understood too), skips row 2 when it is exactly the title row, and
skips a marked example row left as written; a marked row whose values were changed is
read as data with a PERINGATAN, never dropped.  Workbooks with the keys in row 1 and
data from row 2 (earlier templates) read the same way.  Fields sheets (``instansi``,
``profil``, ``anggaran``) have the key in column A and the value in column B (columns
after B are titles and examples, not read).  A ``PETUNJUK`` sheet comes first and
explains the workbook; :func:`wajib_sheet` says what the reader requires of each sheet.
"""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import Location, Problem
from ._assemble import (
    REPORTED,
    RawFields,
    RawRecords,
    RawRow,
    assemble,
    error,
    fail,
    finish,
    match_column,
    warning,
)
from .batas import (
    BAWAAN,
    Batas,
    batasi_sel,
    cek_arsip,
    cek_baris_arsip,
    cek_ukuran,
    kolom_diabaikan,
    terlalu_banyak_baris,
)
from .model import DataSet, SourceFile
from .parse import ValueParseError, is_missing, parse_cell
from .schema import TABLES, ColType, Column, Table

__all__ = ["BARIS_CONTOH", "BARIS_DATA", "BARIS_JUDUL", "CONTOH", "PETUNJUK", "hint", "load_workbook", "wajib_sheet"]

#: Name of the instructions sheet (first sheet, ignored when reading).
PETUNJUK = "PETUNJUK"
_FIELDS_HEADER = ("isian", "nilai")
#: The text right of the table that marks the example row of a records sheet.
CONTOH = "CONTOH"
#: Rows of a records sheet: keys (hidden) in row 1, then the titles, the example, the data.
BARIS_JUDUL = 2
BARIS_CONTOH = 3
BARIS_DATA = 4
_HINT: dict[ColType, str] = {
    ColType.TEKS: "teks bebas",
    ColType.KODE: "kode (huruf, angka, titik), ditulis sebagai teks",
    ColType.BULAT: "bilangan bulat, mis. 12 atau 79.263",
    ColType.RUPIAH: "jumlah Rupiah tanpa sen, mis. 4.231.208.525",
    ColType.DESIMAL: "angka, koma untuk desimal, mis. 64,44",
    ColType.PERSEN: "persentase, mis. 97 atau 97%",
    ColType.NILAI: "angka (mis. 97 atau 95,5) atau nilai huruf AA, A, BB, B, CC, C, D",
    ColType.TANGGAL: "tanggal, mis. 23/02/2024 atau 23 Februari 2024",
    ColType.PILIHAN: "pilih dari daftar",
    ColType.YA_TIDAK: "ya atau tidak",
}


def hint(col: Column) -> str:
    """What to type in ``col``, in Indonesian: the type's hint, a year for year columns ('mis. 2023')."""
    if col.type is ColType.BULAT and col.batas == (2000.0, 2100.0):
        return "tahun empat angka tanpa titik, mis. 2023"
    return _HINT[col.type]


def wajib_sheet(table: Table) -> str:
    """What the reader requires of ``table``'s sheet: the one owner of PETUNJUK's 'wajib'.

    ``"diisi"``: the sheet must be there and filled (it has required fields: empty, they
    are GALAT ``nilai.wajib``); ``"ada"``: the sheet must be there (GALAT
    ``tabel.tidak_ada`` otherwise) but may stay empty; ``""``: the sheet may be deleted.
    """
    if table.kind == "fields" and any(c.required for c in table.columns):
        return "diisi"
    return "ada" if table.required else ""


# -- reading ------------------------------------------------------------------------


def _norm_text(value: object) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _header_key(table: Table, text: str) -> str:
    """The column key a header cell names: the key itself, or a column's Indonesian title."""
    if not text or match_column(table, text) is not None:
        return text
    wanted = _norm_text(text)
    for col in table.columns:
        if wanted in (_norm_text(col.judul_kolom), _norm_text(col.judul)):
            return col.name
    return text


def _is_title(value: object, col: Column) -> bool:
    """True when a cell holds its column's title (or key): the template's row 2, never a value."""
    return isinstance(value, str) and _norm_text(value) in (
        _norm_text(col.judul_kolom), _norm_text(col.judul), col.name
    )


def _canonical(raw: object, col: Column) -> object:
    try:
        return parse_cell(raw, col)
    except ValueParseError:
        return ("tidak terbaca", raw)


_MARKER = re.compile(rf"\b{CONTOH}\b", re.IGNORECASE)


def _is_marked(values: list[object], header: list[str]) -> int | None:
    """Position of the ``CONTOH`` marker in a cell without a column key, or None."""
    for pos, value in enumerate(values):
        unnamed = pos >= len(header) or not header[pos]
        if unnamed and isinstance(value, str) and len(value) < 40 and _MARKER.search(value):
            return pos
    return None


def _filled(values: list[object], columns: list[Column | None]) -> list[int]:
    return [p for p, (v, c) in enumerate(zip(values, columns, strict=False)) if c is not None and not is_missing(v)]


def _title_row(values: list[object], columns: list[Column | None], loc: Location, problems: list[Problem]) -> bool:
    """Handle row 2: True when it is the title row (skip it); titles left in a data row are blanked."""
    titles = [p for p in _filled(values, columns) if _is_title(values[p], columns[p])]  # type: ignore[arg-type]
    if titles and len(titles) == len(_filled(values, columns)):
        return True
    if titles:
        for pos in titles:
            values[pos] = None
        problems.append(
            warning(
                "judul.berisi_data",
                f"Baris {BARIS_JUDUL} adalah baris judul kolom, tetapi sebagian selnya berisi data; data itu "
                "dibaca, judul yang tersisa diabaikan. Sebaiknya kembalikan judul dan isi data mulai baris "
                f"{BARIS_DATA}.",
                loc,
                found="judul dan data dalam satu baris",
                expected=f"data mulai baris {BARIS_DATA}",
            )
        )
    return False


def _example_row(
    values: list[object],
    columns: list[Column | None],
    table: Table,
    example: set[int],
    loc: Location,
    problems: list[Problem],
) -> bool:
    """Handle a row marked CONTOH: True when it is the example as written (skip it).

    The template writes the example's cells as formulas (``example``: their positions, already
    blanked in ``values``); a cell typed over holds a value.  A row with any typed value is read
    as data, never dropped, and a PERINGATAN names the cells still holding the example (not
    read).  A row without formulas (a copy that turned them into values) is the example when
    every value equals it.
    """
    filled = _filled(values, columns)
    if not filled:
        return True
    if not example and all(
        _canonical(values[p], col) == _canonical(table.contoh.get(col.name), col)
        for p in filled
        if (col := columns[p]) is not None
    ):
        return True
    kept = [col.name for p in sorted(example) if p < len(columns) and (col := columns[p]) is not None]
    extra = (
        " Sel yang masih berisi contoh tidak dibaca: " + ", ".join(kept) + "; ketik isinya bila perlu."
        if kept
        else ""
    )
    problems.append(
        warning(
            "contoh.diubah",
            f"Baris contoh (bertanda {CONTOH} di kanan tabel) sudah diisi, jadi dibaca sebagai data.{extra} "
            f"Sebaiknya isi data mulai baris {BARIS_DATA} dan biarkan baris contoh, atau hapus tanda {CONTOH} "
            "bila baris ini memang data.",
            loc,
            found=f"baris {CONTOH} yang diubah",
            expected=f"data di bawah baris {CONTOH}",
        )
    )
    return False



def _is_percent_format(number_format: str | None) -> bool:
    """Return True when a cell's number format shows the value as a percentage."""
    if not number_format:
        return False
    visible = re.sub(r'"[^"]*"|\\.', "", number_format)
    return "%" in visible


def _cell_value(
    cell: Any, col: Column | None, loc: Location, formulas: set[tuple[str, int, int]], problems: list[Problem]
) -> object:
    """Return the raw value of one cell, reporting formula problems."""
    value = cell.value
    if col is None:
        return value
    if getattr(cell, "data_type", None) == "e":
        problems.append(
            error(
                "nilai.rumus_galat",
                "Sel berisi galat Excel (hasil rumus yang gagal); perbaiki rumusnya atau ketik nilainya.",
                loc,
                found=str(value),
                expected=f"nilai {hint(col)}",
            )
        )
        return REPORTED
    if value is None and (loc.sheet or "", loc.row or 0, getattr(cell, "column", 0)) in formulas:
        problems.append(
            error(
                "nilai.rumus_tanpa_nilai",
                "Sel berisi rumus yang hasilnya tidak tersimpan di berkas. Buka berkas di Excel lalu "
                "simpan ulang berkas di Excel (Ctrl+S) agar hasil rumus ikut tersimpan.",
                loc,
                found="rumus tanpa hasil tersimpan",
                expected=f"nilai {hint(col)}",
            )
        )
        return REPORTED
    if (
        col.type in (ColType.PERSEN, ColType.NILAI)
        and isinstance(value, int | float)
        and not isinstance(value, bool)
        and _is_percent_format(getattr(cell, "number_format", None))
    ):
        return float(Decimal(repr(value)) * 100)
    return value


def _formula_cells(path: Path, sheets: list[str], batas: Batas) -> set[tuple[str, int, int]]:
    """Return (sheet, row, column) of every formula cell of ``sheets`` (within the row and column bounds).

    A workbook whose sheets hold no formula element at all (a byte scan of the parts)
    is not parsed a second time.
    """
    if not _has_formulas(path):
        return set()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        found: set[tuple[str, int, int]] = set()
        for name in sheets:
            ws = wb[name]
            ws.reset_dimensions()
            rows = ws.iter_rows(min_row=1, max_row=batas.baris + 1, max_col=batas.kolom)
            for row in rows:
                for cell in row:
                    if getattr(cell, "data_type", None) == "f":
                        found.add((name, cell.row, cell.column))
        return found
    finally:
        wb.close()


_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")


def _has_formulas(path: Path) -> bool:
    """True when any worksheet part of the workbook has a formula element (``<f>``)."""
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                tail = b""
                with archive.open(info) as src:
                    while chunk := src.read(1 << 20):
                        if _FORMULA.search(tail + chunk):
                            return True
                        tail = chunk[-8:]
    return False


def _header_text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _rows_within(ws: Any, file: str, batas: Batas, problems: list[Problem], max_col: int) -> list[Any] | None:
    """The sheet's rows up to the bound, streamed; None (with a GALAT) past it.

    Past the bound means more than ``batas.baris`` rows with a value, or more than ten
    times as many rows in all (empty formatted rows cost as much to read).
    """
    rows: list[Any] = []
    data_rows = 0
    for cells in ws.iter_rows(min_row=1, max_col=max_col):
        rows.append(cells)
        if len(rows) > 1 and any(c.value is not None for c in cells):
            data_rows += 1
        if data_rows > batas.baris or len(rows) > 10 * batas.baris:
            problems.append(terlalu_banyak_baris(Location(file, ws.title), batas))
            return None
    return rows


def _read_records(
    ws: Any, file: str, table: Table, formulas: set[tuple[str, int, int]], problems: list[Problem], batas: Batas
) -> RawRecords | None:
    rows = _rows_within(ws, file, batas, problems, batas.kolom + 1)
    if rows is None:
        return None
    header = [_header_key(table, _header_text(c.value)) for c in rows[0]] if rows else []
    if len(header) > batas.kolom:
        if any(header[batas.kolom :]):
            problems.append(kolom_diabaikan(Location(file, ws.title, 1), batas))
        header = header[: batas.kolom]
        rows = [cells[: batas.kolom] for cells in rows]
    if not any(header):
        problems.append(
            error(
                "tabel.tanpa_judul",
                "Baris 1 sheet harus berisi nama kolom (di templat baris ini tersembunyi di atas judul "
                "kolom). Salin isian ke sheet yang sama dari templat baru 'lkip template'.",
                Location(file, ws.title, 1),
                expected="nama kolom: " + ", ".join(table.column_names),
            )
        )
        return None
    width = max(len(r) for r in rows)
    header += [""] * (width - len(header))
    columns = [match_column(table, name) if name else None for name in header]
    raw_rows = []
    for number, cells in enumerate(rows[1:], start=2):
        loc = Location(file, ws.title, number)
        marker = _is_marked([c.value for c in cells], header)
        # the example's cells are formulas ("=\"I1.1\""): those not typed over are the example's
        example = (
            {i for i, c in enumerate(cells) if (ws.title, number, getattr(c, "column", 0)) in formulas}
            if marker is not None
            else set()
        )
        values = [
            None
            if i in example
            else _cell_value(cell, columns[i], loc.with_column(_name(columns[i])), formulas, problems)
            for i, cell in enumerate(cells)
        ]
        if number == BARIS_JUDUL and _title_row(values, columns, loc, problems):
            continue
        if marker is not None:
            values[marker] = None
            if _example_row(values, columns, table, example, loc, problems):
                continue
        raw_rows.append(RawRow(loc, values))
    return RawRecords(table, file, ws.title, header, raw_rows)


def _read_fields(
    ws: Any, file: str, table: Table, formulas: set[tuple[str, int, int]], problems: list[Problem], batas: Batas
) -> RawFields | None:
    rows = _rows_within(ws, file, batas, problems, 2)
    if rows is None:
        return None
    raw = RawFields(table, file, ws.title)
    for number, cells in enumerate(rows, start=1):
        if not cells:
            continue
        key = _header_text(cells[0].value)
        if not key or (number == 1 and key.casefold() == _FIELDS_HEADER[0]):
            continue
        col = match_column(table, key)
        loc = Location(file, ws.title, number, col.name if col else key)
        value = _cell_value(cells[1], col, loc, formulas, problems) if len(cells) > 1 else None
        raw.items.append((key, value, number))
    return raw


def _format_problem(path: Path, detail: str) -> Problem:
    return error(
        "berkas.format",
        f"Berkas {path.name} bukan buku kerja Excel (.xlsx) yang dapat dibaca ({detail}). "
        "Buka berkas di Excel lalu pilih Simpan Sebagai > Buku Kerja Excel (.xlsx).",
        Location(path.name),
        expected="buku kerja Excel .xlsx",
    )


def load_workbook(
    path: str | Path, problems: list[Problem] | None = None, batas: Batas = BAWAAN
) -> DataSet:
    """Read and validate a data set workbook (``.xlsx``).

    The workbook is opened read-only with cached formula results
    (``data_only``); a formula whose result was never saved is an error asking
    to save the file again in Excel.

    Parameters
    ----------
    path : str or Path
        The workbook.
    problems : list of Problem, optional
        When given, every problem found (warnings included) is appended to it.
    batas : Batas, optional
        Bounds on size, rows, columns and cell length (:mod:`.batas`); a file past
        them is refused before it is parsed, a sheet past them after the row over
        the bound.

    Returns
    -------
    DataSet
        The typed data set; locations name the workbook file and the sheet.

    Raises
    ------
    DataError
        When any problem is an error (GALAT); it lists all problems.
    """
    path = Path(path)
    local: list[Problem] = []
    if not path.is_file():
        local.append(error("berkas.tidak_ada", f"Buku kerja tidak ditemukan: {path}.", Location(path.name)))
        fail(local, problems)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        local.append(_format_problem(path, f"format {path.suffix or 'tanpa akhiran'} tidak didukung"))
        fail(local, problems)
    if (too_big := cek_ukuran(path, Location(path.name), batas) or cek_arsip(path, batas)) is not None:
        local.append(too_big)
        fail(local, problems)
    if too_long := cek_baris_arsip(path, TABLES, batas):
        local.extend(too_long)
        fail(local, problems)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        local.append(_format_problem(path, "berkas rusak atau bukan berkas Excel"))
        fail(local, problems)
    try:
        by_name = {name.strip().casefold(): name for name in wb.sheetnames}
        present = {t.name: by_name[t.name] for t in TABLES.values() if t.name in by_name}
        if not present:
            local.append(
                error(
                    "buku_kerja.kosong",
                    "Buku kerja tidak berisi satu pun sheet data LKIP. Pakai templat dari "
                    "'lkip template' dan isi sheet-sheetnya.",
                    Location(path.name),
                    found="sheet: " + ", ".join(wb.sheetnames),
                    expected="sheet bernama seperti tabel: " + ", ".join(TABLES),
                )
            )
            fail(local, problems)
        formulas = _formula_cells(path, list(present.values()), batas)
        found: list[RawRecords | RawFields] = []
        for table in TABLES.values():
            if table.name not in present:
                if wajib_sheet(table):
                    local.append(
                        error(
                            "tabel.tidak_ada",
                            f"Sheet '{table.name}' ({table.title}) tidak ada; tambahkan sheet itu "
                            "(boleh hanya berisi baris judul kolom).",
                            Location(path.name, table.name),
                        )
                    )
                continue
            ws = wb[present[table.name]]
            ws.reset_dimensions()
            read = _read_fields if table.kind == "fields" else _read_records
            if (raw := read(ws, path.name, table, formulas, local, batas)) is not None:
                batasi_sel(raw, batas, local)
                found.append(raw)
        for name in wb.sheetnames:
            if name not in present.values() and name.strip().upper() != PETUNJUK:
                local.append(
                    warning(
                        "tabel.tidak_dikenal",
                        f"Sheet '{name}' bukan tabel yang dikenal dan diabaikan.",
                        Location(path.name, name),
                        expected="nama sheet sesuai tabel: " + ", ".join(TABLES),
                    )
                )
    finally:
        wb.close()
    ds = assemble(found, local, origin=path, sources=(SourceFile.of(path),))
    finish(local, problems)
    return ds


def _name(column: Column | None) -> str | None:
    return column.name if column is not None else None
