"""The printed report as a reader gets it, page by page, from each PDF engine (Chromium, WeasyPrint).

A report built in memory from display objects (no kernel) with the shape of the real
one: cover, Kata Pengantar, the lists, Ikhtisar Eksekutif, chapters with many headings,
tables with footnotes and "Sumber data" lines, and a Lampiran with landscape matrices
separated by page breaks.  Checked on the PDF text (poppler's pdftotext): Roman page
numbers for the front matter and Arabic from BAB I, the Daftar Isi numbers, no empty
page, no heading or table title last on a page, no "Sumber data" line alone at the top
of a page, the DRAF watermark (and DRAF in the running header) on every page of a draft
and on none of the final edition, footnote marks after the value.

pdftotext gives the diagonal watermark letter by letter (D, R, A, F on lines of their
own, ``-nodiag`` drops them); the tests find it by size in ``-bbox``.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from render_fixtures import META

from lkip_helpers.present import display as d
from lkip_helpers.present.tables._dasar import Catatan, Kolom, buat_tabel
from lkip_helpers.render import build_report
from lkip_helpers.render.pdf import MESIN, html_to_pdf

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
KALIMAT = ("Kinerja Kecamatan Umbulsari diukur atas dasar penilaian Indikator Kinerja Utama yang merupakan "
           "indikator keberhasilan pencapaian sasaran strategis sebagaimana telah ditetapkan. ")
HEADER = "Kecamatan Umbulsari"
#: Per edition ("draf", "final"): the PDF and the print HTML it was made from.
Cetak = dict[str, tuple[Path, str]]


def _nb(*items: d.Tampilan) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    for index, item in enumerate(items):
        data, metadata = item._repr_mimebundle_()
        cell = nbformat.v4.new_code_cell(f"x{index}", outputs=[nbformat.v4.new_output("display_data", data=data,
                                                                                       metadata=metadata)])
        cell["id"] = f"c{index}"
        nb.cells.append(cell)
    return nb


def _table(nomor: str, rows: int, wide: bool = False) -> d.Tampilan:
    """A table with a footnote on its first value, in two groups of rows ("Kelompok A", "Kelompok B")."""
    kolom = [Kolom("no", "No", "center"), Kolom("uraian", "Uraian"), Kolom("nilai", "Nilai", "right")]
    if wide:
        kolom += [Kolom(f"t{y}", str(y), "right") for y in range(2021, 2027)] + [Kolom("strategi", "Strategi")]
    data = [{"no": str(i + 1), "uraian": f"Uraian baris {i + 1} " + "kegiatan " * (i % 4),
             "nilai": "83,76" if i == 0 else f"{90 + i},50%", **{f"t{y}": "100%" for y in range(2021, 2027)},
             "strategi": "Meningkatkan kompetensi SDM aparatur", "grup": "Kelompok A" if i < rows // 2 else "Kelompok B"}
            for i in range(rows)]
    g = buat_tabel(data, kolom, id=f"t-{nomor}", kelompok="grup",
                   catatan=[Catatan("Nilai IKM Kabupaten Jember.", "nilai", 0)])
    return d.tabel(g, nomor, f"Judul {nomor}", sumber=f"Sumber data: contoh {nomor}")


def _table_at_every_height() -> list[d.Tampilan]:
    """Pages with a table after ``n`` lines of text: one line (15 pt) more each, less than the
    "Sumber data" line needs (17 pt), so on one of them the table ends at the foot of the page."""
    out: list[d.Tampilan] = []
    for n in range(30, 46):
        out += [d.halaman_baru(), d.paragraf("\n".join(f"Baris {i} dari {n}." for i in range(1, n + 1))),
                _table(f"Tabel 2.{n}", 4)]
    return out


def _chapters() -> list[nbformat.NotebookNode]:
    sections: list[d.Tampilan] = [d.bab("BAB I PENDAHULUAN")]
    for k in range(1, 21):  # headings and tables end up everywhere on the page, also at its foot
        sections += [d.subbab(f"{chr(64 + k)}. BAGIAN KE-{k}"), d.paragraf(KALIMAT * (k % 6 + 1)),
                     _table(f"Tabel 1.{k}", 3 + (k * 7) % 11)]
    return [
        _nb(d.bab("KATA PENGANTAR"), d.paragraf(KALIMAT * 8), d.daftar_isi(), d.bab("IKHTISAR EKSEKUTIF"),
            d.paragraf((KALIMAT * 6 + "\n\n") * 6)),
        _nb(*sections),
        _nb(d.bab("BAB II PERENCANAAN"), d.subbab("A. RENCANA STRATEGIS"), d.paragraf(KALIMAT * 3),
            *_table_at_every_height()),
        _nb(d.bab("LAMPIRAN"), d.melintang(d.subbab("Lampiran 1. Matriks Renstra")),
            d.melintang(_table("Tabel L1", 24, wide=True)), d.halaman_baru(),
            d.melintang(d.subbab("Lampiran 2. Rencana Kinerja Tahunan")), d.melintang(_table("Tabel L2", 6, wide=True)),
            d.halaman_baru(), d.subbab("Lampiran 3. Perjanjian Kinerja"), d.paragraf(KALIMAT)),
    ]


@pytest.fixture(scope="module", params=MESIN)
def laporan(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Cetak:
    """The draft and the final edition by one engine: (PDF, print HTML) each."""
    mesin = request.param
    base = tmp_path_factory.mktemp(f"cetak-{mesin}")
    chapters = _chapters()
    out: Cetak = {}
    for edisi in ("draf", "final"):
        page = build_report(chapters, dataclasses.replace(META, is_contoh=False, edisi=edisi)).html("cetak", mesin)
        html_to_pdf(page, base / f"{edisi}.pdf", mesin=mesin)
        out[edisi] = (base / f"{edisi}.pdf", page)
    return out


def _pages(pdftotext: Callable[..., str], pdf: Path) -> list[list[str]]:
    """Non-empty lines of every page (-layout), without the watermark's single letters."""
    pages = pdftotext(pdf).split("\f")[:-1]
    return [[line.strip() for line in page.splitlines() if line.strip() and line.strip() not in set("DRAF")]
            for page in pages]


