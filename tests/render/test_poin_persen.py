"""A difference of two percentages is in percentage points: "naik 0,03 poin persen", never "0,03 Persen".

On the Umbulsari report with indicator I1.1's unit typed as a word ("Persen", as people
write it) and a kabupaten benchmark of 96,97% against its realisasi of 97%: the sentence
of BAB III and the difference column of Tabel 3.4 say "poin persen"; differences of values
that are not percentages (the IKM index, a letter grade's score) keep their wording.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd
import pytest

from lkip_helpers.present import narrative, tables
from lkip_helpers.report.laporan import Laporan


@pytest.fixture(scope="module")
def persen(lap: Laporan) -> Laporan:
    ds = lap.ds
    indikator = ds.df("indikator").drop(columns=["_lokasi"])
    indikator.loc[indikator["kode"] == "I1.1", "satuan"] = "Persen"
    pembanding = ds.df("pembanding").drop(columns=["_lokasi"])
    extra = pd.DataFrame([{"kode_indikator": "I1.1", "tahun": ds.tahun, "tingkat": "kabupaten", "nilai": 96.97,
                           "keterangan": None}])
    pembanding = pd.concat([pembanding, extra], ignore_index=True).astype(pembanding.dtypes.to_dict())
    edited = dataclasses.replace(ds, records={**ds.records, "indikator": indikator, "pembanding": pembanding})
    return Laporan.dari_data_set(edited, lap.settings)


def test_sentences_say_poin_persen(persen: Laporan) -> None:
    text = " ".join(narrative.paragraf_sasaran(persen, "S1"))
    assert "naik 27 poin persen, dari 70" in text  # last year
    assert "lebih tinggi 0,03 poin persen;" in text  # the benchmark
    assert not re.search(r"(naik|turun|lebih tinggi|lebih rendah) [\d.,]+ (?!poin)", text)


def test_index_points_keep_their_wording(persen: Laporan) -> None:
    text = " ".join(narrative.paragraf_sasaran(persen, "S2"))
    assert "lebih tinggi 1,24 poin;" in text
    assert "poin persen" not in text


def test_tabel_3_4_difference_of_percentages_in_points(persen: Laporan) -> None:
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in
             re.findall(r'<td\b[^>]*\bheaders="[^"]*-selisih"[^>]*>(.*?)</td>',
                        tables.perbandingan_pembanding(persen).as_raw_html(), flags=re.S)]
    assert "+0,03 poin persen" in cells
    assert "+1,24" in cells  # the IKM index
