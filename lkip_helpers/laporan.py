"""The computed figures of one report: data set + settings -> tidy frames.

Everything a chapter shows (tables, charts, sentences) is derived from the
functions here, so a number can never differ between a table and the text.
The rules themselves live in :mod:`capaian`, :mod:`budget`, :mod:`predikat`;
this module only selects the right rows of the data set and joins them.

Which indicators a report measures: those that have a target in the report's
target version (``instansi.versi_target``, e.g. ``pk_perubahan``) for the
report year.  Sasaran are numbered 1..n in their ``urutan`` among those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import fmt
from .budget import hitung_serapan, rollup
from .capaian import RataRata, capaian_frame, rata_rata_keseluruhan, rata_rata_sasaran
from .model import LOKASI, DataSet
from .settings import Settings

__all__ = [
    "RingkasanAnggaran",
    "anggaran_tree",
    "capaian_sasaran",
    "indikator_diukur",
    "nilai_indikator",
    "pengukuran_kinerja",
    "ringkasan_anggaran",
    "versi_target",
]


def versi_target(ds: DataSet) -> str:
    """The target version the report measures against (default ``pk_perubahan``)."""
    return str(ds.instansi.get("versi_target") or "pk_perubahan")


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns=[LOKASI], errors="ignore")


def _value(v: Any) -> Any:
    try:
        return None if pd.isna(v) else v
    except (TypeError, ValueError):
        return v


def nilai_indikator(ds: DataSet, tahun: int, versi: str | None = None) -> pd.DataFrame:
    """Target (of ``versi``) and realisasi of every indicator for ``tahun``.

    Returns one row per indicator that has a target or a realisasi that year:
    ``kode_indikator``, ``target``, ``target_skor``, ``realisasi``, ``realisasi_skor``.
    """
    versi = versi or versi_target(ds)
    tgt = _plain(ds.df("target"))
    tgt = tgt[(tgt["versi"] == versi) & (tgt["tahun"] == tahun)]
    rea = _plain(ds.df("realisasi"))
    rea = rea[rea["tahun"] == tahun]
    left = tgt[["kode_indikator", "nilai", "skor"]].rename(columns={"nilai": "target", "skor": "target_skor"})
    right = rea[["kode_indikator", "nilai", "skor"]].rename(
        columns={"nilai": "realisasi", "skor": "realisasi_skor"}
    )
    out = left.merge(right, on="kode_indikator", how="outer", sort=False)
    return out.astype({"target": "object", "realisasi": "object"}).reset_index(drop=True)


def indikator_diukur(ds: DataSet) -> pd.DataFrame:
    """Indicators measured in the report year, with their sasaran, in report order.

    Columns: ``no_sasaran`` (1..n), ``kode_sasaran``, ``sasaran``, ``kode_indikator``,
    ``indikator``, ``satuan``, ``arah``, ``jenis``, ``formula``, ``sumber_data``,
    ``urutan_sasaran``, ``urutan``.
    """
    tgt = _plain(ds.df("target"))
    kodes = set(tgt.loc[(tgt["versi"] == versi_target(ds)) & (tgt["tahun"] == ds.tahun), "kode_indikator"])
    ind = _plain(ds.df("indikator"))
    ind = ind[ind["kode"].isin(kodes)]
    sas = _plain(ds.df("sasaran"))[["kode", "uraian", "urutan"]].rename(
        columns={"kode": "kode_sasaran", "uraian": "sasaran", "urutan": "urutan_sasaran"}
    )
    out = ind.rename(columns={"kode": "kode_indikator", "nama": "indikator"}).merge(
        sas, on="kode_sasaran", how="left"
    )
    out = out.sort_values(["urutan_sasaran", "urutan", "kode_indikator"], kind="stable").reset_index(drop=True)
    order = list(dict.fromkeys(out["kode_sasaran"]))
    out.insert(0, "no_sasaran", [order.index(k) + 1 for k in out["kode_sasaran"]])
    cols = [
        "no_sasaran", "kode_sasaran", "sasaran", "kode_indikator", "indikator", "satuan", "arah",
        "jenis", "formula", "sumber_data", "urutan_sasaran", "urutan",
    ]
    return out[cols]


def pengukuran_kinerja(
    ds: DataSet, settings: Settings, tahun: int | None = None
) -> tuple[pd.DataFrame, RataRata]:
    """Tabel 3.1: target, realisasi and capaian of every measured indicator, and the average.

    The overall average is the mean of the sasaran averages (domain.md 2).  Rows carry
    ``no`` (the sasaran number), text forms ``target_teks`` / ``realisasi_teks`` and the
    columns of :func:`capaian.capaian_frame`.
    """
    tahun = tahun or ds.tahun
    ind = indikator_diukur(ds)
    vals = nilai_indikator(ds, tahun)
    df = ind.merge(vals, on="kode_indikator", how="left")
    df = capaian_frame(df, settings)
    df.insert(0, "no", df["no_sasaran"])
    df["target_teks"] = [fmt.nilai(_value(v), s) for v, s in zip(df["target"], df["satuan"], strict=True)]
    df["realisasi_teks"] = [
        fmt.nilai(_value(v), s) if _value(v) is not None or _value(sk) is None else fmt.angka(sk, 2)
        for v, sk, s in zip(df["realisasi"], df["realisasi_skor"], df["satuan"], strict=True)
    ]
    per_sasaran = rata_rata_sasaran(df, settings.skala)
    return df, rata_rata_keseluruhan(per_sasaran, settings.skala)


def capaian_sasaran(ds: DataSet, settings: Settings, tahun: int | None = None) -> pd.DataFrame:
    """Average capaian and predikat per sasaran (Tabel 3.5), with the sasaran text and number."""
    df, _ = pengukuran_kinerja(ds, settings, tahun)
    per = rata_rata_sasaran(df, settings.skala)
    names = df.drop_duplicates("kode_sasaran")[["kode_sasaran", "no_sasaran", "sasaran"]]
    return names.merge(per, on="kode_sasaran", how="left").reset_index(drop=True)


def anggaran_tree(ds: DataSet) -> pd.DataFrame:
    """Tabel 3.8: the budget tree computed from the sub kegiatan, stated amounts beside."""
    def ordered(name: str) -> pd.DataFrame:
        return _plain(ds.df(name)).sort_values("urutan", kind="stable")

    return rollup(
        ordered("sub_kegiatan"),
        ordered("kegiatan"),
        ordered("program"),
        pagu_total_tertulis=ds.anggaran.get("pagu_total"),
        realisasi_total_tertulis=ds.anggaran.get("realisasi_total"),
    )


@dataclass(frozen=True)
class RingkasanAnggaran:
    """Budget totals of the report year and the change in serapan from last year."""

    pagu: int | None
    realisasi: int | None
    serapan: float | None
    serapan_tahun_lalu: float | None
    selisih_serapan: float | None  # percentage points, this year minus last year


def ringkasan_anggaran(ds: DataSet) -> RingkasanAnggaran:
    """Totals computed from the sub kegiatan (not the stated totals, which checks compare)."""
    tree = anggaran_tree(ds)
    total = tree[tree["level"] == "total"].iloc[0]
    pagu, real = _value(total["pagu"]), _value(total["realisasi"])
    serapan = hitung_serapan(pagu, real).nilai
    ang = ds.anggaran
    lalu = ang.get("serapan_tahun_lalu")
    if lalu is None and ang.get("pagu_tahun_lalu") is not None:
        lalu = hitung_serapan(ang.get("pagu_tahun_lalu"), ang.get("realisasi_tahun_lalu")).nilai
    selisih = None if serapan is None or lalu is None else round(serapan - float(lalu), 9)
    return RingkasanAnggaran(
        pagu=None if pagu is None else int(pagu),
        realisasi=None if real is None else int(real),
        serapan=serapan,
        serapan_tahun_lalu=None if lalu is None else float(lalu),
        selisih_serapan=selisih,
    )
