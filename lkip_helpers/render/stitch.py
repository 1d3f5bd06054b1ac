"""Stitch executed chapter notebooks into one self-contained HTML report.

What the stitcher expects from the notebooks (the markers of :mod:`lkip_helpers.present.display`):

* ``h1``/``h2`` elements with an ``id`` (``bab()``/``subbab()``, or markdown headings)
  build the Daftar Isi, in document order;
* ``<figure class="lkip-tabel|lkip-gambar" id data-nomor data-judul>`` build the Daftar
  Tabel and Daftar Gambar; numbers are shown as the notebooks give them;
* a display output with ``metadata["lkip"]["chart_id"]`` and a Vega-Lite spec gets one
  ``vegaEmbed`` call on its container;
* optionally one ``daftar_isi()`` marker says where the lists go; without it they go
  after a leading KATA PENGANTAR, else right after the cover;
* the first ``h1`` whose text starts with "BAB" (BAB I) ends the front matter: the cover,
  Kata Pengantar, the lists and Ikhtisar Eksekutif are numbered i, ii, iii in the PDF,
  the chapters from BAB I on 1, 2, 3 (``div.lkip-depan`` / ``div.lkip-utama``).

The edition (``ReportMeta.edisi``) is on the page: a draft carries a "DRAF" banner
(screen), a diagonal "DRAF" watermark and "DRAF" in the running header on every printed
page, and "DRAF" on the cover; the final edition none of them.  Both variants record
the edition in ``<meta name="lkip-edisi">``.

Code, prompts, streams, the injected parameters and the provenance cell stay out of the
report; :func:`notebook_html` renders one notebook with its code for reviewers.
"""

from __future__ import annotations

import copy
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat

from ..present import theme as charts_theme
from ..present.display import TEKS_CONTOH

__all__ = ["EDISI", "TEKS_DRAF", "Entry", "Report", "ReportMeta", "build_report", "notebook_html", "stitch"]

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DAFTAR_ISI_MARKER = '<div class="lkip-tempat-daftar-isi"></div>'
_VEGALITE = "application/vnd.vegalite."
#: Ids the page template uses itself; chapter ids that collide get a suffix.
_PAGE_IDS = (
    "sampul",
    "daftar-isi",
    "daftar-tabel",
    "daftar-gambar",
    "daftar-isi-judul",
    "daftar-tabel-judul",
    "daftar-gambar-judul",
)
#: The editions of a report: a draft for review, the final one to be signed.
EDISI = ("draf", "final")
#: The banner of a draft (screen page and reviewer notebooks).
TEKS_DRAF = "DRAF \u2014 belum final: isi laporan masih dapat berubah sebelum disahkan dan ditandatangani"


@dataclass(frozen=True)
class ReportMeta:
    """What the cover and the running header say."""

    kecamatan: str
    kabupaten: str
    tahun: int
    tanggal: str = ""
    is_contoh: bool = False
    singkatan: str = "LKIP"
    judul: str = "Laporan Kinerja Instansi Pemerintah"
    edisi: str = "draf"  # "draf" (watermark, banner) or "final" (neither)
    logo: str = ""  # the Pemda's logo for the cover as a data: URI (re-encoded PNG), "" for none

    def __post_init__(self) -> None:
        if self.edisi not in EDISI:
            msg = f"edisi harus 'draf' atau 'final', bukan {self.edisi!r}"
            raise ValueError(msg)

    @property
    def is_draf(self) -> bool:
        """True for a draft: the page carries the DRAF banner, watermark and cover mark."""
        return self.edisi == "draf"

    @property
    def judul_lengkap(self) -> str:
        """Title of the HTML page and of the PDF."""
        return f"{self.judul} ({self.singkatan}) Kecamatan {self.kecamatan} Tahun {self.tahun}"


@dataclass(frozen=True)
class Entry:
    """One line of the Daftar Isi / Tabel / Gambar."""

    id: str
    teks: str
    level: int = 1
    depan: bool = False  # in the front matter: its page number is a Roman numeral


