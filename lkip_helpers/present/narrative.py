"""Sentences of the report computed from the figures (Bahasa Indonesia).

Every number in these sentences is taken from :mod:`lkip_helpers.report.figures` (and the
rules it uses) and formatted with :mod:`lkip_helpers.fmt`, exactly as the tables print
it, so the text cannot contradict a table: capaian and serapan as ``fmt.persen``
(``95,50%``), indicator values as the frames' ``target_teks`` / ``realisasi_teks``
(``97%``, ``B (skor 85)``), money as ``fmt.rupiah`` (``Rp 4.231.208.525``) with
``fmt.terbilang_rupiah``.  Counts are written in words ("empat sasaran").

Each function returns a list of paragraphs; a chapter notebook shows them with
``display.paragraf`` (or ``display.butir`` for the planner's lists)::

    for p in narrative.paragraf_sasaran(ds, settings, "S1"):
        display(display.paragraf(p))

The planner's own text (``narasi``, ``narasi_sasaran``) is not composed here; the
helpers :func:`narasi_bagian` and :func:`narasi_planner` only return it in order.
Missing pieces (no benchmark, no previous year, an n/a capaian, no budget) give a
sentence saying so, never an exception.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import fmt
from .._values import missing
from ..data.model import LOKASI, DataSet
from ..data.schema import NARASI_SASARAN_JENIS
from ..report import figures as laporan
from ..rules.budget import efisiensi
from ..rules.capaian import METODE_LABEL, bandingkan
from ..rules.settings import Settings

__all__ = [
    "IkhtisarEksekutif",
    "ikhtisar",
    "ikhtisar_anggaran",
    "ikhtisar_eksekutif",
    "ikhtisar_kendala",
    "ikhtisar_predikat",
    "ikhtisar_rekomendasi",
    "kesimpulan",
    "narasi_bagian",
    "narasi_planner",
    "paragraf_anggaran",
    "paragraf_efisiensi",
    "paragraf_sasaran",
    "pengukuran_ringkas",
]

PERMENPAN_53 = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 "
    "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan "
    "Kinerja Instansi Pemerintah"
)

_VERSI: dict[str, str] = {
    "pk_perubahan": "Perjanjian Kinerja (PK) Perubahan Tahun {tahun}",
    "pk_awal": "Perjanjian Kinerja (PK) Tahun {tahun}",
    "rkt": "Rencana Kinerja Tahunan (RKT) Tahun {tahun}",
    "renstra_perubahan": "Renstra Perubahan {awal}-{akhir}",
    "renstra_awal": "Renstra {awal}-{akhir}",
}
_TANPA_SATUAN = {"", "%", "indeks", "nilai", "skor", "poin"}


# ------------------------------------------------------------------- small helpers
def _kec(ds: DataSet) -> str:
    return f"Kecamatan {ds.kecamatan}"


def _bilangan(n: int) -> str:
    """A count in words when it takes at most two words ("empat", "dua belas"), else digits."""
    words = fmt.terbilang(int(n)).lower()
    return words if len(words.split()) <= 2 else fmt.angka(n)


def _daftar(items: Sequence[str], kata: str = "dan") -> str:
    """``["a"]`` -> ``"a"``; ``["a", "b"]`` -> ``"a dan b"``; three or more: ``"a, b, dan c"``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {kata} {items[1]}"
    return f"{', '.join(items[:-1])}, {kata} {items[-1]}"


def _kalimat(text: str) -> str:
    """Capitalise the first letter and end with a full stop."""
    text = " ".join(str(text).split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ":")) else f"{text}."


def _klausa(text: Any) -> str:
    """Text from the data used inside a sentence: trimmed, no final full stop."""
    return " ".join(str(text).split()).rstrip(" .;")


def _alasan(text: Any) -> str:
    """A capaian/serapan reason as a clause: ``"target 0: capaian tidak dapat dihitung"`` -> ``"target 0"``."""
    s = _klausa(text or "data tidak lengkap")
    for tail in (": capaian tidak dapat dihitung", ": serapan tidak dapat dihitung",
                 ": efisiensi tidak dapat dinilai"):
        s = s.removesuffix(tail)
    return s


def _predikat(kode: Any, label: Any) -> str:
    return f"{kode} ({label})"


def _versi_label(ds: DataSet, versi: str | None, tahun: int | None = None) -> str:
    template = _VERSI.get(str(versi), str(versi))
    return template.format(
        tahun=tahun or ds.tahun,
        awal=ds.instansi.get("renstra_awal", ""),
        akhir=ds.instansi.get("renstra_akhir", ""),
    )


def _periode(ds: DataSet) -> str:
    awal, akhir = ds.instansi.get("renstra_awal"), ds.instansi.get("renstra_akhir")
    return f"{awal}-{akhir}" if awal and akhir else ""


def _satuan_teks(teks: str, satuan: Any) -> str:
    """An indicator value with its unit when the unit is a word ("22 orang"); ``"97%"`` stays."""
    unit = "" if missing(satuan) else str(satuan).strip()
    if unit.lower() in _TANPA_SATUAN or teks == fmt.KOSONG:
        return teks
    return f"{teks} {unit}"


