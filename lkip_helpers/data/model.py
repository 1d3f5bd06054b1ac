"""The in-memory data set of one kecamatan and year.

A :class:`DataSet` holds every table of :mod:`lkip_helpers.data.schema` as parsed,
typed values, no matter whether it was read from the text form (CSV/YAML) or
from an Excel workbook.  Value types per column type:

=============  ==============================================================
``teks``       ``str`` or ``None``
``kode``       ``str`` or ``None``
``pilihan``    ``str`` (one of the choices) or ``None``
``bulat``      ``int`` or ``None`` (pandas ``Int64`` in frames)
``rupiah``     ``int`` or ``None`` (pandas ``Int64`` in frames)
``desimal``    ``float`` or ``None`` (``float64`` with NaN in frames)
``persen``     ``float`` (percentage points, 97% -> 97.0) or ``None``
``nilai``      ``float`` or a grade ``str`` (``"B"``) or ``None`` (object)
``tanggal``    :class:`datetime.date` or ``None`` (object)
``ya_tidak``   ``bool`` or ``None`` (object)
=============  ==============================================================

Record tables are :class:`pandas.DataFrame` objects with the schema's columns in
order plus one extra column, ``_lokasi``, holding the :class:`Location` of each
row so that checks can say where a problem is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pandas as pd

from ..errors import Location
from .schema import TABLES, ColType

__all__ = ["LOKASI", "DataSet", "SourceFile", "empty_frame"]

#: Name of the hidden column holding each row's :class:`Location`.
LOKASI = "_lokasi"

_DTYPES: dict[ColType, str] = {
    ColType.BULAT: "Int64",
    ColType.RUPIAH: "Int64",
    ColType.DESIMAL: "float64",
    ColType.PERSEN: "float64",
}


def empty_frame(table_name: str) -> pd.DataFrame:
    """Return an empty, correctly typed frame for a records table."""
    return frame_from_rows(table_name, [], [])


def frame_from_rows(
    table_name: str, rows: list[dict[str, Any]], locations: list[Location]
) -> pd.DataFrame:
    """Build a typed frame for ``table_name`` from parsed row dicts.

    ``rows`` hold already-parsed Python values (see the module docstring);
    missing keys become missing values.
    """
    tbl = TABLES[table_name]
    data: dict[str, Any] = {}
    for col in tbl.columns:
        values = [row.get(col.name) for row in rows]
        dtype = _DTYPES.get(col.type)
        if dtype == "float64":
            data[col.name] = pd.Series(
                [float("nan") if v is None else float(v) for v in values], dtype="float64"
            )
        elif dtype == "Int64":
            data[col.name] = pd.Series(values, dtype="Int64")
        else:
            data[col.name] = pd.Series(values, dtype="object")
    data[LOKASI] = pd.Series(locations, dtype="object")
    return pd.DataFrame(data, columns=[*tbl.column_names, LOKASI])


@dataclass(frozen=True)
class SourceFile:
    """One input file that a data set was read from (for provenance)."""

    path: Path
    sha256: str

    @classmethod
    def of(cls, path: Path) -> SourceFile:
        """Hash ``path`` and return its record."""
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        return cls(Path(path), digest)


@dataclass(frozen=True)
class DataSet:
    """Everything the LKIP of one kecamatan and year is computed from."""

    records: Mapping[str, pd.DataFrame]
    fields: Mapping[str, Mapping[str, Any]]
    field_locations: Mapping[str, Mapping[str, Location]] = field(default_factory=dict)
    origin: Path | None = None  # folder or workbook the data set was read from
    sources: tuple[SourceFile, ...] = ()

    def __post_init__(self) -> None:
        # Read-only views: a caller cannot swap a table or a field behind the checks' back;
        # frames come out of df() as copies.
        object.__setattr__(self, "records", MappingProxyType(dict(self.records)))
        object.__setattr__(self, "fields", MappingProxyType({k: MappingProxyType(dict(v)) for k, v in self.fields.items()}))

    # -- access -----------------------------------------------------------------
    def df(self, name: str) -> pd.DataFrame:
        """Return a copy of records table ``name`` (an empty typed frame when absent).

        A copy: changing it changes nothing in the data set (use :meth:`dengan` for a what-if).
        """
        if name not in TABLES or TABLES[name].kind != "records":
            msg = f"'{name}' bukan tabel baris; pilihan: {', '.join(n for n, t in TABLES.items() if t.kind == 'records')}"
            raise KeyError(msg)
        frame = self.records.get(name)
        return empty_frame(name) if frame is None else frame.copy()

    def dengan(self, **tables: pd.DataFrame) -> DataSet:
        """A new data set with some records tables replaced (a what-if); this one is unchanged.

        Each frame needs the schema's columns; ``_lokasi`` is added when missing.
        Provenance (``sources``) is dropped: the result is no longer what was read.
        """
        records = dict(self.records)
        for name, frame in tables.items():
            if name not in TABLES or TABLES[name].kind != "records":
                msg = f"'{name}' bukan tabel baris data set"
                raise KeyError(msg)
            missing_cols = [c for c in TABLES[name].column_names if c not in frame.columns]
            if missing_cols:
                msg = f"tabel '{name}' tanpa kolom {', '.join(missing_cols)}"
                raise ValueError(msg)
            new = frame.copy()
            if LOKASI not in new.columns:
                new[LOKASI] = pd.Series(
                    [Location(f"{name} (diubah)") for _ in range(len(new))], index=new.index, dtype="object"
                )
            records[name] = new[[*TABLES[name].column_names, LOKASI]].reset_index(drop=True)
        return replace(self, records=records, sources=())

    def get(self, table_name: str, key: str, default: Any = None) -> Any:
        """Return one value of a fields table (``instansi``, ``profil``, ``anggaran``)."""
        value = self.fields.get(table_name, {}).get(key)
        return default if value is None else value

    def location_of(self, table_name: str, key: str) -> Location | None:
        """Return where a value of a fields table was read from."""
        return self.field_locations.get(table_name, {}).get(key)

    @property
    def instansi(self) -> Mapping[str, Any]:
        """The ``instansi`` fields."""
        return MappingProxyType(dict(self.fields.get("instansi", {})))

    @property
    def profil(self) -> Mapping[str, Any]:
        """The ``profil`` fields."""
        return MappingProxyType(dict(self.fields.get("profil", {})))

    @property
    def anggaran(self) -> Mapping[str, Any]:
        """The ``anggaran`` fields."""
        return MappingProxyType(dict(self.fields.get("anggaran", {})))

    @property
    def kecamatan(self) -> str:
        """Name of the kecamatan, e.g. ``"Umbulsari"``."""
        return str(self.instansi.get("kecamatan", ""))

    @property
    def kabupaten(self) -> str:
        """Name of the kabupaten, e.g. ``"Jember"``."""
        return str(self.instansi.get("kabupaten", ""))

    @property
    def tahun(self) -> int:
        """Year reported on."""
        return int(self.instansi["tahun"])

    @property
    def is_contoh(self) -> bool:
        """True when the data set is synthetic demo data (``data_status: contoh``)."""
        return self.instansi.get("data_status") == "contoh"

    def without_locations(self) -> dict[str, Any]:
        """Return a plain, comparable view (no locations, no provenance).

        Two data sets that hold the same values compare equal through this view,
        whatever format they were read from; used to prove lossless conversion.
        """
        out: dict[str, Any] = {}
        for name, tbl in TABLES.items():
            if tbl.kind == "fields":
                out[name] = {k: v for k, v in self.fields.get(name, {}).items() if v is not None}
            else:
                frame = self.df(name).drop(columns=[LOKASI])
                out[name] = [
                    {k: (None if _isna(v) else v) for k, v in row.items()}
                    for row in frame.to_dict(orient="records")
                ]
        return out


def _isna(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
