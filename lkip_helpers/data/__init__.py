"""The data layer: what a data set is (schema, model), what people type (parse), and its two forms.

A data set of one kecamatan and year is a folder in text form (CSV/YAML, under
version control) or an Excel workbook; :func:`load` reads either into a
:class:`DataSet`.  Nothing here knows a rule, a check or a report.
"""

from __future__ import annotations

from .excel import load_workbook
from .load import load, load_dataset
from .model import DataSet
from .templat import write_template, write_workbook
from .textform import load_folder
from .tulis import write_folder

__all__ = [
    "DataSet",
    "load",
    "load_dataset",
    "load_folder",
    "load_workbook",
    "write_folder",
    "write_template",
    "write_workbook",
]
