"""Ikhtisar Eksekutif: what the report is, the predikat and average, the budget, kendala and rekomendasi."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ... import fmt
from ..._values import missing
from ._kata import PERMENPAN_53, _bilangan, _kec, _klausa, _periode, _versi_label
from ._ringkasan import (
    _efisiensi_keseluruhan,
    _kalimat_efisiensi_total,
    _kalimat_rata,
    _sebaran_efisiensi,
    _sebaran_predikat,
)

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = [
    "IkhtisarEksekutif",
    "ikhtisar",
    "ikhtisar_anggaran",
    "ikhtisar_eksekutif",
    "ikhtisar_kendala",
    "ikhtisar_predikat",
    "ikhtisar_rekomendasi",
]


@dataclass(frozen=True)
class IkhtisarEksekutif:
    """The Ikhtisar Eksekutif: computed paragraphs, then the planner's kendala and rekomendasi lists.

    ``pengantar_kendala`` / ``pengantar_rekomendasi`` introduce the lists (None when the
    list is empty).
    """

    paragraf: list[str]
    pengantar_kendala: str | None
    kendala: list[str] = field(default_factory=list)
    pengantar_rekomendasi: str | None = None
    rekomendasi: list[str] = field(default_factory=list)


def ikhtisar_kendala(lap: Laporan) -> list[str]:
    """The planner's kendala (``narasi`` bagian ``kendala``), in order."""
    return lap.narasi("kendala")


def ikhtisar_rekomendasi(lap: Laporan) -> list[str]:
    """The planner's rekomendasi (``narasi`` bagian ``rekomendasi``), in order."""
    return lap.narasi("rekomendasi")


def _kalimat_anggaran_ringkas(lap: Laporan) -> str:
    ds = lap.ds
    total = lap.ringkasan_anggaran
    if total.pagu is None:
        return f"Data anggaran {_kec(ds)} tahun {ds.tahun} belum tersedia."
    sumber = ds.anggaran.get("sumber_dana")
    dari = f" yang bersumber dari {_klausa(sumber)}" if not missing(sumber) else ""
    text = (
        f"Pelaksanaan program dan kegiatan tahun {ds.tahun} didukung anggaran sebesar {fmt.rupiah(total.pagu)} "
        f"({fmt.terbilang_rupiah(total.pagu)}){dari}. "
    )
    if total.serapan is None:
        text += "Realisasi anggaran belum tersedia."
    else:
        text += (f"Realisasi anggaran sebesar {fmt.rupiah(total.realisasi)} atau serapan {fmt.persen(total.serapan)} "
                 f"dari pagu.")
    status = ds.anggaran.get("status_audit")
    if not missing(status):
        text += f" Angka realisasi tersebut merupakan {_klausa(status)}."
    return text


def ikhtisar_predikat(lap: Laporan) -> list[str]:
    """Ikhtisar Eksekutif, performance part: what the report is, sasaran and indicators, predikat, average.

    What the report is (PermenPAN-RB 53/2014, Renstra period, target version), the number
    of sasaran and indicators, indicators per predikat, the average and its predikat.
    """
    ds = lap.ds
    df, rata = lap.pengukuran_kinerja, lap.rata_rata
    out: list[str] = []
    if ds.is_contoh:
        out.append(f"Catatan: laporan ini disusun dari DATA CONTOH (data sintetis), bukan data resmi {_kec(ds)}.")
    periode = _periode(ds)
    renstra = f"Rencana Strategis (Renstra) {_kec(ds)} Tahun {periode}" if periode else f"Renstra {_kec(ds)}"
    out.append(
        f"Laporan Kinerja Instansi Pemerintah (LKIP) {_kec(ds)} Tahun {ds.tahun} disusun berpedoman pada "
        f"{PERMENPAN_53}. Laporan ini menyajikan capaian kinerja tahun {ds.tahun} atas sasaran strategis dalam "
        f"{renstra}, diukur terhadap target dalam {_versi_label(ds, lap.versi_target)}."
    )
    if df.empty:
        out.append(f"Belum ada indikator kinerja dengan target tahun {ds.tahun} yang dapat diukur.")
    else:
        n_sas = df["kode_sasaran"].nunique()
        out.append(
            f"Kinerja {_kec(ds)} tahun {ds.tahun} diukur melalui {_bilangan(n_sas)} sasaran strategis dengan "
            f"{_bilangan(len(df))} indikator kinerja. Dari {_bilangan(len(df))} indikator tersebut, "
            f"{_sebaran_predikat(df, lap.settings)}. {_kalimat_rata(rata, df)}"
        )
    return out


def ikhtisar_anggaran(lap: Laporan) -> list[str]:
    """Ikhtisar Eksekutif, budget part: pagu with terbilang, realisasi, serapan, audit status, efficiency."""
    out = [_kalimat_anggaran_ringkas(lap)]
    eff = lap.efisiensi_sasaran
    if len(eff):
        rata, total, overall = _efisiensi_keseluruhan(lap)
        out.append(
            f"Perbandingan capaian kinerja dengan serapan anggaran menunjukkan {_sebaran_efisiensi(eff)}. "
            f"{_kalimat_efisiensi_total(rata, total, overall)}"
        )
    return out


def ikhtisar(lap: Laporan) -> list[str]:
    """Ikhtisar Eksekutif paragraphs: :func:`ikhtisar_predikat` then :func:`ikhtisar_anggaran`.

    The planner's kendala and rekomendasi are separate (:func:`ikhtisar_kendala`,
    :func:`ikhtisar_rekomendasi`, or all together :func:`ikhtisar_eksekutif`).
    """
    return [*ikhtisar_predikat(lap), *ikhtisar_anggaran(lap)]


def ikhtisar_eksekutif(lap: Laporan) -> IkhtisarEksekutif:
    """The whole Ikhtisar Eksekutif: :func:`ikhtisar` plus the kendala and rekomendasi lists."""
    kendala, rekomendasi = ikhtisar_kendala(lap), ikhtisar_rekomendasi(lap)
    return IkhtisarEksekutif(
        paragraf=ikhtisar(lap),
        pengantar_kendala=(f"Kendala yang masih dihadapi {_kec(lap.ds)} dalam mencapai target kinerja antara lain:"
                           if kendala else None),
        kendala=kendala,
        pengantar_rekomendasi=("Rekomendasi perbaikan untuk mengatasi kendala tersebut antara lain:"
                               if rekomendasi else None),
        rekomendasi=rekomendasi,
    )
