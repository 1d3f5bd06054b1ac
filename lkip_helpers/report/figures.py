"""The figures of one report as pure functions: data set, settings and other figures in, frames out.

Each function takes exactly what it is computed from, including the figures it
builds on (Tabel 3.5 takes Tabel 3.1's frame, not the data set to compute it
again), so :class:`~lkip_helpers.report.laporan.Laporan` can compute every figure
once and hand the same result to every table, chart and sentence.  The rules
themselves live in :mod:`lkip_helpers.rules`; this module only selects the right
rows of the data set and joins them.

Which indicators a report measures: those that have a target in the report's
target version (``instansi.versi_target``, e.g. ``pk_perubahan``) for the
report year.  Sasaran are numbered 1..n in their ``urutan`` among those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from .. import fmt
from ..data.model import LOKASI, DataSet
from ..rules.budget import efisiensi_frame, hitung_serapan, rollup, serapan_sasaran
from ..rules.capaian import (
    RataRata,
    bandingkan_pembanding,
    capaian_frame,
    hitung_capaian,
    rata_rata_keseluruhan,
    rata_rata_sasaran,
    tahun_target_akhir_tercapai,
)
from ..rules.settings import Settings

__all__ = [
    "RingkasanAnggaran",
    "anggaran_tree",
    "capaian_sasaran",
    "efisiensi_sasaran",
    "indikator_diukur",
    "nilai_indikator",
    "pengukuran_kinerja",
    "perbandingan_pembanding",
    "perbandingan_renstra",
    "perbandingan_tahun",
    "program_pendukung",
    "rata_rata",
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


def indikator_diukur(ds: DataSet, versi: str) -> pd.DataFrame:
    """Indicators measured in the report year, with their sasaran, in report order.

    Columns: ``no_sasaran`` (1..n), ``kode_sasaran``, ``sasaran``, ``kode_indikator``,
    ``indikator``, ``satuan``, ``arah``, ``jenis``, ``formula``, ``sumber_data``,
    ``urutan_sasaran``, ``urutan``.
    """
    tgt = _plain(ds.df("target"))
    kodes = set(tgt.loc[(tgt["versi"] == versi) & (tgt["tahun"] == ds.tahun), "kode_indikator"])
    ind = _plain(ds.df("indikator"))
    # a tujuan's indicator (IKU No. 1 of the seed) has no sasaran: it is never measured in Tabel 3.1
    ind = ind[ind["kode"].isin(kodes) & ind["kode_sasaran"].notna()]
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


def pengukuran_kinerja(settings: Settings, indikator: pd.DataFrame, nilai: pd.DataFrame) -> pd.DataFrame:
    """Tabel 3.1: target, realisasi and capaian of every measured indicator (``indikator``).

    ``nilai`` is :func:`nilai_indikator` of the report year and version.  Rows carry
    ``no`` (the sasaran number), text forms ``target_teks`` / ``realisasi_teks`` and the
    columns of :func:`~lkip_helpers.rules.capaian.capaian_frame`.
    """
    df = indikator.merge(nilai, on="kode_indikator", how="left")
    df = capaian_frame(df, settings)
    df.insert(0, "no", df["no_sasaran"])
    df["target_teks"] = [fmt.nilai(_value(v), s) for v, s in zip(df["target"], df["satuan"], strict=True)]
    df["realisasi_teks"] = [
        _teks_realisasi(v, sk, s, settings)
        for v, sk, s in zip(df["realisasi"], df["realisasi_skor"], df["satuan"], strict=True)
    ]
    return df


def rata_rata(pengukuran: pd.DataFrame, settings: Settings) -> RataRata:
    """The overall average capaian: the mean of the sasaran averages (domain.md 2)."""
    return rata_rata_keseluruhan(rata_rata_sasaran(pengukuran, settings.skala), settings.skala)


def capaian_sasaran(pengukuran: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Average capaian and predikat per sasaran (Tabel 3.5), with the sasaran text and number."""
    df = pengukuran
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


def ringkasan_anggaran(ds: DataSet, tree: pd.DataFrame) -> RingkasanAnggaran:
    """Totals computed from the sub kegiatan (``tree``, not the stated totals, which checks compare)."""
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


