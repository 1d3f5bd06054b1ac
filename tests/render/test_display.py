"""The display layer: markers, escaping, deterministic ids, offline charts."""

from __future__ import annotations

import base64
import io
import re

import altair as alt
import pandas as pd
import pytest
from great_tables import GT
from PIL import Image
from render_fixtures import remote_references

from lkip_helpers.present import display as d


def _chart() -> alt.Chart:
    data = pd.DataFrame({"tahun": ["2021", "2022", "2023"], "capaian": [88.0, 91.5, 97.0]})
    return alt.Chart(data).mark_bar().encode(x="tahun:N", y="capaian:Q")


def test_all_matches_public_functions() -> None:
    public = {
        n
        for n in dir(d)
        if not n.startswith("_") and callable(getattr(d, n)) and getattr(d, n).__module__ == d.__name__
    }
    assert set(d.__all__) == public


@pytest.mark.parametrize(
    ("func", "tag", "css"),
    [(d.bab, "h1", "lkip-bab"), (d.subbab, "h2", "lkip-subbab"), (d.subsubbab, "h3", "lkip-subsubbab")],
)
def test_headings_carry_class_and_slug_id(func, tag, css) -> None:
    html = func("A. Latar Belakang & Tujuan").html
    assert html == f'<{tag} class="{css}" id="a-latar-belakang-tujuan">A. Latar Belakang &amp; Tujuan</{tag}>'


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "**tebal** _miring_ `kode`",
        '"><img src=x onerror=alert(1)>',
        "<!-- komentar -->",
    ],
)
def test_paragraf_shows_data_text_literally(text) -> None:
    html = d.paragraf(text).html
    assert "<script" not in html
    assert "<img" not in html
    assert "<!--" not in html
    assert "<strong>" not in html
    assert "<em>" not in html
    assert html.startswith('<p class="lkip-paragraf">')


def test_paragraf_blank_line_splits_paragraphs() -> None:
    assert d.paragraf("satu\n\ndua\nbaris").html.count("<p ") == 2


def test_butir_numbered_and_bulleted_escape_items() -> None:
    assert (
        d.butir(["<b>a</b>", "b"]).html
        == '<ol class="lkip-butir"><li>&lt;b&gt;a&lt;/b&gt;</li><li>b</li></ol>'
    )
    assert d.butir(["a"], bernomor=False).html.startswith('<ul class="lkip-butir">')


def test_tabel_figure_markers_caption_above_source_below() -> None:
    html = d.tabel(
        "<table><tr><td>1</td></tr></table>",
        nomor="Tabel 3.1",
        judul="Capaian <IKU>",
        sumber="Sumber data: Kec",
    ).html
    assert html.startswith(
        '<figure class="lkip-tabel" id="tabel-3-1" data-nomor="Tabel 3.1" data-judul="Capaian &lt;IKU&gt;">'
    )
    assert html.index("<figcaption") < html.index("<table") < html.index('class="lkip-sumber"')


def test_tabel_great_tables_gets_deterministic_id() -> None:
    df = pd.DataFrame({"No": [1], "Jabatan": ["Camat"]})
    first = d.tabel(GT(df), nomor="Tabel 1.1", judul="ASN").html
    second = d.tabel(GT(df), nomor="Tabel 1.1", judul="ASN").html
    assert first == second
    assert 'id="tabel-1-1-gt"' in first
    assert remote_references(first) == []


def test_gambar_bundle_is_offline_and_complete() -> None:
    data, meta = d.gambar(
        _chart(), nomor="Gambar 3.1", judul="Capaian", sumber="Sumber data: Kec"
    )._repr_mimebundle_()
    spec_types = [k for k in data if k.startswith("application/vnd.vegalite.v")]
    assert len(spec_types) == 1
    assert data[spec_types[0]]["mark"]["type"] == "bar"
    assert data["image/svg+xml"].startswith("<svg")
    html = data["text/html"]
    assert '<figure class="lkip-gambar" id="gambar-3-1"' in html
    assert '<div class="lkip-chart" id="gambar-3-1-vis"><img class="lkip-chart-statis"' in html
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<script" not in html
    assert remote_references(html) == []
    assert meta["lkip"]["chart_id"] == "gambar-3-1-vis"


def test_gambar_svg_uses_house_font() -> None:
    data, _ = d.gambar(_chart(), nomor="Gambar 1.1", judul="x")._repr_mimebundle_()
    fonts = set(re.findall(r'font-family="([^"]+)"', data["image/svg+xml"]))
    assert fonts
    assert all("DejaVu Sans" in f for f in fonts)


def test_gambar_is_deterministic() -> None:
    a = d.gambar(_chart(), nomor="Gambar 1.1", judul="x")._repr_mimebundle_()
    b = d.gambar(_chart(), nomor="Gambar 1.1", judul="x")._repr_mimebundle_()
    assert a == b


def test_foto_resized_and_embedded_as_jpeg(tmp_path) -> None:
    path = tmp_path / "kegiatan.png"
    Image.new("RGB", (3000, 1500), "teal").save(path)
    html = d.foto(path, "Rapat <koordinasi>").html
    b64 = re.search(r'src="data:image/jpeg;base64,([^"]+)"', html).group(1)
    with Image.open(io.BytesIO(base64.b64decode(b64))) as img:
        assert img.format == "JPEG"
        assert max(img.size) == 1200
    assert "Rapat &lt;koordinasi&gt;" in html


def test_foto_missing_file_says_which(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="tidak ditemukan"):
        d.foto(tmp_path / "tidak-ada.jpg", "x")


def test_tanda_tangan_block() -> None:
    html = d.tanda_tangan("Umbulsari", "23 Februari 2024", "Camat Umbulsari", "RONNY", "Pembina", "1977").html
    for part in ("Umbulsari, 23 Februari 2024", "Camat Umbulsari,", "RONNY", "Pembina", "NIP. 1977"):
        assert part in html


def test_markers_for_page_break_banner_and_list_place() -> None:
    assert 'class="lkip-halaman-baru"' in d.halaman_baru().html
    assert "DATA CONTOH - bukan data resmi" in d.banner_contoh().html
    assert d.daftar_isi().html == '<div class="lkip-tempat-daftar-isi"></div>'


def test_mimebundle_has_plain_text_fallback() -> None:
    data, _ = d.bab("BAB I")._repr_mimebundle_()
    assert data["text/plain"] == "BAB I"


def test_melintang_wraps_html_and_chart_bundle() -> None:
    heading = d.melintang(d.subbab("Lampiran 1. Matriks"))
    assert heading.html == f'<div class="lkip-melintang">{d.subbab("Lampiran 1. Matriks").html}</div>'
    assert heading.plain == "Lampiran 1. Matriks"
    chart = d.gambar(_chart(), nomor="Gambar 9.1", judul="Capaian")
    wide = d.melintang(chart)
    data, meta = wide._repr_mimebundle_()
    assert data["text/html"].startswith('<div class="lkip-melintang"><figure class="lkip-gambar"')
    assert meta == chart._repr_mimebundle_()[1]
    assert chart._repr_mimebundle_()[0]["text/html"].startswith("<figure")  # the original is untouched


def test_foreign_terms_that_stay_are_italicised() -> None:
    html_text = d.paragraf("Terselenggaranya Good Governance dan pelayanan prima (public service).").html
    assert "<em>Good Governance</em>" in html_text
    assert "(<em>public service</em>)" in html_text
    assert d.paragraf("<script>good governance</script>").html.count("<script>") == 0
