"""Number, title and "Sumber data" line of every report table and diagram, and :func:`tampil`.

The numbering follows the reference report (Tabel 1.1-1.3, 3.1-3.8) and extends it
where the reference leaves tables unnumbered (Tabel 1.4-1.5, 2.1-2.5, Lampiran L1-L6).
Titles and sources are computed from the data set (kecamatan, year, target version,
document numbers), so a notebook cell is one call::

    tables.tampil("pengukuran_kinerja", ds, settings)
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import great_tables as gt

from .. import fmt
from ..data.model import DataSet
from ..report import figures as laporan
from ..report.figures import indikator_diukur, versi_target
from ..rules.settings import Settings, load_settings
from . import display
from .tables import anggaran, bagan, kinerja, lampiran, perencanaan, profil
from .tables._dasar import VERSI_LABEL, frame, missing, slug

__all__ = ["KATALOG", "Entri", "tampil"]

Teks = Callable[[DataSet, Settings], str]


@dataclass(frozen=True)
class Entri:
    """One table or diagram of the report.

    ``masukan`` says what the function takes: ``"ds"``, ``"ds+settings"`` or ``"settings"``.
    ``kosong`` is the sentence shown when the function returns None (e.g. no awards).
    ``melintang`` prints the table on landscape A4 pages (wide matrices of the Lampiran).
    """

    fungsi: Callable[..., Any]
    nomor: str
    judul: Teks
    sumber: Teks | None = None
    masukan: str = "ds"
    jenis: str = "tabel"  # "tabel" (GT) or "gambar" (HTML diagram)
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    kosong: Teks | None = None
    melintang: bool = False


# ---------------------------------------------------------------- title helpers
def _k(ds: DataSet) -> str:
    return ds.kecamatan


def _periode(ds: DataSet) -> str:
    return f"{ds.instansi.get('renstra_awal', '')}-{ds.instansi.get('renstra_akhir', '')}"


def _versi(ds: DataSet) -> str:
    v = versi_target(ds)
    return VERSI_LABEL.get(v, v)


def _sumber_kinerja(ds: DataSet, _: Settings) -> str:
    sources = [str(s) for s in dict.fromkeys(indikator_diukur(ds)["sumber_data"]) if not missing(s)]
    extra = f", {', '.join(sources)}" if sources else ""
    return f"Sumber data: {_versi(ds)} {ds.tahun}, data realisasi kinerja tahun {ds.tahun}{extra}"


def _sumber_tahun(ds: DataSet, settings: Settings) -> str:
    """The target versions actually used per year (``PK Perubahan 2022-2023``) and the realisasi years."""
    df = laporan.perbandingan_tahun(ds, settings)
    if df.empty:
        return f"Sumber data: {_versi(ds)} {ds.tahun}, data realisasi kinerja tahun {ds.tahun}"
    parts = []
    for versi, grp in df.dropna(subset=["versi"]).groupby("versi", sort=False):
        years = sorted({int(y) for y in grp["tahun"]})
        span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
        parts.append(f"{VERSI_LABEL.get(str(versi), versi)} {span}")
    real = sorted({int(y) for y, v in zip(df["tahun"], df["realisasi"], strict=True) if not missing(v)})
    real_text = "" if not real else (str(real[0]) if len(real) == 1 else f"{real[0]}-{real[-1]}")
    head = ", ".join(parts) or _versi(ds)
    return f"Sumber data: {head}, data realisasi kinerja tahun {real_text or ds.tahun}"


def _sumber_pembanding(ds: DataSet, _: Settings) -> str:
    pb = frame(ds, "pembanding", [])
    levels = [str(x) for x in dict.fromkeys(pb.loc[pb["tahun"] == ds.tahun, "tingkat"])]
    what = f"; nilai pembanding tingkat {', '.join(levels)} tahun {ds.tahun}" if levels else ""
    return f"Sumber data: data realisasi kinerja tahun {ds.tahun}{what}"


def _judul_pembanding(ds: DataSet, _: Settings) -> str:
    pb = frame(ds, "pembanding", [])
    order = ["kabupaten", "provinsi", "nasional"]
    have = [
        x
        for x in order
        if (pb["tahun"] == ds.tahun).any() and x in set(pb.loc[pb["tahun"] == ds.tahun, "tingkat"])
    ]
    names = " dan ".join(x.capitalize() for x in have) if have else "Nasional"
    return f"Perbandingan Realisasi Kinerja Tahun {ds.tahun} dengan Realisasi {names}"


def _sumber_anggaran(ds: DataSet, _: Settings) -> str:
    a = ds.anggaran
    parts = ["Sumber data: realisasi anggaran"]
    if a.get("sumber_dana"):
        parts.append(str(a["sumber_dana"]))
    if a.get("tanggal_realisasi"):
        parts.append(f"per {fmt.tanggal(a['tanggal_realisasi'])}")
    text = " ".join(parts)
    if a.get("status_audit"):
        text += f" ({a['status_audit']})"
    return text


def _dokumen(ds: DataSet, jenis: str) -> dict[str, Any] | None:
    df = frame(ds, "dokumen", [])
    hit = df[df["jenis"] == jenis]
    return None if hit.empty else dict(hit.iloc[0])


def _sumber_iku(ds: DataSet, _: Settings) -> str:
    d = _dokumen(ds, "sk_iku")
    if d and not missing(d.get("nomor")):
        who = d.get("pihak1_jabatan") or f"Camat {ds.kecamatan}"
        when = f" tanggal {fmt.tanggal(d.get('tanggal'))}" if not missing(d.get("tanggal")) else ""
        return f"Sumber data: Keputusan {who} Nomor {d['nomor']}{when} tentang Indikator Kinerja Utama"
    return f"Sumber data: Indikator Kinerja Utama Kecamatan {ds.kecamatan}"


def _nama_pk(ds: DataSet) -> str:
    v = perencanaan.versi_pk(ds)
    return VERSI_LABEL.get(v, "PK").replace("PK", "Perjanjian Kinerja") if v else "Perjanjian Kinerja"


def _sumber_pk(ds: DataSet, _: Settings) -> str:
    v = perencanaan.versi_pk(ds)
    d = _dokumen(ds, v) if v else None
    when = f" (ditandatangani {fmt.tanggal(d.get('tanggal'))})" if d and not missing(d.get("tanggal")) else ""
    return f"Sumber data: {_nama_pk(ds)} Tahun {ds.tahun}{when}"


def _sumber_renstra(ds: DataSet, _: Settings) -> str:
    versions = set()
    for name in ("tujuan", "sasaran"):
        for v in frame(ds, name, [])["versi"]:
            versions |= {p.strip() for p in str(v or "").split(",")}
    docs = " dan ".join(
        x for x, key in (("Renstra", "awal"), ("Renstra Perubahan", "perubahan")) if key in versions
    )
    return f"Sumber data: {docs or 'Renstra'} Kecamatan {ds.kecamatan} {_periode(ds)}"


def _sumber_rkt(ds: DataSet, _: Settings) -> str:
    d = _dokumen(ds, "rkt")
    when = f" ({fmt.tanggal(d.get('tanggal'))})" if d and not missing(d.get("tanggal")) else ""
    return f"Sumber data: RKT Kecamatan {ds.kecamatan} Tahun {ds.tahun}{when}; DPA {ds.tahun}"


def _c(text: str) -> Teks:
    """A constant (or ds-formatted) title: ``{k}`` kecamatan, ``{t}`` year, ``{p}`` Renstra period."""
    return lambda ds, _s: text.format(k=_k(ds), t=ds.tahun, p=_periode(ds), v=_versi(ds))


_PERIODE = "Periode Januari-Desember {t}"

KATALOG: dict[str, Entri] = {
    # ---------------------------------------------------------------- BAB I
    "asn_jabatan": Entri(
        profil.asn_jabatan,
        "Tabel 1.1",
        _c("Jumlah ASN Kecamatan {k} berdasarkan Jabatan " + _PERIODE),
        _c("Sumber data: data kepegawaian Kecamatan {k} tahun {t}"),
    ),
    "asn_golongan": Entri(
        profil.asn_golongan,
        "Tabel 1.2",
        _c("Jumlah ASN Kecamatan {k} berdasarkan Pangkat/Golongan Ruang " + _PERIODE),
        _c("Sumber data: data kepegawaian Kecamatan {k} tahun {t}"),
    ),
    "pegawai_pendidikan": Entri(
        profil.pegawai_pendidikan,
        "Tabel 1.3",
        _c("Jumlah ASN dan Non ASN Kecamatan {k} berdasarkan Latar Belakang Pendidikan " + _PERIODE),
        _c("Sumber data: data kepegawaian Kecamatan {k} tahun {t}"),
    ),
    "profil_wilayah": Entri(
        profil.profil_wilayah,
        "Tabel 1.4",
        _c("Profil Wilayah Kecamatan {k}"),
        lambda ds, _s: f"Sumber data: {ds.profil.get('sumber') or 'profil Kecamatan ' + ds.kecamatan}",
    ),
    "daftar_desa": Entri(
        profil.daftar_desa,
        "Tabel 1.5",
        _c("Desa di Wilayah Kecamatan {k} dan Statusnya"),
        _c("Sumber data: status desa menurut Indeks Desa Membangun, Kecamatan {k}"),
    ),
    "bagan_organisasi": Entri(
        bagan.bagan_organisasi,
        "Gambar 1.1",
        _c("Bagan Susunan Organisasi Kecamatan {k}"),
        lambda ds, _s: f"Sumber data: {ds.instansi.get('dasar_hukum_organisasi') or 'susunan organisasi'}",
        jenis="gambar",
    ),
    # ---------------------------------------------------------------- BAB II
    "matriks_renstra": Entri(
        perencanaan.matriks_renstra,
        "Tabel 2.1",
        _c("Matriks Tujuan dan Sasaran Rencana Strategis Kecamatan {k} Tahun {p}"),
        _sumber_renstra,
    ),
    "pohon_kinerja": Entri(
        bagan.pohon_kinerja,
        "Gambar 2.1",
        _c("Cascading Kinerja Kecamatan {k} Tahun {t}"),
        _c("Sumber data: Renstra Kecamatan {k} {p}, {v} {t}, DPA {t}"),
        jenis="gambar",
    ),
    "indikator_kinerja_utama": Entri(
        perencanaan.indikator_kinerja_utama,
        "Tabel 2.2",
        _c("Indikator Kinerja Utama Kecamatan {k}"),
        _sumber_iku,
    ),
    "perjanjian_kinerja": Entri(
        perencanaan.perjanjian_kinerja,
        "Tabel 2.3",
        lambda ds, _s: f"{_nama_pk(ds)} Kecamatan {ds.kecamatan} Tahun {ds.tahun}",
        _sumber_pk,
    ),
    "anggaran_perjanjian_kinerja": Entri(
        perencanaan.anggaran_perjanjian_kinerja,
        "Tabel 2.4",
        _c("Program dan Anggaran Pendukung Perjanjian Kinerja Tahun {t}"),
        _sumber_anggaran,
    ),
    "perubahan_perjanjian_kinerja": Entri(
        perencanaan.perubahan_perjanjian_kinerja,
        "Tabel 2.5",
        _c("Perubahan Target Perjanjian Kinerja Tahun {t}"),
        _c("Sumber data: Perjanjian Kinerja dan Perjanjian Kinerja Perubahan Tahun {t}"),
    ),
    # ---------------------------------------------------------------- BAB III
    "skala_predikat": Entri(
        kinerja.skala_predikat,
        "",
        _c("Skala Predikat Capaian Kinerja"),
        lambda _d, s: f"Sumber: pengaturan laporan, skala {s.skala.nama}",
        masukan="settings",
    ),
    "rumus_capaian": Entri(
        kinerja.rumus_capaian,
        "",
        _c("Cara Menghitung Capaian Kinerja"),
        lambda _d, s: f"Sumber: pengaturan laporan ({', '.join(s.sumber) or 'params/default.yaml'})",
        masukan="settings",
    ),
    "pengukuran_kinerja": Entri(
        kinerja.pengukuran_kinerja,
        "Tabel 3.1",
        _c("Pengukuran Realisasi Kinerja Tahun {t} (sesuai {v} {t})"),
        _sumber_kinerja,
        masukan="ds+settings",
    ),
    "perbandingan_tahun": Entri(
        kinerja.perbandingan_tahun,
        "Tabel 3.2",
        _c("Perbandingan Capaian Kinerja Sasaran Tahun {t} dengan Tahun Sebelumnya"),
        _sumber_tahun,
        masukan="ds+settings",
    ),
    "perbandingan_renstra": Entri(
        kinerja.perbandingan_renstra,
        "Tabel 3.3",
        _c("Perbandingan Realisasi Kinerja Tahun {t} dengan Target Akhir Rencana Strategis {p}"),
        _c("Sumber data: Renstra Perubahan {p}, data realisasi kinerja sampai tahun {t}"),
        masukan="ds+settings",
    ),
    "perbandingan_pembanding": Entri(
        kinerja.perbandingan_pembanding,
        "Tabel 3.4",
        _judul_pembanding,
        _sumber_pembanding,
        masukan="ds+settings",
    ),
    "ikhtisar_capaian": Entri(
        kinerja.ikhtisar_capaian,
        "Tabel 3.5",
        _c("Ikhtisar Capaian Kinerja Tahun {t}"),
        _c("Sumber data: Tabel 3.1"),
        masukan="ds+settings",
    ),
    "program_pendukung": Entri(
        kinerja.program_pendukung,
        "Tabel 3.6",
        _c("Target dan Realisasi Program dan Kegiatan Pendukung Sasaran Kecamatan {k} Tahun {t}"),
        lambda ds, s: _sumber_anggaran(ds, s) + f"; laporan output sub kegiatan {ds.tahun}",
    ),
    "efisiensi_sumber_daya": Entri(
        anggaran.efisiensi_sumber_daya,
        "Tabel 3.7",
        _c("Efisiensi Penggunaan Sumber Daya Tahun {t}"),
        _c("Sumber data: Tabel 3.1 dan Tabel 3.8"),
        masukan="ds+settings",
    ),
    "realisasi_anggaran": Entri(
        anggaran.realisasi_anggaran,
        "Tabel 3.8",
        _c("Realisasi Anggaran per Program Tahun {t}"),
        _sumber_anggaran,
    ),
    # ---------------------------------------------------------------- LAMPIRAN
    "matriks_renstra_lengkap": Entri(
        perencanaan.matriks_renstra,
        "Tabel L1",
        _c("Matriks Tujuan, Sasaran, Strategi dan Kebijakan Rencana Strategis Kecamatan {k} {p}"),
        _sumber_renstra,
        kwargs={"lengkap": True},
        melintang=True,
    ),
    "rencana_kinerja_tahunan": Entri(
        perencanaan.rencana_kinerja_tahunan,
        "Tabel L2",
        _c("Rencana Kinerja Tahunan (RKT) Kecamatan {k} Tahun {t}"),
        _sumber_rkt,
        melintang=True,
    ),
    "perjanjian_kinerja_lampiran": Entri(
        perencanaan.perjanjian_kinerja,
        "Tabel L3.1",
        lambda ds, _s: f"Sasaran, Indikator dan Target {_nama_pk(ds)} Tahun {ds.tahun}",
        _sumber_pk,
    ),
    "anggaran_perjanjian_kinerja_lampiran": Entri(
        perencanaan.anggaran_perjanjian_kinerja,
        "Tabel L3.2",
        _c("Program dan Anggaran Perjanjian Kinerja Tahun {t}"),
        _sumber_anggaran,
    ),
    "indikator_kinerja_utama_lampiran": Entri(
        perencanaan.indikator_kinerja_utama,
        "Tabel L4",
        _c("Indikator Kinerja Utama Kecamatan {k}"),
        _sumber_iku,
    ),
    "penghargaan": Entri(
        lampiran.penghargaan,
        "Tabel L5",
        _c("Penghargaan yang Diraih Tahun {t}"),
        _c("Sumber data: penghargaan Kecamatan {k} tahun {t}"),
        kosong=_c("Tidak ada penghargaan pada tahun {t}."),
    ),
    "daftar_pemeriksaan": Entri(
        lampiran.daftar_pemeriksaan,
        "Tabel L6.1",
        _c("Daftar Pemeriksaan Konsistensi Data Set (lkip check)"),
        _c("Sumber: pemeriksaan otomatis data set Kecamatan {k} tahun {t}"),
        masukan="ds+settings",
    ),
    "temuan_pemeriksaan": Entri(
        lampiran.temuan_pemeriksaan,
        "Tabel L6.2",
        _c("Temuan Pemeriksaan Data Set Kecamatan {k} Tahun {t}"),
        _c("Sumber: lkip check pada data set Kecamatan {k} tahun {t}"),
        masukan="ds+settings",
    ),
}


def _args(entri: Entri, ds: DataSet, settings: Settings | None) -> tuple[Any, ...]:
    if entri.masukan == "ds":
        return (ds,)
    settings = settings or load_settings()
    return (settings,) if entri.masukan == "settings" else (ds, settings)


def _gambar_html(body: str, nomor: str, judul: str, sumber: str | None) -> display.Tampilan:
    """An HTML diagram as a numbered figure (listed in the Daftar Gambar like a chart)."""
    fig_id = slug(nomor or f"gambar {judul}")
    e = html.escape
    caption = (
        f'<figcaption class="lkip-judul"><span class="lkip-nomor">{e(nomor)}</span> '
        f'<span class="lkip-judul-teks">{e(judul)}</span></figcaption>'
    )
    source = f'<p class="lkip-sumber">{e(sumber)}</p>' if sumber else ""
    markup = (
        f'<figure class="lkip-gambar" id="{fig_id}" data-nomor="{e(nomor)}" data-judul="{e(judul)}">'
        f'{caption}<div class="lkip-gambar-lepas">{body}</div>{source}</figure>'
    )
    meta = {"lkip": {"jenis": "gambar", "id": fig_id, "nomor": nomor, "judul": judul}}
    return display.Tampilan(markup, f"{nomor} {judul}", metadata=meta)


def tampil(kunci: str, ds: DataSet, settings: Settings | None = None) -> display.Tampilan:
    """Show table (or diagram) ``kunci`` of :data:`KATALOG` with its number, title and source.

    ``settings`` defaults to ``params/default.yaml`` for the entries that need it.  A
    function returning None shows the entry's ``kosong`` sentence, or nothing.
    """
    try:
        entri = KATALOG[kunci]
    except KeyError:
        msg = f"tabel '{kunci}' tidak dikenal; pilihan: {', '.join(KATALOG)}"
        raise KeyError(msg) from None
    settings_ = settings or (load_settings() if entri.masukan != "ds" else None)
    hasil = entri.fungsi(*_args(entri, ds, settings_), **entri.kwargs)
    s = settings_ or Settings()
    judul = entri.judul(ds, s)
    sumber = entri.sumber(ds, s) if entri.sumber else None
    if hasil is None:
        return display.paragraf(entri.kosong(ds, s)) if entri.kosong else display.Tampilan("", "")
    if entri.jenis == "gambar":
        return _gambar_html(str(hasil), entri.nomor, judul, sumber)
    if isinstance(hasil, gt.GT):
        hasil = hasil.with_id(f"{slug(entri.nomor or judul)}-gt")
    shown = display.tabel(hasil, entri.nomor, judul, sumber)
    return display.melintang(shown) if entri.melintang else shown