# ----------------------------------------------------------------- Tabel 3.2: year by year
_FALLBACK_VERSI = ("pk_perubahan", "pk_awal", "rkt", "renstra_perubahan", "renstra_awal")


def _target_for(tgt: pd.DataFrame, kode: str, tahun: int, versi: str) -> tuple[Any, Any, str | None]:
    """Target of ``kode`` in ``tahun``: the report's version first, then the others."""
    rows = tgt[(tgt["kode_indikator"] == kode) & (tgt["tahun"] == tahun)]
    for v in (versi, *(x for x in _FALLBACK_VERSI if x != versi)):
        hit = rows[rows["versi"] == v]
        if len(hit):
            return _value(hit.iloc[0]["nilai"]), _value(hit.iloc[0]["skor"]), v
    return None, None, None


def perbandingan_tahun(
    ds: DataSet, settings: Settings, indikator: pd.DataFrame, versi: str, tahun_awal: int | None = None
) -> pd.DataFrame:
    """Tabel 3.2: target, realisasi and capaian of each measured indicator per year.

    Years run from the Renstra start (or ``tahun_awal``) to the report year.  The
    target of each year is taken from the report's version when present, else from
    the next document version (column ``versi`` says which).  Long format: one row
    per indicator and year, with the columns of :func:`capaian.capaian_frame`.
    """
    awal = int(tahun_awal or ds.instansi.get("renstra_awal") or ds.tahun - 1)
    ind = indikator
    tgt = _plain(ds.df("target"))
    rea = _plain(ds.df("realisasi"))
    rows = []
    for _, r in ind.iterrows():
        for th in range(awal, ds.tahun + 1):
            t, ts, v = _target_for(tgt, r["kode_indikator"], th, versi)
            hit = rea[(rea["kode_indikator"] == r["kode_indikator"]) & (rea["tahun"] == th)]
            rv = _value(hit.iloc[0]["nilai"]) if len(hit) else None
            rs = _value(hit.iloc[0]["skor"]) if len(hit) else None
            rows.append({**r.to_dict(), "tahun": th, "versi": v, "target": t, "target_skor": ts,
                         "realisasi": rv, "realisasi_skor": rs})
    df = pd.DataFrame(rows)
    if df.empty:
        return df
    df = df.astype({"target": "object", "realisasi": "object"})
    df = capaian_frame(df, settings)
    df["target_teks"] = [fmt.nilai(_value(v), s) for v, s in zip(df["target"], df["satuan"], strict=True)]
    df["realisasi_teks"] = [_teks_realisasi(v, sk, s, settings) for v, sk, s in
                            zip(df["realisasi"], df["realisasi_skor"], df["satuan"], strict=True)]
    return df.reset_index(drop=True)


def _teks_realisasi(v: Any, skor: Any, satuan: str, settings: Settings) -> str:
    """Realisasi as printed: a letter known only by its score shows "BB (skor 80)"."""
    v, skor = _value(v), _value(skor)
    if v is None and skor is not None:
        v = settings.skala_huruf.classify(float(skor)).kode
    text = fmt.nilai(v, satuan)
    if isinstance(v, str) and skor is not None:
        text += f" (skor {fmt.angka(skor, 2).rstrip('0').rstrip(',')})"
    return text


