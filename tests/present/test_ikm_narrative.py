"""Sentences on the IKM survey (present.narrative.paragraf_ikm): every number a figure, agree or differ."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from lkip_helpers.data import load
from lkip_helpers.data.model import DataSet
from lkip_helpers.present import narrative
from lkip_helpers.report.laporan import Laporan
from lkip_helpers.rules.ikm import KOLOM_UNSUR
from lkip_helpers.rules.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "2023"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")

#: Totals per unsur of 29 respondents (answers 3 or 4), together 955 (domain.md section 2).
TOTALS = (110, 103, 106, 105, 107, 106, 108, 105, 105)


def survei(totals: tuple[int, ...] = TOTALS, n: int = 29) -> pd.DataFrame:
    """``n`` respondents answering 3 or 4 with the given total per unsur."""
    columns = {col: [4] * (t - 3 * n) + [3] * (4 * n - t) for col, t in zip(KOLOM_UNSUR, totals, strict=True)}
    frame = pd.DataFrame({"responden": [f"R{i:02d}" for i in range(1, n + 1)], **columns})
    frame["layanan"] = None
    frame["tanggal"] = None
    return frame


def realisasi_ikm(ds: DataSet, value: object) -> pd.DataFrame:
    """The realisasi table with the 2023 value of the IKM indicator (I2.1) replaced."""
    df = ds.df("realisasi")
    mask = (df["kode_indikator"] == "I2.1") & (df["tahun"] == 2023)
    assert mask.sum() == 1
    df["nilai"] = df["nilai"].astype(object)
    df.loc[mask, "nilai"] = pd.Series([value], index=df.index[mask], dtype=object)
    return df


def lap_of(ds: DataSet, settings: Settings, **tables: pd.DataFrame) -> Laporan:
    return Laporan.dari_data_set(ds.dengan(**tables), settings)


def numbers(paragraphs: list[str]) -> set[str]:
    return set(NUMBER.findall(" ".join(paragraphs)))


def test_no_survey_no_sentence(lap: Laporan) -> None:
    assert narrative.paragraf_ikm(lap) == []


def test_invalid_survey_no_sentence(umbulsari: DataSet, settings: Settings) -> None:
    frame = survei()
    frame.loc[0, "u1"] = 0
    assert narrative.paragraf_ikm(lap_of(umbulsari, settings, ikm_responden=frame)) == []


def test_hand_computation_differs_from_the_indicator(umbulsari: DataSet, settings: Settings) -> None:
    paragraphs = narrative.paragraf_ikm(lap_of(umbulsari, settings, ikm_responden=survei()))
    assert len(paragraphs) == 2
    first, second = paragraphs
    assert "Kecamatan Umbulsari tahun 2023 diikuti oleh 29 responden" in first
    assert "bobot 1/9" in first
    assert "nilai IKM sebesar 91,48 dengan mutu pelayanan A dan kinerja unit pelayanan Sangat Baik" in first
    assert "NRR tertinggi terdapat pada unsur Persyaratan (3,79)" in first
    assert "NRR terendah pada unsur Sistem, Mekanisme, dan Prosedur (3,55)" in first
    # Umbulsari's IKM indicator (I2.1) has realisasi 85 in 2023
    assert second == (
        "Nilai IKM hasil survei ini (91,48) berbeda dengan realisasi indikator IKM tahun 2023 yang "
        "tercatat 85, yaitu 6,48 poin lebih tinggi."
    )


def test_every_number_is_a_figure(umbulsari: DataSet, settings: Settings) -> None:
    lap = lap_of(umbulsari, settings, ikm_responden=survei())
    allowed = {"1", "9", "14", "2017", "2023", "29", "91,48", "3,79", "3,55", "85", "6,48"}
    assert numbers(narrative.paragraf_ikm(lap)) <= allowed


def test_agrees_with_the_indicator(umbulsari: DataSet, settings: Settings) -> None:
    lap = lap_of(umbulsari, settings, ikm_responden=survei(), realisasi=realisasi_ikm(umbulsari, 91.48))
    assert narrative.paragraf_ikm(lap)[1] == (
        "Nilai IKM hasil survei ini sama dengan realisasi indikator IKM tahun 2023, yaitu 91,48."
    )


@pytest.mark.parametrize(("value", "sama"), [(91.475, True), (91.485, True), (91.47, False), (91.49, False)])
def test_agreement_is_to_two_decimals(umbulsari: DataSet, settings: Settings, value: float, sama: bool) -> None:
    lap = lap_of(umbulsari, settings, ikm_responden=survei(), realisasi=realisasi_ikm(umbulsari, value))
    assert ("sama dengan realisasi" in narrative.paragraf_ikm(lap)[1]) is sama


def test_lower_survey_and_weight_as_printed(umbulsari: DataSet) -> None:
    s = load_settings(overrides={"ikm": {"bobot": 0.11}})
    lap = lap_of(umbulsari, s, ikm_responden=survei(), realisasi=realisasi_ikm(umbulsari, 91.48))
    first, second = narrative.paragraf_ikm(lap)
    assert "bobot 0,11" in first
    assert "90,56" in first
    assert second.endswith("yang tercatat 91,48, yaitu 0,92 poin lebih rendah.")


def test_missing_realisasi_is_said(umbulsari: DataSet, settings: Settings) -> None:
    df = umbulsari.df("realisasi")
    df = df[~((df["kode_indikator"] == "I2.1") & (df["tahun"] == 2023))].reset_index(drop=True)
    lap = lap_of(umbulsari, settings, ikm_responden=survei(), realisasi=df)
    assert narrative.paragraf_ikm(lap)[1] == "Realisasi indikator IKM tahun 2023 belum tercatat."


def test_no_ikm_indicator_one_paragraph(umbulsari: DataSet, settings: Settings) -> None:
    ind = umbulsari.df("indikator")
    ind.loc[ind["kode"] == "I2.1", "nama"] = "Persentase layanan tepat waktu"
    paragraphs = narrative.paragraf_ikm(lap_of(umbulsari, settings, ikm_responden=survei(), indikator=ind))
    assert len(paragraphs) == 1


def test_ties_and_equal_unsur(umbulsari: DataSet, settings: Settings) -> None:
    tied = (110, 110, 100, 105, 105, 105, 100, 110, 110)
    text = narrative.paragraf_ikm(lap_of(umbulsari, settings, ikm_responden=survei(tied)))[0]
    assert (
        "NRR tertinggi terdapat pada unsur Persyaratan; Sistem, Mekanisme, dan Prosedur; Sarana dan Prasarana; "
        "serta Penanganan Pengaduan, Saran dan Masukan (masing-masing 3,79)"
    ) in text
    assert "NRR terendah pada unsur Waktu Penyelesaian dan Perilaku Pelaksana (masing-masing 3,45)" in text
    same = narrative.paragraf_ikm(lap_of(umbulsari, settings, ikm_responden=survei((100,) * 9)))[0]
    assert "Kesembilan unsur pelayanan memperoleh NRR yang sama, yaitu 3,45." in same


def test_demo_data_sets_agree_and_differ(settings: Settings) -> None:
    said = []
    for folder in sorted(p for p in DATA.iterdir() if p.is_dir() and p.name != "umbulsari"):
        paragraphs = narrative.paragraf_ikm(Laporan.dari_data_set(load(folder), settings, temuan=()))
        assert len(paragraphs) == 2
        said.append("sama dengan realisasi" in paragraphs[1])
    assert any(said)
    assert not all(said)
