"""Load a data set from wherever it is: a folder (text form) or a workbook.

:func:`load` dispatches on the path; :func:`load_dataset` finds the data set of
a kecamatan and year under ``data/`` (see :func:`lkip_helpers.paths.dataset_path`).
Paths that cannot be a data set (missing, ``.xls``, ``.ods``, a single CSV) are
reported as a :class:`DataError` with an Indonesian message saying what to do.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Location, Problem
from ..paths import dataset_path, slug
from ._assemble import error, fail
from .batas import BAWAAN, Batas
from .excel import load_workbook
from .model import DataSet
from .textform import load_folder

__all__ = ["load", "load_dataset"]

_EXCEL = (".xlsx", ".xlsm")
_ADVICE: dict[str, str] = {
    ".xls": "Format Excel 97-2003 (.xls) tidak didukung. Buka berkas di Excel lalu pilih "
    "Simpan Sebagai > Buku Kerja Excel (.xlsx).",
    ".ods": "Format LibreOffice/OpenOffice (.ods) tidak didukung. Buka berkas di LibreOffice Calc "
    "lalu pilih Simpan Sebagai > Excel 2007-365 (.xlsx).",
    ".csv": "Satu berkas CSV bukan data set. Berikan folder data set yang berisi semua berkas "
    "tabel (instansi.yaml, target.csv, ...).",
    ".yaml": "Satu berkas YAML bukan data set. Berikan folder data set yang berisi semua berkas "
    "tabel (instansi.yaml, target.csv, ...).",
}
_ADVICE[".yml"] = _ADVICE[".yaml"]


def load(path: str | Path, problems: list[Problem] | None = None, batas: Batas = BAWAAN) -> DataSet:
    """Read and validate a data set folder or workbook.

    Parameters
    ----------
    path : str or Path
        A data set folder (``data/2023/umbulsari``) or a workbook (``.xlsx``).
    problems : list of Problem, optional
        When given, every problem found (warnings included) is appended to it.
    batas : Batas, optional
        Bounds on size, rows, columns and cell length (settings ``masukan``).

    Returns
    -------
    DataSet
        The typed data set.

    Raises
    ------
    DataError
        When the path is not a readable data set or any problem is an error.
    """
    path = Path(path)
    local: list[Problem] = []
    if not path.exists():
        local.append(
            error(
                "berkas.tidak_ada",
                f"Data set tidak ditemukan: {path}. Periksa nama folder atau berkas.",
                Location(path.name or str(path)),
                expected="folder data set atau buku kerja .xlsx yang ada",
            )
        )
        fail(local, problems)
    if path.is_dir():
        return load_folder(path, problems, batas)
    suffix = path.suffix.lower()
    if suffix in _EXCEL:
        return load_workbook(path, problems, batas)
    advice = _ADVICE.get(
        suffix,
        f"Berkas {path.name} tidak dikenal sebagai data set. Berikan folder data set atau buku kerja .xlsx.",
    )
    local.append(
        error("berkas.format", advice, Location(path.name), expected="folder data set atau buku kerja .xlsx")
    )
    fail(local, problems)


def load_dataset(
    tahun: int, kecamatan: str, problems: list[Problem] | None = None, base: Path | None = None
) -> DataSet:
    """Load the data set of ``kecamatan`` for ``tahun`` from ``data/`` (or ``base``).

    The folder ``data/<tahun>/<slug>/`` is preferred; ``data/<tahun>/<slug>.xlsx``
    is used when no folder exists.
    """
    path = dataset_path(tahun, kecamatan, base)
    if not path.exists():
        workbook = path.parent / f"{slug(kecamatan)}.xlsx"
        problems_here = [
            error(
                "berkas.tidak_ada",
                f"Data set Kecamatan {kecamatan} tahun {int(tahun)} tidak ditemukan. Buat folder "
                f"{path} atau simpan buku kerja sebagai {workbook}.",
                Location(str(path)),
                expected=f"folder {path.name}/ atau buku kerja {workbook.name}",
            )
        ]
        fail(problems_here, problems)
    return load(path, problems)
