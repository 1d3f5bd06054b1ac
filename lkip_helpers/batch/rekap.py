"""``outputs/<tahun>/rekap.xlsx`` and ``rekap.csv``: the kabupaten index as a table for Excel.

One row per kecamatan of the parameter set, in its order, with every figure the index
shows (and the budget amounts and capaian per sasaran behind them), numbers as numbers:
a kabupaten officer sorts, filters and sums it without retyping.  A kecamatan without a
report has its status and empty figures, never zeros.  Both files are written atomically.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..render.atomic import write_atomic
from .index import IndexRow

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KOLOM_REKAP", "rekap_frame", "write_rekap"]

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


def rekap_frame(rows: Sequence[IndexRow]) -> pd.DataFrame:
    """The recap as a frame: one row per kecamatan, then ``capaian_<kode sasaran>`` columns."""
    import pandas as pd  # here: the batch's main process imports this module at start
    records = []
    sasaran: dict[str, None] = {}
    for i, row in enumerate(rows, 1):
        s = dict(row.ringkasan or {})
        record: dict[str, object] = {"no": i, "kecamatan": row.kecamatan,
                                     "status": _STATUS.get(row.status, row.status)}
        for key in list(KOLOM_REKAP)[3:-1]:
            record[key] = s.get(key)
        record["keterangan"] = row.galat or ""
        for item in s.get("sasaran") or []:
            key = f"capaian_{item['kode']}"
            sasaran[key] = None
            record[key] = item.get("capaian")
        records.append(record)
    frame = pd.DataFrame(records, columns=[*KOLOM_REKAP, *sasaran])
    for key in ("capaian", "serapan", "pagu", "realisasi", *sasaran):
        frame[key] = pd.to_numeric(frame[key], errors="coerce")
    for key in ("galat", "peringatan", "info"):
        frame[key] = pd.to_numeric(frame[key], errors="coerce").astype("Int64")
    return frame


def _titles(frame: pd.DataFrame) -> list[str]:
    return [KOLOM_REKAP.get(c, f"Capaian sasaran {c.removeprefix('capaian_')} (%)") for c in frame.columns]


def write_rekap(folder: Path, kabupaten: str, tahun: int, rows: Sequence[IndexRow]) -> tuple[Path, Path]:
    """Write ``rekap.xlsx`` and ``rekap.csv`` into ``folder``; return both paths."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from pandas import isna

    frame = rekap_frame(rows)
    csv_path, xlsx_path = folder / "rekap.csv", folder / "rekap.xlsx"
    write_atomic(csv_path, frame.to_csv(index=False, lineterminator="\n"))
    wb = Workbook()
    ws = wb.active
    ws.title = "rekap"
    ws.append([f"Rekap LKIP Kecamatan se-Kabupaten {kabupaten} Tahun {tahun}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append(_titles(frame))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for values in frame.itertuples(index=False):
        ws.append([None if isna(v) else (v.item() if hasattr(v, "item") else v) for v in values])
    for i, column in enumerate(frame.columns, 1):
        letter = get_column_letter(i)
        fmt = _FORMAT.get(column, "0.00" if column.startswith("capaian_") else None)
        if fmt:
            for (cell,) in ws.iter_rows(min_row=3, min_col=i, max_col=i):
                cell.number_format = fmt
        ws.column_dimensions[letter].width = max(10, min(40, len(_titles(frame)[i - 1]) + 2))
    ws.freeze_panes = "C3"
    ws.auto_filter.ref = f"A2:{get_column_letter(len(frame.columns))}{len(frame) + 2}"
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
