"""Where things live: every path of the project is computed here.

The project root is the folder that holds ``lkip_helpers/``, unless the
environment variable ``LKIP_ROOT`` names another one (used by tests and by a
batch run from elsewhere).  Nothing happens at import time.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

__all__ = [
    "data_dir",
    "dataset_path",
    "notebooks_dir",
    "outputs_dir",
    "params_dir",
    "project_root",
    "report_dir",
    "slug",
]


def project_root() -> Path:
    """Return the project root (``LKIP_ROOT`` or the package's parent folder)."""
    env = os.environ.get("LKIP_ROOT")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Return ``data/`` (``LKIP_DATA`` overrides it)."""
    env = os.environ.get("LKIP_DATA")
    return Path(env).resolve() if env else project_root() / "data"


def params_dir() -> Path:
    """Return ``params/``."""
    return project_root() / "params"


def notebooks_dir() -> Path:
    """Return ``notebooks/``."""
    return project_root() / "notebooks"


def outputs_dir() -> Path:
    """Return ``outputs/`` (``LKIP_OUTPUTS`` overrides it)."""
    env = os.environ.get("LKIP_OUTPUTS")
    return Path(env).resolve() if env else project_root() / "outputs"


def slug(name: str) -> str:
    """Return the lowercase file-system name of a kecamatan: ``"Gunung Sari"`` -> ``"gunung-sari"``."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    if not text:
        msg = f"nama kecamatan tidak valid: {name!r}"
        raise ValueError(msg)
    return text


def dataset_path(tahun: int, kecamatan: str, base: Path | None = None) -> Path:
    """Return the data set of ``kecamatan`` and ``tahun``.

    The text form ``data/<tahun>/<slug>/`` is preferred; a workbook
    ``data/<tahun>/<slug>.xlsx`` is used when no folder exists.  The returned
    path may not exist (the loader reports that in Indonesian).
    """
    root = (base or data_dir()) / str(int(tahun))
    folder = root / slug(kecamatan)
    workbook = root / f"{slug(kecamatan)}.xlsx"
    if not folder.exists() and workbook.exists():
        return workbook
    return folder


def report_dir(tahun: int, kecamatan: str, base: Path | None = None) -> Path:
    """Return ``outputs/<tahun>/<slug>/``."""
    return (base or outputs_dir()) / str(int(tahun)) / slug(kecamatan)
