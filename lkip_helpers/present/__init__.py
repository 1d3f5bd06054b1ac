"""What a chapter shows: tables, charts, sentences, and the display markers the renderer reads.

Every function here takes the report object (:class:`~lkip_helpers.report.laporan.Laporan`)
and only lays out what it computed:

* :mod:`.katalog` - number, title and source of every table and chart; :func:`tampil`;
* :mod:`.tables` - one great_tables ``GT`` per report table, by chapter;
* :mod:`.charts` - the Altair charts (house theme in :mod:`.theme`);
* :mod:`.narrative` - sentences computed from the figures, by chapter;
* :mod:`.display` - headings, paragraphs, figures and the markers :mod:`lkip_helpers.render` reads;
* :mod:`.kabupaten` - the kabupaten overview's tables and charts.
"""

from __future__ import annotations

import typing

from .._lazy import lazy_exports as _lazy_exports

# Imported on first use: the renderer's worker needs the theme and the display markers,
# not Altair's schema and great_tables (a chapter's kernel imports what it shows).
__getattr__, __dir__ = _lazy_exports(__name__, {
    "charts": ".charts", "display": ".display", "narrative": ".narrative", "tables": ".tables",
    "KATALOG": ".katalog", "nomor": ".katalog", "tampil": ".katalog",
})

if typing.TYPE_CHECKING:
    from . import charts, display, narrative, tables
    from .katalog import KATALOG, nomor, tampil

__all__ = ["KATALOG", "charts", "display", "narrative", "nomor", "tables", "tampil"]