@dataclass
class Report:
    """The stitched content, renderable as the screen page or the print page."""

    meta: ReportMeta
    sebelum: str
    sesudah: str
    daftar_isi: list[Entry]
    daftar_tabel: list[Entry]
    daftar_gambar: list[Entry]
    grafik: list[dict[str, str]] = field(default_factory=list)

    def html(self, variant: str = "layar", mesin: str = "weasyprint") -> str:
        """Return the page: ``"layar"`` (screen, interactive charts) or ``"cetak"`` (PDF).

        ``mesin`` is the PDF engine the print page is for (:data:`lkip_helpers.render.pdf.MESIN`):
        Chromium's page carries its running header as text and empty page-number slots in
        the Daftar Isi/Tabel/Gambar, which the engine fills from a first print.
        """
        if variant not in {"layar", "cetak"}:
            msg = f"variant harus 'layar' atau 'cetak', bukan {variant!r}"
            raise ValueError(msg)
        if mesin not in {"weasyprint", "chromium"}:
            msg = f"mesin harus 'weasyprint' atau 'chromium', bukan {mesin!r}"
            raise ValueError(msg)
        depan, utama = _split_front(self.sesudah)
        meta = self.meta
        edisi = ("DRAF \u00b7 " if meta.is_contoh else "DRAF") if meta.is_draf else ""
        return (
            _jinja()
            .get_template("laporan.html.j2")
            .render(
                variant=variant,
                meta=self.meta,
                teks_contoh=TEKS_CONTOH,
                teks_draf=TEKS_DRAF,
                kepala_cetak=_css_string(
                    " \u00b7 ".join(t for t, on in ((TEKS_DRAF, self.meta.is_draf), (TEKS_CONTOH, self.meta.is_contoh))
                                     if on)
                ),
                css_layar=_asset("lkip.css"),
                css_cetak=_asset("cetak.css"),
                mesin=mesin,
                teks_edisi=edisi,
                css_chromium=_asset("cetak_chromium.css") if mesin == "chromium" else "",
                kepala_kiri=_css_string(f"Kecamatan {meta.kecamatan}"),
                kepala_kanan=_css_string(f"LKIP {meta.tahun}"),
                kepala_tengah=_css_string(edisi + (TEKS_CONTOH if meta.is_contoh else "")),
                sebelum=self.sebelum,
                depan=depan,
                utama=utama,
                daftar_isi=self.daftar_isi,
                daftar_tabel=self.daftar_tabel,
                daftar_gambar=self.daftar_gambar,
                id_daftar_isi="daftar-isi-judul",
                id_daftar_tabel="daftar-tabel-judul",
                id_daftar_gambar="daftar-gambar-judul",
                grafik=self.grafik,
                vega_js=charts_theme.vega_bundle() if (self.grafik and variant == "layar") else "",
                opsi_json=json.dumps(charts_theme.embed_options(), sort_keys=True, ensure_ascii=False),
            )
        )


