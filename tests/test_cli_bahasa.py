"""The command line in one language: help, usage errors and messages in Bahasa Indonesia."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lkip_helpers._version import __version__
from lkip_helpers.cli import app
from lkip_helpers.cli_bahasa import terjemah_galat

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["init", "notebook", "check", "template", "convert", "tahun-baru", "demo-data", "ringkasan", "render", "pratinjau"]
ENGLISH = ["Usage", "Options", "Arguments", "Commands", "Show this message", "[default", "[required", "<bool>",
           "<list", "<str>", "<int>", "Try '", "Error"]
runner = CliRunner()


@pytest.mark.parametrize("args", [[], *[[c] for c in COMMANDS]], ids=lambda a: " ".join(a) or "lkip")
def test_help_has_no_english_of_click_or_typer(args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Pemakaian: lkip" in result.output
    assert "Tampilkan bantuan ini lalu keluar." in result.output
    found = [word for word in ENGLISH if word in result.output]
    assert not found, result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["render", "--bogus"], "Tidak ada opsi --bogus"),
        (["chek"], "Tidak ada perintah 'chek'. Mungkin maksud Anda: 'check'?"),
        (["render", "--tahun", "abc"], "Nilai tidak sah untuk '--tahun': harus bilangan bulat"),
        (["check"], "Argumen"),
        (["template"], "belum diisi"),
        (["tahun-baru", "data/2023/umbulsari"], "Opsi '--tahun' belum diisi."),
    ],
)
def test_usage_errors_are_in_indonesian(args: list[str], expected: str) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    text = " ".join(result.output.split()).replace("│", "").replace("  ", " ")
    assert expected in " ".join(text.split()), result.output
    assert "Coba 'lkip" in result.output
    assert not [word for word in ("Usage", "Error", "Try '", "No such", "Missing", "Invalid") if word in result.output]


@pytest.mark.parametrize(
    ("english", "indonesian"),
    [
        ("No such option: --x (Possible options: --jobs, --json)", "Tidak ada opsi --x (Mungkin maksud Anda: --jobs, --json?)"),
        ("Missing option '--tahun'.", "Opsi '--tahun' belum diisi."),
        ("Missing argument 'SUMBER'.", "Argumen 'SUMBER' belum diisi."),
        ("Got unexpected extra arguments (a b)", "Ada argumen lebih yang tidak dikenal (a b)"),
        ("Option '--tahun' requires an argument.", "Opsi '--tahun' memerlukan nilai."),
        ("Invalid value for '--jobs': 0 is not in the range x>=1.", "Nilai tidak sah untuk '--jobs': 0 di luar rentang x>=1."),
        ("Path 'x.yaml' does not exist.", "Path 'x.yaml' tidak ada."),
        ("something else entirely", "something else entirely"),
    ],
)
def test_terjemah_galat(english: str, indonesian: str) -> None:
    assert terjemah_galat(english) == indonesian


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"lkip {__version__}"


def test_a_close_kecamatan_name_gets_a_suggestion() -> None:
    result = subprocess.run([sys.executable, "-m", "lkip_helpers", "render", "--kecamatan", "Umbulsar"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "Mungkin maksud Anda: Umbulsari?" in result.stdout
    assert not re.search(r"\[/?(bold|red)", result.stdout + result.stderr)  # no raw markup
    listed = subprocess.run([sys.executable, "-m", "lkip_helpers", "render", "--params", "params/jember-2023.yaml",
                             "--kecamatan", "Kaliwate"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert listed.returncode == 1
    assert "Mungkin maksud Anda: Kaliwates?" in listed.stdout


def test_ringkasan_honours_data_tahun_and_pengaturan() -> None:
    umbulsari = str(ROOT / "data" / "2023" / "umbulsari")
    result = runner.invoke(app, ["ringkasan", "--data", umbulsari])
    assert result.exit_code == 0, result.output
    assert "2022: realisasi 70%, capaian 87,50%" in result.output  # the previous-year comparison
    assert "Rata-rata capaian: 95,50% - AA Sangat Memuaskan" in result.output
    other = runner.invoke(app, ["ringkasan", "--data", umbulsari, "--pengaturan", "skala_permendagri86.yaml"])
    assert other.exit_code == 0, other.output
    assert "Sangat Memuaskan" not in other.output.split("Rata-rata")[1]
    assert "params/skala_permendagri86.yaml" in other.output
    wrong = subprocess.run([sys.executable, "-m", "lkip_helpers", "ringkasan", "--data", umbulsari, "--tahun", "2024"],
                           cwd=ROOT, capture_output=True, text=True, check=False)
    assert wrong.returncode == 1
    assert "bukan tahun 2024 yang diminta" in wrong.stdout
