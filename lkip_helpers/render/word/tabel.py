"""An HTML table (great_tables or plain) as a real Word table.

The HTML's grid (``colspan``/``rowspan``) becomes merged Word cells (``gridSpan``,
``vMerge``); the ``thead`` rows are header rows that Word repeats on every page; no row
breaks across pages; numbers (already in Indonesian format: ``4.231.208.525``,
``97,00%``) are right-aligned; the columns get the HTML's ``colgroup`` shares (else
shares estimated from the text) of the text width of the page, so the table fits A4
portrait or landscape.  The ``tfoot`` (footnotes, source notes) is returned to the
caller, which writes it as small paragraphs under the table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from docx.table import Table, _Cell

from .ooxml import el, keep_row_together, repeat_header_row, shade

__all__ = ["Sel", "grid", "is_number", "tulis_tabel"]

KEPALA_LATAR = "DDE6F0"
KELOMPOK_LATAR = "F2F2F2"
_NUMBER = re.compile(r"^[-\u2212+]?\s*(?:Rp\.?\s*)?\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*%?$|^[-\u2212+]?\d+(?:,\d+)?\s*%?$")
_WIDTH = re.compile(r"width\s*:\s*([\d.]+)%")
_ALIGN = re.compile(r"text-align\s*:\s*(left|right|center|justify)")

Tulis = Callable[[_Cell, Any, "Sel"], None]


@dataclass(frozen=True)
class Sel:
    """One HTML cell placed on the grid."""

    element: Any
    row: int
    col: int
    rowspan: int
    colspan: int
    kepala: bool  # in thead (or a th of a body row)
    kelompok: bool  # a great_tables group heading ("Setelah Perubahan")
    align: str  # "left", "center", "right"


def is_number(text: str) -> bool:
    """Whether a cell's text is one number as the report prints it (``4.231.208.525``, ``97,00%``, ``85``)."""
    return bool(_NUMBER.match(" ".join(text.split())))


