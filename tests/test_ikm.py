"""IKM (PermenPAN-RB 14/2017): NRR, weights 1/9 and 0,11, mutu, refused answers."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_helpers.errors import DataError, Location
from lkip_helpers.fmt import angka
from lkip_helpers.rules.ikm import (
    KOLOM_UNSUR,
    MUTU_IKM,
    UNSUR,
    hitung_ikm,
    ikm_dari_nrr,
    mutu_ikm,
    nrr_frame,
    validasi_jawaban,
)
from lkip_helpers.rules.settings import IkmSettings, load_settings


def _responses(total: int, n: int) -> pd.DataFrame:
    """``n`` respondents whose 9 x n answers (3 or 4) add up to ``total``."""
    cells = 9 * n
    fours = total - 3 * cells
    assert 0 <= fours <= cells
    flat = [4] * fours + [3] * (cells - fours)
    rows = [
        {"responden": f"R{i + 1:02d}", **dict(zip(KOLOM_UNSUR, flat[i * 9 : (i + 1) * 9], strict=True))}
        for i in range(n)
    ]
    return pd.DataFrame(rows)


def test_domain_fact_29_respondents_total_955() -> None:
    df = _responses(955, 29)
    assert int(df[list(KOLOM_UNSUR)].to_numpy().sum()) == 955
    exact = hitung_ikm(df)
    printed = hitung_ikm(df, IkmSettings(bobot=0.11))
    assert angka(exact.nilai, 2) == "91,48"
    assert angka(printed.nilai, 2) == "90,56"
    assert exact.responden == 29
    assert (exact.mutu.kode, exact.mutu.label) == ("A", "Sangat Baik")
    assert exact.nilai_indeks == pytest.approx(exact.nilai / 25)


def test_settings_weight_is_used() -> None:
    df = _responses(955, 29)
    s = load_settings(overrides={"ikm": {"bobot": 0.11}})
    assert angka(hitung_ikm(df, s.ikm).nilai, 2) == "90,56"


def test_nrr_frame() -> None:
    df = pd.DataFrame(
        [
            {"responden": "A", **dict.fromkeys(KOLOM_UNSUR, 4)},
            {"responden": "B", **dict.fromkeys(KOLOM_UNSUR, 2)},
        ]
    )
    df.loc[1, "u9"] = 1
    out = nrr_frame(df)
    assert out["unsur"].tolist() == list(KOLOM_UNSUR)
    assert out["nama"].tolist() == list(UNSUR)
    assert out["nrr"].tolist() == [3.0] * 8 + [2.5]
    assert out["jumlah_nilai"].iloc[8] == 5
    assert out["nrr_tertimbang"].iloc[0] == pytest.approx(3 / 9)
    assert hitung_ikm(df).nrr == (3.0,) * 8 + (2.5,)


@pytest.mark.parametrize(
    ("nrr", "bobot", "nilai"),
    [([4] * 9, 1 / 9, 100.0), ([1] * 9, 1 / 9, 25.0), ([4] * 9, 0.11, 99.0), ([3] * 9, 1 / 9, 75.0)],
)
def test_ikm_dari_nrr(nrr: list[float], bobot: float, nilai: float) -> None:
    assert ikm_dari_nrr(nrr, bobot) == pytest.approx(nilai)


def test_ikm_dari_nrr_needs_nine_values() -> None:
    with pytest.raises(ValueError, match="9 NRR"):
        ikm_dari_nrr([4] * 8)


@pytest.mark.parametrize(
    ("nilai", "kode"),
    [
        (100, "A"),
        (88.31, "A"),
        (88.305, "A"),  # printed 88,31
        (88.30, "B"),
        (88.304, "B"),
        (76.61, "B"),
        (76.60, "C"),
        (65.00, "C"),
        (64.99, "D"),
        (64.995, "C"),  # printed 65,00
        (25, "D"),
    ],
)
def test_mutu_boundaries(nilai: float, kode: str) -> None:
    assert mutu_ikm(nilai).kode == kode


def test_mutu_labels_and_settings() -> None:
    assert [b.label for b in MUTU_IKM.bands] == ["Tidak Baik", "Kurang Baik", "Baik", "Sangat Baik"]
    assert load_settings().ikm.mutu == MUTU_IKM


@pytest.mark.parametrize("bad", [0, 5, 2.5, None, "empat", True])
def test_out_of_range_answer_names_respondent_and_unsur(bad: object) -> None:
    df = _responses(3 * 9 * 3, 3).astype(object)
    df.loc[1, "u4"] = bad
    with pytest.raises(DataError) as info:
        hitung_ikm(df)
    problems = info.value.problems
    assert len(problems) == 1
    assert "'R02'" in problems[0].message
    assert "u4 (Biaya/Tarif)" in problems[0].message
    assert problems[0].code == "ikm.rentang"


def test_all_bad_answers_are_listed_with_locations() -> None:
    df = _responses(3 * 9 * 2, 2).astype(object)
    df.loc[0, "u1"] = 9
    df.loc[1, "u9"] = 0
    df["_lokasi"] = [Location("ikm_responden.csv", row=2), Location("ikm_responden.csv", row=3)]
    problems = validasi_jawaban(df)
    assert [p.location for p in problems] == [
        Location("ikm_responden.csv", row=2, column="u1"),
        Location("ikm_responden.csv", row=3, column="u9"),
    ]


def test_missing_columns() -> None:
    problems = validasi_jawaban(pd.DataFrame({"responden": ["A"], "u1": [4]}))
    assert problems[0].code == "ikm.kolom"
    assert "u2" in problems[0].message


def test_no_respondents() -> None:
    r = hitung_ikm(pd.DataFrame(columns=["responden", *KOLOM_UNSUR]))
    assert (r.nilai, r.mutu, r.responden) == (None, None, 0)
    assert "belum ada data survei IKM" in (r.alasan or "")


@given(st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=40))
def test_ikm_between_25_and_100(answers: list[list[int]]) -> None:
    df = pd.DataFrame([dict(zip(KOLOM_UNSUR, a, strict=True)) for a in answers])
    r = hitung_ikm(df)
    assert 25 - 1e-9 <= r.nilai <= 100 + 1e-9
    total = sum(map(sum, answers))
    assert r.nilai == pytest.approx(total / len(answers) / 9 * 25)