def _sebesar(teks: str, r: dict[str, Any]) -> str:
    """``"sebesar 97%"`` for a number, ``"dengan nilai B (skor 85)"`` for a letter-grade indicator."""
    return f"dengan nilai {teks}" if r["jenis"] == "huruf" else f"sebesar {teks}"


def _poin(selisih: float, satuan: Any) -> str:
    """A difference of two values: ``"27 poin persen"`` for %, ``"1,24 poin"`` otherwise."""
    unit = "" if missing(satuan) else str(satuan).strip()
    text = fmt.nilai(abs(selisih))
    if unit == "%":
        return f"{text} poin persen"
    if unit.lower() in _TANPA_SATUAN:
        return f"{text} poin"
    return f"{text} {unit}"


def _arah_teks(arah: str) -> str:
    return "makin tinggi makin baik" if arah == "positif" else "makin rendah makin baik"


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: (None if _na(v) else v) for k, v in r.items()} for r in df.to_dict("records")]


def _na(v: Any) -> bool:
    return not isinstance(v, str) and missing(v)


def narasi_bagian(ds: DataSet, bagian: str) -> list[str]:
    """The planner's paragraphs/items of one ``narasi`` part, in ``urutan`` order (text as written)."""
    df = ds.df("narasi").drop(columns=[LOKASI])
    df = df[df["bagian"] == bagian].sort_values("urutan", kind="stable")
    return [" ".join(str(t).split()) for t in df["teks"] if not missing(t)]


def narasi_planner(ds: DataSet, kode_sasaran: str) -> dict[str, list[str]]:
    """The planner's text of one sasaran by kind (``uraian``, ``faktor_pendukung``, ``permasalahan``, ``solusi``).

    Every kind is a key (an empty list when the data set has none), items in ``urutan`` order.
    """
    df = ds.df("narasi_sasaran").drop(columns=[LOKASI])
    df = df[df["kode_sasaran"] == kode_sasaran].sort_values("urutan", kind="stable")
    return {
        jenis: [" ".join(str(t).split()) for t in df.loc[df["jenis"] == jenis, "teks"] if not missing(t)]
        for jenis in NARASI_SASARAN_JENIS
    }


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


def _sasaran_rata(rata: Any) -> str:
    """``"empat sasaran strategis"``, or ``"tiga sasaran strategis yang capaiannya dapat dihitung"``."""
    text = f"{_bilangan(rata.jumlah)} sasaran strategis"
    return f"{text} yang capaiannya dapat dihitung" if rata.tidak_dihitung else text


def _kalimat_rata(rata: Any, df: pd.DataFrame) -> str:
    if rata.nilai is None:
        return ("Rata-rata capaian kinerja belum dapat dihitung karena belum ada indikator yang "
                "capaiannya dapat dihitung.")
    multi = df.groupby("kode_sasaran", sort=False).size().gt(1).any()
    basis = " (rata-rata dari capaian setiap sasaran)" if multi else ""
    return (f"Rata-rata capaian kinerja {_sasaran_rata(rata)}{basis} sebesar "
            f"{fmt.persen(rata.nilai)} dengan predikat {_predikat(rata.kode, rata.label)}.")


def _kalimat_batas(df: pd.DataFrame, settings: Settings) -> list[str]:
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
def _efisiensi_keseluruhan(ds: DataSet, settings: Settings) -> tuple[Any, Any, Any]:
    """``(rata, ringkasan, Efisiensi)`` of the whole: the same call as Tabel 3.7's overall row."""
    _, rata = laporan.pengukuran_kinerja(ds, settings)
    total = laporan.ringkasan_anggaran(ds)
    return rata, total, efisiensi(rata.nilai, total.serapan, settings=settings.efisiensi)


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


def _kalimat_efisiensi_total(rata: Any, total: Any, overall: Any) -> str:
    if overall.label is None:
        return f"Efisiensi secara keseluruhan belum dapat dinilai karena {_alasan(overall.alasan)}."
    return (
        f"Secara keseluruhan, rata-rata capaian kinerja {fmt.persen(rata.nilai)} dibandingkan serapan seluruh "
        f"anggaran {fmt.persen(total.serapan)} ({fmt.rupiah(total.realisasi)} dari {fmt.rupiah(total.pagu)}) "
        f"menunjukkan penggunaan sumber daya yang tergolong {overall.label}."
    )


def _metode_efisiensi(settings: Settings) -> str:
    e = settings.efisiensi
    if e.metode == "seed":
        return ("sasaran dinilai Efisien bila persentase capaian kinerjanya sama dengan atau lebih besar "
                "daripada persentase serapan anggarannya, dan Tidak Efisien bila lebih kecil")
    if e.metode == "selisih":
        a = fmt.nilai(e.ambang)
        return (f"dari selisih capaian kinerja dikurangi serapan anggaran, sasaran dinilai Efisien bila selisihnya "
                f"lebih dari {a} poin, Cukup Efisien bila berada dalam rentang \u00b1{a} poin, dan Tidak Efisien "
                f"bila kurang dari -{a} poin")
    return ("dari rasio capaian kinerja terhadap serapan anggaran, sasaran dinilai Efisien bila rasionya lebih "
            "dari 1, Cukup Efisien bila sama dengan 1, dan Tidak Efisien bila kurang dari 1")


