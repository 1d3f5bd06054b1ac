"""The ``lkip`` command line: exit codes, messages in Indonesian, no input modified."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from lkip_helpers.cli import app
from lkip_helpers.data import load
from lkip_helpers.data.schema import TABLES

UMBULSARI = Path(__file__).resolve().parent.parent / "data" / "2023" / "umbulsari"

runner = CliRunner()


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def test_check_umbulsari_passes_and_lists_the_seed_contradictions() -> None:
    before = _digest(UMBULSARI)
    result = runner.invoke(app, ["check", str(UMBULSARI)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "0 galat" in out
    assert "79.263" in out
    assert "79.233" in out
    assert "skor 85" in out
    assert "'A'" in out
    assert "105%" in out  # livelihood shares
    assert "Tahun Anggaran 2022" in out  # kata pengantar copied from last year
    assert _digest(UMBULSARI) == before


def test_check_a_whole_year_folder() -> None:
    result = runner.invoke(app, ["check", str(UMBULSARI.parent), "--tanpa-info"])
    assert result.exit_code == 0, result.output
    assert "Jumlah (31 data set)" in result.output


def test_check_exits_1_on_errors_and_names_the_place(tmp_path: Path) -> None:
    broken = tmp_path / "umbulsari"
    shutil.copytree(UMBULSARI, broken)
    path = broken / "sub_kegiatan.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rows[0]["pagu"] = "1.5"  # ambiguous in a Rupiah column
    rows[1]["realisasi"] = str(int(rows[1]["pagu"]) + 1)  # above pagu and breaks the roll-up
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = runner.invoke(app, ["check", str(broken)])
    assert result.exit_code == 1
    assert "sub_kegiatan.csv, baris 2, kolom 'pagu'" in result.output
    assert "TIDAK LOLOS" in result.output


def test_template_filled_by_a_script_loads_like_the_text_form(tmp_path: Path) -> None:
    """Fill the empty template as a planner would (values typed as text) and compare."""
    xlsx = tmp_path / "isian.xlsx"
    assert runner.invoke(app, ["template", str(xlsx)]).exit_code == 0
    assert runner.invoke(app, ["template", str(xlsx)]).exit_code == 1  # no silent overwrite
    wb = openpyxl.load_workbook(xlsx)
    for name, tbl in TABLES.items():
        ws = wb[name]
        src = UMBULSARI / tbl.filename
        if tbl.kind == "fields":
            values = yaml.safe_load(src.read_text(encoding="utf-8"))
            for row in ws.iter_rows(min_row=2):
                key = row[0].value
                if key in values and values[key] is not None:
                    row[1].value = str(values[key])
        elif tbl.text_format == "yaml":
            items = yaml.safe_load(src.read_text(encoding="utf-8")) or []
            for r, item in enumerate(items, start=2):
                for c, col in enumerate(tbl.column_names, start=1):
                    value = item.get(col)
                    ws.cell(row=r, column=c, value=None if value is None else str(value))
        else:
            with src.open(encoding="utf-8") as fh:
                for r, item in enumerate(csv.DictReader(fh), start=2):
                    for c, col in enumerate(tbl.column_names, start=1):
                        ws.cell(row=r, column=c, value=item[col] or None)
    wb.save(xlsx)
    assert load(xlsx).without_locations() == load(UMBULSARI).without_locations()


def test_convert_round_trip_and_refuses_to_overwrite(tmp_path: Path) -> None:
    xlsx = tmp_path / "umbulsari.xlsx"
    assert runner.invoke(app, ["convert", str(UMBULSARI), str(xlsx)]).exit_code == 0
    back = tmp_path / "kembali"
    assert runner.invoke(app, ["convert", str(xlsx), str(back)]).exit_code == 0
    assert load(back).without_locations() == load(UMBULSARI).without_locations()
    again = runner.invoke(app, ["convert", str(UMBULSARI), str(xlsx)])
    assert again.exit_code == 1
    assert "--timpa" in again.output


def test_ringkasan_prints_tabel_3_1() -> None:
    result = runner.invoke(app, ["ringkasan", "--kecamatan", "Umbulsari", "--tahun", "2023"])
    assert result.exit_code == 0, result.output
    for text in ("97,00%", "100,00%", "85,00%", "95,50%", "Sangat Memuaskan", "Rp 4.231.208.525",
                 "Rp 3.437.517.304", "81,24%"):
        assert text in result.output


@pytest.mark.parametrize("args", [["check", "tidak/ada"], ["ringkasan", "--kecamatan", "Atlantis"]])
def test_missing_data_set_is_a_clear_error(args: list[str], monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from lkip_helpers.cli import main

    monkeypatch.setattr("sys.argv", ["lkip", *args])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 1
    assert "tidak ditemukan" in capsys.readouterr().out.lower()
