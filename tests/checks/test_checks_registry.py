"""The registry, run_checks and its ordering; the seed's contradictions end to end."""

from __future__ import annotations

import lkip_helpers.checks as checks
from lkip_helpers.checks import CHECKS, run_checks
from lkip_helpers.data.schema import TABLES
from lkip_helpers.errors import Level, Problem

_RANK = {Level.INFO: 0, Level.PERINGATAN: 1, Level.GALAT: 2}


def test_all_matches_exports():
    """``__all__`` names exactly the registry, the Check type, run_checks and every check function."""
    public = {n for n, obj in vars(checks).items() if n.startswith("check_") and callable(obj)}
    assert set(checks.__all__) == public | {"CHECKS", "Check", "Pemeriksaan", "Syarat", "Tanggapan", "periksa",
                                            "run_checks", "syarat_final", "tanggapan"}
    assert all(hasattr(checks, n) for n in checks.__all__)


def test_registry_is_complete_and_unique():
    codes = [c.code for c in CHECKS]
    assert len(codes) == len(set(codes))
    assert all(c.judul and c.judul[0].isupper() and c.judul.endswith(".") for c in CHECKS)
    registered = {c.fn for c in CHECKS}
    exported = {getattr(checks, n) for n in checks.__all__ if n.startswith("check_")}
    assert registered == exported
    assert all(c.fn.__doc__ for c in CHECKS)


def test_clean_data_set_has_no_findings(spec, build, settings):
    assert run_checks(build(spec), settings) == []


def _seed_like(spec):
    """Break the clean data set the way the seed report is broken (domain.md section 4)."""
    spec.fields["profil"]["penduduk_total"] = 79263
    spec.row("mata_pencaharian", bidang="Perdagangan")["persen"] = 15.0
    spec.row("realisasi", kode_indikator="I2.1")["skor"] = 85.0
    spec.row("sasaran", kode="S2")["uraian"] = "Terselenggaranya Pemerintahan Kecamatan Sukowono yang Baik"
    spec.records["narasi"][0]["teks"] += " Pertanggungjawaban kinerja Tahun Anggaran 2022."
    spec.records["target"].append(
        {"kode_indikator": "I1.1", "versi": "pk_awal", "tahun": 2023, "nilai": 80.0}
    )
    return spec


def test_seed_contradictions_are_warnings_not_errors(spec, build, settings):
    found = run_checks(build(_seed_like(spec)), settings)
    by_code = {p.code: p.level for p in found}
    assert by_code == {
        "profil.penduduk": Level.PERINGATAN,
        "profil.mata_pencaharian": Level.PERINGATAN,
        "kinerja.huruf_skor": Level.PERINGATAN,
        "kinerja.target_beda_versi": Level.INFO,
        "narasi.kecamatan_lain": Level.PERINGATAN,
        "narasi.tahun": Level.PERINGATAN,
    }


def test_levels_never_exceed_the_registered_level(spec, build, settings):
    spec = _seed_like(spec)
    spec.row("program", kode="P1")["realisasi"] = 2_000_000_000
    spec.fields["anggaran"]["belanja_modal"] = 5
    tingkat = {c.code: c.tingkat for c in CHECKS}
    found = run_checks(build(spec), settings)
    assert {p.code for p in found} <= set(tingkat)
    assert all(_RANK[p.level] <= _RANK[tingkat[p.code]] for p in found)
    assert any(p.level is Level.GALAT for p in found)


def test_findings_ordered_by_table_then_row(spec, build, settings):
    spec = _seed_like(spec)
    spec.records["output_sub_kegiatan"][1]["realisasi"] = None
    spec.records["output_sub_kegiatan"][0]["realisasi"] = 1.0
    found = run_checks(build(spec), settings)
    order = list(TABLES)

    def key(p: Problem) -> tuple[int, int]:
        loc = p.location
        table = loc.file.rsplit(".", 1)[0]
        return order.index(table), loc.row or 0

    keys = [key(p) for p in found]
    assert keys == sorted(keys)
    assert found[0].code == "profil.penduduk"  # profil comes before every records table but instansi


def test_messages_are_complete(spec, build, settings):
    for p in run_checks(build(_seed_like(spec)), settings):
        assert p.location is not None, p
        assert p.message.endswith("."), p.message
        assert p.found, p
