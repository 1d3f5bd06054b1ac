"""What people type -> typed values (lkip_helpers.data.parse)."""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkip_helpers.data.parse import (
    ValueParseError,
    format_number,
    is_missing,
    parse_bool,
    parse_cell,
    parse_choice,
    parse_date,
    parse_decimal,
    parse_int,
    parse_kode,
    parse_nilai,
    parse_percent,
    parse_rupiah,
    parse_text,
)
from lkip_helpers.data.schema import ColType, Column, table

# (function, raw input, expected value)
ACCEPTED = [
    (parse_rupiah, "4.231.208.525", 4231208525),
    (parse_rupiah, "Rp 4.231.208.525", 4231208525),
    (parse_rupiah, "Rp4.231.208.525,00", 4231208525),
    (parse_rupiah, "Rp. 1.500.000,-", 1500000),
    (parse_rupiah, "IDR 2500", 2500),
    (parse_rupiah, "4231208525", 4231208525),
    (parse_rupiah, 4231208525, 4231208525),
    (parse_rupiah, 4231208525.0, 4231208525),
    (parse_rupiah, 0.1 + 0.2 - 0.3 + 7, 7),  # float noise from a formula's cached value
    (parse_rupiah, "1.000", 1000),
    (parse_rupiah, "  Rp 0  ", 0),
    (parse_rupiah, "4 231 208 525", 4231208525),
    (parse_rupiah, "Rp\u00a04.231.208.525", 4231208525),
    (parse_int, "79.263", 79263),
    (parse_int, "79263", 79263),
    (parse_int, 2023.0, 2023),
    (parse_int, "-3", -3),
    (parse_int, "1.234,00", 1234),
    (parse_decimal, "95,5", 95.5),
    (parse_decimal, "95.5", 95.5),
    (parse_decimal, "1.234,5", 1234.5),
    (parse_decimal, "1.234.567", 1234567.0),
    (parse_decimal, "0.125", 0.125),
    (parse_decimal, "1234.567", 1234.567),
    (parse_decimal, "1.2340", 1.234),
    (parse_decimal, "1,234", 1.234),
    (parse_decimal, "64,44", 64.44),
    (parse_decimal, 64.44, 64.44),
    (parse_decimal, 3, 3.0),
    (parse_decimal, "\u22122,5", -2.5),
    (parse_percent, "97%", 97.0),
    (parse_percent, "82,24 %", 82.24),
    (parse_percent, "97", 97.0),
    (parse_percent, "107,81%", 107.81),
    (parse_percent, 95.5, 95.5),
    (parse_nilai, "B", "B"),
    (parse_nilai, "bb", "BB"),
    (parse_nilai, " aa ", "AA"),
    (parse_nilai, "97%", 97.0),
    (parse_nilai, "95,5", 95.5),
    (parse_nilai, 85, 85.0),
    (parse_date, "23 Februari 2024", date(2024, 2, 23)),
    (parse_date, "23 februari 2024", date(2024, 2, 23)),
    (parse_date, "Jumat, 23 Februari 2024", date(2024, 2, 23)),
    (parse_date, "2 Okt 2023", date(2023, 10, 2)),
    (parse_date, "17 Agustus 2023", date(2023, 8, 17)),
    (parse_date, "23/02/2024", date(2024, 2, 23)),
    (parse_date, "5-6-2024", date(2024, 6, 5)),
    (parse_date, "2024-02-23", date(2024, 2, 23)),
    (parse_date, "2024-02-23 00:00:00", date(2024, 2, 23)),
    (parse_date, datetime(2024, 2, 23, 0, 0), date(2024, 2, 23)),
    (parse_date, date(2023, 12, 31), date(2023, 12, 31)),
    (parse_bool, "ya", True),
    (parse_bool, "Tidak", False),
    (parse_bool, "y", True),
    (parse_bool, "t", False),
    (parse_bool, "TRUE", True),
    (parse_bool, "false", False),
    (parse_bool, "1", True),
    (parse_bool, 0, False),
    (parse_bool, True, True),
    (parse_kode, " P1.K1 ", "P1.K1"),
    (parse_kode, 68166, "68166"),
    (parse_kode, 68166.0, "68166"),
    (parse_kode, "III/a", "III/a"),
    (parse_kode, "19700101 199003 1 005", "19700101 199003 1 005"),
    (parse_text, "  Pertanian  ", "Pertanian"),
    (parse_text, 2023, "2023"),
    (parse_text, 3.5, "3.5"),
]

MISSING = [None, "", "   ", "-", "n/a", "N/A", "\u2013"]

