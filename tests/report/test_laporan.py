"""The report object (lkip_helpers.report.laporan): figures computed once, frames as copies, what-ifs, identity."""

from __future__ import annotations

import collections
import inspect
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml

from lkip_helpers import fmt
from lkip_helpers.errors import DataError, Level
from lkip_helpers.present import KATALOG, tampil
from lkip_helpers.report import figures
from lkip_helpers.report.laporan import FRAMES, Laporan, buka
from lkip_helpers.rules.ikm import KOLOM_UNSUR
from lkip_helpers.rules.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "2023"
UMBULSARI = DATA / "umbulsari"

#: The figures of a report that are not frames (FRAMES lists those).
OTHER_FIGURES = ("versi_target", "rata_rata", "ringkasan_anggaran", "ikm")


def _figure_functions() -> dict[str, Callable[..., Any]]:
    """The public functions of lkip_helpers.report.figures (every figure the report object computes)."""
    return {
        name: fn
        for name, fn in inspect.getmembers(figures, inspect.isfunction)
        if fn.__module__ == figures.__name__ and not name.startswith("_")
    }


def _count_figures(monkeypatch: pytest.MonkeyPatch) -> collections.Counter[str]:
    """Wrap every figure function with a counter of the calls the report object makes.

    Only outermost calls count: a figure function that uses another one internally
    (``pengukuran_kinerja`` reads ``nilai_indikator`` of the report year) is one
    computation.  ``nilai_indikator`` is counted per year and version (one figure each).
    """
    counts: collections.Counter[str] = collections.Counter()
    depth = [0]

    def counting(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if depth[0] == 0:
                key = name
                if name == "nilai_indikator":
                    bound = inspect.signature(fn).bind(*args, **kwargs)
                    key = f"{name}:{bound.arguments['tahun']}:{bound.arguments.get('versi')}"
                counts[key] += 1
            depth[0] += 1
            try:
                return fn(*args, **kwargs)
            finally:
                depth[0] -= 1

        return wrapper

    for name, fn in _figure_functions().items():
        monkeypatch.setattr(figures, name, counting(name, fn))
    return counts


def _ask_for_everything(lap: Laporan) -> None:
    """What a whole report asks of its figures: every catalogue entry, every frame, the summaries."""
    for key in KATALOG:
        tampil(lap, key)
    for name in FRAMES:
        lap.frame(name)
    for name in OTHER_FIGURES:
        getattr(lap, name)
    lap.ringkasan()
    lap._repr_html_()


# --------------------------------------------------------------------------- computed once
def test_every_figure_is_computed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = _count_figures(monkeypatch)
    lap = buka(UMBULSARI)
    _ask_for_everything(lap)
    _ask_for_everything(lap)  # asking again computes nothing
    per_report = set(_figure_functions()) - {"nilai_indikator"}
    assert per_report <= set(counts), f"figures never asked for: {per_report - set(counts)}"
    assert {k: n for k, n in counts.items() if n != 1} == {}, counts


def test_a_what_if_computes_its_own_figures_once(monkeypatch: pytest.MonkeyPatch, lap: Laporan) -> None:
    counts = _count_figures(monkeypatch)
    edited = lap.dengan(realisasi=lap.ds.df("realisasi"))
    _ask_for_everything(edited)
    _ask_for_everything(edited)
    assert {k: n for k, n in counts.items() if n != 1} == {}, counts


# --------------------------------------------------------------------------- frames are copies
def test_editing_a_frame_changes_nothing() -> None:
    lap = buka(UMBULSARI)  # fresh: nothing computed yet, so every edit comes before the average
    shown = lap.frame("pengukuran_kinerja")
    shown.loc[:, "capaian"] = 0.0
    attribute = lap.pengukuran_kinerja
    attribute.loc[:, "capaian"] = 0.0
    per_sasaran = lap.capaian_sasaran
    per_sasaran.loc[:, "rata_rata"] = 0.0
    realisasi = lap.ds.df("realisasi")
    realisasi.loc[:, "nilai"] = 0.0
    assert lap.rata_rata.nilai == pytest.approx(95.5)
    assert list(lap.frame("pengukuran_kinerja")["capaian"]) == pytest.approx([97.0, 100.0, 85.0, 100.0])
    assert list(lap.capaian_sasaran["rata_rata"]) == pytest.approx([97.0, 100.0, 85.0, 100.0])
    assert lap.frame("pengukuran_kinerja") is not lap.frame("pengukuran_kinerja")
    assert (lap.ds.df("realisasi")["nilai"] != 0).any()


def test_editing_a_frame_after_the_average_changes_nothing(lap: Laporan) -> None:
    assert lap.rata_rata.nilai == pytest.approx(95.5)  # computed first, then the frame is edited
    shown = lap.frame("pengukuran_kinerja")
    shown.loc[:, "capaian"] = 0.0
    assert lap.rata_rata.nilai == pytest.approx(95.5)
    assert fmt.persen(lap.rata_rata.nilai) == "95,50%"


def test_narasi_lists_are_copies(lap: Laporan) -> None:
    lap.narasi("kata_pengantar").clear()
    lap.narasi_sasaran("S1").clear()
    assert lap.narasi("kata_pengantar")
    assert lap.narasi_sasaran("S1")


# --------------------------------------------------------------------------- what-if
def test_dengan_returns_a_new_report_and_leaves_this_one(lap: Laporan) -> None:
    rea = lap.ds.df("realisasi")
    hit = (rea["kode_indikator"] == "I1.1") & (rea["tahun"] == 2023)
    rea.loc[hit, "nilai"] = 100.0
    edited = lap.dengan(realisasi=rea)
    assert edited is not lap
    assert edited.rata_rata.nilai == pytest.approx((100 + 100 + 85 + 100) / 4)
    assert lap.rata_rata.nilai == pytest.approx(95.5)
    assert list(lap.pengukuran_kinerja["capaian"]) == pytest.approx([97.0, 100.0, 85.0, 100.0])
    assert edited.settings is lap.settings
    assert edited.kecamatan == lap.kecamatan


def test_dari_data_set_of_an_edited_data_set_is_checked_again(lap: Laporan) -> None:
    rea = lap.ds.df("realisasi")
    rea = rea[~((rea["kode_indikator"] == "I1.1") & (rea["tahun"] == 2023))]
    edited = Laporan.dari_data_set(lap.ds.dengan(realisasi=rea), lap.settings)
    assert edited.rata_rata.tidak_dihitung == 1
    assert edited.temuan != lap.temuan  # the missing realisasi is a finding of its own


# --------------------------------------------------------------------------- planner access
def test_unknown_frame_is_a_keyerror_in_indonesian(lap: Laporan) -> None:
    with pytest.raises(KeyError) as err:
        lap.frame("unknown")
    message = err.value.args[0]
    assert "'unknown' bukan angka laporan yang dikenal; pilihan:" in message
    for name in FRAMES:
        assert name in message


def test_every_frame_is_a_dataframe(lap: Laporan) -> None:
    for name in FRAMES:
        assert isinstance(lap.frame(name), pd.DataFrame), name
    temuan = lap.frame("temuan")
    assert len(temuan) == len(lap.temuan)
    assert list(temuan.columns) == ["tingkat", "kode", "lokasi", "pesan", "ditemukan", "seharusnya"]


def test_repr_html_is_short_and_names_the_report(lap: Laporan) -> None:
    shown = lap._repr_html_()
    assert len(shown) < 3000
    assert "Umbulsari" in shown
    assert "95,50%" in shown
    assert "Umbulsari" in repr(lap)


def test_ringkasan_holds_the_index_figures(lap: Laporan) -> None:
    r = lap.ringkasan()
    json.dumps(r)  # plain JSON data
    identity = (r["kecamatan"], r["kabupaten"], r["tahun"], r["data_status"])
    assert identity == ("Umbulsari", "Jember", 2023, "resmi")
    assert r["capaian"] == pytest.approx(95.5)
    assert r["serapan"] == pytest.approx(81.24, abs=0.005)
    assert (r["predikat"], r["predikat_label"]) == ("AA", "Sangat Memuaskan")
    assert (r["pagu"], r["realisasi"]) == (4_231_208_525, 3_437_517_304)
    for level in Level:
        assert r[level.value] == len(lap.temuan_tingkat(level))
    assert r["galat"] == 0
    assert r["galat"] + r["peringatan"] + r["info"] == len(lap.temuan)
    assert [s["kode"] for s in r["sasaran"]] == ["S1", "S2", "S3", "S4"]
    assert [s["capaian"] for s in r["sasaran"]] == pytest.approx([97.0, 100.0, 85.0, 100.0])
    assert r["desa"] == {"Maju": 4, "Mandiri": 6}
    assert r["capaian_dari"] == [4, 4]  # the average is of every measured sasaran


def test_narasi_returns_the_planners_paragraphs(lap: Laporan) -> None:
    written = yaml.safe_load((UMBULSARI / "narasi.yaml").read_text(encoding="utf-8"))
    expected = [
        str(p["teks"]).strip()
        for p in sorted((p for p in written if p["bagian"] == "kata_pengantar"), key=lambda p: p["urutan"])
    ]
    got = lap.narasi("kata_pengantar")
    assert got == expected
    assert got[0].startswith("Puji syukur kehadirat Tuhan Yang Maha Esa")
    assert lap.narasi("tidak_ada") == []


# --------------------------------------------------------------------------- IKM
def _responses(total: int, n: int) -> pd.DataFrame:
    """``n`` respondents whose 9 x n answers (3 or 4) add up to ``total``, as ``ikm_responden`` rows."""
    cells = 9 * n
    fours = total - 3 * cells
    flat = [4] * fours + [3] * (cells - fours)
    rows = [
        {
            "responden": f"R{i + 1:02d}",
            **dict(zip(KOLOM_UNSUR, flat[i * 9 : (i + 1) * 9], strict=True)),
            "layanan": None,
            "tanggal": None,
        }
        for i in range(n)
    ]
    return pd.DataFrame(rows)


def test_ikm_none_without_answers(lap: Laporan) -> None:
    assert lap.ds.df("ikm_responden").empty
    assert lap.ikm is None
    assert lap.frame("ikm_unsur").empty


def test_ikm_of_survey_answers() -> None:
    # a demo data set with its survey replaced by 29 respondents, 955 points in all
    demo = buka(DATA / "ajung")
    assert demo.ikm is not None  # the demo data sets carry survey answers
    assert buka(UMBULSARI).ikm is None  # the real one has none
    answers = _responses(955, 29)
    assert int(answers[list(KOLOM_UNSUR)].to_numpy().sum()) == 955
    lap = Laporan.dari_data_set(demo.ds.dengan(ikm_responden=answers), demo.settings)
    ikm = lap.ikm
    assert ikm is not None
    assert ikm.responden == 29
    assert ikm.bobot == pytest.approx(1 / 9)
    assert fmt.angka(ikm.nilai, 2) == "91,48"
    assert ikm.mutu is not None
    assert (ikm.mutu.kode, ikm.mutu.label) == ("A", "Sangat Baik")
    unsur = lap.frame("ikm_unsur")
    assert list(unsur["unsur"]) == list(KOLOM_UNSUR)
    assert int(unsur["jumlah_nilai"].sum()) == 955
    printed = Laporan.dari_data_set(lap.ds, load_settings(overrides={"ikm": {"bobot": 0.11}}))
    assert printed.ikm is not None
    assert fmt.angka(printed.ikm.nilai, 2) == "90,56"


# --------------------------------------------------------------------------- identity of the data set
def test_buka_refuses_another_kecamatan() -> None:
    with pytest.raises(DataError) as err:
        buka(UMBULSARI, kecamatan="Ajung")
    (problem,) = err.value.problems
    assert problem.level is Level.GALAT
    assert (problem.found, problem.expected) == ("Umbulsari", "Ajung")
    assert "kecamatan Umbulsari, bukan kecamatan Ajung" in str(err.value)


def test_buka_refuses_another_year() -> None:
    with pytest.raises(DataError) as err:
        buka(UMBULSARI, tahun=2024)
    (problem,) = err.value.problems
    assert (problem.found, problem.expected) == ("2023", "2024")
    assert "tahun 2023, bukan tahun 2024" in str(err.value)


def test_buka_accepts_its_own_kecamatan_and_year() -> None:
    lap = buka(UMBULSARI, kecamatan="umbulsari", tahun=2023)
    assert (lap.kecamatan, lap.tahun) == ("Umbulsari", 2023)


def test_an_empty_data_parameter_says_what_to_fill_in() -> None:
    with pytest.raises(DataError, match="Parameter 'data' kosong"):
        buka("")
