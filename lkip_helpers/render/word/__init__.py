"""The Word edition of the report: ``laporan.docx`` from the same stitched content as the PDF.

:func:`report_to_docx` reads the print page of a :class:`~lkip_helpers.render.stitch.Report`
(the same HTML WeasyPrint lays out) and writes it with python-docx into a copy of the
reference document (:data:`.gaya.REFERENSI`, or a kabupaten's own): Word headings, TOC
fields, captions, real tables, charts as PNG from their Vega-Lite specs, sections for the
cover, the front matter and landscape Lampiran pages, header, footer, DRAF watermark
(see :mod:`.isi`, :mod:`.halaman`, :mod:`.daftar`, :mod:`.tabel`).  The bytes are the same
for the same report (:mod:`.paket`).
"""

from __future__ import annotations

from .dokumen import report_to_docx, susun_dokumen
from .gaya import REFERENSI, buat_referensi

__all__ = ["REFERENSI", "buat_referensi", "report_to_docx", "susun_dokumen"]
