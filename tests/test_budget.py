"""Budget: serapan, roll-up beside the stated amounts, serapan and efficiency per sasaran."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_helpers.rules.budget import (
    CUKUP_EFISIEN,
    EFISIEN,
    TIDAK_EFISIEN,
    efisiensi,
    efisiensi_frame,
    efisiensi_keseluruhan,
    hitung_serapan,
    rollup,
    serapan_frame,
    serapan_sasaran,
)
from lkip_helpers.rules.capaian import RataRata
from lkip_helpers.rules.settings import EfisiensiSettings


@pytest.mark.parametrize(
    ("pagu", "realisasi", "nilai", "alasan"),
    [
        (4231208525, 3437517304, pytest.approx(81.241973391), None),
        (100, 100, 100.0, None),
        (100, 0, 0.0, None),
        (100, 120, 120.0, None),
        (0, 0, None, "pagu 0: serapan tidak dapat dihitung"),
        (0, 10, None, "pagu 0: serapan tidak dapat dihitung"),
        (None, 10, None, "pagu belum tersedia"),
        (pd.NA, 10, None, "pagu belum tersedia"),
        (100, None, None, "realisasi anggaran belum tersedia"),
        (100, float("nan"), None, "realisasi anggaran belum tersedia"),
    ],
)
def test_serapan(pagu: object, realisasi: object, nilai: float | None, alasan: str | None) -> None:
    s = hitung_serapan(pagu, realisasi)
    assert s.nilai == nilai
    if alasan is None:
        assert s.alasan is None
    else:
        assert alasan in (s.alasan or "")


def test_serapan_frame() -> None:
    df = pd.DataFrame(
        {"pagu": pd.Series([100, 0], dtype="Int64"), "realisasi": pd.Series([75, 5], dtype="Int64")}
    )
    out = serapan_frame(df)
    assert out["serapan"].iloc[0] == 75.0
    assert math.isnan(out["serapan"].iloc[1])
    assert out["serapan_alasan"].tolist() == [None, "pagu 0: serapan tidak dapat dihitung"]
    assert "serapan" not in df.columns


def _tree() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    program = pd.DataFrame(
        {
            "kode": ["P1", "P2"],
            "nama": ["Program Satu", "Program Dua"],
            "pagu": pd.Series([300, 50], dtype="Int64"),
            "realisasi": pd.Series([300, 40], dtype="Int64"),  # P1 stated 300, sums give 225
            "urutan": [1, 2],
        }
    )
    kegiatan = pd.DataFrame(
        {
            "kode": ["P2.K1", "P1.K1"],
            "kode_program": ["P2", "P1"],
            "nama": ["Keg 2.1", "Keg 1.1"],
            "pagu": pd.Series([50, 300], dtype="Int64"),
            "realisasi": pd.Series([40, 225], dtype="Int64"),
            "urutan": [1, 1],
        }
    )
    sub = pd.DataFrame(
        {
            "kode": ["P1.K1.S2", "P1.K1.S1", "P2.K1.S1"],
            "kode_kegiatan": ["P1.K1", "P1.K1", "P2.K1"],
            "nama": ["Sub 1.1.2", "Sub 1.1.1", "Sub 2.1.1"],
            "pagu": pd.Series([100, 200, 50], dtype="Int64"),
            "realisasi": pd.Series([75, 150, 40], dtype="Int64"),
            "urutan": [2, 1, 1],
        }
    )
    return sub, kegiatan, program


def test_rollup_sums_and_order() -> None:
    sub, keg, prog = _tree()
    out = rollup(sub, keg, prog, pagu_total_tertulis=350, realisasi_total_tertulis=365)
    assert out["kode"].tolist() == ["P1", "P1.K1", "P1.K1.S1", "P1.K1.S2", "P2", "P2.K1", "P2.K1.S1", "total"]
    assert out["level"].tolist() == [
        "program",
        "kegiatan",
        "sub_kegiatan",
        "sub_kegiatan",
        "program",
        "kegiatan",
        "sub_kegiatan",
        "total",
    ]
    p1 = out.set_index("kode").loc["P1"]
    assert (p1["pagu"], p1["realisasi"], p1["serapan"]) == (300, 225, 75.0)
    assert (p1["pagu_tertulis"], p1["realisasi_tertulis"], p1["serapan_tertulis"]) == (300, 300, 100.0)
    assert p1["jumlah_sub_kegiatan"] == 2
    total = out.iloc[-1]
    assert (total["pagu"], total["realisasi"], total["realisasi_tertulis"]) == (350, 265, 365)
    assert total["nama"] == "Jumlah"
    assert out["kode_induk"].tolist()[:3] == [None, "P1", "P1.K1"]
    assert out["lengkap"].all()
    assert str(out["pagu"].dtype) == "Int64"


def test_rollup_missing_amount_and_orphans() -> None:
    sub, keg, prog = _tree()
    sub.loc[0, "realisasi"] = pd.NA
    orphan = pd.DataFrame(
        {
            "kode": ["X.K9.S1"],
            "kode_kegiatan": ["X.K9"],
            "nama": ["Yatim"],
            "pagu": pd.Series([10], dtype="Int64"),
            "realisasi": pd.Series([10], dtype="Int64"),
            "urutan": [1],
        }
    )
    out = rollup(pd.concat([sub, orphan], ignore_index=True), keg, prog).set_index("kode")
    assert pd.isna(out.loc["P1", "realisasi"])  # a missing amount below: no total, never a partial sum
    assert pd.isna(out.loc["P1", "serapan"])
    assert out.loc["P1", "pagu"] == 300  # the pagu below is complete
    assert not out.loc["P1", "lengkap"]
    assert pd.isna(out.loc["total", "realisasi"])
    assert out.loc["P2", "lengkap"]
    assert out.loc["X.K9", "nama"] is None
    assert pd.isna(out.loc["X.K9", "pagu_tertulis"])
    assert out.loc["total", "pagu"] == 360  # every sub kegiatan is counted once
    assert pd.isna(out.loc["total", "pagu_tertulis"])


def test_rollup_empty() -> None:
    sub, keg, prog = _tree()
    out = rollup(sub.iloc[0:0], keg.iloc[0:0], prog.iloc[0:0])
    assert out["level"].tolist() == ["total"]
    assert out["pagu"].iloc[0] == 0
    assert math.isnan(out["serapan"].iloc[0])


def test_serapan_sasaran_from_rollup_and_from_program_table() -> None:
    sub, keg, prog = _tree()
    mapping = pd.DataFrame(
        {"kode_program": ["P2", "P1", "P2", "P9"], "kode_sasaran": ["S1", "S2", "S3", "S4"]}
    )
    out = serapan_sasaran(rollup(sub, keg, prog), mapping).set_index("kode_sasaran")
    assert out.loc["S2", "serapan"] == 75.0  # computed from sub kegiatan
    assert out.loc["S1", "serapan"] == 80.0
    assert out.loc["S3", "serapan"] == 80.0  # a program counts in each sasaran it supports
    assert math.isnan(out.loc["S4", "serapan"])
    assert "P9" in out.loc["S4", "alasan"]
    stated = serapan_sasaran(prog, mapping).set_index("kode_sasaran")
    assert stated.loc["S2", "serapan"] == 100.0


def test_serapan_sasaran_several_programs() -> None:
    prog = pd.DataFrame({"kode": ["P1", "P2"], "pagu": [100, 300], "realisasi": [50, 250]})
    mapping = pd.DataFrame({"kode_program": ["P1", "P2"], "kode_sasaran": ["S1", "S1"]})
    row = serapan_sasaran(prog, mapping).iloc[0]
    assert (row["program"], row["pagu"], row["realisasi"], row["serapan"]) == ("P1, P2", 400, 300, 75.0)


def test_seed_table_3_7() -> None:
    """Umbulsari 2023: every sasaran is 'Efisien' under the seed's rule."""
    prog = pd.DataFrame(
        {
            "kode": ["P1", "P2", "P3", "P4"],
            "pagu": [4068968525, 21720000, 89960000, 50560000],
            "realisasi": [3308322654, 18483200, 73951450, 36760000],
        }
    )
    mapping = pd.DataFrame(
        {"kode_program": ["P4", "P2", "P3", "P1"], "kode_sasaran": ["S1", "S2", "S3", "S4"]}
    )
    per = serapan_sasaran(prog, mapping)
    per["capaian"] = [97.0, 100.0, 85.0, 100.0]
    assert [round(x, 1) for x in per["serapan"]] == [72.7, 85.1, 82.2, 81.3]
    out = efisiensi_frame(per, EfisiensiSettings())
    assert out["efisiensi"].tolist() == [EFISIEN] * 4


