"""The reference figures of the seed report, computed from the Umbulsari data set by the pure figure functions."""

from __future__ import annotations

import pandas as pd
import pytest

from lkip_helpers import fmt
from lkip_helpers.data.model import DataSet
from lkip_helpers.report import figures
from lkip_helpers.rules.capaian import RataRata
from lkip_helpers.rules.settings import Settings, load_settings


def _indikator(ds: DataSet) -> pd.DataFrame:
    return figures.indikator_diukur(ds, figures.versi_target(ds))


def _pengukuran(ds: DataSet, settings: Settings) -> tuple[pd.DataFrame, RataRata]:
    """Tabel 3.1 and the overall average, as the report object computes them."""
    versi = figures.versi_target(ds)
    df = figures.pengukuran_kinerja(settings, _indikator(ds), figures.nilai_indikator(ds, ds.tahun, versi))
    return df, figures.rata_rata(df, settings)


def _efisiensi(ds: DataSet, settings: Settings) -> pd.DataFrame:
    df, _ = _pengukuran(ds, settings)
    return figures.efisiensi_sasaran(
        ds, settings, figures.capaian_sasaran(df, settings), figures.anggaran_tree(ds)
    )


def test_tabel_3_1_capaian_and_average(umbulsari: DataSet, settings: Settings) -> None:
    df, rata = _pengukuran(umbulsari, settings)
    assert list(df["kode_indikator"]) == ["I1.1", "I2.1", "I3.1", "I4.1"]
    assert list(df["capaian"]) == pytest.approx([97.0, 100.0, 85.0, 100.0])
    assert list(df["no"]) == [1, 2, 3, 4]
    assert rata.nilai == pytest.approx(95.5)
    assert (rata.kode, rata.label) == ("AA", "Sangat Memuaskan")
    assert fmt.persen(rata.nilai) == "95,50%"
    assert list(df["predikat"]) == ["AA", "AA", "A", "AA"]


def test_grade_indicator_uses_ordinal_when_target_score_unknown(
    umbulsari: DataSet, settings: Settings
) -> None:
    df, _ = _pengukuran(umbulsari, settings)
    sakip = df[df["kode_indikator"] == "I4.1"].iloc[0]
    assert sakip["metode"] == "huruf_ordinal"
    assert sakip["realisasi_teks"] == "B (skor 85)"


def test_budget_totals(umbulsari: DataSet) -> None:
    ang = figures.ringkasan_anggaran(umbulsari, figures.anggaran_tree(umbulsari))
    assert ang.pagu == 4_231_208_525
    assert ang.realisasi == 3_437_517_304
    assert fmt.persen(ang.serapan) == "81,24%"
    assert fmt.rupiah(ang.pagu) == "Rp 4.231.208.525"
    # the seed: "penurunan sebesar 16,76 %" from 2022
    assert ang.selisih_serapan == pytest.approx(-16.76, abs=0.005)


def test_budget_tree_matches_stated_amounts(umbulsari: DataSet) -> None:
    tree = figures.anggaran_tree(umbulsari)
    assert (tree["pagu"] == tree["pagu_tertulis"]).all()
    assert (tree["realisasi"] == tree["realisasi_tertulis"]).all()
    programs = tree[tree["level"] == "program"]
    assert len(programs) == 4
    assert len(tree[tree["level"] == "sub_kegiatan"]) == 9


def test_efficiency_per_sasaran_follows_the_seed(umbulsari: DataSet, settings: Settings) -> None:
    eff = _efisiensi(umbulsari, settings)
    assert [fmt.persen(s, 1) for s in eff["serapan"]] == ["72,7%", "85,1%", "82,2%", "81,3%"]
    assert list(eff["efisiensi"]) == ["Efisien"] * 4


def test_efficiency_method_is_a_setting(umbulsari: DataSet) -> None:
    band = load_settings(overrides={"efisiensi": {"metode": "selisih", "ambang": 5}})
    eff = _efisiensi(umbulsari, band)
    # S3: capaian 85 vs serapan 82,2 -> within +-5 points
    assert list(eff["efisiensi"]) == ["Efisien", "Efisien", "Cukup Efisien", "Efisien"]


def test_years_renstra_and_benchmark(umbulsari: DataSet, settings: Settings) -> None:
    versi = figures.versi_target(umbulsari)
    years = figures.perbandingan_tahun(umbulsari, settings, _indikator(umbulsari), versi)
    s1 = years[(years["kode_indikator"] == "I1.1") & (years["tahun"] == 2022)].iloc[0]
    assert (s1["target"], s1["realisasi"]) == (80, 70)
    assert s1["capaian"] == pytest.approx(87.5)
    df, _ = _pengukuran(umbulsari, settings)
    renstra = figures.perbandingan_renstra(umbulsari, settings, df).set_index("kode_indikator")
    assert renstra.loc["I1.1", "target_akhir"] == 100
    assert renstra["tahun_ke"].isna().all()  # no end target reached yet (the seed claimed otherwise)
    bench = figures.perbandingan_pembanding(umbulsari, df)
    ikm = bench[bench["kode_indikator"] == "I2.1"].iloc[0]
    assert ikm["tingkat"] == "kabupaten"
    assert ikm["selisih"] == pytest.approx(1.24)


def test_programs_supporting_sasaran(umbulsari: DataSet) -> None:
    prog = figures.program_pendukung(umbulsari, _indikator(umbulsari))
    assert prog["kode_sub_kegiatan"].nunique() == 9
    assert list(dict.fromkeys(prog["kode_sasaran"])) == ["S1", "S2", "S3", "S4"]
    gaji = prog[prog["kode_sub_kegiatan"] == "P1.K1.S1"].iloc[0]
    assert (gaji["output_target"], gaji["output_realisasi"], gaji["output_capaian"]) == (22, 22, 100)
