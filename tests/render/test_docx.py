"""The Word edition: laporan.docx of a real Umbulsari render, read back with python-docx.

One batch render (HTML, PDF, DOCX; a draft) is shared by the module; a second render
writing only the DOCX checks that the bytes are the same.  LibreOffice headless converts
the DOCX to PDF (no repair, a page count near the PDF's).  LibreOffice and poppler are
installed by ``make test``; missing is a failure, not a skip.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from lkip_helpers.batch import BatchParams, run_batch
from lkip_helpers.errors import SettingsError
from lkip_helpers.render.stitch import ReportMeta, build_report
from lkip_helpers.render.word import REFERENSI, report_to_docx
from lkip_helpers.render.word.tabel import grid, is_number

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "2023"
pytestmark = pytest.mark.slow


def _params(tmp: Path, formats: tuple[str, ...], referensi: Path | None = None) -> BatchParams:
    return BatchParams(kabupaten="Jember", tahun=2023, kecamatan=("Umbulsari",), data=DATA,
                       keluaran=tmp / "2023", formats=formats, referensi_docx=referensi)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """outputs/2023/umbulsari of one draft render with every format."""
    tmp = tmp_path_factory.mktemp("docx")
    # no kabupaten overview (its notebook "does not exist"): the index is still written
    result = run_batch(_params(tmp, ("html", "pdf", "docx")), workers=1, overview_notebook=tmp / "tanpa.ipynb")
    (outcome,) = result.outcomes
    assert outcome.status == "selesai", (outcome.tahap, outcome.galat)
    return tmp / "2023" / "umbulsari"


@pytest.fixture(scope="module")
def html(out: Path) -> Any:
    page = (out / "laporan.html").read_text(encoding="utf-8")
    return lxml.html.fromstring(page)


@pytest.fixture(scope="module")
def doc(out: Path) -> Any:
    return Document(str(out / "laporan.docx"))


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _blocks(doc: Any) -> list[Paragraph | Table]:
    body = doc.element.body
    return [Paragraph(c, doc) if c.tag == qn("w:p") else Table(c, doc) for c in body if c.tag in (qn("w:p"), qn("w:tbl"))]


def _all_paragraph_texts(doc: Any) -> list[str]:
    texts = []
    for p in doc.element.body.iter(qn("w:p")):
        texts.append(_norm("".join(t.text or "" for t in p.iter(qn("w:t")))))
    return texts


def _docx_rows(table: Table) -> list[list[str]]:
    """Each row's cell texts, a merged cell once (where it starts), empty cells left out."""
    seen: list[Any] = []  # the cells' elements (kept: lxml gives the same proxy while one is referenced)
    rows = []
    for row in table.rows:
        texts = []
        for cell in row.cells:  # python-docx gives a merged cell for every grid column and row it covers
            if not any(cell._tc is tc for tc in seen):
                seen.append(cell._tc)
                texts.append(_norm(cell.text))
        if any(texts):
            rows.append([t for t in texts if t])
    return rows


def _html_rows(table: Any) -> list[list[str]]:
    rows = []
    for section in ("thead", "tbody"):
        for tr in table.findall(f"{section}/tr"):
            cells = [_norm(td.text_content()) for td in tr if td.tag in ("td", "th")]
            if any(cells):
                rows.append([c for c in cells if c])
    return rows


def _squeeze(rows: list[list[str]]) -> list[list[str]]:
    return [[re.sub(r"\s+", "", c) for c in row] for row in rows]


def _captioned_tables(doc: Any) -> dict[str, Table]:
    """Caption number ("Tabel 3.1") -> the Word table after it."""
    found: dict[str, Table] = {}
    pending = None
    for block in _blocks(doc):
        if isinstance(block, Paragraph) and block.style.name == "Caption":
            match = re.match(r"(Tabel \S+)", _norm(block.text))
            pending = match.group(1) if match else None
        elif isinstance(block, Table) and pending:
            found[pending] = block
            pending = None
    return found


def test_the_docx_is_written_beside_the_pdf_and_the_index_links_it(out: Path) -> None:
    assert (out / "laporan.pdf").is_file()
    assert zipfile.is_zipfile(out / "laporan.docx")
    index = (out.parent / "index.html").read_text(encoding="utf-8")
    assert 'href="umbulsari/laporan.docx">Word</a>' in index


