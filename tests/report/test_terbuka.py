"""report.terbuka: one report object per process for the same files; a saved change is a new one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkip_helpers import DataError, buka
from lkip_helpers.report import terbuka

UMBULSARI = Path(__file__).resolve().parents[2] / "data" / "2023" / "umbulsari"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "umbulsari"
    shutil.copytree(UMBULSARI, target)
    return target


def test_the_same_files_give_the_same_report_object(folder: Path) -> None:
    first = buka(folder)
    assert buka(folder) is first
    assert buka(folder, final=False, kecamatan="Umbulsari", tahun=2023) is first
    assert buka(str(folder)) is first


def test_a_saved_change_is_a_new_report_with_the_new_figures(folder: Path) -> None:
    first = buka(folder)
    narasi = folder / "narasi.yaml"
    narasi.write_text(narasi.read_text(encoding="utf-8").replace("Puji syukur", "PUJI SYUKUR"), encoding="utf-8")
    again = buka(folder)
    assert again is not first
    assert "PUJI SYUKUR" in str(again.ds.df("narasi").to_dict())


def test_a_failed_load_is_not_kept(folder: Path) -> None:
    good = (folder / "realisasi.csv").read_bytes()
    (folder / "realisasi.csv").write_text("bukan,csv,yang\nbenar\n", encoding="utf-8")
    with pytest.raises(DataError):
        buka(folder)
    (folder / "realisasi.csv").write_bytes(good)
    assert buka(folder).kecamatan == "Umbulsari"


def test_at_most_maks_reports_are_kept(tmp_path: Path) -> None:
    made = [terbuka.ambil(("kunci", i), lambda i=i: f"laporan {i}") for i in range(terbuka.MAKS + 2)]
    assert terbuka.ambil(("kunci", 0), lambda: "baru") == "baru"  # the oldest went
    assert terbuka.ambil(("kunci", terbuka.MAKS + 1), lambda: "baru") == made[-1]
