"""lkip_helpers: compute a kecamatan's LKIP from one data set.

The public API a planner uses in JupyterLab::

    from lkip_helpers import buka
    lap = buka("../data/2023/umbulsari")       # load, check, and the report object
    lap.frame("pengukuran_kinerja")            # Tabel 3.1 as numbers
    lap.rata_rata.nilai                        # 95.5

    from lkip_helpers.present import tampil
    tampil(lap, "pengukuran_kinerja")          # Tabel 3.1 as the report prints it

The pipeline, one subpackage per stage (lower never imports higher):
``data`` (schema, model, parse, text form and Excel) -> ``rules`` (capaian,
predikat, budget, IKM, settings) -> ``checks`` (``lkip check``; :func:`periksa`)
-> ``report`` (the report object :class:`Laporan`) -> ``present`` (tables, charts,
sentences) -> ``render`` (notebooks to HTML/PDF) -> ``batch`` (many kecamatan) ->
``cli``.  ``errors``, ``fmt`` and ``paths`` serve every stage.
"""

from __future__ import annotations

from . import fmt
from ._version import __version__
from .checks import Pemeriksaan, periksa
from .data import DataSet, load
from .errors import DataError, Level, LkipError, Location, Problem, RenderError, SettingsError
from .report.laporan import Laporan, buka
from .rules.capaian import Capaian, hitung_capaian
from .rules.settings import Settings, load_settings

__all__ = [
    "Capaian",
    "DataError",
    "DataSet",
    "Laporan",
    "Level",
    "LkipError",
    "Location",
    "Pemeriksaan",
    "Problem",
    "RenderError",
    "Settings",
    "SettingsError",
    "__version__",
    "buka",
    "fmt",
    "hitung_capaian",
    "load",
    "load_settings",
    "periksa",
]
