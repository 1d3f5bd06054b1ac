"""The report's HTML content as Word paragraphs, lists, tables, captions, images and signature blocks.

:class:`Penulis` walks the stitched print page (the markers of
:mod:`lkip_helpers.present.display`) in document order and writes into a python-docx
document or table cell with the styles of :mod:`.gaya`: ``h1``/``h2``/``h3`` -> Heading
1-3 (bookmarked with their ids: the Daftar Isi links them), ``p.lkip-paragraf`` -> Body
Text, ``ol``/``ul`` -> Word lists, ``figure.lkip-tabel|lkip-gambar`` -> a caption
(Caption style, with a hidden SEQ field), the draft's marker, the Word table or the chart
(PNG) and the "Sumber data" line, HTML diagrams (organisation chart, cascading tree) ->
indented paragraphs, ``div.lkip-tanda-tangan`` -> a borderless table placing the block as
in the PDF.  Text is written as the HTML has it: draft markers and ``[belum diisi: ...]``
placeholders stay.  Page layout (sections, landscape pages) is the caller's
(:class:`Halaman`, passed in).
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Emu
from docx.table import _Cell

from .daftar import Penomoran, pakai_nomor
from .ooxml import bookmark, bookmark_name, el, field_runs
from .tabel import Sel, tulis_tabel
from .ttd import tulis_tanda_tangan

__all__ = ["Halaman", "Penulis"]

_SKIP = frozenset({"style", "script", "head", "title", "meta", "link", "noscript", "template"})
_INLINE = frozenset({"a", "em", "i", "strong", "b", "span", "sup", "sub", "br", "code", "small", "u", "abbr",
                     "mark", "s", "time", "label", "q", "cite", "kbd", "var", "font"})
_ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "left": WD_ALIGN_PARAGRAPH.LEFT}
_HEADING = {"h1": "Heading 1", "h2": "Heading 2", "h3": "Heading 3", "h4": "Heading 3", "h5": "Heading 3"}
_TWIP_EMU = 635  # 1 twip = 635 EMU


class Halaman(Protocol):
    """What the content needs from the page layout."""

    @property
    def lebar(self) -> int:
        """Text width of the current section, in twips."""

    def melintang(self, on: bool) -> None:
        """Start (``True``) or end landscape pages."""

    def awal(self) -> bool:
        """True when nothing has been written in the current section yet."""

    def siap(self) -> None:
        """Apply a pending change of orientation before a top-level block."""


@dataclass
class _Format:
    bold: bool = False
    italic: bool = False
    underline: bool = False
    sup: bool = False
    sub: bool = False
    mono: bool = False
    char_style: str | None = None
    link: str | None = None

    def but(self, **changes: Any) -> _Format:
        return _Format(**{**self.__dict__, **changes})


def _classes(node: Any) -> set[str]:
    return set((node.get("class") or "").split())


def _tag(node: Any) -> str:
    return node.tag.lower() if isinstance(node.tag, str) else ""


def _text(node: Any) -> str:
    return " ".join(node.text_content().split())


def _style_align(node: Any) -> str | None:
    found = re.search(r"text-align\s*:\s*(left|right|center|justify)", node.get("style") or "")
    return found.group(1) if found else None


@dataclass
class Penulis:
    """Writes HTML elements into a document (see the module doc)."""

    doc: Any
    halaman: Halaman
    grafik: Mapping[str, bytes] = field(default_factory=dict)  # chart container id -> PNG
    sasaran: frozenset[str] = frozenset()  # ids that links point at (bookmarked where they are)
    png: Callable[[str], bytes | None] = lambda _src: None  # data: URI (SVG etc.) -> PNG, when possible
    khusus: Callable[[Any, Any], bool] = lambda _container, _node: False  # the caller's own blocks (True: done)
    _bookmarks: int = 0
    _page_break: bool = False
    _nomor: Penomoran | None = None
    _ids: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ helpers
    @property
    def nomor(self) -> Penomoran:
        if self._nomor is None:
            self._nomor = Penomoran(self.doc)
        return self._nomor

    def tandai(self, p: Any, anchor: str) -> None:
        """Bookmark the paragraph ``p`` (``w:p``) as ``anchor``."""
        self._bookmarks += 1
        bookmark(p, bookmark_name(anchor), self._bookmarks)

    def gaya(self, name: str) -> str:
        """The style id of a style name (python-docx looks names up slowly in a large styles part)."""
        found = self._ids.get(name)
        if found is None:
            found = self._ids[name] = self.doc.styles[name].style_id
        return found

    def paragraf(self, container: Any, style: str | None = None) -> Any:
        if not isinstance(container, _Cell):
            self.halaman.siap()
        breaks = self._page_break and not isinstance(container, _Cell)
        if breaks:
            self._page_break = False
            breaks = not self.halaman.awal()  # a new section starts a page already
        paragraph = container.add_paragraph()
        if style:
            paragraph._p.get_or_add_pPr().style = self.gaya(style)
        if breaks:
            paragraph.paragraph_format.page_break_before = True
        return paragraph

    def halaman_baru(self) -> None:
        """The next paragraph starts a page (a heading of level 1 does anyway)."""
        self._page_break = True

    # ------------------------------------------------------------------ inline content
    def _run_text(self, paragraph: Any, text: str, f: _Format) -> None:
        if not text:
            return
        if f.link:
            link = el("w:hyperlink", anchor=bookmark_name(f.link), history="1")
            paragraph._p.append(link)
            from docx.text.run import Run

            run = Run(el("w:r"), paragraph)
            link.append(run._r)
            run.text = text
        else:
            run = paragraph.add_run(text)
        if f.char_style:
            run._r.get_or_add_rPr().style = self.gaya(f.char_style)
        run.bold = f.bold or None
        run.italic = f.italic or None
        run.underline = f.underline or None
        if f.sup:
            run.font.superscript = True
        if f.sub:
            run.font.subscript = True
        if f.mono:
            run.font.name = "Courier New"

    def inline(self, paragraph: Any, node: Any, f: _Format) -> None:
        """Write ``node``'s text and inline children into ``paragraph`` (text only, not its tail)."""
        tag = _tag(node)
        if tag in _SKIP or "anchor-link" in _classes(node):
            return
        anchor = node.get("id")
        if anchor and anchor in self.sasaran:
            self._bookmarks += 1
            paragraph._p.append(el("w:bookmarkStart", id=str(self._bookmarks), name=bookmark_name(anchor)))
            mark = self._bookmarks
        else:
            mark = 0
        classes = _classes(node)
        f = _css(node, f)
        if "gt_footnote_marks" in classes:
            f = f.but(sup=True)
        if tag in ("strong", "b") or "lkip-ttd-nama" in classes:
            f = f.but(bold=True, underline=f.underline or "lkip-ttd-nama" in classes)
        if tag in ("em", "i", "cite"):
            f = f.but(italic=True)
        if tag == "u":
            f = f.but(underline=True)
        if tag in ("sup", "sub"):
            f = f.but(**{tag: True})
        if tag in ("code", "kbd"):
            f = f.but(mono=True)
        if "lkip-penanda" in classes:
            f = f.but(char_style="LKIP Penanda Huruf")
        if tag == "a" and (node.get("href") or "").startswith("#") and not f.link:
            f = f.but(link=node.get("href")[1:])
        if tag == "br":
            paragraph.add_run().add_break(WD_BREAK.LINE)
        elif tag == "img":
            self._picture(paragraph, node)
        else:
            self._run_text(paragraph, _collapse(node.text or ""), f)
            for child in node:
                self.inline(paragraph, child, f)
                self._run_text(paragraph, _collapse(child.tail or ""), f)
        if mark:
            paragraph._p.append(el("w:bookmarkEnd", id=str(mark)))

    def isi_paragraf(self, container: Any, node: Any, style: str | None, align: str | None = None) -> Any:
        """One paragraph of ``node``'s inline content."""
        paragraph = self.paragraf(container, style)
        align = _style_align(node) or align
        if align:
            paragraph.alignment = _ALIGN[align]
        self.inline(paragraph, node, _Format())
        _trim(paragraph)
        anchor = node.get("id")
        if anchor and anchor in self.sasaran:
            self.tandai(paragraph._p, anchor)
        return paragraph

    # ------------------------------------------------------------------ blocks
    def campuran(self, container: Any, node: Any, style: str | None, align: str | None = None,
                 f: _Format | None = None) -> None:
        """Mixed content (a cell, a list item, a div): runs of inline content become paragraphs."""
        f = _css(node, f or _Format())
        paragraph = None

        def current() -> Any:
            nonlocal paragraph
            if paragraph is None:
                paragraph = self.paragraf(container, style)
                if align:
                    paragraph.alignment = _ALIGN[align]
            return paragraph

        if (node.text or "").strip():
            self._run_text(current(), _collapse(node.text or ""), f)
        for child in node:
            tag = _tag(child)
            if tag and tag not in _INLINE and tag != "img" and tag not in _SKIP:
                if paragraph is not None:
                    _trim(paragraph)
                paragraph = None
                self.blok(container, child, style, align)
            elif tag:
                self.inline(current(), child, f)
            if (child.tail or "").strip() or (paragraph is not None and child.tail):
                self._run_text(current(), _collapse(child.tail or ""), f)
        if paragraph is not None:
            _trim(paragraph)

    def blok(self, container: Any, node: Any, style: str | None = None, align: str | None = None) -> None:
        """Write one block element (see the module doc)."""
        tag, classes = _tag(node), _classes(node)
        if not tag or tag in _SKIP or classes & {"lkip-meta", "lkip-tanda-air", "lkip-banner-atas"}:
            return
        if self.khusus(container, node):
            return
        if tag in _HEADING:
            self.judul(container, node, _HEADING[tag])
        elif tag == "p":
            self.isi_paragraf(container, node, _gaya_p(classes, style), align)
        elif tag in ("ol", "ul"):
            self.daftar(container, node, 0)
        elif tag == "figure":
            self.figur(container, node)
        elif tag == "table":
            self.tabel(container, node, garis="lkip-keputusan-isi" not in classes)
        elif "lkip-tanda-tangan" in classes:
            self.tanda_tangan(container, [node])
        elif "lkip-ttd-pk" in classes:
            self.tanda_tangan(container, [c for c in node if "lkip-tanda-tangan" in _classes(c)])
        elif "lkip-halaman-baru" in classes:
            self.halaman_baru()
        elif "lkip-melintang" in classes and not isinstance(container, _Cell):
            self.halaman.melintang(True)
            self.campuran(container, node, style, align)
            self.halaman.melintang(False)
        elif classes & {"lkip-org", "lkip-pohon"}:
            self.bagan(container, node)
        elif "lkip-chart" in classes:
            self.grafik_(container, node)
        elif classes & {"lkip-banner-contoh", "lkip-banner-draf"}:
            self.isi_paragraf(container, node, "LKIP Banner")
        elif tag == "pre":
            for line in (node.text_content() or "").splitlines() or [""]:
                self._run_text(self.paragraf(container, style), line, _Format(mono=True))
        elif tag == "hr":
            return
        else:
            self.campuran(container, node, style, align)

    def judul(self, container: Any, node: Any, style: str) -> None:
        paragraph = self.paragraf(container, style)
        self.inline(paragraph, node, _Format())
        _trim(paragraph)
        if node.get("id"):
            self.tandai(paragraph._p, node.get("id"))

    def daftar(self, container: Any, node: Any, level: int, num_id: int | None = None) -> None:
        ordered = _tag(node) == "ol"
        kinds = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "1": "decimal"}
        kind = kinds.get(node.get("type") or "1", "decimal")
        start = int(node.get("start") or 1) if (node.get("start") or "1").isdigit() else 1
        num = self.nomor.daftar(ordered, kind, start)
        style = "List Number" if ordered else "List Bullet"
        for item in node:
            if _tag(item) != "li":
                continue
            inner_lists = [c for c in item if _tag(c) in ("ol", "ul")]
            for sub in inner_lists:
                item.remove(sub)  # written after the item's own text, one level deeper
            before = len(container.paragraphs) if hasattr(container, "paragraphs") else 0
            self.campuran(container, item, style)
            paragraphs = container.paragraphs if hasattr(container, "paragraphs") else []
            if len(paragraphs) > before:
                pakai_nomor(paragraphs[before], num, level)
                for extra in paragraphs[before + 1 :]:
                    extra.paragraph_format.left_indent = Emu(425 * (level + 1) * _TWIP_EMU)
            for sub in inner_lists:
                self.daftar(container, sub, level + 1)

    def bagan(self, container: Any, node: Any, level: int = 0) -> None:
        """An HTML diagram (organisation chart, cascading tree) as indented paragraphs, one per box."""
        for item in node.iter("li"):
            depth = sum(1 for a in item.iterancestors("li"))
            paragraph = self.paragraf(container, "LKIP Bagan")
            paragraph.paragraph_format.left_indent = Emu(int(6.5 * 36000 * depth))
            box = next((c for c in item if _tag(c) == "span"), None)
            if box is None:
                continue
            kind = next((c for c in box if "lkip-jenis" in _classes(c)), None)
            if kind is not None:
                self._run_text(paragraph, _text(kind) + ": ", _Format(bold=True))
                rest = _collapse(kind.tail or "")
                self._run_text(paragraph, rest, _Format())
                for child in box:
                    if child is not kind:
                        self.inline(paragraph, child, _Format(italic="lkip-ket" in _classes(child)))
                        self._run_text(paragraph, _collapse(child.tail or ""), _Format())
            else:
                self.inline(paragraph, box, _Format(bold=depth == 0))
            _trim(paragraph)

    def figur(self, container: Any, node: Any) -> None:
        classes = _classes(node)
        if classes & {"lkip-tabel", "lkip-gambar"}:
            jenis = "Tabel" if "lkip-tabel" in classes else "Gambar"
            self.keterangan(container, node, jenis)
            for child in node:
                if _tag(child) != "figcaption":
                    self.blok(container, child)
        elif "lkip-foto" in classes:
            for child in node:
                if _tag(child) == "img":
                    paragraph = self.paragraf(container, "LKIP Gambar")
                    self._picture(paragraph, child)
                elif _tag(child) == "figcaption":
                    self.isi_paragraf(container, child, "LKIP Keterangan Foto")
        else:
            self.campuran(container, node, None)

    def keterangan(self, container: Any, node: Any, jenis: str) -> None:
        """The caption: Caption style, catalogue number and title, a hidden SEQ field for Word's lists."""
        paragraph = self.paragraf(container, "Caption")
        for run in field_runs(f"SEQ {jenis} \\h", hidden=True):
            paragraph._p.append(run)
        nomor, judul = node.get("data-nomor") or "", node.get("data-judul") or ""
        if not (nomor or judul):
            caption = next((c for c in node if _tag(c) == "figcaption"), None)
            judul = _text(caption) if caption is not None else ""
        paragraph.add_run(" ".join(x for x in (nomor, judul) if x))
        if node.get("id"):
            self.tandai(paragraph._p, node.get("id"))

    def tabel(self, container: Any, node: Any, garis: bool = True) -> None:
        if not isinstance(container, _Cell):
            self.halaman.siap()
        lebar = self.halaman.lebar if not isinstance(container, _Cell) else _cell_width(container)

        def tulis(cell: _Cell, element: Any, sel: Sel) -> None:
            style = "LKIP Tabel Kepala" if sel.kepala and garis else "LKIP Tabel" if garis else None
            f_align = "center" if sel.kepala and garis else sel.align
            self.campuran(cell, element, style, f_align, _Format(bold=sel.kelompok))

        feet = tulis_tabel(container, node, lebar if garis else int(lebar * 0.98), tulis, garis=garis,
                           gaya_kosong=self.gaya("LKIP Tabel") if garis else None)
        for foot in feet:
            for cell in foot.iter("td", "th"):
                if _text(cell):
                    self.campuran(container, cell, "LKIP Catatan Tabel")

    def grafik_(self, container: Any, node: Any) -> None:
        paragraph = self.paragraf(container, "LKIP Gambar")
        data = self.grafik.get(node.get("id") or "")
        if data is None:
            img = next(node.iter("img"), None)
            if img is not None:
                self._picture(paragraph, img)
            return
        self._add_png(paragraph, data, scale=3.0)

    def _add_png(self, paragraph: Any, data: bytes, scale: float) -> None:
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            width_px = image.width / scale
        width = min(int(width_px / 96 * 914400), int(self.halaman.lebar * _TWIP_EMU))
        paragraph.add_run().add_picture(io.BytesIO(data), width=Emu(width))

    def _picture(self, paragraph: Any, img: Any) -> None:
        src = img.get("src") or ""
        match = re.match(r"data:image/(png|jpeg|jpg|gif);base64,(.*)$", src, re.S)
        if match:
            self._add_png(paragraph, base64.b64decode(match.group(2)), scale=1.5)
            return
        converted = self.png(src) if src.startswith("data:") else None
        if converted:
            self._add_png(paragraph, converted, scale=3.0)
        else:
            paragraph.add_run(f"[gambar: {img.get('alt') or 'tidak dapat dimuat'}]")

    def tanda_tangan(self, container: Any, blocks: list[Any]) -> None:
        """Signature blocks as in the PDF (:func:`.ttd.tulis_tanda_tangan`)."""
        if not isinstance(container, _Cell):
            self.halaman.siap()
        lebar = self.halaman.lebar if not isinstance(container, _Cell) else _cell_width(container)
        tulis_tanda_tangan(self, container, blocks, lebar)


