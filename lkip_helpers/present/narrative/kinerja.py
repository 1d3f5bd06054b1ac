"""BAB III B, Capaian Kinerja: the paragraph after Tabel 3.1 and the paragraphs of each sasaran.

Per indicator of a sasaran: this year's capaian (Tabel 3.1), the change from last
year (Tabel 3.2), progress towards the Renstra end target (Tabel 3.3) and the
position against kabupaten/provinsi/nasional benchmarks (Tabel 3.4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ... import fmt
from ...rules.capaian import METODE_LABEL, bandingkan
from ._kata import (
    _alasan,
    _arah_teks,
    _bilangan,
    _kec,
    _klausa,
    _periode,
    _poin,
    _predikat,
    _rows,
    _satuan_teks,
    _sebesar,
    _versi_label,
)
from ._ringkasan import _kalimat_batas, _kalimat_rata, _sasaran_rata, _sebaran_predikat

if TYPE_CHECKING:
    from ...data.model import DataSet
    from ...report.laporan import Laporan

__all__ = ["paragraf_sasaran", "pengukuran_ringkas"]


# -------------------------------------------------------------------- after Tabel 3.1
def pengukuran_ringkas(lap: Laporan) -> list[str]:
    """The paragraph after Tabel 3.1: average and its predikat, indicators per predikat, caps."""
    ds = lap.ds
    df, rata = lap.pengukuran_kinerja, lap.rata_rata
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
    first += f" Dari {_bilangan(len(df))} indikator kinerja, {_sebaran_predikat(df, lap.settings)}."
    extra = _kalimat_batas(df)
    na = int(df["capaian"].isna().sum())
    if na:
        extra.append("Indikator yang capaiannya tidak dapat dihitung tidak diberi predikat dan tidak diikutkan "
                     "dalam rata-rata.")
    return [" ".join([first, *extra])]


# -------------------------------------------------------------------- per sasaran
def _kalimat_tahun_ini(ds: DataSet, r: dict[str, Any]) -> str:
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
        text += (f" Capaian kinerjanya tidak dapat dihitung karena {_alasan(r['alasan'])}, sehingga indikator "
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
    if r.get("huruf_skor_realisasi"):
        text += " " + _tidak_sepadan(r, tahun)
    return text


def _tidak_sepadan(r: dict[str, Any], tahun: int) -> str:
    """Both values of a letter and score that disagree, and that nothing is concluded from them."""
    skor = fmt.nilai(r.get("realisasi_skor"))
    return (f"Huruf dan skor realisasi tahun {tahun} tidak sepadan: tertulis huruf {r['realisasi']} dengan skor "
            f"{skor}, padahal skor {skor} termasuk {r['huruf_skor_realisasi']} pada skala penilaian; kesimpulan "
            "tentang indikator ini menunggu perbaikan nilainya.")


def _nilai_banding(r: dict[str, Any]) -> tuple[Any, str]:
    """What to compare across years: the score of a letter indicator when known, else the value."""
    if r["jenis"] == "huruf":
        if r.get("realisasi_skor") is not None:
            return float(r["realisasi_skor"]), "skor"
        return r["realisasi"], "huruf"
    return r["realisasi"], "angka"


def _kalimat_tahun_lalu(lap: Laporan, r: dict[str, Any], prev: dict[str, Any] | None) -> str:
    ds = lap.ds
    lalu = ds.tahun - 1
    nama = r["indikator"]
    if prev is None or (prev["realisasi"] is None and prev.get("realisasi_skor") is None):
        return (f"Perbandingan indikator {nama} dengan tahun sebelumnya belum dapat dilakukan karena data tahun "
                f"sebelumnya tidak tersedia (realisasi tahun {lalu} belum tercatat).")
    if r["realisasi"] is None and r.get("realisasi_skor") is None:
        return (f"Perbandingan indikator {nama} dengan tahun sebelumnya belum dapat dilakukan karena realisasi "
                f"tahun {ds.tahun} belum tersedia (realisasi tahun {lalu}: "
                f"{_satuan_teks(prev['realisasi_teks'], r['satuan'])}).")
    now_v, now_kind = _nilai_banding(r)
    prev_v, prev_kind = _nilai_banding(prev)
    prev_teks = _satuan_teks(prev["realisasi_teks"], r["satuan"])
    now_teks = _satuan_teks(r["realisasi_teks"], r["satuan"])
    odd = [y for y, row in ((lalu, prev), (ds.tahun, r)) if row.get("huruf_skor_realisasi")]
    if odd:
        years = " dan ".join(str(y) for y in odd)
        return (f"Dibandingkan tahun {lalu}, realisasi indikator {nama} tercatat {prev_teks} pada tahun {lalu} "
                f"dan {now_teks} pada tahun {ds.tahun}. Karena huruf dan skor tahun {years} tidak sepadan menurut "
                "skala penilaian, perubahan kinerjanya tidak disimpulkan sebelum nilainya diperbaiki.")
    if now_kind == "skor" and prev_kind == "skor":
        cmp = bandingkan(now_v, prev_v, arah=r["arah"])
        unit = "skor"
    else:
        cmp = bandingkan(r["realisasi"] if now_kind != "skor" else None, prev["realisasi"], arah=r["arah"])
        unit = r["satuan"]
    head = f"Dibandingkan tahun {lalu}, realisasi indikator {nama} "
    # a change ("naik"/"turun"/"tetap") always comes with its difference
    if cmp.perubahan is None or cmp.selisih is None:
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
        if prev.get("versi") and prev["versi"] != lap.versi_target:
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
    if ren.get("huruf_skor_realisasi"):
        return (f"{head}; realisasi tahun {ds.tahun} tercatat {real}, tetapi huruf dan skornya tidak sepadan, "
                "sehingga ketercapaian target akhir belum dinilai sebelum nilainya diperbaiki.")
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


def paragraf_sasaran(lap: Laporan, kode_sasaran: str) -> list[str]:
    """BAB III paragraphs of one measured sasaran, per indicator: this year, last year, Renstra, benchmark.

    Raises
    ------
    ValueError
        When ``kode_sasaran`` is not measured in the report year (no target in the
        report's target version).
    """
    ds = lap.ds
    df = lap.pengukuran_kinerja
    mine = df[df["kode_sasaran"] == kode_sasaran]
    if mine.empty:
        measured = ", ".join(dict.fromkeys(df["kode_sasaran"])) or "-"
        msg = (f"sasaran {kode_sasaran!r} tidak diukur pada tahun {ds.tahun} (tidak ada target "
               f"{lap.versi_target}); sasaran yang diukur: {measured}")
        raise ValueError(msg)
    years = lap.perbandingan_tahun
    renstra = lap.perbandingan_renstra
    bench = lap.perbandingan_pembanding
    out: list[str] = []
    rows = _rows(mine)
    if len(rows) > 1:
        per = lap.capaian_sasaran
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
        out.append(_kalimat_tahun_ini(ds, r))
        out.append(_kalimat_tahun_lalu(lap, r, _rows(prev)[0] if len(prev) else None))
        out.append(_kalimat_renstra(ds, r, _rows(ren)[0] if len(ren) else None))
        out.append(_kalimat_pembanding(ds, r, _rows(pb)))
    return out
