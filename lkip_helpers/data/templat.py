"""Writing the Excel form: the empty template a planner fills, and a filled workbook (the same layout).

:func:`write_template` writes the workbook a planner fills in alone; :func:`write_workbook`
the same workbook with a data set filled in, which
:func:`~lkip_helpers.data.excel.load_workbook` reads back unchanged.

Records sheets: row 1 the column keys (hidden; the reader's header), row 2 the Indonesian
titles with unit ("Pagu murni (Rp)") and a comment saying what to type, row 3 one grey
example row marked :data:`~lkip_helpers.data.excel.CONTOH` right of the table (ignored
when read as written), data from row 4.  Code columns that refer to another sheet get a
drop-down fed from that sheet's code column; choice and ya/tidak columns a strict list;
indicator values (a number, or a grade for a 'huruf' indicator) an input message only.
Fields sheets (``instansi``, ``profil``, ``anggaran``): key | nilai | title | example.
Every sheet is set up for A4 print: fit to the page width, the title row repeated,
landscape when wide.  ``PETUNJUK`` comes first; its 'wajib' column is
:func:`~lkip_helpers.data.excel.wajib_sheet`, what the reader requires.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from ._assemble import machine_value
from .batas import BAWAAN
from .excel import _FIELDS_HEADER, BARIS_CONTOH, BARIS_DATA, BARIS_JUDUL, CONTOH, PETUNJUK, hint, wajib_sheet
from .model import LOKASI, DataSet
from .schema import GRADES, TABLES, ColType, Column, Table

__all__ = ["STATUS_SHEET", "write_template", "write_workbook"]

#: How PETUNJUK names :func:`wajib_sheet`'s answer.
STATUS_SHEET: dict[str, str] = {
    "diisi": "wajib diisi",
    "ada": "harus ada, boleh kosong",
    "": "boleh dihapus",
}

_MAX_ROW = 1048576
_BOLD = Font(bold=True)
_KEY_FONT = Font(color="808080", size=9)
_EXAMPLE_FONT = Font(color="808080", italic=True)
_EXAMPLE_FILL = PatternFill("solid", fgColor="F2F2F2")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_NUMBER_FORMAT: dict[ColType, str] = {
    ColType.KODE: "@",
    ColType.RUPIAH: "#,##0",
    ColType.TANGGAL: "DD/MM/YYYY",
}
_PORTRAIT_WIDTH = 100  # column width units that fit an A4 portrait page at 100%
_LINE_PT = 15.0

_INSTRUCTIONS: tuple[str, ...] = (
    "Buku kerja ini memuat seluruh data untuk menyusun Laporan Kinerja Instansi Pemerintah (LKIP) "
    "satu kecamatan untuk satu tahun. Semua tabel, grafik dan angka laporan dihitung dari data ini.",
    "Setiap sheet adalah satu tabel. Jangan mengubah nama sheet. Judul kolom ada di baris 2 (baris 1 "
    "tersembunyi berisi kunci kolom untuk program; jangan dihapus). Arahkan tetikus ke judul kolom untuk "
    "membaca penjelasannya. Kolom berjudul jingga wajib diisi pada setiap baris yang diisi.",
    f"Baris 3 berwarna abu-abu bertanda {CONTOH} adalah contoh cara mengisi dan diabaikan saat dibaca. "
    "Isi data mulai baris 4, satu baris untuk satu data. Bila baris contoh ditimpa dengan data Anda, "
    f"baris itu dibaca sebagai data (dengan peringatan): hapus tanda {CONTOH} di kanannya.",
    "Kolom kode yang merujuk sheet lain (mis. Kode sasaran, Kode indikator, Kode program) punya daftar "
    "pilihan dari sheet itu. Isi lebih dulu sheet tujuan, sasaran, indikator, program, kegiatan dan "
    "sub_kegiatan, lalu pilih kodenya dari daftar.",
    "Sheet instansi, profil dan anggaran berisi isian satu per baris: isi kolom 'nilai' (kolom B) saja. "
    "Kolom C menjelaskan isian, kolom D memberi contoh.",
    "Baris kosong diabaikan. Sel kosong, '-' atau 'n/a' berarti tidak ada nilai.",
    "Angka: titik untuk ribuan, koma untuk desimal, mis. 4.231.208.525 atau 95,5. Jangan menulis "
    "'1.234' untuk pecahan (tulis 1,234) dan jangan memakai gaya Inggris 1,234.5. Tahun ditulis tanpa "
    "titik, mis. 2023.",
    "Rupiah (Rp): bulat tanpa sen, boleh diawali 'Rp', mis. Rp 4.231.208.525.",
    "Persentase (%): 97, 97% atau 82,24 %. Nilai indikator: angka, atau nilai huruf AA, A, BB, B, CC, C, D "
    "untuk indikator berjenis 'huruf'.",
    "Tanggal: 23 Februari 2024, 23/02/2024 atau sel bertipe tanggal. Ya/tidak: 'ya' atau 'tidak'.",
    "Kode (mis. P1.K1, 35.09.10, NIP): tulis sebagai teks agar Excel tidak mengubahnya menjadi angka.",
    "Rumus boleh dipakai. Simpan berkas di Excel sebelum dipakai agar hasil rumus ikut tersimpan.",
    "Kolom 'Status' di bawah menyebut apa yang diperiksa 'lkip check': 'wajib diisi' (sheet harus ada dan "
    "terisi), 'harus ada, boleh kosong' (sheet jangan dihapus, boleh tanpa data), 'boleh dihapus' (sheet "
    "boleh dihapus bila tidak dipakai).",
)


# -- cells ----------------------------------------------------------------------------


def _comment_text(col: Column) -> str:
    lines = [f"{col.judul_kolom} (kolom '{col.name}')", col.description, f"Isian: {hint(col)}."]
    if col.required:
        lines.append("Wajib diisi.")
    if col.choices:
        lines.append("Pilihan: " + ", ".join(col.choices) + ".")
    if col.unique:
        lines.append("Tidak boleh ganda.")
    if col.references:
        ref_table, ref_col = col.references.split(".")
        ref = TABLES[ref_table].column(ref_col)
        lines.append(f"Harus ada di sheet {ref_table} (kolom {ref.judul_kolom}); pilih dari daftar.")
    return "\n".join(lines)


def _comment(col: Column) -> Comment:
    text = _comment_text(col)
    height = 30 + 15 * sum(1 + len(line) // 45 for line in text.splitlines())
    return Comment(text, "lkip", height=height, width=320)


def _list_validation(options: tuple[str, ...], col: Column) -> DataValidation:
    dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
    dv.showErrorMessage = True
    dv.errorTitle = "Isian tidak dikenal"
    dv.error = ("Pilih salah satu: " + ", ".join(options))[:255]
    return dv


def _reference_validation(col: Column) -> DataValidation:
    ref_table, ref_col = (col.references or "").split(".")
    table = TABLES[ref_table]
    letter = get_column_letter(table.column_names.index(ref_col) + 1)
    last = BARIS_DATA + BAWAAN.baris - 1
    dv = DataValidation(
        type="list", formula1=f"{ref_table}!${letter}${BARIS_DATA}:${letter}${last}", allow_blank=True
    )
    dv.showErrorMessage = True
    dv.errorStyle = "warning"  # the code may be typed before the other sheet is filled
    dv.errorTitle = "Kode belum ada"
    dv.error = f"Kode ini belum ada di sheet {ref_table}. Isi sheet {ref_table} lebih dulu, atau periksa ketikan."
    return dv


def _validation(col: Column) -> DataValidation | None:
    """A drop-down for codes of another sheet, choices and ya/tidak; an input message for indicator values."""
    if col.references:
        dv = _reference_validation(col)
        ref_table = col.references.split(".")[0]
        prompt = f"Pilih kode dari sheet {ref_table}."
    elif col.type is ColType.PILIHAN:
        dv, prompt = _list_validation(col.choices, col), "Pilih dari daftar."
    elif col.type is ColType.YA_TIDAK:
        dv, prompt = _list_validation(("ya", "tidak"), col), "Pilih ya atau tidak."
    elif col.type is ColType.NILAI:
        # a number for an 'angka' indicator, a grade for a 'huruf' one: no list can hold both
        dv = DataValidation(allow_blank=True)
        prompt = (
            "Angka, mis. 97 atau 95,5. Untuk indikator berjenis 'huruf' (lihat sheet indikator): "
            + ", ".join(reversed(GRADES))
            + "."
        )
    else:
        return None
    dv.showInputMessage = True
    dv.promptTitle = col.judul_kolom[:32]
    dv.prompt = prompt[:255]
    return dv


def _set(cell: Any, value: Any, col: Column) -> None:
    """Write one canonical value into a cell, keeping text as text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text starting with '=' is not a formula
    if col.type in _NUMBER_FORMAT:
        cell.number_format = _NUMBER_FORMAT[col.type]


