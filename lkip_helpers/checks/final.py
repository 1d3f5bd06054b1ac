"""Draft or final: what stands between a data set and the final edition of its report.

A report is a DRAF unless the planner asks for the final edition and nothing below
stands in the way.  The final edition needs

* no GALAT;
* every PERINGATAN either fixed, or accepted by the planner in the data set's table
  ``pemeriksaan`` (``pemeriksaan.yaml``: ``kode``, optionally ``tabel``/``baris``/
  ``kolom``, and an ``alasan``) - except findings that can only be fixed, never accepted
  (:data:`WAJIB_DIPERBAIKI`: an empty signature field, a missing report-year figure, a
  letter grade that contradicts its score, demo data);
* real data (``data_status: resmi``).

:func:`tanggapan` pairs each finding with the planner's acceptance (one owner of "was
this accepted, and why"), :func:`syarat_final` lists what is left, grouped by what to
do, in Bahasa Indonesia.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import Level, Location, Problem
from ._util import as_int, table_of, text

if TYPE_CHECKING:
    from ..data.model import DataSet

__all__ = [
    "GALAT_FINAL", "WAJIB_DIPERBAIKI", "Syarat", "Tanggapan", "entri_pemeriksaan", "penerimaan_usang", "syarat_final",
    "tanggapan",
]

#: Findings that only a correction of the data removes (an acceptance does not count).
WAJIB_DIPERBAIKI: frozenset[str] = frozenset(
    {
        "kelengkapan.ttd_laporan",
        "kelengkapan.dokumen",
        "kelengkapan.tanpa_indikator",
        "kelengkapan.realisasi_tahun",
        "kelengkapan.pohon_anggaran",
        "kinerja.target_tanpa_realisasi",
        "kinerja.huruf_skor",
        "instansi.data_contoh",
        "narasi.salinan",
    }
)


#: Findings that are a GALAT for the final edition although a draft may carry them.
GALAT_FINAL: frozenset[str] = frozenset({"kinerja.huruf_skor"})


@dataclass(frozen=True)
class Tanggapan:
    """One finding and the planner's answer to it (``alasan`` None: not accepted)."""

    temuan: Problem
    alasan: str | None = None

    @property
    def diterima(self) -> bool:
        """True when the planner accepted the finding with a reason (and it may be accepted)."""
        return self.alasan is not None and self.temuan.code not in WAJIB_DIPERBAIKI


@dataclass(frozen=True)
class Syarat:
    """One thing to do before the final edition: the group (what to do), the finding, a hint."""

    kelompok: str
    temuan: Problem
    catatan: str = ""

    def sebagai_galat(self) -> Problem:
        """The finding as a GALAT of the final edition, its message led by what to do."""
        p = self.temuan
        extra = f" ({self.catatan})" if self.catatan else ""
        return Problem(Level.GALAT, p.code, f"{self.kelompok}: {p.message}{extra}", p.location, p.found, p.expected)


_KELOMPOK = (
    "Perbaiki galat",
    "Lengkapi data yang wajib untuk edisi final",
    "Tanggapi peringatan: perbaiki datanya, atau terima dengan alasan di tabel pemeriksaan",
    "Ganti data contoh dengan data resmi",
)


def _matches(entry: dict[str, object], found: Problem) -> bool:
    if text(entry.get("kode")) != found.code:
        return False
    loc = found.location or Location("")
    table = text(entry.get("tabel"))
    if table and table != (table_of(loc) or ""):
        return False
    row = as_int(entry.get("baris"))
    if row is not None and row != loc.row:
        return False
    column = text(entry.get("kolom"))
    return not (column and column != (loc.column or ""))


def tanggapan(ds: DataSet | None, temuan: Sequence[Problem]) -> tuple[Tanggapan, ...]:
    """Every finding with the reason the planner accepted it, if any (first matching entry)."""
    entries = [] if ds is None else [{str(k): v for k, v in r.items()} for r in ds.df("pemeriksaan").to_dict("records")]
    out = []
    for found in temuan:
        hit = next((e for e in entries if _matches(e, found)), None)
        out.append(Tanggapan(found, text(hit.get("alasan")) or None if hit else None))
    return tuple(out)


def penerimaan_usang(ds: DataSet, temuan: Sequence[Problem]) -> list[Problem]:
    """Entries of the table ``pemeriksaan`` that accept no current finding (INFO: remove or correct them)."""
    out = []
    frame = ds.df("pemeriksaan")
    for record, loc in zip(frame.to_dict("records"), frame["_lokasi"], strict=True):
        entry = {str(k): v for k, v in record.items()}
        if any(_matches(entry, p) for p in temuan):
            continue
        message = (
            f"Penerimaan temuan '{text(entry.get('kode'))}' di tabel pemeriksaan tidak cocok dengan temuan mana "
            f"pun (sudah diperbaiki, atau kode/tempatnya salah tulis); hapus atau perbaiki barisnya."
        )
        out.append(Problem(Level.INFO, "pemeriksaan.tidak_cocok", message,
                           loc if isinstance(loc, Location) else None, found=text(entry.get("kode"))))
    return out


def syarat_final(ds: DataSet | None, temuan: Sequence[Problem]) -> list[Syarat]:
    """What must still be done for the final edition, in the order of :data:`_KELOMPOK`; empty: final is possible."""
    out: list[Syarat] = []
    for t in tanggapan(ds, temuan):
        p = t.temuan
        if p.level is Level.GALAT or p.code in GALAT_FINAL:
            out.append(Syarat(_KELOMPOK[0], p))
        elif p.code == "instansi.data_contoh":
            out.append(Syarat(_KELOMPOK[3], p))
        elif p.code in WAJIB_DIPERBAIKI and p.level is not Level.INFO:
            note = "penerimaan di tabel pemeriksaan tidak berlaku untuk temuan ini" if t.alasan else ""
            out.append(Syarat(_KELOMPOK[1], p, note))
        elif p.level is Level.PERINGATAN and not t.diterima:
            out.append(Syarat(_KELOMPOK[2], p))
    order = {k: i for i, k in enumerate(_KELOMPOK)}
    return sorted(out, key=lambda s: order[s.kelompok])


def entri_pemeriksaan(problem: Problem) -> str:
    """The ``pemeriksaan.yaml`` entry that accepts ``problem`` (the planner adds the reason)."""
    loc = problem.location
    parts = [f"kode: {problem.code}"]
    table = table_of(loc)
    if table:
        parts.append(f"tabel: {table}")
    if loc is not None and loc.row is not None:
        parts.append(f"baris: {loc.row}")
    if loc is not None and loc.column:
        parts.append(f"kolom: {loc.column}")
    parts.append("alasan: ...")
    return "- " + ", ".join(parts)
