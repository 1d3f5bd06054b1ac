"""What chapter notebooks call to show things in the report.

Every function returns a display object (:class:`Tampilan`): the last expression of a
cell shows it, ``IPython.display.display(obj)`` shows several.  The HTML carries the
markers the stitcher reads (see ``docs`` in :mod:`lkip_helpers.render.stitch`):

* ``<h1 class="lkip-bab" id=...>`` and ``<h2 class="lkip-subbab" id=...>`` build the
  Daftar Isi; ``h1`` starts a new page in the PDF;
* ``<figure class="lkip-tabel" id=... data-nomor=... data-judul=...>`` builds the
  Daftar Tabel, ``<figure class="lkip-gambar" ...>`` the Daftar Gambar;
* a chart's container ``<div class="lkip-chart" id=...>`` gets one ``vegaEmbed`` call.

Ids are deterministic (slugs of the number or the text), never random.  Text that comes
from the data is escaped: ``<script>`` or ``**markdown**`` in a data set shows literally.
"""

from __future__ import annotations

import base64
import html
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import theme as charts_theme

if TYPE_CHECKING:
    import altair as alt
    import great_tables as gt
    import pandas as pd

__all__ = [
    "Tampilan",
    "bab",
    "banner_contoh",
    "butir",
    "daftar_isi",
    "foto",
    "gambar",
    "halaman_baru",
    "logo_data_uri",
    "melintang",
    "miring_asing",
    "paragraf",
    "penanda",
    "subbab",
    "subsubbab",
    "tabel",
    "tanda_tangan",
]

TEKS_CONTOH = "DATA CONTOH - bukan data resmi"
FOTO_MAKS_PX = 1200


