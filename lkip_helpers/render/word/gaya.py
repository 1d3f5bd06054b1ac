"""The styles of the Word edition, and the house reference document built from them.

The DOCX is written in named styles only (Word's own ``Heading 1-3``, ``Caption``,
``Body Text``, ``List Bullet``/``List Number``, ``toc 1-2``, ``table of figures``,
``Header``/``Footer`` and the ``LKIP ...`` styles below), so a kabupaten changes the
look of every report by changing the styles of its reference document in Word.
``lkip_helpers/templates/referensi.docx`` is the house reference: :func:`lengkapi_gaya`
applied to python-docx's blank document, on A4 with the print margins of the PDF.  A
kabupaten's own reference keeps its definitions; styles it lacks get the house ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .ooxml import el

__all__ = ["FONT", "GAYA", "REFERENSI", "Gaya", "buat_referensi", "lengkapi_gaya"]

REFERENSI = Path(__file__).resolve().parent.parent.parent / "templates" / "referensi.docx"
#: Word has it on every Windows and Mac; LibreOffice uses its metric twin Liberation Sans.
FONT = "Arial"
AKSEN = "1F4E79"


@dataclass(frozen=True)
class Gaya:
    """One paragraph (or character) style of the house reference."""

    size: float = 11
    bold: bool = False
    italic: bool = False
    color: str = ""
    align: str = ""  # "", "center", "right", "justify"
    before: float = 0
    after: float = 0
    line: float = 1.15
    keep_next: bool = False
    page_break: bool = False
    base: str = "Normal"
    outline: int | None = None
    indent_mm: float = 0
    char: bool = False  # a character style


#: The styles the builder uses (Word's built-in ones by their English names, as Word stores them).
GAYA: Mapping[str, Gaya] = {
    "Normal": Gaya(size=11, line=1.15, base=""),
    "Body Text": Gaya(align="justify", after=6, line=1.3),
    "Heading 1": Gaya(size=14, bold=True, color=AKSEN, align="center", after=12, keep_next=True, page_break=True,
                      outline=0),
    "Heading 2": Gaya(size=12, bold=True, before=12, after=6, keep_next=True, outline=1),
    "Heading 3": Gaya(size=11, bold=True, before=9, after=4, keep_next=True, outline=2),
    "Caption": Gaya(size=10, bold=True, align="center", before=9, after=4, keep_next=True),
    "TOC Heading": Gaya(size=14, bold=True, color=AKSEN, align="center", after=12),
    "LKIP Sumber": Gaya(size=9, italic=True, before=3, after=9),
    "LKIP Tabel": Gaya(size=8.5, line=1.0),
    "LKIP Tabel Kepala": Gaya(size=8.5, bold=True, align="center", line=1.0),
    "LKIP Catatan Tabel": Gaya(size=8, line=1.0, before=2),
    "LKIP Penanda": Gaya(size=9, bold=True, color="A33A00", after=3, keep_next=True),
    "LKIP Penanda Huruf": Gaya(size=9, bold=True, color="A33A00", char=True, base=""),
    "LKIP Tanda Tangan": Gaya(align="center", line=1.15),
    "LKIP Gambar": Gaya(align="center", after=3, keep_next=True),
    "LKIP Keterangan Foto": Gaya(size=9.5, italic=True, align="center", after=9),
    "LKIP Bagan": Gaya(size=10, line=1.1, after=2),
    "LKIP Banner": Gaya(bold=True, color="7A3E00", align="center", before=3, after=6),
    "LKIP Sampul Edisi": Gaya(size=18, bold=True, color="A3231A", align="center", after=24),
    "LKIP Sampul Judul": Gaya(size=22, bold=True, color=AKSEN, align="center", before=60, after=24, line=1.3),
    "LKIP Sampul Tahun": Gaya(size=28, bold=True, color=AKSEN, align="center", after=90),
    "LKIP Sampul Instansi": Gaya(size=16, bold=True, color=AKSEN, align="center", line=1.4),
    "LKIP Sampul Tanggal": Gaya(size=12, bold=True, color=AKSEN, align="center", before=18),
    "LKIP Kepala Halaman": Gaya(size=8, color="555555", base="Normal"),
    "LKIP Kaki Halaman": Gaya(size=9, align="center", base="Normal"),
    "toc 1": Gaya(after=3),
    "toc 2": Gaya(after=2, indent_mm=8),
    "table of figures": Gaya(after=3),
}

#: Built-in styles python-docx knows only by Word's internal name (w:name), with their ids.
_IDS = {"toc 1": "TOC1", "toc 2": "TOC2", "table of figures": "TableofFigures"}
_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT}


def _style(doc: Any, name: str) -> Any | None:
    try:
        return doc.styles[name]
    except KeyError:
        return None


def _new_style(doc: Any, name: str, g: Gaya) -> Any:
    kind = WD_STYLE_TYPE.CHARACTER if g.char else WD_STYLE_TYPE.PARAGRAPH
    if name in _IDS:  # built-in styles Word knows by id: TOC 1 is "toc 1" with id TOC1
        styles = doc.styles.element
        node = el("w:style", type="paragraph", styleId=_IDS[name])
        node.append(el("w:name", val=name))
        node.append(el("w:basedOn", val="Normal"))
        node.append(el("w:next", val="Normal"))
        node.append(el("w:uiPriority", val="39"))
        node.append(el("w:unhideWhenUsed"))
        styles.append(node)
        return doc.styles[name]
    style = doc.styles.add_style(name, kind)
    style.hidden = False
    style.quick_style = True
    return style


def _apply(doc: Any, style: Any, g: Gaya) -> None:
    if g.base and _style(doc, g.base) is not None and style.name != g.base:
        style.base_style = doc.styles[g.base]
    font = style.font
    font.size = Pt(g.size)
    font.bold = g.bold
    font.italic = g.italic
    if g.color:
        font.color.rgb = RGBColor.from_string(g.color)
    font.name = FONT
    fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT)
    if g.char:
        return
    pf = style.paragraph_format
    if g.align:
        pf.alignment = _ALIGN[g.align]
    pf.space_before = Pt(g.before)
    pf.space_after = Pt(g.after)
    pf.line_spacing = g.line
    pf.keep_with_next = g.keep_next or None
    pf.page_break_before = g.page_break or None
    pf.widow_control = True
    if g.indent_mm:
        pf.left_indent = Mm(g.indent_mm)
    if g.outline is not None:
        ppr = style.element.get_or_add_pPr()
        if ppr.find(qn("w:outlineLvl")) is None:
            ppr.append(el("w:outlineLvl", val=str(g.outline)))


def lengkapi_gaya(doc: Any, timpa: bool = False) -> None:
    """Add every style of :data:`GAYA` that ``doc`` lacks; with ``timpa`` also redefine those it has."""
    for name, g in GAYA.items():
        style = _style(doc, name)
        if style is None:
            _apply(doc, _new_style(doc, name, g), g)
        elif timpa:
            _apply(doc, style, g)


def buat_referensi(target: Path = REFERENSI) -> Path:
    """Write the house reference document (styles, A4, the PDF's margins) to ``target``.

    ``python -c "from lkip_helpers.render.word import buat_referensi; buat_referensi()"``
    regenerates ``templates/referensi.docx`` (the same bytes for the same python-docx).
    """
    from docx import Document

    from .paket import simpan

    doc = Document()
    lengkapi_gaya(doc, timpa=True)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Caption", "Title"):
        style = _style(doc, name)
        if style is not None and name != "Heading 1":
            style.font.color.rgb = RGBColor.from_string(AKSEN if name.startswith("Heading") else "000000")
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.right_margin = Mm(22), Mm(20)
    section.bottom_margin, section.left_margin = Mm(20), Mm(25)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    simpan(doc, target, judul="Dokumen referensi gaya LKIP", pembuat="lkip", isi_field=False)
    return target


if __name__ == "__main__":  # pragma: no cover - regenerates the package's reference document
    print(buat_referensi())
