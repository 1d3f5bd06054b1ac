"""Writing the Excel form: the empty template a planner fills, and a filled workbook.

:func:`write_template` writes the workbook a planner fills in; :func:`write_workbook` a
filled one that :func:`~lkip_helpers.data.excel.load_workbook` reads back unchanged.
Records sheets have the column names in row 1 (each with an Indonesian comment saying
what to type); fields sheets (``instansi``, ``profil``, ``anggaran``) have two columns
``isian | nilai``; a ``PETUNJUK`` sheet comes first and explains the workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ._assemble import machine_value
from .excel import _FIELDS_HEADER, _HINT, PETUNJUK
from .model import LOKASI, DataSet
from .schema import GRADES, TABLES, ColType, Column, Table

__all__ = ["write_template", "write_workbook"]

_MAX_ROW = 1048576
_BOLD = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_NUMBER_FORMAT: dict[ColType, str] = {
    ColType.KODE: "@",
    ColType.RUPIAH: "#,##0",
    ColType.TANGGAL: "DD/MM/YYYY",
}

_INSTRUCTIONS: tuple[str, ...] = (
    "Buku kerja ini memuat seluruh data untuk menyusun Laporan Kinerja Instansi Pemerintah (LKIP) "
    "satu kecamatan untuk satu tahun. Semua tabel, grafik dan angka laporan dihitung dari data ini.",
    "Setiap sheet adalah satu tabel. Jangan mengubah nama sheet dan nama kolom di baris 1. "
    "Arahkan tetikus ke judul kolom untuk membaca penjelasannya. Judul berwarna jingga wajib diisi.",
    "Sheet instansi, profil dan anggaran berisi dua kolom, 'isian' dan 'nilai': isi kolom 'nilai' saja.",
    "Satu baris untuk satu data. Baris kosong diabaikan. Sel kosong, '-' atau 'n/a' berarti tidak ada nilai.",
    "Angka: titik untuk ribuan, koma untuk desimal, mis. 4.231.208.525 atau 95,5. Jangan menulis "
    "'1.234' untuk pecahan (tulis 1,234) dan jangan memakai gaya Inggris 1,234.5.",
    "Rupiah: bulat tanpa sen, boleh diawali 'Rp', mis. Rp 4.231.208.525.",
    "Persentase: 97, 97% atau 82,24 %. Nilai indikator: angka, atau nilai huruf AA, A, BB, B, CC, C, D "
    "untuk indikator berjenis 'huruf'.",
    "Tanggal: 23 Februari 2024, 23/02/2024 atau sel bertipe tanggal. Ya/tidak: 'ya' atau 'tidak'.",
    "Kode (mis. P1.K1, 35.09.10, NIP): tulis sebagai teks agar Excel tidak mengubahnya menjadi angka.",
    "Rumus boleh dipakai. Simpan berkas di Excel sebelum dipakai agar hasil rumus ikut tersimpan.",
    "Sheet yang tidak wajib boleh dihapus bila tidak dipakai.",
)


# -- writing --------------------------------------------------------------------------


def _comment_text(col: Column) -> str:
    lines = [col.name, col.description, f"Isian: {_HINT[col.type]}."]
    if col.required:
        lines.append("Wajib diisi.")
    if col.choices:
        lines.append("Pilihan: " + ", ".join(col.choices) + ".")
    if col.unique:
        lines.append("Tidak boleh ganda.")
    if col.references:
        ref_table, ref_col = col.references.split(".")
        lines.append(f"Harus ada di sheet {ref_table} (kolom {ref_col}).")
    return "\n".join(lines)


def _comment(col: Column) -> Comment:
    text = _comment_text(col)
    height = 30 + 15 * sum(1 + len(line) // 45 for line in text.splitlines())
    return Comment(text, "lkip", height=height, width=320)


def _validation(col: Column) -> DataValidation | None:
    """Return a dropdown for choice, ya/tidak and grade-capable columns."""
    if col.type is ColType.PILIHAN:
        options, strict = col.choices, True
    elif col.type is ColType.YA_TIDAK:
        options, strict = ("ya", "tidak"), True
    elif col.type is ColType.NILAI:
        options, strict = tuple(reversed(GRADES)), False  # a number may be typed as well
    else:
        return None
    dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
    dv.showErrorMessage = strict
    dv.errorTitle = "Isian tidak dikenal"
    dv.error = "Pilih salah satu: " + ", ".join(options)
    dv.showInputMessage = True
    dv.promptTitle = col.name[:32]
    dv.prompt = _HINT[col.type][:255]
    return dv


def _set(cell: Any, value: Any, col: Column) -> None:
    """Write one canonical value into a cell, keeping text as text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text starting with '=' is not a formula
    if col.type in _NUMBER_FORMAT:
        cell.number_format = _NUMBER_FORMAT[col.type]


