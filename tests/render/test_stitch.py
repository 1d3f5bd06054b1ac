"""Stitching without a kernel: notebooks built in memory from display objects."""

from __future__ import annotations

import dataclasses
import re

import altair as alt
import nbformat
import pytest
from render_fixtures import META, remote_references

from lkip_helpers.present import display as d
from lkip_helpers.render import Report, ReportMeta, build_report, notebook_html
from lkip_helpers.render.provenance import Provenance, add_provenance


def nb_of(*items: object, markdown: str | None = None) -> nbformat.NotebookNode:
    """A notebook whose code cells have the given display objects as outputs."""
    nb = nbformat.v4.new_notebook()
    if markdown:
        nb.cells.append(nbformat.v4.new_markdown_cell(markdown))
    for index, item in enumerate(items):
        data, metadata = item._repr_mimebundle_()
        out = nbformat.v4.new_output("display_data", data=data, metadata=metadata)
        cell = nbformat.v4.new_code_cell(f"tampil_{index}()", outputs=[out])
        cell["id"] = f"c{index}"
        nb.cells.append(cell)
    return nb


def _chart() -> alt.Chart:
    return (
        alt.Chart(alt.Data(values=[{"a": "x", "b": 1}, {"a": "y", "b": 2}]))
        .mark_bar()
        .encode(x="a:N", y="b:Q")
    )


def _ids(html: str) -> list[str]:
    return re.findall(r'\bid="([^"]+)"', html)


def test_lists_follow_kata_pengantar_and_link_to_existing_ids() -> None:
    report = build_report(
        [
            nb_of(d.bab("KATA PENGANTAR"), d.paragraf("Puji syukur.")),
            nb_of(
                d.bab("BAB I PENDAHULUAN"),
                d.subbab("A. Latar Belakang"),
                d.tabel("<table></table>", "Tabel 1.1", "ASN"),
            ),
        ],
        META,
    )
    assert [e.teks for e in report.daftar_isi] == [
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "DAFTAR TABEL",
        "BAB I PENDAHULUAN",
        "A. Latar Belakang",
    ]
    assert [e.level for e in report.daftar_isi][-1] == 2
    assert "KATA PENGANTAR" in report.sebelum
    assert "BAB I" in report.sesudah
    page = report.html("layar")
    ids = set(_ids(page))
    hrefs = re.findall(r'href="#([^"]+)"', page)
    assert hrefs
    assert set(hrefs) <= ids
    assert (
        page.index("KATA PENGANTAR</h1>")
        < page.index(">DAFTAR ISI</h1>")
        < page.index("BAB I PENDAHULUAN</h1>")
    )
    assert "DAFTAR GAMBAR" not in page  # no figures, no list


def test_marker_places_the_lists() -> None:
    report = build_report([nb_of(d.bab("IKHTISAR"), d.daftar_isi(), d.bab("BAB I"))], META)
    assert [e.teks for e in report.daftar_isi] == ["IKHTISAR", "DAFTAR ISI", "BAB I"]


def test_repeated_ids_get_suffixes_everywhere() -> None:
    report = build_report(
        [
            nb_of(d.bab("BAB I"), d.subbab("A. Umum"), d.gambar(_chart(), "Gambar 1.1", "x")),
            nb_of(d.bab("BAB II"), d.subbab("A. Umum"), d.gambar(_chart(), "Gambar 1.1", "dobel")),
        ],
        META,
    )
    page = report.html("layar")
    ids = _ids(page)
    lkip_ids = [i for i in ids if i.startswith(("a-umum", "gambar-1-1"))]
    assert sorted(lkip_ids) == [
        "a-umum",
        "a-umum-2",
        "gambar-1-1",
        "gambar-1-1-2",
        "gambar-1-1-2-vis",
        "gambar-1-1-vis",
    ]
    assert [g["id"] for g in report.grafik] == ["gambar-1-1-vis", "gambar-1-1-2-vis"]


def test_charts_one_container_and_one_embed_call_each_print_variant_has_no_script() -> None:
    report = build_report(
        [
            nb_of(
                d.bab("BAB III"), d.gambar(_chart(), "Gambar 3.1", "a"), d.gambar(_chart(), "Gambar 3.2", "b")
            )
        ],
        META,
    )
    screen = report.html("layar")
    for chart_id in ("gambar-3-1-vis", "gambar-3-2-vis"):
        assert screen.count(f'<div class="lkip-chart" id="{chart_id}">') == 1
        assert screen.count(f'vegaEmbed("#{chart_id}",') == 1
    assert screen.count("window.vegaEmbed=") == 1
    assert remote_references(screen) == []
    printed = report.html("cetak")
    assert "<script" not in printed
    assert printed.count("data:image/svg+xml;base64,") == 2
    assert "@media print {" not in printed
    assert "target-counter" in printed


