"""Reading and writing data sets: text form (CSV/YAML) and Excel workbooks."""

from __future__ import annotations

from .excel import load_workbook, write_template, write_workbook
from .load import load, load_dataset
from .textform import load_folder, write_folder

__all__ = [
    "load",
    "load_dataset",
    "load_folder",
    "load_workbook",
    "write_folder",
    "write_template",
    "write_workbook",
]
