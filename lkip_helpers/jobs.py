"""Render jobs: one kecamatan and year -> ``outputs/<tahun>/<slug>/``.

Ties the pieces together: find and validate the data set (a data set with
errors stops here, before any kernel starts), load the settings, collect the
provenance (data files with SHA-256, settings), and hand the chapter notebooks
to :func:`lkip_helpers.render.render_report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .data import load
from .data.model import DataSet
from .paths import dataset_path, notebooks_dir, report_dir
from .rules.settings import Settings, load_settings

if TYPE_CHECKING:
    from .render import RenderResult

__all__ = ["chapter_notebooks", "data_files", "render_kecamatan"]


def chapter_notebooks(folder: Path | None = None) -> list[Path]:
    """The chapter notebooks in reading order (``notebooks/0*.ipynb``)."""
    return sorted((folder or notebooks_dir()).glob("[0-9][0-9]_*.ipynb"))


def data_files(ds: DataSet) -> list[tuple[str, str]]:
    """(path relative to the data folder, sha256) of every file the data set was read from."""
    base = ds.origin.parent if ds.origin and ds.origin.is_file() else ds.origin
    out = []
    for src in ds.sources:
        try:
            rel = str(Path(src.path).resolve().relative_to(Path(base).resolve().parent)) if base else str(src.path)
        except ValueError:
            rel = str(src.path)
        out.append((rel, src.sha256))
    return sorted(out)


def render_kecamatan(
    kecamatan: str,
    tahun: int,
    *,
    formats: Sequence[str] = ("html", "pdf"),
    force: bool = False,
    data: Path | None = None,
    settings_path: Path | None = None,
    out_dir: Path | None = None,
    notebooks: Sequence[Path] | None = None,
) -> RenderResult:
    """Render the report of ``kecamatan`` for ``tahun``; the result names the files written.

    Raises :class:`~lkip_helpers.errors.DataError` for bad data (nothing is
    executed) and :class:`~lkip_helpers.errors.RenderError` when a chapter fails
    (earlier good outputs stay untouched).
    """
    from .render import ReportMeta, render_report

    source = Path(data) if data else dataset_path(tahun, kecamatan)
    ds = load(source)
    settings: Settings = load_settings(settings_path)
    from . import fmt

    meta = ReportMeta(
        kecamatan=ds.kecamatan,
        kabupaten=ds.kabupaten,
        tahun=ds.tahun,
        tanggal=fmt.tanggal(ds.instansi.get("tanggal_ttd")),
        is_contoh=ds.is_contoh,
    )
    parameters = {"kecamatan": ds.kecamatan, "tahun": ds.tahun}
    if data:
        parameters["data"] = str(Path(data).resolve())
    if settings_path:
        parameters["pengaturan"] = str(Path(settings_path).resolve())
    target = out_dir or report_dir(ds.tahun, ds.kecamatan)
    result = render_report(
        list(notebooks or chapter_notebooks()),
        parameters,
        target,
        meta,
        formats=tuple(formats),
        force=force,
        data_files=data_files(ds),
        settings=settings.as_dict(),
    )
    return result
