"""Predikat scales: which band (AA, A, ..., D) a capaian falls in.

A :class:`Scale` is data, not code: an ordered set of :class:`Band` records
that covers a range (``0..100`` for capaian) with no gap and no overlap.  The
default is the seed's table (PermenPAN-RB 88/2021, domain.md section 2)::

    AA  >90-100  Sangat Memuaskan        B   >60-70  Baik
    A   >80-90   Memuaskan               CC  >50-60  Cukup (Memadai)
    BB  >70-80   Sangat Baik             C   >30-50  Kurang
                                         D    0-30   Sangat Kurang

so exactly 90 is ``A``, exactly 30 is ``D`` and 30.0001 is ``C``.  Other Pemda
use other scales (``params/skala_permendagri86.yaml``); every scale is checked
by :meth:`Scale.from_records`, which refuses gaps and overlaps with an
Indonesian :class:`~lkip_helpers.errors.SettingsError`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .._values import missing as _missing
from ..data.schema import GRADES
from ..errors import SettingsError

__all__ = [
    "MUTU_IKM",
    "MUTU_IKM_RECORDS",
    "SKALA_SAKIP",
    "SKALA_SAKIP_RECORDS",
    "Band",
    "Scale",
    "predikat_frame",
    "rank_huruf",
]

_BAND_KEYS = ("kode", "label", "bawah", "atas", "bawah_inklusif", "atas_inklusif")


@dataclass(frozen=True)
class Band:
    """One band of a scale: ``kode`` (e.g. ``"AA"``), ``label`` and its interval.

    The interval runs from ``bawah`` to ``atas``; ``bawah_inklusif`` and
    ``atas_inklusif`` say whether the end points belong to the band.  The SAKIP
    band ``AA >90-100`` is ``Band("AA", "Sangat Memuaskan", 90, 100, False, True)``.
    """

    kode: str
    label: str
    bawah: float
    atas: float
    bawah_inklusif: bool = False
    atas_inklusif: bool = True

    def contains(self, value: float) -> bool:
        """Return True when ``value`` lies in this band's interval."""
        above = value > self.bawah or (self.bawah_inklusif and value == self.bawah)
        below = value < self.atas or (self.atas_inklusif and value == self.atas)
        return above and below

    def interval_text(self) -> str:
        """Return the interval as printed in reports: ``">90-100"``, ``"0-30"``, ``"25-<65"``.

        ``>`` marks an excluded lower end, ``<`` an excluded upper end.
        """
        left = "" if self.bawah_inklusif else ">"
        right = "" if self.atas_inklusif else "<"
        return f"{left}{_num(self.bawah)}-{right}{_num(self.atas)}"

    def as_dict(self) -> dict[str, Any]:
        """Return the band as a plain mapping (the form used in ``params/*.yaml``)."""
        return {
            "kode": self.kode,
            "label": self.label,
            "bawah": _plain(self.bawah),
            "atas": _plain(self.atas),
            "bawah_inklusif": self.bawah_inklusif,
            "atas_inklusif": self.atas_inklusif,
        }