@pytest.mark.parametrize(
    ("metode", "capaian", "serapan", "label", "nilai"),
    [
        ("seed", 97, 72.7, EFISIEN, 24.3),
        ("seed", 80, 80, EFISIEN, 0),
        ("seed", 79.99, 80, TIDAK_EFISIEN, -0.01),
        ("selisih", 90, 80, EFISIEN, 10),
        ("selisih", 85.01, 80, EFISIEN, 5.01),
        ("selisih", 85, 80, CUKUP_EFISIEN, 5),
        ("selisih", 80, 80, CUKUP_EFISIEN, 0),
        ("selisih", 75, 80, CUKUP_EFISIEN, -5),
        ("selisih", 74.99, 80, TIDAK_EFISIEN, -5.01),
        ("rasio", 100, 80, EFISIEN, 1.25),
        ("rasio", 80, 80, CUKUP_EFISIEN, 1),
        ("rasio", 60, 80, TIDAK_EFISIEN, 0.75),
    ],
)
def test_efisiensi(metode: str, capaian: float, serapan: float, label: str, nilai: float) -> None:
    e = efisiensi(capaian, serapan, settings=EfisiensiSettings(metode=metode))
    assert (e.label, e.metode, e.alasan) == (label, metode, None)
    assert e.nilai == pytest.approx(nilai)


