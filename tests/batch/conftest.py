"""Fixtures of the batch tests: a small project (notebooks, params, data) in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from batch_fixtures import ROOT, write_chapters


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root (LKIP_ROOT) with the fixture chapters, the overview notebook and default settings."""
    root = tmp_path / "proyek"
    write_chapters(root / "notebooks")
    shutil.copy(ROOT / "notebooks" / "kabupaten_ikhtisar.ipynb", root / "notebooks")
    (root / "params").mkdir(parents=True)
    shutil.copy(ROOT / "params" / "default.yaml", root / "params")
    monkeypatch.setenv("LKIP_ROOT", str(root))
    monkeypatch.delenv("LKIP_DATA", raising=False)
    monkeypatch.delenv("LKIP_OUTPUTS", raising=False)
    return root
