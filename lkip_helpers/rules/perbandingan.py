"""Comparisons of a value with an earlier year, a benchmark or the Renstra end target.

Direction-aware (domain.md, BAB III per sasaran points 2-4): for a positive
indicator a rise is an improvement, for a negative one a fall.  Grade letters
compare by their ordinal rank (D=1 < C < CC < B < BB < A < AA=7).  The public
names are re-exported by :mod:`lkip_helpers.rules.capaian`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .._values import missing as _missing
from ..data.schema import GRADES
from .predikat import rank_huruf

__all__ = [
    "Perbandingan",
    "TargetAkhirTercapai",
    "bandingkan",
    "bandingkan_frame",
    "bandingkan_pembanding",
    "tahun_target_akhir_tercapai",
    "target_akhir_frame",
]




def _number(value: Any) -> float | None:
    """Return ``value`` as a finite float, None when it is not a number."""
    if isinstance(value, bool):
        return None
    try:
        x = float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


@dataclass(frozen=True)
class Perbandingan:
    """A value against an earlier value or a benchmark, direction-aware.

    ``selisih`` is ``nilai - pembanding`` (for two grade letters: the difference
    in ordinal rank); ``perubahan`` is ``"naik"``, ``"turun"`` or ``"tetap"``;
    ``membaik`` is True when the change (or the position above/below the
    benchmark) is good for the indicator's ``arah``, False when bad, None when
    equal or not comparable (``alasan`` says why).
    """

    nilai: Any
    pembanding: Any
    selisih: float | None
    perubahan: str | None
    membaik: bool | None
    alasan: str | None = None


def bandingkan(nilai: Any, pembanding: Any, *, arah: str = "positif") -> Perbandingan:
    """Compare ``nilai`` with ``pembanding`` (e.g. realisasi 2023 with 2022).

    Use ``arah="positif"`` to compare two capaian (higher capaian is always better).
    """
    if _missing(nilai) or _missing(pembanding):
        return Perbandingan(nilai, pembanding, None, None, None, "nilai pembanding belum tersedia")
    a, b = _comparable(nilai), _comparable(pembanding)
    if a is None or b is None or a[0] != b[0]:
        why = f"'{nilai}' dan '{pembanding}' tidak dapat dibandingkan (angka dengan huruf atau huruf tidak dikenal)"
        return Perbandingan(nilai, pembanding, None, None, None, why)
    selisih = round(float(a[1] - b[1]), 9) + 0.0
    if selisih == 0:
        return Perbandingan(nilai, pembanding, 0.0, "tetap", None)
    naik = selisih > 0
    membaik = naik if arah == "positif" else not naik
    return Perbandingan(nilai, pembanding, selisih, "naik" if naik else "turun", membaik)


def _comparable(value: Any) -> tuple[str, float] | None:
    x = _number(value)
    if x is not None:
        return ("angka", x)
    text = str(value).strip().upper()
    return ("huruf", float(rank_huruf(text))) if text in GRADES else None


def bandingkan_pembanding(realisasi: Any, pembanding: Any, *, arah: str) -> Perbandingan:
    """Compare a realisasi with a benchmark (kabupaten/nasional); ``membaik`` = better than it."""
    return bandingkan(realisasi, pembanding, arah=arah)


def bandingkan_frame(
    df: pd.DataFrame, kolom: str, kolom_pembanding: str, *, kolom_arah: str | None = "arah", awalan: str = ""
) -> pd.DataFrame:
    """Return a copy of ``df`` with ``{awalan}selisih``, ``{awalan}perubahan``, ``{awalan}membaik``.

    The direction comes from column ``kolom_arah`` (None: every row positive,
    e.g. when comparing capaian).
    """
    res = [
        bandingkan(row[kolom], row[kolom_pembanding], arah=row[kolom_arah] if kolom_arah else "positif")
        for _, row in df.iterrows()
    ]
    out = df.copy()
    out[f"{awalan}selisih"] = pd.Series([p.selisih for p in res], index=df.index, dtype="float64")
    out[f"{awalan}perubahan"] = pd.Series([p.perubahan for p in res], index=df.index, dtype="object")
    out[f"{awalan}membaik"] = pd.Series([p.membaik for p in res], index=df.index, dtype="object")
    return out


# ------------------------------------------------------------------- Renstra end target
@dataclass(frozen=True)
class TargetAkhirTercapai:
    """The first year the realisasi met the end-of-period Renstra target.

    ``tahun_ke`` is N in "tahun ke-N periode Renstra" (``tahun - renstra_awal + 1``).
    """

    tahun: int
    tahun_ke: int
    realisasi: Any


def tahun_target_akhir_tercapai(
    realisasi_by_year: Mapping[int, Any],
    target_akhir: Any,
    arah: str,
    renstra_awal: int,
    *,
    renstra_akhir: int | None = None,
) -> TargetAkhirTercapai | None:
    """Return the first year (within the Renstra period) the end target was met, else None.

    Met means ``R >= T`` for a positive indicator and ``R <= T`` for a negative
    one; grade letters compare by ordinal rank.  Years whose realisasi is
    missing or not comparable with the target are skipped.  Seed: Renstra
    2021-2026, met in 2023 -> ``tahun_ke == 3``.
    """
    for tahun in sorted(int(y) for y in realisasi_by_year):
        if tahun < renstra_awal or (renstra_akhir is not None and tahun > renstra_akhir):
            continue
        value = realisasi_by_year[tahun]
        p = bandingkan(value, target_akhir, arah=arah)
        if p.perubahan == "tetap" or p.membaik:
            return TargetAkhirTercapai(tahun, tahun - renstra_awal + 1, value)
    return None


def target_akhir_frame(df: pd.DataFrame, renstra_awal: int, renstra_akhir: int | None = None) -> pd.DataFrame:
    """Apply :func:`tahun_target_akhir_tercapai` per indicator of a long frame.

    ``df`` has columns ``kode_indikator``, ``arah``, ``target_akhir``, ``tahun``,
    ``realisasi`` (one row per indicator and year).  Returns ``kode_indikator``,
    ``target_akhir``, ``tahun_tercapai`` and ``tahun_ke`` (``Int64``, NA when not met).
    """
    rows = []
    for kode, group in df.groupby("kode_indikator", sort=False):
        first = group.iloc[0]
        by_year = {int(t): v for t, v in zip(group["tahun"], group["realisasi"], strict=True)}
        hit = tahun_target_akhir_tercapai(
            by_year, first["target_akhir"], first["arah"], renstra_awal, renstra_akhir=renstra_akhir
        )
        rows.append(
            {
                "kode_indikator": kode,
                "target_akhir": first["target_akhir"],
                "tahun_tercapai": hit.tahun if hit else None,
                "tahun_ke": hit.tahun_ke if hit else None,
            }
        )
    cols = ["kode_indikator", "target_akhir", "tahun_tercapai", "tahun_ke"]
    return _frame(rows, cols, {"tahun_tercapai": "Int64", "tahun_ke": "Int64"})


def _frame(rows: list[dict[str, Any]], columns: list[str], dtypes: Mapping[str, str]) -> pd.DataFrame:
    """Build a frame column by column; columns not in ``dtypes`` stay ``object`` (None kept)."""
    data = {c: pd.Series([r[c] for r in rows], dtype=dtypes.get(c, "object")) for c in columns}
    return pd.DataFrame(data, columns=columns)
