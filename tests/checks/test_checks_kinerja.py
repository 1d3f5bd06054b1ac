"""Performance-data checks: grade vs score, target versions, missing pairs, target 0."""

from __future__ import annotations

import pytest

from lkip_helpers.checks import (
    check_huruf_skor,
    check_realisasi_tanpa_target,
    check_target_beda_versi,
    check_target_nol,
    check_target_tanpa_realisasi,
)
from lkip_helpers.errors import Level, Location
from lkip_helpers.rules.settings import load_settings


@pytest.mark.parametrize(
    ("nilai", "skor", "expected"),
    [
        ("B", 65.0, None),
        ("B", 85.0, "A"),  # the seed: realisasi B, score 85
        ("BB", 85.0, "A"),  # the seed's narrative: 85 "BB"
        ("A", 90.0, None),  # exactly 90 is A
        ("AA", 90.0, "A"),
        ("b", 61.0, None),  # case does not matter
        ("B", 60.0, "CC"),  # 60 is the top of CC
    ],
)
def test_huruf_skor_realisasi(spec, build, settings, nilai, skor, expected):
    spec.row("realisasi", kode_indikator="I2.1").update(nilai=nilai, skor=skor)
    found = check_huruf_skor(build(spec), settings)
    if expected is None:
        assert found == []
    else:
        (p,) = found
        assert p.level is Level.PERINGATAN
        assert p.code == "kinerja.huruf_skor"
        assert p.expected.startswith(expected + " ")
        assert p.location == Location("realisasi.csv", row=3, column="nilai")


def test_huruf_skor_uses_the_grade_scale_not_the_capaian_scale(spec, build):
    """With another Pemda's capaian scale (Permendagri 86) grade letters stay on the SAKIP scale."""
    other = load_settings("skala_permendagri86.yaml")
    assert other.skala.kodes != other.skala_huruf.kodes
    spec.row("realisasi", kode_indikator="I2.1")["skor"] = 85.0
    (p,) = check_huruf_skor(build(spec), other)
    assert p.expected.startswith("A ")


def test_huruf_skor_default_settings(spec, build):
    spec.row("realisasi", kode_indikator="I2.1")["skor"] = 85.0
    assert len(check_huruf_skor(build(spec))) == 1  # settings=None reads params/default.yaml


def test_huruf_skor_target_names_the_version(spec, build, settings):
    spec.row("target", kode_indikator="I2.1")["skor"] = 85.0
    (p,) = check_huruf_skor(build(spec), settings)
    assert "target PK perubahan tahun 2023" in p.message


def test_huruf_skor_ignores_angka_indicators_and_missing_scores(spec, build, settings):
    spec.row("realisasi", kode_indikator="I2.1")["skor"] = None
    spec.row("realisasi", kode_indikator="I1.1")["skor"] = 10.0  # angka indicator: skor ignored
    assert check_huruf_skor(build(spec), settings) == []


def test_huruf_skor_out_of_scale(spec, build, settings):
    spec.row("realisasi", kode_indikator="I2.1")["skor"] = 850.0
    (p,) = check_huruf_skor(build(spec), settings)
    assert p.location.column == "skor"


def test_target_beda_versi(spec, build):
    ds = build(spec)
    assert check_target_beda_versi(ds) == []
    spec.row("target", kode_indikator="I1.1", versi="renstra_perubahan")["nilai"] = 86.0
    spec.records["target"].append(
        {"kode_indikator": "I1.1", "versi": "pk_awal", "tahun": 2023, "nilai": 85.0}
    )
    (p,) = check_target_beda_versi(build(spec))
    assert p.level is Level.INFO
    assert p.code == "kinerja.target_beda_versi"
    assert "Renstra perubahan 86; PK perubahan 100; PK awal 85" in p.message
    assert "Laporan memakai PK perubahan (instansi.versi_target): 100" in p.message
    assert p.location == Location("target.csv", row=3, column="nilai")  # the row the report uses


