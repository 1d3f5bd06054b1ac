"""Generated text: every figure as the report object computed it, formatted by fmt; gaps explained, never a crash."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from lkip_helpers import fmt
from lkip_helpers.data import load_dataset
from lkip_helpers.data.model import DataSet
from lkip_helpers.data.schema import NARASI_SASARAN_JENIS
from lkip_helpers.paths import params_dir
from lkip_helpers.present import narrative
from lkip_helpers.report.laporan import Laporan
from lkip_helpers.rules.settings import Settings, load_settings

KATA = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima"}
PERSEN = re.compile(r"(?<![\d.,])-?\d[\d.]*(?:,\d+)?%")


# ------------------------------------------------------------------ helpers
def _lap(ds: DataSet, settings: Settings) -> Laporan:
    """The report of a modified data set (checked again, as a what-if is)."""
    return Laporan.dari_data_set(ds, settings)


def _replace(ds: DataSet, **frames: pd.DataFrame) -> DataSet:
    return dataclasses.replace(ds, records={**ds.records, **frames})


def _fields(ds: DataSet, table: str, **values: Any) -> DataSet:
    return dataclasses.replace(ds, fields={**ds.fields, table: {**ds.fields.get(table, {}), **values}})


def _set(ds: DataSet, table: str, where: dict[str, Any], **values: Any) -> DataSet:
    df = ds.df(table).copy()
    mask = pd.Series(True, index=df.index)
    for col, v in where.items():
        mask &= df[col] == v
    assert mask.any(), f"no row of {table} matches {where}"
    for col, v in values.items():
        if df[col].dtype == object:
            df.loc[mask, col] = pd.Series([v] * int(mask.sum()), index=df.index[mask], dtype=object)
        else:
            df.loc[mask, col] = v
    return _replace(ds, **{table: df})


def _add(ds: DataSet, table: str, *rows: dict[str, Any]) -> DataSet:
    df = ds.df(table)
    extra = pd.DataFrame([{c: r.get(c) for c in df.columns} for r in rows])
    out = pd.concat([df, extra], ignore_index=True).astype({c: df[c].dtype for c in df.columns if c != "_lokasi"})
    return _replace(ds, **{table: out})


def _drop(ds: DataSet, table: str, where: dict[str, Any]) -> DataSet:
    df = ds.df(table)
    mask = pd.Series(True, index=df.index)
    for col, v in where.items():
        mask &= df[col] == v
    return _replace(ds, **{table: df[~mask].reset_index(drop=True)})


def _text(parts: list[str]) -> str:
    return "\n".join(parts)


def _persen_sah(lap: Laporan) -> set[str]:
    """Every percentage the computed frames hold, formatted as the tables print it."""
    frames = [
        lap.pengukuran_kinerja,
        lap.perbandingan_tahun,
        lap.perbandingan_renstra,
        lap.perbandingan_pembanding,
        lap.capaian_sasaran,
    ]
    out = {fmt.persen(lap.rata_rata.nilai)}
    for f in frames:
        for col in f.columns:
            if col.endswith("_teks"):
                out |= {str(v) for v in f[col]}
            if col in {"capaian", "capaian_mentah", "rata_rata", "capaian_akhir", "capaian_akhir_mentah"}:
                out |= {fmt.persen(v) for v in f[col]}
    return out


def _assert_percentages_computed(lap: Laporan, kode: str) -> str:
    text = _text(narrative.paragraf_sasaran(lap, kode))
    allowed = _persen_sah(lap)
    found = PERSEN.findall(text)
    stray = [p for p in found if p not in allowed]
    assert not stray, f"percentages not in the computed frames: {stray}\n{text}"
    return text


def _clean(text: str) -> None:
    for bad in ("nan", "None", "inf", "NaT", "<NA>"):
        assert not re.search(rf"\b{bad}\b", text), f"{bad!r} in: {text}"


# ------------------------------------------------------------------ Umbulsari
def test_ikhtisar_umbulsari(lap: Laporan) -> None:
    text = _text(narrative.ikhtisar(lap))
    assert "Kecamatan Umbulsari" in text
    assert "Nomor 53 Tahun 2014" in text
    assert "Renstra) Kecamatan Umbulsari Tahun 2021-2026" in text
    assert "Perjanjian Kinerja (PK) Perubahan Tahun 2023" in text
    assert "empat sasaran strategis dengan empat indikator kinerja" in text
    assert "95,50% dengan predikat AA (Sangat Memuaskan)" in text
    assert "Rp 4.231.208.525 (Empat Miliar Dua Ratus Tiga Puluh Satu Juta Dua Ratus Delapan Ribu" in text
    assert "Rp 3.437.517.304 atau serapan 81,24%" in text
    assert "data sementara dan belum diaudit BPK" in text
    assert "empat dari empat sasaran tergolong Efisien" in text
    assert "DATA CONTOH" not in text
    _clean(text)


def test_ikhtisar_parts(lap: Laporan) -> None:
    perf = narrative.ikhtisar_predikat(lap)
    money = narrative.ikhtisar_anggaran(lap)
    assert narrative.ikhtisar(lap) == [*perf, *money]
    assert "Rp" not in _text(perf)
    assert "95,50%" in _text(perf)
    assert "81,24%" in _text(money)


def test_counts_per_predikat_agree_with_tabel_3_1(lap: Laporan) -> None:
    counts = lap.pengukuran_kinerja["predikat"].value_counts().to_dict()
    assert counts == {"AA": 3, "A": 1}
    labels = {b.kode: b.label for b in lap.settings.skala.bands}
    for text in (
        _text(narrative.ikhtisar(lap)),
        _text(narrative.pengukuran_ringkas(lap)),
        _text(narrative.kesimpulan(lap)),
    ):
        for kode, n in counts.items():
            assert f"{KATA[n]} indikator berpredikat {kode} ({labels[str(kode)]})" in text
        assert "tiga indikator berpredikat AA (Sangat Memuaskan) dan satu indikator berpredikat A (Memuaskan)" in text


def test_ikhtisar_kendala_and_rekomendasi_are_the_planners(lap: Laporan) -> None:
    narasi = lap.ds.df("narasi")
    for bagian, func in (("kendala", narrative.ikhtisar_kendala), ("rekomendasi", narrative.ikhtisar_rekomendasi)):
        rows = narasi[narasi["bagian"] == bagian].sort_values("urutan")
        assert func(lap) == [" ".join(t.split()) for t in rows["teks"]]
        assert func(lap) == lap.narasi(bagian)  # read in one place: the report object
    whole = narrative.ikhtisar_eksekutif(lap)
    assert whole.paragraf == narrative.ikhtisar(lap)
    assert whole.kendala == narrative.ikhtisar_kendala(lap)
    assert whole.pengantar_kendala is not None
    assert whole.pengantar_kendala.endswith("antara lain:")
    assert whole.rekomendasi == narrative.ikhtisar_rekomendasi(lap)


def test_pengukuran_ringkas(lap: Laporan) -> None:
    (text,) = narrative.pengukuran_ringkas(lap)
    assert ("rata-rata capaian kinerja empat sasaran strategis Kecamatan Umbulsari tahun 2023 sebesar 95,50% "
            "dengan predikat AA (Sangat Memuaskan)") in text


def test_sasaran_1(lap: Laporan) -> None:
    text = _assert_percentages_computed(lap, "S1")
    assert "memiliki target 100% dan realisasi 97%, sehingga capaian kinerjanya 97,00% dengan predikat AA" in text
    assert "naik 27 poin persen, dari 70% menjadi 97%" in text
    assert "kenaikan ini menunjukkan perbaikan kinerja" in text
    assert "Capaian kinerja naik dari 87,50% pada tahun 2022 (target 80%) menjadi 97,00%" in text
    # the seed claimed "tercapai pada tahun ke-3"; the data say otherwise
    assert ("Target akhir periode Renstra (2026) untuk indikator Persentase Penyelesaian Laporan dan Pelanggaran "
            "Ketertiban Umum serta Ketentraman Masyarakat sebesar 100% belum tercapai; realisasi tahun 2023 "
            "sebesar 97% dari target akhir 100%") in text
    assert "Tidak terdapat standar atau realisasi pembanding" in text
    _clean(text)


def test_sasaran_2_benchmark_ikm_kabupaten(lap: Laporan) -> None:
    text = _assert_percentages_computed(lap, "S2")
    assert ("Dibandingkan dengan IKM tingkat Kabupaten Jember tahun 2023 sebesar 83,76, realisasi Kecamatan "
            "Umbulsari sebesar 85 lebih tinggi 1,24 poin") in text
    assert "lebih baik daripada pembanding" in text
    assert "turun 10 poin, dari 95 menjadi 85" in text
    assert "Capaian kinerja tetap 100,00%" in text


def test_sasaran_4_letter_grade(lap: Laporan) -> None:
    text = _assert_percentages_computed(lap, "S4")
    assert "target B dan realisasi B (skor 85)" in text
    assert "peringkat huruf" in text
    # B with a score of 85 (A on the scale): both stated, nothing concluded, no "perbaikan kinerja"
    assert "tercatat BB (skor 80) pada tahun 2022 dan B (skor 85) pada tahun 2023" in text
    assert "huruf dan skor tahun 2023 tidak sepadan" in text
    assert "perbaikan kinerja" not in text.split("Dibandingkan tahun 2022, realisasi indikator Nilai SAKIP")[1]
    assert "Nilai SAKIP tingkat nasional tahun 2023 sebesar 63,36" in text
    assert "skor realisasi Kecamatan Umbulsari sebesar 85 lebih tinggi 21,64 poin" in text
    assert "Kabupaten Jember tahun 2023 dengan kategori B" in text
    assert "setara dengan pembanding" in text
    assert "ketercapaian target akhir belum dinilai" in text  # not "66,67% belum tercapai" against A


@pytest.mark.parametrize("kode", ["S1", "S2", "S3", "S4"])
def test_every_percentage_in_a_sasaran_paragraph_is_computed(kode: str, lap: Laporan) -> None:
    _assert_percentages_computed(lap, kode)


def test_unmeasured_sasaran_is_refused(lap: Laporan) -> None:
    with pytest.raises(ValueError, match="S6"):
        narrative.paragraf_sasaran(lap, "S6")


def test_narasi_sasaran_of_the_report(lap: Laporan) -> None:
    """The planner's text on a sasaran now comes from the report object (was ``narrative.narasi_planner``)."""
    raw = lap.narasi_sasaran("S1")
    got = {jenis: raw.get(jenis, []) for jenis in NARASI_SASARAN_JENIS}
    assert list(got) == ["uraian", "faktor_pendukung", "permasalahan", "solusi"]
    assert got["faktor_pendukung"][1] == "Patroli wilayah secara rutin."
    assert len(got["uraian"]) == 8
    assert {jenis: lap.narasi_sasaran("S8").get(jenis, []) for jenis in NARASI_SASARAN_JENIS} == {k: [] for k in got}


