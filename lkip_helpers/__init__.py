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

import sys
import typing

# jsonschema (imported by nbformat and Altair) imports the optional rfc3987_syntax when it
# is installed (it is, for jupyter_events), which builds 38 Lark grammars at import: 1.3 s
# in every process (CLI, worker, zygote, kernel).  Its only use is jsonschema's check of
# the "iri" string formats, which nothing in a report uses; without it jsonschema skips
# that check, by design.  The zygote does the same (batch/_zygote.py).
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

from ._lazy import lazy_exports as _lazy_exports  # noqa: E402
from ._version import __version__  # noqa: E402

# The public API is imported on first use (:mod:`._lazy`): ``lkip`` commands that compute
# no figure (the CLI, a batch's main process) do not pay for pandas and the checks.
__getattr__, __dir__ = _lazy_exports(__name__, {
    "fmt": ".fmt",
    "Pemeriksaan": ".checks", "periksa": ".checks",
    "DataSet": ".data", "load": ".data",
    "DataError": ".errors", "Level": ".errors", "LkipError": ".errors", "Location": ".errors", "Problem": ".errors",
    "RenderError": ".errors", "SettingsError": ".errors",
    "Laporan": ".report.laporan", "buka": ".report.laporan",
    "Capaian": ".rules.capaian", "hitung_capaian": ".rules.capaian",
    "Settings": ".rules.settings", "load_settings": ".rules.settings",
})

if typing.TYPE_CHECKING:
    from . import fmt
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