def test_target_beda_versi_future_years_are_silent(spec, build):
    spec.records["target"] += [
        {"kode_indikator": "I1.1", "versi": "renstra_awal", "tahun": 2025, "nilai": 90.0},
        {"kode_indikator": "I1.1", "versi": "renstra_perubahan", "tahun": 2025, "nilai": 100.0},
    ]
    assert check_target_beda_versi(build(spec)) == []


def test_target_beda_versi_past_year_with_realisasi(spec, build):
    spec.records["target"] += [
        {"kode_indikator": "I1.1", "versi": "renstra_awal", "tahun": 2022, "nilai": 80.0},
        {"kode_indikator": "I1.1", "versi": "pk_awal", "tahun": 2022, "nilai": 85.0},
    ]
    assert check_target_beda_versi(build(spec)) == []
    spec.records["realisasi"].append({"kode_indikator": "I1.1", "tahun": 2022, "nilai": 70.0})
    (p,) = check_target_beda_versi(build(spec))
    assert "tidak memuat target tahun ini" in p.message


def test_target_beda_versi_letters(spec, build):
    spec.records["target"].append({"kode_indikator": "I2.1", "versi": "rkt", "tahun": 2023, "nilai": "b"})
    assert check_target_beda_versi(build(spec)) == []
    spec.records["target"][-1]["nilai"] = "BB"
    assert len(check_target_beda_versi(build(spec))) == 1


def test_realisasi_tanpa_target_report_year(spec, build):
    assert check_realisasi_tanpa_target(build(spec)) == []
    spec.records["target"] = [t for t in spec.records["target"] if t["versi"] != "pk_perubahan"]
    found = check_realisasi_tanpa_target(build(spec))
    assert [p.level for p in found] == [Level.PERINGATAN, Level.PERINGATAN]
    first = found[0]
    assert "Versi lain memuat target: Renstra perubahan 100" in first.message
    assert "capaian tidak dapat dihitung" in first.message


def test_realisasi_tanpa_target_other_year_is_info(spec, build):
    spec.records["realisasi"].append({"kode_indikator": "I1.1", "tahun": 2022, "nilai": 70.0})
    (p,) = check_realisasi_tanpa_target(build(spec))
    assert p.level is Level.INFO
    spec.records["target"].append(
        {"kode_indikator": "I1.1", "versi": "renstra_awal", "tahun": 2022, "nilai": 80.0}
    )
    assert check_realisasi_tanpa_target(build(spec)) == []


def test_realisasi_score_only_counts(spec, build):
    spec.row("realisasi", kode_indikator="I2.1")["nilai"] = None
    assert check_target_tanpa_realisasi(build(spec)) == []
    spec.row("realisasi", kode_indikator="I2.1")["skor"] = None
    (p,) = check_target_tanpa_realisasi(build(spec))
    assert p.level is Level.PERINGATAN
    assert "Nilai SAKIP" in p.message


def test_target_tanpa_realisasi_only_report_version(spec, build):
    spec.records["realisasi"] = [r for r in spec.records["realisasi"] if r["kode_indikator"] != "I1.1"]
    (p,) = check_target_tanpa_realisasi(build(spec))  # one finding, not one per version
    assert "PK perubahan: 100" in p.message


@pytest.mark.parametrize(
    ("versi", "tahun", "n"),
    [("pk_perubahan", 2023, 1), ("renstra_perubahan", 2023, 0), ("pk_perubahan", 2026, 0)],
)
def test_target_nol(spec, build, versi, tahun, n):
    spec.records["target"].append({"kode_indikator": "I1.1", "versi": versi, "tahun": tahun, "nilai": 0.0})
    if versi == "pk_perubahan" and tahun == 2023:
        spec.records["target"] = [
            t for t in spec.records["target"] if not (t["versi"] == versi and t["nilai"] == 100.0)
        ]
    found = check_target_nol(build(spec))
    assert len(found) == n
    if n:
        assert found[0].level is Level.PERINGATAN
        assert "capaian tidak dapat" in found[0].message