# (function, raw input, a word the expected text must contain)
REJECTED = [
    (parse_rupiah, "1.5", "pecahan"),
    (parse_rupiah, "1,5", "pecahan"),
    (parse_rupiah, 1.5, "pecahan"),
    (parse_rupiah, "-100", "negatif"),
    (parse_rupiah, "Rp 1,000", "ribuan"),
    (parse_rupiah, "1,234.5", "Inggris"),
    (parse_rupiah, "Rp", "Rupiah"),
    (parse_rupiah, "empat juta", "Rupiah"),
    (parse_rupiah, "12 34", "Rupiah"),
    (parse_int, "2,5", "bulat"),
    (parse_int, 2.5, "bulat"),
    (parse_int, "1,234,567", "Inggris"),
    (parse_int, True, "bulat"),
    (parse_decimal, "1.234", "1234"),
    (parse_decimal, "1,234.5", "1.234,5"),
    (parse_decimal, float("nan"), "NaN"),
    (parse_decimal, float("inf"), "NaN"),
    (parse_decimal, "12.34.5", "angka"),
    (parse_decimal, date(2024, 1, 1), "angka"),
    (parse_percent, "1.234%", "pecahan"),
    (parse_percent, "%", "persentase"),
    (parse_percent, "sembilan puluh", "persentase"),
    (parse_nilai, "E", "huruf"),
    (parse_nilai, "B+", "huruf"),
    (parse_nilai, "1.234", "ribuan"),
    (parse_date, "31 Februari 2023", "kalender"),
    (parse_date, "23/02/24", "tanggal"),
    (parse_date, "Februari 2024", "tanggal"),
    (parse_date, 45345, "Tanggal"),
    (parse_bool, "mungkin", "ya atau tidak"),
    (parse_bool, 2, "ya atau tidak"),
    (parse_kode, 1.1, "teks"),
    (parse_kode, 1.9700101199003101e17, "teks"),
    (parse_kode, "P1; K1", "kode"),
]


@pytest.mark.parametrize(("func", "raw", "expected"), ACCEPTED)
def test_accepted(func, raw, expected) -> None:
    value = func(raw)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    "func",
    [
        parse_rupiah,
        parse_int,
        parse_decimal,
        parse_percent,
        parse_nilai,
        parse_date,
        parse_bool,
        parse_kode,
        parse_text,
    ],
)
@pytest.mark.parametrize("raw", MISSING)
def test_missing_values(func, raw) -> None:
    assert is_missing(raw)
    assert func(raw) is None


@pytest.mark.parametrize(("func", "raw", "word"), REJECTED)
def test_rejected(func, raw, word) -> None:
    with pytest.raises(ValueParseError) as info:
        func(raw)
    assert word in info.value.expected
    assert isinstance(info.value, ValueError)
    assert "seharusnya" in str(info.value)


def test_choice_is_case_insensitive_and_canonical() -> None:
    versi = table("target").column("versi")
    assert parse_cell("PK Perubahan", versi) == "pk_perubahan"
    assert parse_cell("RKT", versi) == "rkt"
    assert parse_choice("non-asn", ("ASN", "Non ASN")) == "Non ASN"
    assert parse_choice("sangat tertinggal", ("Maju", "Sangat Tertinggal")) == "Sangat Tertinggal"
    with pytest.raises(ValueParseError) as info:
        parse_cell("pk", versi)
    assert "salah satu dari: renstra_awal" in info.value.expected


def test_parse_cell_dispatches_on_type() -> None:
    assert parse_cell("Rp 1.000", Column("x", ColType.RUPIAH, "")) == 1000
    assert parse_cell("97%", Column("x", ColType.PERSEN, "")) == 97.0
    assert parse_cell("ya", Column("x", ColType.YA_TIDAK, "")) is True
    assert parse_cell("-", Column("x", ColType.TEKS, "", required=True)) is None


def test_found_text_shows_raw_value() -> None:
    with pytest.raises(ValueParseError) as info:
        parse_rupiah(" 1,5 ")
    assert info.value.found == "'1,5'"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (97.0, "97"),
        (95.5, "95.5"),
        (1.234, "1.2340"),
        (0.125, "0.125"),
        (1234.567, "1234.567"),
        (1e20, "100000000000000000000"),
        (-0.0, "0"),
        (4231208525, "4231208525"),
    ],
)
def test_format_number_is_canonical_and_parses_back(value, text) -> None:
    assert format_number(value) == text
    assert parse_decimal(text) == float(value)


def _indonesian(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**15))
def test_rupiah_round_trip(n: int) -> None:
    text = _indonesian(n)
    assert parse_rupiah(text) == n
    assert parse_rupiah(f"Rp {text}") == n
    assert parse_rupiah(f"Rp{text},00") == n
    assert parse_int(text) == n


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_decimal_canonical_round_trip(x: float) -> None:
    assert parse_decimal(format_number(x)) == x


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_indonesian_decimal_round_trip(whole: int, cents: int) -> None:
    text = f"{_indonesian(whole)},{cents:02d}"
    assert math.isclose(parse_decimal(text), whole + cents / 100)
    assert math.isclose(parse_percent(text + " %"), whole + cents / 100)
