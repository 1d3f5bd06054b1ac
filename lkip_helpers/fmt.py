"""Indonesian formatting of numbers, money, amounts in words and dates.

Numbers use ``.`` for thousands and ``,`` for decimals (4.231.208.525; 95,50%),
formatted by Babel (locale ``id``); amounts in words (*terbilang*) come from
num2words (``lang="id"``) in the seed's title case.  Rounding is half up on the
number as written (2,675 -> 2,68), as people round, not banker's rounding.

Every function returns ``kosong`` (default ``"n/a"``) for a missing value.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

from ._values import missing as _missing

__all__ = [
    "KOSONG",
    "angka",
    "nilai",
    "persen",
    "rupiah",
    "tanggal",
    "terbilang",
    "terbilang_rupiah",
]

LOCALE = "id"
#: What a missing value prints as.
KOSONG = "t.d."  # tidak dapat dihitung (the reason goes in a footnote or the sentence)
_GRADES = frozenset({"AA", "A", "BB", "B", "CC", "C", "D"})




def _decimal(x: Any, desimal: int) -> Decimal:
    """Round ``x`` half up to ``desimal`` places, working on its shortest decimal form."""
    if isinstance(x, Decimal):
        d = x
    elif isinstance(x, int) and not isinstance(x, bool):
        d = Decimal(x)
    else:
        f = float(x)
        if not math.isfinite(f):
            msg = f"tidak dapat memformat nilai tak hingga/NaN: {x!r}"
            raise ValueError(msg)
        d = Decimal(repr(f))
    q = d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    return abs(q) if q == 0 else q  # never "-0"


def _pattern(desimal: int, *, minimal: bool = False) -> str:
    if desimal <= 0:
        return "#,##0"
    return "#,##0." + ("#" if minimal else "0") * desimal


def angka(x: Any, desimal: int = 0, *, kosong: str = KOSONG) -> str:
    """Format a number: ``angka(4231208525)`` -> ``"4.231.208.525"``; ``angka(95.5, 2)`` -> ``"95,50"``."""
    if _missing(x):
        return kosong
    q = _decimal(x, desimal)
    return format_decimal(q, format=_pattern(desimal), locale=LOCALE, decimal_quantization=False)


def persen(x: Any, desimal: int = 2, *, kosong: str = KOSONG) -> str:
    """Format a percentage given in points: ``persen(95.5)`` -> ``"95,50%"``; None -> ``"n/a"``."""
    if _missing(x):
        return kosong
    return f"{angka(x, desimal)}%"


def rupiah(x: Any, *, kosong: str = KOSONG) -> str:
    """Format an amount of money: ``rupiah(4231208525)`` -> ``"Rp 4.231.208.525"`` (whole Rupiah)."""
    if _missing(x):
        return kosong
    q = _decimal(x, 0)
    text = angka(abs(q))
    return f"-Rp {text}" if q < 0 else f"Rp {text}"


def _whole(n: Any) -> int:
    if isinstance(n, bool):
        msg = f"terbilang memerlukan bilangan bulat, diberikan {n!r}"
        raise TypeError(msg)
    d = Decimal(n) if isinstance(n, int) else Decimal(repr(float(n)))
    if d != d.to_integral_value():
        msg = f"terbilang hanya untuk bilangan bulat, diberikan {n!r}"
        raise ValueError(msg)
    return int(d)


def terbilang(n: Any, *, kosong: str = KOSONG) -> str:
    """Return a whole number in Indonesian words, title case as in the seed.

    ``terbilang(4231208525)`` -> ``"Empat Miliar Dua Ratus Tiga Puluh Satu Juta Dua Ratus
    Delapan Ribu Lima Ratus Dua Puluh Lima"``; ``terbilang(1000)`` -> ``"Seribu"``;
    ``terbilang(-5)`` -> ``"Minus Lima"``.

    Raises
    ------
    ValueError
        When ``n`` has a fractional part.
    """
    if _missing(n):
        return kosong
    value = _whole(n)
    words = num2words(abs(value), lang="id")
    if value < 0:
        words = f"minus {words}"
    return " ".join(w.capitalize() for w in words.split())


def terbilang_rupiah(n: Any, *, kosong: str = KOSONG) -> str:
    """Return :func:`terbilang` followed by ``" Rupiah"``."""
    if _missing(n):
        return kosong
    return f"{terbilang(n)} Rupiah"


def tanggal(d: Any, *, kosong: str = KOSONG) -> str:
    """Format a date: ``tanggal(date(2024, 2, 23))`` -> ``"23 Februari 2024"``.

    Accepts :class:`datetime.date`, :class:`datetime.datetime`, a pandas
    ``Timestamp`` or an ISO string ``"2024-02-23"``.
    """
    if _missing(d):
        return kosong
    if isinstance(d, str):
        d = dt.date.fromisoformat(d.strip())
    if isinstance(d, pd.Timestamp):
        d = d.date()
    if isinstance(d, dt.datetime):
        d = d.date()
    if not isinstance(d, dt.date):
        msg = f"bukan tanggal: {d!r}"
        raise TypeError(msg)
    return format_date(d, format="d MMMM y", locale=LOCALE)


def nilai(v: Any, satuan: str | None = None, *, desimal: int = 2, kosong: str = KOSONG) -> str:
    """Format an indicator value as the report prints it.

    Grade letters are kept as they are (``"B"``); with unit ``%`` a number gets
    the minimal decimals up to ``desimal`` and a percent sign (``"97%"``,
    ``"82,24%"``); other numbers the same without the sign (``"85"``, ``"82,24"``).
    The unit itself is not appended.
    """
    if _missing(v):
        return kosong
    if isinstance(v, str):
        text = v.strip()
        if text.upper() in _GRADES:
            return text.upper()
        try:
            v = float(text.replace(".", "").replace(",", ".")) if "," in text else float(text)
        except ValueError:
            return text
    q = _decimal(v, desimal)
    text = format_decimal(
        q, format=_pattern(desimal, minimal=True), locale=LOCALE, decimal_quantization=False
    )
    return f"{text}%" if (satuan or "").strip() == "%" else text
