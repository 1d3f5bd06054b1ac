"""Capaian: formulas, n/a cases, capping, letter grades, averages, comparisons."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lkip_helpers.rules.capaian import (
    METODE_LABEL,
    Capaian,
    TargetAkhirTercapai,
    bandingkan,
    bandingkan_frame,
    bandingkan_pembanding,
    batasi,
    capaian_frame,
    hitung_capaian,
    rata_rata,
    rata_rata_keseluruhan,
    rata_rata_sasaran,
    tahun_target_akhir_tercapai,
    target_akhir_frame,
)
from lkip_helpers.rules.settings import CapaianSettings, Settings

DEFAULT = Settings()


def _s(**capaian: object) -> Settings:
    return Settings(capaian=CapaianSettings(**capaian))  # type: ignore[arg-type]


def _c(
    t: object,
    r: object,
    arah: str = "positif",
    jenis: str = "angka",
    settings: Settings = DEFAULT,
    **kw: object,
) -> Capaian:
    return hitung_capaian(t, r, arah=arah, jenis=jenis, settings=settings, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------------ the seed
def test_seed_table_3_1() -> None:
    rows = [_c(100, 97), _c(85, 85), _c(100, 85), _c("B", "B", jenis="huruf")]
    assert [c.nilai for c in rows] == [97, 100, 85, 100]
    overall = rata_rata([c.nilai for c in rows], DEFAULT.skala)
    assert overall.nilai == 95.5
    assert (overall.kode, overall.label) == ("AA", "Sangat Memuaskan")


# -------------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    ("t", "r", "arah", "nilai", "mentah"),
    [
        (100, 97, "positif", 97, 97),
        (85, 85, "positif", 100, 100),
        (100, 85, "positif", 85, 85),
        (80, 86.25, "positif", 100, 107.8125),
        (100, 0, "positif", 0, 0),
        (100, -10, "positif", 0, -10),  # below 0 -> 0
        (1.5, 1.5, "negatif", 100, 100),
        (1.5, 1.2, "negatif", 100, 120),
        (1.5, 1.8, "negatif", 80, 80),
        (1.5, 0, "negatif", 100, 200),  # realisasi 0 is the best result
        (1.5, 4.5, "negatif", 0, -100),
        (-5, -2, "positif", 100, 160),  # negative target: measured against |T|
        (-5, -5, "positif", 100, 100),
        (-5, -8, "positif", 40, 40),
        (-5, -8, "negatif", 100, 160),
        (-5, -2, "negatif", 40, 40),
        ("97", "95,5", "positif", pytest.approx(98.453608247), pytest.approx(98.453608247)),
    ],
)
def test_numeric_formulas(t: object, r: object, arah: str, nilai: float, mentah: float) -> None:
    c = _c(t, r, arah)
    assert (c.nilai, c.mentah, c.alasan) == (nilai, mentah, None)
    assert c.metode == ("positif" if arah == "positif" else "negatif_seed")


@pytest.mark.parametrize(
    ("t", "r", "alasan"),
    [
        (0, 50, "target 0: capaian tidak dapat dihitung"),
        (0.0, 0, "target 0: capaian tidak dapat dihitung"),
        (None, 50, "target belum tersedia"),
        (float("nan"), 50, "target belum tersedia"),
        (pd.NA, 50, "target belum tersedia"),
        ("", 50, "target belum tersedia"),
        (100, None, "realisasi belum tersedia"),
        (100, float("nan"), "realisasi belum tersedia"),
        (100, pd.NA, "realisasi belum tersedia"),
        ("B", 50, "bukan angka"),
        (100, "tinggi", "bukan angka"),
        (100, float("inf"), "bukan angka"),
    ],
)
@pytest.mark.parametrize("arah", ["positif", "negatif"])
def test_no_capaian_never_crashes(t: object, r: object, alasan: str, arah: str) -> None:
    c = _c(t, r, arah)
    assert c.nilai is None
    assert c.mentah is None
    assert not c.tersedia
    assert alasan in (c.alasan or "")


@pytest.mark.parametrize(
    ("batas_atas", "batas_bawah", "r", "nilai"),
    [
        (100.0, 0.0, 120, 100),
        (110.0, 0.0, 120, 110),
        (110.0, 0.0, 105, 105),
        (None, 0.0, 120, 120),
        (None, 0.0, -20, 0),
        (None, None, -20, -20),
        (100.0, None, -20, -20),
    ],
)
def test_capping(batas_atas: float | None, batas_bawah: float | None, r: float, nilai: float) -> None:
    c = _c(100, r, settings=_s(batas_atas=batas_atas, batas_bawah=batas_bawah))
    assert c.nilai == nilai
    assert c.mentah == r


def test_batasi() -> None:
    assert batasi(120) == 100
    assert batasi(-3) == 0
    assert batasi(120, None, None) == 120


@pytest.mark.parametrize(
    ("t", "r", "batas", "nilai", "mentah", "alasan"),
    [
        (1.5, 1.2, 100.0, 100, 125, None),
        (1.5, 3.0, 100.0, 50, 50, None),
        (1.5, 0, 100.0, 100, None, "hasil terbaik"),
        (1.5, 0, 110.0, 110, None, "batas atas 110%"),
        (1.5, 0, None, None, None, "tidak ada batas atas"),
        (1.5, -1, 100.0, None, None, "nilai negatif"),
    ],
)
def test_negative_ratio_method(
    t: float, r: float, batas: float | None, nilai: float | None, mentah: float | None, alasan: str | None
) -> None:
    c = _c(t, r, "negatif", settings=_s(metode_negatif="rasio", batas_atas=batas))
    assert (c.nilai, c.mentah, c.metode) == (nilai, mentah, "negatif_rasio")
    if alasan is None:
        assert c.alasan is None
    else:
        assert alasan in (c.alasan or "")


# -------------------------------------------------------------------- letters
@pytest.mark.parametrize(
    ("t", "r", "kw", "nilai", "mentah", "metode"),
    [
        ("B", "B", {}, 100, 100, "huruf_ordinal"),
        ("b", " B ", {}, 100, 100, "huruf_ordinal"),
        ("B", "A", {}, 100, 150, "huruf_ordinal"),  # rank 6 / 4
        ("B", "C", {}, 50, 50, "huruf_ordinal"),  # rank 2 / 4
        ("AA", "D", {}, pytest.approx(14.285714286), pytest.approx(14.285714286), "huruf_ordinal"),
        (
            "B",
            "B",
            {"target_skor": 60, "realisasi_skor": 85},
            100,
            pytest.approx(141.666666667),
            "huruf_skor",
        ),
        ("B", "B", {"target_skor": 60, "realisasi_skor": 57}, 95, 95, "huruf_skor"),
        ("B", "B", {"realisasi_skor": 85}, 100, 100, "huruf_ordinal"),  # target score unknown
        ("B", None, {"realisasi_skor": 80}, 100, 125, "huruf_ordinal"),  # 80 -> BB (rank 5)
        ("B", None, {"realisasi_skor": 40}, 50, 50, "huruf_ordinal"),  # 40 -> C (rank 2)
        (None, "B", {"target_skor": 60, "realisasi_skor": 66}, 100, 110, "huruf_skor"),
        (60, 66, {}, 100, 110, "huruf_skor"),  # numbers on a letter indicator are scores
    ],
)
def test_letter_grades(t: object, r: object, kw: dict, nilai: float, mentah: float, metode: str) -> None:
    c = _c(t, r, jenis="huruf", **kw)
    assert (c.nilai, c.mentah, c.metode, c.alasan) == (nilai, mentah, metode, None)


def test_ordinal_setting_ignores_scores() -> None:
    c = _c("B", "B", jenis="huruf", settings=_s(metode_huruf="ordinal"), target_skor=60, realisasi_skor=85)
    assert (c.nilai, c.metode) == (100, "huruf_ordinal")


@pytest.mark.parametrize(
    ("t", "r", "kw", "alasan"),
    [
        ("B", None, {}, "realisasi belum tersedia"),
        (None, "B", {}, "target belum tersedia"),
        ("B", "E", {}, "nilai huruf realisasi 'E' tidak dikenal"),
        ("X", "B", {}, "nilai huruf target 'X' tidak dikenal"),
        (None, None, {"target_skor": 0, "realisasi_skor": 50}, "target 0"),
    ],
)
def test_letter_grades_without_capaian(t: object, r: object, kw: dict, alasan: str) -> None:
    c = _c(t, r, jenis="huruf", **kw)
    assert c.nilai is None
    assert alasan in (c.alasan or "")


def test_letter_from_score_uses_skala_huruf_not_skala() -> None:
    from lkip_helpers.rules.settings import load_settings

    permendagri = load_settings("params/skala_permendagri86.yaml")
    c = hitung_capaian("B", None, arah="positif", jenis="huruf", settings=permendagri, realisasi_skor=80)
    assert c.mentah == 125  # 80 -> BB on the SAKIP letter scale


def test_invalid_arah_or_jenis() -> None:
    with pytest.raises(ValueError, match="arah"):
        _c(100, 90, "naik")
    with pytest.raises(ValueError, match="jenis"):
        _c(100, 90, jenis="teks")


def test_metode_labels_cover_all_methods() -> None:
    assert set(METODE_LABEL) == {"positif", "negatif_seed", "negatif_rasio", "huruf_skor", "huruf_ordinal"}


# ------------------------------------------------------------------ frame twin
def test_capaian_frame() -> None:
    df = pd.DataFrame(
        {
            "kode_indikator": ["I1", "I2", "I3", "I4", "I5"],
            "arah": ["positif", "positif", "positif", "positif", "negatif"],
            "jenis": ["angka", "angka", "angka", "huruf", "angka"],
            "target": pd.Series([100.0, 85.0, 0.0, "B", 1.5], dtype="object"),
            "realisasi": pd.Series([97.0, 85.0, 5.0, "B", 1.2], dtype="object"),
            "target_skor": [None, None, None, None, None],
            "realisasi_skor": [None, None, None, 85.0, None],
        }
    )
    before = df.copy()
    out = capaian_frame(df, DEFAULT)
    pd.testing.assert_frame_equal(df, before)
    assert out["capaian"].tolist()[:2] == [97.0, 100.0]
    assert math.isnan(out["capaian"].iloc[2])
    assert out["alasan"].iloc[2] == "target 0: capaian tidak dapat dihitung"
    assert out["capaian_mentah"].iloc[4] == 120
    assert out["predikat"].tolist() == ["AA", "AA", None, "AA", "AA"]
    assert out["predikat_label"].iloc[0] == "Sangat Memuaskan"
    assert out["metode"].tolist() == ["positif", "positif", "positif", "huruf_ordinal", "negatif_seed"]


def test_capaian_frame_without_score_columns() -> None:
    df = pd.DataFrame({"arah": ["positif"], "jenis": ["angka"], "target": [100.0], "realisasi": [80.0]})
    out = capaian_frame(df, DEFAULT)
    assert (out["capaian"].iloc[0], out["predikat"].iloc[0]) == (80.0, "BB")


# ------------------------------------------------------------------------ averages
def test_rata_rata_ignores_and_counts_na() -> None:
    r = rata_rata([97, None, float("nan"), 85], DEFAULT.skala)
    assert (r.nilai, r.jumlah, r.tidak_dihitung, r.kode) == (91.0, 2, 2, "AA")
    empty = rata_rata([None, None], DEFAULT.skala)
    assert (empty.nilai, empty.jumlah, empty.tidak_dihitung, empty.kode, empty.label) == (
        None,
        0,
        2,
        None,
        None,
    )


def test_overall_average_is_over_sasaran_not_indicators() -> None:
    df = pd.DataFrame(
        {"kode_sasaran": ["S1", "S1", "S2", "S3"], "capaian": [100.0, 50.0, 100.0, float("nan")]}
    )
    per = rata_rata_sasaran(df, DEFAULT.skala)
    assert per["kode_sasaran"].tolist() == ["S1", "S2", "S3"]
    assert per["rata_rata"].tolist()[:2] == [75.0, 100.0]
    assert math.isnan(per["rata_rata"].iloc[2])
    assert per["jumlah_indikator"].tolist() == [2, 1, 0]
    assert per["tidak_dihitung"].tolist() == [0, 0, 1]
    assert per["predikat"].tolist() == ["BB", "AA", None]
    overall = rata_rata_keseluruhan(per, DEFAULT.skala)
    assert (overall.nilai, overall.jumlah, overall.tidak_dihitung, overall.kode) == (87.5, 2, 1, "A")


# ---------------------------------------------------------------------- comparisons
@pytest.mark.parametrize(
    ("now", "before", "arah", "selisih", "perubahan", "membaik"),
    [
        (97, 70, "positif", 27, "naik", True),
        (85, 95, "positif", -10, "turun", False),
        (85, 85, "positif", 0, "tetap", None),
        (1.2, 1.5, "negatif", -0.3, "turun", True),
        (1.8, 1.5, "negatif", 0.3, "naik", False),
        ("B", "CC", "positif", 1, "naik", True),
        ("B", "A", "positif", -2, "turun", False),
        ("B", "b", "positif", 0, "tetap", None),
    ],
)
def test_bandingkan(
    now: object, before: object, arah: str, selisih: float, perubahan: str, membaik: bool | None
) -> None:
    p = bandingkan(now, before, arah=arah)
    assert (p.selisih, p.perubahan, p.membaik, p.alasan) == (pytest.approx(selisih), perubahan, membaik, None)


@pytest.mark.parametrize(("now", "before"), [(97, None), (None, 70), ("B", 80), ("B", "E"), ("tinggi", 1)])
def test_bandingkan_not_comparable(now: object, before: object) -> None:
    p = bandingkan(now, before)
    assert (p.selisih, p.perubahan, p.membaik) == (None, None, None)
    assert p.alasan


def test_bandingkan_pembanding_seed_ikm() -> None:
    p = bandingkan_pembanding(85, 83.76, arah="positif")
    assert p.membaik is True
    assert p.selisih == pytest.approx(1.24)
    sakip = bandingkan_pembanding("B", "B", arah="positif")
    assert sakip.perubahan == "tetap"


def test_bandingkan_frame() -> None:
    df = pd.DataFrame({"arah": ["positif", "negatif"], "r": [97.0, 1.2], "r_lalu": [70.0, 1.5]})
    out = bandingkan_frame(df, "r", "r_lalu", awalan="realisasi_")
    assert out["realisasi_perubahan"].tolist() == ["naik", "turun"]
    assert out["realisasi_membaik"].tolist() == [True, True]
    cap = bandingkan_frame(df, "r_lalu", "r", kolom_arah=None)
    assert cap["membaik"].tolist() == [False, True]


# ---------------------------------------------------------------- Renstra end target
def test_target_akhir_seed_example() -> None:
    hit = tahun_target_akhir_tercapai(
        {2022: 70, 2023: 100, 2024: 100}, 100, "positif", 2021, renstra_akhir=2026
    )
    assert hit == TargetAkhirTercapai(2023, 3, 100)


@pytest.mark.parametrize(
    ("by_year", "target", "arah", "expected"),
    [
        ({2022: 70, 2023: 97}, 100, "positif", None),
        ({2022: 0.4, 2023: 0.2}, 0.5, "negatif", (2022, 2)),
        ({2022: 0.8, 2023: 0.5}, 0.5, "negatif", (2023, 3)),
        ({2020: 100, 2023: 90}, 100, "positif", None),  # before the Renstra period
        ({2027: 100}, 100, "positif", None),  # after it
        ({2022: "B", 2023: "A"}, "A", "positif", (2023, 3)),
        ({2022: None, 2023: 101}, 100, "positif", (2023, 3)),
    ],
)
def test_target_akhir(by_year: dict, target: object, arah: str, expected: tuple | None) -> None:
    hit = tahun_target_akhir_tercapai(by_year, target, arah, 2021, renstra_akhir=2026)
    assert (None if hit is None else (hit.tahun, hit.tahun_ke)) == expected


def test_target_akhir_frame() -> None:
    df = pd.DataFrame(
        {
            "kode_indikator": ["I1", "I1", "I2", "I2"],
            "arah": ["positif", "positif", "negatif", "negatif"],
            "target_akhir": [100.0, 100.0, 0.5, 0.5],
            "tahun": [2022, 2023, 2022, 2023],
            "realisasi": [70.0, 100.0, 1.0, 0.9],
        }
    )
    out = target_akhir_frame(df, 2021)
    assert out["tahun_tercapai"].tolist() == [2023, pd.NA]
    assert out["tahun_ke"].iloc[0] == 3


# ------------------------------------------------------------------ properties
_targets = st.floats(min_value=0.01, max_value=1e6, allow_nan=False) | st.floats(
    min_value=-1e6, max_value=-0.01, allow_nan=False
)
_values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
_caps = st.sampled_from([100.0, 110.0, None])


@given(_targets, _values, _values, _caps)
def test_positive_monotonic(t: float, r1: float, r2: float, cap: float | None) -> None:
    lo, hi = sorted((r1, r2))
    s = _s(batas_atas=cap)
    a, b = _c(t, lo, settings=s), _c(t, hi, settings=s)
    assert a.nilai is not None
    assert b.nilai is not None
    assert a.nilai <= b.nilai
    assert a.mentah <= b.mentah  # type: ignore[operator]


@given(_targets, _values, _values, _caps, st.sampled_from(["seed", "rasio"]))
def test_negative_monotonic(t: float, r1: float, r2: float, cap: float | None, metode: str) -> None:
    if metode == "rasio":
        assume(t > 0 and r1 >= 0 and r2 >= 0)
        assume(cap is not None or (r1 > 0 and r2 > 0))
    lo, hi = sorted((r1, r2))
    s = _s(batas_atas=cap, metode_negatif=metode)
    a, b = _c(t, lo, "negatif", settings=s), _c(t, hi, "negatif", settings=s)
    assert a.nilai is not None
    assert b.nilai is not None
    assert a.nilai >= b.nilai


@given(
    _targets,
    _values,
    st.sampled_from(["positif", "negatif"]),
    st.sampled_from([100.0, 110.0]),
    st.sampled_from(["seed", "rasio"]),
)
def test_capped_within_bounds(t: float, r: float, arah: str, cap: float, metode: str) -> None:
    c = _c(t, r, arah, settings=_s(batas_atas=cap, metode_negatif=metode))
    if c.nilai is not None:
        assert 0 <= c.nilai <= cap
        assert math.isfinite(c.nilai)
