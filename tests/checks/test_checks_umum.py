"""General checks: demo-data flag and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from lkip_helpers.checks import check_data_contoh, check_tanggal_dokumen, check_tanggal_ttd
from lkip_helpers.errors import Level


def test_data_contoh(spec, build):
    assert check_data_contoh(build(spec)) == []
    spec.fields["instansi"]["data_status"] = "contoh"
    (p,) = check_data_contoh(build(spec))
    assert p.level is Level.INFO
    assert "bukan data resmi" in p.message


@pytest.mark.parametrize(
    ("tanggal", "level"),
    [
        (dt.date(2024, 2, 23), None),
        (dt.date(2024, 2, 29), None),
        (dt.date(2023, 12, 31), Level.PERINGATAN),
        (dt.date(2023, 2, 23), Level.PERINGATAN),
        (dt.date(2025, 2, 23), Level.PERINGATAN),
        (dt.date(2024, 3, 1), Level.INFO),
    ],
)
def test_tanggal_ttd(spec, build, tanggal, level):
    spec.fields["instansi"]["tanggal_ttd"] = tanggal
    found = check_tanggal_ttd(build(spec))
    assert [p.level for p in found] == ([level] if level else [])


@pytest.mark.parametrize(
    ("jenis", "tanggal", "n"),
    [
        ("pk_awal", dt.date(2022, 12, 20), 0),
        ("pk_awal", dt.date(2022, 1, 20), 1),
        ("pk_perubahan", dt.date(2022, 11, 21), 2),  # wrong year, and before the PK awal
        ("sk_iku", dt.date(2019, 3, 15), 1),
        ("sk_iku", dt.date(2021, 3, 15), 0),
        ("pk_perubahan", dt.date(2024, 3, 1), 1),  # after the report's own date
    ],
)
def test_tanggal_dokumen(spec, build, jenis, tanggal, n):
    spec.row("dokumen", jenis=jenis)["tanggal"] = tanggal
    found = check_tanggal_dokumen(build(spec))
    assert len(found) == n
    assert all(p.level is Level.PERINGATAN for p in found)


def test_tanggal_penghargaan_and_posisi(spec, build):
    assert check_tanggal_dokumen(build(spec)) == []
    spec.records["penghargaan"] = [
        {"nama": "Kecamatan Terbaik", "pemberi": "Bupati Jember", "tanggal": dt.date(2022, 8, 17)}
    ]
    spec.fields["anggaran"]["tanggal_realisasi"] = dt.date(2022, 12, 31)
    found = check_tanggal_dokumen(build(spec))
    assert {p.location.file for p in found} == {"penghargaan.csv", "anggaran.yaml"}
