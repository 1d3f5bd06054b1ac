"""Narrative hygiene: other kecamatan and other years in the printed texts."""

from __future__ import annotations

import pytest

from lkip_helpers.checks import check_kecamatan_lain, check_tahun_asing
from lkip_helpers.checks.narasi import tahun_asing
from lkip_helpers.data.schema import TABLES
from lkip_helpers.errors import Level, Location

RENSTRA = (2021, 2026)


def _years(sentence: str) -> list[str]:
    return [y for y, _, _ in tahun_asing(sentence, 2023, RENSTRA)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the seed's kata pengantar: the real copy error
        (
            "Laporan ini merupakan wujud pertanggungjawaban atas kinerja pencapaian sasaran strategis "
            "Tahun Anggaran 2022.",
            ["2022"],
        ),
        ("Jika dibandingkan dengan penyerapan anggaran pada tahun 2022 maka mengalami penurunan.", []),
        ("Dibandingkan dengan tahun 2022 target kinerja B dengan realisasi 80.", []),
        ("Realisasi tahun 2021 sebesar 70% menjadi 97% pada tahun 2023.", []),
        (
            "Laporan Kinerja Kecamatan Umbulsari tahun 2022 merupakan laporan atas Renstra Tahun 2021-2026",
            ["2022"],
        ),
        ("sumber daya dalam Dokumen Pelaksanaan Anggaran 2022 untuk melaksanakan program", ["2022"]),
        ("rekomendasi perbaikan di tahun 2024", []),
        ("Umbulsari, 23 Februari 2024", []),
        ("realisasi sampai dengan 31 Desember 2023", []),
        # legal citations carry their own year
        ("sesuai Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan", []),
        ("Peraturan Bupati Jember Nomor 29 Tahun 2021 sebagai berikut", []),
        ("Peraturan Menteri Negara PAN Nomor PER/9/M.PAN/5/2007 tentang IKU", []),
        ("Nomor 09/M.PAN/05/2007 tentang Pedoman", []),
        ("sesuai UU 23 tahun 2014 tentang Pemerintahan Daerah", []),
        ("Perpres 29/2014 dan PermenPAN-RB 53/2014", []),
        ("TAP MPR RI No. XI / MPR / 1998 tentang penyelenggara negara", []),
        ("berdasarkan Pancasila dan UUD 1945", []),
        # the Renstra period
        ("sesuai Renstra Kecamatan Umbulsari 2021-2026", []),
        ("sesuai Renstra 2021 s.d. 2026", []),
        ("target pada akhir periode renstra (tahun 2026) tercapai", []),
        ("sesuai Renstra 2016-2021", ["2016-2021"]),
        ("kegiatan serupa pada tahun 2021", ["2021"]),  # a Renstra year, but not about the Renstra
        ("target yang ditetapkan untuk tahun 2025", ["2025"]),
        # not years
        ("anggaran sebesar Rp 2.022.500 dan Rp. 4.231.208.525", []),
        ("NIP. 197708272002121006", []),
        ("sebanyak 2022 orang", ["2022"]),  # indistinguishable from a year: reported, rare
    ],
)
def test_tahun_asing_rule(sentence, expected):
    assert _years(sentence) == expected


def test_tahun_asing_without_renstra_period():
    assert [y for y, _, _ in tahun_asing("sesuai Renstra 2021-2026", 2023, None)] == ["2021-2026"]


def test_tahun_kata_pengantar(spec, build):
    assert check_tahun_asing(build(spec)) == []
    spec.records["narasi"][0]["teks"] += (
        " Laporan Kinerja Kecamatan Umbulsari merupakan wujud pertanggungjawaban atas kinerja pencapaian "
        "sasaran strategis Tahun Anggaran 2022. Dibandingkan tahun 2022, capaian meningkat."
    )
    (p,) = check_tahun_asing(build(spec))
    assert p.level is Level.PERINGATAN
    assert p.code == "narasi.tahun"
    assert p.location == Location("narasi.yaml", row=2, column="teks")
    assert "narasi bagian 'kata_pengantar' butir 1" in p.message
    assert "Tahun Anggaran 2022" in p.found


