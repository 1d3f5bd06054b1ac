"""The schema of one LKIP data set: every table, every column, its type.

This module is the single description of the data that the Excel template,
the Excel loader, the text-form loader/writer and the validation all follow.
A data set is a collection of *tables*.  A table is either

* ``records`` - rows with the same columns (CSV in the text form, one sheet in
  Excel with a header row), or
* ``fields``  - one record of named values (YAML mapping in the text form, a
  two-column sheet ``isian | nilai`` in Excel).

Column types (``ColType``) say what a cell may hold; :mod:`lkip_helpers.data.parse`
turns what people type into these types.  Descriptions are in Bahasa Indonesia
because the Excel template shows them to planners as header comments.
"""

from __future__ import annotations

import dataclasses

from .judul_kolom import CONTOH, JUDUL
from .kolom import (
    ARAH,
    DATA_STATUS,
    DESA_STATUS,
    GRADES,
    JENIS_INDIKATOR,
    NARASI_BAGIAN,
    NARASI_SASARAN_JENIS,
    STATUS_PEGAWAI,
    TARGET_VERSI,
    TINGKAT_PEMBANDING,
    ColType,
    Column,
    Table,
)

__all__ = [
    "ARAH", "DATA_STATUS", "DESA_STATUS", "GRADES", "JENIS_INDIKATOR", "LOGO", "NARASI_BAGIAN",
    "NARASI_SASARAN_JENIS", "STATUS_PEGAWAI", "TABLES", "TARGET_VERSI", "TINGKAT_PEMBANDING",
    "ColType", "Column", "Table", "table",
]


#: File names of the optional logo of the Pemda, in the data set folder (first found is used).
LOGO = ("logo.png", "logo.jpg", "logo.jpeg")


def _c(name: str, type_: ColType, description: str, **kw: object) -> Column:
    return Column(name, type_, description, **kw)  # type: ignore[arg-type]


T = ColType