def test_every_table_title_is_a_word_caption(doc: Any, html: Any) -> None:
    captions = {_norm(p.text) for p in doc.paragraphs if p.style.name == "Caption"}
    for figure in html.xpath("//figure[@data-nomor]"):
        title = _norm(f"{figure.get('data-nomor')} {figure.get('data-judul')}")
        assert title in captions, title
    xml = doc.element.xml
    assert xml.count("SEQ Tabel \\h") == len(html.xpath("//figure[contains(@class,'lkip-tabel')]"))


def test_tabel_3_1_to_3_8_have_every_number_and_cell_of_the_html(doc: Any, html: Any) -> None:
    tables = _captioned_tables(doc)
    for n in range(1, 9):
        nomor = f"Tabel 3.{n}"
        (figure,) = html.xpath(f"//figure[@data-nomor='{nomor}']")
        html_table = next(figure.iter("table"))
        assert nomor in tables, nomor
        # compared without white space: a cell's paragraphs are lines in Word, adjacent blocks in HTML
        assert _squeeze(_docx_rows(tables[nomor])) == _squeeze(_html_rows(html_table)), nomor


def test_every_sentence_of_the_narrative_is_in_the_docx(doc: Any, html: Any) -> None:
    texts = _all_paragraph_texts(doc)
    joined = "\n".join(texts)
    paragraphs = [_norm(p.text_content()) for p in html.xpath("//p[contains(@class,'lkip-paragraf')]")]
    items = [_norm(li.text_content()) for li in html.xpath("//ol[contains(@class,'lkip-butir')]/li")]
    assert len(paragraphs) > 50
    missing = [t for t in paragraphs + items if t and t not in texts and t not in joined]
    assert not missing, missing[:3]
    headings = [_norm(h.text_content()) for h in html.xpath("//h1|//h2|//h3")]
    styled = {_norm(p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")}
    assert not [h for h in headings if h not in styled]


def test_the_draft_keeps_its_markers_and_placeholders(doc: Any, html: Any, out: Path) -> None:
    body = html.find("body")
    html_text = _norm(body.text_content())
    docx_text = "\n".join(_all_paragraph_texts(doc))
    for word in ("[periksa: temuan", "[belum diisi:"):
        assert html_text.count(word) > 0
        assert docx_text.count(word) == html_text.count(word), word
    with zipfile.ZipFile(out / "laporan.docx") as z:
        headers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
    assert headers
    assert all('string="DRAF"' in h for h in headers)  # the watermark, behind every page
    assert sum(">DRAF<" in h for h in headers) == len(headers) - 1  # the running header, not on the cover
    assert _norm(doc.paragraphs[0].text) == "DRAF"  # the cover's mark


def test_a_real_word_document(doc: Any, out: Path) -> None:
    xml = doc.element.xml
    for field in ('TOC \\o "1-2" \\h \\z \\u', 'TOC \\h \\z \\c "Tabel"', 'TOC \\h \\z \\c "Gambar"', "PAGE"):
        assert field in xml, field
    tables = _captioned_tables(doc)
    for nomor, table in tables.items():
        first = table.rows[0]._tr
        assert first.trPr is not None, nomor
        assert first.trPr.find(qn("w:tblHeader")) is not None, nomor
    pengukuran = tables["Tabel 3.1"]
    numbers = [c for row in pengukuran.rows[1:] for c in row.cells[3:6] if is_number(c.text)]
    assert len(numbers) >= 8  # target, realisasi, capaian (the No column stays centred, as in the HTML)
    assert all(c.paragraphs[0].alignment == 2 for c in numbers)  # WD_ALIGN_PARAGRAPH.RIGHT
    sections = doc.sections
    numbering = [s._sectPr.find(qn("w:pgNumType")) for s in sections]
    assert numbering[0] is None  # the cover: no number
    kinds = [(f.get(qn("w:fmt")), f.get(qn("w:start"))) for f in numbering[1:]]
    assert kinds[:2] == [("lowerRoman", "1"), ("decimal", "1")]  # i, ii, iii ... then 1, 2, 3 from BAB I
    assert all(k == ("decimal", None) for k in kinds[2:])  # the landscape pages go on counting
    landscape = [s for s in sections if s.page_width > s.page_height]
    assert landscape
    text_width = max(int(s.page_width - s.left_margin - s.right_margin) for s in landscape) // 635
    widths = [int(t._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) for t in (tables["Tabel L1"], tables["Tabel L2"])]
    assert all(w == text_width for w in widths)  # the wide matrices on the landscape pages
    with zipfile.ZipFile(out / "laporan.docx") as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        core = z.read("docProps/core.xml").decode()
    assert len([m for m in media if m.endswith(".png")]) >= 6  # the charts
    assert "dcterms:created" not in core
    assert "dcterms:modified" not in core
    assert doc.core_properties.title.startswith("Laporan Kinerja Instansi Pemerintah (LKIP) Kecamatan Umbulsari")
    signature = [p for p in _all_paragraph_texts(doc) if p.startswith("NIP. 197708272002121006")]
    assert signature


#: Children of the elements Word checks most strictly, in the schema's order (ECMA-376, transitional).
_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
           "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
           "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
           "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign "
           "rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
             "tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "trPr": "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
              "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid",
    "settings": "zoom proofState defaultTabStop characterSpacingControl updateFields compat rsids themeFontLang "
                "clrSchemeMapping shapeDefaults decimalSymbol listSeparator",
}


def test_the_parts_keep_the_schema_order_word_insists_on(out: Path) -> None:
    """Word offers to repair a file whose properties come in another order; LibreOffice does not mind."""
    from lxml import etree

    main = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    wrong = []
    with zipfile.ZipFile(out / "laporan.docx") as z:
        for name in z.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = etree.fromstring(z.read(name))
            for parent, order in _ORDER.items():
                known = order.split()
                for node in root.iter(main + parent):
                    seq = [known.index(c.tag[len(main):]) for c in node if c.tag[len(main):] in known]
                    if seq != sorted(seq):
                        wrong.append((name, parent, [c.tag[len(main):] for c in node]))
    assert not wrong, wrong[:3]


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("LibreOffice belum terpasang: jalankan `make test` (paket libreoffice-writer-nogui)")
    return found


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def test_libreoffice_opens_and_converts_it(out: Path, tmp_path: Path) -> None:
    profile = tmp_path / "profil"
    run = subprocess.run(
        [_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(out / "laporan.docx")],
        capture_output=True, text=True, timeout=300, check=False,
    )
    converted = tmp_path / "laporan.pdf"
    assert run.returncode == 0, run.stderr
    assert converted.is_file(), run.stdout + run.stderr
    pages, reference = _pages(converted), _pages(out / "laporan.pdf")
    assert abs(pages - reference) <= 0.2 * reference, (pages, reference)


def test_the_same_notebooks_give_the_same_bytes(out: Path) -> None:
    """No clock, random id or dict order in the writer; the notebooks' own determinism is
    asserted by tests/test_report_umbulsari.py (two whole renders, byte-identical)."""
    notebooks = sorted((out / "notebooks").glob("*.ipynb"))
    meta = ReportMeta(kecamatan="Umbulsari", kabupaten="Jember", tahun=2023)
    first = report_to_docx(build_report(notebooks, meta))
    second = report_to_docx(build_report(notebooks, meta))
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}  # no timestamp in the archive


