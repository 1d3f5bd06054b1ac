"""``outputs/<tahun>/rekap.xlsx`` and ``rekap.csv``: the kabupaten index as a table for Excel.

One row per kecamatan of the parameter set, in its order, with every figure the index
shows (and the budget amounts and capaian per sasaran behind them), numbers as numbers:
a kabupaten officer sorts, filters and sums it without retyping.  A kecamatan without a
report has its status and empty figures, never zeros.  Both files are written atomically.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..render.atomic import write_atomic
from .index import IndexRow

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KOLOM_REKAP", "rekap_frame", "rekap_table", "write_rekap"]

#: Column -> title in the workbook (the CSV keeps the keys: a machine reads it).
KOLOM_REKAP: dict[str, str] = {
    "no": "No",
    "kecamatan": "Kecamatan",
    "status": "Status penyusunan",
    "capaian": "Rata-rata capaian (%)",
    "predikat": "Predikat",
    "predikat_label": "Arti predikat",
    "pagu": "Pagu anggaran (Rp)",
    "realisasi": "Realisasi anggaran (Rp)",
    "serapan": "Serapan anggaran (%)",
    "galat": "Galat pemeriksaan",
    "peringatan": "Peringatan pemeriksaan",
    "info": "Info pemeriksaan",
    "data_status": "Data",
    "keterangan": "Keterangan",
}
_STATUS = {"selesai": "disusun", "dilewati": "tidak berubah", "gagal": "gagal", "belum": "belum disusun"}
_FORMAT = {"capaian": "0.00", "serapan": "0.00", "pagu": "#,##0", "realisasi": "#,##0"}


#: Columns whose values are numbers (the capaian per sasaran are, too), and those that count.
_ANGKA = ("capaian", "serapan", "pagu", "realisasi")
_HITUNGAN = ("galat", "peringatan", "info")


def _number(value: object, whole: bool = False) -> float | int | None:
    """``value`` as a number (a count as an int), None for anything else (never zero)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        number: float | int = value
    else:
        try:
            number = float(str(value))
        except ValueError:
            return None
    if number != number or number in (float("inf"), float("-inf")):  # NaN, infinities
        return None
    if whole:
        return int(number) if float(number).is_integer() else None
    return number


def rekap_table(rows: Sequence[IndexRow]) -> tuple[list[str], list[dict[str, object]]]:
    """The recap as columns and records: one per kecamatan, then ``capaian_<kode sasaran>`` columns.

    Plain Python (the batch's main process writes it without pandas); numbers are numbers,
    a missing figure is None.
    """
    records = []
    sasaran: dict[str, None] = {}
    for i, row in enumerate(rows, 1):
        s = dict(row.ringkasan or {})
        record: dict[str, object] = {"no": i, "kecamatan": row.kecamatan,
                                     "status": _STATUS.get(row.status, row.status)}
        for key in list(KOLOM_REKAP)[3:-1]:
            value = s.get(key)
            record[key] = _number(value) if key in _ANGKA else _number(value, whole=True) if key in _HITUNGAN \
                else value
        record["keterangan"] = row.galat or ""
        for item in s.get("sasaran") or []:
            key = f"capaian_{item['kode']}"
            sasaran[key] = None
            record[key] = _number(item.get("capaian"))
        records.append(record)
    columns = [*KOLOM_REKAP, *sasaran]
    return columns, [{c: r.get(c) for c in columns} for r in records]


def rekap_frame(rows: Sequence[IndexRow]) -> pd.DataFrame:
    """:func:`rekap_table` as a pandas frame (for a notebook), counts as nullable integers."""
    import pandas as pd

    columns, records = rekap_table(rows)
    frame = pd.DataFrame(records, columns=columns)
    for key in (*_ANGKA, *(c for c in columns if c.startswith("capaian_"))):
        frame[key] = pd.to_numeric(frame[key], errors="coerce")
    for key in _HITUNGAN:
        frame[key] = pd.to_numeric(frame[key], errors="coerce").astype("Int64")
    return frame


def _titles(columns: Sequence[str]) -> list[str]:
    return [KOLOM_REKAP.get(c, f"Capaian sasaran {c.removeprefix('capaian_')} (%)") for c in columns]


def _csv(columns: Sequence[str], records: Sequence[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(["" if record[c] is None else record[c] for c in columns])
    return out.getvalue()


def write_rekap(folder: Path, kabupaten: str, tahun: int, rows: Sequence[IndexRow]) -> tuple[Path, Path]:
    """Write ``rekap.xlsx`` and ``rekap.csv`` into ``folder``; return both paths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    columns, records = rekap_table(rows)
    titles = _titles(columns)
    csv_path, xlsx_path = folder / "rekap.csv", folder / "rekap.xlsx"
    write_atomic(csv_path, _csv(columns, records))
    wb = Workbook()
    ws = wb.active
    ws.title = "rekap"
    ws.append([f"Rekap LKIP Kecamatan se-Kabupaten {kabupaten} Tahun {tahun}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(titles)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for record in records:
        ws.append([record[c] for c in columns])
    for i, column in enumerate(columns, 1):
        letter = get_column_letter(i)
        fmt = _FORMAT.get(column, "0.00" if column.startswith("capaian_") else None)
        if fmt:
            for (cell,) in ws.iter_rows(min_row=3, min_col=i, max_col=i):
                cell.number_format = fmt
        ws.column_dimensions[letter].width = max(10, min(40, len(titles[i - 1]) + 2))
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(columns))}{len(records) + 2}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "2:2"
    fd, tmp = tempfile.mkstemp(prefix=".rekap-", suffix=".xlsx", dir=folder)
    os.close(fd)
    try:
        wb.save(tmp)
        Path(tmp).replace(xlsx_path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return xlsx_path, csv_path