_TABLES: tuple[Table, ...] = (
    Table(
        "instansi",
        "fields",
        "Identitas Instansi",
        "Identitas kecamatan, Camat penandatangan dan pengaturan laporan.",
        (
            _c("kecamatan", T.TEKS, "Nama kecamatan tanpa kata 'Kecamatan', mis. Umbulsari.", required=True),
            _c("kabupaten", T.TEKS, "Nama kabupaten tanpa kata 'Kabupaten', mis. Jember.", required=True),
            _c("provinsi", T.TEKS, "Nama provinsi, mis. Jawa Timur."),
            _c("tahun", T.BULAT, "Tahun laporan (tahun anggaran yang dilaporkan), mis. 2023.", required=True),
            _c("kode_wilayah", T.KODE, "Kode wilayah Kemendagri, mis. 35.09.10."),
            _c("alamat", T.TEKS, "Alamat kantor kecamatan."),
            _c("kode_pos", T.KODE, "Kode pos kantor."),
            _c("email", T.TEKS, "Alamat surel kantor."),
            _c("telepon", T.TEKS, "Nomor telepon kantor."),
            _c("camat_nama", T.TEKS, "Nama Camat penandatangan laporan, dengan gelar.", required=True),
            _c("camat_jabatan", T.TEKS, "Jabatan penandatangan, mis. 'Camat Umbulsari' atau 'Plt. Camat Umbulsari'.", required=True),
            _c("camat_pangkat", T.TEKS, "Pangkat/golongan penandatangan, mis. 'Pembina Tk. I'."),
            _c("camat_nip", T.KODE, "NIP penandatangan, 18 digit, spasi boleh."),
            _c("tempat_ttd", T.TEKS, "Tempat penandatanganan laporan.", required=True),
            _c("tanggal_ttd", T.TANGGAL, "Tanggal penandatanganan laporan, mis. 23 Februari 2024. Juga dipakai sebagai tanggal laporan."),
            _c("renstra_awal", T.BULAT, "Tahun awal periode Renstra, mis. 2021.", required=True),
            _c("renstra_akhir", T.BULAT, "Tahun akhir periode Renstra, mis. 2026.", required=True),
            _c("versi_target", T.PILIHAN, "Versi target yang dipakai untuk mengukur capaian tahun laporan.", required=True, choices=TARGET_VERSI),
            _c("dasar_hukum_organisasi", T.TEKS, "Peraturan yang mengatur kedudukan, tugas, fungsi dan susunan organisasi."),
            _c("misi_rpjmd", T.TEKS, "Misi RPJMD kabupaten yang dirujuk Renstra."),
            _c("tujuan_rpjmd", T.TEKS, "Tujuan RPJMD kabupaten yang dirujuk Renstra."),
            _c("sasaran_rpjmd", T.TEKS, "Sasaran strategis kabupaten yang dirujuk (pisahkan dengan ';')."),
            _c("data_status", T.PILIHAN, "'resmi' untuk data sebenarnya, 'contoh' untuk data sintetis (laporan diberi tanda DATA CONTOH).", required=True, choices=DATA_STATUS),
            _c("catatan", T.TEKS, "Catatan tentang data set ini (asal data, pilihan saat sumber bertentangan)."),
        ),
    ),
    Table(
        "profil",
        "fields",
        "Profil Kecamatan",
        "Luas, batas wilayah dan penduduk.",
        (
            _c("luas_km2", T.DESIMAL, "Luas wilayah dalam km2, mis. 64,44.", required=True),
            _c("batas_utara", T.TEKS, "Wilayah yang berbatasan di utara."),
            _c("batas_selatan", T.TEKS, "Wilayah yang berbatasan di selatan."),
            _c("batas_barat", T.TEKS, "Wilayah yang berbatasan di barat."),
            _c("batas_timur", T.TEKS, "Wilayah yang berbatasan di timur."),
            _c("penduduk_total", T.BULAT, "Jumlah penduduk seluruhnya (seperti tertulis di sumber).", required=True),
            _c("penduduk_laki", T.BULAT, "Jumlah penduduk laki-laki."),
            _c("penduduk_perempuan", T.BULAT, "Jumlah penduduk perempuan."),
            _c("sumber", T.TEKS, "Sumber data penduduk, mis. Dispendukcapil 2023."),
            _c("catatan", T.TEKS, "Catatan."),
        ),
    ),
    Table(
        "mata_pencaharian",
        "records",
        "Mata Pencaharian Penduduk",
        "Bagian penduduk menurut bidang mata pencaharian, dalam persen (jumlahnya 100).",
        (
            _c("bidang", T.TEKS, "Bidang mata pencaharian, mis. Pertanian.", required=True, unique=True),
            _c("persen", T.PERSEN, "Persentase penduduk, mis. 85%.", required=True, rentang=(0.0, 100.0)),
            _c("catatan", T.TEKS, "Catatan."),
        ),
    ),
    Table(
        "desa",
        "records",
        "Desa/Kelurahan",
        "Desa dan kelurahan di wilayah kecamatan dengan statusnya seperti tercantum di sumber.",
        (
            _c("no", T.BULAT, "Nomor urut.", required=True, unique=True),
            _c("nama", T.TEKS, "Nama desa tanpa kata 'Desa'.", required=True, unique=True),
            _c("status", T.PILIHAN, "Status desa (kategori Mandiri sampai Sangat Tertinggal, mis. menurut Indeks Desa Membangun).", required=True, choices=DESA_STATUS),
            _c("catatan", T.TEKS, "Catatan."),
        ),
    ),
    Table(
        "organisasi",
        "records",
        "Susunan Organisasi",
        "Unit organisasi kecamatan untuk bagan organisasi (Bab I).",
        (
            _c("kode", T.KODE, "Kode unit, mis. camat, sekretariat, subbag_umum.", required=True, unique=True),
            _c("nama", T.TEKS, "Nama unit, mis. Sub Bagian Umum dan Kepegawaian.", required=True),
            _c("induk", T.KODE, "Kode unit atasan; kosong untuk Camat.", references="organisasi.kode"),
            _c("urutan", T.BULAT, "Urutan tampil.", required=True),
        ),
    ),
    Table(
        "sdm_jabatan",
        "records",
        "ASN menurut Jabatan",
        "Tabel 1.1: jumlah ASN menurut jabatan.",
        (
            _c("no", T.BULAT, "Nomor urut.", required=True, unique=True),
            _c("jabatan", T.TEKS, "Nama jabatan.", required=True),
            _c("jumlah", T.BULAT, "Jumlah pegawai.", required=True),
            _c("keterangan", T.TEKS, "Keterangan."),
        ),
    ),
    Table(
        "sdm_golongan",
        "records",
        "ASN menurut Pangkat/Golongan",
        "Tabel 1.2: jumlah ASN menurut pangkat dan golongan ruang.",
        (
            _c("no", T.BULAT, "Nomor urut.", required=True, unique=True),
            _c("pangkat", T.TEKS, "Pangkat, mis. Penata Muda.", required=True),
            _c("golongan", T.KODE, "Golongan ruang, mis. III/a.", required=True, unique=True),
            _c("jumlah", T.BULAT, "Jumlah pegawai.", required=True),
        ),
    ),
    Table(
        "sdm_pendidikan",
        "records",
        "Pegawai menurut Pendidikan",
        "Tabel 1.3: jumlah ASN dan Non ASN menurut pendidikan.",
        (
            _c("no", T.BULAT, "Nomor urut.", required=True, unique=True),
            _c("pendidikan", T.TEKS, "Jenjang pendidikan, mis. S1.", required=True),
            _c("status", T.PILIHAN, "ASN atau Non ASN.", required=True, choices=STATUS_PEGAWAI),
            _c("jumlah", T.BULAT, "Jumlah pegawai.", required=True),
        ),
    ),
    Table(
        "isu_strategis",
        "records",
        "Isu Strategis",
        "Isu strategis (Bab I F).",
        (
            _c("no", T.BULAT, "Nomor urut.", required=True, unique=True),
            _c("uraian", T.TEKS, "Uraian isu strategis.", required=True),
        ),
    ),
    Table(
        "tujuan",
        "records",
        "Tujuan Renstra",
        "Tujuan Renstra perangkat daerah dengan indikator tujuannya.",
        (
            _c("kode", T.KODE, "Kode tujuan, mis. T1.", required=True, unique=True),
            _c("uraian", T.TEKS, "Rumusan tujuan.", required=True),
            _c("indikator", T.TEKS, "Indikator tujuan."),
            _c("versi", T.TEKS, "Versi Renstra yang memuat tujuan ini: 'awal', 'perubahan' atau 'awal,perubahan'.", required=True),
            _c("urutan", T.BULAT, "Urutan tampil.", required=True),
        ),
    ),
    Table(
        "sasaran",
        "records",
        "Sasaran Strategis",
        "Sasaran strategis; urutan menentukan nomor 'Sasaran Strategis 1, 2, ...' di laporan.",
        (
            _c("kode", T.KODE, "Kode sasaran, mis. S1.", required=True, unique=True),
            _c("kode_tujuan", T.KODE, "Kode tujuan yang didukung.", required=True, references="tujuan.kode"),
            _c("uraian", T.TEKS, "Rumusan sasaran strategis.", required=True),
            _c("versi", T.TEKS, "Versi Renstra: 'awal', 'perubahan' atau 'awal,perubahan'.", required=True),
            _c("urutan", T.BULAT, "Urutan tampil.", required=True),
            _c("strategi", T.TEKS, "Strategi mencapai sasaran (matriks Renstra)."),
            _c("kebijakan", T.TEKS, "Arah kebijakan (matriks Renstra)."),
        ),
    ),
    Table(
        "indikator",
        "records",
        "Indikator Kinerja",
        "Indikator sasaran (termasuk IKU) dan indikator tujuan yang menjadi IKU: arah, satuan, jenis, formula.",
        (
            _c("kode", T.KODE, "Kode indikator, mis. I1.1.", required=True, unique=True),
            _c("kode_sasaran", T.KODE, "Kode sasaran yang diukur; kosong untuk indikator tujuan (isi kode_tujuan).", references="sasaran.kode"),
            _c("nama", T.TEKS, "Nama indikator.", required=True),
            _c("satuan", T.TEKS, "Satuan, mis. %, indeks, nilai, dokumen.", required=True),
            _c("arah", T.PILIHAN, "'positif' bila makin tinggi makin baik, 'negatif' bila makin rendah makin baik.", required=True, choices=ARAH),
            _c("jenis", T.PILIHAN, "'angka' untuk nilai numerik, 'huruf' untuk nilai huruf (AA..D).", required=True, choices=JENIS_INDIKATOR),
            _c("iku", T.YA_TIDAK, "Ya bila termasuk Indikator Kinerja Utama.", required=True),
            _c("urutan_iku", T.BULAT, "Nomor urut dalam daftar IKU (lampiran SK IKU); kosong: menurut urutan sasaran."),
            _c("versi", T.TEKS, "Versi Renstra: 'awal', 'perubahan' atau 'awal,perubahan'.", required=True),
            _c("kinerja_utama", T.TEKS, "Kinerja utama (kolom IKU)."),
            _c("formula", T.TEKS, "Formulasi perhitungan dan penjelasan."),
            _c("penanggung_jawab", T.TEKS, "Bidang penanggung jawab."),
            _c("sumber_data", T.TEKS, "Sumber data."),
            _c("urutan", T.BULAT, "Urutan dalam sasaran (atau dalam tujuan, untuk indikator tujuan).", required=True),
            _c("kode_tujuan", T.KODE, "Hanya untuk indikator tujuan (tanpa sasaran, mis. IKU tingkat tujuan): kode tujuan. Indikator tujuan tidak diukur di Tabel 3.1.", references="tujuan.kode"),
        ),
    ),
    Table(
        "target",
        "records",
        "Target Indikator",
        "Target per indikator, tahun dan versi dokumen (Renstra awal/perubahan, RKT, PK awal/perubahan).",
        (
            _c("kode_indikator", T.KODE, "Kode indikator.", required=True, references="indikator.kode"),
            _c("versi", T.PILIHAN, "Dokumen asal target.", required=True, choices=TARGET_VERSI),
            _c("tahun", T.BULAT, "Tahun target.", required=True),
            _c("nilai", T.NILAI, "Nilai target: angka (97%, 85, 95,5) atau huruf (B) untuk indikator huruf.", required=True),
            _c("skor", T.DESIMAL, "Untuk indikator huruf: skor angka di balik huruf, bila diketahui (mis. 60)."),
            _c("catatan", T.TEKS, "Catatan, mis. asal angka bila sumber bertentangan."),
        ),
    ),
    Table(
        "realisasi",
        "records",
        "Realisasi Indikator",
        "Realisasi per indikator dan tahun.",
        (
            _c("kode_indikator", T.KODE, "Kode indikator.", required=True, references="indikator.kode"),
            _c("tahun", T.BULAT, "Tahun realisasi.", required=True),
            _c("nilai", T.NILAI, "Nilai realisasi: angka atau huruf. Boleh kosong untuk indikator huruf bila skor diisi."),
            _c("skor", T.DESIMAL, "Untuk indikator huruf: skor angka hasil evaluasi, bila diketahui (mis. 85)."),
            _c("catatan", T.TEKS, "Catatan."),
        ),
    ),
    Table(
        "pembanding",
        "records",
        "Pembanding (Kabupaten/Nasional)",
        "Nilai pembanding per indikator: rata-rata kabupaten, provinsi atau nasional.",
        (
            _c("kode_indikator", T.KODE, "Kode indikator.", required=True, references="indikator.kode"),
            _c("tahun", T.BULAT, "Tahun.", required=True),
            _c("tingkat", T.PILIHAN, "Tingkat pembanding.", required=True, choices=TINGKAT_PEMBANDING),
            _c("nilai", T.NILAI, "Nilai pembanding.", required=True),
            _c("keterangan", T.TEKS, "Keterangan, mis. 'Nilai IKM Kabupaten Jember'."),
        ),
        required=False,
    ),
    Table(
        "program",
        "records",
        "Program",
        "Program dengan indikator program (outcome) dan pagu/realisasi seperti tertulis di DPA.",
        (
            _c("kode", T.KODE, "Kode program, mis. P1 atau 7.01.01.", required=True, unique=True),
            _c("nama", T.TEKS, "Nama program.", required=True),
            _c("indikator", T.TEKS, "Indikator program (outcome)."),
            _c("target", T.NILAI, "Target indikator program."),
            _c("satuan", T.TEKS, "Satuan target indikator program."),
            _c("pagu_murni", T.RUPIAH, "Pagu APBD murni (sebelum perubahan)."),
            _c("pagu", T.RUPIAH, "Pagu akhir (setelah P-APBD) seperti tertulis di DPA."),
            _c("realisasi", T.RUPIAH, "Realisasi belanja seperti tertulis."),
            _c("urutan", T.BULAT, "Urutan tampil.", required=True),
        ),
    ),
    Table(
        "program_sasaran",
        "records",
        "Program Pendukung Sasaran",
        "Sasaran mana yang didukung setiap program (dipakai untuk efisiensi per sasaran).",
        (
            _c("kode_program", T.KODE, "Kode program.", required=True, references="program.kode"),
            _c("kode_sasaran", T.KODE, "Kode sasaran.", required=True, references="sasaran.kode"),
        ),
    ),
    Table(
        "kegiatan",
        "records",
        "Kegiatan",
        "Kegiatan per program dengan pagu/realisasi seperti tertulis di DPA.",
        (
            _c("kode", T.KODE, "Kode kegiatan, mis. P1.K1.", required=True, unique=True),
            _c("kode_program", T.KODE, "Kode program induk.", required=True, references="program.kode"),
            _c("nama", T.TEKS, "Nama kegiatan.", required=True),
            _c("pagu_murni", T.RUPIAH, "Pagu APBD murni."),
            _c("pagu", T.RUPIAH, "Pagu akhir seperti tertulis."),
            _c("realisasi", T.RUPIAH, "Realisasi seperti tertulis."),
            _c("urutan", T.BULAT, "Urutan tampil.", required=True),
        ),
    ),
    Table(
        "sub_kegiatan",
        "records",
        "Sub Kegiatan",
        "Sub kegiatan per kegiatan dengan pagu, realisasi dan outcome.",
        (
            _c("kode", T.KODE, "Kode sub kegiatan, mis. P1.K1.S1.", required=True, unique=True),
            _c("kode_kegiatan", T.KODE, "Kode kegiatan induk.", required=True, references="kegiatan.kode"),
            _c("nama", T.TEKS, "Nama sub kegiatan.", required=True),
            _c("pagu_murni", T.RUPIAH, "Pagu APBD murni."),
            _c("pagu", T.RUPIAH, "Pagu akhir."),
            _c("realisasi", T.RUPIAH, "Realisasi belanja."),
            _c("outcome", T.TEKS, "Outcome sub kegiatan (Tabel 3.6)."),
            _c("urutan", T.BULAT, "Urutan tampil.", required=True),
        ),
    ),
    Table(
        "output_sub_kegiatan",
        "records",
        "Output Sub Kegiatan",
        "Indikator keluaran (output) tiap sub kegiatan dengan target dan realisasi.",
        (
            _c("kode_sub_kegiatan", T.KODE, "Kode sub kegiatan.", required=True, references="sub_kegiatan.kode"),
            _c("indikator", T.TEKS, "Indikator output.", required=True),
            _c("satuan", T.TEKS, "Satuan: orang, dokumen, laporan, lembaga, unit, ...", required=True),
            _c("target", T.DESIMAL, "Target output tahun laporan."),
            _c("realisasi", T.DESIMAL, "Realisasi output."),
        ),
    ),
    Table(
        "anggaran",
        "fields",
        "Ringkasan Anggaran",
        "Total anggaran seperti tertulis di DPA dan komposisi belanja; tahun lalu untuk perbandingan.",
        (
            _c("pagu_total", T.RUPIAH, "Total pagu seperti tertulis."),
            _c("realisasi_total", T.RUPIAH, "Total realisasi seperti tertulis."),
            _c("belanja_operasi", T.RUPIAH, "Pagu Belanja Operasi."),
            _c("belanja_barang_jasa", T.RUPIAH, "Bagian Belanja Barang dan Jasa (termasuk dalam belanja operasi, bila dirinci)."),
            _c("belanja_pegawai", T.RUPIAH, "Bagian Belanja Pegawai, bila dirinci."),
            _c("belanja_modal", T.RUPIAH, "Pagu Belanja Modal."),
            _c("sumber_dana", T.TEKS, "Sumber dana, mis. APBD Kabupaten Jember."),
            _c("tanggal_realisasi", T.TANGGAL, "Tanggal posisi realisasi, mis. 31 Desember 2023."),
            _c("status_audit", T.TEKS, "Keterangan status data, mis. 'data sementara, belum diaudit BPK'."),
            _c("pagu_tahun_lalu", T.RUPIAH, "Pagu tahun sebelumnya."),
            _c("realisasi_tahun_lalu", T.RUPIAH, "Realisasi tahun sebelumnya."),
            _c("serapan_tahun_lalu", T.PERSEN, "Serapan tahun sebelumnya (%), bila pagu/realisasi tidak diketahui.",
               rentang=(0.0, 100.0)),
            _c("catatan", T.TEKS, "Catatan."),
        ),
    ),
    Table(
        "narasi_sasaran",
        "records",
        "Narasi per Sasaran",
        "Uraian, faktor pendukung, permasalahan dan solusi per sasaran; satu butir per baris.",
        (
            _c("kode_sasaran", T.KODE, "Kode sasaran.", required=True, references="sasaran.kode"),
            _c("jenis", T.PILIHAN, "Jenis narasi.", required=True, choices=NARASI_SASARAN_JENIS),
            _c("urutan", T.BULAT, "Urutan butir.", required=True),
            _c("teks", T.TEKS, "Isi narasi (teks biasa).", required=True),
            _c("salinan_dari", T.BULAT, "Tahun laporan asal bila teks masih salinan laporan lama (diisi lkip "
               "tahun-baru); kosongkan setelah teks diperbarui.", rentang=(2000.0, 2100.0)),
        ),
        text_format="yaml",
    ),
    Table(
        "narasi",
        "records",
        "Narasi Laporan",
        "Teks laporan: kata pengantar, latar belakang, kendala, rekomendasi, kesimpulan; satu paragraf atau butir per baris.",
        (
            _c("bagian", T.PILIHAN, "Bagian laporan.", required=True, choices=NARASI_BAGIAN),
            _c("urutan", T.BULAT, "Urutan paragraf/butir.", required=True),
            _c("teks", T.TEKS, "Isi (teks biasa).", required=True),
            _c("salinan_dari", T.BULAT, "Tahun laporan asal bila teks masih salinan laporan lama (diisi lkip "
               "tahun-baru); kosongkan setelah teks diperbarui.", rentang=(2000.0, 2100.0)),
        ),
        text_format="yaml",
    ),
    Table(
        "foto",
        "records",
        "Dokumentasi Kegiatan",
        "Foto pelaksanaan sub kegiatan: berkas gambar di folder 'foto/' data set.",
        (
            _c("kode_sub_kegiatan", T.KODE, "Kode sub kegiatan.", required=True, references="sub_kegiatan.kode"),
            _c("berkas", T.TEKS, "Nama berkas di folder foto/, mis. rapat-koordinasi.jpg.", required=True),
            _c("keterangan", T.TEKS, "Keterangan foto.", required=True),
            _c("urutan", T.BULAT, "Urutan.", required=True),
        ),
        required=False,
    ),
    Table(
        "penghargaan",
        "records",
        "Penghargaan",
        "Penghargaan yang diraih pada tahun laporan (Lampiran 5).",
        (
            _c("nama", T.TEKS, "Nama penghargaan.", required=True),
            _c("pemberi", T.TEKS, "Pemberi penghargaan.", required=True),
            _c("tanggal", T.TANGGAL, "Tanggal."),
            _c("keterangan", T.TEKS, "Keterangan."),
        ),
        required=False,
    ),
    Table(
        "dokumen",
        "records",
        "Dokumen Resmi",
        "Data penandatanganan PK awal, PK perubahan, RKT dan SK IKU (Lampiran).",
        (
            _c("jenis", T.PILIHAN, "Jenis dokumen.", required=True, unique=True, choices=("pk_awal", "pk_perubahan", "rkt", "sk_iku")),
            _c("nomor", T.TEKS, "Nomor dokumen (SK IKU)."),
            _c("tempat", T.TEKS, "Tempat penandatanganan (kosong bila tidak tercantum; wajib untuk edisi final)."),
            _c("tanggal", T.TANGGAL, "Tanggal penandatanganan (kosong bila tidak tercantum; wajib untuk edisi final)."),
            _c("pihak1_nama", T.TEKS, "Pihak pertama / penandatangan: nama (wajib untuk edisi final)."),
            _c("pihak1_jabatan", T.TEKS, "Pihak pertama: jabatan (wajib untuk edisi final)."),
            _c("pihak1_pangkat", T.TEKS, "Pihak pertama: pangkat."),
            _c("pihak1_nip", T.KODE, "Pihak pertama: NIP."),
            _c("pihak2_nama", T.TEKS, "Pihak kedua (atasan, mis. Bupati): nama."),
            _c("pihak2_jabatan", T.TEKS, "Pihak kedua: jabatan."),
            _c("pihak2_pangkat", T.TEKS, "Pihak kedua: pangkat."),
            _c("pihak2_nip", T.KODE, "Pihak kedua: NIP."),
            _c("perihal", T.TEKS, "Judul sesudah kata 'tentang' (SK IKU), mis. Indikator Kinerja Utama Kecamatan Umbulsari Kabupaten Jember."),
            _c("catatan", T.TEKS, "Catatan."),
        ),
    ),
    Table(
        "ikm_responden",
        "records",
        "Survei IKM (opsional)",
        "Jawaban survei kepuasan masyarakat per responden: 9 unsur PermenPAN-RB 14/2017, nilai 1-4.",
        (
            _c("responden", T.KODE, "Nomor/kode responden.", required=True, unique=True),
            *(
                _c(f"u{i}", T.BULAT, f"Unsur {i}: {name} (1-4).", required=True)
                for i, name in enumerate(
                    (
                        "persyaratan",
                        "prosedur",
                        "waktu pelayanan",
                        "biaya/tarif",
                        "produk spesifikasi jenis pelayanan",
                        "kompetensi pelaksana",
                        "perilaku pelaksana",
                        "sarana dan prasarana",
                        "penanganan pengaduan",
                    ),
                    start=1,
                )
            ),
            _c("layanan", T.TEKS, "Jenis layanan yang dinilai."),
            _c("tanggal", T.TANGGAL, "Tanggal pengisian."),
        ),
        required=False,
    ),
    Table(
        "pemeriksaan",
        "records",
        "Temuan yang Diterima",
        "Temuan PERINGATAN dari lkip check yang sudah ditelaah dan diterima perencana, dengan "
        "alasannya (syarat edisi final; ditampilkan di lampiran untuk penelaah).",
        (
            _c("kode", T.KODE, "Kode temuan seperti tertulis di lkip check, mis. profil.penduduk.", required=True),
            _c("tabel", T.KODE, "Tabel tempat temuan (mis. profil); kosong: semua temuan berkode ini."),
            _c("baris", T.BULAT, "Baris tempat temuan (seperti di lkip check); kosong: semua baris."),
            _c("kolom", T.KODE, "Kolom tempat temuan; kosong: semua kolom."),
            _c("alasan", T.TEKS, "Mengapa temuan ini diterima (ditampilkan di lampiran).", required=True),
        ),
        required=False,
        text_format="yaml",
    ),
)


def _with_titles(tbl: Table) -> Table:
    """``tbl`` with the planner's column titles and example (:mod:`.judul_kolom`)."""
    titles = JUDUL.get(tbl.name, {})
    columns = tuple(dataclasses.replace(c, judul=titles.get(c.name, c.judul)) for c in tbl.columns)
    return dataclasses.replace(tbl, columns=columns, contoh=dict(CONTOH.get(tbl.name, {})))


#: All tables, by name, in workbook order.
TABLES: dict[str, Table] = {t.name: _with_titles(t) for t in _TABLES}


def table(name: str) -> Table:
    """Return the table definition called ``name``."""
    try:
        return TABLES[name]
    except KeyError:
        msg = f"unknown table '{name}'; known: {', '.join(TABLES)}"
        raise KeyError(msg) from None
