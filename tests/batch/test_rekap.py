"""The kabupaten recap (rekap.xlsx / rekap.csv) and the overview's coverage sentence."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from lkip_helpers.batch.index import IndexRow
from lkip_helpers.batch.rekap import rekap_frame, write_rekap
from lkip_helpers.present.kabupaten import cakupan

_AJUNG = {"kecamatan": "Ajung", "capaian": 95.5, "predikat": "AA", "predikat_label": "Sangat Memuaskan",
          "pagu": 4_231_208_525, "realisasi": 3_437_517_304, "serapan": 81.24, "galat": 0, "peringatan": 19,
          "info": 3, "data_status": "contoh",
          "sasaran": [{"kode": "S1", "capaian": 97.0}, {"kode": "S2", "capaian": 92.5}]}
ROWS = [
    IndexRow("Ajung", "ajung", "selesai", _AJUNG),
    IndexRow("Puger", "puger", "gagal", None, "[data] pagu: 'banyak sekali'"),
    IndexRow("Silo", "silo", "belum", None),
]


def test_frame_is_one_row_per_kecamatan_and_empty_where_there_is_no_report() -> None:
    frame = rekap_frame(ROWS)
    assert frame["kecamatan"].tolist() == ["Ajung", "Puger", "Silo"]
    assert frame["status"].tolist() == ["disusun", "gagal", "belum disusun"]
    assert frame.loc[0, "capaian_S2"] == 92.5
    assert pd.isna(frame.loc[1, "capaian"])
    assert pd.isna(frame.loc[2, "pagu"])
    assert frame.loc[1, "keterangan"] == "[data] pagu: 'banyak sekali'"
    assert str(frame["peringatan"].dtype) == "Int64"


def test_workbook_and_csv_hold_numbers(tmp_path: Path) -> None:
    xlsx, csv = write_rekap(tmp_path, "Jember", 2023, ROWS)
    ws = load_workbook(xlsx).active
    assert ws["A1"].value == "Rekap LKIP Kecamatan se-Kabupaten Jember Tahun 2023"
    assert ws.freeze_panes == "C3"
    assert ws.print_title_rows == "$2:$2"
    header = [c.value for c in ws[2]]
    assert header[-2:] == ["Capaian sasaran S1 (%)", "Capaian sasaran S2 (%)"]
    ajung = [c.value for c in ws[3]]
    assert ajung[header.index("Pagu anggaran (Rp)")] == 4_231_208_525
    assert ws.cell(row=3, column=header.index("Pagu anggaran (Rp)") + 1).number_format == "#,##0"
    assert [c.value for c in ws[4]][header.index("Rata-rata capaian (%)")] is None
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("no,kecamatan,status,capaian,")
    assert ",95.5," in lines[1]
    assert not list(tmp_path.glob(".rekap-*"))  # no temporary file left


def test_the_overview_says_how_many_it_includes() -> None:
    rows = [{"kecamatan": "Ajung"}, {"kecamatan": "Puger", "status": "gagal"}]
    assert cakupan(rows, ["Ajung", "Puger", "Silo"]) == (
        "Ikhtisar ini memuat 1 dari 3 kecamatan dalam parameter set. "
        "Belum termasuk (belum ada laporan yang disusun): Puger, Silo.")
    assert cakupan(rows[:1], ["Ajung"]) == "Ikhtisar ini memuat 1 dari 1 kecamatan dalam parameter set."
    # with the notebook's `pilih`: counted against the chosen ones (names compared like saring)
    assert cakupan(rows, ["Ajung", "Puger", "Silo"], ["ajung", "SILO"]) == (
        "Ikhtisar ini memuat 1 dari 2 kecamatan dalam parameter set. "
        "Belum termasuk (belum ada laporan yang disusun): Silo.")


def test_the_csv_writes_amounts_and_counts_as_they_are(tmp_path: Path) -> None:
    _xlsx, csv = write_rekap(tmp_path, "Jember", 2023, ROWS)
    header, ajung, puger, _silo = csv.read_text(encoding="utf-8").splitlines()
    values = dict(zip(header.split(","), ajung.split(","), strict=False))
    assert (values["pagu"], values["peringatan"], values["capaian_S1"]) == ("4231208525", "19", "97.0")
    assert puger.startswith("2,Puger,gagal,,,")  # no figure, never a zero


def test_the_recap_is_written_without_pandas(tmp_path: Path) -> None:
    """The batch's main process writes it at the end of every run: no pandas import to wait for."""
    import subprocess
    import sys

    code = ("import sys; from lkip_helpers.batch.index import IndexRow; from lkip_helpers.batch.rekap import "
            f"write_rekap; write_rekap(__import__('pathlib').Path({str(tmp_path)!r}), 'Jember', 2023, "
            "[IndexRow('Ajung', 'ajung', 'selesai', {'capaian': 95.5})]); print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "False"
