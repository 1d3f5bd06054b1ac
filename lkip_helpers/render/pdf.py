"""PDF of the report with WeasyPrint, in-process, from the print variant of the page.

The print page (``Report.html("cetak")``) has no scripts: charts are the static SVG
images of the figures (``<img src="data:image/svg+xml;base64,...">``, cheaper for
WeasyPrint than inline ``<svg>``), A4 pages, running header, page numbers (Roman for the
front matter, Arabic from BAB I), a Daftar Isi with the same page numbers
(``target-counter``), table rows kept whole and headers repeated, headings and table
titles kept with what follows, and a diagonal DRAF watermark on every page of a draft
(all in ``templates/cetak.css``).

The output is byte-identical for identical input: no creation or modification date
(the page carries no ``dcterms`` meta), and a file identifier derived from the content.
Nothing is fetched: the URL fetcher allows ``data:`` URLs only.

Long-lived processes that write many PDFs (batch workers) call :func:`set_isolated`:
each PDF is then laid out in a ``fork()`` of the process, which ends when the PDF is
written.  WeasyPrint keeps a few MB per document that it never gives back (measured:
+4 MB per 60-page report in one process, so +400 MB after 100 reports); in the forked
child that memory goes away with the child, and the worker stays the size it was.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from pathlib import Path
from typing import Any

__all__ = ["html_to_pdf", "set_isolated"]

_ISOLATED = [False]


def set_isolated(on: bool = True) -> None:
    """Lay out every later PDF of this process in a forked child (POSIX only; see module doc)."""
    _ISOLATED[0] = bool(on) and hasattr(os, "fork")


def _offline_fetcher() -> Any:
    """A fetcher that serves ``data:`` URLs only (WeasyPrint logs and skips the rest)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


def html_to_pdf(html_text: str, target: str | Path | None = None, title: str | None = None) -> bytes:
    """Render print HTML to PDF; write it to ``target`` when given; return the bytes."""
    data = _in_child(_pdf_bytes, html_text, title) if _ISOLATED[0] else _pdf_bytes(html_text, title)
    if target is not None:
        Path(target).write_bytes(data)
    return data


def _in_child(fn: Any, *args: Any) -> bytes:
    """``fn(*args)`` in a forked child; its bytes come back over a pipe, its error as text."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, leave without running the parent's exit handlers
        os.close(read_fd)
        code = 0
        try:
            payload = b"K" + fn(*args)
        except BaseException:  # noqa: BLE001 - everything goes back to the parent
            payload, code = b"E" + traceback.format_exc().encode("utf-8", "replace"), 1
        try:
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(payload)
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if payload[:1] == b"K" and os.waitstatus_to_exitcode(status) == 0:
        return payload[1:]
    detail = payload[1:].decode("utf-8", "replace").strip().splitlines()
    why = detail[-1] if detail else f"proses PDF berhenti dengan status {os.waitstatus_to_exitcode(status)}"
    msg = f"WeasyPrint gagal membuat PDF: {why}"
    raise RuntimeError(msg)


def _pdf_bytes(html_text: str, title: str | None) -> bytes:
    from weasyprint import HTML

    identifier = hashlib.sha256(html_text.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = HTML(string=html_text, base_url=None, url_fetcher=_offline_fetcher()).render()
    if title:
        document.metadata.title = title
    document.metadata.created = None
    document.metadata.modified = None
    return document.write_pdf(pdf_identifier=identifier)
