"""The package's public API is what ``__all__`` says."""

from __future__ import annotations

import importlib

import pytest

import lkip_helpers

MODULES = [
    "lkip_helpers",
    "lkip_helpers.render",
    "lkip_helpers.data",
    "lkip_helpers.rules.capaian",
    "lkip_helpers.rules.budget",
    "lkip_helpers.rules.predikat",
    "lkip_helpers.report.figures",
    "lkip_helpers.data.model",
    "lkip_helpers.data.schema",
    "lkip_helpers.errors",
    "lkip_helpers.paths",
    "lkip_helpers.fmt",
    "lkip_helpers.present.display",
]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__ == sorted(module.__all__, key=str) or len(set(module.__all__)) == len(module.__all__)
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert not missing


def test_top_level_exports_are_public() -> None:
    """Every public non-module name at the top level is declared in ``__all__``."""
    import types

    public = {
        n for n in dir(lkip_helpers)
        if not n.startswith("_") and n != "annotations"
        and not isinstance(getattr(lkip_helpers, n), types.ModuleType)
    }
    modules_in_all = {n for n in lkip_helpers.__all__ if isinstance(getattr(lkip_helpers, n), types.ModuleType)}
    assert set(lkip_helpers.__all__) - {"__version__"} - modules_in_all == public


def test_version_matches_pyproject() -> None:
    import tomllib
    from pathlib import Path

    data = tomllib.loads((Path(lkip_helpers.__file__).parent.parent / "pyproject.toml").read_text("utf-8"))
    assert data["project"]["version"] == lkip_helpers.__version__


def test_the_command_line_and_a_batch_main_process_import_no_figure_machinery() -> None:
    """The CLI, the planner and the worker pool do not import pandas, Altair or nbconvert (lazy exports)."""
    import subprocess
    import sys

    code = (
        "import sys, lkip_helpers, lkip_helpers.cli, lkip_helpers.batch.runner, lkip_helpers.batch.local;"
        "print(sorted(m for m in ('pandas', 'altair', 'nbconvert', 'papermill', 'openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"


def test_lazy_names_are_the_real_objects() -> None:
    from lkip_helpers.report.laporan import buka

    assert lkip_helpers.buka is buka
    assert "buka" in dir(lkip_helpers)
    with pytest.raises(AttributeError, match="tidak_ada"):
        _ = lkip_helpers.tidak_ada
