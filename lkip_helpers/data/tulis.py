"""Writing the text form of a data set: canonical CSV and YAML, the same bytes for the same data.

:func:`write_folder` writes machine values (``4231208525``, ``95.5``, ``2024-02-23``,
``ya``) in a stable order; :func:`~lkip_helpers.data.textform.load_folder` reads them back
unchanged.  Photos named by the data set are copied only from inside its ``foto/`` folder.
"""

from __future__ import annotations

import csv
import io
import shutil
import stat
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ._assemble import machine_value
from .model import LOKASI, DataSet
from .parse import format_number
from .schema import TABLES, Table

__all__ = ["write_folder"]


# -- writing --------------------------------------------------------------------------


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | int):
        return format_number(value)
    return str(value)


def _rows(frame: pd.DataFrame, table: Table) -> list[dict[str, Any]]:
    columns = {
        c.name: frame[c.name].tolist() if c.name in frame else [None] * len(frame) for c in table.columns
    }
    return [
        {c.name: machine_value(columns[c.name][i], c.type) for c in table.columns} for i in range(len(frame))
    ]


def _csv_text(frame: pd.DataFrame, table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in _rows(frame, table):
        writer.writerow([_csv_cell(row[name]) for name in table.column_names])
    return buffer.getvalue()


class _Dumper(yaml.SafeDumper):
    """Safe dumper writing multi-line text as ``|`` blocks."""


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_representer)


def _yaml_text(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _records_yaml(frame: pd.DataFrame, table: Table) -> str:
    items = [{k: v for k, v in row.items() if v is not None} for row in _rows(frame, table)]
    return _yaml_text(items)


def _fields_yaml(values: dict[str, Any], table: Table) -> str:
    out: dict[str, Any] = {}
    for col in table.columns:
        value = machine_value(values.get(col.name), col.type)
        if value is not None:
            out[col.name] = value
    return _yaml_text(out) if out else "{}\n"


def _copy_extras(origin: Path | None, folder: Path, foto: Sequence[Any]) -> None:
    """Copy CATATAN.md and referenced photos from the folder the data came from."""
    if origin is None or not origin.is_dir() or origin.resolve() == folder.resolve():
        return
    note = origin / "CATATAN.md"
    if note.is_file():
        shutil.copyfile(note, folder / note.name)
    base = (origin / "foto").resolve()
    for name in sorted({str(n) for n in foto if isinstance(n, str)}):
        try:  # only regular files inside foto/ (the data names them; it may name anything)
            real = (origin / "foto" / name).resolve(strict=True)
        except (OSError, RuntimeError):
            continue
        if not real.is_relative_to(base) or not stat.S_ISREG(real.stat().st_mode):
            continue
        target = folder / "foto" / real.relative_to(base)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(real, target)


def write_folder(ds: DataSet, path: str | Path) -> Path:
    """Write ``ds`` as a data set folder with canonical machine values.

    Every table of the schema is written (records tables without rows get only
    their header), rows in the data set's order, so that the same data set always
    gives the same bytes.  Photos and ``CATATAN.md`` are copied when the data set
    was read from another folder.

    Parameters
    ----------
    ds : DataSet
        The data set to write.
    path : str or Path
        The target folder (created when needed; existing table files are replaced).

    Returns
    -------
    Path
        The folder written.
    """
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    for table in TABLES.values():
        if table.kind == "fields":
            text = _fields_yaml(dict(ds.fields.get(table.name, {})), table)
        else:
            frame = ds.df(table.name).drop(columns=[LOKASI], errors="ignore")
            text = _records_yaml(frame, table) if table.text_format == "yaml" else _csv_text(frame, table)
        (folder / table.filename).write_text(text, encoding="utf-8", newline="")
    _copy_extras(ds.origin, folder, ds.df("foto")["berkas"].tolist())
    return folder
