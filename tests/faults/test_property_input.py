"""Property: no data set, however broken, makes ``lkip check`` or the loader fail other than by a finding.

Hypothesis starts from the Umbulsari 2023 tables and breaks them at random (cells set to
arbitrary values and types, rows duplicated or added, columns dropped or added, tables
removed, junk tables added), writes the result as a data set folder or as a workbook,
and asserts for every example:

* no exception escapes :func:`lkip_helpers.periksa` or ``lkip check``;
* ``lkip check`` exits 0 or 1 (1 exactly when a GALAT was found);
* every GALAT names a place (at least the file);
* the input is unchanged.

``LKIP_HYPOTHESIS_EXAMPLES`` sets the number of examples per form (default 60, so 120
in ``make test``; e.g. 2000 for a longer run).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from fault_fixtures import UMBULSARI, digest, lkip
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from lkip_helpers import periksa
from lkip_helpers.data.schema import TABLES
from lkip_helpers.errors import Level

EXAMPLES = int(os.environ.get("LKIP_HYPOTHESIS_EXAMPLES", "60"))

Tables = dict[str, Any]  # records table: list of row dicts; fields table: dict


def _base() -> Tables:
    """Umbulsari's tables as plain values (CSV cells as text, YAML as parsed)."""
    out: Tables = {}
    for table in TABLES.values():
        path = UMBULSARI / table.filename
        if not path.exists():
            continue
        if path.suffix == ".csv":
            out[table.name] = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        else:
            out[table.name] = yaml.safe_load(path.read_text(encoding="utf-8")) or ([] if table.kind == "records" else {})
    return out


BASE = _base()

NASTY = [
    "", "-", "n/a", "1.5", "1,5", "1,234.5", "4.231.208.525", "Rp 4.231.208.525", "97%", "150%", "-100",
    "1e308", "inf", "NaN", "0", "00", "AA", "B+", "E", "ya", "tidak", "mungkin", "31 Februari 2023",
    "23/02/2024", "2024-02-23", "=1+1", "=SUM(A1:A3)", "#REF!", "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">', "../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini",
    "Kota'Baru Ñusa", "Umbulsari", "Kencong", "2022", "1899", "10000", str(10**20), "\t", "  ", "x" * 25000,
    "ﷺ‮", "S1", "S9", "I1.1", "P1.K1", "P9.K9", "pk_perubahan", "renstra", "huruf", "angka", "positif",
]

values = st.one_of(
    st.none(),
    st.sampled_from(NASTY),
    st.text(max_size=30),
    st.integers(min_value=-(10**22), max_value=10**22),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)

table_names = st.sampled_from(sorted(BASE))


@st.composite
def edits(draw: st.DrawFn) -> list[tuple[str, ...]]:
    """A short list of edits; each a tuple naming what to change."""
    kinds = st.sampled_from(["cell", "cell", "field", "swap", "swap", "swap", "drop_table", "drop_column",
                             "add_column", "dup_row", "add_row", "clear_table", "junk_table", "drop_row"])
    out = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        out.append((draw(kinds), draw(table_names), draw(st.integers(0, 80)), draw(st.integers(0, 20))))
    return out


