"""PDF of the report, from the print variant of the page, by one of two engines.

**The engine** (:func:`pdf_mesin`): ``chromium`` (the installed Chromium, Chrome or
Edge, driven by Playwright: :mod:`lkip_helpers.render._pdf_chromium`) when one is
found, else ``weasyprint``; the environment variable ``LKIP_PDF`` chooses one
explicitly.  Both print the same page with the same print stylesheet and the same
qualities (the PDF tests run on both); Chromium costs about a tenth of the CPU
(README, benchmark), WeasyPrint needs nothing but pip.  The print page differs a
little per engine (``Report.html("cetak", mesin)``): Chromium gets its running header
as text and page-number slots in the lists, which it fills from a first print.

**WeasyPrint** runs in-process.  The print page (``Report.html("cetak")``) has no scripts: charts are the static SVG
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
each PDF is then laid out in a child process, which ends when the PDF is written.
WeasyPrint keeps a few MB per document that it never gives back (measured: +4 MB per
60-page report in one process, so +400 MB after 100 reports); in the child that memory
goes away with the child, and the worker stays the size it was.  The child is a
``fork()`` of the process in the normal mode (it inherits the fonts already loaded) and
a spawned interpreter in the portable mode (:mod:`lkip_helpers._platform`: no
``fork()``, or ``LKIP_PORTABEL=1``) that runs ``_pdf_child.py`` by path and imports
WeasyPrint only (see :mod:`lkip_helpers.render._pdf_child`, which also holds the one
function that makes a PDF).
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path
from typing import Any

from .._platform import current_mode
from ._pdf_child import pdf_bytes

__all__ = ["ENV_MESIN", "MESIN", "html_to_pdf", "pdf_mesin", "set_isolated"]

#: The PDF engines; the first is preferred when it is available.
MESIN = ("chromium", "weasyprint")
#: Environment variable that chooses the engine (``chromium`` or ``weasyprint``).
ENV_MESIN = "LKIP_PDF"

_ISOLATED = [False]


def pdf_mesin() -> str:
    """The PDF engine of this process: ``LKIP_PDF`` if set, else Chromium when installed, else WeasyPrint.

    Raises ValueError for an unknown ``LKIP_PDF``; naming ``chromium`` where none is
    installed fails at the first PDF, with what to install.
    """
    chosen = os.environ.get(ENV_MESIN, "").strip().lower()
    if chosen:
        if chosen not in MESIN:
            msg = f"{ENV_MESIN} harus salah satu dari {', '.join(MESIN)}, bukan {chosen!r}"
            raise ValueError(msg)
        return chosen
    return "chromium" if _chromium_available() else "weasyprint"


def _chromium_available() -> bool:
    import importlib.util

    from ._pdf_chromium import find_browser

    return importlib.util.find_spec("playwright") is not None and find_browser() is not None


def set_isolated(on: bool = True) -> None:
    """Lay out every later PDF of this process in a child process (see the module doc)."""
    _ISOLATED[0] = bool(on)


def html_to_pdf(
    html_text: str, target: str | Path | None = None, title: str | None = None, mesin: str = "weasyprint"
) -> bytes:
    """Render the print page of ``mesin`` to PDF; write it to ``target`` when given; return the bytes.

    ``html_text`` must be the page made for that engine (``Report.html("cetak", mesin)``).
    """
    if mesin == "chromium":
        from ._pdf_chromium import chromium_pdf
        from ._pdf_layanan import lewat_layanan

        served = lewat_layanan(html_text, title)  # the batch's one browser per machine, if there is one
        data = served if served is not None else chromium_pdf(html_text, title)
    elif mesin == "weasyprint":
        data = _isolated(html_text, title) if _ISOLATED[0] else pdf_bytes(html_text, title)
    else:
        msg = f"mesin PDF harus salah satu dari {MESIN}, bukan {mesin!r}"
        raise ValueError(msg)
    if target is not None:
        Path(target).write_bytes(data)
    return data


def _isolated(html_text: str, title: str | None) -> bytes:
    """The PDF laid out in the child process the mode allows (see the module doc)."""
    if current_mode().pdf_child == "fork":
        return _in_child(pdf_bytes, html_text, title)
    return _in_spawned(html_text, title)


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
    raise _child_failed(payload[1:].decode("utf-8", "replace"), os.waitstatus_to_exitcode(status))


def _child_failed(traceback_text: str, exit_code: int | None) -> RuntimeError:
    """The error of a PDF child: the last line of its traceback, else its exit status."""
    detail = traceback_text.strip().splitlines()
    why = detail[-1] if detail else f"proses PDF berhenti dengan status {exit_code}"
    return RuntimeError(f"WeasyPrint gagal membuat PDF: {why}")


def _in_spawned(html_text: str, title: str | None) -> bytes:
    """The PDF laid out by a new interpreter running ``_pdf_child.py`` by path (stdin -> stdout).

    Whatever WeasyPrint prints (warnings) goes on to this process's stderr.
    """
    request = json.dumps({"html": html_text, "title": title}).encode("utf-8")
    return _run_child(request)


def _run_child(request: bytes) -> bytes:
    """Run the PDF child on ``request`` (JSON bytes); its PDF, or the error it reported."""
    import subprocess

    cmd = [sys.executable, str(Path(__file__).with_name("_pdf_child.py"))]
    done = subprocess.run(cmd, input=request, capture_output=True, check=False)  # noqa: S603 - our own script
    if done.stderr:
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
    if done.returncode == 0 and done.stdout.startswith(b"%PDF-"):
        return done.stdout
    text = done.stderr.decode("utf-8", "replace")
    at = text.rfind("Traceback (most recent call last)")
    raise _child_failed(text[at:] if at >= 0 else "", done.returncode)
