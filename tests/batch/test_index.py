"""The kabupaten pages: index.html lists every kecamatan with working links; the overview."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pytest
from batch_fixtures import break_data, make_params

from lkip_helpers.batch import BatchResult, run_batch
from lkip_helpers.batch.index import IndexRow, write_index


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.rows: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if tag == "tr" and (a.get("id") or "").startswith("kec-"):
            self.rows.append(a["id"][4:])


def _links(page: str) -> _Links:
    parser = _Links()
    parser.feed(page)
    return parser


def test_index_without_any_render(tmp_path: Path) -> None:
    rows = [IndexRow("Gunung Sari", "gunung-sari", "belum", None), IndexRow("Ajung", "ajung", "gagal", None, "[data] x")]
    page = write_index(tmp_path / "index.html", "Jember", 2023, rows).read_text(encoding="utf-8")
    assert _links(page).rows == ["gunung-sari", "ajung"]
    assert "belum pernah disusun" in page
    assert "[data] x" in page
    assert "http" not in page  # nothing fetched from anywhere


def test_a_partial_average_says_of_how_many_sasaran(tmp_path: Path) -> None:
    """The kabupaten officer compares kecamatan: an average of 3 of 4 sasaran is shown as such."""
    base = {"capaian": 100.0, "predikat": "AA", "predikat_label": "Sangat Memuaskan", "serapan": 81.24}
    rows = [IndexRow("Ajung", "ajung", "selesai", {**base, "capaian_dari": [3, 4]}),
            IndexRow("Puger", "puger", "selesai", {**base, "capaian_dari": [4, 4]}),
            IndexRow("Silo", "silo", "selesai", base)]  # a stamp written before the count was kept
    page = write_index(tmp_path / "index.html", "Jember", 2023, rows).read_text(encoding="utf-8")
    assert page.count('class="bagian"') == 1
    ajung = page[page.index('id="kec-ajung"'):page.index('id="kec-puger"')]
    assert "rata-rata 3 dari 4 sasaran" in ajung


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> BatchResult:
    """Three kecamatan in the parameter set: two rendered (one of them broken), one never."""
    mp = pytest.MonkeyPatch()
    root = tmp_path_factory.mktemp("indeks") / "proyek"
    from batch_fixtures import make_project, use_project

    use_project(make_project(root), mp)
    params = make_params(root, {"Ajung": "ajung", "Puger": "puger", "Silo": "silo"}, formats=("html", "pdf"))
    break_data(root / "data" / "2023" / "puger")
    try:
        yield run_batch(params, workers=2, only=["Ajung", "Puger"])  # the index lists all three
    finally:
        mp.undo()


@pytest.mark.slow
def test_index_lists_every_kecamatan_with_existing_targets(batch: BatchResult) -> None:
    page = batch.index.read_text(encoding="utf-8")
    links = _links(page)
    assert links.rows == ["ajung", "puger", "silo"]
    base = batch.index.parent
    for href in links.hrefs:
        assert (base / unquote(href)).exists(), href
    for target in ("ajung/laporan.html", "ajung/laporan.pdf", "ajung/notebooks/01_capaian.html",
                   "puger/gagal/masalah-data.txt", "kabupaten/ikhtisar.html"):
        assert target in links.hrefs, target
    assert "belum pernah disusun" in page  # Silo was not in this run and never rendered
    assert re.search(r"95,2\d%", page)  # Ajung's capaian, Indonesian decimals
    assert ">contoh<" in page


@pytest.mark.slow
def test_overview_notebook_compares_the_kecamatan(batch: BatchResult) -> None:
    assert batch.ikhtisar is not None
    assert batch.ikhtisar.ok, batch.ikhtisar
    page = (batch.index.parent / "kabupaten" / "ikhtisar.html").read_text(encoding="utf-8")
    for text in ("PERINGKAT", "CAPAIAN PER SASARAN", "SERAPAN ANGGARAN", "STATUS DESA", "Ajung"):
        assert text in page, text
    assert page.count("window.vegaEmbed=") == 1
    assert page.count("vegaEmbed(\"#gambar-") == 4
    text = " ".join(page.split())
    assert "Ikhtisar ini memuat 1 dari 3 kecamatan dalam parameter set." in text
    assert "Belum termasuk (belum ada laporan yang disusun): Puger, Silo." in text


@pytest.mark.slow
def test_rekap_has_one_row_per_kecamatan_with_numbers_as_numbers(batch: BatchResult) -> None:
    import csv

    from openpyxl import load_workbook

    folder = batch.index.parent
    ws = load_workbook(folder / "rekap.xlsx").active
    titles = [c.value for c in ws[2]]
    assert titles[:4] == ["No", "Kecamatan", "Status penyusunan", "Rata-rata capaian (%)"]
    rows = {r[1]: dict(zip(titles, r, strict=True)) for r in ws.iter_rows(min_row=3, values_only=True)}
    assert list(rows) == ["Ajung", "Puger", "Silo"]
    ajung = rows["Ajung"]
    assert ajung["Status penyusunan"] == "disusun"
    assert isinstance(ajung["Rata-rata capaian (%)"], float)
    assert isinstance(ajung["Pagu anggaran (Rp)"], int | float)
    assert ajung["Pagu anggaran (Rp)"] > 1_000_000
    assert any(t.startswith("Capaian sasaran S1") for t in titles)
    assert rows["Puger"]["Status penyusunan"] == "gagal"
    assert rows["Puger"]["Rata-rata capaian (%)"] is None  # no report: empty, never zero
    assert "banyak sekali" in rows["Puger"]["Keterangan"]
    assert rows["Silo"]["Status penyusunan"] == "belum disusun"
    with (folder / "rekap.csv").open(encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert [r["kecamatan"] for r in table] == ["Ajung", "Puger", "Silo"]
    assert float(table[0]["capaian"]) == pytest.approx(ajung["Rata-rata capaian (%)"])
    assert table[1]["capaian"] == ""


@pytest.mark.slow
@pytest.mark.browser
def test_index_in_chromium_links_open(batch: BatchResult, chromium_dom: Callable[..., Any]) -> None:
    def _dom(url: str) -> str:
        return chromium_dom(url, budget_ms=8000).stdout

    dom = _dom(batch.index.as_uri())
    links = _links(dom)
    assert links.rows == ["ajung", "puger", "silo"]
    opened = 0
    for href in links.hrefs:
        url = urlparse(href)
        assert not url.scheme, href  # relative: works from a USB stick
        assert not url.netloc, href
        target = batch.index.parent / unquote(url.path)
        assert target.exists(), href
        if target.suffix == ".html":
            assert "<body" in _dom(target.as_uri())
            opened += 1
    assert opened >= 3
    overview = _dom((batch.index.parent / "kabupaten" / "ikhtisar.html").as_uri())
    assert overview.count('class="marks"') >= 4  # vegaEmbed drew all four charts offline
