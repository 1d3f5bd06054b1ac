"""IKM checks: the survey answers (ikm.rentang), the IKM scale (ikm.skala) and the realisasi against the survey (ikm.realisasi)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lkip_helpers.checks.ikm import (
    check_ikm_jawaban,
    check_ikm_realisasi,
    check_ikm_skala,
    ikm_sesuai,
    nama_ikm,
)
from lkip_helpers.data import load
from lkip_helpers.errors import Level, Location
from lkip_helpers.rules.ikm import KOLOM_UNSUR
from lkip_helpers.rules.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "2023"

#: Totals per unsur of 29 respondents (answers 3 or 4), together 955: IKM 91,48 (1/9) or 90,56 (0,11).
TOTALS = (110, 103, 106, 105, 107, 106, 108, 105, 105)


def answers(n: int = 29) -> list[dict[str, Any]]:
    columns = {col: [4] * (t - 3 * n) + [3] * (4 * n - t) for col, t in zip(KOLOM_UNSUR, TOTALS, strict=True)}
    return [{"responden": f"R{i + 1:02d}", **{c: v[i] for c, v in columns.items()}} for i in range(n)]


@pytest.fixture
def ikm_spec(spec):
    """The clean data set with an IKM indicator (I1.2, realisasi 91,48 at realisasi.csv row 4) and a survey."""
    spec.records["indikator"].append(
        {
            "kode": "I1.2",
            "kode_sasaran": "S1",
            "nama": "Indeks Kepuasan Masyarakat (IKM)",
            "satuan": "indeks",
            "arah": "positif",
            "jenis": "angka",
            "iku": True,
            "versi": "awal,perubahan",
            "urutan": 2,
        }
    )
    spec.records["target"].append({"kode_indikator": "I1.2", "versi": "pk_perubahan", "tahun": 2023, "nilai": 85.0})
    spec.records["realisasi"].append({"kode_indikator": "I1.2", "tahun": 2023, "nilai": 91.48})
    spec.records["ikm_responden"] = answers()
    return spec


def test_agreeing_realisasi_no_finding(ikm_spec, build, settings):
    ds = build(ikm_spec)
    assert check_ikm_jawaban(ds, settings) == []
    assert check_ikm_realisasi(ds, settings) == []


def test_differing_realisasi_is_a_warning_at_the_realisasi_cell(ikm_spec, build, settings):
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=89.75)
    (p,) = check_ikm_realisasi(build(ikm_spec), settings)
    assert p.level is Level.PERINGATAN
    assert p.code == "ikm.realisasi"
    assert p.location == Location("realisasi.csv", row=4, column="nilai")
    assert (p.found, p.expected) == ("89,75", "91,48")
    assert "Realisasi tahun 2023 indikator I1.2 'Indeks Kepuasan Masyarakat (IKM)' tertulis 89,75" in p.message
    assert "29 responden, bobot 1/9 per unsur) adalah 91,48" in p.message


@pytest.mark.parametrize(
    ("nilai", "found"),
    [(91.475, False), (91.485, False), (91.4801, False), (91.47, True), (91.49, True), (90.56, True), (85.0, True)],
)
def test_rounding_tolerance(ikm_spec, build, settings, nilai, found):
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=nilai)
    assert bool(check_ikm_realisasi(build(ikm_spec), settings)) is found


def test_weight_as_printed(ikm_spec, build):
    s = load_settings(overrides={"ikm": {"bobot": 0.11}})
    (p,) = check_ikm_realisasi(build(ikm_spec), s)
    assert (p.found, p.expected) == ("91,48", "90,56")
    assert "bobot 0,11 per unsur" in p.message
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=90.56)
    assert check_ikm_realisasi(build(ikm_spec), s) == []


def test_default_settings_when_none(ikm_spec, build):
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=80.0)
    (p,) = check_ikm_realisasi(build(ikm_spec), None)
    assert p.expected == "91,48"


def test_no_survey_no_finding(ikm_spec, build, settings):
    ikm_spec.records["ikm_responden"] = []
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=50.0)
    assert check_ikm_realisasi(build(ikm_spec), settings) == []


def test_invalid_answers_left_to_ikm_rentang(ikm_spec, build, settings):
    ikm_spec.records["ikm_responden"][0]["u3"] = 5
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=50.0)
    ds = build(ikm_spec)
    assert check_ikm_realisasi(ds, settings) == []
    assert [p.code for p in check_ikm_jawaban(ds, settings)] == ["ikm.rentang"]


def test_other_years_and_missing_values_are_not_compared(ikm_spec, build, settings):
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=None)
    ikm_spec.records["realisasi"].append({"kode_indikator": "I1.2", "tahun": 2022, "nilai": 70.0})
    assert check_ikm_realisasi(build(ikm_spec), settings) == []


def test_only_indicators_measured_in_the_report_version(ikm_spec, build, settings):
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=70.0)
    ikm_spec.row("target", kode_indikator="I1.2").update(versi="rkt")
    assert check_ikm_realisasi(build(ikm_spec), settings) == []  # no pk_perubahan target for 2023
    ikm_spec.fields["instansi"]["versi_target"] = "rkt"
    assert len(check_ikm_realisasi(build(ikm_spec), settings)) == 1
    ikm_spec.fields["instansi"].pop("versi_target")  # default pk_perubahan
    assert check_ikm_realisasi(build(ikm_spec), settings) == []


def test_an_indicator_that_is_not_an_ikm_is_not_compared(ikm_spec, build, settings):
    ikm_spec.row("indikator", kode="I1.2").update(nama="Persentase layanan tepat waktu")
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=70.0)
    assert check_ikm_realisasi(build(ikm_spec), settings) == []


@pytest.mark.parametrize(
    ("nama", "ikm"),
    [
        ("IKM", True),
        ("Nilai IKM Kecamatan", True),
        ("Indeks Kepuasan Masyarakat", True),
        ("indeks  kepuasan masyarakat terhadap layanan", True),
        ("SKM Aparatur", False),
        ("Persentase kepuasan masyarakat", False),
        ("Nilai SAKIP", False),
        ("PIKMA", False),
        (None, False),
    ],
)
def test_nama_ikm(nama, ikm):
    assert nama_ikm(nama) is ikm


def test_ikm_sesuai_compares_as_printed():
    assert ikm_sesuai(91.4751, 91.48)
    assert ikm_sesuai(91.4749, 91.47)
    assert not ikm_sesuai(91.4751, 91.47)
    assert ikm_sesuai(88.0, 88)


def test_umbulsari_has_no_survey(umbulsari, settings):
    assert check_ikm_realisasi(umbulsari, settings) == []


def test_demo_data_sets_some_agree_some_differ(settings):
    found = {}
    for folder in sorted(p for p in DATA.iterdir() if p.is_dir() and p.name != "umbulsari"):
        ds = load(folder)
        problems = check_ikm_realisasi(ds, settings)
        assert all(p.code == "ikm.realisasi" and p.level is Level.PERINGATAN for p in problems)
        found[ds.kecamatan] = bool(problems)
    assert found["Arjasa"] is False
    assert found["Ajung"] is True
    assert 5 <= sum(found.values()) <= 25


@pytest.mark.parametrize(
    ("table", "nilai", "flagged"),
    [
        ("realisasi", 91.48, False),
        ("realisasi", 25.0, False),
        ("realisasi", 100.0, False),
        ("realisasi", 914.8, True),  # a decimal comma lost
        ("realisasi", 0.9148, True),  # a fraction instead of the index
        ("realisasi", 24.99, True),
        ("realisasi", 100.01, True),
        ("target", 85.0, False),
        ("target", 850.0, True),
        ("target", 0.0, True),
    ],
)
def test_an_ikm_outside_its_scale_is_a_warning_at_its_cell(ikm_spec, build, settings, table, nilai, flagged):
    ikm_spec.row(table, kode_indikator="I1.2").update(nilai=nilai)
    problems = check_ikm_skala(build(ikm_spec), settings)
    assert bool(problems) is flagged
    if flagged:
        (p,) = problems
        assert (p.level, p.code) == (Level.PERINGATAN, "ikm.skala")
        assert p.location is not None
        assert p.location.column == "nilai"
        assert "I1.2" in p.message
        assert "25-100" in p.message
        assert p.expected == "25 s.d. 100"


def test_the_scale_is_not_asked_of_other_indicators_or_of_the_committed_data(ikm_spec, build, settings):
    ikm_spec.row("realisasi", kode_indikator="I1.2").update(nilai=91.48)
    ds = build(ikm_spec)
    assert check_ikm_skala(ds, settings) == []  # I1.1 (a percentage, 0..100+) is no IKM
    for folder in sorted(p for p in DATA.iterdir() if p.is_dir()):
        assert check_ikm_skala(load(folder), settings) == [], folder.name