def _cell_width(cell: _Cell) -> int:
    tcw = cell._tc.tcPr.find(qn("w:tcW")) if cell._tc.tcPr is not None else None
    return int(tcw.get(qn("w:w"))) - 114 if tcw is not None else 4000


def _gaya_p(classes: set[str], default: str | None) -> str | None:
    if "lkip-sumber" in classes:
        return "LKIP Sumber"
    if "lkip-penanda-blok" in classes:
        return "LKIP Penanda"
    if "lkip-paragraf" in classes:
        return default if default else "Body Text"
    if classes & {"lkip-ket", "lkip-keterangan"}:
        return default or "LKIP Catatan Tabel"
    return default


def _css(node: Any, f: _Format) -> _Format:
    """Bold and italic from an element's inline style (great_tables writes them there)."""
    style = (node.get("style") or "").replace(" ", "").lower()
    if "font-weight:bold" in style or "font-weight:700" in style:
        f = f.but(bold=True)
    if "font-style:italic" in style:
        f = f.but(italic=True)
    return f


def _collapse(text: str) -> str:
    return re.sub(r"[ \t\r\n\f]+", " ", text)


def _trim(paragraph: Any) -> None:
    """Strip the whitespace HTML would not show at the start and end of a paragraph."""
    runs = paragraph._p.findall(f".//{qn('w:t')}")
    if runs:
        runs[0].text = (runs[0].text or "").lstrip()
        runs[-1].text = (runs[-1].text or "").rstrip()

