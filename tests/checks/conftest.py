"""A small, valid data set to break one thing at a time (no loader, no files).

``spec`` is a fresh, mutable description of a clean Umbulsari-like data set:
``spec.records[table]`` is a list of row dicts, ``spec.fields[table]`` a dict.
``build(spec)`` (fixture) turns it into a :class:`DataSet` whose rows carry locations
``<table>.csv, baris n`` (header = row 1) and whose fields point at
``<table>.yaml``, as the text-form loader would.  ``settings`` (default settings)
and ``umbulsari`` (the real data set) come from ``tests/conftest.py``.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from lkip_helpers.data.model import DataSet, frame_from_rows
from lkip_helpers.data.schema import TABLES
from lkip_helpers.errors import Location


@dataclass
class Spec:
    """Plain description of a data set, edited by tests before :func:`build`."""

    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)

    def row(self, table: str, **match: Any) -> dict[str, Any]:
        """Return the first row of ``table`` whose values include ``match`` (for editing)."""
        for row in self.records[table]:
            if all(row.get(k) == v for k, v in match.items()):
                return row
        msg = f"no row {match} in {table}"
        raise KeyError(msg)


def _narasi(bagian: str, teks: str, urutan: int = 1) -> dict[str, Any]:
    return {"bagian": bagian, "urutan": urutan, "teks": teks}


BASE = Spec(
    fields={
        "instansi": {
            "kecamatan": "Umbulsari",
            "kabupaten": "Jember",
            "tahun": 2023,
            "camat_nama": "RONNY ARJUNANTO, SE",
            "camat_jabatan": "Camat Umbulsari",
            "camat_pangkat": "Pembina Tk. I (IV/b)",
            "camat_nip": "197206241998031006",
            "tempat_ttd": "Umbulsari",
            "tanggal_ttd": dt.date(2024, 2, 23),
            "renstra_awal": 2021,
            "renstra_akhir": 2026,
            "versi_target": "pk_perubahan",
            "data_status": "resmi",
        },
        "profil": {
            "luas_km2": 64.44,
            "batas_utara": "Kecamatan Semboro",
            "batas_selatan": "Kecamatan Gumukmas",
            "batas_barat": "Kecamatan Kencong",
            "batas_timur": "Kecamatan Balung",
            "penduduk_total": 79233,
            "penduduk_laki": 39865,
            "penduduk_perempuan": 39368,
        },
        "anggaran": {
            "pagu_total": 1_500_000_000,
            "realisasi_total": 1_300_000_000,
            "belanja_operasi": 1_500_000_000,
            "belanja_modal": 0,
            "belanja_pegawai": 1_000_000_000,
            "belanja_barang_jasa": 500_000_000,
            "tanggal_realisasi": dt.date(2023, 12, 31),
        },
    },
    records={
        "mata_pencaharian": [
            {"bidang": "Pertanian", "persen": 85.0},
            {"bidang": "Perdagangan", "persen": 10.0},
            {"bidang": "Lainnya", "persen": 5.0},
        ],
        "desa": [
            {"no": 1, "nama": "Paleran", "status": "Mandiri"},
            {"no": 2, "nama": "Tegalwangi", "status": "Maju"},
        ],
        "sdm_jabatan": [
            {"no": 1, "jabatan": "Camat", "jumlah": 1},
            {"no": 2, "jabatan": "Pengadministrasi Umum", "jumlah": 4},
        ],
        "sdm_golongan": [
            {"no": 1, "pangkat": "Pembina", "golongan": "IV/a", "jumlah": 2},
            {"no": 2, "pangkat": "Penata Muda", "golongan": "III/a", "jumlah": 3},
        ],
        "sdm_pendidikan": [
            {"no": 1, "pendidikan": "S1", "status": "ASN", "jumlah": 5},
            {"no": 2, "pendidikan": "SMA", "status": "Non ASN", "jumlah": 3},
        ],
        "tujuan": [
            {"kode": "T1", "uraian": "Meningkatkan tata kelola", "versi": "awal,perubahan", "urutan": 1}
        ],
        "sasaran": [
            {
                "kode": "S1",
                "kode_tujuan": "T1",
                "uraian": "Terjaganya ketertiban umum masyarakat Umbulsari",
                "versi": "awal,perubahan",
                "urutan": 1,
            },
            {
                "kode": "S2",
                "kode_tujuan": "T1",
                "uraian": "Terselenggaranya Pemerintahan Kecamatan Umbulsari yang Baik",
                "versi": "perubahan",
                "urutan": 2,
            },
        ],
        "indikator": [
            {
                "kode": "I1.1",
                "kode_sasaran": "S1",
                "nama": "Persentase penyelesaian laporan",
                "satuan": "%",
                "arah": "positif",
                "jenis": "angka",
                "iku": True,
                "versi": "awal,perubahan",
                "urutan": 1,
            },
            {
                "kode": "I2.1",
                "kode_sasaran": "S2",
                "nama": "Nilai SAKIP",
                "satuan": "nilai",
                "arah": "positif",
                "jenis": "huruf",
                "iku": True,
                "versi": "perubahan",
                "urutan": 1,
            },
        ],
        "target": [
            {"kode_indikator": "I1.1", "versi": "renstra_perubahan", "tahun": 2023, "nilai": 100.0},
            {"kode_indikator": "I1.1", "versi": "pk_perubahan", "tahun": 2023, "nilai": 100.0},
            {"kode_indikator": "I2.1", "versi": "pk_perubahan", "tahun": 2023, "nilai": "B", "skor": 65.0},
        ],
        "realisasi": [
            {"kode_indikator": "I1.1", "tahun": 2023, "nilai": 97.0},
            {"kode_indikator": "I2.1", "tahun": 2023, "nilai": "B", "skor": 65.0},
        ],
        "program": [
            {
                "kode": "P1",
                "nama": "Penunjang Urusan Pemerintahan",
                "pagu": 1_000_000_000,
                "realisasi": 900_000_000,
                "urutan": 1,
            },
            {
                "kode": "P2",
                "nama": "Koordinasi Ketenteraman dan Ketertiban Umum",
                "pagu": 500_000_000,
                "realisasi": 400_000_000,
                "urutan": 2,
            },
        ],
        "program_sasaran": [
            {"kode_program": "P1", "kode_sasaran": "S2"},
            {"kode_program": "P2", "kode_sasaran": "S1"},
        ],
        "kegiatan": [
            {
                "kode": "P1.K1",
                "kode_program": "P1",
                "nama": "Administrasi Keuangan",
                "pagu": 1_000_000_000,
                "realisasi": 900_000_000,
                "urutan": 1,
            },
            {
                "kode": "P2.K1",
                "kode_program": "P2",
                "nama": "Koordinasi Penegakan Perda",
                "pagu": 500_000_000,
                "realisasi": 400_000_000,
                "urutan": 1,
            },
        ],
        "sub_kegiatan": [
            {
                "kode": "P1.K1.S1",
                "kode_kegiatan": "P1.K1",
                "nama": "Penyediaan Gaji dan Tunjangan ASN",
                "pagu": 600_000_000,
                "realisasi": 550_000_000,
                "urutan": 1,
            },
            {
                "kode": "P1.K1.S2",
                "kode_kegiatan": "P1.K1",
                "nama": "Penyediaan Jasa Pelayanan Umum Kantor",
                "pagu": 400_000_000,
                "realisasi": 350_000_000,
                "urutan": 2,
            },
            {
                "kode": "P2.K1.S1",
                "kode_kegiatan": "P2.K1",
                "nama": "Koordinasi dengan Kepolisian",
                "pagu": 500_000_000,
                "realisasi": 400_000_000,
                "urutan": 1,
            },
        ],
        "output_sub_kegiatan": [
            {
                "kode_sub_kegiatan": "P1.K1.S1",
                "indikator": "Jumlah orang yang menerima gaji",
                "satuan": "orang",
                "target": 22.0,
                "realisasi": 22.0,
            },
            {
                "kode_sub_kegiatan": "P2.K1.S1",
                "indikator": "Jumlah laporan koordinasi",
                "satuan": "laporan",
                "target": 10.0,
                "realisasi": 10.0,
            },
        ],
        "narasi": [
            _narasi(
                "kata_pengantar",
                "Laporan Kinerja Kecamatan Umbulsari Tahun 2023 disusun sesuai Peraturan Pemerintah Nomor 8 "
                "Tahun 2006 dan PermenPAN-RB 53/2014. Laporan ini merupakan pertanggungjawaban kinerja "
                "Tahun Anggaran 2023 sesuai Renstra 2021-2026.",
            ),
            _narasi("rekomendasi", "Peningkatan kompetensi aparatur di tahun 2024."),
        ],
        "narasi_sasaran": [
            {
                "kode_sasaran": "S1",
                "jenis": "uraian",
                "urutan": 1,
                "teks": "Dibandingkan dengan tahun 2022 realisasi meningkat dari 70% menjadi 97%.",
            },
        ],
        "dokumen": [
            {
                "jenis": "pk_awal",
                "tempat": "Jember",
                "tanggal": dt.date(2023, 1, 16),
                "pihak1_nama": "RONNY ARJUNANTO, SE",
                "pihak1_jabatan": "Camat Umbulsari",
                "pihak2_nama": "NAMA BUPATI",
                "pihak2_jabatan": "Bupati Jember",
            },
            {
                "jenis": "pk_perubahan",
                "tempat": "Jember",
                "tanggal": dt.date(2023, 11, 21),
                "pihak1_nama": "RONNY ARJUNANTO, SE",
                "pihak1_jabatan": "Camat Umbulsari",
                "pihak2_nama": "NAMA BUPATI",
                "pihak2_jabatan": "Bupati Jember",
            },
            {
                "jenis": "sk_iku",
                "nomor": "800/036/35.09.10/2023",
                "tempat": "Umbulsari",
                "tanggal": dt.date(2023, 3, 15),
                "pihak1_nama": "RONNY ARJUNANTO, SE",
                "pihak1_jabatan": "Camat Umbulsari",
            },
        ],
    },
)


def build_dataset(spec: Spec) -> DataSet:
    """Turn a :class:`Spec` into a DataSet with text-form locations."""
    records = {}
    for name, tbl in TABLES.items():
        if tbl.kind != "records":
            continue
        rows = spec.records.get(name, [])
        locations = [Location(tbl.filename, row=i + 2) for i in range(len(rows))]
        records[name] = frame_from_rows(name, rows, locations)
    field_locations = {
        name: {key: Location(TABLES[name].filename, column=key) for key in values}
        for name, values in spec.fields.items()
    }
    return DataSet(records=records, fields=copy.deepcopy(spec.fields), field_locations=field_locations)


@pytest.fixture
def build() -> Callable[[Spec], DataSet]:
    """The :func:`build_dataset` function (a fixture, so test modules need no import)."""
    return build_dataset


@pytest.fixture
def spec() -> Spec:
    """A fresh copy of the clean data set description."""
    return copy.deepcopy(BASE)
