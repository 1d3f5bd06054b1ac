"""Capaian kinerja: target versus realisasi, averages and comparisons (domain.md 2).

* Positive indicator: ``R / T x 100``.
* Negative indicator: ``(2T - R) / T x 100`` (seed, default) or ``T / R x 100``
  (``capaian.metode_negatif: rasio``).  Realisasi 0 is the best result: the
  seed formula gives 200 (capped), the ratio gives the cap, or n/a without one.
* A negative target keeps the direction right by measuring against ``|T|``:
  ``(|T| + R - T) / |T|`` (positive), ``(|T| - (R - T)) / |T|`` (negative); for
  ``T > 0`` these are the formulas above.
* Letter grades (Nilai SAKIP): the numeric scores when both are known
  (``metode_huruf: skor``), else the ordinal rank D=1 < C < CC < B < BB < A < AA=7.
  A realisasi given only as a score gets its letter from ``settings.skala_huruf``.
* Target 0 or missing, realisasi missing: no capaian, ``nilai`` None with an
  Indonesian ``alasan`` - never an exception or infinity.
* ``nilai`` is capped (``batas_bawah``..``batas_atas``) and feeds predikat and
  averages; ``mentah`` keeps the uncapped value for display (e.g. 107,81%).

Comparisons (previous years, benchmark, Renstra end target) live in
:mod:`lkip_helpers.rules.perbandingan` and are re-exported here.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..data.schema import ARAH, GRADES, JENIS_INDIKATOR
from .perbandingan import (
    Perbandingan,
    TargetAkhirTercapai,
    _frame,
    _missing,
    _number,
    bandingkan,
    bandingkan_frame,
    bandingkan_pembanding,
    tahun_target_akhir_tercapai,
    target_akhir_frame,
)
from .predikat import Band, Scale, rank_huruf

if TYPE_CHECKING:
    from .settings import Settings

__all__ = [
    "METODE_LABEL",
    "Capaian",
    "Perbandingan",
    "RataRata",
    "TargetAkhirTercapai",
    "bandingkan",
    "bandingkan_frame",
    "bandingkan_pembanding",
    "batasi",
    "capaian_frame",
    "hitung_capaian",
    "huruf_skor_tidak_sepadan",
    "rata_rata",
    "rata_rata_keseluruhan",
    "rata_rata_sasaran",
    "tahun_target_akhir_tercapai",
    "target_akhir_frame",
]

#: How each ``Capaian.metode`` computes (Indonesian, for footnotes).
METODE_LABEL: dict[str, str] = {
    "positif": "Realisasi / Target x 100%",
    "negatif_seed": "(Target - (Realisasi - Target)) / Target x 100%",
    "negatif_rasio": "Target / Realisasi x 100%",
    "huruf_skor": "skor realisasi dibanding skor target (rumus sesuai arah indikator)",
    "huruf_ordinal": "peringkat huruf realisasi / peringkat huruf target x 100% (D=1 ... AA=7)",
}


@dataclass(frozen=True)
class Capaian:
    """The capaian of one indicator.

    Attributes
    ----------
    nilai
        Capped capaian in percent, used for predikat and averages; None = n/a.
    mentah
        Uncapped capaian; None when not computable.
    alasan
        Indonesian reason when ``nilai`` is None, or a note when ``nilai`` was
        not produced by the formula (realisasi 0 under the ratio method).
    metode
        Key of :data:`METODE_LABEL` that was (or would have been) applied.
    """

    nilai: float | None
    mentah: float | None
    alasan: str | None
    metode: str

    @property
    def tersedia(self) -> bool:
        """True when there is a capaian."""
        return self.nilai is not None


def batasi(nilai: float, batas_atas: float | None = 100.0, batas_bawah: float | None = 0.0) -> float:
    """Clamp ``nilai`` to ``batas_bawah..batas_atas`` (None = no bound)."""
    out = nilai
    if batas_atas is not None:
        out = min(out, batas_atas)
    if batas_bawah is not None:
        out = max(out, batas_bawah)
    return out


def _formula(t: float, r: float, arah: str, metode_negatif: str) -> tuple[float | None, str | None]:
    """Uncapped capaian of numbers ``t`` (non-zero) and ``r``, or None with a reason."""
    if arah == "positif":
        return (r * 100 / t if t > 0 else (abs(t) + r - t) * 100 / abs(t)), None
    if metode_negatif == "seed":
        return (2 * t - r) * 100 / abs(t) if t > 0 else (abs(t) - (r - t)) * 100 / abs(t), None
    if t < 0 or r < 0:
        return None, "metode rasio (Target / Realisasi) tidak berlaku untuk nilai negatif"
    if r == 0:
        return None, "realisasi 0"
    return t * 100 / r, None


def _hasil(mentah: float | None, alasan: str | None, metode: str, settings: Settings) -> Capaian:
    cfg = settings.capaian
    if alasan == "realisasi 0":  # ratio method, negative indicator: the best result
        if cfg.batas_atas is None:
            why = (
                "realisasi 0 pada indikator negatif adalah hasil terbaik, tetapi metode rasio "
                "(Target / Realisasi) tak terhingga dan tidak ada batas atas: capaian tidak dapat dihitung"
            )
            return Capaian(None, None, why, metode)
        why = f"realisasi 0 pada indikator negatif adalah hasil terbaik: capaian diberi batas atas {cfg.batas_atas:g}%"
        return Capaian(cfg.batas_atas, None, why, metode)
    if mentah is None:
        return Capaian(None, None, alasan, metode)
    mentah = round(mentah, 9) + 0.0
    return Capaian(batasi(mentah, cfg.batas_atas, cfg.batas_bawah), mentah, None, metode)


def _numeric(t: Any, r: Any, arah: str, metode: str, settings: Settings, what: str = "") -> Capaian:
    if _missing(t):
        return Capaian(None, None, f"target {what}belum tersedia: capaian tidak dapat dihitung", metode)
    tn = _number(t)
    if tn is None:
        return Capaian(None, None, f"target {what}'{t}' bukan angka: capaian tidak dapat dihitung", metode)
    if tn == 0:
        return Capaian(None, None, "target 0: capaian tidak dapat dihitung", metode)
    if _missing(r):
        return Capaian(None, None, f"realisasi {what}belum tersedia", metode)
    rn = _number(r)
    if rn is None:
        return Capaian(None, None, f"realisasi {what}'{r}' bukan angka: capaian tidak dapat dihitung", metode)
    mentah, alasan = _formula(tn, rn, arah, settings.capaian.metode_negatif)
    return _hasil(mentah, alasan, metode, settings)


def _letter(value: Any, skor: float | None, skala: Scale) -> str | None:
    if isinstance(value, str) and value.strip() and _number(value) is None:
        return value.strip().upper()
    if skor is not None:
        return skala.classify(skor).kode
    return None


def _huruf(target: Any, realisasi: Any, ts: Any, rs: Any, arah: str, settings: Settings) -> Capaian:
    t_skor = _number(ts) if not _missing(ts) else _number(target)
    r_skor = _number(rs) if not _missing(rs) else _number(realisasi)
    if settings.capaian.metode_huruf == "skor" and t_skor is not None and r_skor is not None:
        return _numeric(t_skor, r_skor, arah, "huruf_skor", settings, "(skor) ")
    metode = "huruf_ordinal"
    t_huruf = _letter(target, t_skor, settings.skala_huruf)
    r_huruf = _letter(realisasi, r_skor, settings.skala_huruf)
    if t_huruf is None:
        return Capaian(None, None, "target belum tersedia: capaian tidak dapat dihitung", metode)
    if r_huruf is None:
        return Capaian(None, None, "realisasi belum tersedia", metode)
    for jenis, huruf in (("target", t_huruf), ("realisasi", r_huruf)):
        if huruf not in GRADES:
            why = f"nilai huruf {jenis} '{huruf}' tidak dikenal; huruf yang berlaku: {', '.join(GRADES)}"
            return Capaian(None, None, why, metode)
    return _numeric(rank_huruf(t_huruf), rank_huruf(r_huruf), arah, metode, settings)


def hitung_capaian(
    target: Any,
    realisasi: Any,
    *,
    arah: str,
    jenis: str,
    settings: Settings,
    target_skor: Any = None,
    realisasi_skor: Any = None,
) -> Capaian:
    """Compute the capaian of one indicator.

    Parameters
    ----------
    target, realisasi
        Numbers, grade letters (``"B"``) or missing (None/NaN).
    arah
        ``"positif"`` or ``"negatif"``.
    jenis
        ``"angka"`` or ``"huruf"``.
    settings
        :class:`~lkip_helpers.rules.settings.Settings` (formula, capping, letter scale).
    target_skor, realisasi_skor
        For letter indicators: the numeric score behind the letter, if known.

    Returns
    -------
    Capaian
        Never raises for data problems: ``nilai`` None with ``alasan`` instead.

    Raises
    ------
    ValueError
        When ``arah`` or ``jenis`` is not one of the schema's choices.
    """
    if arah not in ARAH or jenis not in JENIS_INDIKATOR:
        msg = f"arah harus salah satu dari {ARAH} dan jenis dari {JENIS_INDIKATOR}; diberikan {arah!r}, {jenis!r}"
        raise ValueError(msg)
    if jenis == "huruf":
        return _huruf(target, realisasi, target_skor, realisasi_skor, arah, settings)
    metode = "positif" if arah == "positif" else f"negatif_{settings.capaian.metode_negatif}"
    return _numeric(target, realisasi, arah, metode, settings)


def huruf_skor_tidak_sepadan(huruf: Any, skor: Any, skala: Scale) -> str | None:
    """The letter a score stands for on ``skala`` when a written letter disagrees with it, else None.

    ``huruf_skor_tidak_sepadan("B", 85, SAKIP) == "A"``: the report must not argue from
    such a pair (``lkip check``: ``kinerja.huruf_skor``).
    """
    if not (isinstance(huruf, str) and huruf.strip()) or _missing(skor):
        return None
    value = _number(skor)
    if value is None:
        return None
    band = skala.classify(value)
    return band.kode if band.kode != huruf.strip().upper() else None


def capaian_frame(df: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Return a copy of ``df`` with the capaian of every row.

    ``df`` has columns ``arah``, ``jenis``, ``target``, ``realisasi`` and
    optionally ``target_skor``, ``realisasi_skor`` (``kode_indikator`` is kept
    as it is).  Added: ``capaian`` (capped, NaN when n/a), ``capaian_mentah``,
    ``alasan``, ``metode``, ``predikat``, ``predikat_label`` (from ``settings.skala``),
    and for letter indicators ``huruf_skor_realisasi`` / ``huruf_skor_target``: the letter
    the score stands for when the written letter disagrees with it (else None).
    """
    results = [
        hitung_capaian(
            row.get("target"),
            row.get("realisasi"),
            arah=row["arah"],
            jenis=row["jenis"],
            settings=settings,
            target_skor=row.get("target_skor"),
            realisasi_skor=row.get("realisasi_skor"),
        )
        for _, row in df.iterrows()
    ]
    out = df.copy()
    out["capaian"] = pd.Series([c.nilai for c in results], index=df.index, dtype="float64")
    out["capaian_mentah"] = pd.Series([c.mentah for c in results], index=df.index, dtype="float64")
    out["alasan"] = pd.Series([c.alasan for c in results], index=df.index, dtype="object")
    out["metode"] = pd.Series([c.metode for c in results], index=df.index, dtype="object")
    bands = [settings.skala.classify(c.nilai) if c.nilai is not None else None for c in results]
    out["predikat"] = pd.Series([b.kode if b else None for b in bands], index=df.index, dtype="object")
    out["predikat_label"] = pd.Series([b.label if b else None for b in bands], index=df.index, dtype="object")
    for what in ("realisasi", "target"):
        mismatch = [
            huruf_skor_tidak_sepadan(row.get(what), row.get(f"{what}_skor"), settings.skala_huruf)
            if row["jenis"] == "huruf" else None
            for _, row in df.iterrows()
        ]
        out[f"huruf_skor_{what}"] = pd.Series(mismatch, index=df.index, dtype="object")
    return out