# ------------------------------------------------------------------------ ikhtisar
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


def ikhtisar_kendala(ds: DataSet) -> list[str]:
    """The planner's kendala (``narasi`` bagian ``kendala``), in order."""
    return narasi_bagian(ds, "kendala")


def ikhtisar_rekomendasi(ds: DataSet) -> list[str]:
    """The planner's rekomendasi (``narasi`` bagian ``rekomendasi``), in order."""
    return narasi_bagian(ds, "rekomendasi")


def _kalimat_anggaran_ringkas(ds: DataSet) -> str:
    total = laporan.ringkasan_anggaran(ds)
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


def ikhtisar_predikat(ds: DataSet, settings: Settings) -> list[str]:
    """Ikhtisar Eksekutif, performance part: what the report is, sasaran and indicators, predikat, average.

    What the report is (PermenPAN-RB 53/2014, Renstra period, target version), the number
    of sasaran and indicators, indicators per predikat, the average and its predikat.
    """
    df, rata = laporan.pengukuran_kinerja(ds, settings)
    out: list[str] = []
    if ds.is_contoh:
        out.append(f"Catatan: laporan ini disusun dari DATA CONTOH (data sintetis), bukan data resmi {_kec(ds)}.")
    periode = _periode(ds)
    renstra = f"Rencana Strategis (Renstra) {_kec(ds)} Tahun {periode}" if periode else f"Renstra {_kec(ds)}"
    out.append(
        f"Laporan Kinerja Instansi Pemerintah (LKIP) {_kec(ds)} Tahun {ds.tahun} disusun berpedoman pada "
        f"{PERMENPAN_53}. Laporan ini menyajikan capaian kinerja tahun {ds.tahun} atas sasaran strategis dalam "
        f"{renstra}, diukur terhadap target dalam {_versi_label(ds, laporan.versi_target(ds))}."
    )
    if df.empty:
        out.append(f"Belum ada indikator kinerja dengan target tahun {ds.tahun} yang dapat diukur.")
    else:
        n_sas = df["kode_sasaran"].nunique()
        out.append(
            f"Kinerja {_kec(ds)} tahun {ds.tahun} diukur melalui {_bilangan(n_sas)} sasaran strategis dengan "
            f"{_bilangan(len(df))} indikator kinerja. Dari {_bilangan(len(df))} indikator tersebut, "
            f"{_sebaran_predikat(df, settings)}. {_kalimat_rata(rata, df)}"
        )
    return out


def ikhtisar_anggaran(ds: DataSet, settings: Settings) -> list[str]:
    """Ikhtisar Eksekutif, budget part: pagu with terbilang, realisasi, serapan, audit status, efficiency."""
    out = [_kalimat_anggaran_ringkas(ds)]
    eff = laporan.efisiensi_sasaran(ds, settings)
    if len(eff):
        rata, total, overall = _efisiensi_keseluruhan(ds, settings)
        out.append(
            f"Perbandingan capaian kinerja dengan serapan anggaran menunjukkan {_sebaran_efisiensi(eff)}. "
            f"{_kalimat_efisiensi_total(rata, total, overall)}"
        )
    return out


def ikhtisar(ds: DataSet, settings: Settings) -> list[str]:
    """Ikhtisar Eksekutif paragraphs: :func:`ikhtisar_predikat` then :func:`ikhtisar_anggaran`.

    The planner's kendala and rekomendasi are separate (:func:`ikhtisar_kendala`,
    :func:`ikhtisar_rekomendasi`, or all together :func:`ikhtisar_eksekutif`).
    """
    return [*ikhtisar_predikat(ds, settings), *ikhtisar_anggaran(ds, settings)]


def ikhtisar_eksekutif(ds: DataSet, settings: Settings) -> IkhtisarEksekutif:
    """The whole Ikhtisar Eksekutif: :func:`ikhtisar` plus the kendala and rekomendasi lists."""
    kendala, rekomendasi = ikhtisar_kendala(ds), ikhtisar_rekomendasi(ds)
    return IkhtisarEksekutif(
        paragraf=ikhtisar(ds, settings),
        pengantar_kendala=(f"Kendala yang masih dihadapi {_kec(ds)} dalam mencapai target kinerja antara lain:"
                           if kendala else None),
        kendala=kendala,
        pengantar_rekomendasi=("Rekomendasi perbaikan untuk mengatasi kendala tersebut antara lain:"
                               if rekomendasi else None),
        rekomendasi=rekomendasi,
    )


