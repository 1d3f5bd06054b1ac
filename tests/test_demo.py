"""The synthetic demo data: deterministic, marked, shaped like Umbulsari, plausible."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from lkip_helpers.checks import run_checks
from lkip_helpers.data import load
from lkip_helpers.data.demo import generate_dataset, write_demo_data
from lkip_helpers.data.model import DataSet
from lkip_helpers.data.wilayah import KECAMATAN_JEMBER
from lkip_helpers.errors import Level
from lkip_helpers.report.laporan import Laporan
from lkip_helpers.rules.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def _tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def test_same_seed_same_bytes_and_committed_data_is_current(tmp_path: Path, umbulsari: DataSet) -> None:
    a = write_demo_data(out_dir=tmp_path / "a", base=umbulsari, only=["Ajung", "Wuluhan"])
    b = write_demo_data(out_dir=tmp_path / "b", base=umbulsari, only=["Ajung", "Wuluhan"])
    assert [_tree_digest(p) for p in a] == [_tree_digest(p) for p in b]
    committed = ROOT / "data" / "2023" / "ajung"
    assert _tree_digest(a[0]) == _tree_digest(committed), "run `lkip demo-data` and commit data/2023"


def test_other_seed_gives_other_data(umbulsari: DataSet) -> None:
    one = generate_dataset(umbulsari, "Ajung", seed=1)
    two = generate_dataset(umbulsari, "Ajung", seed=2)
    assert one.profil["penduduk_total"] != two.profil["penduduk_total"]


def test_all_30_other_jember_kecamatan_are_committed_and_marked() -> None:
    year = ROOT / "data" / "2023"
    names = {load(p).kecamatan for p in year.iterdir() if p.is_dir()}
    assert names == set(KECAMATAN_JEMBER)
    for p in year.iterdir():
        ds = load(p)
        assert ds.is_contoh == (ds.kecamatan != "Umbulsari")


@pytest.mark.parametrize("name", ["Ajung", "Kencong", "Sumbersari", "Patrang"])
def test_demo_is_shaped_like_the_base_and_passes_checks(name: str, umbulsari: DataSet, settings: Settings) -> None:
    ds = generate_dataset(umbulsari, name)
    assert list(ds.df("sasaran")["kode"]) == list(umbulsari.df("sasaran")["kode"])
    assert list(ds.df("sub_kegiatan")["kode"]) == list(umbulsari.df("sub_kegiatan")["kode"])
    problems = run_checks(ds, settings)
    assert not [p for p in problems if p.level is Level.GALAT], problems
    assert not [p for p in problems if p.code.startswith("narasi.")], "other kecamatan names left in"
    rata = Laporan.dari_data_set(ds, settings, temuan=problems).rata_rata
    assert rata.nilai is not None
    assert 0 <= rata.nilai <= 100


def test_variety_some_missed_some_negative(umbulsari: DataSet, settings: Settings) -> None:
    # only the figures are looked at here: the reports are built without running the checks
    reports = [
        Laporan.dari_data_set(generate_dataset(umbulsari, k), settings, temuan=())
        for k in KECAMATAN_JEMBER
        if k != "Umbulsari"
    ]
    frames = [lap.pengukuran_kinerja for lap in reports]
    assert any((f["capaian"] < 90).any() for f in frames)
    assert any((f["arah"] == "negatif").any() for f in frames)
    values = [lap.rata_rata.nilai for lap in reports]
    assert None not in values  # every demo data set has an average
    averages = {round(v, 2) for v in values if v is not None}
    assert len(averages) > 10


def test_scale_set_of_n_kecamatan(tmp_path: Path, umbulsari: DataSet) -> None:
    written = write_demo_data(jumlah=5, out_dir=tmp_path, base=umbulsari)
    assert [p.name for p in written] == [f"contoh-{i:03d}" for i in range(1, 6)]
    assert load(written[-1]).kabupaten == "Contoh"


def test_an_ikm_stays_on_its_scale(umbulsari: DataSet) -> None:
    """An IKM is 25..100 (PermenPAN-RB 14/2017) and 100 only if every answer is the best: never drawn there."""
    from lkip_helpers.data.kolom import nama_ikm

    values = []
    for i in range(80):  # before the mirror, 39 of 200 demo kecamatan had an IKM above 100
        ds = generate_dataset(umbulsari, f"Contoh {i:03d}", index=i)
        ikm = {k for k, n in zip(ds.df("indikator")["kode"], ds.df("indikator")["nama"], strict=True) if nama_ikm(n)}
        real = ds.df("realisasi")
        values += [float(v) for k, v in zip(real["kode_indikator"], real["nilai"], strict=True)
                   if k in ikm and not isinstance(v, str)]
    assert len(values) == 160  # the report year and the year before, for each
    assert all(25 <= v < 100 for v in values), sorted(values)[-3:]