# ------------------------------------------------------------- Tabel 3.3: Renstra end target
def perbandingan_renstra(ds: DataSet, settings: Settings, pengukuran: pd.DataFrame) -> pd.DataFrame:
    """Tabel 3.3: the report year's realisasi against the Renstra end-of-period target.

    ``target_akhir`` is the target for ``renstra_akhir`` in ``renstra_perubahan``
    (else ``renstra_awal``); ``capaian_akhir`` is the realisasi measured against it;
    ``tahun_tercapai``/``tahun_ke`` give the first year the end target was met
    ("tercapai pada tahun ke-N periode Renstra"), NA when not yet met.
    """
    akhir = int(ds.instansi.get("renstra_akhir") or ds.tahun)
    awal = int(ds.instansi.get("renstra_awal") or ds.tahun)
    tgt = _plain(ds.df("target"))
    rea = _plain(ds.df("realisasi"))
    rows = []
    for _, r in pengukuran.iterrows():
        kode = r["kode_indikator"]
        t_akhir, ts_akhir, versi = None, None, None
        for v in ("renstra_perubahan", "renstra_awal"):
            hit = tgt[(tgt["kode_indikator"] == kode) & (tgt["tahun"] == akhir) & (tgt["versi"] == v)]
            if len(hit):
                t_akhir, ts_akhir, versi = _value(hit.iloc[0]["nilai"]), _value(hit.iloc[0]["skor"]), v
                break
        mine = rea[rea["kode_indikator"] == kode]
        by_year = {int(y): _grade_or_value(v, s, settings) for y, v, s in
                   zip(mine["tahun"], mine["nilai"], mine["skor"], strict=True) if int(y) <= ds.tahun}
        hit = (tahun_target_akhir_tercapai(by_year, t_akhir, r["arah"], awal, renstra_akhir=akhir)
               if t_akhir is not None else None)
        cap = hitung_capaian(t_akhir, r["realisasi"], arah=r["arah"], jenis=r["jenis"], settings=settings,
                             target_skor=ts_akhir, realisasi_skor=r["realisasi_skor"])
        rows.append({
            "no": r["no"], "kode_sasaran": r["kode_sasaran"], "sasaran": r["sasaran"],
            "kode_indikator": kode, "indikator": r["indikator"], "satuan": r["satuan"], "arah": r["arah"],
            "jenis": r["jenis"], "tahun_akhir": akhir, "versi_renstra": versi,
            "target_akhir": t_akhir, "target_akhir_teks": fmt.nilai(t_akhir, r["satuan"]),
            "realisasi": r["realisasi"], "realisasi_teks": r["realisasi_teks"],
            "huruf_skor_realisasi": r.get("huruf_skor_realisasi"),
            "capaian_akhir": cap.nilai, "capaian_akhir_mentah": cap.mentah, "alasan": cap.alasan,
            "tahun_tercapai": hit.tahun if hit else None, "tahun_ke": hit.tahun_ke if hit else None,
        })
    out = pd.DataFrame(rows)
    if not out.empty:
        out = out.astype({"capaian_akhir": "float64", "capaian_akhir_mentah": "float64",
                          "tahun_tercapai": "Int64", "tahun_ke": "Int64"})
    return out


def _grade_or_value(v: Any, skor: Any, settings: Settings) -> Any:
    """A realisasi as comparable value: the letter, or the letter of its score."""
    v, skor = _value(v), _value(skor)
    if v is None and skor is not None:
        return settings.skala_huruf.classify(float(skor)).kode
    return v


# -------------------------------------------------------------- Tabel 3.4: benchmark
def perbandingan_pembanding(ds: DataSet, pengukuran: pd.DataFrame) -> pd.DataFrame:
    """Tabel 3.4: realisasi against kabupaten/provinsi/nasional benchmarks of the report year.

    One row per measured indicator and benchmark; an indicator without benchmark gets
    one row with ``tingkat`` None (the text then says no standard exists).  For a
    letter indicator compared with a numeric benchmark, the realisasi's score is used.
    """
    pb = _plain(ds.df("pembanding"))
    pb = pb[pb["tahun"] == ds.tahun]
    rows = []
    for _, r in pengukuran.iterrows():
        mine = pb[pb["kode_indikator"] == r["kode_indikator"]]
        base = {k: r[k] for k in ("no", "kode_sasaran", "sasaran", "kode_indikator", "indikator", "satuan",
                                  "arah", "jenis", "realisasi", "realisasi_skor", "realisasi_teks")}
        if mine.empty:
            rows.append({**base, "tingkat": None, "pembanding": None, "pembanding_teks": "-",
                         "keterangan": None, "selisih": None, "membaik": None})
            continue
        for _, p in mine.iterrows():
            value = r["realisasi"]
            if r["jenis"] == "huruf" and not isinstance(p["nilai"], str):
                value = _value(r["realisasi_skor"])
            cmp = bandingkan_pembanding(value, p["nilai"], arah=r["arah"])
            rows.append({**base, "tingkat": p["tingkat"], "pembanding": p["nilai"],
                         "pembanding_teks": fmt.nilai(p["nilai"], r["satuan"] if r["jenis"] == "angka" else None),
                         "keterangan": _value(p["keterangan"]), "selisih": cmp.selisih, "membaik": cmp.membaik})
    return pd.DataFrame(rows)