def test_efisiensi_threshold_setting() -> None:
    assert efisiensi(88, 80, settings=EfisiensiSettings("selisih", 10)).label == CUKUP_EFISIEN


@pytest.mark.parametrize(
    ("metode", "capaian", "serapan", "alasan"),
    [
        ("seed", None, 80, "capaian kinerja tidak tersedia"),
        ("selisih", 90, float("nan"), "serapan anggaran tidak tersedia"),
        ("rasio", 90, 0, "serapan anggaran 0"),
    ],
)
def test_efisiensi_not_available(metode: str, capaian: object, serapan: object, alasan: str) -> None:
    e = efisiensi(capaian, serapan, settings=EfisiensiSettings(metode=metode))
    assert (e.label, e.nilai) == (None, None)
    assert alasan in (e.alasan or "")


def test_efisiensi_frame_custom_columns() -> None:
    df = pd.DataFrame({"c": [97.0, None], "s": [72.7, 80.0]})
    out = efisiensi_frame(df, EfisiensiSettings(), kolom_capaian="c", kolom_serapan="s")
    assert out["efisiensi"].tolist() == [EFISIEN, None]
    assert out["efisiensi_nilai"].iloc[0] == pytest.approx(24.3)
    assert out["efisiensi_alasan"].iloc[1].startswith("capaian kinerja tidak tersedia")


@given(st.lists(st.tuples(st.integers(0, 10**12), st.integers(0, 10**12)), min_size=1, max_size=12))
def test_rollup_total_equals_sum_of_sub_kegiatan(amounts: list[tuple[int, int]]) -> None:
    n = len(amounts)
    sub = pd.DataFrame(
        {
            "kode": [f"S{i}" for i in range(n)],
            "kode_kegiatan": [f"K{i % 3}" for i in range(n)],
            "nama": ["x"] * n,
            "pagu": pd.Series([a for a, _ in amounts], dtype="Int64"),
            "realisasi": pd.Series([b for _, b in amounts], dtype="Int64"),
            "urutan": list(range(n)),
        }
    )
    keg = pd.DataFrame({"kode": ["K0", "K1", "K2"], "kode_program": ["P0", "P1", "P0"], "nama": ["k"] * 3})
    prog = pd.DataFrame({"kode": ["P0", "P1"], "nama": ["p", "q"]})
    out = rollup(sub, keg, prog)
    total = out[out["level"] == "total"].iloc[0]
    assert total["pagu"] == sum(a for a, _ in amounts)
    assert total["realisasi"] == sum(b for _, b in amounts)
    assert out[out["level"] == "program"]["pagu"].sum() == total["pagu"]
    assert out[out["level"] == "kegiatan"]["realisasi"].sum() == total["realisasi"]


@pytest.mark.parametrize(
    ("rata", "serapan", "label", "alasan"),
    [
        (RataRata(95.5, 4, 0, None), 81.24, EFISIEN, None),  # every sasaran measured: as a sasaran
        (RataRata(70.0, 4, 0, None), 81.24, TIDAK_EFISIEN, None),
        (RataRata(100.0, 1, 3, None), 81.24, None, "capaian kinerja sebagian sasaran belum dapat dihitung"),
        (RataRata(100.0, 3, 1, None), None, None, "capaian kinerja sebagian sasaran belum dapat dihitung"),
        (RataRata(None, 0, 4, None), 81.24, None, "capaian kinerja tidak tersedia"),
        (RataRata(95.5, 4, 0, None), None, None, "serapan anggaran tidak tersedia"),
    ],
)
def test_efisiensi_keseluruhan_only_from_every_sasaran(rata: RataRata, serapan: float | None, label: str | None,
                                                       alasan: str | None) -> None:
    """The whole budget's serapan is set against an average of every sasaran, never of some."""
    e = efisiensi_keseluruhan(rata, serapan, settings=EfisiensiSettings())
    assert e.label == label
    if alasan is None:
        assert e.alasan is None
    else:
        assert alasan in (e.alasan or "")
        assert e.nilai is None