def test_no_charts_no_bundle() -> None:
    page = build_report([nb_of(d.bab("BAB I"), d.paragraf("x"))], META).html("layar")
    assert "<script" not in page


def test_cover_and_banner() -> None:
    page = build_report([nb_of(d.bab("BAB I"))], META).html("layar")
    assert "LAPORAN KINERJA<br>INSTANSI PEMERINTAH<br>(LKIP)" in page
    assert "PEMERINTAH KABUPATEN JEMBER<br>KECAMATAN UMBULSARI" in page
    assert 'class="lkip-banner-contoh lkip-banner-halaman"' in page
    official = build_report([nb_of(d.bab("BAB I"))], dataclasses.replace(META, is_contoh=False))
    assert 'class="lkip-banner-contoh lkip-banner-halaman"' not in official.html("layar")
    assert 'data-contoh=""' in official.html("cetak")


def test_code_streams_and_provenance_stay_out_of_the_report() -> None:
    nb = nb_of(d.bab("BAB I"))
    nb.cells[0].outputs.append(nbformat.v4.new_output("stream", name="stderr", text="PERINGATAN-INTERNAL"))
    add_provenance(nb, Provenance(data_files=(("a.csv", "f" * 64),), tanggal="23 Februari 2024"))
    page = build_report([nb], META).html("layar")
    assert "tampil_0" not in page
    assert "PERINGATAN-INTERNAL" not in page
    assert "f" * 64 not in page


def test_markdown_cells_and_headings_are_kept() -> None:
    page = build_report([nb_of(d.paragraf("x"), markdown="# BAB II PERENCANAAN\n\nTeks **tebal**.")], META)
    assert [e.teks for e in page.daftar_isi][-1] == "BAB II PERENCANAAN"
    assert "<strong>tebal</strong>" in page.html("layar")


def test_notebook_html_shows_code_offline() -> None:
    nb = nb_of(d.bab("BAB I"), d.gambar(_chart(), "Gambar 1.1", "x"))
    add_provenance(nb, Provenance(data_files=(("a.csv", "f" * 64),)))
    page = notebook_html(nb, "01_bab - Kecamatan Umbulsari 2023")
    assert "tampil_0" in page
    assert "f" * 64 in page
    assert "Gambar 1.1" in page
    assert remote_references(page) == []
    assert "<script" not in page


# --------------------------------------------------------------------------- front matter, edition
def _front_report(meta: ReportMeta = META) -> Report:
    return build_report(
        [
            nb_of(d.bab("KATA PENGANTAR"), d.paragraf("Puji syukur."), d.daftar_isi(), d.bab("IKHTISAR EKSEKUTIF"),
                  d.tabel("<table><tr><td>1</td></tr></table>", "Tabel 0.1", "Ringkas")),
            nb_of(d.bab("BAB I PENDAHULUAN"), d.subbab("A. Latar Belakang"),
                  d.tabel("<table><tr><td>1</td></tr></table>", "Tabel 1.1", "ASN")),
        ],
        meta,
    )


def test_front_matter_entries_are_marked_for_roman_page_numbers() -> None:
    report = _front_report()
    assert [(e.teks, e.depan) for e in report.daftar_isi] == [
        ("KATA PENGANTAR", True),
        ("DAFTAR ISI", True),
        ("DAFTAR TABEL", True),
        ("IKHTISAR EKSEKUTIF", True),
        ("BAB I PENDAHULUAN", False),
        ("A. Latar Belakang", False),
    ]
    assert [(e.teks, e.depan) for e in report.daftar_tabel] == [("Tabel 0.1 Ringkas", True), ("Tabel 1.1 ASN", False)]
    page = report.html("cetak")
    front = page[page.index('<div class="lkip-depan">') : page.index('<div class="lkip-utama">')]
    main = page[page.index('<div class="lkip-utama">') :]
    assert "IKHTISAR EKSEKUTIF</h1>" in front
    assert "KATA PENGANTAR</h1>" in front
    assert "BAB I PENDAHULUAN</h1>" not in front
    assert re.match(r'<div class="lkip-utama">\s*<section class="lkip-bagian"[^>]*>\s*<h1[^>]*>BAB I', main)
    assert '<li class="toc-1 toc-depan"><a href="#ikhtisar-eksekutif">' in page
    assert '<li class="toc-1"><a href="#bab-i-pendahuluan">' in page
    assert "target-counter(attr(href), page, lower-roman)" in page


