"""Fixtures of the batch tests: a small project (notebooks, params, data) in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from batch_fixtures import ROOT, copy_dataset, write_chapters

from lkip_helpers.batch import BatchParams


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


def make_params(root: Path, names: dict[str, str], formats: tuple[str, ...] = ("html",), **kw: object) -> BatchParams:
    """Copy the data sets ``{Name: folder}`` into ``root/data/2023`` and return a batch over them."""
    for folder in names.values():
        if not (root / "data" / "2023" / folder).exists():
            copy_dataset(folder, root / "data")
    return BatchParams(
        kabupaten="Jember",
        tahun=2023,
        kecamatan=tuple(names),
        data=root / "data" / "2023",
        keluaran=root / "outputs" / "2023",
        formats=formats,
        **kw,  # type: ignore[arg-type]
    )
