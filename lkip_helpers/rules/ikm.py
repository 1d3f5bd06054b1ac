"""IKM, Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017).

Nine unsur ``u1..u9`` (persyaratan ... penanganan pengaduan), each answered
1..4 by every respondent.  Per unsur the *nilai rata-rata* (NRR) is the sum of
its scores divided by the number of respondents; the index is
``IKM = sum(NRR x bobot) x 25`` with ``bobot`` exactly 1/9 by default (0.11, as
printed in the regulation, is a setting: on 29 respondents with a total score
of 955 the two give 91,48 and 90,56).

The mutu table (A 88,31-100 Sangat Baik; B 76,61-88,30 Baik; C 65,00-76,60
Kurang Baik; D 25,00-64,99 Tidak Baik) is a :class:`~lkip_helpers.rules.predikat.Scale`
over ``25..100``.  Its printed bounds have two decimals, so the bands are kept
half-open (B is ``[76,61; 88,31)``) and the IKM is rounded to two decimals, as
printed, before it is classified: a printed 88,31 is always ``A``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._values import missing as _missing
from ..errors import DataError, Level, Location, Problem
from .predikat import MUTU_IKM, MUTU_IKM_RECORDS, Band, Scale

if TYPE_CHECKING:
    from .settings import IkmSettings

__all__ = [
    "KOLOM_UNSUR",
    "KONVERSI",
    "MUTU_IKM",
    "MUTU_IKM_RECORDS",
    "UNSUR",
    "Ikm",
    "hitung_ikm",
    "ikm_dari_nrr",
    "mutu_ikm",
    "nrr_frame",
    "validasi_jawaban",
]

#: Names of the nine unsur, in the order of columns ``u1..u9``.
UNSUR: tuple[str, ...] = (
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Sarana dan Prasarana",
    "Penanganan Pengaduan, Saran dan Masukan",
)
KOLOM_UNSUR: tuple[str, ...] = tuple(f"u{i}" for i in range(1, 10))
#: Factor from the 1..4 index to the 25..100 IKM.
KONVERSI = 25

@dataclass(frozen=True)
class Ikm:
    """Result of an IKM survey.

    Attributes
    ----------
    nilai
        IKM on the 25..100 scale (unrounded), None when there is no response.
    nilai_indeks
        ``sum(NRR x bobot)`` on the 1..4 scale.
    responden
        Number of respondents.
    nrr
        NRR per unsur ``u1..u9``.
    bobot
        Weight used per unsur.
    mutu
        Mutu band of ``nilai`` rounded to two decimals.
    alasan
        Why ``nilai`` is None (Indonesian), else None.
    """

    nilai: float | None
    nilai_indeks: float | None
    responden: int
    nrr: tuple[float, ...]
    bobot: float
    mutu: Band | None
    alasan: str | None = None


def ikm_dari_nrr(nrr: Sequence[float], bobot: float = 1 / 9) -> float:
    """Return ``sum(NRR x bobot) x 25`` for the nine NRR values."""
    if len(nrr) != len(KOLOM_UNSUR):
        msg = f"IKM memerlukan {len(KOLOM_UNSUR)} NRR (u1..u9), diberikan {len(nrr)}"
        raise ValueError(msg)
    return sum(float(n) * bobot for n in nrr) * KONVERSI


def mutu_ikm(nilai: float, skala: Scale = MUTU_IKM) -> Band:
    """Return the mutu band of an IKM value, classified as printed (two decimals)."""
    return skala.classify(float(_round2(nilai)))


def _round2(x: float) -> Decimal:
    return Decimal(repr(float(x))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def validasi_jawaban(df: pd.DataFrame) -> list[Problem]:
    """Return a problem for every answer that is missing or not a whole number 1..4.

    The message names the respondent and the unsur; the location comes from
    the frame's ``_lokasi`` column when present.
    """
    out: list[Problem] = []
    missing_cols = [c for c in KOLOM_UNSUR if c not in df.columns]
    if missing_cols:
        msg = f"Tabel ikm_responden tidak memiliki kolom {', '.join(missing_cols)} (wajib u1..u9)."
        return [Problem(Level.GALAT, "ikm.kolom", msg, Location("ikm_responden"))]
    for pos, (_, row) in enumerate(df.iterrows(), start=2):
        who = row.get("responden")
        who_text = f"'{who}'" if not _missing(who) else f"pada baris {pos}"
        for col, nama in zip(KOLOM_UNSUR, UNSUR, strict=True):
            value = row[col]
            if _valid_score(value):
                continue
            shown = "kosong" if _missing(value) else repr(value)
            msg = (
                f"Responden {who_text}: jawaban unsur {col} ({nama}) {shown}; "
                f"jawaban harus bilangan bulat 1, 2, 3 atau 4."
            )
            lokasi = row.get("_lokasi")
            where = (
                lokasi.with_column(col)
                if isinstance(lokasi, Location)
                else Location("ikm_responden", column=col)
            )
            out.append(
                Problem(Level.GALAT, "ikm.rentang", msg, where, found=shown, expected="1, 2, 3 atau 4")
            )
    return out


def _valid_score(value: Any) -> bool:
    if _missing(value) or isinstance(value, bool):
        return False
    try:
        x = float(value)
    except (TypeError, ValueError):
        return False
    return x.is_integer() and 1 <= x <= 4


def nrr_frame(df: pd.DataFrame, settings: IkmSettings | None = None) -> pd.DataFrame:
    """Return one row per unsur: unsur, nama, jumlah_nilai, responden, nrr, bobot, nrr_tertimbang.

    Raises
    ------
    DataError
        When an answer is missing or outside 1..4 (all such answers listed).
    """
    problems = validasi_jawaban(df)
    if problems:
        raise DataError.from_problems(problems)
    bobot = _settings(settings).bobot
    n = len(df)
    rows = []
    for col, nama in zip(KOLOM_UNSUR, UNSUR, strict=True):
        total = int(sum(int(v) for v in df[col]))
        nrr = total / n if n else float("nan")
        rows.append(
            {
                "unsur": col,
                "nama": nama,
                "jumlah_nilai": total,
                "responden": n,
                "nrr": nrr,
                "bobot": bobot,
                "nrr_tertimbang": nrr * bobot,
            }
        )
    return pd.DataFrame(rows)


def hitung_ikm(df: pd.DataFrame, settings: IkmSettings | None = None) -> Ikm:
    """Compute the IKM of a frame of answers (columns ``u1..u9``, one row per respondent).

    Parameters
    ----------
    df
        The ``ikm_responden`` table (``DataSet.df("ikm_responden")``).
    settings
        Weight and mutu table; default :class:`~lkip_helpers.rules.settings.IkmSettings`.

    Returns
    -------
    Ikm
        ``nilai`` None with an Indonesian ``alasan`` when there are no respondents.

    Raises
    ------
    DataError
        When an answer is missing or outside 1..4 (naming respondent and unsur).
    """
    cfg = _settings(settings)
    if len(df) == 0:
        return Ikm(
            None, None, 0, (), cfg.bobot, None, "belum ada data survei IKM (tabel ikm_responden kosong)"
        )
    frame = nrr_frame(df, cfg)
    nrr = tuple(float(x) for x in frame["nrr"])
    nilai = ikm_dari_nrr(nrr, cfg.bobot)
    return Ikm(nilai, nilai / KONVERSI, len(df), nrr, cfg.bobot, mutu_ikm(nilai, cfg.mutu))


def _settings(settings: IkmSettings | None) -> IkmSettings:
    if settings is not None:
        return settings
    from .settings import IkmSettings

    return IkmSettings()

