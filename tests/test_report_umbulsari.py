"""The real report: Umbulsari 2023 rendered end to end, as a Camat and a reviewer get it.

Renders twice (into two folders) and checks the figures of the seed report in the
HTML and in the PDF text, every table title, the offline promise (no remote
resource, every chart drawn in headless Chromium with no console error) and
byte-identical outputs.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lkip_helpers import buka
from lkip_helpers.batch import BatchParams, run_batch
from lkip_helpers.present.katalog import KATALOG

pytestmark = pytest.mark.slow

FIGURES = ["97,00", "100,00", "85,00", "95,50", "Sangat Memuaskan", "4.231.208.525", "3.437.517.304", "81,24"]


DATA = Path(__file__).resolve().parent.parent / "data" / "2023"


class Render:
    """One rendered report folder (what ``lkip render --kecamatan Umbulsari`` writes)."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.html = out_dir / "laporan.html"
        self.pdf = out_dir / "laporan.pdf"
        self.notebooks = sorted((out_dir / "notebooks").glob("*.ipynb"))
        self.notebook_html = sorted((out_dir / "notebooks").glob("*.html"))


def _render(root: Path) -> Render:
    """The one render path: the batch machinery with one job, as the CLI runs it."""
    params = BatchParams(kabupaten="Jember", tahun=2023, kecamatan=("Umbulsari",), data=DATA,
                         keluaran=root / "2023")
    result = run_batch(params, workers=1, force=True)
    assert not result.failed, [(o.tahap, o.galat) for o in result.failed]
    return Render(params.out_dir("Umbulsari"))


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Render, Render]:
    return _render(tmp_path_factory.mktemp("a")), _render(tmp_path_factory.mktemp("b"))


@pytest.fixture(scope="module")
def page(renders: tuple[Render, Render]) -> str:
    return renders[0].html.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def pdf_text(renders: tuple[Render, Render], pdftotext: Callable[[Path], str]) -> str:
    return re.sub(r"\s+", " ", pdftotext(renders[0].pdf))


def _titles() -> list[str]:
    lap = buka(DATA / "umbulsari")
    return [f"{e.nomor}" for e in KATALOG.values() if e.jenis == "tabel" and e.fungsi(lap, **e.kwargs) is not None]


def test_three_outputs(renders: tuple[Render, Render]) -> None:
    result = renders[0]
    assert result.html.is_file()
    assert result.pdf.is_file()
    assert len(result.notebooks) == 6
    assert len(result.notebook_html) == 6


def test_seed_figures_in_html_and_pdf(page: str, pdf_text: str) -> None:
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    for figure in FIGURES:
        assert figure in text
        assert figure in pdf_text


