"""Lists of the Word edition: Word lists (numbering) and the Daftar Isi/Tabel/Gambar as TOC fields.

The Daftar Isi is a ``TOC \\o "1-2"`` field over the heading styles; the Daftar Tabel and
Daftar Gambar are ``TOC \\c "Tabel"`` and ``TOC \\c "Gambar"`` fields over the captions,
each of which holds a hidden ``SEQ Tabel``/``SEQ Gambar`` field (the visible number is the
catalogue's, "Tabel 3.1").  Their cached result already lists every entry, linked to its
heading or caption, with a ``PAGEREF`` for the page; Word fills the page numbers when it
opens or prints the file (``updateFields``), and "Update Table" rebuilds the lists after
an edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import qn

from ..stitch import Entry
from .ooxml import bookmark_name, el, field_end, field_runs, field_start, tab_run, text_run

__all__ = ["Penomoran", "tulis_daftar"]

#: Ids of the numbering definitions the builder adds (high, to stay clear of a reference document's own).
_ABSTRACT = {"bullet": 9101, "decimal": 9102, "lowerLetter": 9103, "upperLetter": 9104, "lowerRoman": 9105}
_BULLETS = ("\u2022", "\u2013", "\u25e6", "\u2022", "\u2013")


class Penomoran:
    """Word lists: one numbering instance per HTML ``ol`` (numbers restart), one shared for bullets."""

    def __init__(self, doc: Any) -> None:
        self._numbering = doc.part.numbering_part.element
        self._next = 9200
        self._bullet: int | None = None
        existing = {n.get(qn("w:abstractNumId")) for n in self._numbering.findall(qn("w:abstractNum"))}
        first_num = self._numbering.find(qn("w:num"))
        for kind, number in _ABSTRACT.items():
            if str(number) in existing:
                continue
            node = self._abstract(kind, number)
            if first_num is not None:
                first_num.addprevious(node)
            else:
                self._numbering.append(node)

    @staticmethod
    def _abstract(kind: str, number: int) -> Any:
        node = el("w:abstractNum", abstractNumId=str(number))
        node.append(el("w:multiLevelType", val="multilevel" if kind != "bullet" else "hybridMultilevel"))
        for level in range(5):
            lvl = el("w:lvl", ilvl=str(level))
            lvl.append(el("w:start", val="1"))
            lvl.append(el("w:numFmt", val=kind))
            text = _BULLETS[level] if kind == "bullet" else f"%{level + 1}."
            lvl.append(el("w:lvlText", val=text))
            lvl.append(el("w:lvlJc", val="left"))
            ppr = el("w:pPr")
            ppr.append(el("w:ind", left=str(425 * (level + 1)), hanging="425"))
            lvl.append(ppr)
            node.append(lvl)
        return node

    def _num(self, kind: str, start: int) -> int:
        self._next += 1
        num = el("w:num", numId=str(self._next))
        num.append(el("w:abstractNumId", val=str(_ABSTRACT[kind])))
        override = el("w:lvlOverride", ilvl="0")
        override.append(el("w:startOverride", val=str(start)))
        num.append(override)
        self._numbering.append(num)
        return self._next

    def daftar(self, ordered: bool, kind: str = "decimal", start: int = 1) -> int:
        """The ``numId`` for a new list: a fresh, restarted one for numbers; the shared one for bullets."""
        if ordered:
            return self._num(kind if kind in _ABSTRACT else "decimal", start)
        if self._bullet is None:
            self._bullet = self._num("bullet", 1)
        return self._bullet


def pakai_nomor(paragraph: Any, num_id: int, level: int) -> None:
    """Make ``paragraph`` an item of list ``num_id`` at ``level`` (0 = outermost)."""
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()  # python-docx keeps the schema's order
    numpr.get_or_add_ilvl().val = min(level, 4)
    numpr.get_or_add_numId().val = num_id


def _entry_paragraph(container: Any, entry: Entry, style: str, lebar: int, first: list[Any], last: bool) -> Any:
    paragraph = container.add_paragraph(style=style)
    p = paragraph._p
    ppr = p.get_or_add_pPr()
    tabs = el("w:tabs")
    tabs.append(el("w:tab", val="right", leader="dot", pos=str(lebar)))
    ppr.append(tabs)
    for run in first:
        p.append(run)
    link = el("w:hyperlink", anchor=bookmark_name(entry.id), history="1")
    link.append(text_run(entry.teks))
    link.append(tab_run())
    for run in field_runs(f"PAGEREF {bookmark_name(entry.id)} \\h"):
        link.append(run)
    p.append(link)
    if last:
        p.append(field_end())
    return paragraph


def tulis_daftar(container: Any, entries: Sequence[Entry], instruksi: str, lebar: int, gaya: str = "toc 1") -> None:
    """A TOC field ``instruksi`` whose cached result lists ``entries`` (see the module doc)."""
    if not entries:
        paragraph = container.add_paragraph(style=gaya)
        for run in [*field_start(instruksi), field_end()]:
            paragraph._p.append(run)
        return
    for index, entry in enumerate(entries):
        style = "toc 2" if entry.level >= 2 and gaya == "toc 1" else gaya
        opening = field_start(instruksi) if index == 0 else []
        _entry_paragraph(container, entry, style, lebar, opening, index == len(entries) - 1)
