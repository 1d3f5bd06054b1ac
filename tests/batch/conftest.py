"""Fixtures of the batch tests: a small project (notebooks, params, data) in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_fixtures import make_project, use_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace (LKIP_ROOT) and chapters folder (LKIP_BAB) with the fixture chapters, the overview notebook and default settings."""
    return use_project(make_project(tmp_path / "proyek"), monkeypatch)
