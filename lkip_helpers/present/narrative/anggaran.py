"""BAB III budget and efficiency: Realisasi Anggaran (Tabel 3.8) and Efisiensi Sumber Daya (Tabel 3.7)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import fmt
from ..._values import missing
from ...data.model import LOKASI
from ._kata import _alasan, _bilangan, _daftar, _kalimat, _kec, _klausa, _rows
from ._ringkasan import _efisiensi_keseluruhan, _kalimat_efisiensi_total, _sebaran_efisiensi

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    import pandas as pd

    from ...report.laporan import Laporan
    from ...rules.settings import Settings

__all__ = ["paragraf_anggaran", "paragraf_efisiensi"]

_JENIS_BELANJA = (("belanja_operasi", "Belanja Operasi"), ("belanja_modal", "Belanja Modal"))
_RINCIAN_BELANJA = (("belanja_pegawai", "Belanja Pegawai"), ("belanja_barang_jasa", "Belanja Barang dan Jasa"))


# --------------------------------------------------------------------- budget (BAB III C)
def _jumlah_tingkat(tree: pd.DataFrame) -> str:
    names = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}
    return _daftar([f"{_bilangan(int((tree['level'] == lv).sum()))} {nama}" for lv, nama in names.items()])


def _komposisi(a: Mapping[str, Any]) -> str | None:
    """Composition by kind of spending (``anggaran`` fields), None when the data set states none."""
    top = [(lab, a[k]) for k, lab in _JENIS_BELANJA if not missing(a.get(k))]
    sub = [(lab, a[k]) for k, lab in _RINCIAN_BELANJA if not missing(a.get(k))]
    if not top and not sub:
        return None
    parts = []
    if top:
        nonzero = [f"{lab} sebesar {fmt.rupiah(v)}" for lab, v in top if int(v) != 0]
        zero = [f"tanpa {lab} ({fmt.rupiah(0)})" for lab, v in top if int(v) == 0]
        parts.append("Menurut jenis belanja, anggaran tersebut terdiri atas "
                     + ", ".join([_daftar(nonzero), *zero]).strip(", ") + ".")
    if sub:
        induk = "Belanja Operasi tersebut meliputi" if not missing(a.get("belanja_operasi")) else \
            "Menurut rinciannya, anggaran tersebut meliputi"
        parts.append(f"{induk} " + _daftar([f"{lab} sebesar {fmt.rupiah(v)}" for lab, v in sub]) + ".")
    return " ".join(parts)


def paragraf_anggaran(lap: Laporan) -> list[str]:
    """Realisasi Anggaran (BAB III C): pagu with terbilang, counts, composition, realisasi, serapan, change.

    Totals are those of Tabel 3.8 (summed from the sub kegiatan); a stated total that
    differs is mentioned.
    """
    ds = lap.ds
    tree = lap.anggaran_tree
    total = lap.ringkasan_anggaran
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
    komposisi = _komposisi(ds.anggaran)
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
        selisih = total.selisih_serapan  # None exactly when last year's serapan is unknown
        if total.serapan_tahun_lalu is None or selisih is None:
            text += (f" Perbandingan serapan anggaran dengan tahun {lalu} belum dapat dilakukan karena data tahun "
                     "sebelumnya tidak tersedia.")
        elif fmt.angka(selisih, 2) == "0,00":
            text += (f" Serapan anggaran tersebut sama dengan serapan tahun {lalu} sebesar "
                     f"{fmt.persen(total.serapan_tahun_lalu)}.")
        else:
            arah = "naik" if selisih > 0 else "turun"
            text += (f" Dibandingkan tahun sebelumnya, serapan anggaran {arah} "
                     f"{fmt.angka(abs(selisih), 2)} poin persen dari "
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


def paragraf_efisiensi(lap: Laporan) -> list[str]:
    """Efficiency of resources (Tabel 3.7): the method, each sasaran, the whole."""
    eff = lap.efisiensi_sasaran
    if eff.empty:
        return ["Efisiensi penggunaan sumber daya belum dapat dinilai karena belum ada sasaran yang diukur."]
    prog = {str(p["kode"]): p["nama"] for p in _rows(lap.ds.df("program").drop(columns=[LOKASI]))}
    out = [
        "Efisiensi penggunaan sumber daya dinilai dengan membandingkan persentase capaian kinerja setiap sasaran "
        "dengan persentase serapan anggaran program yang mendukungnya; " + _metode_efisiensi(lap.settings) + "."
    ]
    metode = lap.settings.efisiensi.metode
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
    rata, total, overall = _efisiensi_keseluruhan(lap)
    out.append(f"{_kalimat_efisiensi_total(rata, total, overall)} Dari sasaran yang diukur, {_sebaran_efisiensi(eff)}.")
    return out