# -------------------------------------------------------------------- after Tabel 3.1
def pengukuran_ringkas(ds: DataSet, settings: Settings) -> list[str]:
    """The paragraph after Tabel 3.1: average and its predikat, indicators per predikat, caps."""
    df, rata = laporan.pengukuran_kinerja(ds, settings)
    if df.empty:
        return [f"Belum ada indikator kinerja dengan target tahun {ds.tahun} yang dapat diukur."]
    if rata.nilai is None:
        first = _kalimat_rata(rata, df)
    else:
        first = (
            f"Dari tabel di atas terlihat bahwa rata-rata capaian kinerja {_sasaran_rata(rata)} "
            f"{_kec(ds)} tahun {ds.tahun} sebesar {fmt.persen(rata.nilai)} dengan predikat "
            f"{_predikat(rata.kode, rata.label)}."
        )
    first += f" Dari {_bilangan(len(df))} indikator kinerja, {_sebaran_predikat(df, settings)}."
    extra = _kalimat_batas(df, settings)
    na = int(df["capaian"].isna().sum())
    if na:
        extra.append("Indikator yang capaiannya tidak dapat dihitung tidak diberi predikat dan tidak diikutkan "
                     "dalam rata-rata.")
    return [" ".join([first, *extra])]


# -------------------------------------------------------------------- per sasaran
def _kalimat_tahun_ini(ds: DataSet, r: dict[str, Any], settings: Settings) -> str:
    nama, tahun = r["indikator"], ds.tahun
    target = _satuan_teks(r["target_teks"], r["satuan"])
    real = _satuan_teks(r["realisasi_teks"], r["satuan"])
    if r["capaian"] is None:
        if r["target"] is None:
            text = f"Pada tahun {tahun}, indikator {nama} belum memiliki target"
            text += f" (realisasi {real})." if r["realisasi_teks"] != fmt.KOSONG else "."
        elif r["realisasi_teks"] == fmt.KOSONG:
            text = f"Pada tahun {tahun}, indikator {nama} memiliki target {target}, sedangkan realisasinya belum tersedia."
        else:
            text = f"Pada tahun {tahun}, indikator {nama} memiliki target {target} dan realisasi {real}."
        text += (f" Capaian kinerjanya tidak dapat dihitung (n/a) karena {_alasan(r['alasan'])}, sehingga indikator "
                 "ini tidak diberi predikat dan tidak diikutkan dalam rata-rata capaian.")
        return text
    text = (
        f"Pada tahun {tahun}, indikator {nama} memiliki target {target} dan realisasi {real}, sehingga capaian "
        f"kinerjanya {fmt.persen(r['capaian'])} dengan predikat {_predikat(r['predikat'], r['predikat_label'])}."
    )
    if r["arah"] == "negatif":
        text += (f" Indikator ini bersifat negatif ({_arah_teks('negatif')}), sehingga capaian dihitung dengan "
                 f"rumus {METODE_LABEL.get(r['metode'], r['metode'])}.")
    if r["metode"] == "huruf_ordinal":
        text += (" Capaian indikator nilai huruf ini dihitung dari peringkat huruf (D=1, C=2, CC=3, B=4, BB=5, "
                 "A=6, AA=7) karena skor angka target dan realisasi tidak keduanya tersedia.")
    elif r["metode"] == "huruf_skor":
        text += " Capaian indikator nilai huruf ini dihitung dari skor angka realisasi terhadap skor target."
    raw = r["capaian_mentah"]
    if raw is not None and fmt.persen(raw) != fmt.persen(r["capaian"]):
        text += (f" Capaian sebelum dibatasi sebesar {fmt.persen(raw)}; untuk predikat dan rata-rata dihitung "
                 f"{fmt.persen(r['capaian'])}.")
    if r["alasan"]:
        text += f" Catatan: {_klausa(r['alasan'])}."
    return text


def _nilai_banding(r: dict[str, Any], settings: Settings) -> tuple[Any, str]:
    """What to compare across years: the score of a letter indicator when known, else the value."""
    if r["jenis"] == "huruf":
        if r.get("realisasi_skor") is not None:
            return float(r["realisasi_skor"]), "skor"
        v = r["realisasi"]
        return v, "huruf"
    return r["realisasi"], "angka"