def _width(col: Column, values: list[Any]) -> float:
    longest = max([len(col.name), *(len(str(v)) for v in values if v is not None)], default=0)
    floor = 30 if col.type is ColType.TEKS else 12
    return float(min(60, max(floor, longest + 2)))


def _records_sheet(ws: Worksheet, table: Table, frame: Any) -> None:
    rows = [] if frame is None else frame.drop(columns=[LOKASI], errors="ignore").to_dict(orient="records")
    for i, col in enumerate(table.columns, start=1):
        letter = get_column_letter(i)
        head = ws.cell(row=1, column=i, value=col.name)
        head.font = _BOLD
        head.fill = _REQUIRED_FILL if col.required else _HEADER_FILL
        head.comment = _comment(col)
        values = [machine_value(row.get(col.name), col.type) for row in rows]
        for r, value in enumerate(values, start=2):
            if value is not None:
                _set(ws.cell(row=r, column=i), value, col)
        ws.column_dimensions[letter].width = _width(col, values)
        if col.type in _NUMBER_FORMAT:
            ws.column_dimensions[letter].number_format = _NUMBER_FORMAT[col.type]
        if (dv := _validation(col)) is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letter}2:{letter}{_MAX_ROW}")
    ws.freeze_panes = "A2"


def _fields_sheet(ws: Worksheet, table: Table, values: dict[str, Any]) -> None:
    for i, name in enumerate(_FIELDS_HEADER, start=1):
        ws.cell(row=1, column=i, value=name).font = _BOLD
        ws.cell(row=1, column=i).fill = _HEADER_FILL
    ws.cell(row=1, column=1).comment = Comment(
        f"{table.title}: {table.description}\nIsi kolom 'nilai' saja; jangan mengubah kolom 'isian'.",
        "lkip",
        height=90,
        width=320,
    )
    for r, col in enumerate(table.columns, start=2):
        key = ws.cell(row=r, column=1, value=col.name)
        key.comment = _comment(col)
        if col.required:
            key.fill = _REQUIRED_FILL
            key.font = _BOLD
        value = machine_value(values.get(col.name), col.type)
        cell = ws.cell(row=r, column=2)
        if value is not None:
            _set(cell, value, col)
        elif col.type in _NUMBER_FORMAT:
            cell.number_format = _NUMBER_FORMAT[col.type]
        if (dv := _validation(col)) is not None:
            ws.add_data_validation(dv)
            dv.add(f"B{r}")
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 60
    ws.freeze_panes = "A2"


def _petunjuk_sheet(ws: Worksheet) -> None:
    ws["A1"] = "PETUNJUK PENGISIAN DATA LKIP KECAMATAN"
    ws["A1"].font = Font(bold=True, size=14)
    row = 3
    for text in _INSTRUCTIONS:
        ws.cell(row=row, column=1, value=text).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 32
        row += 1
    row += 1
    for i, head in enumerate(("Sheet", "Judul", "Wajib", "Keterangan"), start=1):
        ws.cell(row=row, column=i, value=head).font = _BOLD
        ws.cell(row=row, column=i).fill = _HEADER_FILL
    for table in TABLES.values():
        row += 1
        ws.cell(row=row, column=1, value=table.name)
        ws.cell(row=row, column=2, value=table.title)
        ws.cell(row=row, column=3, value="wajib" if table.required else "tidak wajib")
        ws.cell(row=row, column=4, value=table.description).alignment = Alignment(wrap_text=True)
    for letter, width in zip("ABCD", (24, 34, 12, 90), strict=True):
        ws.column_dimensions[letter].width = width


def _build(ds: DataSet | None) -> Workbook:
    wb = Workbook()
    _petunjuk_sheet(wb.active)
    wb.active.title = PETUNJUK
    for table in TABLES.values():
        ws = wb.create_sheet(table.name)
        if table.kind == "fields":
            _fields_sheet(ws, table, dict(ds.fields.get(table.name, {})) if ds else {})
        else:
            _records_sheet(ws, table, ds.df(table.name) if ds else None)
    return wb


def _save(wb: Workbook, path: str | Path) -> Path:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    wb.save(target)
    return target


def write_template(path: str | Path) -> Path:
    """Write the empty workbook a planner fills in (PETUNJUK first, one sheet per table).

    Returns
    -------
    Path
        The workbook written.
    """
    return _save(_build(None), path)


def write_workbook(ds: DataSet, path: str | Path) -> Path:
    """Write ``ds`` as a filled workbook that :func:`load_workbook` reads back unchanged.

    Returns
    -------
    Path
        The workbook written.
    """
    return _save(_build(ds), path)


