"""lkip_helpers: compute a kecamatan's LKIP from one data set.

The public API a planner uses in JupyterLab::

    from lkip_helpers import load_dataset, load_settings, laporan
    ds = load_dataset(2023, "Umbulsari")
    settings = load_settings()
    tabel, rata = laporan.pengukuran_kinerja(ds, settings)

Modules: ``schema`` (the data), ``io`` (text form and Excel), ``checks``
(``lkip check``), ``capaian``/``predikat``/``budget``/``ikm`` (the rules of
domain.md), ``laporan`` (the figures of one report), ``fmt`` (Bahasa Indonesia
formatting), ``tables``/``charts``/``narrative``/``display`` (what chapters show),
``render`` (notebooks to HTML/PDF).
"""

from __future__ import annotations

from . import fmt
from .checks import run_checks
from .data import load, load_dataset
from .data.model import DataSet
from .errors import DataError, Level, LkipError, Location, Problem, RenderError, SettingsError
from .report import figures as laporan
from .rules.capaian import Capaian, hitung_capaian
from .rules.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Capaian",
    "DataError",
    "DataSet",
    "Level",
    "LkipError",
    "Location",
    "Problem",
    "RenderError",
    "Settings",
    "SettingsError",
    "__version__",
    "fmt",
    "hitung_capaian",
    "laporan",
    "load",
    "load_dataset",
    "load_settings",
    "run_checks",
]
