"""A small valid data set for the io tests, built in memory and written to tmp_path."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from lkip_helpers.data import write_folder
from lkip_helpers.data.model import DataSet, frame_from_rows
from lkip_helpers.data.schema import TABLES
from lkip_helpers.errors import Location

FIELDS: dict[str, dict[str, Any]] = {
    "instansi": {
        "kecamatan": "Contoh",
        "kabupaten": "Jember",
        "provinsi": "Jawa Timur",
        "tahun": 2023,
        "kode_wilayah": "35.09.10",
        "kode_pos": "68166",
        "camat_nama": "Drs. Budi Santoso, M.Si",
        "camat_jabatan": "Camat Contoh",
        "camat_nip": "19700101 199003 1 005",
        "tempat_ttd": "Contoh",
        "tanggal_ttd": date(2024, 2, 23),
        "renstra_awal": 2021,
        "renstra_akhir": 2026,
        "versi_target": "pk_perubahan",
        "data_status": "contoh",
        "catatan": "Data sintetis untuk pengujian.\nBaris kedua catatan.",
    },
    "profil": {
        "luas_km2": 64.44,
        "penduduk_total": 79263,
        "penduduk_laki": 39865,
        "sumber": "Dispendukcapil",
    },
    "anggaran": {
        "pagu_total": 4361208525,
        "realisasi_total": 4231208525,
        "tanggal_realisasi": date(2023, 12, 31),
        "serapan_tahun_lalu": 95.5,
    },
}

RECORDS: dict[str, list[dict[str, Any]]] = {
    "mata_pencaharian": [
        {"bidang": "Pertanian", "persen": 85.0},
        {"bidang": "Perdagangan", "persen": 15.0, "catatan": "termasuk jasa"},
    ],
    "desa": [
        {"no": 1, "nama": "Umbulsari", "status": "Maju"},
        {"no": 2, "nama": "Gunungsari", "status": "Sangat Tertinggal"},
    ],
    "organisasi": [
        {"kode": "camat", "nama": "Camat", "urutan": 1},
        {"kode": "sekretariat", "nama": "Sekretariat", "induk": "camat", "urutan": 2},
    ],
    "sdm_jabatan": [{"no": 1, "jabatan": "Camat", "jumlah": 1}],
    "sdm_golongan": [{"no": 1, "pangkat": "Pembina", "golongan": "IV/a", "jumlah": 1}],
    "sdm_pendidikan": [{"no": 1, "pendidikan": "S1", "status": "Non ASN", "jumlah": 3}],
    "isu_strategis": [{"no": 1, "uraian": 'Pelayanan publik belum optimal, "cepat"; mudah'}],
    "tujuan": [{"kode": "T1", "uraian": "Meningkatkan pelayanan", "versi": "awal,perubahan", "urutan": 1}],
    "sasaran": [
        {"kode": "S1", "kode_tujuan": "T1", "uraian": "Pelayanan prima", "versi": "awal", "urutan": 1},
        {"kode": "S2", "kode_tujuan": "T1", "uraian": "Akuntabilitas", "versi": "awal", "urutan": 2},
    ],
    "indikator": [
        {
            "kode": "I1.1",
            "kode_sasaran": "S1",
            "nama": "IKM",
            "satuan": "indeks",
            "arah": "positif",
            "jenis": "angka",
            "iku": True,
            "versi": "awal",
            "urutan": 1,
        },
        {
            "kode": "I2.1",
            "kode_sasaran": "S2",
            "nama": "Nilai SAKIP",
            "satuan": "nilai",
            "arah": "positif",
            "jenis": "huruf",
            "iku": False,
            "versi": "awal",
            "urutan": 1,
        },
    ],
    "target": [
        {"kode_indikator": "I1.1", "versi": "pk_perubahan", "tahun": 2023, "nilai": 82.5},
        {"kode_indikator": "I1.1", "versi": "renstra_awal", "tahun": 2023, "nilai": 1.234},
        {"kode_indikator": "I2.1", "versi": "pk_perubahan", "tahun": 2023, "nilai": "B", "skor": 60.0},
    ],
    "realisasi": [
        {"kode_indikator": "I1.1", "tahun": 2023, "nilai": 91.48},
        {"kode_indikator": "I2.1", "tahun": 2023, "nilai": "BB", "skor": 85.0},
    ],
    "program": [
        {
            "kode": "P1",
            "nama": "Program Penunjang",
            "target": 100.0,
            "satuan": "%",
            "pagu": 4361208525,
            "realisasi": 4231208525,
            "urutan": 1,
        },
    ],
    "program_sasaran": [{"kode_program": "P1", "kode_sasaran": "S1"}],
    "kegiatan": [
        {
            "kode": "P1.K1",
            "kode_program": "P1",
            "nama": "Perencanaan",
            "pagu": 4361208525,
            "realisasi": 4231208525,
            "urutan": 1,
        },
    ],
    "sub_kegiatan": [
        {
            "kode": "P1.K1.S1",
            "kode_kegiatan": "P1.K1",
            "nama": "Penyusunan dokumen",
            "pagu": 4361208525,
            "realisasi": 4231208525,
            "urutan": 1,
        },
    ],
    "output_sub_kegiatan": [
        {
            "kode_sub_kegiatan": "P1.K1.S1",
            "indikator": "Dokumen",
            "satuan": "dokumen",
            "target": 3.0,
            "realisasi": 2.5,
        },
    ],
    "narasi_sasaran": [{"kode_sasaran": "S1", "jenis": "uraian", "urutan": 1, "teks": "Pelayanan membaik."}],
    "narasi": [
        {"bagian": "kesimpulan", "urutan": 1, "teks": "Paragraf pertama.\n\nParagraf kedua: 95,5%."},
        {"bagian": "kata_pengantar", "urutan": 1, "teks": "=Puji syukur"},
    ],
    "dokumen": [
        {
            "jenis": "pk_perubahan",
            "tempat": "Jember",
            "tanggal": date(2023, 10, 2),
            "pihak1_nama": "Budi",
            "pihak1_jabatan": "Camat",
            "pihak1_nip": "197001011990031005",
        },
    ],
    "penghargaan": [],
}


def sample_dataset() -> DataSet:
    """Return the small valid data set (locations are placeholders)."""
    records = {
        name: frame_from_rows(name, rows, [Location("mem", None, i + 2) for i in range(len(rows))])
        for name, rows in RECORDS.items()
    }
    assert set(RECORDS) <= set(TABLES)
    return DataSet(records, {k: dict(v) for k, v in FIELDS.items()})


@pytest.fixture
def dataset() -> DataSet:
    """The small valid data set, in memory."""
    return sample_dataset()


@pytest.fixture
def folder(tmp_path: Path, dataset: DataSet) -> Path:
    """The small valid data set written as a text-form folder."""
    return write_folder(dataset, tmp_path / "contoh")
