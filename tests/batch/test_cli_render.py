"""``lkip render`` with the batch machinery mocked: options, exit status, summary, API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import lkip_helpers.batch as batch_pkg
from lkip_helpers.batch import BatchResult, Outcome
from lkip_helpers.cli import app

ROOT = Path(__file__).resolve().parents[2]  # the checkout: a workspace (data/, params/)

JEMBER = str(ROOT / "params" / "jember-2023.yaml")


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    def fake(params: Any, **kw: Any) -> BatchResult:
        seen.append({"params": params, **kw})
        names = kw.get("only") or params.kecamatan
        outcomes = [
            Outcome(n, "gagal", 1.5, "03_akuntabilitas", "ZeroDivisionError: division by zero",
                    "outputs/2023/puger/gagal/03_akuntabilitas.ipynb")
            if n == "Puger" and kw.get("only") else Outcome(n, "selesai", 2.0)
            for n in names
        ]
        return BatchResult(params, outcomes, detik=3.5)

    monkeypatch.setattr(batch_pkg, "run_batch", fake)
    return seen


def test_subset_formats_and_jobs_reach_the_batch(calls: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(
        app, ["render", "--params", JEMBER, "--kecamatan", "Ajung", "Kalisat", "--format", "html", "--jobs", "3"]
    )
    assert result.exit_code == 0, result.output
    (call,) = calls
    assert call["only"] == ["Ajung", "Kalisat"]
    assert call["workers"] == 3
    assert call["params"].formats == ("html",)
    assert len(call["params"].kecamatan) == 31  # the index still covers the whole kabupaten
    assert "2 disusun, 0 tidak berubah (dilewati), 0 gagal" in result.output


def test_a_failure_gives_exit_1_and_a_one_line_summary(calls: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(app, ["render", "--params", JEMBER, "--kecamatan", "Puger", "Ajung"])
    assert result.exit_code == 1
    line = next(ln for ln in result.output.splitlines() if ln.startswith("Puger | GAGAL"))
    assert "[03_akuntabilitas] ZeroDivisionError: division by zero" in line
    assert line.endswith("03_akuntabilitas.ipynb")


def test_force_and_dask_are_passed_on(calls: list[dict[str, Any]]) -> None:
    result = CliRunner().invoke(
        app, ["render", "--params", JEMBER, "--force", "--dask-scheduler", "tcp://127.0.0.1:8786"]
    )
    assert result.exit_code == 0, result.output
    assert calls[0]["force"] is True
    assert calls[0]["scheduler"] == "tcp://127.0.0.1:8786"
    assert calls[0]["only"] is None


def test_unknown_kecamatan_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["render", "--params", JEMBER, "--kecamatan", "Atlantis"])
    assert result.exit_code != 0
    assert "Atlantis" in str(result.exception) + result.output


def test_public_names() -> None:
    exported = {n for n in dir(batch_pkg) if not n.startswith("_")}
    assert set(batch_pkg.__all__) <= exported
    assert set(batch_pkg.__all__) == {
        "BatchParams", "BatchResult", "Job", "Outcome", "load_params", "plan", "run_batch",
    }