# ------------------------------------------------------------------------------ averages
@dataclass(frozen=True)
class RataRata:
    """An average capaian: ``nilai`` over ``jumlah`` values, ``tidak_dihitung`` n/a ignored."""

    nilai: float | None
    jumlah: int
    tidak_dihitung: int
    predikat: Band | None

    @property
    def kode(self) -> str | None:
        """Predikat code of the average (e.g. ``"AA"``)."""
        return self.predikat.kode if self.predikat else None

    @property
    def label(self) -> str | None:
        """Predikat label of the average (e.g. ``"Sangat Memuaskan"``)."""
        return self.predikat.label if self.predikat else None


def rata_rata(values: Iterable[Any], skala: Scale | None = None) -> RataRata:
    """Mean of the values that are present (n/a ignored and counted), with its predikat."""
    vals = list(values)
    present = [float(v) for v in vals if not _missing(v)]
    if not present:
        return RataRata(None, 0, len(vals), None)
    mean = round(math.fsum(present) / len(present), 9) + 0.0
    return RataRata(mean, len(present), len(vals) - len(present), skala.classify(mean) if skala else None)


def rata_rata_sasaran(
    df: pd.DataFrame,
    skala: Scale | None = None,
    *,
    kolom_sasaran: str = "kode_sasaran",
    kolom_capaian: str = "capaian",
) -> pd.DataFrame:
    """Average capaian per sasaran over its indicators (order of first appearance).

    Returns columns ``kode_sasaran``, ``rata_rata`` (NaN when no indicator has
    a capaian), ``jumlah_indikator``, ``tidak_dihitung``, ``predikat``, ``predikat_label``.
    """
    rows = []
    for kode, group in df.groupby(kolom_sasaran, sort=False, dropna=False):
        r = rata_rata(group[kolom_capaian], skala)
        rows.append(
            {
                "kode_sasaran": kode,
                "rata_rata": r.nilai,
                "jumlah_indikator": r.jumlah,
                "tidak_dihitung": r.tidak_dihitung,
                "predikat": r.kode,
                "predikat_label": r.label,
            }
        )
    types = {"rata_rata": "float64", "jumlah_indikator": "int64", "tidak_dihitung": "int64"}
    cols = ["kode_sasaran", "rata_rata", "jumlah_indikator", "tidak_dihitung", "predikat", "predikat_label"]
    return _frame(rows, cols, types)


def rata_rata_keseluruhan(sasaran: pd.DataFrame | Iterable[Any], skala: Scale | None = None) -> RataRata:
    """Overall average: the mean of the sasaran averages (from :func:`rata_rata_sasaran`)."""
    values = sasaran["rata_rata"] if isinstance(sasaran, pd.DataFrame) else sasaran
    return rata_rata(values, skala)