def test_a_kabupaten_reference_document_gives_its_styles(out: Path, tmp_path: Path) -> None:
    from docx.shared import Pt

    own = Document(str(REFERENSI))
    own.styles["Normal"].font.name = "Times New Roman"
    own.styles["Heading 1"].font.size = Pt(18)
    lacking = own.styles["LKIP Sumber"].element
    lacking.getparent().remove(lacking)  # a kabupaten's reference lacks the house's own styles
    path = tmp_path / "jember.docx"
    own.save(str(path))
    notebooks = sorted((out / "notebooks").glob("*.ipynb"))
    report = build_report(notebooks, ReportMeta(kecamatan="Umbulsari", kabupaten="Jember", tahun=2023))
    written = Document(io.BytesIO(report_to_docx(report, referensi=path)))
    assert written.styles["Normal"].font.name == "Times New Roman"
    assert written.styles["Heading 1"].font.size == Pt(18)
    assert written.styles["LKIP Sumber"] is not None
    with pytest.raises(SettingsError, match="referensi"):
        _params(tmp_path, ("docx",)).with_referensi(tmp_path / "tidak-ada.docx")


def test_the_house_reference_document_has_every_style_on_a4() -> None:
    from lkip_helpers.render.word.gaya import GAYA

    reference = Document(str(REFERENSI))
    names = {s.name for s in reference.styles}
    assert not [n for n in GAYA if n not in names]
    section = reference.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 25
    assert not [p for p in reference.paragraphs if p.text]  # styles only: no content to clear


