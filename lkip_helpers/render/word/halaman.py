"""Pages of the Word edition: sections, landscape pages, cover, running header, page numbers, watermark.

The document has the PDF's parts as Word sections: the cover (no header, no number), the
front matter (Kata Pengantar, the lists, Ikhtisar Eksekutif: i, ii, iii), and the
chapters from BAB I on (1, 2, 3), where every wide Lampiran matrix is a landscape
section of its own (numbers go on).  Every section but the cover has the running header
("Kecamatan X", the edition of a draft and the synthetic-data mark, "LKIP <tahun>") and
the page number in the footer; in a draft every section's header also holds Word's DRAF
watermark, so it is behind every page, the cover included.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor

from ..stitch import ReportMeta
from .ooxml import el, field_runs, watermark_run

__all__ = ["Bagian", "Tata", "kepala_kaki", "sampul"]

_HEADINGS = {"Heading1", "Heading2", "Heading3"}
TEKS_DRAF_KEPALA = "DRAF"


@dataclass(frozen=True)
class Bagian:
    """One Word section: which part of the report, and whether its pages are landscape."""

    jenis: str  # "sampul", "depan" (Roman numbers), "utama" (Arabic numbers)
    melintang: bool = False


def _twips(length: Any) -> int:
    return int(length) // 635


class Tata:
    """The section layout while the content is written (see the module doc)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.body = doc.element.body
        self.bagian: list[Bagian] = [Bagian("sampul")]
        self._mau: bool | None = None

    @property
    def _section(self) -> Any:
        return self.doc.sections[-1]

    @property
    def lebar(self) -> int:
        """Text width of the current section, in twips."""
        s = self._section
        return _twips(s.page_width) - _twips(s.left_margin) - _twips(s.right_margin)

    def _last(self) -> Any | None:
        children = [c for c in self.body if c.tag != qn("w:sectPr")]
        return children[-1] if children else None

    def awal(self) -> bool:
        """True when nothing has been written in the current section yet."""
        last = self._last()
        return last is None or (last.tag == qn("w:p") and last.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None)

    def _close(self, before_headings: bool = False) -> None:
        """End the current section here (before its trailing headings when ``before_headings``)."""
        final = self.body.sectPr
        closing = copy.deepcopy(final)
        children = [c for c in self.body if c.tag != qn("w:sectPr")]
        moved = 0
        if before_headings:
            while moved < len(children) and _style_id(children[-1 - moved]) in _HEADINGS:
                moved += 1
        anchor = children[-1 - moved] if len(children) > moved else None
        if (anchor is not None and anchor.tag == qn("w:p") and _style_id(anchor) not in _HEADINGS
                and anchor.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None):
            anchor.get_or_add_pPr().append(closing)
            return
        holder = el("w:p")
        ppr = el("w:pPr")
        ppr.append(closing)
        holder.append(ppr)
        if moved:
            children[-moved].addprevious(holder)
        else:
            final.addprevious(holder)

    def baru(self, jenis: str) -> None:
        """Start a new part (``"depan"`` or ``"utama"``) on a new portrait page."""
        self._mau = None
        if self.awal() and len(self.bagian) > 1:
            self.bagian[-1] = Bagian(jenis)
            return
        self._close()
        self._orient(False)
        self.bagian.append(Bagian(jenis))

    def melintang(self, on: bool) -> None:
        """Start (``on``) or end landscape pages within the current part, from the next block on.

        The change waits for content (:meth:`siap`): landscape blocks that follow one
        another share their pages, and a landscape block at the end leaves no empty page.
        """
        self._mau = on

    def siap(self) -> None:
        """Apply a pending :meth:`melintang` before a block is written at the top level."""
        on, self._mau = self._mau, None
        if on is None or self.bagian[-1].melintang == on:
            return
        if self.awal() and len(self.bagian) > 1 and self.bagian[-1].jenis != "sampul":
            self.bagian[-1] = Bagian(self.bagian[-1].jenis, on)
            self._orient(on)
            return
        self._close(before_headings=on)
        self._orient(on)
        self.bagian.append(Bagian(self.bagian[-1].jenis, on))

    def _orient(self, landscape: bool) -> None:
        s = self._section
        wide = s.page_width > s.page_height
        if wide != landscape:
            s.page_width, s.page_height = s.page_height, s.page_width
            s.left_margin, s.top_margin, s.right_margin, s.bottom_margin = (
                (s.top_margin, s.right_margin, s.bottom_margin, s.left_margin) if landscape
                else (s.bottom_margin, s.left_margin, s.top_margin, s.right_margin)
            )
        s.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT

    def selesai(self) -> None:
        """Drop a last section that stayed empty (a landscape block at the very end)."""
        while self.awal() and len(self.bagian) > 1:
            holder = self._last()
            assert holder is not None  # awal() with more than one section: the previous section's end
            closing = holder.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
            final = self.body.sectPr
            final.addprevious(closing)
            self.body.remove(final)
            if len(holder) == 1 and len(holder[0]) == 0:
                self.body.remove(holder)
            self.bagian.pop()