@dataclass(frozen=True)
class Scale:
    """A validated scale: bands ordered from the lowest to the highest.

    Build one with :meth:`from_records`; the constructor does not validate.
    """

    bands: tuple[Band, ...]
    nama: str = ""
    bawah: float = 0.0
    atas: float = 100.0

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        *,
        nama: str = "",
        bawah: float = 0.0,
        atas: float = 100.0,
    ) -> Scale:
        """Build a scale from band mappings and check that it covers ``bawah..atas``.

        Parameters
        ----------
        records
            Mappings with keys ``kode``, ``label``, ``bawah``, ``atas`` and
            optionally ``bawah_inklusif`` (default False) and ``atas_inklusif``
            (default True), in any order.
        nama
            Name of the scale, shown in messages.
        bawah, atas
            The range the bands must cover together (``0..100`` for capaian,
            ``25..100`` for the IKM mutu table).

        Raises
        ------
        SettingsError
            When a record is malformed, a code repeats, or the bands leave a
            gap, overlap, or do not cover the range; the message names the bands.
        """
        bands = tuple(sorted((_band(rec, nama) for rec in records), key=lambda b: (b.bawah, b.atas)))
        scale = cls(bands, nama, float(bawah), float(atas))
        problems = scale._problems()
        if problems:
            msg = f"Skala {_name(nama)}tidak valid: " + "; ".join(problems) + "."
            raise SettingsError(msg)
        return scale

    # -- queries ----------------------------------------------------------------------
    @property
    def kodes(self) -> tuple[str, ...]:
        """Codes of the bands, lowest first."""
        return tuple(b.kode for b in self.bands)

    def classify(self, value: float, *, strict: bool = False) -> Band:
        """Return the band that ``value`` falls in.

        A value above the top of the scale gets the top band and one below the
        bottom gets the bottom band (an uncapped capaian of 107 is ``AA``),
        unless ``strict`` is True: then such a value raises ``ValueError``.
        NaN always raises ``ValueError``.
        """
        x = float(value)
        if math.isnan(x):
            msg = "nilai kosong (NaN) tidak dapat diberi predikat"
            raise ValueError(msg)
        for band in self.bands:
            if band.contains(x):
                return band
        if strict:
            msg = f"nilai {_num(x)} di luar skala {_name(self.nama)}({_num(self.bawah)}-{_num(self.atas)})"
            raise ValueError(msg)
        return self.bands[-1] if x >= self.atas else self.bands[0]

    def by_kode(self, kode: str) -> Band:
        """Return the band with code ``kode`` (case-insensitive); ``KeyError`` if unknown."""
        wanted = str(kode).strip().upper()
        for band in self.bands:
            if band.kode.upper() == wanted:
                return band
        msg = f"kode '{kode}' tidak ada pada skala {_name(self.nama)}(kode: {', '.join(self.kodes)})"
        raise KeyError(msg)

    def rank(self, kode: str) -> int:
        """Return the ordinal rank of ``kode`` on this scale: 1 for the lowest band."""
        band = self.by_kode(kode)
        return self.bands.index(band) + 1

    def as_records(self) -> list[dict[str, Any]]:
        """Return the bands as plain mappings, highest first (as printed in reports)."""
        return [b.as_dict() for b in reversed(self.bands)]

    def as_dict(self) -> dict[str, Any]:
        """Return the scale in the form of ``params/*.yaml``."""
        return {
            "nama": self.nama,
            "rentang": [_plain(self.bawah), _plain(self.atas)],
            "predikat": self.as_records(),
        }

    # -- validation -------------------------------------------------------------------
    def _problems(self) -> list[str]:
        out: list[str] = []
        if not self.bands:
            return ["tidak ada pita predikat"]
        seen: set[str] = set()
        for band in self.bands:
            if band.kode.upper() in seen:
                out.append(f"kode '{band.kode}' dipakai lebih dari sekali")
            seen.add(band.kode.upper())
            empty = band.bawah > band.atas or (
                band.bawah == band.atas and not (band.bawah_inklusif and band.atas_inklusif)
            )
            if empty:
                out.append(
                    f"pita '{band.kode}' ({_span(band)}) kosong: batas bawah harus di bawah batas atas"
                )
        first, last = self.bands[0], self.bands[-1]
        if first.bawah > self.bawah or (first.bawah == self.bawah and not first.bawah_inklusif):
            out.append(
                f"nilai {_num(self.bawah)} tidak tercakup: pita terendah '{first.kode}' ({_span(first)}) "
                f"harus mulai dari {_num(self.bawah)} (inklusif)"
            )
        if last.atas < self.atas or (last.atas == self.atas and not last.atas_inklusif):
            out.append(
                f"nilai {_num(self.atas)} tidak tercakup: pita tertinggi '{last.kode}' ({_span(last)}) "
                f"harus sampai {_num(self.atas)} (inklusif)"
            )
        for low, high in zip(self.bands, self.bands[1:], strict=False):
            out.extend(_join_problem(low, high))
        return out


def _join_problem(low: Band, high: Band) -> list[str]:
    pair = f"pita '{low.kode}' ({_span(low)}) dan '{high.kode}' ({_span(high)})"
    if low.atas < high.bawah:
        return [f"ada celah antara {pair}"]
    if low.atas > high.bawah:
        return [f"{pair} tumpang tindih"]
    if low.atas_inklusif and high.bawah_inklusif:
        return [f"{pair} tumpang tindih pada nilai {_num(low.atas)} (keduanya inklusif)"]
    if not low.atas_inklusif and not high.bawah_inklusif:
        return [f"ada celah antara {pair}: nilai {_num(low.atas)} tidak termasuk pita mana pun"]
    return []


def _band(rec: Mapping[str, Any], nama: str) -> Band:
    where = f"Skala {_name(nama)}"
    if not isinstance(rec, Mapping):
        msg = f"{where}tidak valid: setiap pita harus berupa pasangan kunci-nilai, ditemukan {rec!r}."
        raise SettingsError(msg)
    unknown = sorted(set(rec) - set(_BAND_KEYS))
    missing = [k for k in ("kode", "label", "bawah", "atas") if rec.get(k) is None]
    label = rec.get("kode", "?")
    if unknown or missing:
        parts = []
        if unknown:
            parts.append(f"kunci tidak dikenal {', '.join(map(repr, unknown))}")
        if missing:
            parts.append(f"kunci wajib belum diisi {', '.join(map(repr, missing))}")
        msg = f"{where}tidak valid: pita '{label}': {'; '.join(parts)}. Kunci pita: {', '.join(_BAND_KEYS)}."
        raise SettingsError(msg)
    try:
        lo, hi = _number(rec["bawah"]), _number(rec["atas"])
    except (TypeError, ValueError):
        msg = (
            f"{where}tidak valid: pita '{label}': batas 'bawah' dan 'atas' harus angka, "
            f"ditemukan {rec['bawah']!r} dan {rec['atas']!r}."
        )
        raise SettingsError(msg) from None
    flags = {k: rec.get(k, d) for k, d in (("bawah_inklusif", False), ("atas_inklusif", True))}
    for key, flag in flags.items():
        if not isinstance(flag, bool):
            msg = f"{where}tidak valid: pita '{label}': '{key}' harus true atau false, ditemukan {flag!r}."
            raise SettingsError(msg)
    return Band(str(rec["kode"]).strip(), str(rec["label"]).strip(), lo, hi, *flags.values())


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError(value)
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
    x = float(value)
    if math.isnan(x) or math.isinf(x):
        raise ValueError(value)
    return x


