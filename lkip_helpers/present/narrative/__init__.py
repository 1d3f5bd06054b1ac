"""Sentences of the report computed from the figures of a :class:`~lkip_helpers.report.laporan.Laporan`.

Every public function takes the report object ``lap`` and returns a list of
paragraphs (Bahasa Indonesia).  Every number in them is one of the report's own
figures (``lap.pengukuran_kinerja``, ``lap.rata_rata``, ``lap.ringkasan_anggaran``
...), formatted with :mod:`lkip_helpers.fmt` exactly as the tables print it, so
the text cannot contradict a table: capaian and serapan as ``fmt.persen``
(``95,50%``), indicator values as the frames' ``target_teks`` / ``realisasi_teks``
(``97%``, ``B (skor 85)``), money as ``fmt.rupiah`` (``Rp 4.231.208.525``) with
``fmt.terbilang_rupiah``.  Counts are written in words ("empat sasaran").
Missing pieces (no benchmark, no previous year, an n/a capaian, no budget) give a
sentence saying so, never an exception.

A chapter notebook shows the paragraphs with ``display.paragraf``::

    for p in narrative.paragraf_sasaran(lap, "S1"):
        display(display.paragraf(p))

The planner's own text is not composed here: it is read from the report object
(``lap.narasi(bagian)``, ``lap.narasi_sasaran(kode)``); the functions below only
place it (kendala, rekomendasi, the end of the kesimpulan).

Modules, by chapter:

* :mod:`.ikhtisar` - Ikhtisar Eksekutif: :func:`ikhtisar_predikat`,
  :func:`ikhtisar_anggaran`, :func:`ikhtisar`, :func:`ikhtisar_kendala`,
  :func:`ikhtisar_rekomendasi`, :func:`ikhtisar_eksekutif` (:class:`IkhtisarEksekutif`).
* :mod:`.kinerja` - BAB III B, capaian kinerja: :func:`pengukuran_ringkas` (after
  Tabel 3.1) and :func:`paragraf_sasaran` (per sasaran: this year, last year,
  Renstra end target, benchmarks).
* :mod:`.anggaran` - BAB III, budget and efficiency: :func:`paragraf_anggaran`
  (Tabel 3.8) and :func:`paragraf_efisiensi` (Tabel 3.7).
* :mod:`.penutup` - BAB IV: :func:`kesimpulan`.
* :mod:`.perencanaan` - BAB II A-D openings: :func:`paragraf_renstra`, :func:`paragraf_rkt`,
  :func:`paragraf_iku`, :func:`paragraf_pk`.
* :mod:`._kata` (private) - word-level helpers: counts in words, lists, sentence
  case, values with units, differences in points, document version names.
* :mod:`._ringkasan` (private) - clauses several chapters repeat: indicators per
  predikat, the overall average, capped capaian, efficiency of the whole.
"""

from __future__ import annotations

from .anggaran import paragraf_anggaran, paragraf_efisiensi
from .ikhtisar import (
    IkhtisarEksekutif,
    ikhtisar,
    ikhtisar_anggaran,
    ikhtisar_eksekutif,
    ikhtisar_kendala,
    ikhtisar_predikat,
    ikhtisar_rekomendasi,
)
from .ikm import paragraf_ikm
from .kinerja import paragraf_sasaran, pengukuran_ringkas
from .penutup import kesimpulan
from .perencanaan import paragraf_iku, paragraf_pk, paragraf_renstra, paragraf_rkt

__all__ = [
    "IkhtisarEksekutif",
    "ikhtisar",
    "ikhtisar_anggaran",
    "ikhtisar_eksekutif",
    "ikhtisar_kendala",
    "ikhtisar_predikat",
    "ikhtisar_rekomendasi",
    "kesimpulan",
    "paragraf_anggaran",
    "paragraf_efisiensi",
    "paragraf_iku",
    "paragraf_ikm",
    "paragraf_pk",
    "paragraf_renstra",
    "paragraf_rkt",
    "paragraf_sasaran",
    "pengukuran_ringkas",
]