def _label(lines: list[str]) -> str:
    """The page number printed at the foot of a page."""
    return lines[-1] if lines else ""


def _body(lines: list[str]) -> list[str]:
    """A page's lines without the running header and the page number."""
    return [line for line in lines[:-1] if not line.startswith(HEADER)]


def _page_of(pages: list[list[str]], heading: str, after: int = 0, exact: bool = False) -> int:
    """Index of the first page (from ``after``) with a line starting with (``exact``: equal to) ``heading``."""
    return next(i for i, lines in enumerate(pages) if i >= after
                and any(line == heading if exact else line.startswith(heading) for line in lines))


def test_front_matter_in_roman_numerals_chapters_from_1(laporan: Cetak, pdftotext: Callable[..., str]) -> None:
    pdf, _ = laporan["draf"]
    pages = _pages(pdftotext, pdf)
    bab_i = _page_of(pages, "BAB I PENDAHULUAN", after=4)
    assert bab_i >= 5  # cover, KP, Daftar Isi, Daftar Tabel, Ikhtisar (and its second page)
    per_page = [_label(pdftotext(pdf, "-layout", "-f", str(n), "-l", str(n)).strip().splitlines()).strip()
                for n in range(1, bab_i + 3)]
    assert per_page[0] not in ROMAN  # the cover has no number ...
    assert per_page[1 : bab_i] == ROMAN[: bab_i - 1]  # ... and is not counted: Kata Pengantar is page i
    assert per_page[bab_i:] == ["1", "2"]
    labels = [_label(lines) for lines in pages]
    assert labels[bab_i:] == [str(n) for n in range(1, len(pages) - bab_i + 1)]  # landscape pages too


def test_daftar_isi_numbers_are_the_printed_page_numbers(laporan: Cetak, pdftotext: Callable[..., str]) -> None:
    pdf, _ = laporan["draf"]
    pages = _pages(pdftotext, pdf)
    toc_page = _page_of(pages, "DAFTAR ISI")
    entries = [(m.group(1), m.group(2)) for line in pages[toc_page]
               if (m := re.match(r"(.+?)\s*\.{4,}\s*(\w+)$", line))]
    assert len(entries) >= 20
    for text, number in entries:
        assert _label(pages[_page_of(pages, text, exact=True)]) == number, (text, number)
    assert dict(entries)["KATA PENGANTAR"] == "i"
    assert dict(entries)["BAB I PENDAHULUAN"] == "1"


def test_no_page_without_text(laporan: Cetak, pdftotext: Callable[..., str]) -> None:
    for edisi in ("draf", "final"):
        pages = _pages(pdftotext, laporan[edisi][0])
        assert [n for n, lines in enumerate(pages, 1) if not _body(lines)] == [], edisi