def _kalimat_tahun_lalu(ds: DataSet, r: dict[str, Any], prev: dict[str, Any] | None, settings: Settings) -> str:
    lalu = ds.tahun - 1
    nama = r["indikator"]
    if prev is None or (prev["realisasi"] is None and prev.get("realisasi_skor") is None):
        return (f"Perbandingan indikator {nama} dengan tahun sebelumnya belum dapat dilakukan karena data tahun "
                f"sebelumnya tidak tersedia (realisasi tahun {lalu} belum tercatat).")
    if r["realisasi"] is None and r.get("realisasi_skor") is None:
        return (f"Perbandingan indikator {nama} dengan tahun sebelumnya belum dapat dilakukan karena realisasi "
                f"tahun {ds.tahun} belum tersedia (realisasi tahun {lalu}: "
                f"{_satuan_teks(prev['realisasi_teks'], r['satuan'])}).")
    now_v, now_kind = _nilai_banding(r, settings)
    prev_v, prev_kind = _nilai_banding(prev, settings)
    prev_teks = _satuan_teks(prev["realisasi_teks"], r["satuan"])
    now_teks = _satuan_teks(r["realisasi_teks"], r["satuan"])
    if now_kind == "skor" and prev_kind == "skor":
        cmp = bandingkan(now_v, prev_v, arah=r["arah"])
        unit = "skor"
    else:
        cmp = bandingkan(r["realisasi"] if now_kind != "skor" else None, prev["realisasi"], arah=r["arah"])
        unit = r["satuan"]
    head = f"Dibandingkan tahun {lalu}, realisasi indikator {nama} "
    if cmp.perubahan is None:
        text = (f"{head}tahun {lalu} ({prev_teks}) dan tahun {ds.tahun} ({now_teks}) tidak dapat dibandingkan "
                "secara langsung.")
    elif cmp.perubahan == "tetap":
        text = f"{head}tetap {_sebesar(now_teks, r)}, sama dengan tahun {lalu}."
    else:
        gerak = "kenaikan" if cmp.perubahan == "naik" else "penurunan"
        arti = "perbaikan kinerja" if cmp.membaik else "penurunan kinerja"
        if unit == "skor":
            text = (f"{head}berubah dari {prev_teks} menjadi {now_teks}, dengan skor {cmp.perubahan} "
                    f"{fmt.nilai(abs(cmp.selisih))} poin")
        elif r["jenis"] == "huruf":
            text = (f"{head}{cmp.perubahan} {_bilangan(int(abs(cmp.selisih)))} tingkat huruf, dari {prev_teks} "
                    f"menjadi {now_teks}")
        else:
            text = f"{head}{cmp.perubahan} {_poin(cmp.selisih, r['satuan'])}, dari {prev_teks} menjadi {now_teks}"
        text += f"; karena indikator ini {_arah_teks(r['arah'])}, {gerak} ini menunjukkan {arti}."
    if prev["capaian"] is None:
        text += f" Capaian tahun {lalu} tidak dapat dihitung karena {_alasan(prev['alasan'])}."
    elif r["capaian"] is not None:
        c = bandingkan(r["capaian"], prev["capaian"], arah="positif")
        t_prev = _satuan_teks(prev["target_teks"], r["satuan"])
        sumber = ""
        if prev.get("versi") and prev["versi"] != laporan.versi_target(ds):
            sumber = f" menurut {_versi_label(ds, prev['versi'], lalu)}"
        if c.perubahan == "tetap":
            text += (f" Capaian kinerja tetap {fmt.persen(r['capaian'])}, sama dengan tahun {lalu} "
                     f"(target {t_prev}{sumber}).")
        else:
            t_now = _satuan_teks(r["target_teks"], r["satuan"])
            text += (f" Capaian kinerja {c.perubahan} dari {fmt.persen(prev['capaian'])} pada tahun {lalu} "
                     f"(target {t_prev}{sumber}) menjadi {fmt.persen(r['capaian'])} pada tahun {ds.tahun} "
                     f"(target {t_now}).")
    return text


def _kalimat_renstra(ds: DataSet, r: dict[str, Any], ren: dict[str, Any] | None) -> str:
    akhir = ds.instansi.get("renstra_akhir") or (ren or {}).get("tahun_akhir")
    nama = r["indikator"]
    if ren is None or ren["target_akhir"] is None:
        return (f"Target akhir periode Renstra ({akhir}) untuk indikator {nama} tidak tersedia, sehingga kemajuan "
                "terhadap target jangka menengah belum dapat dinilai.")
    target = _satuan_teks(ren["target_akhir_teks"], r["satuan"])
    real = _satuan_teks(ren["realisasi_teks"], r["satuan"])
    head = f"Target akhir periode Renstra ({akhir}) untuk indikator {nama} {_sebesar(target, r)}"
    if ren["tahun_ke"] is not None:
        periode = _periode(ds)
        text = (f"{head} telah tercapai pada tahun ke-{int(ren['tahun_ke'])} periode Renstra"
                f"{' ' + periode if periode else ''} (tahun {int(ren['tahun_tercapai'])}).")
        if int(ren["tahun_tercapai"]) < ds.tahun and ren["realisasi"] is not None:
            now = bandingkan(ren["realisasi"], ren["target_akhir"], arah=r["arah"])
            if now.perubahan is not None and now.perubahan != "tetap" and not now.membaik:
                text += (f" Namun realisasi tahun {ds.tahun} {_sebesar(real, r)} kembali belum memenuhi target "
                         "akhir tersebut.")
        return text
    if ren["realisasi_teks"] == fmt.KOSONG:
        return f"{head} belum dapat dinilai karena realisasi tahun {ds.tahun} belum tersedia."
    text = f"{head} belum tercapai; realisasi tahun {ds.tahun} {_sebesar(real, r)} dari target akhir {target}"
    if ren["capaian_akhir"] is not None:
        text += f" (capaian terhadap target akhir {fmt.persen(ren['capaian_akhir'])})."
    else:
        text += f" (capaian terhadap target akhir tidak dapat dihitung: {_alasan(ren['alasan'])})."
    return text


def _tingkat(ds: DataSet, tingkat: str) -> str:
    if tingkat == "kabupaten":
        return f"Kabupaten {ds.kabupaten}" if ds.kabupaten else "kabupaten"
    if tingkat == "provinsi":
        prov = ds.instansi.get("provinsi")
        return f"Provinsi {prov}" if prov else "provinsi"
    return "nasional"


