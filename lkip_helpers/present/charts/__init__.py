"""Altair charts of the report: pure functions of a report object (:class:`Laporan`) -> chart.

Every builder asks the :class:`~lkip_helpers.report.laporan.Laporan` for its figures
(or, for BAB I, for the data set's tables: ``lap.ds``), aggregates them in pandas, and
hands Altair a few named rows, so a chart can never show another number than the
tables and the text, which read the same figures.  Conventions:

* data is inline and *named* (``alt.InlineData(values=..., name="capaian_indikator")``),
  no selection parameters: ``chart.to_dict()`` is the same on every call;
* styling comes from the house theme (:mod:`lkip_helpers.present.theme`, enabled here);
  predikat colours from :func:`lkip_helpers.present.theme.skala_predikat`;
* labels drawn on the chart are formatted in Python with :mod:`lkip_helpers.fmt`
  (``97,00%``, ``Rp 21,72 jt``); axis and tooltip formats are d3 formats, rendered with
  the Indonesian locale that :func:`lkip_helpers.present.theme.spec_to_svg` and
  ``vegaEmbed`` pass;
* tooltip titles are Indonesian;
* a chart with nothing to show is a short text ("Data ... tidak tersedia"), never an error.

Modules: :mod:`.kinerja` (BAB III capaian, trend, capaian vs serapan),
:mod:`.anggaran` (BAB III budget), :mod:`.profil` (BAB I staff and desa);
:mod:`._dasar` holds the shared private helpers.

Notebooks show a chart with ``display.gambar(charts.capaian_indikator(lap),
"Gambar 3.1", "Capaian Indikator Kinerja Tahun 2023", "Sumber data: ...")``.
"""

from __future__ import annotations

from ._dasar import Chart
from .anggaran import anggaran_program
from .kinerja import capaian_indikator, capaian_vs_serapan, tren_indikator
from .profil import komposisi_pegawai, status_desa

__all__ = [
    "Chart",
    "anggaran_program",
    "capaian_indikator",
    "capaian_vs_serapan",
    "komposisi_pegawai",
    "status_desa",
    "tren_indikator",
]
