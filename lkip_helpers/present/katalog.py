"""Number, title and "Sumber data" line of every table, diagram and chart of the report, and :func:`tampil`.

The numbering follows the reference report (Tabel 1.1-1.3, 3.1-3.8, Gambar 3.1-3.4) and
extends it where the reference leaves tables unnumbered (Tabel 1.4-1.5, 2.1-2.5,
Lampiran L1-L6).  This catalogue is the only place where a number is given: titles,
sources that cite other tables ("Sumber data: Tabel 3.1") and the Daftar Tabel/Gambar
all come from it.  Titles and sources are computed from the report (kecamatan, year,
target version, document numbers), so a notebook cell is one call::

    tampil(lap, "pengukuran_kinerja")      # Tabel 3.1
    tampil(lap, "capaian_indikator")       # Gambar 3.1
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import great_tables as gt

from .. import fmt
from . import charts, display
from ._judul import (
    Teks,
    _c,
    _judul_pembanding,
    _nama_pk,
    _sumber_anggaran,
    _sumber_iku,
    _sumber_kinerja,
    _sumber_pembanding,
    _sumber_pk,
    _sumber_renstra,
    _sumber_rkt,
    _sumber_tahun,
)
from .tables import anggaran, bagan, ikm, kinerja, lampiran, pemeriksaan, perencanaan, profil, program
from .tables._dasar import slug

if TYPE_CHECKING:
    from ..report.laporan import Laporan

__all__ = ["KATALOG", "Entri", "nomor", "tampil"]



@dataclass(frozen=True)
class Entri:
    """One table, diagram or chart of the report.

    ``fungsi`` takes the report and returns a ``GT`` (``jenis="tabel"``), an HTML string
    (``"gambar"``: a diagram such as the organisation chart) or an Altair chart
    (``"grafik"``).  ``kosong`` is the sentence shown when it returns None (e.g. no
    awards).  ``melintang`` prints the table on landscape A4 pages.  ``data`` names the
    data set's tables the entry shows: a draft marks it with their open findings.
    """

    fungsi: Callable[..., Any]
    nomor: str
    judul: Teks
    sumber: Teks | None = None
    jenis: str = "tabel"  # "tabel" (GT), "gambar" (HTML diagram) or "grafik" (Altair chart)
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    kosong: Teks | None = None
    melintang: bool = False
    data: tuple[str, ...] = ()  # the data set's tables it shows: their open findings are marked in a draft


# ---------------------------------------------------------------- sources citing other entries
def _tabel(*kunci: str, ulang: bool = False) -> str:
    """The numbers of catalogue entries as cited in a source line: ``Tabel 1.1, 1.2 dan 1.3``.

    ``ulang`` repeats the word: ``Tabel 3.1 dan Tabel 3.8``.
    """
    numbers = [KATALOG[k].nomor for k in kunci]
    if not ulang:
        word = numbers[0].split(" ")[0]
        numbers = [numbers[0], *(n.removeprefix(f"{word} ") for n in numbers[1:])]
    return numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} dan {numbers[-1]}"


def _dari(*kunci: str, ulang: bool = False) -> Teks:
    """A "Sumber data" line citing other entries of the catalogue."""
    return lambda _lap: f"Sumber data: {_tabel(*kunci, ulang=ulang)}"


_PERIODE = "Periode Januari-Desember {t}"

KATALOG: dict[str, Entri] = {
    # ---------------------------------------------------------------- BAB I
    "asn_jabatan": Entri(
        profil.asn_jabatan,
        "Tabel 1.1",
        _c("Jumlah ASN Kecamatan {k} berdasarkan Jabatan " + _PERIODE),
        _c("Sumber data: data kepegawaian Kecamatan {k} tahun {t}"),
        data=("sdm_jabatan",),
    ),
    "asn_golongan": Entri(
        profil.asn_golongan,
        "Tabel 1.2",
        _c("Jumlah ASN Kecamatan {k} berdasarkan Pangkat/Golongan Ruang " + _PERIODE),
        _c("Sumber data: data kepegawaian Kecamatan {k} tahun {t}"),
        data=("sdm_golongan",),
    ),
    "pegawai_pendidikan": Entri(
        profil.pegawai_pendidikan,
        "Tabel 1.3",
        _c("Jumlah ASN dan Non ASN Kecamatan {k} berdasarkan Latar Belakang Pendidikan " + _PERIODE),
        _c("Sumber data: data kepegawaian Kecamatan {k} tahun {t}"),
        data=("sdm_pendidikan",),
    ),
    "profil_wilayah": Entri(
        profil.profil_wilayah,
        "Tabel 1.4",
        _c("Profil Wilayah Kecamatan {k}"),
        lambda lap: f"Sumber data: {lap.ds.profil.get('sumber') or 'profil Kecamatan ' + lap.kecamatan}",
        data=('profil', 'mata_pencaharian'),
    ),
    "daftar_desa": Entri(
        profil.daftar_desa,
        "Tabel 1.5",
        _c("Desa di Wilayah Kecamatan {k} dan Statusnya"),
        _c("Sumber data: status desa di wilayah Kecamatan {k} tahun {t}"),
        data=("desa",),
    ),
    "komposisi_pegawai": Entri(
        charts.komposisi_pegawai,
        "Gambar 1.2",
        _c("Komposisi Pegawai Kecamatan {k} Tahun {t}"),
        _dari("asn_jabatan", "asn_golongan", "pegawai_pendidikan"),
        jenis="grafik",
        data=('sdm_jabatan', 'sdm_golongan', 'sdm_pendidikan'),
    ),
    "status_desa": Entri(
        charts.status_desa,
        "Gambar 1.3",
        _c("Status Desa di Kecamatan {k}"),
        _dari("daftar_desa"),
        jenis="grafik",
        data=("desa",),
    ),
    "bagan_organisasi": Entri(
        bagan.bagan_organisasi,
        "Gambar 1.1",
        _c("Bagan Susunan Organisasi Kecamatan {k}"),
        lambda lap: f"Sumber data: {lap.ds.instansi.get('dasar_hukum_organisasi') or 'susunan organisasi'}",
        jenis="gambar",
        data=("organisasi",),
    ),
    # ---------------------------------------------------------------- BAB II
    "matriks_renstra": Entri(
        perencanaan.matriks_renstra,
        "Tabel 2.1",
        _c("Matriks Tujuan dan Sasaran Rencana Strategis Kecamatan {k} Tahun {p}"),
        _sumber_renstra,
        data=('tujuan', 'sasaran', 'indikator'),
    ),
    "pohon_kinerja": Entri(
        bagan.pohon_kinerja,
        "Gambar 2.1",
        _c("Cascading Kinerja Kecamatan {k} Tahun {t}"),
        _c("Sumber data: Renstra Kecamatan {k} {p}, {v} {t}, DPA {t}"),
        jenis="gambar",
        data=('sasaran', 'indikator', 'program', 'program_sasaran'),
    ),
    "indikator_kinerja_utama": Entri(
        perencanaan.indikator_kinerja_utama,
        "Tabel 2.2",
        _c("Indikator Kinerja Utama Kecamatan {k}"),
        _sumber_iku,
        data=("indikator",),
    ),
    "perjanjian_kinerja": Entri(
        perencanaan.perjanjian_kinerja,
        "Tabel 2.3",
        lambda lap: f"{_nama_pk(lap)} Kecamatan {lap.kecamatan} Tahun {lap.tahun}",
        _sumber_pk,
        data=('target', 'dokumen'),
    ),
    "anggaran_perjanjian_kinerja": Entri(
        perencanaan.anggaran_perjanjian_kinerja,
        "Tabel 2.4",
        _c("Program dan Anggaran Pendukung Perjanjian Kinerja Tahun {t}"),
        _sumber_anggaran,
        data=('program', 'kegiatan', 'sub_kegiatan'),
    ),
    "perubahan_perjanjian_kinerja": Entri(
        perencanaan.perubahan_perjanjian_kinerja,
        "Tabel 2.5",
        _c("Perubahan Target Perjanjian Kinerja Tahun {t}"),
        _c("Sumber data: Perjanjian Kinerja dan Perjanjian Kinerja Perubahan Tahun {t}"),
        data=("target",),
    ),
    # ---------------------------------------------------------------- BAB III
    "skala_predikat": Entri(
        kinerja.skala_predikat,
        "",
        _c("Skala Predikat Capaian Kinerja"),
        lambda lap: f"Sumber: pengaturan laporan, skala {lap.settings.skala.nama}",
    ),
    "rumus_capaian": Entri(
        kinerja.rumus_capaian,
        "",
        _c("Cara Menghitung Capaian Kinerja"),
        lambda lap: "Sumber: pengaturan perhitungan laporan (dicatat lengkap di notebook penelaah)",
    ),
    "pengukuran_kinerja": Entri(
        kinerja.pengukuran_kinerja,
        "Tabel 3.1",
        _c("Pengukuran Realisasi Kinerja Tahun {t} (sesuai {v} {t})"),
        _sumber_kinerja,
        data=('target', 'realisasi'),
    ),
    "capaian_indikator": Entri(
        charts.capaian_indikator,
        "Gambar 3.1",
        _c("Capaian Indikator Kinerja Tahun {t}"),
        _dari("pengukuran_kinerja"),
        jenis="grafik",
        data=('target', 'realisasi'),
    ),
    "perbandingan_tahun": Entri(
        kinerja.perbandingan_tahun,
        "Tabel 3.2",
        _c("Perbandingan Capaian Kinerja Sasaran Tahun {t} dengan Tahun Sebelumnya"),
        _sumber_tahun,
        data=('target', 'realisasi'),
    ),
    "tren_indikator": Entri(
        charts.tren_indikator,
        "Gambar 3.2",
        _c("Realisasi Indikator Kinerja sampai Tahun {t}"),
        _dari("perbandingan_tahun"),
        jenis="grafik",
        data=('target', 'realisasi'),
    ),
    "perbandingan_renstra": Entri(
        kinerja.perbandingan_renstra,
        "Tabel 3.3",
        _c("Perbandingan Realisasi Kinerja Tahun {t} dengan Target Akhir Rencana Strategis {p}"),
        _c("Sumber data: Renstra Perubahan {p}, data realisasi kinerja sampai tahun {t}"),
        data=('target', 'realisasi'),
    ),
    "perbandingan_pembanding": Entri(
        kinerja.perbandingan_pembanding,
        "Tabel 3.4",
        _judul_pembanding,
        _sumber_pembanding,
        data=("pembanding",),
    ),
    "ikhtisar_capaian": Entri(
        kinerja.ikhtisar_capaian,
        "Tabel 3.5",
        _c("Ikhtisar Capaian Kinerja Tahun {t}"),
        _dari("pengukuran_kinerja"),
        data=('target', 'realisasi'),
    ),
    "program_pendukung": Entri(
        program.program_pendukung,
        "Tabel 3.6",
        _c("Target dan Realisasi Program dan Kegiatan Pendukung Sasaran Kecamatan {k} Tahun {t}"),
        lambda lap: _sumber_anggaran(lap) + f"; laporan output sub kegiatan {lap.tahun}",
        data=('program', 'kegiatan', 'sub_kegiatan', 'output_sub_kegiatan', 'program_sasaran'),
    ),
    "efisiensi_sumber_daya": Entri(
        anggaran.efisiensi_sumber_daya,
        "Tabel 3.7",
        _c("Efisiensi Penggunaan Sumber Daya Tahun {t}"),
        _dari("pengukuran_kinerja", "realisasi_anggaran", ulang=True),
        data=("program_sasaran",),
    ),
    "capaian_vs_serapan": Entri(
        charts.capaian_vs_serapan,
        "Gambar 3.3",
        _c("Capaian Kinerja dan Serapan Anggaran per Sasaran Tahun {t}"),
        _dari("efisiensi_sumber_daya"),
        jenis="grafik",
        data=("program_sasaran",),
    ),
    "realisasi_anggaran": Entri(
        anggaran.realisasi_anggaran,
        "Tabel 3.8",
        _c("Realisasi Anggaran per Program Tahun {t}"),
        _sumber_anggaran,
        data=('program', 'kegiatan', 'sub_kegiatan', 'anggaran'),
    ),
    "anggaran_program": Entri(
        charts.anggaran_program,
        "Gambar 3.4",
        _c("Pagu dan Realisasi Anggaran per Program Tahun {t}"),
        _dari("realisasi_anggaran"),
        jenis="grafik",
        data=('program', 'kegiatan', 'sub_kegiatan'),
    ),
    "ikm_survei": Entri(
        ikm.ikm_survei,
        "Tabel 3.9",
        _c("Indeks Kepuasan Masyarakat (IKM) Hasil Survei Tahun {t}"),
        lambda lap: (f"Sumber data: survei kepuasan masyarakat Kecamatan {lap.kecamatan} tahun {lap.tahun} "
                     f"({fmt.angka(lap.ikm.responden) if lap.ikm else 0} responden), PermenPAN-RB Nomor 14 Tahun 2017"),
        data=("ikm_responden",),
    ),
    # ---------------------------------------------------------------- LAMPIRAN
    "matriks_renstra_lengkap": Entri(
        perencanaan.matriks_renstra,
        "Tabel L1",
        _c("Matriks Tujuan, Sasaran, Strategi dan Kebijakan Rencana Strategis Kecamatan {k} {p}"),
        _sumber_renstra,
        kwargs={"lengkap": True},
        melintang=True,
        data=('tujuan', 'sasaran', 'indikator'),
    ),
    "rencana_kinerja_tahunan": Entri(
        perencanaan.rencana_kinerja_tahunan,
        "Tabel L2",
        _c("Rencana Kinerja Tahunan (RKT) Kecamatan {k} Tahun {t}"),
        _sumber_rkt,
        melintang=True,
        data=('sasaran', 'indikator', 'target', 'output_sub_kegiatan'),
    ),
    "perjanjian_kinerja_lampiran": Entri(
        perencanaan.perjanjian_kinerja,
        "Tabel L3.1",
        lambda lap: f"Sasaran, Indikator dan Target {_nama_pk(lap)} Tahun {lap.tahun}",
        _sumber_pk,
        data=('target', 'dokumen'),
    ),
    "anggaran_perjanjian_kinerja_lampiran": Entri(
        perencanaan.anggaran_perjanjian_kinerja,
        "Tabel L3.2",
        _c("Program dan Anggaran Perjanjian Kinerja Tahun {t}"),
        _sumber_anggaran,
        data=('program', 'kegiatan', 'sub_kegiatan'),
    ),
    "indikator_kinerja_utama_lampiran": Entri(
        perencanaan.indikator_kinerja_utama,
        "Tabel L4",
        _c("Indikator Kinerja Utama Kecamatan {k}"),
        _sumber_iku,
        data=("indikator",),
    ),
    "penghargaan": Entri(
        lampiran.penghargaan,
        "Tabel L5",
        _c("Penghargaan yang Diraih Tahun {t}"),
        _c("Sumber data: penghargaan Kecamatan {k} tahun {t}"),
        kosong=_c("Tidak ada penghargaan pada tahun {t}."),
        data=("penghargaan",),
    ),
    "daftar_pemeriksaan": Entri(
        pemeriksaan.daftar_pemeriksaan,
        "Tabel L6.1",
        _c("Daftar Pemeriksaan Konsistensi Data"),
        _c("Sumber: pemeriksaan otomatis data Kecamatan {k} tahun {t}"),
    ),
    "temuan_pemeriksaan": Entri(
        pemeriksaan.temuan_pemeriksaan,
        "Tabel L6.2",
        _c("Temuan Pemeriksaan Data Kecamatan {k} Tahun {t}"),
        _c("Sumber: pemeriksaan otomatis data Kecamatan {k} tahun {t} dan tanggapan perencana"),
    ),
}


def nomor(kunci: str) -> str:
    """The number of a catalogue entry (``nomor("pengukuran_kinerja") == "Tabel 3.1"``)."""
    return _entri(kunci).nomor


def _entri(kunci: str) -> Entri:
    try:
        return KATALOG[kunci]
    except KeyError:
        msg = f"tabel/gambar '{kunci}' tidak dikenal; pilihan: {', '.join(KATALOG)}"
        raise KeyError(msg) from None


def _gambar_html(
    body: str, nomor: str, judul: str, sumber: str | None, terbuka: list[int]
) -> display.Tampilan:
    """An HTML diagram as a numbered figure (listed in the Daftar Gambar like a chart)."""
    fig_id = slug(nomor or f"gambar {judul}")
    e = html.escape
    caption = (
        f'<figcaption class="lkip-judul"><span class="lkip-nomor">{e(nomor)}</span> '
        f'<span class="lkip-judul-teks">{e(judul)}</span></figcaption>'
    )
    source = f'<p class="lkip-sumber">{e(sumber)}</p>' if sumber else ""
    mark = display.penanda(terbuka)
    mark = f'<p class="lkip-penanda-blok">{mark}</p>' if mark else ""
    markup = (
        f'<figure class="lkip-gambar" id="{fig_id}" data-nomor="{e(nomor)}" data-judul="{e(judul)}">'
        f'{caption}{mark}<div class="lkip-gambar-lepas">{body}</div>{source}</figure>'
    )
    meta = {"lkip": {"jenis": "gambar", "id": fig_id, "nomor": nomor, "judul": judul}}
    return display.Tampilan(markup, f"{nomor} {judul}", metadata=meta)


def tampil(lap: Laporan, kunci: str) -> display.Tampilan:
    """Show table, diagram or chart ``kunci`` of :data:`KATALOG` with its number, title and source.

    A function returning None shows the entry's ``kosong`` sentence, or nothing.
    """
    entri = _entri(kunci)
    hasil = entri.fungsi(lap, **entri.kwargs)
    judul = entri.judul(lap)
    sumber = entri.sumber(lap) if entri.sumber else None
    terbuka = lap.temuan_terbuka(entri.data) if entri.data else []
    if hasil is None:
        return display.paragraf(entri.kosong(lap), terbuka) if entri.kosong else display.Tampilan("", "")
    if entri.jenis == "grafik":
        return display.gambar(hasil, entri.nomor, judul, sumber, terbuka)
    if entri.jenis == "gambar":
        return _gambar_html(str(hasil), entri.nomor, judul, sumber, terbuka)
    if isinstance(hasil, gt.GT):
        hasil = hasil.with_id(f"{slug(entri.nomor or judul)}-gt")
    shown = display.tabel(hasil, entri.nomor, judul, sumber, terbuka)
    return display.melintang(shown) if entri.melintang else shown