# ----------------------------------------------------- Tabel 3.6: programs per sasaran
def program_pendukung(ds: DataSet, indikator: pd.DataFrame) -> pd.DataFrame:
    """Tabel 3.6: input (pagu/realisasi), output and outcome of every sub kegiatan per sasaran.

    One row per output indicator (a sub kegiatan without outputs gets one row with
    empty output columns), grouped by sasaran (measured sasaran first, in report order)
    then program, kegiatan and sub kegiatan order.  ``output_capaian`` is realisasi /
    target x 100 of the output.
    """
    ps = _plain(ds.df("program_sasaran"))
    sas = _plain(ds.df("sasaran")).set_index("kode")
    measured = indikator.drop_duplicates("kode_sasaran").set_index("kode_sasaran")["no_sasaran"]
    prog = _plain(ds.df("program")).sort_values("urutan", kind="stable")
    keg = _plain(ds.df("kegiatan")).sort_values("urutan", kind="stable")
    sub = _plain(ds.df("sub_kegiatan")).sort_values("urutan", kind="stable")
    out_df = _plain(ds.df("output_sub_kegiatan"))
    rows = []
    order = sorted(dict.fromkeys(ps["kode_sasaran"]), key=lambda k: (measured.get(k, 999), str(k)))
    for ks in order:
        for _, p in prog[prog["kode"].isin(ps.loc[ps["kode_sasaran"] == ks, "kode_program"])].iterrows():
            for _, k in keg[keg["kode_program"] == p["kode"]].iterrows():
                for _, s in sub[sub["kode_kegiatan"] == k["kode"]].iterrows():
                    serapan = hitung_serapan(_value(s["pagu"]), _value(s["realisasi"])).nilai
                    base = {
                        "no_sasaran": measured.get(ks), "kode_sasaran": ks,
                        "sasaran": sas["uraian"].get(ks), "kode_program": p["kode"], "program": p["nama"],
                        "kode_kegiatan": k["kode"], "kegiatan": k["nama"], "kode_sub_kegiatan": s["kode"],
                        "sub_kegiatan": s["nama"], "pagu": _value(s["pagu"]),
                        "realisasi": _value(s["realisasi"]), "serapan": serapan,
                        "outcome": _value(s["outcome"]),
                    }
                    outs = out_df[out_df["kode_sub_kegiatan"] == s["kode"]]
                    if outs.empty:
                        rows.append({**base, "output_indikator": None, "output_satuan": None,
                                     "output_target": None, "output_realisasi": None, "output_capaian": None})
                    for _, o in outs.iterrows():
                        t, r = _value(o["target"]), _value(o["realisasi"])
                        cap = hitung_serapan(t, r).nilai  # same arithmetic: realisasi / target x 100
                        rows.append({**base, "output_indikator": o["indikator"], "output_satuan": o["satuan"],
                                     "output_target": t, "output_realisasi": r, "output_capaian": cap})
    return pd.DataFrame(rows)


# ------------------------------------------------------------ Tabel 3.7: efficiency
def efisiensi_sasaran(
    ds: DataSet, settings: Settings, sasaran: pd.DataFrame, tree: pd.DataFrame
) -> pd.DataFrame:
    """Tabel 3.7: capaian kinerja (``sasaran``, Tabel 3.5) vs serapan anggaran per measured sasaran.

    Serapan per sasaran is computed from the programs supporting it
    (``program_sasaran``), with amounts rolled up from the sub kegiatan (``tree``).
    """
    cap = sasaran.rename(columns={"rata_rata": "capaian"})
    ser = serapan_sasaran(tree, _plain(ds.df("program_sasaran")))
    df = cap.merge(ser, on="kode_sasaran", how="left")
    return efisiensi_frame(df, settings.efisiensi).reset_index(drop=True)