def _style_id(node: Any) -> str:
    style = node.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else ""


def sampul(doc: Any, meta: ReportMeta, logo_png: bytes | None) -> None:
    """The cover, as the PDF's: DRAF mark, logo, title, year, Pemda and kecamatan, date."""
    import io

    if meta.is_draf:
        doc.add_paragraph(TEKS_DRAF_KEPALA, style="LKIP Sampul Edisi")
    if logo_png:
        doc.add_paragraph(style="LKIP Gambar").add_run().add_picture(io.BytesIO(logo_png), width=Mm(40))
    judul = doc.add_paragraph(style="LKIP Sampul Judul")
    for index, line in enumerate(("LAPORAN KINERJA", "INSTANSI PEMERINTAH", f"({meta.singkatan})")):
        if index:
            judul.add_run().add_break(WD_BREAK.LINE)
        judul.add_run(line)
    doc.add_paragraph(str(meta.tahun), style="LKIP Sampul Tahun")
    instansi = doc.add_paragraph(f"PEMERINTAH KABUPATEN {meta.kabupaten.upper()}", style="LKIP Sampul Instansi")
    instansi.add_run().add_break(WD_BREAK.LINE)
    instansi.add_run(f"KECAMATAN {meta.kecamatan.upper()}")
    if meta.tanggal:
        doc.add_paragraph(meta.tanggal, style="LKIP Sampul Tanggal")


def _clear_references(sectpr: Any) -> None:
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg", "w:pgNumType"):
        for node in sectpr.findall(qn(tag)):
            sectpr.remove(node)


def _page_numbers(sectpr: Any, fmt: str, start: int | None) -> None:
    node = el("w:pgNumType", fmt=fmt)
    if start is not None:
        node.set(qn("w:start"), str(start))
    following = [qn(t) for t in ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                                 "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings")]
    for index, child in enumerate(sectpr):
        if child.tag in following:
            sectpr.insert(index, node)
            return
    sectpr.append(node)


def _header(section: Any, meta: ReportMeta, teks_contoh: str, bagian: Bagian, number: int, lebar: int) -> None:
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    paragraph.style = "LKIP Kepala Halaman"
    if bagian.jenis != "sampul":
        ppr = paragraph._p.get_or_add_pPr()
        tabs = el("w:tabs")
        tabs.append(el("w:tab", val="center", pos=str(lebar // 2)))
        tabs.append(el("w:tab", val="right", pos=str(lebar)))
        ppr.append(tabs)
        paragraph.add_run(f"Kecamatan {meta.kecamatan}\t")
        middle = " \u00b7 ".join(t for t, on in ((TEKS_DRAF_KEPALA, meta.is_draf), (teks_contoh, meta.is_contoh)) if on)
        if middle:
            run = paragraph.add_run(middle)
            run.bold = True
            run.font.color.rgb = RGBColor.from_string("A33B00")
        paragraph.add_run(f"\t{meta.singkatan} {meta.tahun}")
    if meta.is_draf:
        paragraph._p.append(watermark_run(TEKS_DRAF_KEPALA, number, bagian.melintang))


def _footer(section: Any, bagian: Bagian) -> None:
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.style = "LKIP Kaki Halaman"
    if bagian.jenis == "sampul":
        return
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in field_runs("PAGE", cached=""):
        paragraph._p.append(run)


def kepala_kaki(doc: Any, bagian: list[Bagian], meta: ReportMeta, teks_contoh: str) -> None:
    """Header, footer and page numbering of every section (see the module doc)."""
    sections = list(doc.sections)
    for section in sections:
        _clear_references(section._sectPr)
    seen: set[str] = set()
    for number, (section, part) in enumerate(zip(sections, bagian, strict=True), start=1):
        lebar = _twips(section.page_width) - _twips(section.left_margin) - _twips(section.right_margin)
        _header(section, meta, teks_contoh, part, number, lebar)
        _footer(section, part)
        if part.jenis != "sampul":
            fmt = "lowerRoman" if part.jenis == "depan" else "decimal"
            _page_numbers(section._sectPr, fmt, 1 if part.jenis not in seen else None)
            seen.add(part.jenis)

