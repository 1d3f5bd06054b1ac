"""Titles and "Sumber data" lines of the catalogue's entries, computed from the report (private to :mod:`.katalog`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import fmt
from .tables import perencanaan
from .tables._dasar import VERSI_LABEL, frame, missing

if TYPE_CHECKING:
    from ..report.laporan import Laporan

Teks = Callable[["Laporan"], str]


def _periode(lap: Laporan) -> str:
    i = lap.ds.instansi
    return f"{i.get('renstra_awal', '')}-{i.get('renstra_akhir', '')}"


def _versi(lap: Laporan) -> str:
    v = lap.versi_target
    return VERSI_LABEL.get(v, v)


def _sumber_kinerja(lap: Laporan) -> str:
    sources = [str(s) for s in dict.fromkeys(lap.indikator_diukur["sumber_data"]) if not missing(s)]
    extra = f", {', '.join(sources)}" if sources else ""
    return f"Sumber data: {_versi(lap)} {lap.tahun}, data realisasi kinerja tahun {lap.tahun}{extra}"


def _sumber_tahun(lap: Laporan) -> str:
    """The target versions actually used per year (``PK Perubahan 2022-2023``) and the realisasi years."""
    df = lap.perbandingan_tahun
    if df.empty:
        return f"Sumber data: {_versi(lap)} {lap.tahun}, data realisasi kinerja tahun {lap.tahun}"
    parts = []
    for versi, grp in df.dropna(subset=["versi"]).groupby("versi", sort=False):
        years = sorted({int(y) for y in grp["tahun"]})
        span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
        parts.append(f"{VERSI_LABEL.get(str(versi), versi)} {span}")
    real = sorted({int(y) for y, v in zip(df["tahun"], df["realisasi"], strict=True) if not missing(v)})
    real_text = "" if not real else (str(real[0]) if len(real) == 1 else f"{real[0]}-{real[-1]}")
    head = ", ".join(parts) or _versi(lap)
    return f"Sumber data: {head}, data realisasi kinerja tahun {real_text or lap.tahun}"


def _sumber_pembanding(lap: Laporan) -> str:
    ds = lap.ds
    pb = frame(ds, "pembanding", [])
    levels = [str(x) for x in dict.fromkeys(pb.loc[pb["tahun"] == ds.tahun, "tingkat"])]
    what = f"; nilai pembanding tingkat {', '.join(levels)} tahun {ds.tahun}" if levels else ""
    return f"Sumber data: data realisasi kinerja tahun {ds.tahun}{what}"


def _judul_pembanding(lap: Laporan) -> str:
    ds = lap.ds
    pb = frame(ds, "pembanding", [])
    order = ["kabupaten", "provinsi", "nasional"]
    have = [
        x
        for x in order
        if (pb["tahun"] == ds.tahun).any() and x in set(pb.loc[pb["tahun"] == ds.tahun, "tingkat"])
    ]
    names = " dan ".join(x.capitalize() for x in have) if have else "Nasional"
    return f"Perbandingan Realisasi Kinerja Tahun {ds.tahun} dengan Realisasi {names}"


def _sumber_anggaran(lap: Laporan) -> str:
    a = lap.ds.anggaran
    parts = ["Sumber data: realisasi anggaran"]
    if a.get("sumber_dana"):
        parts.append(str(a["sumber_dana"]))
    if a.get("tanggal_realisasi"):
        parts.append(f"per {fmt.tanggal(a['tanggal_realisasi'])}")
    text = " ".join(parts)
    if a.get("status_audit"):
        text += f" ({a['status_audit']})"
    return text


def _dokumen(lap: Laporan, jenis: str) -> dict[str, Any] | None:
    df = frame(lap.ds, "dokumen", [])
    hit = df[df["jenis"] == jenis]
    return None if hit.empty else dict(hit.iloc[0])


def _sumber_iku(lap: Laporan) -> str:
    d = _dokumen(lap, "sk_iku")
    if d and not missing(d.get("nomor")):
        who = d.get("pihak1_jabatan") or f"Camat {lap.kecamatan}"
        when = f" tanggal {fmt.tanggal(d.get('tanggal'))}" if not missing(d.get("tanggal")) else ""
        return f"Sumber data: Keputusan {who} Nomor {d['nomor']}{when} tentang Indikator Kinerja Utama"
    return f"Sumber data: Indikator Kinerja Utama Kecamatan {lap.kecamatan}"


def _nama_pk(lap: Laporan) -> str:
    v = perencanaan.versi_pk(lap)
    return VERSI_LABEL.get(v, "PK").replace("PK", "Perjanjian Kinerja") if v else "Perjanjian Kinerja"


def _sumber_pk(lap: Laporan) -> str:
    v = perencanaan.versi_pk(lap)
    d = _dokumen(lap, v) if v else None
    when = f" (ditandatangani {fmt.tanggal(d.get('tanggal'))})" if d and not missing(d.get("tanggal")) else ""
    return f"Sumber data: {_nama_pk(lap)} Tahun {lap.tahun}{when}"


def _sumber_renstra(lap: Laporan) -> str:
    versions = set()
    for name in ("tujuan", "sasaran"):
        for v in frame(lap.ds, name, [])["versi"]:
            versions |= {p.strip() for p in str(v or "").split(",")}
    docs = " dan ".join(
        x for x, key in (("Renstra", "awal"), ("Renstra Perubahan", "perubahan")) if key in versions
    )
    return f"Sumber data: {docs or 'Renstra'} Kecamatan {lap.kecamatan} {_periode(lap)}"


def _sumber_rkt(lap: Laporan) -> str:
    d = _dokumen(lap, "rkt")
    when = f" ({fmt.tanggal(d.get('tanggal'))})" if d and not missing(d.get("tanggal")) else ""
    return f"Sumber data: RKT Kecamatan {lap.kecamatan} Tahun {lap.tahun}{when}; DPA {lap.tahun}"


def _c(text: str) -> Teks:
    """A title formatted from the report: ``{k}`` kecamatan, ``{t}`` year, ``{p}`` Renstra period, ``{v}`` version."""
    return lambda lap: text.format(k=lap.kecamatan, t=lap.tahun, p=_periode(lap), v=_versi(lap))