def test_tahun_in_names(spec, build):
    spec.row("sub_kegiatan", kode="P1.K1.S2")["nama"] = "Penyediaan Jasa Kantor Tahun 2019"
    (p,) = check_tahun_asing(build(spec))
    assert p.location == Location("sub_kegiatan.csv", row=3, column="nama")


def test_tahun_once_per_text(spec, build):
    spec.records["narasi"][1]["teks"] = "Tahun 2022 baik. Pada 2022 juga."
    assert len(check_tahun_asing(build(spec))) == 1


def test_catatan_and_profil_are_not_read(spec, build):
    spec.row("target", kode_indikator="I1.1", versi="pk_perubahan")["catatan"] = (
        "Sumber menulis Tahun Anggaran 2022 dan Kecamatan Sukowono; dipakai 2023."
    )
    spec.fields["profil"]["catatan"] = "Data Kecamatan Sukorambi tahun 2019"
    ds = build(spec)
    assert check_tahun_asing(ds) == []
    assert check_kecamatan_lain(ds) == []


@pytest.mark.parametrize(
    ("table", "match", "column", "value"),
    [
        ("sasaran", {"kode": "S2"}, "uraian", "Terselenggaranya Pemerintahan Kecamatan Sukowono yang Baik"),
        ("narasi", {"bagian": "rekomendasi"}, "teks", "Meniru praktik baik kecamatan sukorambi."),
        ("narasi", {"bagian": "rekomendasi"}, "teks", "Laporan disampaikan kepada Camat Ledokombo."),
        ("indikator", {"kode": "I1.1"}, "nama", "Persentase laporan di Wuluhan"),
        ("program", {"kode": "P1"}, "nama", "Program Kec. Ambulu"),
        ("narasi", {"bagian": "rekomendasi"}, "teks", "Koordinasi dengan Kecamatan Semboro ditingkatkan."),
        ("narasi", {"bagian": "rekomendasi"}, "teks", "Koordinasi di Kecamatan Tanggul."),
    ],
)
def test_kecamatan_lain_found(spec, build, table, match, column, value):
    spec.row(table, **match)[column] = value
    (p,) = check_kecamatan_lain(build(spec))
    assert p.level is Level.PERINGATAN
    assert p.code == "narasi.kecamatan_lain"
    assert p.location.file == TABLES[table].filename
    assert p.location.column == column
    assert p.expected == "Kecamatan Umbulsari"


@pytest.mark.parametrize(
    "value",
    [
        "Kecamatan Umbulsari berbatasan dengan Kecamatan Semboro di utara dan Kecamatan Balung di timur.",
        "Bantuan untuk panti asuhan dan Panti Jompo di desa.",
        "Perbaikan tanggul sungai dan Tanggul irigasi.",
        "Kunjungan ke Kabupaten Jombang.",
        "Kecamatan Umbulsari dan Camat Umbulsari.",
        "Desa Paleran dan Desa Tegalwangi.",
    ],
)
def test_kecamatan_lain_not_found(spec, build, value):
    spec.row("narasi", bagian="rekomendasi")["teks"] = value
    assert check_kecamatan_lain(build(spec)) == []


def test_kecamatan_lain_own_desa_with_a_kecamatan_name(spec, build):
    spec.records["desa"].append({"no": 3, "nama": "Wuluhan", "status": "Maju"})
    spec.row("narasi", bagian="rekomendasi")["teks"] = "Musyawarah di Wuluhan."
    assert check_kecamatan_lain(build(spec)) == []
    spec.row("narasi", bagian="rekomendasi")["teks"] = "Musyawarah di Kecamatan Wuluhan."
    assert len(check_kecamatan_lain(build(spec))) == 1


def test_kecamatan_lain_mumbulsari_is_not_umbulsari(spec, build):
    spec.row("narasi", bagian="rekomendasi")["teks"] = "Studi banding ke Mumbulsari."
    (p,) = check_kecamatan_lain(build(spec))
    assert "Mumbulsari" in p.message
    spec.fields["instansi"]["kecamatan"] = "Mumbulsari"
    spec.row("narasi", bagian="rekomendasi")["teks"] = "Kecamatan Mumbulsari dan Kecamatan Umbulsari."
    found = check_kecamatan_lain(build(spec))
    assert 3 in {p.location.row for p in found if p.location.file == "narasi.yaml"}
    assert all("Umbulsari" in p.found for p in found)
