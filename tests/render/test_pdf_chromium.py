"""render._pdf_chromium: printed page numbers, dates and identifier, the browser's thread, choosing the engine."""

from __future__ import annotations

import asyncio
import io
import re
import threading

import pypdf
import pytest

from lkip_helpers.render import _pdf_chromium as chromium
from lkip_helpers.render import pdf
from lkip_helpers.render._pdf_chromium import _Entry, _roman, page_numbers, with_identifier, without_dates

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Judul</title><style>
@page { size: A4; margin: 20mm; }
h1 { break-before: page; }
</style></head><body>
<nav class="lkip-daftar"><ol>
<li class="toc-1 toc-depan"><a href="#kp"><span class="lkip-daftar-teks">KATA PENGANTAR</span><span class="lkip-hal"></span></a></li>
<li class="toc-1"><a href="#bab-1"><span class="lkip-daftar-teks">BAB I</span><span class="lkip-hal"></span></a></li>
<li class="toc-1"><a href="#bab-2"><span class="lkip-daftar-teks">BAB II</span><span class="lkip-hal"></span></a></li>
</ol></nav>
<h1 id="kp">KATA PENGANTAR</h1><h1 id="bab-1">BAB I</h1><p>isi</p><h1 id="bab-2">BAB II</h1>
<img src="https://contoh.invalid/gambar.png" alt="">
</body></html>"""


@pytest.mark.parametrize(("n", "roman"), [(0, ""), (1, "i"), (4, "iv"), (9, "ix"), (14, "xiv"), (40, "xl"),
                                          (49, "xlix"), (90, "xc"), (400, "cd"), (1994, "mcmxciv")])
def test_roman(n: int, roman: str) -> None:
    assert _roman(n) == roman


def test_page_numbers_front_matter_roman_without_the_cover_chapters_from_1() -> None:
    entries = [_Entry("kp", True), _Entry("isi", True), _Entry("bab-1", False), _Entry("a", False),
               _Entry("lampiran", False), _Entry("hilang", False)]
    pages = {"kp": 1, "isi": 2, "bab-1": 6, "a": 6, "lampiran": 40}
    assert page_numbers(entries, pages) == {"kp": "i", "isi": "ii", "bab-1": "1", "a": "1", "lampiran": "35"}


def test_dates_blanked_with_offsets_kept() -> None:
    info = b"<</Creator (x)\n/CreationDate (D:20261202193927+00'00')\n/ModDate (D:20261202193927+00'00')>>"
    out = without_dates(info)
    assert len(out) == len(info)
    assert b"Date" not in out
    assert out.startswith(b"<</Creator (x)\n")


def test_identifier_goes_into_the_trailer_and_depends_on_the_content() -> None:
    body = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<</Size 2\n/Root 1 0 R>>\nstartxref\n30\n%%EOF\n"
    a, b = with_identifier(body), with_identifier(body.replace(b"<<>>", b"<<1>>"))
    assert a.index(b"startxref") > body.index(b"startxref")  # only the trailer grew
    assert a[: body.index(b"trailer")] == body[: body.index(b"trailer")]
    ids = [re.search(rb"/ID \[<([0-9a-f]{32})> <\1>\]", x) for x in (a, b)]
    assert ids[0]
    assert ids[1]
    assert ids[0].group(1) != ids[1].group(1)
    assert with_identifier(a) == a  # never twice


def test_the_print_numbers_its_lists_is_offline_and_identical_twice() -> None:
    first = chromium.chromium_pdf(PAGE, "Judul")
    again = chromium.chromium_pdf(PAGE, "Judul")
    assert first == again
    reader = pypdf.PdfReader(io.BytesIO(first))
    assert reader.metadata is not None
    assert reader.metadata.title == "Judul"
    assert b"/CreationDate" not in first
    assert b"/ModDate" not in first
    assert b"/ID [<" in first
    toc = reader.pages[0].extract_text()
    assert re.search(r"KATA PENGANTAR\.*\s*i\b", toc), toc  # the front matter counts from page 2 (no cover)
    assert re.search(r"BAB I\.*\s*1\b", toc), toc
    assert re.search(r"BAB II\.*\s*2\b", toc), toc


def test_callable_from_a_thread_with_a_running_event_loop() -> None:
    """A Jupyter kernel's main thread runs an asyncio loop: the sync API must not be used there directly."""
    out: list[bytes] = []

    async def in_loop() -> None:
        out.append(chromium.chromium_pdf("<p>lkip</p>"))

    thread = threading.Thread(target=lambda: asyncio.run(in_loop()))
    thread.start()
    thread.join(120)
    assert out
    assert out[0].startswith(b"%PDF-")


def test_no_browser_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    chromium.close_browser()
    monkeypatch.setenv(chromium.ENV_BROWSER, str(tmp_path / "tidak-ada"))
    with pytest.raises(chromium.BrowserNotFound, match="Chromium, Chrome atau Edge tidak ditemukan"):
        chromium.chromium_pdf("<p>x</p>")
    monkeypatch.delenv(chromium.ENV_BROWSER)
    assert chromium.chromium_pdf("<p>x</p>").startswith(b"%PDF-")  # a new browser once it is there again


@pytest.mark.parametrize(("value", "expected"), [("chromium", "chromium"), ("WeasyPrint", "weasyprint"),
                                                 (" weasyprint ", "weasyprint")])
def test_engine_chosen_by_environment(monkeypatch: pytest.MonkeyPatch, value: str, expected: str) -> None:
    monkeypatch.setenv(pdf.ENV_MESIN, value)
    assert pdf.pdf_mesin() == expected


def test_unknown_engine_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(pdf.ENV_MESIN, "wkhtmltopdf")
    with pytest.raises(ValueError, match="LKIP_PDF harus salah satu dari chromium, weasyprint"):
        pdf.pdf_mesin()


def test_default_engine_is_chromium_when_installed_else_weasyprint(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv(pdf.ENV_MESIN, raising=False)
    assert pdf.pdf_mesin() == "chromium"  # the test machine has Debian's chromium (make system-deps)
    monkeypatch.setenv(chromium.ENV_BROWSER, str(tmp_path / "tidak-ada"))
    assert pdf.pdf_mesin() == "weasyprint"


def test_several_threads_wait_for_a_starting_browser() -> None:
    """The first PDFs of a service's clients arrive together while the browser starts: each gets its PDF.

    (Only the first waiter used to take the start signal; the others waited for ever.)
    """
    chromium.close_browser()
    results: dict[int, bytes] = {}

    def one(i: int) -> None:
        results[i] = chromium.chromium_pdf(PAGE, f"Judul {i}")

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(results) == [0, 1, 2]
    assert all(data.startswith(b"%PDF-") for data in results.values())
