"""Completeness of the report year and the final edition: what must be filled, fixed or accepted."""

from __future__ import annotations

import datetime as dt

import pytest

from lkip_helpers.checks import syarat_final, tanggapan
from lkip_helpers.checks.final import WAJIB_DIPERBAIKI
from lkip_helpers.checks.kelengkapan import (
    check_dokumen_lengkap,
    check_pohon_anggaran,
    check_realisasi_tahun,
    check_target_pk,
    check_ttd_laporan,
)
from lkip_helpers.data.model import frame_from_rows
from lkip_helpers.errors import Level, Location, Problem


def _complete(spec) -> None:
    """The base spec with every field a signed document needs."""
    spec.fields["instansi"].update(camat_pangkat="Pembina Tk. I (IV/b)", camat_nip="197206241998031006")
    for row in spec.records["dokumen"]:
        row.update(pihak2_nama="Nama Bupati", pihak2_jabatan="Bupati Jember")
    sk = spec.row("dokumen", jenis="sk_iku")
    sk["nomor"] = "800/036/35.09.10/2023"


def test_the_complete_base_spec_has_no_completeness_finding(spec, build) -> None:
    _complete(spec)
    ds = build(spec)
    for check in (check_ttd_laporan, check_dokumen_lengkap, check_realisasi_tahun, check_pohon_anggaran):
        assert check(ds) == [], check.__name__


@pytest.mark.parametrize("key", ["camat_nama", "camat_pangkat", "camat_nip", "tempat_ttd", "tanggal_ttd"])
def test_an_empty_signature_field_is_named(spec, build, key: str) -> None:
    _complete(spec)
    spec.fields["instansi"][key] = None
    (found,) = check_ttd_laporan(build(spec))
    assert found.code == "kelengkapan.ttd_laporan"
    assert found.location is not None
    assert found.location.column == key
    assert found.level is Level.PERINGATAN


@pytest.mark.parametrize(("jenis", "column"), [("pk_perubahan", "tanggal"), ("pk_perubahan", "pihak2_nama"),
                                               ("sk_iku", "nomor"), ("sk_iku", "tanggal")])
def test_an_empty_document_field_is_named(spec, build, jenis: str, column: str) -> None:
    _complete(spec)
    spec.row("dokumen", jenis=jenis)[column] = None
    (found,) = check_dokumen_lengkap(build(spec))
    assert found.location is not None
    assert found.location.column == column


def test_a_missing_pk_row_is_reported(spec, build) -> None:
    _complete(spec)
    spec.records["dokumen"] = [r for r in spec.records["dokumen"] if r["jenis"] != "pk_perubahan"]
    (found,) = check_dokumen_lengkap(build(spec))
    assert "Perjanjian Kinerja Perubahan" in found.message


def test_a_copy_of_last_year_is_reported(spec, build) -> None:
    """instansi.tahun moved to 2024 with everything else left: no target, no realisasi of 2024."""
    _complete(spec)
    spec.fields["instansi"]["tahun"] = 2024
    ds = build(spec)
    assert [p.code for p in check_target_pk(ds)] == ["kelengkapan.tanpa_indikator"]
    assert [p.code for p in check_realisasi_tahun(ds)] == ["kelengkapan.realisasi_tahun"]


def test_a_realisasi_after_the_report_year(spec, build) -> None:
    spec.records["realisasi"].append({"kode_indikator": "I1.1", "tahun": 2025, "nilai": 90.0})
    found = check_realisasi_tahun(build(spec))
    assert [p.found for p in found] == ["2025"]


def test_budget_totals_without_a_tree(spec, build) -> None:
    for table in ("program", "kegiatan", "sub_kegiatan", "output_sub_kegiatan", "program_sasaran"):
        spec.records[table] = []
    (found,) = check_pohon_anggaran(build(spec))
    assert "Rp 0" in found.message


def _p(code: str, level: Level = Level.PERINGATAN, row: int | None = 7, table: str = "profil") -> Problem:
    return Problem(level, code, "pesan", Location(f"{table}.yaml", row=row, column="penduduk_total"))


def test_an_accepted_warning_no_longer_stands_in_the_way(spec, build) -> None:
    found = [_p("profil.penduduk")]
    spec.records["pemeriksaan"] = [{"kode": "profil.penduduk", "tabel": "profil", "alasan": "sesuai sumber"}]
    ds = build(spec)
    (t,) = tanggapan(ds, found)
    assert t.diterima
    assert t.alasan == "sesuai sumber"
    assert syarat_final(ds, found) == []


@pytest.mark.parametrize(("entry", "accepted"), [
    ({"kode": "profil.penduduk"}, True),
    ({"kode": "profil.penduduk", "baris": 7}, True),
    ({"kode": "profil.penduduk", "baris": 8}, False),
    ({"kode": "profil.penduduk", "tabel": "desa"}, False),
    ({"kode": "profil.penduduk", "kolom": "penduduk_total"}, True),
    ({"kode": "profil.penduduk", "kolom": "luas_km2"}, False),
    ({"kode": "profil.mata_pencaharian"}, False),
])
def test_an_acceptance_matches_code_and_place(spec, build, entry: dict, accepted: bool) -> None:
    spec.records["pemeriksaan"] = [{**entry, "alasan": "diterima"}]
    (t,) = tanggapan(build(spec), [_p("profil.penduduk")])
    assert t.diterima is accepted


@pytest.mark.parametrize("code", sorted(WAJIB_DIPERBAIKI - {"instansi.data_contoh"}))
def test_must_fix_findings_cannot_be_accepted(spec, build, code: str) -> None:
    spec.records["pemeriksaan"] = [{"kode": code, "alasan": "diterima saja"}]
    ds = build(spec)
    (s,) = syarat_final(ds, [_p(code)])
    assert "Lengkapi" in s.kelompok or "galat" in s.kelompok
    assert s.sebagai_galat().level is Level.GALAT


def test_groups_in_the_order_of_what_to_do(spec, build) -> None:
    ds = build(spec)
    found = [_p("profil.penduduk"), _p("kelengkapan.ttd_laporan"), _p("anggaran.rollup", Level.GALAT),
             _p("instansi.data_contoh", Level.INFO), _p("output.selisih", Level.INFO)]
    groups = [s.kelompok.split(":")[0] for s in syarat_final(ds, found)]
    assert groups == ["Perbaiki galat", "Lengkapi data yang wajib untuk edisi final", "Tanggapi peringatan",
                      "Ganti data contoh dengan data resmi"]


def test_an_acceptance_of_nothing_is_reported(tmp_path) -> None:
    from lkip_helpers.checks.final import penerimaan_usang

    frame = frame_from_rows("pemeriksaan", [{"kode": "profil.tidak_ada", "alasan": "x"}],
                            [Location("pemeriksaan.yaml", row=1)])
    from lkip_helpers.data.model import DataSet

    ds = DataSet(records={"pemeriksaan": frame}, fields={"instansi": {"tahun": 2023, "tanggal_ttd": dt.date(2024, 2, 1)}})
    (p,) = penerimaan_usang(ds, [_p("profil.penduduk")])
    assert p.code == "pemeriksaan.tidak_cocok"
    assert p.level is Level.INFO