def test_paragraf_anggaran(lap: Laporan) -> None:
    text = _text(narrative.paragraf_anggaran(lap))
    assert "sebesar Rp 4.231.208.525 (Empat Miliar" in text
    assert "Lima Rupiah) yang bersumber dari APBD Kabupaten Jember" in text
    assert "empat program, enam kegiatan, dan sembilan sub kegiatan" in text
    assert "sampai dengan 31 Desember 2023 sebesar Rp 3.437.517.304 atau 81,24% dari pagu" in text
    assert "turun 16,76 poin persen dari 98,00% pada tahun 2022" in text
    assert "data sementara dan belum diaudit BPK" in text
    assert "Belanja Operasi sebesar Rp 4.231.208.525, tanpa Belanja Modal (Rp 0)" in text
    assert "Belanja Pegawai sebesar Rp 3.074.839.891 dan Belanja Barang dan Jasa sebesar Rp 1.156.368.634" in text
    assert "Catatan" not in text  # stated totals equal the sums
    _clean(text)


def test_paragraf_efisiensi(lap: Laporan) -> None:
    parts = narrative.paragraf_efisiensi(lap)
    assert len(parts) == 6
    assert "sama dengan atau lebih besar" in parts[0]
    assert "capaian kinerja 97,00% dengan serapan anggaran 72,71% (Rp 36.760.000 dari Rp 50.560.000)" in parts[1]
    assert "Program Koordinasi Ketentraman dan Ketertiban Umum" in parts[1]
    assert "tergolong Efisien (selisih +24,29 poin persen)" in parts[1]
    assert "rata-rata capaian kinerja 95,50% dibandingkan serapan seluruh anggaran 81,24%" in parts[-1]
    for p, serapan in zip(parts[1:5], lap.efisiensi_sasaran["serapan"], strict=True):
        assert fmt.persen(serapan) in p


