"""Fixtures of the render tests: chapter notebooks in tmp_path, one shared full render."""

from __future__ import annotations

from pathlib import Path

import pytest
from render_fixtures import CHAPTERS, FAILING, META, PARAMETERS, write_notebook

from lkip_helpers.render import RenderResult, ReportMeta, render_report


@pytest.fixture
def chapters(tmp_path: Path) -> list[Path]:
    """Three small chapter notebooks."""
    return [write_notebook(tmp_path / "nb" / f"{name}.ipynb", cells) for name, cells in CHAPTERS.items()]


@pytest.fixture
def failing_chapter(tmp_path: Path) -> Path:
    """A chapter whose fourth cell (index 3) raises ZeroDivisionError."""
    return write_notebook(tmp_path / "nb" / "03_penutup.ipynb", FAILING)


@pytest.fixture
def meta() -> ReportMeta:
    """Report metadata of a synthetic data set."""
    return META


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> RenderResult:
    """One full render (HTML, PDF, notebooks) of the three chapters, shared by a module."""
    base = tmp_path_factory.mktemp("render")
    notebooks = [write_notebook(base / "nb" / f"{name}.ipynb", cells) for name, cells in CHAPTERS.items()]
    return render_report(
        notebooks,
        PARAMETERS,
        base / "out" / "umbulsari",
        META,
        data_files=[("2023/umbulsari/instansi.yaml", "0" * 64)],
        settings={"capaian": {"batas_atas": 120}},
    )
