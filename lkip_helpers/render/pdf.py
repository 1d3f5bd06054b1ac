"""PDF of the report with WeasyPrint, in-process, from the print variant of the page.

The print page (``Report.html("cetak")``) has no scripts: charts are the static SVG
images of the figures (``<img src="data:image/svg+xml;base64,...">``, cheaper for
WeasyPrint than inline ``<svg>``), A4 pages, running header, page numbers, a Daftar Isi
with page numbers (``target-counter``), table rows kept whole and headers repeated.

The output is byte-identical for identical input: no creation or modification date
(the page carries no ``dcterms`` meta), and a file identifier derived from the content.
Nothing is fetched: the URL fetcher allows ``data:`` URLs only.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

__all__ = ["html_to_pdf"]


def _offline_fetcher() -> Any:
    """A fetcher that serves ``data:`` URLs only (WeasyPrint logs and skips the rest)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


def html_to_pdf(html_text: str, target: str | Path | None = None, title: str | None = None) -> bytes:
    """Render print HTML to PDF; write it to ``target`` when given; return the bytes."""
    from weasyprint import HTML

    identifier = hashlib.sha256(html_text.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = HTML(string=html_text, base_url=None, url_fetcher=_offline_fetcher()).render()
    if title:
        document.metadata.title = title
    document.metadata.created = None
    document.metadata.modified = None
    data = document.write_pdf(pdf_identifier=identifier)
    if target is not None:
        Path(target).write_bytes(data)
    return data