def test_landscape_lampiran_starts_with_its_heading(laporan: Cetak, pdftotext: Callable[..., str]) -> None:
    pdf, _ = laporan["draf"]
    pages = _pages(pdftotext, pdf)
    lampiran = _page_of(pages, "LAMPIRAN", after=_page_of(pages, "BAB II PERENCANAAN", after=5))
    assert _body(pages[lampiran])[:2] == ["LAMPIRAN", "Lampiran 1. Matriks Renstra"]  # not alone on a portrait page
    sizes = re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', pdftotext(pdf, "-bbox"))
    width, height = map(float, sizes[lampiran])
    assert width > height
    end_l1 = _page_of(pages, "Sumber data: contoh Tabel L1", after=lampiran)
    assert end_l1 > lampiran  # Tabel L1 fills more than one page
    assert _page_of(pages, "Lampiran 2.", after=lampiran) == end_l1 + 1  # the page break adds no page
    lampiran_3 = _page_of(pages, "Lampiran 3.", after=lampiran)
    assert lampiran_3 == _page_of(pages, "Sumber data: contoh Tabel L2", after=lampiran) + 1
    width, height = map(float, sizes[lampiran_3])
    assert width < height  # back to portrait


def test_headings_and_titles_are_never_last_sumber_never_first(laporan: Cetak, pdftotext: Callable[..., str]) -> None:
    pdf, page = laporan["draf"]
    headings = {html.unescape(re.sub(r"<[^>]+>", "", h)).strip()
                for h in re.findall(r"<h[1-3]\b[^>]*>(.*?)</h[1-3]>", page, flags=re.S)}
    pages = _pages(pdftotext, pdf)
    start = _page_of(pages, "BAB I PENDAHULUAN", after=4)
    for number, lines in enumerate(pages[start:], start + 1):
        body = _body(lines)
        assert body[-1] not in headings, (number, body[-1])
        assert not re.fullmatch(r"(Tabel|Gambar) [\dL.]+", body[-1]), (number, body[-1])  # a title's number
        assert not re.match(r"(Tabel|Gambar) [\dL.]+ Judul", body[-1]), (number, body[-1])
        assert not body[0].startswith("Sumber data"), number
        first_row = re.match(r"\d+\s+Uraian baris", body[0])
        assert not (first_row and "Nilai" not in body[0]), number  # a continued table repeats its header
        rows = [line for line in body if not line.startswith(("1 Nilai IKM", "Sumber data"))]  # the footer repeats
        assert rows[-1] not in ("Kelompok A", "Kelompok B"), number  # a group's heading row with its first row


def _big_words(bbox: str) -> list[list[str]]:
    """Per page, the words set in the watermark's size (taller than 60 pt)."""
    out = []
    for chunk in bbox.split("<page ")[1:]:
        words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', chunk)
        out.append(sorted(w for y0, y1, w in words if float(y1) - float(y0) > 60))
    return out


def test_draft_watermark_on_every_page_final_on_none(laporan: Cetak, pdftotext: Callable[..., str]) -> None:
    draft = _big_words(pdftotext(laporan["draf"][0], "-bbox"))
    assert len(draft) > 15
    assert all(words == ["A", "D", "F", "R"] for words in draft), draft
    final = _big_words(pdftotext(laporan["final"][0], "-bbox"))
    assert len(final) == len(draft)
    assert all(words == [] for words in final)
    assert "DRAF" not in pdftotext(laporan["final"][0])
    headers = [page.strip().splitlines()[0].split() for page in pdftotext(laporan["draf"][0]).split("\f")[:-1]]
    assert all("DRAF" in words for words in headers)  # also in the running header, as a word
    cover = pdftotext(laporan["draf"][0], "-layout", "-f", "1", "-l", "1")
    assert cover.split()[0] == "DRAF"  # the cover's mark, above the title
    assert pdftotext(laporan["final"][0], "-layout", "-f", "1", "-l", "1").split()[:2] == ["LAPORAN", "KINERJA"]


def test_footnote_mark_follows_the_value(laporan: Cetak, pdftotext: Callable[..., str]) -> None:
    pdf, page = laporan["draf"]
    assert re.search(r'>83,76<span class="gt_footnote_marks"[^>]*>1</span></td>', page)
    assert not re.search(r'<span class="gt_footnote_marks"[^>]*>1</span> 83,76', page)
    text = pdftotext(pdf)
    assert re.search(r"\b83,761\b", text)  # the raised mark right after the value
    assert not re.search(r"\b1 83,76\b", text)
