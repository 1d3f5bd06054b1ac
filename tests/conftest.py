"""Shared fixtures: the real reference data set and the settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkip_helpers.io import load
from lkip_helpers.model import DataSet
from lkip_helpers.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
UMBULSARI = ROOT / "data" / "2023" / "umbulsari"


@pytest.fixture(scope="session")
def umbulsari() -> DataSet:
    """The Umbulsari 2023 data set, transcribed from the reference report."""
    return load(UMBULSARI)


@pytest.fixture(scope="session")
def settings() -> Settings:
    """Default settings (params/default.yaml)."""
    return load_settings()