class Tampilan:
    """A display object: a MIME bundle for IPython, plus the HTML for tests and tools."""

    def __init__(
        self,
        html_text: str,
        plain: str = "",
        *,
        data: dict[str, Any] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self.html = html_text
        self.plain = plain
        self._data = data
        self._metadata = metadata or {}

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> tuple[dict, dict]:
        data = dict(self._data) if self._data else {"text/html": self.html}
        data["text/plain"] = self.plain or re.sub(r"<[^>]+>", "", self.html).strip()
        return data, dict(self._metadata)

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"Tampilan({self.plain or self.html[:60]!r})"


def _e(text: object) -> str:
    """Escape data text for HTML (quotes too: it also goes into attributes)."""
    return html.escape(str(text), quote=True)


def _id(*parts: object) -> str:
    """Deterministic HTML id: ``("Tabel 3.1",)`` -> ``"tabel-3-1"``."""
    text = " ".join(str(p) for p in parts if p)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    return (text or "bagian")[:80].rstrip("-")


#: Foreign terms that stay in an Indonesian report are set in italics (PUEBI); the rest is Indonesian.
ISTILAH_ASING: tuple[str, ...] = ("good governance", "clean government", "public service", "e-government")
_ASING = re.compile(r"(?<![\w>])(" + "|".join(re.escape(t) for t in ISTILAH_ASING) + r")(?![\w<])", re.IGNORECASE)


def miring_asing(escaped: str) -> str:
    """Italicise the foreign terms of :data:`ISTILAH_ASING` in already escaped text."""
    return _ASING.sub(r"<em>\1</em>", escaped)


def _teks(text: object) -> str:
    """Escape text, italicise foreign terms, keep line breaks (blank line = new paragraph is the caller's)."""
    return miring_asing(_e(text)).replace("\n", "<br>\n")


def _heading(level: int, css: str, text: str) -> Tampilan:
    anchor = _id(text)
    markup = f'<h{level} class="{css}" id="{anchor}">{_e(text)}</h{level}>'
    return Tampilan(markup, str(text), metadata={"lkip": {"jenis": css, "id": anchor}})


def bab(text: str) -> Tampilan:
    """Chapter heading (``h1``): "BAB I PENDAHULUAN", "KATA PENGANTAR"; new page in the PDF."""
    return _heading(1, "lkip-bab", text)


def subbab(text: str) -> Tampilan:
    """Section heading (``h2``): "A. LATAR BELAKANG"; listed in the Daftar Isi."""
    return _heading(2, "lkip-subbab", text)


def subsubbab(text: str) -> Tampilan:
    """Sub-section heading (``h3``); not listed in the Daftar Isi."""
    return _heading(3, "lkip-subsubbab", text)


def penanda(nomor: Iterable[int]) -> str:
    """The draft's marker of open findings: a link to each in the reviewer's appendix ("" when none).

    Shown only in a draft (the final edition has no open finding); it reads
    "[periksa: temuan 3, 7]" and each number links to ``#temuan-N`` of Tabel L6.2.
    """
    numbers = sorted(set(nomor))
    if not numbers:
        return ""
    links = ", ".join(f'<a href="#temuan-{n}">{n}</a>' for n in numbers)
    return f'<span class="lkip-penanda">[periksa: temuan {links}]</span>'


def paragraf(text: str, penanda_temuan: Iterable[int] = ()) -> Tampilan:
    """One or more paragraphs of plain text (escaped); a blank line starts a new paragraph.

    ``penanda_temuan``: numbers of open findings about this text; the draft marker follows
    the last paragraph.
    """
    blocks = [b.strip() for b in re.split(r"\n\s*\n", str(text)) if b.strip()]
    mark = penanda(penanda_temuan)
    paras = [_teks(b) for b in blocks]
    if mark and paras:
        paras[-1] += f" {mark}"
    markup = "\n".join(f'<p class="lkip-paragraf">{p}</p>' for p in paras)
    return Tampilan(markup, str(text))


def butir(
    items: Iterable[object], bernomor: bool = True, penanda_temuan: Sequence[Iterable[int]] = ()
) -> Tampilan:
    """A list of plain-text items (escaped): numbered ``1. 2. 3.`` or bulleted.

    ``penanda_temuan``: per item, the numbers of open findings about it (the draft's marker).
    """
    tag = "ol" if bernomor else "ul"
    rows = [str(i) for i in items]
    marks = [penanda(m) for m in penanda_temuan] + [""] * len(rows)
    inner = "".join(f"<li>{_teks(r)}{' ' + m if m else ''}</li>" for r, m in zip(rows, marks, strict=False))
    plain = "\n".join(f"{n}. {r}" if bernomor else f"- {r}" for n, r in enumerate(rows, 1))
    return Tampilan(f'<{tag} class="lkip-butir">{inner}</{tag}>', plain)


def _figure(
    kind: str, nomor: str, judul: str, sumber: str | None, body: str, penanda_temuan: Iterable[int] = ()
) -> tuple[str, str]:
    """Return ``(figure_id, markup)``: caption above, the draft's marker, body, Sumber line below."""
    fig_id = _id(nomor) if nomor else _id(kind, judul)
    caption = (
        f'<figcaption class="lkip-judul"><span class="lkip-nomor">{_e(nomor)}</span> '
        f'<span class="lkip-judul-teks">{_e(judul)}</span></figcaption>'
    )
    mark = penanda(penanda_temuan)
    mark = f'<p class="lkip-penanda-blok">{mark}</p>' if mark else ""
    source = f'<p class="lkip-sumber">{_e(sumber)}</p>' if sumber else ""
    markup = (
        f'<figure class="lkip-{kind}" id="{fig_id}" data-nomor="{_e(nomor)}" data-judul="{_e(judul)}">'
        f"{caption}{mark}{body}{source}</figure>"
    )
    return fig_id, markup


def _table_html(table: Any, table_id: str) -> str:
    if isinstance(table, str):
        return table
    if hasattr(table, "as_raw_html"):  # great_tables.GT
        if hasattr(table, "with_id") and getattr(table._options.table_id, "value", None) is None:
            table = table.with_id(table_id)
        return table.as_raw_html()
    if hasattr(table, "to_html"):  # pandas DataFrame / Styler
        return table.to_html(index=False) if hasattr(table, "columns") else table.to_html()
    msg = f"tabel() menerima GT, DataFrame atau teks HTML, bukan {type(table).__name__}"
    raise TypeError(msg)


def tabel(
    table: gt.GT | pd.DataFrame | str,
    nomor: str,
    judul: str,
    sumber: str | None = None,
    penanda_temuan: Iterable[int] = (),
) -> Tampilan:
    """A numbered table: a great_tables ``GT``, a DataFrame or an HTML string.

    HTML given as a string is trusted (it comes from the table builders); escape data
    inside it before.  ``nomor`` is shown as given ("Tabel 3.1") and gives the id.
    """
    fig_id = _id(nomor) if nomor else _id("tabel", judul)
    body = f'<div class="lkip-tabel-isi">{_table_html(table, f"{fig_id}-gt")}</div>'
    fig_id, markup = _figure("tabel", nomor, judul, sumber, body, penanda_temuan)
    meta = {"lkip": {"jenis": "tabel", "id": fig_id, "nomor": nomor, "judul": judul}}
    return Tampilan(markup, f"{nomor} {judul}", metadata=meta)


def gambar(
    chart: alt.TopLevelMixin | Mapping[str, Any],
    nomor: str,
    judul: str,
    sumber: str | None = None,
    penanda_temuan: Iterable[int] = (),
) -> Tampilan:
    """A numbered Altair chart, shown offline everywhere.

    The bundle holds the Vega-Lite spec, a static SVG and the figure HTML (with the SVG
    as an image inside the chart container); the stitched report makes it interactive.
    """
    fig_id = _id(nomor) if nomor else _id("gambar", judul)
    chart_id = f"{fig_id}-vis"
    _, markup = _figure("gambar", nomor, judul, sumber, "{chart}", penanda_temuan)
    data, meta = charts_theme.chart_bundle(chart, chart_id, markup)
    meta["lkip"].update({"jenis": "gambar", "id": fig_id, "nomor": nomor, "judul": judul})
    return Tampilan(data["text/html"], f"{nomor} {judul}", data=data, metadata=meta)


def logo_data_uri(path: Path, max_px: int = 600) -> str:
    """The logo as a ``data:image/png`` URI: decoded and re-encoded (never the file's bytes as given)."""
    from PIL import Image

    with Image.open(path) as opened:
        img = opened.convert("RGBA")
        img.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        img.save(buf, format="PNG", optimize=False)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _jpeg_base64(path: Path, max_px: int) -> tuple[str, int, int]:
    from PIL import Image, ImageOps

    with Image.open(path) as opened:
        img = ImageOps.exif_transpose(opened).convert("RGB")
        img.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
        buf = io.BytesIO()
        img.save(buf, format="JPEG", quality=85, optimize=False, progressive=False)
        return base64.b64encode(buf.getvalue()).decode("ascii"), img.width, img.height


def foto(path: str | Path, keterangan: str, max_px: int = FOTO_MAKS_PX) -> Tampilan:
    """A photo, resized to at most ``max_px`` pixels and embedded as JPEG, with its caption."""
    file = Path(path)
    if not file.is_file():
        msg = f"berkas foto tidak ditemukan: {file}"
        raise FileNotFoundError(msg)
    b64, width, height = _jpeg_base64(file, max_px)
    markup = (
        f'<figure class="lkip-foto" id="{_id("foto", file.stem)}">'
        f'<img src="data:image/jpeg;base64,{b64}" width="{width}" height="{height}" alt="{_e(keterangan)}">'
        f'<figcaption class="lkip-keterangan">{_e(keterangan)}</figcaption></figure>'
    )
    return Tampilan(markup, f"[foto] {keterangan}")


def tanda_tangan(
    tempat: str,
    tanggal_text: str,
    jabatan: str,
    nama: str,
    pangkat: str | None = None,
    nip: str | None = None,
) -> Tampilan:
    """Signature block: "Umbulsari, 23 Februari 2024 / Camat Umbulsari, / NAMA / pangkat / NIP"."""
    lines = [
        f'<p class="lkip-ttd-tempat">{_e(tempat)}, {_e(tanggal_text)}</p>',
        f'<p class="lkip-ttd-jabatan">{_e(jabatan)},</p>',
        '<div class="lkip-ttd-ruang"></div>',
        f'<p class="lkip-ttd-nama">{_e(nama)}</p>',
    ]
    if pangkat:
        lines.append(f'<p class="lkip-ttd-pangkat">{_e(pangkat)}</p>')
    if nip:
        lines.append(f'<p class="lkip-ttd-nip">NIP. {_e(nip)}</p>')
    plain = f"{tempat}, {tanggal_text}\n{jabatan},\n\n{nama}\n{pangkat or ''}\n{'NIP. ' + nip if nip else ''}"
    return Tampilan(f'<div class="lkip-tanda-tangan">{"".join(lines)}</div>', plain.strip())


def daftar_isi() -> Tampilan:
    """Where the stitched report puts its Daftar Isi, Daftar Tabel and Daftar Gambar.

    Optional: without it they follow a leading KATA PENGANTAR, else the cover.
    """
    return Tampilan('<div class="lkip-tempat-daftar-isi"></div>', "[Daftar Isi]")


def melintang(tampilan: Tampilan) -> Tampilan:
    """The same content on landscape A4 pages in the PDF (nothing changes on screen).

    For wide matrices (the Renstra matrix, the RKT of the Lampiran): wrap the heading, the
    table and its signature block alike, so that they share the landscape pages.
    """
    wrap = '<div class="lkip-melintang">{}</div>'
    data = None
    if tampilan._data:
        data = dict(tampilan._data)
        if "text/html" in data:
            data["text/html"] = wrap.format(data["text/html"])
    return Tampilan(wrap.format(tampilan.html), tampilan.plain, data=data, metadata=tampilan._metadata)


def halaman_baru() -> Tampilan:
    """Page break in the PDF (nothing visible on screen)."""
    return Tampilan('<div class="lkip-halaman-baru"></div>', "")


def banner_contoh() -> Tampilan:
    """The "DATA CONTOH - bukan data resmi" banner, for notebooks run on synthetic data."""
    return Tampilan(f'<div class="lkip-banner-contoh" role="note">{TEKS_CONTOH}</div>', TEKS_CONTOH)