def _kalimat_pembanding(ds: DataSet, r: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    nama = r["indikator"]
    rows = [p for p in rows if p["tingkat"] is not None]
    if not rows:
        return (f"Tidak terdapat standar atau realisasi pembanding tingkat kabupaten, provinsi maupun nasional "
                f"untuk indikator {nama}, sehingga perbandingan dengan pembanding tidak dapat dilakukan.")
    out = []
    for p in rows:
        huruf_vs_angka = r["jenis"] == "huruf" and not isinstance(p["pembanding"], str)
        pemb = p["pembanding_teks"] if r["jenis"] == "huruf" else _satuan_teks(p["pembanding_teks"], r["satuan"])
        if huruf_vs_angka:
            mine = f"skor realisasi {_kec(ds)} sebesar {fmt.nilai(p['realisasi_skor'])}"
        else:
            mine = f"realisasi {_kec(ds)} {_sebesar(_satuan_teks(p['realisasi_teks'], r['satuan']), r)}"
        nilai_p = f"dengan kategori {pemb}" if isinstance(p["pembanding"], str) else f"sebesar {pemb}"
        head = f"Dibandingkan dengan {nama} tingkat {_tingkat(ds, p['tingkat'])} tahun {ds.tahun} {nilai_p}, "
        if p["realisasi_teks"] == fmt.KOSONG:
            out.append(f"Perbandingan dengan {nama} tingkat {_tingkat(ds, p['tingkat'])} tahun {ds.tahun} "
                       f"({nilai_p}) belum dapat dilakukan karena realisasi tahun {ds.tahun} belum tersedia.")
            continue
        sel = p["selisih"]
        if sel is None:
            out.append(f"{head}{mine} tidak dapat dibandingkan secara langsung.")
            continue
        if sel == 0:
            out.append(f"{head}{mine} setara dengan pembanding tersebut.")
            continue
        if r["jenis"] == "huruf" and not huruf_vs_angka:
            beda = f"{_bilangan(int(abs(sel)))} tingkat huruf"
        elif huruf_vs_angka:
            beda = f"{fmt.nilai(abs(sel))} poin"
        else:
            beda = _poin(sel, r["satuan"])
        posisi = "lebih tinggi" if sel > 0 else "lebih rendah"
        arti = "lebih baik daripada" if p["membaik"] else "belum sebaik"
        out.append(f"{head}{mine} {posisi} {beda}; karena indikator ini {_arah_teks(r['arah'])}, kinerja "
                   f"{_kec(ds)} {arti} pembanding tersebut.")
    return " ".join(out)


def paragraf_sasaran(ds: DataSet, settings: Settings, kode_sasaran: str) -> list[str]:
    """BAB III paragraphs of one measured sasaran, per indicator: this year, last year, Renstra, benchmark.

    Raises
    ------
    ValueError
        When ``kode_sasaran`` is not measured in the report year (no target in the
        report's target version).
    """
    df, _ = laporan.pengukuran_kinerja(ds, settings)
    mine = df[df["kode_sasaran"] == kode_sasaran]
    if mine.empty:
        measured = ", ".join(dict.fromkeys(df["kode_sasaran"])) or "-"
        msg = (f"sasaran {kode_sasaran!r} tidak diukur pada tahun {ds.tahun} (tidak ada target "
               f"{laporan.versi_target(ds)}); sasaran yang diukur: {measured}")
        raise ValueError(msg)
    years = laporan.perbandingan_tahun(ds, settings)
    renstra = laporan.perbandingan_renstra(ds, settings)
    bench = laporan.perbandingan_pembanding(ds, settings)
    out: list[str] = []
    rows = _rows(mine)
    if len(rows) > 1:
        per = laporan.capaian_sasaran(ds, settings)
        s = _rows(per[per["kode_sasaran"] == kode_sasaran])[0]
        rata = (f"rata-rata capaiannya {fmt.persen(s['rata_rata'])} dengan predikat "
                f"{_predikat(s['predikat'], s['predikat_label'])}" if s["rata_rata"] is not None
                else "rata-rata capaiannya belum dapat dihitung")
        out.append(f"Sasaran Strategis {rows[0]['no_sasaran']} ({_klausa(rows[0]['sasaran'])}) diukur dengan "
                   f"{_bilangan(len(rows))} indikator; {rata}.")
    for r in rows:
        kode = r["kode_indikator"]
        prev = years[(years["kode_indikator"] == kode) & (years["tahun"] == ds.tahun - 1)] if len(years) else years
        ren = renstra[renstra["kode_indikator"] == kode] if len(renstra) else renstra
        pb = bench[bench["kode_indikator"] == kode] if len(bench) else bench
        out.append(_kalimat_tahun_ini(ds, r, settings))
        out.append(_kalimat_tahun_lalu(ds, r, _rows(prev)[0] if len(prev) else None, settings))
        out.append(_kalimat_renstra(ds, r, _rows(ren)[0] if len(ren) else None))
        out.append(_kalimat_pembanding(ds, r, _rows(pb)))
    return out


# --------------------------------------------------------------------- budget (BAB III C)
def _jumlah_tingkat(tree: pd.DataFrame) -> str:
    names = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}
    return _daftar([f"{_bilangan(int((tree['level'] == lv).sum()))} {nama}" for lv, nama in names.items()])