def _plain(x: float) -> float | int:
    return int(x) if float(x).is_integer() else float(x)


def _num(x: float) -> str:
    """Short Indonesian number for messages: 30 -> '30', 88.31 -> '88,31'."""
    return (f"{x:.6f}".rstrip("0").rstrip(".")).replace(".", ",")


def _span(band: Band) -> str:
    left = "[" if band.bawah_inklusif else "("
    right = "]" if band.atas_inklusif else ")"
    return f"{left}{_num(band.bawah)}-{_num(band.atas)}{right}"


def _name(nama: str) -> str:
    return f"'{nama}' " if nama else ""


def rank_huruf(kode: str) -> int:
    """Return the ordinal rank of a SAKIP letter grade: D=1 < C < CC < B < BB < A < AA=7.

    Raises
    ------
    KeyError
        When ``kode`` is not one of :data:`lkip_helpers.data.schema.GRADES`.
    """
    wanted = str(kode).strip().upper()
    if wanted not in GRADES:
        msg = f"nilai huruf '{kode}' tidak dikenal; huruf yang berlaku: {', '.join(GRADES)}"
        raise KeyError(msg)
    return GRADES.index(wanted) + 1


#: The seed's predikat table (PermenPAN-RB 88/2021), highest first.
SKALA_SAKIP_RECORDS: tuple[dict[str, Any], ...] = (
    {"kode": "AA", "label": "Sangat Memuaskan", "bawah": 90, "atas": 100},
    {"kode": "A", "label": "Memuaskan", "bawah": 80, "atas": 90},
    {"kode": "BB", "label": "Sangat Baik", "bawah": 70, "atas": 80},
    {"kode": "B", "label": "Baik", "bawah": 60, "atas": 70},
    {"kode": "CC", "label": "Cukup (Memadai)", "bawah": 50, "atas": 60},
    {"kode": "C", "label": "Kurang", "bawah": 30, "atas": 50},
    {"kode": "D", "label": "Sangat Kurang", "bawah": 0, "atas": 30, "bawah_inklusif": True},
)

#: The default capaian scale (also the scale that turns a SAKIP score into a letter).
SKALA_SAKIP: Scale = Scale.from_records(SKALA_SAKIP_RECORDS, nama="SAKIP (PermenPAN-RB 88/2021)")


def predikat_frame(
    df: pd.DataFrame,
    col: str,
    scale: Scale,
    *,
    kode_col: str = "predikat",
    label_col: str = "predikat_label",
) -> pd.DataFrame:
    """Return a copy of ``df`` with the predikat of column ``col`` added.

    Rows whose value is missing get None in both new columns.
    """
    out = df.copy()
    bands = [None if _missing(v) else scale.classify(float(v)) for v in df[col]]
    out[kode_col] = pd.Series([b.kode if b else None for b in bands], index=df.index, dtype="object")
    out[label_col] = pd.Series([b.label if b else None for b in bands], index=df.index, dtype="object")
    return out


#: IKM mutu table (PermenPAN-RB 14/2017), half-open bands as printed (two decimals).
MUTU_IKM_RECORDS: tuple[dict[str, Any], ...] = (
    {"kode": "A", "label": "Sangat Baik", "bawah": 88.31, "atas": 100, "bawah_inklusif": True},
    {
        "kode": "B",
        "label": "Baik",
        "bawah": 76.61,
        "atas": 88.31,
        "bawah_inklusif": True,
        "atas_inklusif": False,
    },
    {
        "kode": "C",
        "label": "Kurang Baik",
        "bawah": 65.0,
        "atas": 76.61,
        "bawah_inklusif": True,
        "atas_inklusif": False,
    },
    {
        "kode": "D",
        "label": "Tidak Baik",
        "bawah": 25.0,
        "atas": 65.0,
        "bawah_inklusif": True,
        "atas_inklusif": False,
    },
)
MUTU_IKM: Scale = Scale.from_records(
    MUTU_IKM_RECORDS, nama="Mutu pelayanan IKM (PermenPAN-RB 14/2017)", bawah=25, atas=100
)
