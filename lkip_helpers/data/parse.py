"""Turn what people type into typed values.

Every loader (CSV, YAML, Excel) hands raw cell values to :func:`parse_cell`,
which returns the Python value that :mod:`lkip_helpers.data.model` documents for the
column's :class:`~lkip_helpers.data.schema.ColType`.  Raw values are whatever the
source gives: ``str`` (CSV, YAML, text cells), ``int``/``float`` (Excel numbers,
a formula's cached value, YAML numbers), ``bool``, ``datetime``/``date`` or
``None``.

Numbers follow Indonesian conventions: ``.`` separates thousands, ``,`` marks
decimals (``4.231.208.525``, ``95,5``, ``1.234,5``).  The canonical machine
form written by :mod:`lkip_helpers.data.textform` uses a dot for decimals
(``95.5``).  Inputs that could mean two different numbers are refused with a
message that says how to write them, never guessed:

* ``1.234`` in a decimal, percentage or indicator-value column (thousands or
  a fraction?); write ``1234`` or ``1,234``.  Canonical output therefore never
  has exactly three decimals after a non-zero whole part: ``1.234`` is written
  ``1.2340``.
* ``1,234.5`` and ``1,234,567`` (English style).
* ``1.5`` / ``1,5`` in a Rupiah column (Rupiah has no fractions) and any
  non-whole number in a whole-number column; ``1,000`` in such a column (an
  English thousand or the Indonesian number one?).

``""``, ``"-"`` and ``"n/a"`` (any case) mean a missing value (``None``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal

from .schema import GRADES, ColType, Column

__all__ = [
    "MISSING_TEXTS",
    "ValueParseError",
    "format_number",
    "is_missing",
    "parse_bool",
    "parse_cell",
    "parse_choice",
    "parse_date",
    "parse_decimal",
    "parse_int",
    "parse_kode",
    "parse_nilai",
    "parse_percent",
    "parse_rupiah",
    "parse_text",
    "show_raw",
]

#: Texts that mean "no value" (compared case-insensitively after stripping).
MISSING_TEXTS: frozenset[str] = frozenset({"", "-", "\u2013", "\u2014", "n/a"})

_GRADE_LIST = "AA, A, BB, B, CC, C atau D"
_NUMBER_HINT = "koma untuk desimal dan titik untuk ribuan, mis. 95,5 atau 1.234,5"
_EXPECTED = {
    ColType.RUPIAH: "jumlah Rupiah bulat, mis. 4.231.208.525 atau Rp 4.231.208.525",
    ColType.BULAT: "bilangan bulat, mis. 79.263 atau 79263",
    ColType.DESIMAL: f"angka ({_NUMBER_HINT})",
    ColType.PERSEN: "persentase, mis. 97%, 97 atau 82,24 %",
    ColType.NILAI: f"angka (mis. 97%, 95,5) atau nilai huruf {_GRADE_LIST}",
    ColType.TANGGAL: "tanggal, mis. 23 Februari 2024, 23/02/2024 atau 2024-02-23",
    ColType.YA_TIDAK: "ya atau tidak (juga diterima: y/t, true/false, 1/0)",
    ColType.KODE: "kode berupa huruf, angka, titik, tanda hubung, garis bawah atau garis miring, mis. P1.K1",
    ColType.TEKS: "teks",
}
_MONTHS: dict[str, int] = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "pebruari", "feb", "peb", "february"), 2),
    **dict.fromkeys(("maret", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("agustus", "agu", "agt", "ags", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nopember", "nov", "nop"), 11),
    **dict.fromkeys(("desember", "des", "dec", "december"), 12),
}
_DAYS = "senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad"
_TRUE = frozenset({"ya", "y", "true", "1", "iya"})
_FALSE = frozenset({"tidak", "t", "false", "0"})

_RE_PLAIN = re.compile(r"\d+")
_RE_ID_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
_RE_SPACE_GROUPED = re.compile(r"[1-9]\d{0,2}(?: \d{3})+(?:,\d+)?")
_RE_COMMA_DEC = re.compile(r"\d+,\d+")
_RE_DOT_DEC = re.compile(r"\d+\.\d+")
_RE_EN_STYLE = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}")
_RE_RUPIAH_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_RE_KODE = re.compile(r"[\w.\-/ ]+")
_RE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_RE_DMY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
_RE_LONG = re.compile(rf"(?:(?:{_DAYS}),?\s+)?(\d{{1,2}})\s+([a-z]+)\.?\s+(\d{{4}})")


class ValueParseError(ValueError):
    """A raw value cannot be read as the column's type.

    Parameters
    ----------
    found : str
        The raw value as the user sees it (``"'1.234'"``).
    expected : str
        Indonesian text saying what is allowed and how to write it.
    """

    def __init__(self, found: str, expected: str) -> None:
        self.found = found
        self.expected = expected
        super().__init__(f"{found} tidak dapat dibaca; seharusnya {expected}")


# -- helpers ---------------------------------------------------------------------


def is_missing(raw: object) -> bool:
    """Return True for ``None``, empty or blank text, ``-`` and ``n/a``."""
    if raw is None:
        return True
    return isinstance(raw, str) and raw.strip().casefold() in MISSING_TEXTS


def show_raw(raw: object) -> str:
    """Return a raw value as the user would recognise it in a message."""
    if isinstance(raw, str):
        return f"'{raw.strip()}'"
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, datetime):
        return raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, float) and math.isfinite(raw):
        return _plain(raw)
    return str(raw)


def format_number(value: float | int) -> str:
    """Return the canonical machine text of a number (dot decimals, no grouping).

    Whole floats lose their ``.0``; a non-zero whole part followed by exactly
    three decimals gets a trailing zero (``1.2340``) so that the text cannot be
    read as a thousands group.

    Examples
    --------
    >>> format_number(97.0), format_number(95.5), format_number(1.234)
    ('97', '95.5', '1.2340')
    """
    if isinstance(value, int):
        return str(value)
    text = _plain(value)
    if re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text):
        text += "0"
    return text


def _plain(value: float) -> str:
    """Return a float without exponent and without trailing zeros."""
    text = format(Decimal(repr(value)), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _fail(raw: object, expected: str) -> ValueParseError:
    return ValueParseError(show_raw(raw), expected)


def _refuse_odd_types(raw: object, col_type: ColType) -> None:
    """Refuse booleans, dates and non-finite floats in a numeric column."""
    if isinstance(raw, bool) or isinstance(raw, date):
        raise _fail(raw, _EXPECTED[col_type])
    if isinstance(raw, float) and not math.isfinite(raw):
        raise _fail(raw, f"{_EXPECTED[col_type]}; NaN atau tak hingga tidak diterima")


def _text_number(text: str, *, whole: bool, col_type: ColType) -> Decimal:
    """Read an Indonesian number text (sign already allowed) into a Decimal."""
    body = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    sign = 1
    if body[:1] in ("-", "\u2212", "+"):
        sign = -1 if body[0] != "+" else 1
        body = body[1:].lstrip()
    expected = _EXPECTED[col_type]
    if " " in body:
        if not _RE_SPACE_GROUPED.fullmatch(body):
            raise _fail(text, expected)
        body = body.replace(" ", "")  # '4 231 208 525': spaces as thousands separators
    if _RE_EN_STYLE.fullmatch(body):
        raise _fail(
            text, f"{expected}; gunakan format Indonesia: {_NUMBER_HINT} (bukan gaya Inggris 1,234.5)"
        )
    if _RE_PLAIN.fullmatch(body):
        number = Decimal(body)
    elif _RE_ID_GROUPED.fullmatch(body):
        if not whole and "," not in body and body.count(".") == 1:
            raise _fail(
                text,
                f"{expected}; '{body}' bisa berarti ribuan atau pecahan: tulis "
                f"{body.replace('.', '')} bila ribuan, atau {body.replace('.', ',')} bila pecahan",
            )
        number = Decimal(body.replace(".", "").replace(",", "."))
    elif _RE_COMMA_DEC.fullmatch(body):
        fraction = body.split(",")[1]
        if whole and len(fraction) == 3 and set(fraction) == {"0"}:
            raise _fail(
                text,
                f"{expected}; '{body}' bisa berarti ribuan (gaya Inggris) atau pecahan: "
                f"tulis {body.replace(',', '')} bila maksudnya ribuan",
            )
        number = Decimal(body.replace(",", "."))
    elif _RE_DOT_DEC.fullmatch(body):
        number = Decimal(body)
    else:
        raise _fail(text, expected)
    return sign * number


def _whole(number: Decimal | float, raw: object, expected: str) -> int:
    """Return ``number`` as an int, refusing fractions (tolerating float noise)."""
    if isinstance(number, float):
        nearest = round(number)
        if not math.isclose(number, nearest, rel_tol=1e-12, abs_tol=1e-9):
            raise _fail(raw, expected)
        return int(nearest)
    if number != number.to_integral_value():
        raise _fail(raw, expected)
    return int(number)


# -- one function per column type -----------------------------------------------


def parse_text(raw: object) -> str | None:
    """Return free text, stripped; numbers and dates become their text."""
    if is_missing(raw):
        return None
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, bool):
        return "ya" if raw else "tidak"
    if isinstance(raw, datetime):
        return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(sep=" ")
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, float):
        _refuse_odd_types(raw, ColType.TEKS)
        return format_number(raw)
    return str(raw)


def parse_kode(raw: object) -> str | None:
    """Return an identifier such as ``P1.K1``, ``III/a`` or a NIP (spaces allowed).

    Whole numbers (a kode pos typed as a number) become their digits; other
    numbers are refused because Excel may have changed them (``1.10`` -> 1.1,
    an 18-digit NIP loses its last digits).
    """
    if is_missing(raw):
        return None
    as_text = "tulis kode sebagai teks (di Excel: format sel Teks atau awali dengan tanda petik ')"
    if isinstance(raw, bool) or isinstance(raw, date):
        raise _fail(raw, f"{_EXPECTED[ColType.KODE]}; {as_text}")
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw) or not raw.is_integer() or abs(raw) >= 1e15:
            raise _fail(raw, f"{_EXPECTED[ColType.KODE]}; angka ini mungkin telah diubah Excel: {as_text}")
        return str(int(raw))
    text = str(raw).strip()
    if not _RE_KODE.fullmatch(text):
        raise _fail(raw, _EXPECTED[ColType.KODE])
    return text


def parse_int(raw: object) -> int | None:
    """Return a whole number; ``79.263`` is 79263, ``1,5`` and ``1.5`` are refused."""
    if is_missing(raw):
        return None
    expected = _EXPECTED[ColType.BULAT]
    _refuse_odd_types(raw, ColType.BULAT)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        return _whole(raw, raw, f"{expected}; {show_raw(raw)} bukan bilangan bulat")
    number = _text_number(str(raw).strip(), whole=True, col_type=ColType.BULAT)
    return _whole(number, raw, f"{expected}; bukan bilangan bulat (titik adalah pemisah ribuan)")


def parse_rupiah(raw: object) -> int | None:
    """Return a whole, non-negative Rupiah amount.

    Accepts ``4231208525``, ``4.231.208.525``, ``Rp 4.231.208.525``,
    ``Rp4.231.208.525,00`` and ``Rp 1.500.000,-``.  Fractions (``1.5``,
    ``1,5``) are refused: Rupiah amounts in a DPA have no sen.
    """
    if is_missing(raw):
        return None
    expected = _EXPECTED[ColType.RUPIAH]
    no_fraction = f"{expected}; Rupiah tidak memakai pecahan (sen): titik adalah pemisah ribuan"
    _refuse_odd_types(raw, ColType.RUPIAH)
    if isinstance(raw, int):
        amount = raw
    elif isinstance(raw, float):
        amount = _whole(raw, raw, no_fraction)
    else:
        text = _RE_RUPIAH_PREFIX.sub("", str(raw).strip())
        text = re.sub(r"[,.]-$", "", text).strip()
        if not text:
            raise _fail(raw, expected)
        amount = _whole(_text_number(text, whole=True, col_type=ColType.RUPIAH), raw, no_fraction)
    if amount < 0:
        raise _fail(raw, f"{expected}; jumlah Rupiah tidak boleh negatif")
    return amount


def _parse_float(raw: object, col_type: ColType, *, strip_percent: bool) -> float | None:
    if is_missing(raw):
        return None
    _refuse_odd_types(raw, col_type)
    if isinstance(raw, int | float):
        return float(raw)
    text = str(raw).strip()
    if strip_percent and text.endswith("%"):
        text = text[:-1].rstrip()
    if not text:
        raise _fail(raw, _EXPECTED[col_type])
    return float(_text_number(text, whole=False, col_type=col_type))


def parse_decimal(raw: object) -> float | None:
    """Return a decimal number: ``95,5``, ``1.234,5``, ``95.5``; ``1.234`` is refused."""
    return _parse_float(raw, ColType.DESIMAL, strip_percent=False)


def parse_percent(raw: object) -> float | None:
    """Return percentage points: ``97%`` -> 97.0, ``82,24 %`` -> 82.24, ``97`` -> 97.0."""
    return _parse_float(raw, ColType.PERSEN, strip_percent=True)


def parse_nilai(raw: object) -> float | str | None:
    """Return an indicator value: a number (percent sign allowed) or a grade letter.

    Grades ``AA A BB B CC C D`` are accepted in any case and returned upper case;
    any other letters are refused.
    """
    if is_missing(raw):
        return None
    if isinstance(raw, str):
        text = raw.strip()
        if text.upper() in GRADES:
            return text.upper()
        if re.search(r"[A-Za-z]", text):
            raise _fail(raw, f"{_EXPECTED[ColType.NILAI]}; '{text}' bukan nilai huruf yang dikenal")
    return _parse_float(raw, ColType.NILAI, strip_percent=True)


def parse_date(raw: object) -> date | None:
    """Return a date from ``23 Februari 2024``, ``23/02/2024``, ``2024-02-23`` or an Excel date."""
    if is_missing(raw):
        return None
    expected = _EXPECTED[ColType.TANGGAL]
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        raise _fail(raw, f"{expected}; bila Excel menampilkan angka, format sel sebagai Tanggal")
    text = " ".join(raw.strip().casefold().split())
    if m := _RE_ISO.fullmatch(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _RE_DMY.fullmatch(text):
        day, month, year = int(m[1]), int(m[3]), int(m[4])
    elif (m := _RE_LONG.fullmatch(text)) and m[2] in _MONTHS:
        day, month, year = int(m[1]), _MONTHS[m[2]], int(m[3])
    else:
        raise _fail(raw, expected)
    try:
        return date(year, month, day)
    except ValueError:
        raise _fail(raw, f"{expected}; tanggal ini tidak ada di kalender") from None


def parse_bool(raw: object) -> bool | None:
    """Return True/False from ``ya/tidak``, ``y/t``, ``true/false``, ``1/0`` (t = tidak)."""
    if is_missing(raw):
        return None
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        key = raw.strip().casefold()
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
    raise _fail(raw, _EXPECTED[ColType.YA_TIDAK])


def _choice_key(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold())


def parse_choice(raw: object, choices: Sequence[str]) -> str | None:
    """Return the canonical spelling of one of ``choices``.

    Comparison ignores case and treats spaces, ``_`` and ``-`` alike, so
    ``PK Perubahan`` gives ``pk_perubahan`` and ``non-asn`` gives ``Non ASN``.
    """
    if is_missing(raw):
        return None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    key = _choice_key(str(raw))
    for choice in choices:
        if _choice_key(choice) == key:
            return choice
    raise _fail(raw, "salah satu dari: " + ", ".join(choices))


_PARSERS: dict[ColType, Callable[[object], object]] = {
    ColType.TEKS: parse_text,
    ColType.KODE: parse_kode,
    ColType.BULAT: parse_int,
    ColType.RUPIAH: parse_rupiah,
    ColType.DESIMAL: parse_decimal,
    ColType.PERSEN: parse_percent,
    ColType.NILAI: parse_nilai,
    ColType.TANGGAL: parse_date,
    ColType.YA_TIDAK: parse_bool,
}


def parse_cell(raw: object, column: Column) -> object:
    """Return the typed value of ``raw`` for ``column`` (``None`` when missing).

    Parameters
    ----------
    raw : object
        The value as read from CSV, YAML or openpyxl.
    column : schema.Column
        The column the value belongs to.

    Returns
    -------
    object
        ``str``, ``int``, ``float``, ``date``, ``bool`` or ``None`` as documented
        in :mod:`lkip_helpers.data.model`.

    Raises
    ------
    ValueParseError
        When the value cannot be read unambiguously.
    """
    if column.type is ColType.PILIHAN:
        return parse_choice(raw, column.choices)
    return _PARSERS[column.type](raw)