def _komposisi(ds: DataSet) -> str | None:
    a = ds.anggaran
    top = [(k, lab) for k, lab in (("belanja_operasi", "Belanja Operasi"), ("belanja_modal", "Belanja Modal"))
           if not missing(a.get(k))]
    sub = [(k, lab) for k, lab in (("belanja_pegawai", "Belanja Pegawai"),
                                   ("belanja_barang_jasa", "Belanja Barang dan Jasa")) if not missing(a.get(k))]
    if not top and not sub:
        return None
    parts = []
    if top:
        nonzero = [f"{lab} sebesar {fmt.rupiah(a.get(k))}" for k, lab in top if int(a.get(k)) != 0]
        zero = [f"tanpa {lab} ({fmt.rupiah(0)})" for k, lab in top if int(a.get(k)) == 0]
        parts.append("Menurut jenis belanja, anggaran tersebut terdiri atas "
                     + ", ".join([_daftar(nonzero), *zero]).strip(", ") + ".")
    if sub:
        induk = "Belanja Operasi tersebut meliputi" if any(k == "belanja_operasi" for k, _ in top) else \
            "Menurut rinciannya, anggaran tersebut meliputi"
        parts.append(f"{induk} " + _daftar([f"{lab} sebesar {fmt.rupiah(a.get(k))}" for k, lab in sub]) + ".")
    return " ".join(parts)


def paragraf_anggaran(ds: DataSet) -> list[str]:
    """Realisasi Anggaran (BAB III C): pagu with terbilang, counts, composition, realisasi, serapan, change.

    Totals are those of Tabel 3.8 (summed from the sub kegiatan); a stated total that
    differs is mentioned.
    """
    tree = laporan.anggaran_tree(ds)
    total = laporan.ringkasan_anggaran(ds)
    row = _rows(tree[tree["level"] == "total"])[0]
    if not (tree["level"] == "sub_kegiatan").any() or total.pagu is None:
        return [f"Data anggaran {_kec(ds)} tahun {ds.tahun} belum tersedia."]
    sumber = ds.anggaran.get("sumber_dana")
    dari = f" yang bersumber dari {_klausa(sumber)}" if not missing(sumber) else ""
    out = [
        f"Dalam melaksanakan tugas dan fungsinya pada tahun anggaran {ds.tahun}, {_kec(ds)} didukung anggaran "
        f"sebesar {fmt.rupiah(total.pagu)} ({fmt.terbilang_rupiah(total.pagu)}){dari}. Anggaran tersebut "
        f"dialokasikan untuk membiayai {_jumlah_tingkat(tree)}."
    ]
    komposisi = _komposisi(ds)
    if komposisi:
        out.append(komposisi)
    tanggal = ds.anggaran.get("tanggal_realisasi")
    posisi = f" sampai dengan {fmt.tanggal(tanggal)}" if not missing(tanggal) else ""
    if total.serapan is None:
        text = f"Realisasi anggaran tahun {ds.tahun}{posisi} belum tersedia."
    else:
        text = (f"Realisasi anggaran tahun {ds.tahun}{posisi} sebesar {fmt.rupiah(total.realisasi)} atau "
                f"{fmt.persen(total.serapan)} dari pagu.")
    status = ds.anggaran.get("status_audit")
    if not missing(status) and total.serapan is not None:
        text += f" Angka realisasi tersebut merupakan {_klausa(status)}."
    lalu = ds.tahun - 1
    if total.serapan is not None:
        if total.serapan_tahun_lalu is None:
            text += (f" Perbandingan serapan anggaran dengan tahun {lalu} belum dapat dilakukan karena data tahun "
                     "sebelumnya tidak tersedia.")
        elif fmt.angka(total.selisih_serapan, 2) == "0,00":
            text += (f" Serapan anggaran tersebut sama dengan serapan tahun {lalu} sebesar "
                     f"{fmt.persen(total.serapan_tahun_lalu)}.")
        else:
            arah = "naik" if total.selisih_serapan > 0 else "turun"
            text += (f" Dibandingkan tahun sebelumnya, serapan anggaran {arah} "
                     f"{fmt.angka(abs(total.selisih_serapan), 2)} poin persen dari "
                     f"{fmt.persen(total.serapan_tahun_lalu)} pada tahun {lalu} menjadi "
                     f"{fmt.persen(total.serapan)} pada tahun {ds.tahun}.")
    out.append(text)
    notes = []
    for col, nama in (("pagu", "pagu"), ("realisasi", "realisasi")):
        stated = row[f"{col}_tertulis"]
        if stated is not None and row[col] is not None and int(stated) != int(row[col]):
            notes.append(f"jumlah {nama} yang tertulis pada data anggaran ({fmt.rupiah(stated)}) berbeda dengan "
                         f"jumlah {nama} seluruh sub kegiatan ({fmt.rupiah(row[col])})")
    if notes:
        out.append(_kalimat("Catatan: " + "; ".join(notes) + "; laporan ini memakai jumlah sub kegiatan"))
    if not bool(row["lengkap"]):
        out.append("Sebagian pagu atau realisasi sub kegiatan belum tersedia, sehingga jumlah di atas hanya "
                   "mencakup nilai yang tersedia.")
    return out


