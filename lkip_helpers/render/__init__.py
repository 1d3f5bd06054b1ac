"""From chapter notebooks to the report: execute, stitch, PDF, commit.

``render_report(notebooks, parameters, out_dir, meta)`` is the one entry point for a
kecamatan; the pieces are public for the batch runner and for tests.  papermill,
nbconvert, WeasyPrint and Altair are imported when first used, not with this package.
"""

from __future__ import annotations

from .execute import execute_chapter, validate_parameters
from .pdf import html_to_pdf
from .provenance import Provenance, add_provenance, data_files, sha256_file
from .report import RenderResult, render_report
from .stitch import Report, ReportMeta, build_report, notebook_html, stitch

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
    "stitch",
    "validate_parameters",
]
