"""Formatting and value helpers of the checks."""

from __future__ import annotations

import pytest

from lkip_helpers.checks._util import angka, nilai_teks, ribuan, rupiah, same_value, table_of, versi_set
from lkip_helpers.errors import Location


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (999, "999"), (1000, "1.000"), (4231208525, "4.231.208.525"), (-30, "-30")],
)
def test_ribuan(value, text):
    assert ribuan(value) == text


def test_rupiah():
    assert rupiah(3437517304) == "Rp 3.437.517.304"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (95.5, "95,5"),
        (100.0, "100"),
        (81.24, "81,24"),
        (0.005, "0,01"),
        (1234.5, "1.234,5"),
        (-0.5, "-0,5"),
        (None, "-"),
    ],
)
def test_angka(value, text):
    assert angka(value) == text


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [("B", "b ", True), ("B", "BB", False), (85.0, 85, True), (85.0, 86.0, False), ("B", 60.0, False)],
)
def test_same_value(a, b, same):
    assert same_value(a, b) is same


def test_nilai_teks():
    assert nilai_teks(None) == "(kosong)"
    assert nilai_teks(" B") == "B"
    assert nilai_teks(8.33) == "8,33"


def test_versi_set():
    assert versi_set("awal, Perubahan") == {"awal", "perubahan"}
    assert versi_set(None) == set()


@pytest.mark.parametrize(
    ("location", "table"),
    [
        (Location("program.csv", row=3), "program"),
        (Location("data/2023/umbulsari/narasi.yaml", row=3), "narasi"),
        (Location("umbulsari.xlsx", sheet="target", row=4), "target"),
        (Location("CATATAN.md"), None),
        (None, None),
    ],
)
def test_table_of(location, table):
    assert table_of(location) == table
