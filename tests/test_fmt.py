"""Indonesian formatting: numbers, percentages, Rupiah, terbilang, dates, indicator values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from lkip_helpers import fmt


@pytest.mark.parametrize(
    ("x", "desimal", "text"),
    [
        (4231208525, 0, "4.231.208.525"),
        (4231208525.0, 0, "4.231.208.525"),
        (95.5, 2, "95,50"),
        (95.5, 0, "96"),  # half up
        (2.675, 2, "2,68"),  # half up on the written number, not the binary float
        (0.125, 2, "0,13"),
        (1234567.891, 1, "1.234.567,9"),
        (-1234.5, 1, "-1.234,5"),
        (-0.001, 2, "0,00"),  # never "-0,00"
        (0, 0, "0"),
        (Decimal("12.345"), 2, "12,35"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
    ],
)
def test_angka(x: object, desimal: int, text: str) -> None:
    assert fmt.angka(x, desimal) == text


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_missing_values(missing: object) -> None:
    assert fmt.angka(missing) == "t.d."
    assert fmt.persen(missing) == "t.d."
    assert fmt.rupiah(missing) == "t.d."
    assert fmt.terbilang(missing) == "t.d."
    assert fmt.tanggal(missing) == "t.d."
    assert fmt.nilai(missing, "%") == "t.d."
    assert fmt.persen(missing, kosong="-") == "-"


@pytest.mark.parametrize(
    ("x", "desimal", "text"),
    [
        (95.5, 2, "95,50%"),
        (97, 0, "97%"),
        (81.241973391, 2, "81,24%"),
        (100, 2, "100,00%"),
        (107.8125, 2, "107,81%"),
    ],
)
def test_persen(x: float, desimal: int, text: str) -> None:
    assert fmt.persen(x, desimal) == text


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (4231208525, "Rp 4.231.208.525"),
        (3437517304, "Rp 3.437.517.304"),
        (0, "Rp 0"),
        (1500.5, "Rp 1.501"),
        (-1500, "-Rp 1.500"),
    ],
)
def test_rupiah(x: float, text: str) -> None:
    assert fmt.rupiah(x) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "Nol"),
        (1, "Satu"),
        (11, "Sebelas"),
        (12, "Dua Belas"),
        (19, "Sembilan Belas"),
        (21, "Dua Puluh Satu"),
        (100, "Seratus"),
        (101, "Seratus Satu"),
        (111, "Seratus Sebelas"),
        (1000, "Seribu"),
        (1001, "Seribu Satu"),
        (1500, "Seribu Lima Ratus"),
        (11000, "Sebelas Ribu"),
        (100000, "Seratus Ribu"),
        (1000000, "Satu Juta"),
        (2500000, "Dua Juta Lima Ratus Ribu"),
        (1000000000, "Satu Miliar"),
        (
            4231208525,
            "Empat Miliar Dua Ratus Tiga Puluh Satu Juta Dua Ratus Delapan Ribu Lima Ratus Dua Puluh Lima",
        ),
        (
            3437517304,
            "Tiga Miliar Empat Ratus Tiga Puluh Tujuh Juta Lima Ratus Tujuh Belas Ribu Tiga Ratus Empat",
        ),
        (1000000000000, "Satu Triliun"),
        (-5, "Minus Lima"),
        (1000.0, "Seribu"),
    ],
)
def test_terbilang(n: int, text: str) -> None:
    assert fmt.terbilang(n) == text


def test_terbilang_rupiah_seed() -> None:
    assert fmt.terbilang_rupiah(4231208525) == (
        "Empat Miliar Dua Ratus Tiga Puluh Satu Juta Dua Ratus Delapan Ribu Lima Ratus Dua Puluh Lima Rupiah"
    )
    assert fmt.terbilang_rupiah(0) == "Nol Rupiah"


def test_terbilang_refuses_fractions() -> None:
    with pytest.raises(ValueError, match="bilangan bulat"):
        fmt.terbilang(1.5)


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (dt.date(2024, 2, 23), "23 Februari 2024"),
        (dt.datetime(2023, 12, 31, 10, 0), "31 Desember 2023"),
        (pd.Timestamp("2024-01-05"), "5 Januari 2024"),
        ("2024-08-17", "17 Agustus 2024"),
        (dt.date(2023, 5, 1), "1 Mei 2023"),
    ],
)
def test_tanggal(d: object, text: str) -> None:
    assert fmt.tanggal(d) == text


@pytest.mark.parametrize(
    ("v", "satuan", "text"),
    [
        (97, "%", "97%"),
        (97.0, "%", "97%"),
        (82.24, "%", "82,24%"),
        (82.2, "%", "82,2%"),
        (99.999, "%", "100%"),
        (1.5, "%", "1,5%"),
        (85, "indeks", "85"),
        (82.24, "indeks", "82,24"),
        (63.36, "nilai", "63,36"),
        (22, "orang", "22"),
        (1234.5, "orang", "1.234,5"),
        ("B", "nilai", "B"),
        ("bb", "nilai", "BB"),
        ("95,5", "%", "95,5%"),
        (8.33, None, "8,33"),
    ],
)
def test_nilai(v: object, satuan: str | None, text: str) -> None:
    assert fmt.nilai(v, satuan) == text