def test_every_table_title_in_html_and_pdf(page: str, pdf_text: str) -> None:
    for nomor in ["Tabel 1.1", "Tabel 1.2", "Tabel 1.3", *(f"Tabel 3.{i}" for i in range(1, 9))]:
        assert nomor in page
        assert nomor in pdf_text
    for nomor in _titles():
        assert f'data-nomor="{nomor}"' in page
        assert nomor in pdf_text
    for heading in ("DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "KATA PENGANTAR", "IKHTISAR EKSEKUTIF"):
        assert heading in pdf_text.upper()


def test_every_image_has_its_alt_text(renders: tuple[Render, Render]) -> None:
    """render.stitch skips nbconvert's pass that gives images without alt a placeholder: there are none."""
    for path in [renders[0].html, *renders[0].notebook_html]:
        text = re.sub(r"<script\b.*?</script>", "", path.read_text(encoding="utf-8"), flags=re.S)
        images = re.findall(r"<img\b[^>]*>", text)
        assert images or path != renders[0].html
        assert [img[:120] for img in images if not re.search(r"\balt=", img)] == [], path.name


def test_no_remote_resource(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", page)
    assert not re.search(r"url\(\s*['\"]?https?://|@import\s+['\"]?https?://", page)


def test_renders_are_byte_identical(renders: tuple[Render, Render]) -> None:
    def digest(folder: Path) -> dict[str, str]:
        return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}

    a, b = digest(renders[0].out_dir), digest(renders[1].out_dir)
    assert a == b
    assert "laporan.pdf" in a


@pytest.mark.browser
def test_every_chart_draws_offline_without_console_errors(page: str, renders: tuple[Render, Render],
                                                          chromium_dom: Callable[..., Any]) -> None:
    proc = chromium_dom(renders[0].html.as_uri(), budget_ms=15000, log=True)
    ids = re.findall(r'class="lkip-chart"[^>]*id="([^"]+)"|id="([^"]+)"[^>]*class="lkip-chart"', page)
    ids = [a or b for a, b in ids]
    assert len(ids) >= 6
    dom = proc.stdout
    for chart_id in ids:
        start = dom.index(f'id="{chart_id}"')
        container = dom[start: dom.index("</figure>", start)]
        assert "<svg" in container or "<canvas" in container, chart_id
    console = [line for line in proc.stderr.splitlines() if "CONSOLE" in line]
    assert not [line for line in console if "error" in line.lower() or "Uncaught" in line], console


_OVERFLOW_JS = """() => {
  const scroller = [];
  for (const box of document.querySelectorAll('.lkip-tabel-isi, .lkip-tabel-isi > div')) {
    if (box.scrollWidth > box.clientWidth + 1) scroller.push((box.closest('figure') || box).id);
  }
  const d = document.documentElement;
  return {page: d.scrollWidth - d.clientWidth, scroller: [...new Set(scroller)]};
}"""


@pytest.mark.browser
def test_the_page_fits_a_desktop_and_a_phone_screen(renders: tuple[Render, Render], browser: Any) -> None:
    """A Camat's laptop: no table scrolls sideways, the landscape Lampiran too; a phone: the page does not."""
    found = {}
    for width in (1100, 1400, 400):
        tab = browser.new_page(allow="file:", viewport={"width": width, "height": 900})
        tab.goto(renders[0].html.as_uri())
        tab.wait_for_function("document.querySelectorAll('.lkip-chart svg').length > 0")
        found[width] = tab.evaluate(_OVERFLOW_JS)
        tab.close()
    assert [u for u in browser.asked if not u.startswith("file:")] == []
    for width in (1100, 1400):
        assert found[width] == {"page": 0, "scroller": []}, width
    assert found[400]["page"] == 0  # tables scroll inside their box on a phone; the page itself does not


def _pages_with_words(pdftotext: Callable[..., str], pdf: Path) -> list[tuple[float, float, list[tuple[float, str]]]]:
    """(width, height, [(xMax, word)]) per page, from ``pdftotext -bbox``."""
    out = pdftotext(pdf, "-bbox")
    pages = []
    for chunk in out.split("<page ")[1:]:
        size = re.search(r'width="([\d.]+)" height="([\d.]+)"', chunk)
        words = [(float(x), html.unescape(w)) for x, w in
                 re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', chunk)]
        pages.append((float(size.group(1)), float(size.group(2)), words))
    return pages


def test_no_text_runs_past_the_right_margin(renders: tuple[Render, Render],
                                            pdftotext: Callable[..., str]) -> None:
    """Every table fits the printed page: nothing beyond the 20 mm right margin (5 mm slack)."""
    limit = 15 * 72 / 25.4
    over = [(number, word) for number, (width, _h, words) in enumerate(_pages_with_words(pdftotext, renders[0].pdf), 1)
            for x, word in words if x > width - limit]
    assert over == []


def test_wide_lampiran_matrices_are_on_landscape_pages(renders: tuple[Render, Render],
                                                       pdftotext: Callable[..., str]) -> None:
    pages = _pages_with_words(pdftotext, renders[0].pdf)
    for nomor in ("L1", "L2"):
        found = [(w, h) for w, h, words in pages
                 if "DAFTAR" not in {word for _x, word in words}  # not the Daftar Tabel
                 and any(a == "Tabel" and b == nomor for (_x, a), (_y, b) in zip(words, words[1:], strict=False))]
        assert found, nomor
        assert all(w > h for w, h in found), nomor
    assert pages[0][0] < pages[0][1]  # the report itself is portrait


#: Words that belong in CATATAN.md, the executed notebooks or the CLI, never in the signed report.
INTERNAL = ["baris kosong di sumber", "params/", ".csv", ".yaml", "lkip check", "lkip render", "GALAT",
            "PERINGATAN", "Data Set", "data set", "stakeholder", "Tertulis '", "mencetak", "seperti tertulis",
            "di sumber", "instrument ", "None", "NaN", "Hendy Siswanto"]


def _body_text(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_nothing_internal_in_the_body(page: str, pdf_text: str) -> None:
    """No transcription note, file name, key, check code, severity word or tool name in HTML or PDF."""
    for text in (_body_text(page), pdf_text):
        found = [s for s in INTERNAL if s in text]
        assert found == []
        assert "data set" not in text.lower()  # the planner's word for the input, never the report's
        assert not re.search(r"(?<![\w/])n/a(?![\w/])", text)  # "t.d." with its reason instead
        keys = set(re.findall(r"\b[a-z]+(?:_[a-z0-9]+)+\b", text))
        assert keys == set()  # column and setting keys (kode_indikator, pagu_murni, ...)


def test_umbulsari_is_a_draft_with_markers_and_placeholders(renders: tuple[Render, Render], page: str,
                                                            pdftotext: Callable[..., str]) -> None:
    """The seed's own errors keep it a draft: watermark on every page, markers at the open findings."""
    assert 'name="lkip-edisi" content="draf"' in page
    text = _body_text(page)
    assert "[periksa: temuan" in text
    assert "[belum diisi: tanggal penandatanganan PK]" in text
    kata_pengantar = text[text.index("KATA PENGANTAR"):text.index("DAFTAR ISI")]
    assert "Tahun Anggaran 2022" in kata_pengantar
    assert "[periksa: temuan" in kata_pengantar  # the marker beside the sentence naming 2022
    pages = pdftotext(renders[0].pdf, "-layout").split("\f")
    pages = [p for p in pages if p.strip()]
    assert all("DRAF" in p for p in pages), [n for n, p in enumerate(pages, 1) if "DRAF" not in p]


@pytest.fixture(scope="module")
def portable(tmp_path_factory: pytest.TempPathFactory) -> Render:
    """Umbulsari rendered in the portable mode (LKIP_PORTABEL=1: TCP kernels, no zygote, psutil).

    HTML and notebooks only: the PDF laid out in a spawned process is checked by
    ``tests/batch/test_portable.py``.
    """
    root = tmp_path_factory.mktemp("portabel")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("LKIP_PORTABEL", "1")
        params = BatchParams(kabupaten="Jember", tahun=2023, kecamatan=("Umbulsari",), data=DATA,
                             keluaran=root / "2023", formats=("html",))
        result = run_batch(params, workers=1, force=True)
    assert not result.failed, [(o.tahap, o.galat) for o in result.failed]
    assert result.extra["mode"] == "portabel"
    return Render(params.out_dir("Umbulsari"))


def test_portable_mode_renders_the_same_notebooks_and_html(renders: tuple[Render, Render], portable: Render) -> None:
    """What Windows and macOS run (forced here on Linux) writes what the normal mode writes, byte for byte."""
    normal = renders[0]
    names = [p.name for p in normal.notebooks]
    assert [p.name for p in portable.notebooks] == names
    assert len(names) == 6
    for a, b in zip(normal.notebooks + normal.notebook_html, portable.notebooks + portable.notebook_html,
                    strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert normal.html.read_bytes() == portable.html.read_bytes()