def test_bab_i_inside_a_chapter_splits_its_section() -> None:
    report = build_report([nb_of(d.bab("IKHTISAR EKSEKUTIF"), d.paragraf("Ringkas."), d.bab("BAB I"),
                                 d.paragraf("Isi."))], META)
    page = report.html("layar")
    front = page[page.index('<div class="lkip-depan">') : page.index('<div class="lkip-utama">')]
    main = page[page.index('<div class="lkip-utama">') :]
    assert "Ringkas." in front
    assert "Isi." not in front
    assert front.count("<section") == front.count("</section>") == 2  # the cover and the front part
    assert re.match(r'<div class="lkip-utama">\s*<section class="lkip-bagian lkip-bagian-lanjutan" data-bab="0">', main)
    assert len(_ids(page)) == len(set(_ids(page)))
    assert [(e.teks, e.depan) for e in report.daftar_isi] == [
        ("DAFTAR ISI", True), ("IKHTISAR EKSEKUTIF", True), ("BAB I", False)]


def test_no_bab_heading_means_no_front_chapter() -> None:
    report = build_report([nb_of(d.bab("LAMPIRAN"), d.paragraf("x"))], META)
    assert [(e.teks, e.depan) for e in report.daftar_isi] == [("DAFTAR ISI", True), ("LAMPIRAN", False)]


def test_a_draft_says_so_on_screen_on_paper_and_on_the_cover() -> None:
    assert META.edisi == "draf"  # today's renders are drafts
    report = _front_report(dataclasses.replace(META, is_contoh=False))
    screen, printed = report.html("layar"), report.html("cetak")
    for page in (screen, printed):
        assert _edisi(page) == "draf"
        assert '<div class="lkip-tanda-air" aria-hidden="true">DRAF</div>' in page
        assert '<p class="sampul-edisi">DRAF</p>' in page
    assert '<div class="lkip-banner-draf lkip-banner-halaman" role="note">DRAF \u2014 belum final: ' in screen
    assert "lkip-banner-draf" not in printed.split("</style>")[-1]  # WeasyPrint: the watermark says it ...
    assert 'data-edisi="DRAF"' in printed  # ... and the running header (string-set)
    assert '@page { @top-center { content: "DRAF \u2014 belum final' in screen  # browsers printing the HTML


def test_the_final_edition_has_no_draft_mark() -> None:
    report = _front_report(dataclasses.replace(META, is_contoh=False, edisi="final"))
    for page in (report.html("layar"), report.html("cetak")):
        assert _edisi(page) == "final"
        assert "DRAF" not in page
        assert "lkip-banner-halaman" not in page.split("</style>")[-1]


def test_draft_and_synthetic_banners_together() -> None:
    page = _front_report().html("layar")
    body = page.split("</style>")[-1]
    assert body.index('class="lkip-banner-draf') < body.index('class="lkip-banner-contoh')
    assert "DATA CONTOH - bukan data resmi" in page.split("@top-center { content: ")[-1].split(";")[0]


def test_edisi_is_draf_or_final() -> None:
    with pytest.raises(ValueError, match="edisi harus 'draf' atau 'final'"):
        dataclasses.replace(META, edisi="resmi")
    with pytest.raises(ValueError, match="edisi harus 'draf' atau 'final'"):
        notebook_html(nb_of(d.bab("BAB I")), "x", edisi="Final")


def _edisi(page: str) -> str | None:
    """The edition a page records (``<meta name="lkip-edisi">``, attributes in any order)."""
    tag = re.search(r'<meta\b[^>]*\bname="lkip-edisi"[^>]*>', page)
    found = re.search(r'\bcontent="([^"]*)"', tag.group(0)) if tag else None
    return found.group(1) if found else None


def test_notebook_html_says_the_edition() -> None:
    nb = nb_of(d.bab("BAB I"))
    draft = notebook_html(nb, "01_bab - Kecamatan Umbulsari 2023", edisi="draf")
    assert _edisi(draft) == "draf"
    assert "(edisi draf)" in draft
    assert "DRAF \u2014 belum final" in draft
    final = notebook_html(nb, "01_bab - Kecamatan Umbulsari 2023", edisi="final")
    assert _edisi(final) == "final"
    assert "(edisi final)" in final
    assert "belum final" not in final
    assert "lkip-edisi" not in notebook_html(nb, "01_bab")  # not told, says nothing
