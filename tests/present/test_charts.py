"""Charts: valid, deterministic Vega-Lite specs showing the computed figures, rendered offline."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import pytest

from lkip_helpers import fmt
from lkip_helpers.data.model import DataSet
from lkip_helpers.present import charts
from lkip_helpers.present import theme as charts_theme
from lkip_helpers.report.laporan import Laporan
from lkip_helpers.rules.settings import Settings, load_settings

BUILDERS: dict[str, Callable[[Laporan], charts.Chart]] = {
    "capaian_indikator": charts.capaian_indikator,
    "tren_indikator": charts.tren_indikator,
    "anggaran_program": charts.anggaran_program,
    "capaian_vs_serapan": charts.capaian_vs_serapan,
    "komposisi_pegawai": charts.komposisi_pegawai,
    "status_desa": charts.status_desa,
}


def _datasets(spec: Any) -> dict[str, list[dict[str, Any]]]:
    """Every named inline data set of a spec, by name."""
    found: dict[str, list[dict[str, Any]]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and "name" in data and "values" in data:
                found[data["name"]] = data["values"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def _laporan(ds: DataSet, settings: Settings, **frames: pd.DataFrame) -> Laporan:
    """The report of ``ds`` with some records tables replaced (a what-if data set)."""
    return Laporan.dari_data_set(ds.dengan(**frames) if frames else ds, settings)


@pytest.fixture(scope="module")
def specs(lap: Laporan) -> dict[str, dict[str, Any]]:
    return {name: build(lap).to_dict() for name, build in BUILDERS.items()}


# ----------------------------------------------------------------- every chart
@pytest.mark.parametrize("name", list(BUILDERS))
def test_chart_is_valid_and_deterministic(
    name: str, lap: Laporan, umbulsari: DataSet, settings: Settings
) -> None:
    build = BUILDERS[name]
    chart = build(lap)
    assert isinstance(chart, alt.TopLevelMixin)
    first = chart.to_dict()  # validates against the Vega-Lite schema
    assert chart.to_dict() == first
    assert build(lap).to_dict() == first
    assert build(_laporan(umbulsari, settings)).to_dict() == first  # a report built anew
    text = json.dumps(first, sort_keys=True)
    assert "datasets" not in first  # no hashed data set names
    assert "param_" not in text
    assert "view_" not in text
    assert all(not n.startswith("data-") for n in _datasets(first))


@pytest.mark.parametrize("name", list(BUILDERS))
def test_chart_uses_the_house_font_and_renders_to_svg(name: str, specs: dict[str, dict[str, Any]]) -> None:
    spec = specs[name]
    assert spec["config"]["font"] == charts_theme.FONT == "DejaVu Sans"
    svg = charts_theme.spec_to_svg(spec)
    assert svg.startswith("<svg")
    assert "DejaVu Sans" in svg


# ----------------------------------------------------------------- the figures
def test_capaian_indikator_shows_tabel_3_1(lap: Laporan, specs: dict) -> None:
    rows = _datasets(specs["capaian_indikator"])["capaian_indikator"]
    assert [r["capaian"] for r in rows] == [97.0, 100.0, 85.0, 100.0]
    assert [r["capaian_teks"] for r in rows] == ["97,00%", "100,00%", "85,00%", "100,00%"]
    assert [r["predikat"] for r in rows] == ["AA", "AA", "A", "AA"]
    df = lap.pengukuran_kinerja
    assert [r["realisasi"] for r in rows] == list(df["realisasi_teks"])
    assert rows[3]["realisasi"] == "B (skor 85)"
    assert _datasets(specs["capaian_indikator"])["capaian_indikator_acuan"][0]["acuan"] == 100.0
    colour = specs["capaian_indikator"]["layer"][0]["encoding"]["color"]["scale"]
    assert colour == charts_theme.skala_predikat(kolom_berisi_kode=True).to_dict()


def test_capaian_indikator_labels_are_indonesian_in_the_svg(specs: dict) -> None:
    svg = charts_theme.spec_to_svg(specs["capaian_indikator"])
    assert "97,00%" in svg
    assert "85,00%" in svg
    assert "AA (Sangat Memuaskan)" in svg  # legend label from the settings' scale


def test_tren_indikator_years_and_scores(specs: dict) -> None:
    rows = _datasets(specs["tren_indikator"])["tren_indikator"]
    got = {(r["kode_indikator"], r["tahun"], r["seri"]): r["nilai"] for r in rows}
    assert got[("I1.1", 2022, "Target")] == 80.0
    assert got[("I1.1", 2022, "Realisasi")] == 70.0
    assert got[("I2.1", 2023, "Realisasi")] == 85.0
    # Nilai SAKIP: realisasi by its score, target letters without score are not drawn
    assert got[("I4.1", 2022, "Realisasi")] == 80.0
    assert got[("I4.1", 2023, "Realisasi")] == 85.0
    assert ("I4.1", 2023, "Target") not in got
    assert {r["tahun"] for r in rows} <= {2021, 2022, 2023}
    x = specs["tren_indikator"]["concat"][0]["layer"][0]["encoding"]["x"]
    assert x["scale"]["domain"] == [2021, 2022, 2023]
    assert len(specs["tren_indikator"]["concat"]) == 4


def test_tren_indikator_names_an_omitted_letter_indicator(umbulsari: DataSet, settings: Settings) -> None:
    rea = umbulsari.df("realisasi").copy()
    rea.loc[rea["kode_indikator"] == "I4.1", "skor"] = float("nan")
    spec = charts.tren_indikator(_laporan(umbulsari, settings, realisasi=rea)).to_dict()
    assert len(spec["concat"]) == 3
    assert "Nilai SAKIP" in " ".join(spec["title"]["text"])


def test_tren_indikator_marks_a_negative_indicator(settings: Settings) -> None:
    from lkip_helpers.data import load_dataset

    spec = charts.tren_indikator(_laporan(load_dataset(2023, "Ajung"), settings)).to_dict()
    titles = [" ".join(panel["title"]["text"]) for panel in spec["concat"]]
    assert [t for t in titles if "negatif" in t] == [
        "3.2 Persentase Penduduk Miskin (indikator negatif: makin rendah makin baik)"
    ]


def test_anggaran_program_amounts(lap: Laporan, specs: dict) -> None:
    rows = _datasets(specs["anggaran_program"])["anggaran_program"]
    tree = lap.anggaran_tree
    prog = tree[tree["level"] == "program"]
    assert [r["rupiah"] for r in rows if r["jenis"] == "Pagu"] == [fmt.rupiah(v) for v in prog["pagu"]]
    assert [r["rupiah"] for r in rows if r["jenis"] == "Realisasi"] == [fmt.rupiah(v) for v in prog["realisasi"]]
    assert rows[0]["nilai"] == pytest.approx(4.068968525)  # billions: P1's pagu is above Rp 1 M
    assert rows[0]["label_nilai"] == "Rp 4,07 M"
    assert rows[2]["label_nilai"] == "Rp 21,72 jt"
    assert rows[1]["serapan"] == "81,31%"
    svg = charts_theme.spec_to_svg(specs["anggaran_program"])
    assert "Rp 4 M" in svg
    assert "Rp 21,72 jt" in svg


def test_anggaran_program_in_millions_when_small(umbulsari: DataSet, settings: Settings) -> None:
    sub = umbulsari.df("sub_kegiatan")
    sub = sub[sub["kode"] != "P1.K1.S1"].copy()
    sub.loc[sub["kode"] == "P1.K2.S1", ["pagu", "realisasi"]] = [500_000_000, 400_000_000]
    spec = charts.anggaran_program(_laporan(umbulsari, settings, sub_kegiatan=sub)).to_dict()
    rows = _datasets(spec)["anggaran_program"]
    assert rows[0]["nilai"] == pytest.approx(500 + 41.57215 + 10 + 11.236739)
    assert "jt" in json.dumps(spec["layer"][0]["encoding"]["x"]["axis"])


def test_capaian_vs_serapan_points(lap: Laporan, specs: dict) -> None:
    rows = _datasets(specs["capaian_vs_serapan"])["capaian_vs_serapan"]
    eff = lap.efisiensi_sasaran
    assert [r["nomor"] for r in rows] == ["1", "2", "3", "4", "Keseluruhan"]
    assert [r["capaian"] for r in rows[:4]] == list(eff["capaian"])
    assert [r["serapan"] for r in rows[:4]] == pytest.approx(list(eff["serapan"]))
    assert [r["serapan_teks"] for r in rows] == ["72,71%", "85,10%", "82,20%", "81,31%", "81,24%"]
    assert rows[-1]["capaian_teks"] == "95,50%"
    assert {r["efisiensi"] for r in rows} == {"Efisien"}
    diagonal = _datasets(specs["capaian_vs_serapan"])["capaian_vs_serapan_garis"]
    assert all(d["serapan"] == d["capaian"] for d in diagonal)


def test_capaian_vs_serapan_band_lines_with_the_selisih_method(umbulsari: DataSet) -> None:
    band = load_settings(overrides={"efisiensi": {"metode": "selisih", "ambang": 5}})
    spec = charts.capaian_vs_serapan(_laporan(umbulsari, band)).to_dict()
    lines = {d["garis"] for d in _datasets(spec)["capaian_vs_serapan_garis"]}
    assert lines == {"capaian = serapan", "+5 poin", "-5 poin"}
    rows = _datasets(spec)["capaian_vs_serapan"]
    assert rows[2]["efisiensi"] == "Cukup Efisien"


def test_komposisi_pegawai_counts(specs: dict) -> None:
    data = _datasets(specs["komposisi_pegawai"])
    gol = {r["kategori"]: r["jumlah"] for r in data["pegawai_golongan"]}
    assert gol == {"Golongan IV": 3, "Golongan III": 8, "Golongan II": 8, "Golongan I": 0}
    status = {r["kategori"]: r["jumlah"] for r in data["pegawai_status"]}
    assert status == {"ASN": 19, "Non ASN": 12}
    pend = {(r["kategori"], r["warna"]): r["jumlah"] for r in data["pegawai_pendidikan"]}
    assert pend[("SMA/STM", "ASN")] == 7
    assert pend[("SMA/STM", "Non ASN")] == 10


def test_status_desa_counts(specs: dict) -> None:
    rows = _datasets(specs["status_desa"])["status_desa"]
    got = {r["status"]: r["jumlah"] for r in rows}
    assert got == {"Mandiri": 6, "Maju": 4, "Berkembang": 0, "Tertinggal": 0, "Sangat Tertinggal": 0}
    assert "Paleran" in rows[0]["desa"]


# ----------------------------------------------------------------- other data sets
def test_other_predikat_scale_gets_theme_colours(umbulsari: DataSet) -> None:
    from lkip_helpers.paths import params_dir

    s86 = load_settings(params_dir() / "skala_permendagri86.yaml")
    spec = charts.capaian_indikator(_laporan(umbulsari, s86)).to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale["domain"] == ["ST", "T", "S", "R", "SR"]
    assert scale["range"][0] == charts_theme.WARNA_PREDIKAT["AA"]
    assert scale["range"][-1] == charts_theme.WARNA_PREDIKAT["D"]
    charts_theme.spec_to_svg(spec)


def test_na_capaian_is_labelled_not_drawn(umbulsari: DataSet, settings: Settings) -> None:
    tgt = umbulsari.df("target").copy()
    tgt.loc[(tgt["kode_indikator"] == "I1.1") & (tgt["versi"] == "pk_perubahan") & (tgt["tahun"] == 2023), "nilai"] = 0
    spec = charts.capaian_indikator(_laporan(umbulsari, settings, target=tgt)).to_dict()
    first = _datasets(spec)["capaian_indikator"][0]
    assert first["capaian"] is None
    assert first["capaian_teks"] == "t.d."
    assert "target 0" in first["keterangan"]
    charts_theme.spec_to_svg(spec)


@pytest.mark.parametrize("name", list(BUILDERS))
def test_empty_data_set_gives_a_message_not_an_error(name: str, umbulsari: DataSet, settings: Settings) -> None:
    empty = {t: umbulsari.df(t).iloc[0:0] for t in (
        "target", "realisasi", "sub_kegiatan", "kegiatan", "program", "program_sasaran",
        "sdm_golongan", "sdm_pendidikan", "desa",
    )}
    spec = BUILDERS[name](_laporan(umbulsari, settings, **empty)).to_dict()
    assert "tidak" in json.dumps(spec).lower()  # "... tidak tersedia"
    charts_theme.spec_to_svg(spec)


DEMO = ["Ajung", "Jelbuk"]  # Ajung measures the negative indicator I3.2, Jelbuk does not


@pytest.mark.parametrize("kecamatan", DEMO)
def test_demo_data_set_charts(kecamatan: str, settings: Settings) -> None:
    from lkip_helpers.data import load_dataset

    ds = load_dataset(2023, kecamatan)
    assert ds.is_contoh
    lap = _laporan(ds, settings)
    for build in BUILDERS.values():
        spec = build(lap).to_dict()
        assert build(lap).to_dict() == spec
        assert build(_laporan(ds, settings)).to_dict() == spec
        charts_theme.spec_to_svg(spec)
