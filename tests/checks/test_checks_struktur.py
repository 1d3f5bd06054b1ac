"""Structure checks: sasaran/indikator/program links, output indicators."""

from __future__ import annotations

from lkip_helpers.checks import (
    check_output_selisih,
    check_output_tanpa_realisasi,
    check_program_tanpa_sasaran,
    check_sasaran_tanpa_indikator,
    check_sasaran_tanpa_program,
)
from lkip_helpers.errors import Level


def test_clean(spec, build):
    ds = build(spec)
    for check in (
        check_sasaran_tanpa_indikator,
        check_program_tanpa_sasaran,
        check_sasaran_tanpa_program,
        check_output_tanpa_realisasi,
        check_output_selisih,
    ):
        assert check(ds) == [], check.__name__


def test_sasaran_tanpa_indikator(spec, build):
    spec.row("indikator", kode="I2.1")["versi"] = "awal"  # S2's only indicator belongs to the old Renstra
    (p,) = check_sasaran_tanpa_indikator(build(spec))
    assert p.level is Level.PERINGATAN
    assert "S2" in p.message
    assert p.location.file == "sasaran.csv"
    assert p.location.row == 3


def test_superseded_sasaran_needs_nothing(spec, build):
    spec.records["sasaran"].append(
        {"kode": "S9", "kode_tujuan": "T1", "uraian": "Sasaran lama", "versi": "awal", "urutan": 9}
    )
    ds = build(spec)
    assert check_sasaran_tanpa_indikator(ds) == []
    assert check_sasaran_tanpa_program(ds) == []


def test_old_renstra_is_active_when_no_revision(spec, build):
    for row in spec.records["sasaran"]:
        row["versi"] = "awal"
    spec.row("indikator", kode="I2.1")["versi"] = "awal"
    assert check_sasaran_tanpa_indikator(build(spec)) == []


def test_program_and_sasaran_links(spec, build):
    spec.records["program_sasaran"] = [{"kode_program": "P1", "kode_sasaran": "S2"}]
    ds = build(spec)
    (p,) = check_program_tanpa_sasaran(ds)
    assert "P2" in p.message
    assert p.level is Level.PERINGATAN
    (s,) = check_sasaran_tanpa_program(ds)
    assert "S1" in s.message
    assert s.level is Level.PERINGATAN


def test_output_selisih_and_missing(spec, build):
    spec.records["output_sub_kegiatan"][0]["realisasi"] = 20.0
    spec.records["output_sub_kegiatan"][1]["realisasi"] = None
    ds = build(spec)
    (info,) = check_output_selisih(ds)
    assert info.level is Level.INFO
    assert "20 orang di bawah target 22 orang" in info.message
    (warn,) = check_output_tanpa_realisasi(ds)
    assert warn.level is Level.PERINGATAN
    assert warn.location.row == 3


def test_output_above_target(spec, build):
    spec.records["output_sub_kegiatan"][1]["realisasi"] = 12.0
    (info,) = check_output_selisih(build(spec))
    assert "melampaui" in info.message
