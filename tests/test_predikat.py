"""Predikat scales: exact boundaries, refusal of gaps/overlaps, the frame twin."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_helpers.errors import SettingsError
from lkip_helpers.rules.predikat import (
    SKALA_SAKIP,
    SKALA_SAKIP_RECORDS,
    Band,
    Scale,
    predikat_frame,
    rank_huruf,
)
from lkip_helpers.rules.settings import load_settings


@pytest.mark.parametrize(
    ("value", "kode"),
    [
        (0, "D"),
        (15, "D"),
        (30, "D"),
        (30.0001, "C"),
        (50, "C"),
        (50.0001, "CC"),
        (60, "CC"),
        (60.0001, "B"),
        (70, "B"),
        (70.0001, "BB"),
        (80, "BB"),
        (80.0001, "A"),
        (90, "A"),
        (90.0001, "AA"),
        (95.5, "AA"),
        (100, "AA"),
        (107.81, "AA"),  # above the top -> top band
        (-5, "D"),  # below 0 -> bottom band
    ],
)
def test_sakip_boundaries(value: float, kode: str) -> None:
    assert SKALA_SAKIP.classify(value).kode == kode


def test_sakip_labels_and_intervals() -> None:
    assert SKALA_SAKIP.classify(95.5).label == "Sangat Memuaskan"
    assert [b.interval_text() for b in reversed(SKALA_SAKIP.bands)] == [
        ">90-100",
        ">80-90",
        ">70-80",
        ">60-70",
        ">50-60",
        ">30-50",
        "0-30",
    ]
    assert SKALA_SAKIP.kodes == ("D", "C", "CC", "B", "BB", "A", "AA")


def test_default_settings_scale_is_the_seed_table() -> None:
    assert load_settings().skala == SKALA_SAKIP
    assert load_settings().skala_huruf == SKALA_SAKIP


@pytest.mark.parametrize("value", [-0.01, 100.01, 1e9])
def test_strict_classify_refuses_values_outside(value: float) -> None:
    with pytest.raises(ValueError, match="di luar skala"):
        SKALA_SAKIP.classify(value, strict=True)


def test_nan_is_refused() -> None:
    with pytest.raises(ValueError, match="NaN"):
        SKALA_SAKIP.classify(float("nan"))


def test_by_kode_and_rank() -> None:
    assert SKALA_SAKIP.by_kode("bb").label == "Sangat Baik"
    assert SKALA_SAKIP.rank("D") == 1
    assert SKALA_SAKIP.rank("AA") == 7
    with pytest.raises(KeyError, match="tidak ada pada skala"):
        SKALA_SAKIP.by_kode("E")


@pytest.mark.parametrize(
    ("kode", "rank"), [("D", 1), ("C", 2), ("CC", 3), ("B", 4), ("BB", 5), ("A", 6), ("AA", 7)]
)
def test_rank_huruf(kode: str, rank: int) -> None:
    assert rank_huruf(kode) == rank
    assert rank_huruf(kode.lower()) == rank


def test_rank_huruf_unknown() -> None:
    with pytest.raises(KeyError, match="tidak dikenal"):
        rank_huruf("E")


def _recs(*bands: tuple) -> list[dict]:
    keys = ("kode", "label", "bawah", "atas", "bawah_inklusif", "atas_inklusif")
    return [dict(zip(keys, b, strict=False)) for b in bands]


@pytest.mark.parametrize(
    ("records", "words"),
    [
        (_recs(("H", "h", 50, 100), ("L", "l", 0, 40, True)), ["celah", "'L'", "'H'"]),
        (_recs(("H", "h", 40, 100), ("L", "l", 0, 50, True)), ["tumpang tindih", "'L'", "'H'"]),
        (_recs(("H", "h", 50, 100, True), ("L", "l", 0, 50, True, True)), ["tumpang tindih pada nilai 50"]),
        (_recs(("H", "h", 50, 100, False), ("L", "l", 0, 50, True, False)), ["celah", "nilai 50"]),
        (_recs(("H", "h", 50, 100), ("L", "l", 10, 50, True)), ["nilai 0 tidak tercakup", "'L'"]),
        (_recs(("H", "h", 50, 100), ("L", "l", 0, 50, False)), ["nilai 0 tidak tercakup"]),
        (_recs(("H", "h", 50, 90), ("L", "l", 0, 50, True)), ["nilai 100 tidak tercakup", "'H'"]),
        (_recs(("H", "h", 50, 100, False, False), ("L", "l", 0, 50, True)), ["nilai 100 tidak tercakup"]),
        (_recs(("X", "h", 50, 100), ("X", "l", 0, 50, True)), ["'X' dipakai lebih dari sekali"]),
        (_recs(("H", "h", 100, 100), ("L", "l", 0, 100, True)), ["kosong"]),
        ([], ["tidak ada pita"]),
        ([{"kode": "A", "label": "a", "bawah": 0}], ["'atas'"]),
        ([{"kode": "A", "label": "a", "bawah": 0, "atas": 100, "warna": "x"}], ["'warna'"]),
        ([{"kode": "A", "label": "a", "bawah": "nol", "atas": 100}], ["harus angka"]),
        ([{"kode": "A", "label": "a", "bawah": 0, "atas": 100, "bawah_inklusif": "ya"}], ["true atau false"]),
        (["A"], ["pasangan kunci-nilai"]),
    ],
)
def test_from_records_refuses_bad_scales(records: list, words: list[str]) -> None:
    with pytest.raises(SettingsError) as info:
        Scale.from_records(records, nama="uji")
    message = str(info.value)
    assert "Skala 'uji'" in message
    for word in words:
        assert word in message


def test_from_records_order_does_not_matter() -> None:
    shuffled = list(SKALA_SAKIP_RECORDS)
    random.Random(1).shuffle(shuffled)
    assert Scale.from_records(shuffled, nama=SKALA_SAKIP.nama) == SKALA_SAKIP


def test_other_range() -> None:
    scale = Scale.from_records(_recs(("T", "t", 50, 100), ("R", "r", 25, 50, True)), bawah=25)
    assert scale.classify(25).kode == "R"
    assert scale.classify(10).kode == "R"


def test_as_records_round_trip() -> None:
    again = Scale.from_records(SKALA_SAKIP.as_records(), nama=SKALA_SAKIP.nama)
    assert again == SKALA_SAKIP
    assert SKALA_SAKIP.as_records()[0]["kode"] == "AA"


def test_permendagri_scale() -> None:
    skala = load_settings("params/skala_permendagri86.yaml").skala
    assert skala.classify(91).label == "Sangat Tinggi"
    assert skala.classify(90.5).kode == "ST"
    assert skala.classify(90).kode == "T"
    assert skala.classify(76).kode == "T"
    assert skala.classify(66).kode == "S"
    assert skala.classify(51).kode == "R"
    assert skala.classify(50).kode == "SR"


def test_predikat_frame() -> None:
    df = pd.DataFrame({"x": [97.0, float("nan"), 85.0, 30.0]})
    out = predikat_frame(df, "x", SKALA_SAKIP)
    assert out["predikat"].tolist() == ["AA", None, "A", "D"]
    assert out["predikat_label"].tolist() == ["Sangat Memuaskan", None, "Memuaskan", "Sangat Kurang"]
    assert list(df.columns) == ["x"]  # input untouched


# ------------------------------------------------------------------ properties
@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_every_value_gets_exactly_one_band(value: float) -> None:
    containing = [b for b in SKALA_SAKIP.bands if b.contains(value)]
    assert len(containing) == 1
    assert SKALA_SAKIP.classify(value) == containing[0]


@st.composite
def _valid_scales(draw: st.DrawFn) -> list[Band]:
    cuts = sorted(draw(st.sets(st.integers(min_value=1, max_value=99), min_size=1, max_size=8)))
    edges = [0, *cuts, 100]
    upper_incl = draw(st.booleans())  # all bands (lo, hi] or all [lo, hi)
    bands = []
    for i, (lo, hi) in enumerate(zip(edges, edges[1:], strict=False)):
        first, last = i == 0, i == len(edges) - 2
        bands.append(
            Band(
                f"K{i}",
                f"k{i}",
                lo,
                hi,
                bawah_inklusif=first or not upper_incl,
                atas_inklusif=last or upper_incl,
            )
        )
    return bands


@given(_valid_scales(), st.floats(min_value=0, max_value=100, allow_nan=False))
def test_random_valid_scales_are_total(bands: list[Band], value: float) -> None:
    scale = Scale.from_records([b.as_dict() for b in bands])
    assert sum(b.contains(value) for b in scale.bands) == 1


@given(_valid_scales(), st.data())
def test_random_gap_or_overlap_is_refused(bands: list[Band], data: st.DataObject) -> None:
    i = data.draw(st.integers(min_value=1, max_value=len(bands) - 1))  # an inner boundary
    shift = data.draw(st.sampled_from([-0.5, 0.5]))
    b = bands[i]
    bands[i] = Band(b.kode, b.label, b.bawah + shift, b.atas, b.bawah_inklusif, b.atas_inklusif)
    with pytest.raises(SettingsError):
        Scale.from_records([x.as_dict() for x in bands])
