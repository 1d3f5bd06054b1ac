"""Turn raw tables read from any source into a validated :class:`DataSet`.

The readers (:mod:`.textform`, :mod:`.excel`) only find files/sheets and raw
cell values; this module applies the schema: it parses every value, checks
required values and columns, unique keys, references between tables and the
indicator ``jenis`` of target/realisasi/pembanding values.  All problems are
collected; :func:`finish` raises one :class:`DataError` when any is GALAT.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from ..errors import DataError, Level, Location, Problem
from .model import DataSet, SourceFile, frame_from_rows
from .parse import ValueParseError, is_missing, parse_cell, show_raw
from .schema import TABLES, ColType, Column, Table

__all__ = [
    "REPORTED",
    "RawFields",
    "RawRecords",
    "RawRow",
    "assemble",
    "error",
    "fail",
    "finish",
    "machine_value",
    "match_column",
    "warning",
]


class _Reported:
    """Marker for a raw value whose problem the reader already reported."""

    def __repr__(self) -> str:
        return "REPORTED"


#: A cell value the reader could not use and already reported (e.g. a formula
#: without a cached value); treated as missing without a second problem.
REPORTED: Any = _Reported()

_TYPE_LABEL: dict[ColType, str] = {
    ColType.TEKS: "teks",
    ColType.KODE: "kode",
    ColType.BULAT: "bilangan bulat",
    ColType.RUPIAH: "jumlah Rupiah",
    ColType.DESIMAL: "angka",
    ColType.PERSEN: "persentase",
    ColType.NILAI: "nilai indikator",
    ColType.TANGGAL: "tanggal",
    ColType.PILIHAN: "pilihan",
    ColType.YA_TIDAK: "ya/tidak",
}

#: Keys that must be unique together, beyond the single ``unique`` columns.
COMPOSITE_KEYS: dict[str, tuple[str, ...]] = {
    "target": ("kode_indikator", "versi", "tahun"),
    "realisasi": ("kode_indikator", "tahun"),
    "pembanding": ("kode_indikator", "tahun", "tingkat"),
}
_INDICATOR_VALUE_TABLES = ("target", "realisasi", "pembanding")


@dataclass
class RawRow:
    """One data row as read: values aligned with :attr:`RawRecords.header`."""

    location: Location  # file, sheet, row; column None
    values: list[object]
    cell_rows: list[int | None] | None = None  # per-cell row (YAML lines), else location.row


@dataclass
class RawRecords:
    """A records table as read from one CSV/YAML file or sheet."""

    table: Table
    file: str
    sheet: str | None
    header: list[str]
    rows: list[RawRow] = field(default_factory=list)
    header_row: int | None = 1  # where the column names are (None for YAML)


@dataclass
class RawFields:
    """A fields table as read: key as typed -> raw value and where it was."""

    table: Table
    file: str
    sheet: str | None
    items: list[tuple[str, object, int | None]] = field(default_factory=list)


def error(code: str, message: str, location: Location | None, **kw: str | None) -> Problem:
    """Return a GALAT problem."""
    return Problem(Level.GALAT, code, message, location, **kw)


def warning(code: str, message: str, location: Location | None, **kw: str | None) -> Problem:
    """Return a PERINGATAN problem."""
    return Problem(Level.PERINGATAN, code, message, location, **kw)


def _norm(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().casefold())


def match_column(table: Table, name: str) -> Column | None:
    """Return the column a header/key names (case, spaces and ``-`` ignored)."""
    key = _norm(name)
    for col in table.columns:
        if col.name == key:
            return col
    return None


def _parse(raw: object, col: Column, loc: Location, problems: list[Problem]) -> object:
    """Parse one value; report unreadable and missing-required values."""
    if raw is REPORTED:
        return None
    if isinstance(raw, list | dict | tuple | set):
        problems.append(
            error(
                "nilai.tidak_terbaca",
                f"Isian '{col.name}' berisi daftar atau kelompok, bukan satu nilai.",
                loc,
                found=show_raw(str(raw)),
                expected=f"satu nilai {_TYPE_LABEL[col.type]}",
            )
        )
        return None
    try:
        value = parse_cell(raw, col)
    except ValueParseError as exc:
        problems.append(
            error(
                "nilai.tidak_terbaca",
                f"Nilai tidak dapat dibaca sebagai {_TYPE_LABEL[col.type]}.",
                loc,
                found=exc.found,
                expected=exc.expected,
            )
        )
        return None
    if value is None and col.required:
        problems.append(
            error("nilai.wajib", f"'{col.name}' wajib diisi tetapi kosong.", loc, expected=_describe(col))
        )
    bounds = col.batas
    if bounds is not None and isinstance(value, int | float) and not isinstance(value, bool):
        low, high = bounds
        if not (low <= value <= high):  # also NaN and infinity
            problems.append(
                error(
                    "nilai.rentang",
                    f"Nilai '{col.name}' di luar rentang yang masuk akal.",
                    loc,
                    found=show_raw(str(raw)),
                    expected=f"antara {_angka(low)} dan {_angka(high)}",
                )
            )
            return None
    return value


def _angka(x: float) -> str:
    """A bound as planners read it: 2000, 100, 1.000.000.000.000.000."""
    if float(x).is_integer():
        return str(int(x)) if abs(x) < 10000 else f"{int(x):,}".replace(",", ".")  # years without a dot
    return str(x).replace(".", ",")


def _describe(col: Column) -> str:
    text = f"{_TYPE_LABEL[col.type]}: {col.description}"
    if col.choices:
        text += " Pilihan: " + ", ".join(col.choices) + "."
    return text


# -- records ----------------------------------------------------------------------


def _map_header(raw: RawRecords, problems: list[Problem]) -> dict[int, Column]:
    """Map header positions to schema columns; report duplicate, unknown and missing columns."""
    where = Location(raw.file, raw.sheet, raw.header_row)
    mapping: dict[int, Column] = {}
    names = [name for name in raw.header if name]
    if raw.header_row is not None and names and not any(match_column(raw.table, n) for n in names):
        problems.append(
            error(
                "tabel.tanpa_judul",
                f"Baris {raw.header_row} tidak berisi nama kolom yang dikenal; baris itu harus berisi "
                f"nama kolom tabel {raw.table.name} (mungkin baris judul terhapus).",
                where,
                found=", ".join(f"'{n}'" for n in names[:6]),
                expected="nama kolom: " + ", ".join(raw.table.column_names),
            )
        )
        return mapping
    seen: dict[str, int] = {}
    for pos, name in enumerate(raw.header):
        col = match_column(raw.table, name) if name else None
        if col is None:
            has_data = any(pos < len(r.values) and not is_missing(r.values[pos]) for r in raw.rows)
            if name or has_data:
                label = name or "(tanpa judul)"
                problems.append(
                    warning(
                        "kolom.tidak_dikenal",
                        f"Kolom '{label}' tidak dikenal di tabel {raw.table.name}; isinya diabaikan.",
                        where.with_column(label),
                        expected="salah satu kolom: " + ", ".join(raw.table.column_names),
                    )
                )
            continue
        if col.name in seen:
            problems.append(
                error(
                    "kolom.ganda",
                    f"Kolom '{col.name}' muncul dua kali; hapus salah satunya.",
                    where.with_column(name),
                )
            )
            continue
        seen[col.name] = pos
        mapping[pos] = col
    for col in raw.table.columns:
        if col.required and col.name not in seen:
            problems.append(
                error(
                    "kolom.tidak_ada",
                    f"Kolom wajib '{col.name}' tidak ada di tabel {raw.table.name}; tambahkan kolom itu.",
                    where.with_column(col.name),
                    expected=_describe(col),
                )
            )
    return mapping


def _records_rows(
    raw: RawRecords, problems: list[Problem]
) -> tuple[list[dict[str, Any]], list[Location], set[str]]:
    """Parse the rows; also return the names of the columns the header has."""
    mapping = _map_header(raw, problems)
    rows: list[dict[str, Any]] = []
    locations: list[Location] = []
    for raw_row in raw.rows:
        if all(is_missing(v) for v in raw_row.values):
            continue  # blank row
        row: dict[str, Any] = {}
        for pos, col in mapping.items():
            value = raw_row.values[pos] if pos < len(raw_row.values) else None
            line = raw_row.cell_rows[pos] if raw_row.cell_rows else None
            loc = Location(raw.file, raw.sheet, line or raw_row.location.row, col.name)
            row[col.name] = _parse(value, col, loc, problems)
        rows.append(row)
        locations.append(raw_row.location)
    return rows, locations, {col.name for col in mapping.values()}


def _check_unique(
    name: str, rows: Sequence[dict[str, Any]], locs: Sequence[Location], problems: list[Problem]
) -> None:
    tbl = TABLES[name]
    keys: list[tuple[str, ...]] = [(c.name,) for c in tbl.columns if c.unique]
    if name in COMPOSITE_KEYS:
        keys.append(COMPOSITE_KEYS[name])
    for key in keys:
        first: dict[tuple[object, ...], Location] = {}
        for row, loc in zip(rows, locs, strict=True):
            value = tuple(row.get(k) for k in key)
            if any(v is None for v in value):
                continue
            if value in first:
                shown = ", ".join(f"{k}={v}" for k, v in zip(key, value, strict=True))
                problems.append(
                    error(
                        "kunci.ganda" if len(key) == 1 else "kunci.ganda_gabungan",
                        f"Data ganda di tabel {name}: {shown} sudah ada di baris {first[value].row}. "
                        "Setiap kombinasi hanya boleh satu baris; hapus atau perbaiki salah satunya.",
                        loc.with_column(key[0]),
                        found=shown,
                    )
                )
            else:
                first[value] = loc


def _check_references(
    tables: dict[str, tuple[list[dict[str, Any]], list[Location]]],
    present: dict[str, set[str]],
    problems: list[Problem],
) -> None:
    for name, (rows, locs) in tables.items():
        for col in TABLES[name].columns:
            if not col.references:
                continue
            ref_table, ref_col = col.references.split(".")
            if ref_col not in present.get(ref_table, set()):
                continue  # the missing table or column is reported already
            known = {r.get(ref_col) for r in tables[ref_table][0]} - {None}
            by_fold = {str(k).casefold(): k for k in known}
            for row, loc in zip(rows, locs, strict=True):
                value = row.get(col.name)
                if value is None or value in known:
                    continue
                hint = by_fold.get(str(value).casefold())
                extra = f" Maksudnya '{hint}'? (huruf besar/kecil harus sama)" if hint else ""
                problems.append(
                    error(
                        "rujukan.tidak_ada",
                        f"'{value}' tidak ditemukan di kolom '{ref_col}' tabel {ref_table}.{extra}",
                        loc.with_column(col.name),
                        found=show_raw(value),
                        expected=f"kode yang ada di tabel {ref_table}",
                    )
                )


def _check_indicator_values(
    tables: dict[str, tuple[list[dict[str, Any]], list[Location]]], problems: list[Problem]
) -> None:
    if "indikator" not in tables:
        return
    jenis = {r["kode"]: r.get("jenis") for r in tables["indikator"][0] if r.get("kode")}
    for name in _INDICATOR_VALUE_TABLES:
        rows, locs = tables.get(name, ([], []))
        for row, loc in zip(rows, locs, strict=True):
            value, kind = row.get("nilai"), jenis.get(row.get("kode_indikator"))
            if value is None or kind is None:
                continue
            if kind == "huruf" and not isinstance(value, str) and name == "pembanding":
                problems.append(
                    Problem(
                        Level.INFO,
                        "nilai.pembanding_skor",
                        f"Pembanding indikator huruf {row['kode_indikator']} berupa angka; dibaca sebagai "
                        "skor di balik nilai huruf (tabel pembanding tidak punya kolom 'skor').",
                        loc.with_column("nilai"),
                        found=show_raw(value),
                    )
                )
            elif kind == "huruf" and not isinstance(value, str):
                problems.append(
                    error(
                        "nilai.jenis_indikator",
                        f"Indikator {row['kode_indikator']} berjenis 'huruf', tetapi nilainya angka.",
                        loc.with_column("nilai"),
                        found=show_raw(value),
                        expected="nilai huruf AA, A, BB, B, CC, C atau D (skor angka di kolom 'skor')",
                    )
                )
            elif kind == "angka" and isinstance(value, str):
                problems.append(
                    error(
                        "nilai.jenis_indikator",
                        f"Indikator {row['kode_indikator']} berjenis 'angka', tetapi nilainya huruf.",
                        loc.with_column("nilai"),
                        found=show_raw(value),
                        expected="angka, mis. 97 atau 95,5 (atau ubah jenis indikator menjadi 'huruf')",
                    )
                )


# -- fields -----------------------------------------------------------------------


def _fields_values(raw: RawFields, problems: list[Problem]) -> tuple[dict[str, Any], dict[str, Location]]:
    values: dict[str, Any] = {}
    locations: dict[str, Location] = {}
    for key, value, row in raw.items:
        loc = Location(raw.file, raw.sheet, row, key)
        col = match_column(raw.table, key)
        if col is None:
            problems.append(
                warning(
                    "isian.tidak_dikenal",
                    f"Isian '{key}' tidak dikenal di {raw.table.name}; isinya diabaikan.",
                    loc,
                    expected="salah satu isian: " + ", ".join(raw.table.column_names),
                )
            )
            continue
        if col.name in locations:
            problems.append(
                error(
                    "isian.ganda",
                    f"Isian '{col.name}' muncul dua kali (pertama di baris {locations[col.name].row}); "
                    "hapus salah satunya.",
                    loc,
                )
            )
            continue
        locations[col.name] = loc.with_column(col.name)
        parsed = _parse(value, col, locations[col.name], problems)
        if parsed is not None:
            values[col.name] = parsed
    for col in raw.table.columns:
        if col.required and col.name not in locations:
            problems.append(
                error(
                    "nilai.wajib",
                    f"Isian wajib '{col.name}' tidak ada di {raw.table.name}; tambahkan isian itu.",
                    Location(raw.file, raw.sheet, None, col.name),
                    expected=_describe(col),
                )
            )
    return values, locations


def machine_value(value: Any, col_type: ColType) -> Any:
    """Return the canonical Python value of one stored cell (None when missing).

    Booleans become ``"ya"``/``"tidak"``, whole numbers of decimal columns
    become ``int`` (``97.0`` -> ``97``), pandas scalars become Python ones.
    """
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if col_type is ColType.YA_TIDAK:
        return "ya" if bool(value) else "tidak"
    if col_type in (ColType.BULAT, ColType.RUPIAH):
        return int(value)
    if col_type in (ColType.DESIMAL, ColType.PERSEN) or (
        col_type is ColType.NILAI and not isinstance(value, str)
    ):
        number = float(value)
        return int(number) if number.is_integer() and abs(number) < 1e15 else number
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


# -- entry points -----------------------------------------------------------------


def assemble(
    found: Iterable[RawRecords | RawFields],
    problems: list[Problem],
    *,
    origin: Path | None,
    sources: tuple[SourceFile, ...],
) -> DataSet:
    """Parse and validate the raw tables; append every problem to ``problems``."""
    tables: dict[str, tuple[list[dict[str, Any]], list[Location]]] = {}
    fields: dict[str, dict[str, Any]] = {}
    field_locations: dict[str, dict[str, Location]] = {}
    present: dict[str, set[str]] = {}
    for raw in found:
        if isinstance(raw, RawFields):
            fields[raw.table.name], field_locations[raw.table.name] = _fields_values(raw, problems)
        else:
            rows, locs, present[raw.table.name] = _records_rows(raw, problems)
            _check_unique(raw.table.name, rows, locs, problems)
            tables[raw.table.name] = (rows, locs)
    _check_references(tables, present, problems)
    _check_indicator_values(tables, problems)
    records = {name: frame_from_rows(name, rows, locs) for name, (rows, locs) in tables.items()}
    return DataSet(records, fields, field_locations, origin=origin, sources=sources)


def finish(problems: list[Problem], sink: list[Problem] | None) -> None:
    """Hand ``problems`` to ``sink`` (when given) and raise if any is GALAT."""
    if sink is not None:
        sink.extend(problems)
    if any(p.level is Level.GALAT for p in problems):
        raise DataError.from_problems(problems)


def fail(problems: list[Problem], sink: list[Problem] | None) -> NoReturn:
    """Like :func:`finish` for problems known to hold an error: always raises."""
    finish(problems, sink)
    msg = "fail() called without an error problem"
    raise AssertionError(msg)