def test_paragraf_efisiensi_names_the_method(lap: Laporan) -> None:
    band = load_settings(overrides={"efisiensi": {"metode": "selisih", "ambang": 5}})
    parts = narrative.paragraf_efisiensi(_lap(lap.ds, band))
    assert "\u00b15 poin" in parts[0]
    assert "tergolong Cukup Efisien" in parts[3]
    assert "tiga sasaran tergolong Efisien dan satu sasaran tergolong Cukup Efisien" in parts[-1]
    ratio = load_settings(overrides={"efisiensi": {"metode": "rasio"}})
    parts = narrative.paragraf_efisiensi(_lap(lap.ds, ratio))
    assert "rasio" in parts[0]
    assert "(rasio 1,33)" in parts[1]


def test_kesimpulan(lap: Laporan) -> None:
    parts = narrative.kesimpulan(lap)
    text = _text(parts)
    assert "berpredikat AA (Sangat Memuaskan) dengan rata-rata capaian 95,50% dari empat sasaran" in text
    assert "Capaian terendah terdapat pada Sasaran 3" in text
    assert "Rp 3.437.517.304 atau 81,24% dari pagu Rp 4.231.208.525" in text
    assert "secara keseluruhan penggunaan sumber daya tergolong Efisien" in text
    assert parts[-1] == lap.narasi("kesimpulan")[-1]
    assert parts[-1].startswith("Laporan Kinerja Instansi Pemerintah Kecamatan Umbulsari merupakan")


