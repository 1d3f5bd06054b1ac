"""From chapter notebooks to the report: execute, stitch, PDF, commit.

``render_report(notebooks, parameters, out_dir, meta)`` is the one entry point for a
kecamatan; the pieces are public for the batch runner and for tests.  papermill,
nbconvert, WeasyPrint and Altair are imported when first used, not with this package,
and so is every public name (:mod:`lkip_helpers._lazy`).
"""

from __future__ import annotations

import typing

from .._lazy import lazy_exports as _lazy_exports

# Imported on first use: a batch's main process imports render.atomic and render.sidik
# only, not nbformat, jupyter_client, pandas and Altair.
__getattr__, __dir__ = _lazy_exports(__name__, {
    "execute_chapter": ".execute", "validate_parameters": ".execute",
    "html_to_pdf": ".pdf",
    "Provenance": ".provenance", "add_provenance": ".provenance", "data_files": ".provenance",
    "sha256_file": ".provenance",
    "RenderResult": ".report", "render_report": ".report",
    "Report": ".stitch", "ReportMeta": ".stitch", "build_report": ".stitch", "notebook_html": ".stitch",
})

if typing.TYPE_CHECKING:
    from .execute import execute_chapter, validate_parameters
    from .pdf import html_to_pdf
    from .provenance import Provenance, add_provenance, data_files, sha256_file
    from .report import RenderResult, render_report
    from .stitch import Report, ReportMeta, build_report, notebook_html

__all__ = [
    "Provenance",
    "RenderResult",
    "Report",
    "ReportMeta",
    "add_provenance",
    "build_report",
    "data_files",
    "execute_chapter",
    "html_to_pdf",
    "notebook_html",
    "render_report",
    "sha256_file",
    "validate_parameters",
]
