"""Tiny chapter notebooks for the render tests, and helpers to check rendered output."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from lkip_helpers.render import ReportMeta

PARAMS_CELL = 'kecamatan: str = "Umbulsari"\ntahun: int = 2023  # tahun laporan\n'

CHAPTERS: dict[str, list[str]] = {
    "00_pengantar": [
        "from lkip_helpers.present import display as d",
        'd.bab("KATA PENGANTAR")',
        'd.paragraf(f"Laporan Kinerja Kecamatan {kecamatan} Tahun {tahun}.")',
        'd.tanda_tangan(kecamatan, "23 Februari 2024", f"Camat {kecamatan}", "RONNY ARJUNANTO, SE",'
        ' "Pembina Tk. I", "197708272002121006")',
    ],
    "01_pendahuluan": [
        "import pandas as pd\nfrom great_tables import GT\nfrom lkip_helpers.present import display as d",
        'd.bab("BAB I PENDAHULUAN")',
        'd.subbab("A. LATAR BELAKANG")',
        'd.paragraf("Teks dari data: <script>alert(1)</script> dan **bukan tebal**.")',
        'd.butir(["Camat", "Sekretaris <b>Camat</b>"])',
        "df = pd.DataFrame({'No': [1, 2], 'Jabatan': ['Camat', 'Sekretaris Camat'], 'Jumlah': [1, 1]})\n"
        'd.tabel(GT(df), nomor="Tabel 1.1", judul="Jumlah ASN Kecamatan", sumber="Sumber data: Kecamatan")',
        'd.subbab("B. MAKSUD DAN TUJUAN")',
        'd.tabel("<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",'
        ' nomor="Tabel 1.2", judul="Tabel Kecil", sumber="Sumber data: contoh")',
    ],
    "02_akuntabilitas": [
        "import altair as alt\nimport pandas as pd\nfrom lkip_helpers.present import display as d",
        'd.bab("BAB III AKUNTABILITAS KINERJA")',
        'd.subbab("A. CAPAIAN KINERJA")',
        "data = pd.DataFrame({'indikator': ['IKM', 'Realisasi'], 'capaian': [91.5, 97.0]})\n"
        "chart = alt.Chart(data).mark_bar().encode(x='indikator:N', y='capaian:Q',"
        " tooltip=['indikator', 'capaian'])\n"
        'd.gambar(chart, nomor="Gambar 3.1", judul="Capaian Kinerja", sumber="Sumber data: Kecamatan")',
        "line = alt.Chart(data).mark_line(point=True).encode(x='indikator:N', y='capaian:Q')\n"
        'd.gambar(line, nomor="Gambar 3.2", judul="Capaian (garis)", sumber="Sumber data: Kecamatan")',
    ],
}

FAILING = [
    "from lkip_helpers.present import display as d",
    'd.bab("BAB IV PENUTUP")',
    "nilai = 1 / 0",
]


def write_notebook(path: Path, cells: list[str]) -> Path:
    """A notebook with a tagged parameters cell followed by ``cells``, outputs empty."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(PARAMS_CELL, metadata={"tags": ["parameters"]})
    nb.cells = [params, *(nbformat.v4.new_code_cell(src) for src in cells)]
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"c{index}"
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


META = ReportMeta(
    kecamatan="Umbulsari", kabupaten="Jember", tahun=2023, tanggal="23 Februari 2024", is_contoh=True
)

PARAMETERS = {"kecamatan": "Umbulsari", "tahun": 2023}

REMOTE = re.compile(
    r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|@import|url\(\s*["']?\s*(?:https?:)?//""",
    re.IGNORECASE,
)


def remote_references(html_text: str) -> list[str]:
    """Every remote resource reference in a page (src/href to http(s), @import, url(http))."""
    return [html_text[max(m.start() - 40, 0) : m.end() + 60] for m in REMOTE.finditer(html_text)]
