"""Fixtures of the fault suite: the batch tests' small project (chapters, params) in tmp_path."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "batch"))
from batch_fixtures import make_project  # noqa: E402


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project root (LKIP_ROOT) with small fixture chapters and the default settings."""
    root = make_project(tmp_path / "proyek")
    monkeypatch.setenv("LKIP_ROOT", str(root))
    monkeypatch.delenv("LKIP_DATA", raising=False)
    monkeypatch.delenv("LKIP_OUTPUTS", raising=False)
    return root