def _apply(tables: Tables, plan: list[tuple[Any, ...]], draw_value: Any) -> Tables:
    tables = {k: ([dict(r) for r in v] if isinstance(v, list) else dict(v)) for k, v in tables.items()}
    for kind, name, i, j in plan:
        if name not in tables:
            continue
        data = tables[name]
        if kind == "drop_table":
            del tables[name]
        elif kind == "junk_table":
            tables[f"sampah_{i}"] = [{"a": draw_value(), "b": draw_value()}]
        elif isinstance(data, dict):
            keys = [*data, f"kunci_asing_{j}"]
            data[keys[i % len(keys)]] = draw_value()
        elif kind == "clear_table":
            data.clear()
        elif not data:
            continue
        elif kind == "cell" or kind == "field":
            row = data[i % len(data)]
            cols = list(row)
            row[cols[j % len(cols)]] = draw_value()
        elif kind == "swap":  # a plausible value: the same column's value of another row
            row, other = data[i % len(data)], data[(i * 7 + j) % len(data)]
            col = list(row)[j % len(row)]
            row[col] = other.get(col)
        elif kind == "drop_row":
            del data[i % len(data)]
        elif kind == "drop_column":
            col = list(data[0])[j % len(data[0])]
            for row in data:
                row.pop(col, None)
        elif kind == "add_column":
            for row in data:
                row[f"kolom_asing_{j}"] = draw_value()
        elif kind == "dup_row":
            data.append(dict(data[i % len(data)]))
        elif kind == "add_row":
            data.append({col: draw_value() for col in data[0]})
    return tables


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _header(name: str, data: list[dict[str, Any]]) -> list[str]:
    """The columns of the rows in order; the schema's columns for a table without rows."""
    header: list[str] = []
    for row in data:
        header += [c for c in row if c not in header]
    table = TABLES.get(name)
    return header or (list(table.column_names) if table else ["kolom"])


def _write_folder(tables: Tables, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, data in tables.items():
        table = TABLES.get(name)
        if table is not None and table.kind == "fields":
            (folder / table.filename).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                 encoding="utf-8")
        elif table is not None and table.text_format == "yaml":
            (folder / table.filename).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                                 encoding="utf-8")
        else:
            header = _header(name, data)
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(header)
            writer.writerows([[_text(row.get(c)) for c in header] for row in data])
            (folder / f"{name}.csv").write_text(buffer.getvalue(), encoding="utf-8")
    return folder


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32000]
    if isinstance(value, float) and value != value:  # NaN: Excel has none; a text cell instead
        return "NaN"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**15:
        return str(value)  # beyond Excel's 15 digits, as a planner's typed text
    if isinstance(value, dict | list):
        return str(value)
    return value


def _write_workbook(tables: Tables, path: Path) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    for name, data in tables.items():
        ws = wb.create_sheet(name[:31])
        if isinstance(data, dict):
            ws.append(["isian", "nilai"])
            for key, value in data.items():
                ws.append([str(key), _cell(value)])
            continue
        header = _header(name, data)
        ws.append(header)
        for row in data:
            ws.append([_cell(row.get(c)) for c in header])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _assert_contract(target: Path, cli: bool) -> None:
    before = digest(target)
    hasil = periksa(target)  # must not raise
    event("dimuat dan diperiksa" if hasil.ds is not None else "ditolak saat dimuat")
    for p in hasil.temuan:
        if p.level is Level.GALAT:
            assert p.location is not None, str(p)
            assert p.location.file, str(p)
        str(p)
    if not cli:
        assert digest(target) == before
        return
    run = lkip("check", str(target))
    assert run.exception is None or isinstance(run.exception, SystemExit), (run.exception, run.output)
    assert run.exit_code in (0, 1), run.output
    assert run.exit_code == (1 if any(p.level is Level.GALAT for p in hasil.temuan) else 0), run.output
    assert digest(target) == before


_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@pytest.mark.parametrize("form", ["folder", "workbook"])
@_SETTINGS
@given(plan=edits(), data=st.data())
def test_no_input_crashes_the_check(form: str, plan: list[tuple[Any, ...]], data: st.DataObject) -> None:
    tables = _apply(BASE, plan, lambda: data.draw(values))
    work = Path(tempfile.mkdtemp(prefix="lkip-prop-"))
    try:
        if form == "folder":
            target = _write_folder(tables, work / "2023" / "umbulsari")
        else:
            target = _write_workbook(tables, work / "2023" / "umbulsari.xlsx")
        _assert_contract(target, cli=len(plan) % 2 == 1)  # the CLI on about half of the examples
    finally:
        shutil.rmtree(work, ignore_errors=True)