# ------------------------------------------------------------------ modified data sets
def test_end_target_reached_this_year(lap: Laporan, settings: Settings) -> None:
    ds = _set(lap.ds, "realisasi", {"kode_indikator": "I1.1", "tahun": 2023}, nilai=100.0)
    text = _assert_percentages_computed(_lap(ds, settings), "S1")
    assert ("sebesar 100% telah tercapai pada tahun ke-3 periode Renstra 2021-2026 (tahun 2023)") in text


def test_end_target_reached_earlier_then_missed(lap: Laporan, settings: Settings) -> None:
    ds = _set(lap.ds, "realisasi", {"kode_indikator": "I1.1", "tahun": 2022}, nilai=100.0)
    text = _assert_percentages_computed(_lap(ds, settings), "S1")
    assert "telah tercapai pada tahun ke-2 periode Renstra 2021-2026 (tahun 2022)" in text
    assert "Namun realisasi tahun 2023 sebesar 97% kembali belum memenuhi target akhir" in text
    assert "turun 3 poin persen, dari 100% menjadi 97%" in text


def test_no_previous_year(lap: Laporan, settings: Settings) -> None:
    ds = _drop(lap.ds, "realisasi", {"tahun": 2022})
    ds = _drop(ds, "target", {"tahun": 2022})
    modified = _lap(ds, settings)
    for kode in ("S1", "S2", "S3", "S4"):
        text = _assert_percentages_computed(modified, kode)
        assert "data tahun sebelumnya tidak tersedia (realisasi tahun 2022 belum tercatat)" in text
        _clean(text)


def test_no_benchmark(lap: Laporan, settings: Settings) -> None:
    ds = _replace(lap.ds, pembanding=lap.ds.df("pembanding").iloc[0:0])
    modified = _lap(ds, settings)
    for kode in ("S2", "S4"):
        text = _assert_percentages_computed(modified, kode)
        assert "Tidak terdapat standar atau realisasi pembanding tingkat kabupaten, provinsi maupun nasional" in text


def _with_negative(ds: DataSet) -> DataSet:
    ds = _add(
        ds, "target",
        {"kode_indikator": "I3.2", "versi": "pk_perubahan", "tahun": 2023, "nilai": 1.5},
        {"kode_indikator": "I3.2", "versi": "pk_perubahan", "tahun": 2022, "nilai": 2.0},
    )
    return _add(
        ds, "realisasi",
        {"kode_indikator": "I3.2", "tahun": 2023, "nilai": 1.2},
        {"kode_indikator": "I3.2", "tahun": 2022, "nilai": 1.8},
    )