def _css_string(text: str) -> str:
    """``text`` as a quoted CSS string for a ``<style>`` element; ``""`` for no text."""
    if not text:
        return ""
    escaped = "".join(c if c.isalnum() or c in " .,:;-\u2014\u00b7" else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


@cache
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


@cache
def _jinja() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


@cache  # one exporter per variant and process: building one costs more than using it
def _exporter(template: str, with_code: bool) -> Any:
    return _exporter_class()(
        template_name=template,
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=not with_code,
        anchor_link_text="",
        embed_images=True,
    )


@cache
def _exporter_class() -> type:
    """nbconvert's HTMLExporter without its closing pass over the page it wrote.

    ``HTMLExporter.from_notebook_node`` parses every page once more with BeautifulSoup
    (pure Python) to give ``<img>`` without ``alt`` a placeholder text and JupyterLab's
    cell wrappers a ``tabindex``, then writes it out again: about a third of the cost of
    stitching a report.  Our templates are classic ones (no JupyterLab cell wrappers)
    and every image the chapters display has its own alt text
    (``tests/test_report_umbulsari.py``), so here that pass changed nothing but the
    serialisation.  The rest of the method is nbconvert's own.
    """
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class LkipHTMLExporter(HTMLExporter):
        def from_notebook_node(  # type: ignore[override]
            self, nb: Any, resources: Any = None, **kw: Any
        ) -> tuple[str, dict[str, Any]]:
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            highlight = self.filters.get("highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self))
            resources = self._init_resources(resources)
            data_type = WidgetsDataTypeFilter(notebook_metadata=self._nb_metadata, parent=self, resources=resources)
            self.register_filter("highlight_code", highlight)
            self.register_filter("filter_data_type", data_type)
            out: tuple[str, dict[str, Any]] = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return out

    return LkipHTMLExporter


class _Markers(HTMLParser):
    """Collect headings (h1/h2 with id) and lkip figures, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[Entry] = []
        self.tables: list[Entry] = []
        self.figures: list[Entry] = []
        self._heading: tuple[int, str] | None = None
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in {"h1", "h2"} and a.get("id") and self._heading is None:
            self._heading, self._text = (int(tag[1]), a["id"]), []
        elif tag == "a" and "anchor-link" in a.get("class", "") and self._heading:
            self._skip += 1
        elif tag == "figure" and a.get("id"):
            classes = a.get("class", "").split()
            text = " ".join(x for x in (a.get("data-nomor", ""), a.get("data-judul", "")) if x)
            if "lkip-tabel" in classes:
                self.tables.append(Entry(a["id"], text))
            elif "lkip-gambar" in classes:
                self.figures.append(Entry(a["id"], text))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip:
            self._skip -= 1
        elif self._heading and tag == f"h{self._heading[0]}":
            level, anchor = self._heading
            text = re.sub(r"\s+", " ", "".join(self._text)).strip()
            self.headings.append(Entry(anchor, text, level))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading and not self._skip:
            self._text.append(data)


def _markers(fragment: str) -> _Markers:
    parser = _Markers()
    parser.feed(fragment)
    parser.close()
    return parser


def _unique(anchor: str, seen: dict[str, int]) -> str:
    count = seen.get(anchor, 0) + 1
    seen[anchor] = count
    return anchor if count == 1 else f"{anchor}-{count}"


def _prepare(nb: Any, seen: dict[str, int]) -> tuple[Any, list[dict[str, str]]]:
    """Copy ``nb`` with report-wide unique figure ids; return it and its charts."""
    nb = copy.deepcopy(nb)
    charts: list[dict[str, str]] = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            info = out.get("metadata", {}).get("lkip")
            if not info or "nomor" not in info or "text/html" not in out.get("data", {}):
                continue  # headings get unique ids later, from the exported HTML
            old, new = info["id"], _unique(info["id"], seen)
            if new != old:
                html_text = out.data["text/html"]
                html_text = html_text.replace(f'id="{old}"', f'id="{new}"')
                out.data["text/html"] = html_text.replace(f'id="{old}-vis"', f'id="{new}-vis"')
                info["id"] = new
                if "chart_id" in info:
                    info["chart_id"] = f"{new}-vis"
            spec_key = next((k for k in out.data if k.startswith(_VEGALITE)), None)
            if "chart_id" in info and spec_key:
                spec = out.data[spec_key]
                spec = json.loads(spec) if isinstance(spec, str) else spec
                svg = out.data.get("image/svg+xml", "")
                charts.append({"id": info["chart_id"], "spec_json": charts_theme.spec_json_for_script(spec),
                               "svg": "".join(svg) if isinstance(svg, list) else svg})
    return nb, charts


_HEADING_ID = re.compile(r'(<h[1-3]\b[^>]*?\bid=")([^"]+)(")')


def _unique_headings(fragment: str, seen: dict[str, int]) -> str:
    """Suffix repeated heading ids (two chapters may both have "A. Umum")."""

    def repl(match: re.Match[str]) -> str:
        return f"{match.group(1)}{_unique(match.group(2), seen)}{match.group(3)}"

    return _HEADING_ID.sub(repl, fragment)


def _chapter_fragment(nb: Any, index: int, name: str, seen: dict[str, int]) -> tuple[str, list]:
    nb, charts = _prepare(nb, seen)
    body, _ = _exporter("lkip_bab", with_code=False).from_notebook_node(nb)
    body = _unique_headings(body.strip(), seen)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or f"bagian-{index}"
    section = f'<section class="lkip-bagian" id="bagian-{slug}" data-bab="{index}">\n{body}\n</section>\n'
    return section, charts


def _split_for_lists(body: str) -> tuple[str, str]:
    """Where the Daftar Isi goes: marker, else after a leading KATA PENGANTAR, else first."""
    if DAFTAR_ISI_MARKER in body:
        before, after = body.split(DAFTAR_ISI_MARKER, 1)
        return before, after
    h1s = [m.start() for m in re.finditer(r"<h1\b", body)]
    if len(h1s) >= 2:
        first = _markers(body[h1s[0] : h1s[1]]).headings
        if first and first[0].teks.upper().startswith("KATA PENGANTAR"):
            return body[: h1s[1]], body[h1s[1] :]
    return "", body


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S | re.I)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class _Ancestors(HTMLParser):
    """The open elements at the end of a fragment: ``(tag, start offset, start tag text)``."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self._lines = [0]
        for match in re.finditer("\n", text):
            self._lines.append(match.end())
        self.open: list[tuple[str, int, str]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            line, col = self.getpos()
            self.open.append((tag, self._lines[line - 1] + col, self.get_starttag_text() or f"<{tag}>"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        return  # <x/>: opens nothing

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth][0] == tag:
                del self.open[depth:]
                return


def _split_front(body: str) -> tuple[str, str]:
    """Split the chapters after the lists at BAB I: ``(rest of the front matter, main part)``.

    The main part starts at the first ``h1`` whose text starts with "BAB" (or at the
    element that holds it, e.g. a markdown cell).  When its chapter section has visible
    content before it, the section is closed there and reopened (without its id).
    Without such a heading everything after the lists is the main part.
    """
    start = next(
        (m.start() for m in _H1.finditer(body)
         if re.match(r"BAB\b", html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip(), re.I)),
        None,
    )
    if start is None:
        return "", body
    ancestors = _Ancestors(body[:start]).open
    if not ancestors:
        return body[:start], body[start:]
    tag, section_start, section_tag = ancestors[0]
    cut = ancestors[1][1] if len(ancestors) > 1 else start
    if tag != "section":
        return body[:section_start], body[section_start:]
    inner = body[section_start + len(section_tag) : cut]
    if not re.sub(r"<!--.*?-->", "", inner).strip():
        return body[:section_start], body[section_start:]
    reopened = re.sub(r'\s+id="[^"]*"', "", section_tag)
    reopened = reopened.replace('class="lkip-bagian"', 'class="lkip-bagian lkip-bagian-lanjutan"', 1)
    return body[:cut] + "</section>\n", f"{reopened}\n{body[cut:]}"


def _load(nb: nbformat.NotebookNode | str | Path) -> nbformat.NotebookNode:
    if isinstance(nb, str | Path):
        return nbformat.read(Path(nb), as_version=4)
    return nb


def build_report(notebooks: Sequence[Any], meta: ReportMeta, names: Iterable[str] | None = None) -> Report:
    """Export every executed notebook (paths or NotebookNodes, in order) into a Report."""
    nbs = [_load(nb) for nb in notebooks]
    labels = (
        list(names)
        if names is not None
        else [Path(nb).stem if isinstance(nb, str | Path) else f"bab-{i}" for i, nb in enumerate(notebooks)]
    )
    seen: dict[str, int] = dict.fromkeys(_PAGE_IDS, 1)
    sections, charts = [], []
    for index, (nb, name) in enumerate(zip(nbs, labels, strict=True)):
        section, found = _chapter_fragment(nb, index, name, seen)
        sections.append(section)
        charts.extend(found)
    before, after = _split_for_lists("".join(sections))
    depan, utama = _split_front(after)
    m_before, m_depan, m_utama = _markers(before), _markers(depan), _markers(utama)

    def front(entries: list[Entry]) -> list[Entry]:
        return [replace(e, depan=True) for e in entries]

    tables = front(m_before.tables + m_depan.tables) + m_utama.tables
    figures = front(m_before.figures + m_depan.figures) + m_utama.figures
    toc = [
        *front(m_before.headings),
        Entry("daftar-isi-judul", "DAFTAR ISI", depan=True),
        *([Entry("daftar-tabel-judul", "DAFTAR TABEL", depan=True)] if tables else []),
        *([Entry("daftar-gambar-judul", "DAFTAR GAMBAR", depan=True)] if figures else []),
        *front(m_depan.headings),
        *m_utama.headings,
    ]
    return Report(
        meta=meta,
        sebelum=before,
        sesudah=after,
        daftar_isi=toc,
        daftar_tabel=tables,
        daftar_gambar=figures,
        grafik=charts,
    )


def stitch(notebooks: Sequence[Any], meta: ReportMeta, variant: str = "layar") -> str:
    """Return the report page built from executed notebooks (see :func:`build_report`)."""
    return build_report(notebooks, meta).html(variant)


def notebook_html(
    nb: nbformat.NotebookNode | str | Path, title: str | None = None, edisi: str | None = None
) -> str:
    """Return one executed notebook as offline HTML with its code, for reviewers.

    ``edisi`` (``"draf"``/``"final"``, as :attr:`ReportMeta.edisi`) puts the edition on the
    page: a ``<meta name="lkip-edisi">``, the edition next to the title, a banner for a draft.
    """
    if edisi is not None and edisi not in EDISI:
        msg = f"edisi harus 'draf' atau 'final', bukan {edisi!r}"
        raise ValueError(msg)
    node = _load(nb)
    name = title or node.metadata.get("title") or "Notebook"
    resources = {
        "lkip_title": name,
        "lkip_css": _asset("lkip.css") + _asset("notebook.css"),
        "lkip_edisi": edisi or "",
        "lkip_teks_draf": TEKS_DRAF,
    }
    body, _ = _exporter("lkip_notebook", with_code=True).from_notebook_node(node, resources=resources)
    return body
