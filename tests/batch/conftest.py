"""Fixtures of the batch tests: a small project (notebooks, params, data) in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_fixtures import make_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root (LKIP_ROOT) with the fixture chapters, the overview notebook and default settings."""
    root = make_project(tmp_path / "proyek")
    monkeypatch.setenv("LKIP_ROOT", str(root))
    monkeypatch.delenv("LKIP_DATA", raising=False)
    monkeypatch.delenv("LKIP_OUTPUTS", raising=False)
    return root