def test_html_tables_become_a_grid_with_spans() -> None:
    table = lxml.html.fromstring(
        "<table><thead><tr><th rowspan='2'>No</th><th colspan='2'>Target</th></tr>"
        "<tr><th>2022</th><th>2023</th></tr></thead>"
        "<tbody><tr><td>1</td><td>97,00%</td><td>4.231.208.525</td></tr></tbody></table>"
    )
    cells, rows, cols, feet = grid(table)
    assert (rows, cols, feet) == (3, 3, [])
    assert [(c.row, c.col, c.rowspan, c.colspan) for c in cells[:4]] == [(0, 0, 2, 1), (0, 1, 1, 2), (1, 1, 1, 1),
                                                                       (1, 2, 1, 1)]
    assert [c.align for c in cells[-2:]] == ["right", "right"]
    assert Counter(is_number(t) for t in ("85", "Rp 4.231.208.525", "97,00%", "B (60)", "Sangat Memuaskan")) == {
        True: 3, False: 2}


def _small_report(logo: str) -> Any:
    """A report object straight from HTML: photo, nested lists, a span grid, a landscape block at the end."""
    import base64

    from PIL import Image

    from lkip_helpers.present import display as d
    from lkip_helpers.render.stitch import Entry, Report

    buf = io.BytesIO()
    Image.new("RGB", (120, 80), "#1f4e79").save(buf, format="JPEG")
    photo = base64.b64encode(buf.getvalue()).decode("ascii")
    body = "".join([
        d.bab("BAB I PENDAHULUAN").html,
        '<p class="lkip-paragraf">Teks <em>asing</em> dan <strong>tebal</strong>.</p>',
        '<ol class="lkip-butir"><li>satu<ul><li>anak</li></ul></li><li>dua</li></ol>',
        f'<figure class="lkip-foto" id="foto-a"><img src="data:image/jpeg;base64,{photo}" width="120" height="80"'
        ' alt="x"><figcaption class="lkip-keterangan">Rapat koordinasi</figcaption></figure>',
        d.halaman_baru().html,
        d.melintang(d.tabel("<table><thead><tr><th rowspan='2'>No</th><th colspan='2'>Target</th></tr>"
                            "<tr><th>2022</th><th>2023</th></tr></thead><tbody><tr><td>1</td><td>97,00%</td>"
                            "<td>4.231.208.525</td></tr></tbody></table>", "Tabel L9", "Matriks Lebar")).html,
    ])
    meta = ReportMeta(kecamatan="Ajung", kabupaten="Jember", tahun=2023, is_contoh=True, edisi="final", logo=logo)
    return Report(meta=meta, sebelum="", sesudah=body, daftar_isi=[Entry("bab-i-pendahuluan", "BAB I PENDAHULUAN")],
                  daftar_tabel=[Entry("tabel-l9", "Tabel L9 Matriks Lebar")], daftar_gambar=[])


def test_photos_logo_lists_spans_and_a_landscape_end_without_a_blank_page() -> None:
    import base64

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGBA", (60, 60), "#a3231a").save(buf, format="PNG")
    report = _small_report("data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii"))
    data = report_to_docx(report)
    doc = Document(io.BytesIO(data))
    assert len(doc.inline_shapes) == 2  # the logo on the cover and the photo
    assert "Rapat koordinasi" in [p.text for p in doc.paragraphs]
    items = [p for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [(p.text, p._p.pPr.numPr.ilvl.val) for p in items] == [("satu", 0), ("anak", 1), ("dua", 0)]
    runs = {r.text: r for p in doc.paragraphs for r in p.runs}
    assert runs["asing"].italic
    assert runs["tebal"].bold
    (table,) = [t for t in doc.tables if "Target" in t._tbl.xml]
    assert table._tbl.xml.count("w:gridSpan") == 1
    assert table._tbl.xml.count("w:vMerge") == 2
    last = doc.sections[-1]
    assert last.page_width > last.page_height  # the landscape block ends the document: no empty page after it
    assert [s.page_width > s.page_height for s in doc.sections] == [False, False, False, True]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        headers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/header")]
    assert not any("PowerPlusWaterMarkObject" in h for h in headers)  # a final edition: no watermark
    assert sum("DATA CONTOH - bukan data resmi" in h for h in headers) == len(headers) - 1
    assert report_to_docx(report) == data
