"""Summary clauses shared by the Ikhtisar, BAB III and BAB IV (private).

Indicators per predikat, the overall average and its basis, capped capaian, and
the efficiency of the whole and per sasaran: the same clause wherever the report
repeats a figure, so the chapters cannot word one number two ways.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import fmt
from ..._values import missing
from ._kata import _alasan, _bilangan, _daftar, _predikat, _rows

if TYPE_CHECKING:
    import pandas as pd

    from ...report.figures import RingkasanAnggaran
    from ...report.laporan import Laporan
    from ...rules.budget import Efisiensi
    from ...rules.capaian import RataRata
    from ...rules.settings import Settings


# ----------------------------------------------------------- counts per predikat
def _sebaran_predikat(df: pd.DataFrame, settings: Settings) -> str:
    """``"tiga indikator berpredikat AA (Sangat Memuaskan) dan satu indikator berpredikat A (Memuaskan)"``."""
    parts = []
    for band in reversed(settings.skala.bands):  # best first
        n = int((df["predikat"] == band.kode).sum())
        if n:
            parts.append(f"{_bilangan(n)} indikator berpredikat {_predikat(band.kode, band.label)}")
    na = df[df["capaian"].isna()]
    if len(na):
        why = "; ".join(f"{r['indikator']}: {_alasan(r['alasan'])}" for r in _rows(na))
        parts.append(f"{_bilangan(len(na))} indikator belum dapat diukur ({why})")
    return _daftar(parts)


def _sasaran_rata(rata: RataRata) -> str:
    """``"empat sasaran strategis"``, or ``"tiga sasaran strategis yang capaiannya dapat dihitung"``."""
    text = f"{_bilangan(rata.jumlah)} sasaran strategis"
    return f"{text} yang capaiannya dapat dihitung" if rata.tidak_dihitung else text


def _kalimat_rata(rata: RataRata, df: pd.DataFrame) -> str:
    """The overall average and its predikat; the basis is named when a sasaran has several indicators."""
    if rata.nilai is None:
        return ("Rata-rata capaian kinerja belum dapat dihitung karena belum ada indikator yang "
                "capaiannya dapat dihitung.")
    multi = df.groupby("kode_sasaran", sort=False).size().gt(1).any()
    basis = " (rata-rata dari capaian setiap sasaran)" if multi else ""
    return (f"Rata-rata capaian kinerja {_sasaran_rata(rata)}{basis} sebesar "
            f"{fmt.persen(rata.nilai)} dengan predikat {_predikat(rata.kode, rata.label)}.")


def _kalimat_batas(df: pd.DataFrame) -> list[str]:
    """Sentences on capped capaian (the uncapped value shown beside the one that counts)."""
    out = []
    for r in _rows(df):
        cap, raw = r["capaian"], r["capaian_mentah"]
        if cap is None or raw is None or fmt.persen(cap) == fmt.persen(raw):
            continue
        out.append(
            f"Capaian indikator {r['indikator']} sebelum dibatasi sebesar {fmt.persen(raw)}; untuk predikat "
            f"dan rata-rata dihitung {fmt.persen(cap)}."
        )
    return out


# ---------------------------------------------------------------- efficiency pieces
def _efisiensi_keseluruhan(lap: Laporan) -> tuple[RataRata, RingkasanAnggaran, Efisiensi]:
    """``(rata, ringkasan, Efisiensi)`` of the whole: the same call as Tabel 3.7's overall row."""
    rata = lap.rata_rata
    total = lap.ringkasan_anggaran
    return rata, total, lap.efisiensi_keseluruhan


def _sebaran_efisiensi(eff: pd.DataFrame) -> str:
    """``"empat dari empat sasaran tergolong Efisien"`` or ``"tiga sasaran tergolong Efisien dan ..."``."""
    labels = [x for x in eff["efisiensi"] if not missing(x)]
    n = len(eff)
    counts = {lab: labels.count(lab) for lab in dict.fromkeys(labels)}
    na = n - len(labels)
    if len(counts) == 1 and not na:
        (lab, k), = counts.items()
        return f"{_bilangan(k)} dari {_bilangan(n)} sasaran tergolong {lab}"
    parts = [f"{_bilangan(k)} sasaran tergolong {lab}" for lab, k in counts.items()]
    if na:
        parts.append(f"{_bilangan(na)} sasaran belum dapat dinilai")
    return _daftar(parts)


def _kalimat_efisiensi_total(rata: RataRata, total: RingkasanAnggaran, overall: Efisiensi) -> str:
    if overall.label is None:
        return f"Efisiensi secara keseluruhan belum dapat dinilai karena {_alasan(overall.alasan)}."
    return (
        f"Secara keseluruhan, rata-rata capaian kinerja {fmt.persen(rata.nilai)} dibandingkan serapan seluruh "
        f"anggaran {fmt.persen(total.serapan)} ({fmt.rupiah(total.realisasi)} dari {fmt.rupiah(total.pagu)}) "
        f"menunjukkan penggunaan sumber daya yang tergolong {overall.label}."
    )