# --------------------------------------------------------------------- efficiency (B.4)
def paragraf_efisiensi(ds: DataSet, settings: Settings) -> list[str]:
    """Efficiency of resources (Tabel 3.7): the method, each sasaran, the whole."""
    eff = laporan.efisiensi_sasaran(ds, settings)
    if eff.empty:
        return ["Efisiensi penggunaan sumber daya belum dapat dinilai karena belum ada sasaran yang diukur."]
    prog = {str(p["kode"]): p["nama"] for p in _rows(ds.df("program").drop(columns=[LOKASI]))}
    out = [
        "Efisiensi penggunaan sumber daya dinilai dengan membandingkan persentase capaian kinerja setiap sasaran "
        "dengan persentase serapan anggaran program yang mendukungnya; " + _metode_efisiensi(settings) + "."
    ]
    metode = settings.efisiensi.metode
    for r in _rows(eff):
        codes = [c.strip() for c in str(r["program"] or "").split(",") if c.strip()]
        names = [f"Program {_klausa(prog[c])}" if prog.get(c) else f"program {c}" for c in codes]
        lewat = f", yang didukung {_daftar(names)}," if names else ""
        head = f"Sasaran {r['no_sasaran']} ({_klausa(r['sasaran'])})"
        if r["efisiensi"] is None:
            out.append(f"{head}{lewat} belum dapat dinilai efisiensinya karena "
                       f"{_alasan(r['efisiensi_alasan'] or r['alasan'])} (capaian kinerja {fmt.persen(r['capaian'])}, "
                       f"serapan anggaran {fmt.persen(r['serapan'])}).")
            continue
        ukuran = (f"rasio {fmt.angka(r['efisiensi_nilai'], 2)}" if metode == "rasio"
                  else f"selisih {'+' if r['efisiensi_nilai'] > 0 else ''}{fmt.angka(r['efisiensi_nilai'], 2)} poin persen")
        out.append(
            f"{head}{lewat} mencapai capaian kinerja {fmt.persen(r['capaian'])} dengan serapan anggaran "
            f"{fmt.persen(r['serapan'])} ({fmt.rupiah(r['realisasi'])} dari {fmt.rupiah(r['pagu'])}), "
            f"sehingga tergolong {r['efisiensi']} ({ukuran})."
        )
    rata, total, overall = _efisiensi_keseluruhan(ds, settings)
    out.append(f"{_kalimat_efisiensi_total(rata, total, overall)} Dari sasaran yang diukur, {_sebaran_efisiensi(eff)}.")
    return out


# ----------------------------------------------------------------------- BAB IV
def kesimpulan(ds: DataSet, settings: Settings) -> list[str]:
    """BAB IV A: conclusion from the same figures, then the planner's ``kesimpulan`` text."""
    df, rata = laporan.pengukuran_kinerja(ds, settings)
    out: list[str] = []
    if df.empty:
        out.append(f"Belum ada indikator kinerja {_kec(ds)} dengan target tahun {ds.tahun} yang dapat diukur.")
    else:
        if rata.nilai is None:
            head = (f"Berdasarkan hasil pengukuran kinerja {_kec(ds)} tahun {ds.tahun}, rata-rata capaian kinerja "
                    "belum dapat dihitung.")
        else:
            head = (f"Berdasarkan hasil pengukuran kinerja, capaian kinerja {_kec(ds)} tahun {ds.tahun} secara umum "
                    f"berpredikat {_predikat(rata.kode, rata.label)} dengan rata-rata capaian "
                    f"{fmt.persen(rata.nilai)} dari {_sasaran_rata(rata)}.")
        out.append(f"{head} Dari {_bilangan(len(df))} indikator sasaran, {_sebaran_predikat(df, settings)}.")
        per = laporan.capaian_sasaran(ds, settings).dropna(subset=["rata_rata"])
        if len(per) > 1 and per["rata_rata"].nunique() > 1:
            low = _rows(per.sort_values(["rata_rata", "no_sasaran"], kind="stable").head(1))[0]
            out.append(f"Capaian terendah terdapat pada Sasaran {low['no_sasaran']} ({_klausa(low['sasaran'])}) "
                       f"sebesar {fmt.persen(low['rata_rata'])} dengan predikat "
                       f"{_predikat(low['predikat'], low['predikat_label'])}.")
    total = laporan.ringkasan_anggaran(ds)
    if total.serapan is not None:
        status = ds.anggaran.get("status_audit")
        catatan = f" ({_klausa(status)})" if not missing(status) else ""
        text = (f"Realisasi anggaran tahun {ds.tahun} sebesar {fmt.rupiah(total.realisasi)} atau "
                f"{fmt.persen(total.serapan)} dari pagu {fmt.rupiah(total.pagu)}{catatan}.")
        eff = laporan.efisiensi_sasaran(ds, settings)
        _, _, overall = _efisiensi_keseluruhan(ds, settings)
        if len(eff):
            text += f" Perbandingan capaian kinerja dengan serapan anggaran menunjukkan {_sebaran_efisiensi(eff)}"
            text += (f"; secara keseluruhan penggunaan sumber daya tergolong {overall.label}."
                     if overall.label else ".")
        out.append(text)
    out.extend(narasi_bagian(ds, "kesimpulan"))
    return out