def _example_formula(value: Any) -> str:
    """The example as a formula showing it ('="I1.1"', '=85', '=DATE(2024,2,23)').

    A value a planner types over it is a constant, so the reader tells the cells typed over
    from the example's leftovers (:func:`~lkip_helpers.data.excel.load_workbook`).
    """
    if isinstance(value, date):
        return f"=DATE({value.year},{value.month},{value.day})"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"={value!r}"
    return '="' + str(value).replace('"', '""') + '"'


def _lines(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column ``width`` units wide (a generous estimate)."""
    chars = max(1.0, width * 1.1)
    return sum(max(1, math.ceil(len(part) / chars)) for part in text.split("\n"))


def _width(col: Column, values: list[Any]) -> float:
    """Column width: the title may wrap over two or three lines; long text wraps within 60 units."""
    longest_word = max((len(w) for w in col.judul_kolom.split()), default=0)
    longest = max([len(str(v)) for v in values if v is not None], default=0)
    title = max(longest_word + 2, len(col.judul_kolom) / 2.5)
    if col.type is ColType.TEKS:
        return float(min(60.0, max(24.0, title, min(longest, 60) / 1.5)))
    return float(min(30.0, max(11.0, title, longest + 2)))


def _print_setup(ws: Worksheet, width: float, title_rows: str) -> None:
    """A4, fit to the page width (as many pages down as needed), the title rows on every page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if width > _PORTRAIT_WIDTH else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.gridLines = True
    ws.print_title_rows = title_rows
    ws.oddFooter.center.text = "&A - halaman &P dari &N"
    ws.oddFooter.center.size = 8


# -- sheets ---------------------------------------------------------------------------


def _records_sheet(ws: Worksheet, table: Table, frame: Any) -> None:
    rows = [] if frame is None else frame.drop(columns=[LOKASI], errors="ignore").to_dict(orient="records")
    examples = [machine_value(table.contoh.get(col.name), col.type) for col in table.columns]
    columns = [[machine_value(row.get(col.name), col.type) for row in rows] for col in table.columns]
    widths = [_width(col, [ex, *vals]) for col, ex, vals in zip(table.columns, examples, columns, strict=True)]
    lines = [1] * (len(rows) + 1)  # the example row, then the data rows
    for i, col in enumerate(table.columns, start=1):
        letter, width = get_column_letter(i), widths[i - 1]
        key = ws.cell(row=1, column=i, value=col.name)
        key.font = _KEY_FONT
        head = ws.cell(row=BARIS_JUDUL, column=i, value=col.judul_kolom)
        head.font = _BOLD
        head.fill = _REQUIRED_FILL if col.required else _HEADER_FILL
        head.alignment = Alignment(wrap_text=True, vertical="center")
        head.comment = _comment(col)
        for n, value in enumerate([examples[i - 1], *columns[i - 1]]):
            if value is None:
                continue
            cell = ws.cell(row=BARIS_CONTOH + n, column=i)
            _set(cell, value, col)
            if n == 0:
                cell.value = _example_formula(value)
            if col.type is ColType.TEKS:
                cell.alignment = _WRAP_TOP
                lines[n] = max(lines[n], _lines(str(value), width))
        example = ws.cell(row=BARIS_CONTOH, column=i)
        example.font, example.fill = _EXAMPLE_FONT, _EXAMPLE_FILL
        ws.column_dimensions[letter].width = width
        if col.type in _NUMBER_FORMAT:
            ws.column_dimensions[letter].number_format = _NUMBER_FORMAT[col.type]
        if (dv := _validation(col)) is not None:
            ws.add_data_validation(dv)
            dv.add(f"{letter}{BARIS_DATA}:{letter}{_MAX_ROW}")
    for n, count in enumerate(lines):
        if count > 1:
            ws.row_dimensions[BARIS_CONTOH + n].height = _LINE_PT * count
    marker_col = len(table.columns) + 1
    marker = ws.cell(row=BARIS_CONTOH, column=marker_col, value=f"◄ {CONTOH}")
    marker.font = Font(color="808080", italic=True, bold=True)
    marker.alignment = Alignment(vertical="top")
    marker.comment = Comment(
        f"Baris {BARIS_CONTOH} adalah contoh dan diabaikan saat dibaca. Isi data mulai baris {BARIS_DATA}. "
        f"Bila baris ini ditimpa dengan data Anda, hapus tanda {CONTOH} ini.",
        "lkip",
        height=110,
        width=260,
    )
    ws.column_dimensions[get_column_letter(marker_col)].width = 11
    title_lines = max(_lines(col.judul_kolom, w) for col, w in zip(table.columns, widths, strict=True))
    ws.row_dimensions[1].hidden = True
    ws.row_dimensions[BARIS_JUDUL].height = _LINE_PT * title_lines + 4
    ws.freeze_panes = f"A{BARIS_DATA}"
    _print_setup(ws, sum(widths) + 11, f"1:{BARIS_JUDUL}")


def _fields_sheet(ws: Worksheet, table: Table, values: dict[str, Any]) -> None:
    heads = (*_FIELDS_HEADER, "Keterangan isian", "Contoh isian")
    for i, name in enumerate(heads, start=1):
        ws.cell(row=1, column=i, value=name).font = _BOLD
        ws.cell(row=1, column=i).fill = _HEADER_FILL
    ws.cell(row=1, column=1).comment = Comment(
        f"{table.title}: {table.description}\nIsi kolom 'nilai' (kolom B) saja; jangan mengubah kolom 'isian'.",
        "lkip",
        height=90,
        width=320,
    )
    widths = (16.0, 34.0, 28.0, 22.0)
    for r, col in enumerate(table.columns, start=2):
        key = ws.cell(row=r, column=1, value=col.name)
        key.font, key.alignment = _KEY_FONT, _WRAP_TOP
        key.comment = _comment(col)
        title = ws.cell(row=r, column=3, value=col.judul_kolom + (" - wajib" if col.required else ""))
        title.alignment = _WRAP_TOP
        if col.required:
            title.fill = _REQUIRED_FILL
            title.font = _BOLD
        value = machine_value(values.get(col.name), col.type)
        cell = ws.cell(row=r, column=2)
        cell.alignment = _WRAP_TOP
        if value is not None:
            _set(cell, value, col)
        elif col.type in _NUMBER_FORMAT:
            cell.number_format = _NUMBER_FORMAT[col.type]
        example = machine_value(table.contoh.get(col.name), col.type)
        sample = ws.cell(row=r, column=4)
        if example is not None:
            _set(sample, example, col)
        sample.font, sample.alignment = _EXAMPLE_FONT, _WRAP_TOP
        lines = max(
            _lines(title.value, widths[2]), _lines(str(value or ""), widths[1]), _lines(str(example or ""), widths[3])
        )
        if lines > 1:
            ws.row_dimensions[r].height = _LINE_PT * lines
        if (dv := _validation(col)) is not None:
            ws.add_data_validation(dv)
            dv.add(f"B{r}")
    for letter, width in zip("ABCD", widths, strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    _print_setup(ws, sum(widths), "1:1")


def _petunjuk_sheet(ws: Worksheet) -> None:
    widths = (20.0, 26.0, 20.0, 34.0)
    full = sum(widths)
    ws["A1"] = "PETUNJUK PENGISIAN DATA LKIP KECAMATAN"
    ws["A1"].font = Font(bold=True, size=14)
    row = 3
    for text in _INSTRUCTIONS:
        ws.cell(row=row, column=1, value=text).alignment = _WRAP_TOP
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = _LINE_PT * _lines(text, full * 0.95) + 3
        row += 1
    row += 1
    head_row = row
    for i, head in enumerate(("Sheet", "Judul", "Status", "Keterangan"), start=1):
        ws.cell(row=row, column=i, value=head).font = _BOLD
        ws.cell(row=row, column=i).fill = _HEADER_FILL
    for table in TABLES.values():
        row += 1
        status = STATUS_SHEET[wajib_sheet(table)]
        cells = (table.name, table.title, status, table.description)
        for i, value in enumerate(cells, start=1):
            ws.cell(row=row, column=i, value=value).alignment = _WRAP_TOP
        if status != STATUS_SHEET[""]:
            ws.cell(row=row, column=3).font = _BOLD
        lines = max(_lines(str(v), w) for v, w in zip(cells, widths, strict=True))
        ws.row_dimensions[row].height = _LINE_PT * lines + 2
    for letter, width in zip("ABCD", widths, strict=True):
        ws.column_dimensions[letter].width = width
    _print_setup(ws, full, f"{head_row}:{head_row}")
    ws.print_options.gridLines = False


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
    """Write ``ds`` as a filled workbook, the template's layout, that :func:`load_workbook` reads back unchanged.

    Returns
    -------
    Path
        The workbook written.
    """
    return _save(_build(ds), path)
