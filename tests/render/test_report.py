"""The whole pipeline on three tiny chapters: offline HTML, PDF, atomic, reproducible."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
from render_fixtures import CHAPTERS, FAILING, META, PARAMETERS, remote_references, write_notebook

from lkip_helpers.errors import RenderError
from lkip_helpers.render import RenderResult, render_report

pytestmark = pytest.mark.slow

def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_outputs_are_where_the_result_says(rendered: RenderResult) -> None:
    names = [p.name for p in rendered.notebooks]
    assert names == ["00_pengantar.ipynb", "01_pendahuluan.ipynb", "02_akuntabilitas.ipynb"]
    for path in [rendered.html, rendered.pdf, *rendered.notebooks, *rendered.notebook_html]:
        assert path is not None
        assert path.is_file()
    assert not rendered.skipped
    assert not list(rendered.out_dir.parent.glob(".*sedang-disusun*"))  # staging removed


def test_report_html_is_offline_and_complete(rendered: RenderResult) -> None:
    page = rendered.html.read_text(encoding="utf-8")
    assert remote_references(page) == []
    assert page.count("window.vegaEmbed=") == 1  # the Vega bundle, once
    for chart_id in ("gambar-3-1-vis", "gambar-3-2-vis"):
        assert page.count(f'<div class="lkip-chart" id="{chart_id}">') == 1
        assert page.count(f'vegaEmbed("#{chart_id}",') == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    assert "**bukan tebal**" in page
    for heading in (
        'id="daftar-isi-judul">DAFTAR ISI',
        'id="daftar-tabel-judul">DAFTAR TABEL',
        'id="daftar-gambar-judul">DAFTAR GAMBAR',
    ):
        assert heading in page
    for link in (
        'href="#bab-i-pendahuluan">BAB I PENDAHULUAN',
        'href="#a-latar-belakang">A. LATAR BELAKANG',
        'href="#tabel-1-1">Tabel 1.1 Jumlah ASN Kecamatan',
        'href="#gambar-3-2">Gambar 3.2 Capaian (garis)',
    ):
        assert link in page
    assert "DATA CONTOH - bukan data resmi" in page


def test_reviewer_notebook_pages_are_offline(rendered: RenderResult) -> None:
    for page_path in rendered.notebook_html:
        page = page_path.read_text(encoding="utf-8")
        assert remote_references(page) == []
        assert "<script" not in page
        assert "Asal-usul notebook ini" in page
        assert "0" * 64 in page


def test_pdf_text_has_titles_lists_and_page_numbers(rendered: RenderResult, pdftotext: Callable[[Path], str]) -> None:
    text = pdftotext(rendered.pdf)
    pages = text.split("\f")
    assert "LAPORAN KINERJA" in pages[0]
    assert "KECAMATAN UMBULSARI" in pages[0]
    assert all("DATA CONTOH - bukan data resmi" in p for p in pages if p.strip())
    assert "Kecamatan Umbulsari" in pages[1]
    assert "LKIP 2023" in pages[1]
    toc = next(p for p in pages if "DAFTAR ISI" in p and "BAB I PENDAHULUAN" in p)
    number = re.search(r"BAB I PENDAHULUAN\s*\.+\s*(\d+)", toc)
    assert number, toc
    assert number.group(1) == "1"  # the chapters count from 1, after the front matter's i, ii, ...
    assert re.search(r"KATA PENGANTAR\s*\.+\s*i\n", toc)
    bab = next(p for p in pages[pages.index(toc) + 1 :] if "BAB I PENDAHULUAN" in p)
    assert bab.strip().splitlines()[-1].strip() == "1"
    tables = next(p for p in pages if "DAFTAR TABEL" in p and "Tabel 1.1" in p)
    assert re.search(r"Tabel 1\.1 Jumlah ASN Kecamatan\s*\.+\s*\d+", tables)
    for title in ("Jumlah ASN Kecamatan", "Capaian Kinerja", "Sekretaris Camat", "<script>alert(1)</script>"):
        assert title in text


def test_pdf_metadata_has_no_dates(rendered: RenderResult) -> None:
    data = rendered.pdf.read_bytes()
    assert b"/CreationDate" not in data
    assert b"/ModDate" not in data
    assert b"/ID [" in data


def test_second_render_is_skipped_then_forced_render_is_byte_identical(
    rendered: RenderResult, tmp_path: Path
) -> None:
    before = _digest(rendered.out_dir)
    nb_dir = rendered.notebooks[0].parent.parent.parent.parent / "nb"
    notebooks = [nb_dir / f"{name}.ipynb" for name in CHAPTERS]
    again = render_report(
        notebooks,
        PARAMETERS,
        rendered.out_dir,
        META,
        data_files=[("2023/umbulsari/instansi.yaml", "0" * 64)],
        settings={"capaian": {"batas_atas": 120}},
    )
    assert again.skipped
    assert _digest(rendered.out_dir) == before
    elsewhere = tmp_path / "lain" / "umbulsari"
    forced = render_report(
        notebooks,
        PARAMETERS,
        elsewhere,
        META,
        force=True,
        data_files=[("2023/umbulsari/instansi.yaml", "0" * 64)],
        settings={"capaian": {"batas_atas": 120}},
    )
    assert not forced.skipped
    assert _digest(elsewhere) == before


def test_failed_render_keeps_the_good_report_and_the_failed_notebook(
    rendered: RenderResult, tmp_path: Path
) -> None:
    out = tmp_path / "umbulsari"
    shutil.copytree(rendered.out_dir, out)
    before = _digest(out)
    good = write_notebook(tmp_path / "nb" / "00_pengantar.ipynb", CHAPTERS["00_pengantar"])
    bad = write_notebook(tmp_path / "nb" / "03_penutup.ipynb", FAILING)
    with pytest.raises(RenderError) as info:
        render_report([good, bad], PARAMETERS, out, META, force=True)
    err = info.value
    assert (err.kecamatan, err.chapter, err.cell_index) == ("Umbulsari", "03_penutup", 3)
    kept = out / "gagal" / "03_penutup.ipynb"
    assert err.notebook_path == str(kept)
    assert str(kept) in str(err)
    assert nbformat.read(kept, as_version=4).cells
    after = _digest(out)
    assert {k: v for k, v in after.items() if not k.startswith("gagal/")} == before
    assert not list(tmp_path.glob(".*sedang-disusun*"))


@pytest.mark.browser
def test_charts_draw_offline_in_chromium(rendered: RenderResult, chromium_dom: Callable[..., Any]) -> None:
    dom = chromium_dom(rendered.html.as_uri()).stdout
    for chart_id in ("gambar-3-1-vis", "gambar-3-2-vis"):
        start = dom.index(f'id="{chart_id}"')
        container = dom[start : dom.index("</figure>", start)]
        assert "<svg" in container
        assert "lkip-chart-statis" not in container


def test_chapters_side_by_side_give_the_same_report(rendered: RenderResult, tmp_path: Path) -> None:
    """Two lanes (a lone report on idle cores): every output byte-identical to one lane's."""
    nb_dir = rendered.notebooks[0].parent.parent.parent.parent / "nb"
    notebooks = [nb_dir / f"{name}.ipynb" for name in CHAPTERS]
    steps: list[str] = []
    here = Path.cwd()
    two = render_report(
        notebooks, PARAMETERS, tmp_path / "dua" / "umbulsari", META, force=True, lajur=2,
        data_files=[("2023/umbulsari/instansi.yaml", "0" * 64)], settings={"capaian": {"batas_atas": 120}},
        progress=steps.append,
    )
    assert _digest(two.out_dir) == _digest(rendered.out_dir)
    assert Path.cwd() == here  # the lanes never moved this process's working folder
    assert sorted(s for s in steps if s in CHAPTERS) == sorted(CHAPTERS)  # each chapter once
    assert {f"eksekusi {name}" for name in CHAPTERS} <= set(two.seconds)


def test_side_by_side_the_first_failing_chapter_is_reported_and_nothing_committed(tmp_path: Path) -> None:
    out = tmp_path / "umbulsari"
    good = [write_notebook(tmp_path / "nb" / f"{name}.ipynb", cells) for name, cells in CHAPTERS.items()]
    bad = write_notebook(tmp_path / "nb" / "03_penutup.ipynb", FAILING)
    with pytest.raises(RenderError) as info:
        render_report([good[0], bad, good[1], good[2]], PARAMETERS, out, META, force=True, lajur=2)
    err = info.value
    assert (err.chapter, err.cell_index) == ("03_penutup", 3)
    assert err.notebook_path == str(out / "gagal" / "03_penutup.ipynb")
    assert nbformat.read(out / "gagal" / "03_penutup.ipynb", as_version=4).cells
    assert not (out / "laporan.html").exists()
    assert not list(tmp_path.glob(".*sedang-disusun*"))
