"""Sentences on the IKM survey (PermenPAN-RB 14/2017), beside the IKM table.

The number of respondents, the IKM with its mutu and kinerja label, the unsur
with the highest and the lowest NRR, and, when the report measures an IKM
indicator, whether its realisasi is the survey's IKM.  Every number is the report
object's (``lap.ikm``, ``lap.ikm_unsur``, ``lap.pengukuran_kinerja``), formatted as
the tables print it; what "the same value" means is the rule of the check
``ikm.realisasi`` (:func:`~lkip_helpers.checks.ikm.ikm_sesuai`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from ... import fmt
from ...checks.ikm import ikm_sesuai, nama_ikm
from ._kata import _bilangan, _daftar, _kec, _poin, _rows, _satuan_teks

if TYPE_CHECKING:
    from ...report.laporan import Laporan
    from ...rules.ikm import Ikm

__all__ = ["paragraf_ikm"]

PERMENPAN_14 = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang "
    "Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik"
)


def paragraf_ikm(lap: Laporan) -> list[str]:
    """Paragraphs on the IKM survey; an empty list when the data set holds no valid survey."""
    ikm = lap.ikm
    if ikm is None or ikm.nilai is None:
        return []
    paragraphs = [" ".join([_kalimat_hasil(lap, ikm), _kalimat_unsur(lap)])]
    banding = _kalimat_indikator(lap, ikm.nilai)
    if banding:
        paragraphs.append(" ".join(banding))
    return paragraphs


def _bobot(bobot: float) -> str:
    return "1/9" if bobot == 1 / 9 else fmt.angka(bobot, 2)


def _kalimat_hasil(lap: Laporan, ikm: Ikm) -> str:
    mutu = ikm.mutu
    nilai = f"sebesar {fmt.angka(ikm.nilai, 2)}"
    if mutu is not None:
        nilai += f" dengan mutu pelayanan {mutu.kode} dan kinerja unit pelayanan {mutu.label}"
    return (
        f"Survei Kepuasan Masyarakat {_kec(lap.ds)} tahun {lap.tahun} diikuti oleh "
        f"{_bilangan(ikm.responden)} responden. Berdasarkan {PERMENPAN_14}, Indeks Kepuasan Masyarakat (IKM) "
        f"dihitung dari nilai rata-rata (NRR) kesembilan unsur pelayanan dengan bobot {_bobot(ikm.bobot)} "
        f"untuk tiap unsur, sehingga diperoleh nilai IKM {nilai}."
    )


def _kalimat_unsur(lap: Laporan) -> str:
    df = lap.ikm_unsur
    jumlah = [int(x) for x in df["jumlah_nilai"]]
    nama = [str(x) for x in df["nama"]]
    nrr = [float(x) for x in df["nrr"]]
    hi, lo = max(jumlah), min(jumlah)
    if hi == lo:
        return f"Kesembilan unsur pelayanan memperoleh NRR yang sama, yaitu {fmt.angka(nrr[0], 2)}."

    def unsur(total: int) -> str:
        which = [i for i, j in enumerate(jumlah) if j == total]
        names = _daftar_unsur([nama[i] for i in which])
        shown = fmt.angka(nrr[which[0]], 2)
        return f"unsur {names} ({'masing-masing ' if len(which) > 1 else ''}{shown})"

    return f"NRR tertinggi terdapat pada {unsur(hi)}, sedangkan NRR terendah pada {unsur(lo)}."


def _daftar_unsur(names: list[str]) -> str:
    """A list of unsur names; names holding commas are separated by semicolons and joined with "serta"."""
    if len(names) < 2 or not any("," in n for n in names):
        return _daftar(names)
    if len(names) == 2:
        return f"{names[0]} serta {names[1]}"
    return f"{'; '.join(names[:-1])}; serta {names[-1]}"


def _kalimat_indikator(lap: Laporan, nilai: float) -> list[str]:
    """One sentence per IKM indicator of Tabel 3.1: its realisasi agrees with the survey or not."""
    out: list[str] = []
    shown = fmt.angka(nilai, 2)
    for r in _rows(lap.pengukuran_kinerja):
        if not nama_ikm(r["indikator"]):
            continue
        real = _angka(r["realisasi"])
        indikator = f"indikator {r['indikator']} tahun {lap.tahun}"
        if real is None:
            if r["realisasi"] is None:
                out.append(f"Realisasi {indikator} belum tercatat.")
            continue
        tercatat = _satuan_teks(r["realisasi_teks"], r["satuan"])
        if ikm_sesuai(nilai, real):
            out.append(f"Nilai IKM hasil survei ini sama dengan realisasi {indikator}, yaitu {tercatat}.")
        else:
            printed = Decimal(repr(float(nilai))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            selisih = float(printed - Decimal(repr(real)))
            arah = "lebih tinggi" if selisih > 0 else "lebih rendah"
            out.append(
                f"Nilai IKM hasil survei ini ({shown}) berbeda dengan realisasi {indikator} yang tercatat "
                f"{tercatat}, yaitu {_poin(selisih, r['satuan'])} {arah}."
            )
    return out


def _angka(value: Any) -> float | None:
    """A numeric realisasi as a float; None for a missing value or a letter grade."""
    if value is None or isinstance(value, str | bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
