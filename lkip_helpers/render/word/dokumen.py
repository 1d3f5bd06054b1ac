"""Build the Word document of one report (see the package doc)."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

from ...present import theme as charts_theme
from ...present.display import TEKS_CONTOH
from ..stitch import Report
from .daftar import tulis_daftar
from .gaya import REFERENSI, lengkapi_gaya
from .halaman import Tata, kepala_kaki, sampul
from .isi import Penulis
from .paket import docx_bytes

__all__ = ["report_to_docx", "susun_dokumen"]

_DAFTAR = {
    "daftar-isi": ("daftar_isi", 'TOC \\o "1-2" \\h \\z \\u', "toc 1"),
    "daftar-tabel": ("daftar_tabel", 'TOC \\h \\z \\c "Tabel"', "table of figures"),
    "daftar-gambar": ("daftar_gambar", 'TOC \\h \\z \\c "Gambar"', "table of figures"),
}


def _charts(report: Report) -> dict[str, bytes]:
    """Chart container id -> PNG at print resolution.

    Rasterised from the SVG the chapter drew (the PDF's image), so each chart is laid out
    by Vega once per report; a notebook from before the SVG was kept falls back on the spec.
    """
    return {g["id"]: charts_theme.svg_to_png(g["svg"]) if g.get("svg")
            else charts_theme.spec_to_png(json.loads(g["spec_json"])) for g in report.grafik}


def _logo(meta_logo: str) -> bytes | None:
    match = re.match(r"data:image/png;base64,(.*)$", meta_logo or "", re.S)
    return base64.b64decode(match.group(1)) if match else None


def _targets(root: Any) -> frozenset[str]:
    return frozenset(a.get("href")[1:] for a in root.iter("a") if (a.get("href") or "").startswith("#"))


def _empty(doc: Any) -> None:
    """A reference document's own content goes; its styles, page size and margins stay."""
    from docx.oxml.ns import qn

    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def susun_dokumen(report: Report, referensi: str | Path | IO[bytes] | None = None) -> Any:
    """The python-docx ``Document`` of ``report`` in the styles of ``referensi`` (default: the house one).

    ``referensi`` is a path or an open binary file of a .docx (a kabupaten's own).
    """
    import lxml.html
    from docx import Document

    doc = Document(referensi if referensi is not None and not isinstance(referensi, str | Path)
                   else str(referensi or REFERENSI))
    _empty(doc)
    lengkapi_gaya(doc)
    root = lxml.html.fromstring(report.html("cetak"))
    page = Tata(doc)
    lists: Mapping[str, Any] = {"daftar_isi": report.daftar_isi, "daftar_tabel": report.daftar_tabel,
                                "daftar_gambar": report.daftar_gambar}

    def khusus(container: Any, node: Any) -> bool:
        """The cover is written from the meta, the Daftar Isi/Tabel/Gambar as TOC fields."""
        if "lkip-sampul" in (node.get("class") or "").split():
            return True
        if node.tag != "nav" or node.get("id") not in _DAFTAR:
            return False
        key, instruction, style = _DAFTAR[node.get("id")]
        heading = next(node.iter("h1"), None)
        if heading is not None:
            writer.judul(container, heading, "Heading 1")
        tulis_daftar(container, lists[key], instruction, page.lebar, style)
        return True

    writer = Penulis(doc, page, grafik=_charts(report), sasaran=_targets(root), khusus=khusus)
    sampul(doc, report.meta, _logo(report.meta.logo))
    page.baru("depan")
    writer.blok(doc, root.find_class("lkip-depan")[0])
    page.baru("utama")
    writer.blok(doc, root.find_class("lkip-utama")[0])
    page.selesai()
    kepala_kaki(doc, page.bagian, report.meta, TEKS_CONTOH)
    return doc


def report_to_docx(
    report: Report, target: str | Path | None = None, referensi: str | Path | IO[bytes] | None = None
) -> bytes:
    """The DOCX of ``report`` (see the package doc); written to ``target`` when given."""
    doc = susun_dokumen(report, referensi)
    data = docx_bytes(doc, judul=report.meta.judul_lengkap, pembuat=f"Kecamatan {report.meta.kecamatan}",
                      subjek=f"Kabupaten {report.meta.kabupaten}")
    if target is not None:
        Path(target).write_bytes(data)
    return data
