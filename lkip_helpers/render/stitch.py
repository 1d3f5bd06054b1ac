"""Stitch executed chapter notebooks into one self-contained HTML report.

What the stitcher expects from the notebooks (the markers of :mod:`lkip_helpers.present.display`):

* ``h1``/``h2`` elements with an ``id`` (``bab()``/``subbab()``, or markdown headings)
  build the Daftar Isi, in document order;
* ``<figure class="lkip-tabel|lkip-gambar" id data-nomor data-judul>`` build the Daftar
  Tabel and Daftar Gambar; numbers are shown as the notebooks give them;
* a display output with ``metadata["lkip"]["chart_id"]`` and a Vega-Lite spec gets one
  ``vegaEmbed`` call on its container;
* optionally one ``daftar_isi()`` marker says where the lists go; without it they go
  after a leading KATA PENGANTAR, else right after the cover.

Code, prompts, streams, the injected parameters and the provenance cell stay out of the
report; :func:`notebook_html` renders one notebook with its code for reviewers.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat

from ..present import theme as charts_theme
from ..present.display import TEKS_CONTOH

__all__ = ["Entry", "Report", "ReportMeta", "build_report", "notebook_html", "stitch"]

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

    def html(self, variant: str = "layar") -> str:
        """Return the page: ``"layar"`` (screen, interactive charts) or ``"cetak"`` (PDF)."""
        if variant not in {"layar", "cetak"}:
            msg = f"variant harus 'layar' atau 'cetak', bukan {variant!r}"
            raise ValueError(msg)
        return (
            _jinja()
            .get_template("laporan.html.j2")
            .render(
                variant=variant,
                meta=self.meta,
                teks_contoh=TEKS_CONTOH,
                css_layar=_asset("lkip.css"),
                css_cetak=_asset("cetak.css"),
                sebelum=self.sebelum,
                sesudah=self.sesudah,
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
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name=template,
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=not with_code,
        exclude_input_prompt=not with_code,
        exclude_output_prompt=not with_code,
        anchor_link_text="",
        embed_images=True,
    )


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
                charts.append({"id": info["chart_id"], "spec_json": charts_theme.spec_json_for_script(spec)})
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
    m_before, m_after = _markers(before), _markers(after)
    toc = [
        *m_before.headings,
        Entry("daftar-isi-judul", "DAFTAR ISI"),
        *([Entry("daftar-tabel-judul", "DAFTAR TABEL")] if m_before.tables or m_after.tables else []),
        *([Entry("daftar-gambar-judul", "DAFTAR GAMBAR")] if m_before.figures or m_after.figures else []),
        *m_after.headings,
    ]
    return Report(
        meta=meta,
        sebelum=before,
        sesudah=after,
        daftar_isi=toc,
        daftar_tabel=m_before.tables + m_after.tables,
        daftar_gambar=m_before.figures + m_after.figures,
        grafik=charts,
    )


def stitch(notebooks: Sequence[Any], meta: ReportMeta, variant: str = "layar") -> str:
    """Return the report page built from executed notebooks (see :func:`build_report`)."""
    return build_report(notebooks, meta).html(variant)


def notebook_html(nb: nbformat.NotebookNode | str | Path, title: str | None = None) -> str:
    """Return one executed notebook as offline HTML with its code, for reviewers."""
    node = _load(nb)
    name = title or node.metadata.get("title") or "Notebook"
    resources = {"lkip_title": name, "lkip_css": _asset("lkip.css") + _asset("notebook.css")}
    body, _ = _exporter("lkip_notebook", with_code=True).from_notebook_node(node, resources=resources)
    return body
