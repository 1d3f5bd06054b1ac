"""Small helpers shared by the check modules (not public API).

Formatting here is deliberately local and minimal (Indonesian thousands dots,
decimal commas) so that the checks depend on nothing but the data contract.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import fmt
from .._values import missing
from ..data.model import LOKASI
from ..data.schema import TABLES
from ..errors import Level, Location, Problem

if TYPE_CHECKING:
    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__: list[str] = []


# -- values -------------------------------------------------------------------------
def as_int(value: Any) -> int | None:
    """Return ``value`` as a Python int, None when missing."""
    return None if missing(value) else int(value)


def as_float(value: Any) -> float | None:
    """Return ``value`` as a float, None when missing or not a number."""
    if missing(value) or isinstance(value, str | bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def is_grade(value: Any) -> bool:
    """Return True when ``value`` is a letter grade (a non-empty string)."""
    return isinstance(value, str) and bool(value.strip())


def same_value(a: Any, b: Any) -> bool:
    """Compare two indicator values (number or letter) the way a reader would."""
    if is_grade(a) or is_grade(b):
        return is_grade(a) and is_grade(b) and a.strip().upper() == b.strip().upper()
    fa, fb = as_float(a), as_float(b)
    if fa is None or fb is None:
        return fa is None and fb is None
    return math.isclose(fa, fb, rel_tol=0, abs_tol=1e-9)


# -- Indonesian formatting (thin wrappers over lkip_helpers.fmt) ----------------------
def ribuan(value: int) -> str:
    """Format a whole number with '.' thousands: 4231208525 -> '4.231.208.525'."""
    return fmt.angka(value)


def rupiah(value: int) -> str:
    """Format an amount of money: 'Rp 4.231.208.525'."""
    return fmt.rupiah(value)


def angka(value: float | None, decimals: int = 2) -> str:
    """Format a decimal number Indonesian style, trailing zeros dropped: 95.5 -> '95,5'."""
    return fmt.nilai(value, desimal=decimals, kosong="-")


def nilai_teks(value: Any) -> str:
    """Show an indicator value (grade or number) for a message."""
    if missing(value):
        return "(kosong)"
    if is_grade(value):
        return value.strip()
    return fmt.nilai(value)


# -- locations ------------------------------------------------------------------------
def row_location(row: Any, column: str | None = None) -> Location | None:
    """Return the location of a frame row (``_lokasi``), pointed at ``column``."""
    loc = row[LOKASI] if LOKASI in row else None
    if not isinstance(loc, Location):
        return None
    return loc.with_column(column) if column else loc


def field_location(ds: DataSet, table: str, key: str) -> Location:
    """Return where a field of a fields table was read, or a best guess at it."""
    loc = ds.location_of(table, key)
    if loc is not None:
        return loc
    return Location(TABLES[table].filename, column=key)


def rows(ds: DataSet, table: str) -> Iterator[pd.Series]:
    """Iterate over the rows of a records table as Series (with ``_lokasi``)."""
    frame = ds.df(table)
    for _, row in frame.iterrows():
        yield row


def text(value: Any) -> str:
    """Return a stripped string, '' for missing values."""
    return "" if missing(value) else str(value).strip()


# -- report context -------------------------------------------------------------------
def versi_target(ds: DataSet) -> str | None:
    """Return the target version the report measures against (``instansi.versi_target``)."""
    value = ds.instansi.get("versi_target")
    return str(value) if value else None


def versi_renstra_aktif(ds: DataSet) -> str:
    """Return the Renstra version ('awal' or 'perubahan') the report year works under.

    When the data set holds any sasaran of the revised Renstra ('perubahan') that
    version is active, unless the report measures against ``renstra_awal`` targets.
    """
    if versi_target(ds) == "renstra_awal":
        return "awal"
    for row in rows(ds, "sasaran"):
        if "perubahan" in versi_set(row["versi"]):
            return "perubahan"
    return "awal"


def versi_set(value: Any) -> set[str]:
    """Split a Renstra ``versi`` cell ('awal,perubahan') into a set of names."""
    return {part.strip().lower() for part in text(value).replace(";", ",").split(",") if part.strip()}


def load_default_settings(settings: Settings | None) -> Settings:
    """Return ``settings`` or, when None, the project's default settings."""
    if settings is not None:
        return settings
    from ..rules.settings import load_settings

    return load_settings()


# -- problems -------------------------------------------------------------------------
def problem(
    level: Level,
    code: str,
    message: str,
    location: Location | None,
    found: str | None = None,
    expected: str | None = None,
) -> Problem:
    """Build a :class:`Problem` (keyword-free shorthand used by every check)."""
    return Problem(level, code, message, location, found, expected)


def table_of(location: Location | None) -> str | None:
    """Return the table a location points into (Excel sheet or text-form file stem)."""
    if location is None:
        return None
    if location.sheet and location.sheet in TABLES:
        return location.sheet
    stem = Path(location.file).stem
    return stem if stem in TABLES else None
