"""No value crashes the check: numbers outside a sane range are a GALAT with place and range, never an exception."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from lkip_helpers import periksa
from lkip_helpers.cli import app

UMBULSARI = Path(__file__).resolve().parents[2] / "data" / "2023" / "umbulsari"


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "2023" / "umbulsari"
    shutil.copytree(UMBULSARI, target)
    return target


@pytest.mark.parametrize("tahun", [0, 1899, 10000, -5000000, 10**20])
def test_an_implausible_report_year_is_a_galat(tmp_path: Path, tahun: int) -> None:
    folder = _copy(tmp_path)
    data = yaml.safe_load((folder / "instansi.yaml").read_text(encoding="utf-8"))
    data["tahun"] = tahun
    (folder / "instansi.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(folder)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "instansi.yaml" in result.output
    assert "kolom 'tahun'" in result.output
    assert "antara 2000 dan 2100" in result.output


@pytest.mark.parametrize(("table", "column", "value"), [
    ("sub_kegiatan", "pagu", str(10**20)),
    ("sub_kegiatan", "realisasi", "-5"),
    ("mata_pencaharian", "persen", "150"),
    ("realisasi", "tahun", "1850"),
])
def test_out_of_range_cells_are_named(tmp_path: Path, table: str, column: str, value: str) -> None:
    folder = _copy(tmp_path)
    path = folder / f"{table}.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    hasil = periksa(folder)  # never raises
    wrong = [p for p in hasil.temuan if p.code in ("nilai.rentang", "nilai.tidak_terbaca")]
    assert len(wrong) == 1  # a negative Rupiah is refused by the parser, the others by the range
    assert wrong[0].location is not None
    assert (wrong[0].location.file, wrong[0].location.row, wrong[0].location.column) == (f"{table}.csv", 2, column)
    assert hasil.ds is None  # a GALAT of loading: nothing is rendered from it