def test_negative_indicator(lap: Laporan, settings: Settings) -> None:
    modified = _lap(_with_negative(lap.ds), settings)
    df = modified.pengukuran_kinerja
    neg = df[df["kode_indikator"] == "I3.2"].iloc[0]
    assert neg["capaian_mentah"] == pytest.approx(120.0)
    parts = narrative.paragraf_sasaran(modified, "S3")
    assert len(parts) == 1 + 2 * 4
    assert parts[0].startswith("Sasaran Strategis 3 (Fasilitasi Peningkatan Kesejahteraan Masyarakat Umbulsari) "
                               "diukur dengan dua indikator; rata-rata capaiannya 92,50%")
    text = _assert_percentages_computed(modified, "S3")
    assert "target 1,5% dan realisasi 1,2%, sehingga capaian kinerjanya 100,00%" in text
    assert "bersifat negatif (makin rendah makin baik)" in text
    assert "(Target - (Realisasi - Target)) / Target x 100%" in text
    assert "Capaian sebelum dibatasi sebesar 120,00%; untuk predikat dan rata-rata dihitung 100,00%" in text
    assert "turun 0,6 poin persen, dari 1,8% menjadi 1,2%" in text
    assert "penurunan ini menunjukkan perbaikan kinerja" in text
    # Renstra end target 0 for 2026: not reached, no capaian against it
    assert "sebesar 0% belum tercapai; realisasi tahun 2023 sebesar 1,2% dari target akhir 0%" in text
    assert "tidak dapat dihitung: target 0" in text
    ringkas = _text(narrative.pengukuran_ringkas(modified))
    assert "Capaian indikator Persentase Penduduk Miskin sebelum dibatasi sebesar 120,00%" in ringkas
    assert "(rata-rata dari capaian setiap sasaran)" in _text(narrative.ikhtisar(modified))


def test_negative_indicator_getting_worse(lap: Laporan, settings: Settings) -> None:
    ds = _with_negative(lap.ds)
    ds = _set(ds, "realisasi", {"kode_indikator": "I3.2", "tahun": 2023}, nilai=2.4)
    text = _assert_percentages_computed(_lap(ds, settings), "S3")
    assert "naik 0,6 poin persen, dari 1,8% menjadi 2,4%" in text
    assert "kenaikan ini menunjukkan penurunan kinerja" in text


def test_target_zero_is_na_with_its_reason(lap: Laporan, settings: Settings) -> None:
    ds = _set(lap.ds, "target", {"kode_indikator": "I1.1", "versi": "pk_perubahan", "tahun": 2023}, nilai=0.0)
    modified = _lap(ds, settings)
    text = _assert_percentages_computed(modified, "S1")
    assert "memiliki target 0% dan realisasi 97%" in text
    assert "tidak dapat dihitung karena target 0" in text
    assert "tidak diberi predikat dan tidak diikutkan dalam rata-rata" in text
    ikhtisar = _text(narrative.ikhtisar(modified))
    assert f"sebesar {fmt.persen(modified.rata_rata.nilai)} dengan predikat" in ikhtisar
    assert "satu indikator belum dapat diukur (Persentase Penyelesaian" in ikhtisar
    assert ": target 0)" in ikhtisar
    assert "tidak diikutkan dalam rata-rata" in _text(narrative.pengukuran_ringkas(modified))
    _clean(ikhtisar)
    _clean(_text(narrative.kesimpulan(modified)))
    _clean(_text(narrative.paragraf_efisiensi(modified)))


def test_missing_realisasi(lap: Laporan, settings: Settings) -> None:
    ds = _drop(lap.ds, "realisasi", {"kode_indikator": "I2.1", "tahun": 2023})
    modified = _lap(ds, settings)
    text = _assert_percentages_computed(modified, "S2")
    assert "memiliki target 85, sedangkan realisasinya belum tersedia" in text
    assert "karena realisasi belum tersedia" in text
    assert "belum dapat dinilai karena realisasi tahun 2023 belum tersedia" in text
    _clean(text)
    _clean(_text(narrative.paragraf_efisiensi(modified)))


def test_budget_without_last_year_and_with_a_wrong_stated_total(lap: Laporan, settings: Settings) -> None:
    ds = _fields(lap.ds, "anggaran", serapan_tahun_lalu=None, pagu_total=4_000_000_000)
    text = _text(narrative.paragraf_anggaran(_lap(ds, settings)))
    assert "belum dapat dilakukan karena data tahun sebelumnya tidak tersedia" in text
    assert ("jumlah pagu yang tertulis pada data anggaran (Rp 4.000.000.000) berbeda dengan jumlah pagu "
            "seluruh sub kegiatan (Rp 4.231.208.525)") in text
    assert "sebesar Rp 4.231.208.525 (Empat Miliar" in text  # the computed total is the one used


