"""Fixtures of the fault suite: the batch tests' small project (chapters, params) in tmp_path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "batch"))
from batch_fixtures import make_project, use_project  # noqa: E402


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace (LKIP_ROOT) and chapters folder (LKIP_BAB) with small fixture chapters and the default settings."""
    return use_project(make_project(tmp_path / "proyek"), monkeypatch)
