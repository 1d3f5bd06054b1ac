"""Lay out one PDF with WeasyPrint: the function, and the spawned process that runs it.

:func:`pdf_bytes` is the one place a PDF is made; :mod:`lkip_helpers.render.pdf` calls
it in process, in a forked child, or in a new interpreter that runs this file *by
path* (``python .../render/_pdf_child.py``): the print HTML and the title come in on
stdin as JSON, the PDF goes out on stdout, an error leaves a traceback on stderr and
exit status 1.  Run by path, the child imports WeasyPrint and nothing of the package
(whose imports cost seconds), so a spawned PDF costs little more than a forked one.
This file therefore imports nothing of ``lkip_helpers``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from typing import Any

__all__ = ["pdf_bytes"]


def _offline_fetcher() -> Any:
    """A fetcher that serves ``data:`` URLs only (WeasyPrint logs and skips the rest)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


def pdf_bytes(html_text: str, title: str | None) -> bytes:
    """The PDF of ``html_text``: no dates, a file identifier derived from the content."""
    from weasyprint import HTML

    identifier = hashlib.sha256(html_text.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = HTML(string=html_text, base_url=None, url_fetcher=_offline_fetcher()).render()
    if title:
        document.metadata.title = title
    document.metadata.created = None
    document.metadata.modified = None
    return document.write_pdf(pdf_identifier=identifier)


def main() -> None:
    """Read ``{"html": ..., "title": ...}`` from stdin, write the PDF to stdout."""
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    data = pdf_bytes(request["html"], request.get("title"))
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    # Run by path, sys.path[0] is this file's folder: its module names (pdf, report, ...)
    # must not shadow anything WeasyPrint imports.
    if sys.path and os.path.realpath(sys.path[0] or ".") == os.path.realpath(os.path.dirname(__file__)):  # noqa: PTH120
        del sys.path[0]
    main()