def test_no_budget(lap: Laporan, settings: Settings) -> None:
    empty = {t: lap.ds.df(t).iloc[0:0] for t in ("sub_kegiatan", "kegiatan", "program", "program_sasaran")}
    modified = _lap(_replace(lap.ds, **empty), settings)
    assert narrative.paragraf_anggaran(modified) == ["Data anggaran Kecamatan Umbulsari tahun 2023 belum tersedia."]
    for func in (narrative.ikhtisar, narrative.kesimpulan, narrative.paragraf_efisiensi):
        _clean(_text(func(modified)))


def test_nothing_measured(lap: Laporan, settings: Settings) -> None:
    modified = _lap(_replace(lap.ds, target=lap.ds.df("target").iloc[0:0]), settings)
    assert "Belum ada indikator" in _text(narrative.ikhtisar(modified))
    assert "Belum ada indikator" in _text(narrative.pengukuran_ringkas(modified))
    assert "Belum ada indikator" in _text(narrative.kesimpulan(modified))
    assert "belum dapat dinilai" in _text(narrative.paragraf_efisiensi(modified))


def test_other_predikat_scale(lap: Laporan) -> None:
    s86 = load_settings(params_dir() / "skala_permendagri86.yaml")
    text = _text(narrative.ikhtisar(_lap(lap.ds, s86)))
    assert "berpredikat ST (Sangat Tinggi)" in text
    assert "berpredikat T (Tinggi)" in text


# ------------------------------------------------------------------ synthetic data
@pytest.mark.parametrize("kecamatan", ["Ajung", "Jelbuk"])
def test_demo_data_sets(kecamatan: str, settings: Settings) -> None:
    ds = load_dataset(2023, kecamatan)
    assert ds.is_contoh
    demo = _lap(ds, settings)
    first = narrative.ikhtisar(demo)[0]
    assert "DATA CONTOH" in first
    assert f"Kecamatan {kecamatan}" in first
    for kode in dict.fromkeys(demo.pengukuran_kinerja["kode_sasaran"]):
        _clean(_assert_percentages_computed(demo, kode))
    for func in (narrative.ikhtisar, narrative.pengukuran_ringkas, narrative.kesimpulan,
                 narrative.paragraf_efisiensi):
        _clean(_text(func(demo)))
    _clean(_text(narrative.paragraf_anggaran(demo)))


# ------------------------------------------------------------------ property
_SETTINGS = {
    "bawaan": load_settings(),
    "batas110": load_settings(overrides={"capaian": {"batas_atas": 110}}),
    "rasio": load_settings(overrides={"capaian": {"metode_negatif": "rasio", "batas_atas": "tanpa"}}),
}
_value = st.one_of(st.none(), st.just(0.0), st.integers(0, 25000).map(lambda x: x / 100))


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    target=_value,
    realisasi=_value,
    lalu=_value,
    target_akhir=_value,
    arah=st.sampled_from(["positif", "negatif"]),
    kunci=st.sampled_from(sorted(_SETTINGS)),
)
def test_property_percentages_in_text_are_computed(
    lap: Laporan, target: Any, realisasi: Any, lalu: Any, target_akhir: Any, arah: str, kunci: str
) -> None:
    ds = _set(lap.ds, "indikator", {"kode": "I1.1"}, arah=arah)
    ds = _set(ds, "target", {"kode_indikator": "I1.1", "versi": "pk_perubahan", "tahun": 2023}, nilai=target)
    ds = _set(ds, "target", {"kode_indikator": "I1.1", "versi": "renstra_perubahan", "tahun": 2026},
              nilai=target_akhir)
    ds = _set(ds, "realisasi", {"kode_indikator": "I1.1", "tahun": 2023}, nilai=realisasi)
    ds = _set(ds, "realisasi", {"kode_indikator": "I1.1", "tahun": 2022}, nilai=lalu)
    modified = _lap(ds, _SETTINGS[kunci])
    text = _assert_percentages_computed(modified, "S1")
    _clean(text)
    row = modified.pengukuran_kinerja.iloc[0]
    if pd.isna(row["capaian"]):
        assert "tidak dapat dihitung" in text
    else:
        assert f"capaian kinerjanya {fmt.persen(row['capaian'])}" in text