def _int(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def _align(cell: Any, kepala: bool) -> str:
    """Header cells centred; a cell the HTML centres stays centred; numbers and right cells right; else left."""
    classes = cell.get("class", "").split()
    found = _ALIGN.search(cell.get("style", ""))
    explicit = found.group(1) if found else next((n for n in ("center", "right") if f"gt_{n}" in classes), None)
    if kepala or explicit == "center":
        return "center"
    text = " ".join(cell.text_content().split())
    if explicit == "right" or (text and is_number(text)):
        return "right"
    return "left"


def _rows(table: Any) -> tuple[list[tuple[Any, bool]], list[Any]]:
    """``([(tr, in_thead)], tfoot elements)`` in document order (nested tables are left to their cells)."""
    rows: list[tuple[Any, bool]] = []
    feet: list[Any] = []
    for child in table:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "tfoot":
            feet.append(child)
        elif tag in ("thead", "tbody"):
            rows += [(tr, tag == "thead") for tr in child if tr.tag == "tr"]
        elif tag == "tr":
            rows.append((child, False))
    return rows, feet


def grid(table: Any) -> tuple[list[Sel], int, int, list[Any]]:
    """The cells of an HTML table on its grid: ``(cells, n_rows, n_cols, tfoot elements)``."""
    rows, feet = _rows(table)
    taken: set[tuple[int, int]] = set()
    cells: list[Sel] = []
    width = 0
    for r, (tr, in_head) in enumerate(rows):
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            rs, cs = _int(td.get("rowspan")), _int(td.get("colspan"))
            rs = min(rs, len(rows) - r)
            kepala = in_head or (td.tag == "th" and "gt_row" not in td.get("class", ""))
            kelompok = "gt_group_heading" in td.get("class", "")
            cells.append(Sel(td, r, c, rs, cs, kepala, kelompok, _align(td, kepala)))
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            c += cs
            width = max(width, c)
    width = max([width, *(col + 1 for _, col in taken)]) if taken else width
    return cells, len(rows), width, feet


def _shares(table: Any, cells: Sequence[Sel], n_cols: int, capacity: float) -> list[float]:
    """Column shares: the colgroup's percentages, else from the text (``capacity``: characters per line).

    Without a colgroup every column gets at least its longest word; what is left goes to
    the columns with more text, in proportion to what they would need on one line.
    """
    cols = [c for group in table.findall("colgroup") for c in group.findall("col")] or table.findall("col")
    found = [float(m.group(1)) for c in cols if (m := _WIDTH.search(c.get("style", "") + c.get("width", "")))]
    if len(found) == n_cols and sum(found) > 0:
        return [f / sum(found) for f in found]
    longest, total = [1] * n_cols, [1] * n_cols
    for cell in cells:
        if cell.colspan != 1:
            continue
        text = " ".join(cell.element.text_content().split())
        longest[cell.col] = max(longest[cell.col], *(len(w) for w in text.split()), 1)
        total[cell.col] = max(total[cell.col], len(text))
    minimum = [n + 2.0 for n in longest]
    ideal = [max(m, t + 1.5) for m, t in zip(minimum, total, strict=True)]
    if sum(ideal) <= capacity or sum(minimum) >= capacity:
        need = ideal if sum(ideal) <= capacity else minimum
    else:
        extra = capacity - sum(minimum)
        flex = [i - m for i, m in zip(ideal, minimum, strict=True)]
        need = [m + extra * f / sum(flex) for m, f in zip(minimum, flex, strict=True)]
    return [n / sum(need) for n in need]


def _tc_props(tc: Any, width: int, span: int, merge: str | None, kepala: bool) -> None:
    tcpr = tc.get_or_add_tcPr()
    tcw = tcpr.find(qn("w:tcW"))
    if tcw is None:
        tcw = el("w:tcW")
        tcpr.insert(0, tcw)
    tcw.set(qn("w:w"), str(width))
    tcw.set(qn("w:type"), "dxa")
    if span > 1:
        tcpr.append(el("w:gridSpan", val=str(span)))
    if merge is not None:
        tcpr.append(el("w:vMerge", val=merge) if merge else el("w:vMerge"))
    if kepala:
        tcpr.append(el("w:vAlign", val="center"))


def _table_props(tbl: Any, widths: Sequence[int], style_id: str | None, garis: bool) -> None:
    """The table's properties, in the order the schema wants them (Word refuses another order)."""
    tblpr = tbl.tblPr
    for old in list(tblpr):
        tblpr.remove(old)
    if style_id:
        tblpr.append(el("w:tblStyle", val=style_id))
    tblpr.append(el("w:tblW", w=str(sum(widths)), type="dxa"))
    tblpr.append(el("w:jc", val="center"))
    if not garis:
        borders = el("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            borders.append(el(f"w:{side}", val="nil"))
        tblpr.append(borders)
    tblpr.append(el("w:tblLayout", type="fixed"))
    margins = el("w:tblCellMar")
    for side, value in (("top", "28"), ("left", "57"), ("bottom", "28"), ("right", "57")):
        margins.append(el(f"w:{side}", w=value, type="dxa"))
    tblpr.append(margins)
    tblpr.append(el("w:tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0",
                    noHBand="1", noVBand="1"))
    grid_el = tbl.find(qn("w:tblGrid"))
    for old in list(grid_el):
        grid_el.remove(old)
    for w in widths:
        grid_el.append(el("w:gridCol", w=str(w)))


def tulis_tabel(
    container: Any,
    table: Any,
    lebar: int,
    tulis: Tulis,
    garis: bool = True,
    gaya_tabel: str | None = "TableGrid",
    gaya_kosong: str | None = None,
) -> list[Any]:
    """Write the HTML ``table`` into ``container`` (document or cell) ``lebar`` twips wide; return its tfoots.

    ``tulis(cell, element, sel)`` fills one Word cell with the HTML cell's content;
    ``gaya_kosong`` is the style id of the paragraph of an empty cell (a row as low as the others).
    """

    def kosong() -> Any:
        p = el("w:p")
        if gaya_kosong:
            ppr = el("w:pPr")
            ppr.append(el("w:pStyle", val=gaya_kosong))
            p.append(ppr)
        return p

    cells, n_rows, n_cols, feet = grid(table)
    if not cells or not n_cols:
        return feet
    shares = _shares(table, cells, n_cols, lebar / (95 if garis else 125))
    widths = [max(240, int(lebar * s)) for s in shares]
    widths[-1] += lebar - sum(widths)
    doc_table: Table = container.add_table(rows=0, cols=n_cols)
    tbl = doc_table._tbl
    _table_props(tbl, widths, gaya_tabel if garis else None, garis)
    origin = {(c.row, c.col): c for c in cells}
    below: dict[tuple[int, int], Sel] = {}
    for c in cells:
        for dr in range(1, c.rowspan):
            below[(c.row + dr, c.col)] = c
    header_rows = {c.row for c in cells if c.kepala and all(x.kepala for x in cells if x.row == c.row)}
    for r in range(n_rows):
        tr = el("w:tr")
        tbl.append(tr)
        col = 0
        while col < n_cols:
            sel = origin.get((r, col)) or below.get((r, col))
            tc = el("w:tc")
            tr.append(tc)
            span = sel.colspan if sel else 1
            width = sum(widths[col : col + span])
            if sel is None:
                _tc_props(tc, width, 1, None, False)
                tc.append(kosong())
            elif (r, col) in below:
                _tc_props(tc, width, span, "", sel.kepala)
                tc.append(kosong())
            else:
                _tc_props(tc, width, span, "restart" if sel.rowspan > 1 else None, sel.kepala)
                if sel.kepala and garis:
                    shade(tc, KEPALA_LATAR)
                elif sel.kelompok and garis:
                    shade(tc, KELOMPOK_LATAR)
                tulis(_Cell(tc, doc_table), sel.element, sel)
                if not len(tc.findall(qn("w:p"))) and not len(tc.findall(qn("w:tbl"))):
                    tc.append(kosong())
                elif tc[-1].tag == qn("w:tbl"):
                    tc.append(kosong())  # a cell must end with a paragraph
            col += span
        keep_row_together(tr)
        if r in header_rows and r == len([x for x in header_rows if x <= r]) - 1:
            repeat_header_row(tr)
    return feet
