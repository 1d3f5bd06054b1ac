"""BAB II opening paragraphs (narrative.perencanaan): every count and date comes from the data set."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import pytest

from lkip_helpers.present import narrative
from lkip_helpers.report.laporan import Laporan


def _teks(paragraphs: list[str]) -> str:
    assert paragraphs
    for p in paragraphs:
        assert p.strip()
        assert "None" not in p
        assert "nan" not in p.split()
        assert " ," not in p
        assert ",," not in p
    return " ".join(paragraphs)


def _edit(lap: Laporan, name: str, fn: Callable[[pd.DataFrame], pd.DataFrame]) -> Laporan:
    """A what-if report with records table ``name`` replaced by ``fn(copy)``, checked again."""
    ds = lap.ds.dengan(**{name: fn(lap.ds.df(name)).reset_index(drop=True)})
    return Laporan.dari_data_set(ds, lap.settings)


def _fields(lap: Laporan, table: str, **values: Any) -> Laporan:
    ds = lap.ds
    ds = dataclasses.replace(ds, fields={**ds.fields, table: {**ds.fields.get(table, {}), **values}})
    return Laporan.dari_data_set(ds, lap.settings)


def _dokumen(jenis: str, **values: Any) -> Callable[[pd.DataFrame], pd.DataFrame]:
    def fill(df: pd.DataFrame) -> pd.DataFrame:
        for col, v in values.items():
            df[col] = df[col].astype(object)
            df.loc[df["jenis"] == jenis, col] = v
        return df

    return fill


FUNCTIONS = [narrative.paragraf_renstra, narrative.paragraf_rkt, narrative.paragraf_iku, narrative.paragraf_pk]


@pytest.mark.parametrize("fn", FUNCTIONS, ids=lambda f: f.__name__)
def test_each_section_opens_with_text(fn: Callable[[Laporan], list[str]], lap: Laporan) -> None:
    paragraphs = fn(lap)
    _teks(paragraphs)
    assert paragraphs == fn(lap)


# ------------------------------------------------------------------ A. Renstra
def test_renstra_period_versions_and_counts(lap: Laporan) -> None:
    text = _teks(narrative.paragraf_renstra(lap))
    assert "Rencana Strategis (Renstra) Kecamatan Umbulsari Tahun 2021-2026" in text
    assert "RPJMD" in text  # the data set names the RPJMD mission it refers to
    assert "telah mengalami perubahan" in text
    assert "Sebelum perubahan, Renstra memuat 1 (satu) tujuan, 3 (tiga) sasaran strategis dan 4 (empat)" in text
    assert "Renstra memuat 3 (tiga) tujuan, 5 (lima) sasaran strategis dan 6 (enam) indikator sasaran" in text
    assert "diukur terhadap target Perjanjian Kinerja (PK) Perubahan Tahun 2023" in text
    assert "4 (empat) indikator pada 4 (empat) sasaran strategis" in text


def test_renstra_follows_the_data(lap: Laporan) -> None:
    # only the revised Renstra: no 'perubahan' sentence, counts of that version
    awal = {"S6", "S7", "S8"}
    edited = _edit(lap, "target", lambda df: df[~df["kode_indikator"].str.startswith(("I6", "I7", "I8"))])
    edited = _edit(edited, "indikator", lambda df: df[~df["kode_sasaran"].isin(awal)])
    edited = _edit(edited, "sasaran", lambda df: df[~df["kode"].isin(awal)])
    edited = _edit(edited, "tujuan", lambda df: df[df["kode"] != "T4"])
    text = _teks(narrative.paragraf_renstra(edited))
    assert "mengalami perubahan" not in text
    assert "Renstra Perubahan memuat 3 (tiga) tujuan, 5 (lima) sasaran strategis dan 6 (enam)" in text
    # one measured indicator fewer: the measurement sentence follows
    fewer = _edit(lap, "target", lambda df: df[~((df["kode_indikator"] == "I4.1") & (df["versi"] == "pk_perubahan"))])
    assert "3 (tiga) indikator pada 3 (tiga) sasaran strategis" in _teks(narrative.paragraf_renstra(fewer))
    # another target version
    pk_awal = _fields(lap, "instansi", versi_target="pk_awal")
    assert "target Perjanjian Kinerja (PK) Tahun 2023" in _teks(narrative.paragraf_renstra(pk_awal))
    # no period: the Renstra is named without one
    no_period = _fields(lap, "instansi", renstra_awal=None, renstra_akhir=None)
    assert "Kecamatan Umbulsari memuat tujuan" in _teks(narrative.paragraf_renstra(no_period))


# ------------------------------------------------------------------ B. RKT
def test_rkt_year_signing_and_targets(lap: Laporan) -> None:
    text = _teks(narrative.paragraf_rkt(lap))
    assert "RKT Kecamatan Umbulsari Tahun 2023 yang ditandatangani di Jember pada tanggal 21 November 2023" in text
    assert "4 (empat) program, 6 (enam) kegiatan, dan 9 (sembilan) sub kegiatan" in text
    assert "Target RKT tahun 2023 tercatat untuk 3 (tiga) indikator sasaran" in text
    assert "Sebanyak 4 (empat) indikator yang diukur dalam laporan ini tidak memiliki target RKT" in text


def test_rkt_without_a_date_says_none(lap: Laporan) -> None:
    edited = _edit(lap, "dokumen", _dokumen("rkt", tanggal=None, tempat=None))
    text = _teks(narrative.paragraf_rkt(edited))
    assert "ditandatangani" not in text
    assert "November" not in text
    only_date = _edit(lap, "dokumen", _dokumen("rkt", tempat=None))
    assert "yang ditandatangani pada tanggal 21 November 2023" in _teks(narrative.paragraf_rkt(only_date))


# ------------------------------------------------------------------ C. IKU
def test_iku_count_and_decree(lap: Laporan) -> None:
    text = _teks(narrative.paragraf_iku(lap))
    assert ("IKU Kecamatan Umbulsari terdiri atas 6 (enam) indikator yang ditetapkan dengan Keputusan Camat "
            "Umbulsari Nomor 800/036/35.09.10/2023 tanggal 15 Maret 2023.") in text
    assert "1 (satu) indikator merupakan indikator tujuan" in text
    assert "Sebanyak 4 (empat) IKU memiliki target Perjanjian Kinerja (PK) Perubahan Tahun 2023" in text
    assert "Sebanyak 2 (dua) IKU lainnya tidak memiliki target tersebut" in text


def test_iku_follows_the_data(lap: Laporan) -> None:
    no_sk = _edit(lap, "dokumen", _dokumen("sk_iku", nomor=None, tanggal=None))
    text = _teks(narrative.paragraf_iku(no_sk))
    assert "Keputusan" not in text
    assert "Nomor" not in text
    assert "terdiri atas 6 (enam) indikator." in text
    no_date = _edit(lap, "dokumen", _dokumen("sk_iku", tanggal=None))
    text = _teks(narrative.paragraf_iku(no_date))
    assert "Nomor 800/036/35.09.10/2023." in text
    assert "Maret" not in text
    fewer = _edit(lap, "indikator", lambda df: df.assign(iku=[False if k == "IT2.1" else v
                                                             for k, v in zip(df["kode"], df["iku"], strict=True)]))
    text = _teks(narrative.paragraf_iku(fewer))
    assert "terdiri atas 5 (lima) indikator" in text
    assert "indikator tujuan" not in text
    assert "Sebanyak 1 (satu) IKU lainnya" in text


# ------------------------------------------------------------------ D. PK
def test_pk_version_content_and_budget(lap: Laporan) -> None:
    text = _teks(narrative.paragraf_pk(lap))
    assert ("Perjanjian Kinerja (PK) Perubahan Tahun 2023 Kecamatan Umbulsari memuat 4 (empat) sasaran strategis "
            "dengan 4 (empat) indikator kinerja") in text
    assert "ditandatangani" not in text  # the seed has no PK page: no place, no date, no parties
    assert "Bupati" not in text
    assert "Target PK Perubahan sama dengan target PK awal tahun 2023;" in text
    # I3.1: Renstra Perubahan 80, PK 100 (the seed claims the PK follows the Renstra)
    assert ("target 3 (tiga) indikator sama dengan target Renstra Perubahan tahun 2023, sedangkan target "
            "1 (satu) indikator berbeda.") in text
    assert "Rp 4.231.208.525 (Empat Miliar Dua Ratus Tiga Puluh Satu Juta" in text
    assert "APBD Kabupaten Jember" in text


def test_pk_signing_date_only_when_present(lap: Laporan) -> None:
    signed = _edit(lap, "dokumen", _dokumen("pk_perubahan", tanggal=date(2023, 11, 21)))
    text = _teks(narrative.paragraf_pk(signed))
    assert "yang ditandatangani pada tanggal 21 November 2023 memuat" in text
    parties = _edit(lap, "dokumen", _dokumen("pk_perubahan", pihak1_jabatan="Camat Umbulsari",
                                             pihak2_jabatan="Bupati Jember", tempat="Jember"))
    text = _teks(narrative.paragraf_pk(parties))
    assert "antara Camat Umbulsari dan Bupati Jember yang ditandatangani di Jember memuat" in text


def test_pk_follows_the_data(lap: Laporan) -> None:
    changed = _edit(lap, "target", lambda df: df.assign(nilai=df["nilai"].where(
        ~((df["versi"] == "pk_awal") & (df["kode_indikator"] == "I2.1")), 80.0)))
    text = _teks(narrative.paragraf_pk(changed))
    assert "Sebanyak 1 (satu) target PK Perubahan berbeda dari target PK awal tahun 2023;" in text
    no_renstra = _edit(lap, "target", lambda df: df[~df["versi"].str.startswith("renstra_")])
    assert "Renstra" not in " ".join(narrative.paragraf_pk(no_renstra)[2:])
    no_pk = _edit(lap, "target", lambda df: df[~df["versi"].str.startswith("pk_")])
    text = _teks(narrative.paragraf_pk(no_pk))
    assert "Target Perjanjian Kinerja tahun 2023 belum tersedia." in text
    awal_only = _edit(lap, "target", lambda df: df[df["versi"] != "pk_perubahan"])
    text = _teks(narrative.paragraf_pk(awal_only))
    assert text.count("Perjanjian Kinerja (PK) Tahun 2023 Kecamatan Umbulsari memuat 4 (empat)") == 1
    assert "diukur terhadap target Perjanjian Kinerja (PK) Perubahan Tahun 2023" in text
