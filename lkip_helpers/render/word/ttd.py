"""Signature blocks of the Word edition, laid out as in the PDF.

One block (the Camat under the Kata Pengantar, the Penutup, the RKT and the SK IKU) sits
on the right half of the page; the Perjanjian Kinerja's two blocks stand side by side,
PIHAK KEDUA on the left and PIHAK PERTAMA on the right.  Both are a borderless table of
two columns whose row never breaks across pages, held to the paragraph before it (as
the PDF keeps a signature with what it signs).  The signing space is three empty lines,
which is where a secretary expects to find it; every line keeps its text as the HTML
has it, ``[belum diisi: ...]`` placeholders included.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn
from docx.shared import Emu

from .ooxml import el, keep_row_together

if TYPE_CHECKING:
    from .isi import Penulis

__all__ = ["tulis_tanda_tangan"]

_TWIP_EMU = 635
_RUANG = 3  # empty lines for the signature and the stamp


def _layout_table(table: Any, widths: list[int]) -> None:
    """A borderless, fixed-width layout table."""
    tblpr = table._tbl.tblPr
    for old in list(tblpr):
        tblpr.remove(old)
    tblpr.append(el("w:tblW", w=str(sum(widths)), type="dxa"))
    borders = el("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(el(f"w:{side}", val="nil"))
    tblpr.append(borders)
    tblpr.append(el("w:tblLayout", type="fixed"))
    grid = table._tbl.find(qn("w:tblGrid"))
    for col, w in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(w))
    for cell, w in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Emu(w * _TWIP_EMU)


def _classes(node: Any) -> set[str]:
    return set((node.get("class") or "").split())


def tulis_tanda_tangan(writer: Penulis, container: Any, blocks: list[Any], lebar: int) -> None:
    """Write the HTML signature ``blocks`` (``div.lkip-tanda-tangan``) into ``container``, ``lebar`` twips wide."""
    if not blocks:
        return
    table = container.add_table(rows=1, cols=2)
    previous = table._tbl.getprevious()
    if previous is not None and previous.tag == qn("w:p"):
        ppr = previous.get_or_add_pPr()
        if ppr.find(qn("w:keepNext")) is None:
            ppr.get_or_add_keepNext()
    _layout_table(table, [lebar // 2, lebar - lebar // 2])
    cells = table.rows[0].cells
    targets = [cells[1]] if len(blocks) == 1 else list(cells[: len(blocks)])
    for cell, block in zip(targets, blocks, strict=False):
        for line in block:
            if "lkip-ttd-ruang" in _classes(line):
                for _ in range(_RUANG):
                    writer.paragraf(cell, "LKIP Tanda Tangan").paragraph_format.keep_with_next = True
            elif isinstance(line.tag, str) and line.tag == "p":
                writer.isi_paragraf(cell, line, "LKIP Tanda Tangan").paragraph_format.keep_with_next = True
    for cell in cells:
        first = cell.paragraphs[0] if cell.paragraphs else None
        if first is not None and len(cell.paragraphs) > 1 and not first.runs:
            cell._tc.remove(first._p)  # python-docx's initial empty paragraph
    keep_row_together(table.rows[0]._tr)
