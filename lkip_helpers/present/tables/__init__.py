"""What the chapters show as tables: one function per report table, each returning a ``GT``.

Every function takes the report object (:class:`~lkip_helpers.report.laporan.Laporan`),
lays out what it computed and returns a great_tables ``GT`` with a stable id, so its
HTML is the same on every run.  Numbers are formatted the Indonesian way (4.231.208.525; 95,50%), data
text is escaped, a capaian that cannot be computed shows ``t.d.`` with its reason as a
footnote.  Chapter notebooks show a table with its number, title and "Sumber data"
line through :func:`tampil`::

    from lkip_helpers.present import tampil
    tampil(lap, "pengukuran_kinerja")      # Tabel 3.1

Modules, by chapter: :mod:`.profil` (BAB I), :mod:`.bagan` (organisation chart and
pohon kinerja as HTML), :mod:`.perencanaan` (BAB II), :mod:`.kinerja` (BAB III A-B),
:mod:`.program` (Tabel 3.6), :mod:`.anggaran` (Tabel 3.7-3.8), :mod:`.lampiran` (awards), :mod:`.pemeriksaan` (the reviewer's appendix),
:mod:`.teks` (the planner's text and signature blocks as written), :mod:`.katalog`
(numbers, titles, sources).
"""

from __future__ import annotations

from .anggaran import efisiensi_sumber_daya, realisasi_anggaran
from .bagan import bagan_organisasi, pohon_kinerja
from .ikm import ikm_survei
from .kinerja import (
    ikhtisar_capaian,
    pengukuran_kinerja,
    perbandingan_pembanding,
    perbandingan_renstra,
    perbandingan_tahun,
    rumus_capaian,
    skala_predikat,
)
from .lampiran import penghargaan
from .pemeriksaan import daftar_pemeriksaan, temuan_pemeriksaan
from .perencanaan import (
    anggaran_perjanjian_kinerja,
    indikator_kinerja_utama,
    matriks_renstra,
    perjanjian_kinerja,
    perubahan_perjanjian_kinerja,
    rencana_kinerja_tahunan,
    versi_pk,
)
from .profil import (
    asn_golongan,
    asn_jabatan,
    daftar_desa,
    isu_strategis,
    pegawai_pendidikan,
    profil_wilayah,
)
from .program import program_pendukung
from .teks import (
    acuan_rpjmd,
    butir_narasi,
    daftar_narasi,
    daftar_tujuan,
    foto_kegiatan,
    identitas_dokumen,
    judul_sasaran,
    keputusan_iku,
    lampiran_sk_iku,
    narasi_laporan,
    narasi_sasaran,
    sasaran_diukur,
    tanda_tangan_dokumen,
    tanda_tangan_laporan,
    teks_isian_kosong,
)

__all__ = [
    "acuan_rpjmd",
    "anggaran_perjanjian_kinerja",
    "asn_golongan",
    "asn_jabatan",
    "bagan_organisasi",
    "butir_narasi",
    "daftar_narasi",
    "daftar_desa",
    "daftar_pemeriksaan",
    "daftar_tujuan",
    "efisiensi_sumber_daya",
    "foto_kegiatan",
    "identitas_dokumen",
    "ikhtisar_capaian",
    "ikm_survei",
    "indikator_kinerja_utama",
    "isu_strategis",
    "judul_sasaran",
    "keputusan_iku",
    "lampiran_sk_iku",
    "matriks_renstra",
    "narasi_laporan",
    "narasi_sasaran",
    "pegawai_pendidikan",
    "pengukuran_kinerja",
    "penghargaan",
    "perbandingan_pembanding",
    "perbandingan_renstra",
    "perbandingan_tahun",
    "perjanjian_kinerja",
    "perubahan_perjanjian_kinerja",
    "pohon_kinerja",
    "profil_wilayah",
    "program_pendukung",
    "realisasi_anggaran",
    "rencana_kinerja_tahunan",
    "rumus_capaian",
    "sasaran_diukur",
    "skala_predikat",
    "tanda_tangan_dokumen",
    "tanda_tangan_laporan",
    "teks_isian_kosong",
    "temuan_pemeriksaan",
    "versi_pk",
]
