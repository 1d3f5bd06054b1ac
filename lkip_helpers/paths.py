"""Where things live: every path of the project is computed here, and nowhere else.

The project root is the folder that holds ``lkip_helpers/``, unless the
environment variable ``LKIP_ROOT`` names another one; ``LKIP_OUTPUTS`` moves the
output folder (benchmarks render into a temporary one).  The data set a report
is made of is always a path handed on explicitly (to the check, the worker and
every chapter); no environment variable chooses it.  Nothing happens at import
time.

Folder names: a kecamatan's data set is ``data/<tahun>/<slug>/`` (or the
workbook ``data/<tahun>/<slug>.xlsx``) and its report ``outputs/<tahun>/<slug>/``,
with ``slug("Gunung Sari") == "gunung-sari"``: lower case, ASCII, words joined by
``-``.  ``lkip check`` reports a folder whose name is not the slug of the
kecamatan in its ``instansi``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

__all__ = [
    "chapter_name",
    "contoh_dataset",
    "chapter_notebooks",
    "data_dir",
    "dataset_identity_problems",
    "dataset_in",
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


def chapter_notebooks(folder: Path | None = None) -> list[Path]:
    """The chapter notebooks in reading order (``notebooks/NN_*.ipynb``)."""
    return sorted((folder or notebooks_dir()).glob("[0-9][0-9]_*.ipynb"))


def chapter_name(index: int, path: Path) -> str:
    """``01_pendahuluan.ipynb`` keeps its name; ``pendahuluan.ipynb`` -> ``01_pendahuluan``."""
    return path.stem if re.match(r"^\d+_", path.stem) else f"{index + 1:02d}_{path.stem}"


def data_dir() -> Path:
    """Return ``data/``."""
    return project_root() / "data"


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


def dataset_in(folder: Path, kecamatan: str) -> Path:
    """The data set of ``kecamatan`` in a folder of one year's data sets.

    The text form ``<folder>/<slug>/`` is preferred; the workbook
    ``<folder>/<slug>.xlsx`` is used when no such folder exists.  The returned path
    may not exist (the loader says so in Indonesian).
    """
    path = Path(folder) / slug(kecamatan)
    workbook = Path(folder) / f"{slug(kecamatan)}.xlsx"
    return workbook if not path.exists() and workbook.exists() else path


def dataset_path(tahun: int, kecamatan: str, base: Path | None = None) -> Path:
    """Return the data set of ``kecamatan`` and ``tahun`` under ``data/`` (or ``base``)."""
    return dataset_in((base or data_dir()) / str(int(tahun)), kecamatan)


def report_dir(tahun: int, kecamatan: str, base: Path | None = None) -> Path:
    """Return ``outputs/<tahun>/<slug>/``."""
    return (base or outputs_dir()) / str(int(tahun)) / slug(kecamatan)


def dataset_identity_problems(origin: Path, kecamatan: str, tahun: int) -> list[tuple[str, str, str]]:
    """Where a data set's place disagrees with its ``instansi``: ``(field, in the path, in the data)``.

    A folder must be named ``slug(kecamatan)``; a folder or workbook inside a folder
    named like a year (four digits) must be in the folder of ``tahun``.
    """
    origin = Path(origin)
    out = []
    try:
        expected = slug(kecamatan)
    except ValueError:
        expected = ""
    if origin.is_dir() and expected and origin.name != expected:
        out.append(("kecamatan", origin.name, f"{kecamatan} (folder {expected})"))
    year = origin.resolve().parent.name
    if re.fullmatch(r"\d{4}", year) and int(year) != int(tahun):
        out.append(("tahun", year, str(tahun)))
    return out


def contoh_dataset() -> Path:
    """The Umbulsari 2023 data set shipped as the example (``lkip init --contoh``, ``lkip template --contoh``)."""
    return project_root() / "data" / "2023" / "umbulsari"
