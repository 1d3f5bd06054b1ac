"""BAB II Perencanaan dan Perjanjian Kinerja: the opening paragraphs of A (Renstra), B (RKT), C (IKU), D (PK).

Each section opens with one sentence saying what the document is (as the reference
report does), then sentences computed from the data set: the Renstra period and its
versions with the number of tujuan, sasaran and indicators of each, the target version
the report measures against, the RKT year and its signing, the number of IKU and the
decree that sets them, the PK version, its signing, its targets against PK awal and
Renstra, and the budget behind it.  A fact the data set does not hold (a signing date, an
SK number) is left out of the sentence, never guessed.  Counts are written as the
reference report writes them: "4 (empat) sasaran strategis".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ... import fmt
from ..._values import missing
from ...data.model import LOKASI
from ..tables.perencanaan import versi_pk
from ._kata import _daftar, _kec, _klausa, _periode, _versi_label

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["paragraf_iku", "paragraf_pk", "paragraf_renstra", "paragraf_rkt"]

def _jumlah(n: int, benda: str) -> str:
    """``4 (empat) sasaran strategis``; ``tidak ada sasaran strategis`` for 0."""
    if n == 0:
        return f"tidak ada {benda}"
    return f"{fmt.angka(n)} ({fmt.terbilang(n).lower()}) {benda}"


def _frame(lap: Laporan, name: str) -> pd.DataFrame:
    return lap.ds.df(name).drop(columns=[LOKASI], errors="ignore")


def _versions(text: Any) -> set[str]:
    return {p.strip() for p in str(text or "").split(",") if p.strip()}


def _dokumen(lap: Laporan, jenis: str) -> dict[str, Any]:
    """The ``dokumen`` row of ``jenis`` with missing values as None; {} when there is none."""
    df = _frame(lap, "dokumen")
    hit = df[df["jenis"] == jenis]
    return {} if hit.empty else {str(k): (None if missing(v) else v) for k, v in hit.iloc[0].items()}


def _ditandatangani(d: dict[str, Any]) -> str:
    """``" yang ditandatangani di Jember pada tanggal 21 November 2023"``; only what is known; ``""``."""
    tempat = "" if missing(d.get("tempat")) else f" di {_klausa(d['tempat'])}"
    tanggal = "" if missing(d.get("tanggal")) else f" pada tanggal {fmt.tanggal(d['tanggal'])}"
    return f" yang ditandatangani{tempat}{tanggal}" if tempat or tanggal else ""


def _target_tahun(lap: Laporan, versi: str) -> pd.DataFrame:
    tgt = _frame(lap, "target")
    return tgt[(tgt["versi"] == versi) & (tgt["tahun"] == lap.tahun)]


def _sama(a: Any, b: Any) -> bool:
    """Two target values are the same (letters case-blind, numbers to 9 decimals)."""
    if missing(a) or missing(b):
        return missing(a) and missing(b)
    if isinstance(a, str) or isinstance(b, str):
        return str(a).strip().upper() == str(b).strip().upper()
    return round(float(a), 9) == round(float(b), 9)


# --------------------------------------------------------------------------- A. Renstra
def _isi_renstra(lap: Laporan, versi: str) -> tuple[int, int, int]:
    """(tujuan, sasaran, indikator sasaran) of one Renstra version, counted as Tabel 2.1 shows them."""
    tujuan, sasaran, ind = _frame(lap, "tujuan"), _frame(lap, "sasaran"), _frame(lap, "indikator")
    sas = sasaran[[versi in _versions(v) for v in sasaran["versi"]]]
    n_tujuan = sum(versi in _versions(t.versi) or t.kode in set(sas["kode_tujuan"]) for t in tujuan.itertuples())
    mine = ind[[versi in _versions(v) and not missing(k) for v, k in zip(ind["versi"], ind["kode_sasaran"], strict=True)]]
    return n_tujuan, len(sas), int(mine["kode_sasaran"].isin(sas["kode"]).sum())


def paragraf_renstra(lap: Laporan) -> list[str]:
    """BAB II A: what the Renstra is, its period and versions, what each version holds, the target version used."""
    ds = lap.ds
    periode = _periode(ds)
    nama = f"Rencana Strategis (Renstra) {_kec(ds)}" + (f" Tahun {periode}" if periode else "")
    i = ds.instansi
    rpjmd = any(not missing(i.get(k)) for k in ("misi_rpjmd", "tujuan_rpjmd", "sasaran_rpjmd"))
    acuan = (f", yang disusun dengan mengacu pada Rencana Pembangunan Jangka Menengah Daerah (RPJMD) "
             f"Kabupaten {ds.kabupaten}") if rpjmd else ""
    out = [
        f"{nama} memuat tujuan, sasaran strategis, indikator kinerja serta target kinerja jangka menengah "
        f"{_kec(ds)}{acuan}. Renstra menjadi acuan dalam pengelolaan sumber daya agar pencapaian tujuan dan "
        f"sasaran organisasi lebih terarah dan terkendali."
    ]
    used = set()
    for name in ("tujuan", "sasaran", "indikator"):
        for v in _frame(lap, name)["versi"]:
            used |= _versions(v)
    versions = [v for v in ("awal", "perubahan") if v in used]
    isi = {v: _isi_renstra(lap, v) for v in versions}
    uraian = {
        v: f"{_jumlah(t, 'tujuan')}, {_jumlah(s, 'sasaran strategis')} dan {_jumlah(n, 'indikator sasaran')}"
        for v, (t, s, n) in isi.items()
    }
    if len(versions) == 2:
        out.append(
            f"Renstra tersebut telah mengalami perubahan. Sebelum perubahan, Renstra memuat {uraian['awal']}; "
            f"setelah perubahan (Renstra Perubahan), Renstra memuat {uraian['perubahan']}."
        )
    elif versions:
        v = versions[0]
        label = "Renstra Perubahan" if v == "perubahan" else "Renstra tersebut"
        out.append(f"{label} memuat {uraian[v]}.")
    diukur = lap.indikator_diukur
    target = _versi_label(ds, lap.versi_target)
    if diukur.empty:
        out.append(f"Capaian kinerja tahun {ds.tahun} diukur terhadap target {target}; belum ada indikator "
                   f"yang memiliki target tersebut.")
    else:
        out.append(
            f"Capaian kinerja tahun {ds.tahun} dalam laporan ini diukur terhadap target {target}: "
            f"{_jumlah(len(diukur), 'indikator')} pada {_jumlah(diukur['kode_sasaran'].nunique(), 'sasaran strategis')} "
            f"memiliki target tersebut."
        )
    return out


# --------------------------------------------------------------------------- B. RKT
def paragraf_rkt(lap: Laporan) -> list[str]:
    """BAB II B: what the RKT is, its year and signing, the programs behind it, where its targets come from."""
    ds = lap.ds
    out = [
        f"Rencana Kinerja Tahunan (RKT) merupakan penjabaran sasaran dan program yang telah ditetapkan dalam "
        f"Rencana Strategis ke dalam rencana kinerja satu tahun, yang dilaksanakan oleh {_kec(ds)} melalui "
        f"program, kegiatan dan sub kegiatan."
    ]
    d = _dokumen(lap, "rkt")
    n_prog, n_keg, n_sub = (len(_frame(lap, t)) for t in ("program", "kegiatan", "sub_kegiatan"))
    kegiatan = _daftar([x for x in (
        _jumlah(n_prog, "program") if n_prog else "",
        _jumlah(n_keg, "kegiatan") if n_keg else "",
        _jumlah(n_sub, "sub kegiatan") if n_sub else "",
    ) if x])
    text = (f"RKT {_kec(ds)} Tahun {ds.tahun}{_ditandatangani(d)} memuat sasaran yang hendak dicapai pada tahun "
            f"{ds.tahun}, indikator kinerja sasaran beserta targetnya, serta program, kegiatan dan sub kegiatan "
            f"pendukungnya.")
    if kegiatan:
        text += f" Pencapaian sasaran tahun {ds.tahun} didukung oleh {kegiatan}."
    out.append(text)
    rkt = set(_target_tahun(lap, "rkt")["kode_indikator"])
    diukur = set(lap.indikator_diukur["kode_indikator"])
    tanpa = len(diukur - rkt)
    if rkt:
        text = f"Target RKT tahun {ds.tahun} tercatat untuk {_jumlah(len(rkt), 'indikator sasaran')}."
    else:
        text = f"Target RKT tahun {ds.tahun} belum tersedia."
    if tanpa and lap.versi_target != "rkt":
        text += (f" Sebanyak {_jumlah(tanpa, 'indikator')} yang diukur dalam laporan ini tidak memiliki target RKT "
                 f"tahun {ds.tahun}; untuk indikator tersebut dipakai target {_versi_label(ds, lap.versi_target)}.")
    out.append(text)
    return out


# --------------------------------------------------------------------------- C. IKU
def _keputusan(lap: Laporan) -> str:
    """``"Keputusan Camat Umbulsari Nomor ... tanggal 15 Maret 2023"``; ``""`` without number and date."""
    d = _dokumen(lap, "sk_iku")
    nomor = "" if missing(d.get("nomor")) else f" Nomor {_klausa(d['nomor'])}"
    tanggal = "" if missing(d.get("tanggal")) else f" tanggal {fmt.tanggal(d['tanggal'])}"
    return f"Keputusan Camat {lap.kecamatan}{nomor}{tanggal}" if nomor or tanggal else ""


def paragraf_iku(lap: Laporan) -> list[str]:
    """BAB II C: what the IKU are, how many and by which decree, how many are measured this year."""
    ds = lap.ds
    out = [
        "Indikator Kinerja Utama (IKU) merupakan ukuran keberhasilan yang menggambarkan kinerja utama perangkat "
        "daerah sesuai dengan tugas, fungsi dan mandat yang diemban."
    ]
    ind = _frame(lap, "indikator")
    iku = ind[[v is True for v in ind["iku"]]]
    if iku.empty:
        out.append(f"IKU {_kec(ds)} belum tercatat.")
        return out
    sk = _keputusan(lap)
    text = f"IKU {_kec(ds)} terdiri atas {_jumlah(len(iku), 'indikator')}"
    text += f" yang ditetapkan dengan {sk}." if sk else "."
    n_tujuan = int(iku["kode_sasaran"].map(missing).sum())
    if n_tujuan:
        text += f" Dari jumlah tersebut, {_jumlah(n_tujuan, 'indikator')} merupakan indikator tujuan."
    out.append(text)
    diukur = int(iku["kode"].isin(lap.indikator_diukur["kode_indikator"]).sum())
    target = _versi_label(ds, lap.versi_target)
    text = (f"Sebanyak {_jumlah(diukur, 'IKU')} memiliki target {target} dan diukur capaiannya pada BAB III."
            if diukur else f"Belum ada IKU yang memiliki target {target}.")
    if 0 < diukur < len(iku):
        text += (f" Sebanyak {_jumlah(len(iku) - diukur, 'IKU')} lainnya tidak memiliki target tersebut "
                 f"sehingga tidak diukur dalam laporan ini.")
    out.append(text)
    return out


# --------------------------------------------------------------------------- D. PK
def paragraf_pk(lap: Laporan) -> list[str]:
    """BAB II D: what the PK is, its version and signing, its content, changes from PK awal and Renstra, budget."""
    ds = lap.ds
    out = [
        "Perjanjian Kinerja (PK) berisikan penugasan dari pimpinan instansi yang lebih tinggi kepada pimpinan "
        "instansi yang lebih rendah untuk melaksanakan program dan kegiatan yang disertai dengan indikator "
        "kinerja beserta targetnya."
    ]
    versi = versi_pk(lap)
    if versi is None:
        out.append(f"Target Perjanjian Kinerja tahun {ds.tahun} belum tersedia.")
        return out
    d = _dokumen(lap, versi)
    pihak = ""
    if not missing(d.get("pihak1_jabatan")) and not missing(d.get("pihak2_jabatan")):
        pihak = f" antara {_klausa(d['pihak1_jabatan'])} dan {_klausa(d['pihak2_jabatan'])}"
    tgt = _target_tahun(lap, versi)
    ind = _frame(lap, "indikator").set_index("kode")
    tgt = tgt[tgt["kode_indikator"].isin(ind.index)]
    sasaran = ind.loc[tgt["kode_indikator"], "kode_sasaran"].dropna().nunique()
    text = (f"{_versi_label(ds, versi)} {_kec(ds)}{pihak}{_ditandatangani(d)} memuat "
            f"{_jumlah(sasaran, 'sasaran strategis')} dengan {_jumlah(len(tgt), 'indikator kinerja')} beserta "
            f"targetnya.")
    if versi != lap.versi_target:
        text += f" Capaian kinerja dalam laporan ini diukur terhadap target {_versi_label(ds, lap.versi_target)}."
    out.append(text)
    compare = []
    if versi == "pk_perubahan":
        awal = dict(zip(*[_target_tahun(lap, "pk_awal")[c] for c in ("kode_indikator", "nilai")], strict=True))
        if awal:
            kodes = list(tgt["kode_indikator"])
            berubah = sum(k not in awal or not _sama(awal[k], v) for k, v in zip(kodes, tgt["nilai"], strict=True))
            berubah += len(set(awal) - set(kodes))
            compare.append(
                f"target PK Perubahan sama dengan target PK awal tahun {ds.tahun}" if not berubah
                else f"sebanyak {_jumlah(berubah, 'target')} PK Perubahan berbeda dari target PK awal tahun {ds.tahun}"
            )
    label, renstra = "Renstra Perubahan", _target_tahun(lap, "renstra_perubahan")
    if renstra.empty:
        label, renstra = "Renstra", _target_tahun(lap, "renstra_awal")
    acuan = dict(zip(renstra["kode_indikator"], renstra["nilai"], strict=True))
    pairs = [(acuan[k], v) for k, v in zip(tgt["kode_indikator"], tgt["nilai"], strict=True) if k in acuan]
    if pairs:
        beda = sum(not _sama(a, b) for a, b in pairs)
        sama = len(pairs) - beda
        if sama:
            clause = f"target {_jumlah(sama, 'indikator')} sama dengan target {label} tahun {ds.tahun}"
            clause += f", sedangkan target {_jumlah(beda, 'indikator')} berbeda" if beda else ""
        else:
            clause = f"target {_jumlah(beda, 'indikator')} berbeda dari target {label} tahun {ds.tahun}"
        compare.append(clause)
    if compare:
        text = "; ".join(compare)
        out.append(f"{text[0].upper()}{text[1:]}.")
    tree = lap.anggaran_tree
    total = tree.loc[tree["level"] == "total", "pagu"]
    if len(total) and not missing(total.iloc[0]) and int(total.iloc[0]) > 0:
        pagu = int(total.iloc[0])
        sumber = ds.anggaran.get("sumber_dana")
        dari = f" yang bersumber dari {_klausa(sumber)}" if not missing(sumber) else ""
        out.append(
            f"Guna mewujudkan kinerja yang telah diperjanjikan, {_kec(ds)} didukung anggaran program tahun "
            f"{ds.tahun} sebesar {fmt.rupiah(pagu)} ({fmt.terbilang_rupiah(pagu)}){dari}."
        )
    return out
