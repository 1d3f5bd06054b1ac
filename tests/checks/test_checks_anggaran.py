"""Budget checks: roll-ups, composition, realisasi above pagu."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkip_helpers.checks import check_anggaran_komposisi, check_anggaran_rollup, check_realisasi_melebihi_pagu
from lkip_helpers.errors import Level, Location


def test_rollup_clean(spec, build):
    assert check_anggaran_rollup(build(spec)) == []


@pytest.mark.parametrize(
    ("table", "match", "column", "where"),
    [
        ("sub_kegiatan", {"kode": "P1.K1.S2"}, "pagu", ("kegiatan.csv", 2, "pagu")),
        ("sub_kegiatan", {"kode": "P1.K1.S2"}, "realisasi", ("kegiatan.csv", 2, "realisasi")),
        ("kegiatan", {"kode": "P2.K1"}, "realisasi", ("kegiatan.csv", 3, "realisasi")),
        ("program", {"kode": "P2"}, "pagu", ("program.csv", 3, "pagu")),
    ],
)
def test_rollup_off_by_one_rupiah(spec, build, table, match, column, where):
    """One Rupiah off anywhere breaks the roll-up at the level above (or at this level's total)."""
    spec.row(table, **match)[column] += 1
    found = check_anggaran_rollup(build(spec))
    assert found, "a one-Rupiah difference must be found"
    assert {p.code for p in found} == {"anggaran.rollup"}
    assert all(p.level is Level.GALAT for p in found)
    assert any((p.location.file, p.location.row, p.location.column) == where for p in found)
    assert any("selisih Rp 1" in p.message for p in found)


def test_rollup_message_formats_amounts(spec, build):
    spec.fields["anggaran"]["pagu_total"] = 4_231_208_525
    (p,) = check_anggaran_rollup(build(spec))
    assert p.location == Location("anggaran.yaml", column="pagu_total")
    assert p.found == "Rp 4.231.208.525"
    assert p.expected.startswith("Rp 1.500.000.000")
    assert "selisih Rp 2.731.208.525" in p.message


def test_rollup_pagu_murni_only_where_all_given(spec, build):
    spec.row("kegiatan", kode="P1.K1")["pagu_murni"] = 1_200_000_000
    spec.row("sub_kegiatan", kode="P1.K1.S1")["pagu_murni"] = 700_000_000
    assert check_anggaran_rollup(build(spec)) == []  # one sub kegiatan has no pagu_murni
    spec.row("sub_kegiatan", kode="P1.K1.S2")["pagu_murni"] = 400_000_000
    (p,) = check_anggaran_rollup(build(spec))
    assert p.location.column == "pagu_murni"
    assert p.found == "Rp 1.200.000.000"


def test_rollup_parent_without_children_is_not_compared(spec, build):
    spec.records["sub_kegiatan"] = [r for r in spec.records["sub_kegiatan"] if r["kode_kegiatan"] != "P2.K1"]
    spec.row("kegiatan", kode="P2.K1")["pagu"] = 123
    # kegiatan P2.K1 no longer matches its program, but it has no sub kegiatan to sum
    found = check_anggaran_rollup(build(spec))
    assert [p.location.file for p in found] == ["program.csv"]


@pytest.mark.parametrize(
    ("changes", "n"),
    [
        ({}, 0),
        ({"belanja_modal": 1}, 1),
        ({"belanja_modal": None}, 0),  # only one part given: nothing to add up
        ({"belanja_pegawai": 1_000_000_001}, 1),
        ({"belanja_pegawai": None, "belanja_barang_jasa": 1_500_000_001}, 1),
        ({"belanja_operasi": 1_400_000_000, "belanja_modal": 100_000_000}, 1),  # parts exceed operasi
    ],
)
def test_komposisi(spec, build, changes, n):
    spec.fields["anggaran"].update(changes)
    found = check_anggaran_komposisi(build(spec))
    assert len(found) == n
    assert all(p.level is Level.GALAT and p.code == "anggaran.komposisi" for p in found)


@pytest.mark.parametrize("table", ["sub_kegiatan", "kegiatan", "program"])
def test_realisasi_melebihi_pagu(spec, build, table):
    row = spec.records[table][0]
    row["realisasi"] = row["pagu"] + 1
    found = check_realisasi_melebihi_pagu(build(spec))
    assert len(found) == 1
    assert found[0].level is Level.GALAT
    assert found[0].location == Location(f"{table}.csv", row=2, column="realisasi")


def test_realisasi_melebihi_pagu_total(spec, build):
    assert check_realisasi_melebihi_pagu(build(spec)) == []
    spec.fields["anggaran"]["realisasi_total"] = 1_500_000_001
    (p,) = check_realisasi_melebihi_pagu(build(spec))
    assert p.location.column == "realisasi_total"
    assert "kelebihan Rp 1" in p.message


_amount = st.integers(min_value=0, max_value=10**12)


@given(
    tree=st.lists(
        st.lists(st.lists(_amount, min_size=1, max_size=4), min_size=1, max_size=3), min_size=1, max_size=4
    ),
    delta=st.integers(min_value=-(10**9), max_value=10**9).filter(bool),
    data=st.data(),
)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_rollup_property(spec, build, tree, delta, data):
    """Any consistent budget tree passes; changing one stated amount by any non-zero delta fails."""
    spec = copy.deepcopy(spec)  # the fixture is shared by all examples
    programs, kegiatan, subs = [], [], []
    for p, kegs in enumerate(tree, start=1):
        p_total = 0
        for k, amounts in enumerate(kegs, start=1):
            k_code = f"P{p}.K{k}"
            for s, amount in enumerate(amounts, start=1):
                subs.append(
                    {
                        "kode": f"{k_code}.S{s}",
                        "kode_kegiatan": k_code,
                        "nama": "s",
                        "pagu": amount,
                        "realisasi": 0,
                        "urutan": s,
                    }
                )
            kegiatan.append(
                {
                    "kode": k_code,
                    "kode_program": f"P{p}",
                    "nama": "k",
                    "pagu": sum(amounts),
                    "realisasi": 0,
                    "urutan": k,
                }
            )
            p_total += sum(amounts)
        programs.append({"kode": f"P{p}", "nama": "p", "pagu": p_total, "realisasi": 0, "urutan": p})
    spec.records.update(program=programs, kegiatan=kegiatan, sub_kegiatan=subs)
    spec.fields["anggaran"].update(pagu_total=sum(r["pagu"] for r in programs), realisasi_total=0)
    assert check_anggaran_rollup(build(spec)) == []
    table = data.draw(st.sampled_from(["program", "kegiatan", "sub_kegiatan"]))
    row = data.draw(st.sampled_from(spec.records[table]))
    row["pagu"] += delta
    assert check_anggaran_rollup(build(spec)), "a changed amount must break a roll-up"
