"""Lay out one PDF with headless Chromium (driven by Playwright), kept open for many PDFs.

Why: on this project's 55-page report Chromium lays out and draws in about a tenth of
WeasyPrint's CPU (see the README's benchmark).  What Chromium lacks is filled in here:

* **Page numbers in the Daftar Isi/Tabel/Gambar.**  Chromium has no ``target-counter()``.
  Every entry is a link, and Chromium writes a named destination for every link target,
  with its page.  So the page is printed once, the printed number of every entry is
  worked out from those pages (Roman in the front matter, the cover not counted;
  Arabic from the first chapter, which is page 1: see ``templates/cetak_chromium.css``),
  written into the entry's ``.lkip-hal`` slot, and the page is printed again.  If a
  number moved a page break (a wider number wrapping a long entry), it prints again
  until no destination moves; at most :data:`MAX_PRINTS` times.
* **Determinism.**  Chromium writes the time of printing as ``CreationDate`` and
  ``ModDate``; both are blanked out with spaces (so no byte offset in the file
  changes); a file identifier derived from the content is added, as WeasyPrint writes
  one.  Everything else is the same for the same page.
* **Offline.**  Every request the page makes is aborted unless it is a ``data:`` URL,
  like WeasyPrint's fetcher in :mod:`lkip_helpers.render._pdf_child`.

The browser is the installed Chromium, Chrome or Edge (:func:`find_browser`; Playwright's
own browser download is never needed).  One browser is started per process on the first
PDF and kept, and so is the page the PDFs are printed from (renewed every
:data:`PAGE_USES` PDFs).  Every call goes through one thread that owns Playwright's
synchronous API, so this works from worker threads (Dask) and from a thread with a
running asyncio loop (a Jupyter kernel) alike.  The browser ends with the process, or with :func:`close_browser`.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import os
import queue
import re
import shutil
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._platform import short_tempdir

__all__ = [
    "MAX_PRINTS", "BrowserNotFound", "chromium_pdf", "close_browser", "find_browser", "page_numbers", "start_browser",
]

#: Prints of one PDF at most (the first one only finds the pages).
MAX_PRINTS = 4

#: Environment variable naming the browser executable to use.
ENV_BROWSER = "LKIP_CHROMIUM"

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge",
          "microsoft-edge", "microsoft-edge-stable")
_WINDOWS = (
    r"Microsoft\Edge\Application\msedge.exe",
    r"Google\Chrome\Application\chrome.exe",
    r"Chromium\Application\chrome.exe",
)
_MAC = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]{0,10}\)")


class BrowserNotFound(RuntimeError):
    """No Chromium, Chrome or Edge on this machine (or Playwright is not installed)."""


def find_browser() -> str | None:
    """The browser executable: ``LKIP_CHROMIUM``, else Chromium/Chrome/Edge where installed."""
    named = os.environ.get(ENV_BROWSER, "").strip()
    if named:
        return named if Path(named).is_file() else shutil.which(named)
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    roots = [os.environ.get(k, "") for k in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")]
    candidates = [Path(r, tail) for r in roots if r for tail in _WINDOWS] + [Path(p) for p in _MAC]
    return next((str(p) for p in candidates if p.is_file()), None)


@dataclass(frozen=True)
class _Entry:
    """One entry of a list with page numbers: its link target and how its number is written."""

    target: str
    depan: bool


def page_numbers(entries: list[_Entry], pages: Mapping[str, int]) -> dict[str, str]:
    """The printed number of every entry's target, from its page index (0-based) in the PDF.

    The cover (index 0) is not counted: the front matter is i, ii, ... from index 1.  The
    chapters start again at 1 on the page of the first entry that is not front matter.
    """
    body = [pages[e.target] for e in entries if not e.depan and e.target in pages]
    first_body = min(body) if body else 0
    numbers = {}
    for e in entries:
        if e.target not in pages:
            continue
        index = pages[e.target]
        numbers[e.target] = _roman(index) if e.depan else str(index - first_body + 1)
    return numbers


def _roman(n: int) -> str:
    """``n`` in lower-case Roman numerals (``""`` for 0, as the cover has no number)."""
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def destinations(pdf: bytes) -> dict[str, int]:
    """Named destinations of a PDF (link targets) and their page index (0-based)."""
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found = {}
    for name, dest in reader.named_destinations.items():
        page = reader.get_destination_page_number(dest)
        if page is not None and page >= 0:
            found[str(name).lstrip("/")] = page
    return found


def without_dates(pdf: bytes) -> bytes:
    """The PDF without its creation and modification dates: each entry blanked out by spaces.

    Spaces are whitespace between the entries of the Info dictionary, so the file stays
    valid and no byte offset in it changes.
    """
    return _DATE.sub(lambda m: b" " * len(m.group(0)), pdf)


def with_identifier(pdf: bytes) -> bytes:
    """The PDF with a file identifier derived from its content (as WeasyPrint writes one).

    Chromium writes none.  The ``/ID`` goes into the trailer, which follows the
    cross-reference table, so no offset changes; a PDF without a classic trailer is
    returned as it is.
    """
    at = pdf.rfind(b"trailer\n<<")
    if at < 0 or b"/ID" in pdf[at:]:
        return pdf
    digest = hashlib.sha256(pdf).hexdigest()[:32].encode("ascii")
    at += len(b"trailer\n<<")
    return pdf[:at] + b"/ID [<" + digest + b"> <" + digest + b">]\n" + pdf[at:]


_ENTRIES_JS = """() => Array.from(document.querySelectorAll('.lkip-daftar li a')).map(a => ({
  target: decodeURIComponent(a.getAttribute('href').slice(1)),
  depan: a.parentElement.classList.contains('toc-depan'),
}))"""
_FILL_JS = """(numbers) => { for (const a of document.querySelectorAll('.lkip-daftar li a')) {
  const slot = a.querySelector('.lkip-hal');
  const n = numbers[decodeURIComponent(a.getAttribute('href').slice(1))];
  if (slot) slot.textContent = n === undefined ? '' : n;
} }"""


def _print(page: Any) -> bytes:
    data: bytes = page.pdf(prefer_css_page_size=True, print_background=True)
    return data


def _pdf_on_page(page: Any, html_text: str, title: str | None) -> bytes:
    """Load the page, print until the list page numbers are stable, return it without dates, with an identifier."""
    page.set_content(html_text, wait_until="load")
    if title:
        page.evaluate("(t) => { document.title = t; }", title)
    entries = [_Entry(e["target"], bool(e["depan"])) for e in page.evaluate(_ENTRIES_JS)]
    pdf = _print(page)
    if entries:
        filled: dict[str, str] | None = None
        for _ in range(MAX_PRINTS - 1):
            numbers = page_numbers(entries, destinations(pdf))
            if numbers == filled:
                break
            page.evaluate(_FILL_JS, numbers)
            filled = numbers
            pdf = _print(page)
        else:
            if page_numbers(entries, destinations(pdf)) != filled:
                msg = f"nomor halaman Daftar Isi belum tetap setelah {MAX_PRINTS} kali cetak"
                raise RuntimeError(msg)
    return with_identifier(without_dates(pdf))


class _Browser:
    """One Playwright + browser, owned by one thread; calls come in through a queue."""

    def __init__(self, executable: str) -> None:
        self.executable = executable
        self.private = short_tempdir("lkip-chromium-")  # the browser's HOME and TMPDIR, removed when it ends
        self._calls: queue.Queue[tuple[Callable[[Any], Any], queue.Queue[tuple[bool, Any]]] | None] = queue.Queue()
        self._ready = threading.Event()  # set by the serving thread once the browser runs or failed to start
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._serve, name="lkip-chromium", daemon=True)
        self._thread.start()

    def wait_started(self) -> None:
        """Wait until the browser runs; raise what stopped it from starting (any number of threads may wait)."""
        self._ready.wait()
        if self._error is not None:
            raise self._error

    def _serve(self) -> None:
        try:
            from playwright.sync_api import sync_playwright

            pw = sync_playwright().start()
            env = _browser_env(self.private)
            args = ["--disable-gpu", "--disable-software-rasterizer", "--disable-extensions", "--no-first-run",
                    "--font-render-hinting=none", "--disable-features=SpareRendererForSitePerProcess"]
            if hasattr(os, "geteuid") and os.geteuid() == 0:
                args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
            browser = pw.chromium.launch(executable_path=self.executable, args=args, headless=True, env=env)
        except BaseException as exc:  # noqa: BLE001 - reported to the caller
            shutil.rmtree(self.private, ignore_errors=True)
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        tab = _Tab(browser)
        try:
            while (call := self._calls.get()) is not None:
                fn, reply = call
                try:
                    reply.put((True, fn(tab.page())))
                except BaseException as exc:  # noqa: BLE001 - reported to the caller
                    tab.close()  # a page in an unknown state is not used again
                    reply.put((False, exc))
        finally:
            for close in (tab.close, browser.close, pw.stop):
                try:
                    close()
                except Exception:  # noqa: BLE001,S110 - ending anyway
                    pass
            shutil.rmtree(self.private, ignore_errors=True)

    def call(self, fn: Callable[[Any], Any]) -> Any:
        self.wait_started()
        reply: queue.Queue[tuple[bool, Any]] = queue.Queue()
        self._calls.put((fn, reply))
        ok, value = reply.get()
        if not ok:
            raise value
        return value

    def close(self) -> None:
        self._calls.put(None)
        self._thread.join(timeout=30)


def _browser_env(private: Path) -> dict[str, str | float | bool]:
    """The browser's environment: this process's, with its own HOME and TMPDIR in ``private``.

    Chromium writes crash-report settings under ``$HOME/.config`` and its singleton
    socket under ``$TMPDIR``; neither belongs in the planner's home or temporary folder,
    and a socket under a long ``TMPDIR`` passes the ~107 bytes a socket path may have
    (Chromium then aborts at start).
    """
    home = private / "rumah"
    home.mkdir(exist_ok=True)
    return {**os.environ, "HOME": str(home), "TMPDIR": str(private), "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache")}


class _Tab:
    """The one page PDFs are printed from, offline; a new one after :data:`PAGE_USES` PDFs.

    Reusing the page keeps one renderer process (no start-up per PDF, and its CPU stays
    with a live process, where :mod:`lkip_helpers.batch.cpu` counts it); renewing it now
    and then keeps the renderer from growing over hundreds of reports.
    """

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self._context: Any = None
        self._page: Any = None
        self._uses = 0

    def page(self) -> Any:
        if self._page is None or self._uses >= PAGE_USES:
            self.close()
            self._context = self.browser.new_context(java_script_enabled=True, offline=True)
            self._page = self._context.new_page()
            self._page.route("**/*", _offline)
        self._uses += 1
        return self._page

    def close(self) -> None:
        if self._context is not None:
            try:
                self._context.close()
            except Exception:  # noqa: BLE001,S110 - a new one is made anyway
                pass
        self._context = self._page = None
        self._uses = 0


#: PDFs printed from one page before it is replaced by a new one.
PAGE_USES = 20

_LOCK = threading.Lock()
_OPEN: list[_Browser] = []


def start_browser() -> None:
    """Start this process's browser without waiting for it (a worker's warm-up)."""
    _browser()


def _browser() -> _Browser:
    with _LOCK:
        if _OPEN and _OPEN[0]._thread.is_alive():
            return _OPEN[0]
        executable = find_browser()
        if executable is None:
            msg = ("Chromium, Chrome atau Edge tidak ditemukan; pasang salah satunya (Debian: apt install chromium) "
                   f"atau sebutkan programnya di {ENV_BROWSER}")
            raise BrowserNotFound(msg)
        _OPEN[:] = [_Browser(executable)]
        return _OPEN[0]


def close_browser() -> None:
    """End this process's browser (the next PDF starts a new one)."""
    with _LOCK:
        for browser in _OPEN:
            browser.close()
        _OPEN.clear()


atexit.register(close_browser)


def _offline(route: Any) -> None:
    if route.request.url.startswith("data:"):
        route.continue_()
    else:
        route.abort()


def chromium_pdf(html_text: str, title: str | None = None) -> bytes:
    """The PDF of the Chromium print page ``html_text`` (``Report.html("cetak", "chromium")``)."""
    data: bytes = _browser().call(lambda page: _pdf_on_page(page, html_text, title))
    return data
