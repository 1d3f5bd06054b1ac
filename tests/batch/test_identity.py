"""What was checked is what is rendered: a chapter never renders another kecamatan's data set.

The case that went wrong: ``data/2023/foo`` (a copy whose ``instansi.yaml`` says
Umbulsari) beside the real ``data/2023/umbulsari``.  The worker checked ``foo`` and the
chapter kernels then looked the data set up again by name and rendered ``umbulsari``.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
import yaml
from batch_fixtures import DATA, ROOT

from lkip_helpers.batch import BatchParams, run_batch
from lkip_helpers.paths import chapter_notebooks

pytestmark = pytest.mark.slow


def _data_root(tmp_path: Path) -> Path:
    root = tmp_path / "data" / "2023"
    shutil.copytree(DATA / "umbulsari", root / "umbulsari")
    shutil.copytree(DATA / "umbulsari", root / "foo")
    return root


def _params(tmp_path: Path, root: Path, name: str) -> BatchParams:
    return BatchParams(kabupaten="Jember", tahun=2023, kecamatan=(name,), data=root,
                       keluaran=tmp_path / "outputs" / "2023", formats=("html",))


def test_a_copy_named_foo_that_says_umbulsari_is_refused_naming_both(tmp_path: Path) -> None:
    root = _data_root(tmp_path)
    result = run_batch(_params(tmp_path, root, "Foo"), workers=1, notebooks=chapter_notebooks(ROOT / "notebooks"))
    (outcome,) = result.outcomes
    assert outcome.status == "gagal"
    assert outcome.tahap == "data"
    assert "foo" in outcome.galat
    assert "Umbulsari" in outcome.galat
    assert not (tmp_path / "outputs" / "2023" / "foo" / "laporan.html").exists()
    report = (tmp_path / "outputs" / "2023" / "foo" / "gagal" / "masalah-data.txt").read_text(encoding="utf-8")
    assert "instansi" in report


def _set_realisasi(folder: Path, kode: str, tahun: int, nilai: str) -> None:
    path = folder / "realisasi.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    hit = [r for r in rows if r["kode_indikator"] == kode and r["tahun"] == str(tahun)]
    assert hit, (kode, tahun)
    hit[0]["nilai"] = nilai
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_foo_renders_its_own_figures_never_umbulsaris(tmp_path: Path) -> None:
    """foo made consistent (its own name) and given other figures: the report shows foo's figures."""
    root = _data_root(tmp_path)
    foo = root / "foo"
    instansi = yaml.safe_load((foo / "instansi.yaml").read_text(encoding="utf-8"))
    instansi["kecamatan"] = "Foo"
    (foo / "instansi.yaml").write_text(yaml.safe_dump(instansi, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    first = next(r for r in csv.DictReader((foo / "realisasi.csv").open(encoding="utf-8"))
                 if r["tahun"] == "2023" and r["nilai"] == "97")
    _set_realisasi(foo, first["kode_indikator"], 2023, "48.5")  # realisasi 97 -> 48,5
    result = run_batch(_params(tmp_path, root, "Foo"), workers=1, notebooks=chapter_notebooks(ROOT / "notebooks"))
    (outcome,) = result.outcomes
    assert outcome.status == "selesai", (outcome.tahap, outcome.galat)
    out = tmp_path / "outputs" / "2023" / "foo"
    page = (out / "laporan.html").read_text(encoding="utf-8")
    assert "Kecamatan Foo" in page
    assert "48,5" in page
    assert "95,50%" not in page  # Umbulsari's average
    nb = json.loads((out / "notebooks" / "03_akuntabilitas.ipynb").read_text(encoding="utf-8"))
    injected = next(c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    assert str(foo.resolve()) in "".join(injected["source"])
    assert outcome.ringkasan is not None
    assert outcome.ringkasan["kecamatan"] == "Foo"
    assert outcome.ringkasan["capaian"] != 95.5
