"""Bab I checks: staff totals, population, livelihood shares."""

from __future__ import annotations

import pytest

from lkip_helpers.checks import check_mata_pencaharian, check_penduduk, check_sdm_jumlah
from lkip_helpers.errors import Level


def test_sdm_clean(spec, build):
    assert check_sdm_jumlah(build(spec)) == []


def test_sdm_non_asn_not_counted(spec, build):
    spec.row("sdm_pendidikan", status="Non ASN")["jumlah"] = 99
    assert check_sdm_jumlah(build(spec)) == []


@pytest.mark.parametrize("table", ["sdm_jabatan", "sdm_golongan", "sdm_pendidikan"])
def test_sdm_the_odd_table_is_named(spec, build, table):
    spec.records[table][0]["jumlah"] += 1
    (p,) = check_sdm_jumlah(build(spec))
    assert p.level is Level.PERINGATAN
    assert p.location.file == f"{table}.csv"
    assert (p.found, p.expected) == ("6", "5")


def test_sdm_empty_table_is_left_out(spec, build):
    spec.records["sdm_golongan"] = []
    assert check_sdm_jumlah(build(spec)) == []


def test_penduduk_seed_contradiction(spec, build):
    """The seed: 79.263 in total, 39.865 + 39.368 = 79.233."""
    assert check_penduduk(build(spec)) == []
    spec.fields["profil"]["penduduk_total"] = 79263
    (p,) = check_penduduk(build(spec))
    assert p.level is Level.PERINGATAN
    assert p.code == "profil.penduduk"
    assert "79.263" in p.message
    assert "79.233" in p.message
    assert "selisih 30" in p.message
    assert p.location.column == "penduduk_total"


def test_penduduk_without_split_is_fine(spec, build):
    spec.fields["profil"]["penduduk_total"] = 1
    del spec.fields["profil"]["penduduk_laki"]
    assert check_penduduk(build(spec)) == []


@pytest.mark.parametrize(
    ("values", "n"),
    [
        ((85, 10, 5), 0),
        ((85, 15, 5), 1),
        ((33.33, 33.33, 33.34), 0),
        ((33.33, 33.33, 33.33), 1),
        ((85, 10, 4.995), 0),
    ],
)
def test_mata_pencaharian(spec, build, values, n):
    for row, value in zip(spec.records["mata_pencaharian"], values, strict=True):
        row["persen"] = value
    found = check_mata_pencaharian(build(spec))
    assert len(found) == n
    if n:
        assert found[0].level is Level.PERINGATAN
        assert found[0].expected == "100%"


def test_mata_pencaharian_seed_message(spec, build):
    spec.row("mata_pencaharian", bidang="Perdagangan")["persen"] = 15.0
    (p,) = check_mata_pencaharian(build(spec))
    assert p.found == "105%"
    assert "Pertanian 85% + Perdagangan 15% + Lainnya 5%" in p.message
