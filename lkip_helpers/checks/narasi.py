"""Narrative hygiene: text copied from another kecamatan's or another year's report.

Reports are written by copying last year's or a neighbour's document (domain.md
section 4); the tell-tale signs are names of other kecamatan and years that do
not belong to the report.  Both checks read the texts the report prints
(:data:`SUMBER`): narasi, narasi per sasaran, names and formulations of tujuan,
sasaran, indikator, program, kegiatan and sub kegiatan, outputs, isu strategis
and photo captions.  They never read ``profil`` (the borders legitimately name
the neighbouring kecamatan), ``instansi`` (legal bases) or any ``catatan``
column (notes of the data maintainers, which discuss the source's errors).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..data.wilayah import KECAMATAN_JEMBER
from ..errors import Level, Location, Problem
from ._util import as_int, problem, row_location, rows, text

if TYPE_CHECKING:
    import pandas as pd

    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = ["AMBIGU", "SUMBER", "check_kecamatan_lain", "check_narasi_salinan", "check_tahun_asing", "tahun_asing"]

#: (table, column) pairs whose text is printed in the report and is scanned.
SUMBER: tuple[tuple[str, str], ...] = (
    ("narasi", "teks"),
    ("narasi_sasaran", "teks"),
    ("isu_strategis", "uraian"),
    ("tujuan", "uraian"),
    ("tujuan", "indikator"),
    ("sasaran", "uraian"),
    ("sasaran", "strategi"),
    ("sasaran", "kebijakan"),
    ("indikator", "nama"),
    ("indikator", "kinerja_utama"),
    ("indikator", "formula"),
    ("program", "nama"),
    ("program", "indikator"),
    ("kegiatan", "nama"),
    ("sub_kegiatan", "nama"),
    ("sub_kegiatan", "outcome"),
    ("output_sub_kegiatan", "indikator"),
    ("foto", "keterangan"),
)

#: Kecamatan names that are also ordinary words or other places' names; they are
#: matched only after "Kecamatan"/"Camat", never bare.  (panti asuhan, silo,
#: tanggul = levee, mayang, balung = bone (Jv.), Kabupaten Jombang, Arjasa in
#: Situbondo/Sumenep, and names that many desa/kelurahan share.)
AMBIGU: frozenset[str] = frozenset(
    {"Panti", "Silo", "Tanggul", "Mayang", "Balung", "Jombang", "Arjasa", "Sumbersari", "Kalisat", "Puger"}
)

_ABBREV = {
    "rp",
    "no",
    "nmr",
    "th",
    "tk",
    "kab",
    "kec",
    "jl",
    "dll",
    "dsb",
    "dst",
    "mis",
    "ds",
    "dr",
    "ir",
    "h",
    "nip",
    "sd",
    "s.d",
    "a.n",
    "pt",
    "cv",
    "st",
    "se",
    "drs",
    "hj",
    "bpk",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])|\n+")
_YEAR = r"(?:19|20)\d\d"
_RANGE = re.compile(
    rf"(?<![\d/])({_YEAR})\s*(?:-|\u2013|\u2014|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*({_YEAR})(?!\d)",
    re.IGNORECASE,
)
_SINGLE = re.compile(rf"(?<!\d)(?<!\d[.,])({_YEAR})(?!\d|[.,]\d)")
_CITATION = re.compile(
    r"(?:/\s*|\b(?:nomor|no|nmr)\b\.?\s*:?\s*[\w.\-/]+\s+(?:tahun|th\.?)\s*"
    r"|\b(?:uu|pp|perpres|perbup|perda|permen[\w\-]*|undang-undang|peraturan|keputusan|inpres|se)\b"
    r"[^.;]{0,60}?\b\d+[a-z]?\s+(?:tahun|th\.?)\s*|\b(?:uud|undang-undang dasar)\b[^.;]{0,12}?)$",
    re.IGNORECASE,
)
_RENSTRA_CONTEXT = re.compile(r"renstra|rencana strategis|rpjm|periode|jangka menengah", re.IGNORECASE)
_COMPARISON = re.compile(
    r"dibanding|banding|sebelumnya|tahun lalu|kenaikan|penurunan|meningkat|menurun|mengalami|menjadi",
    re.IGNORECASE,
)
_BATAS = re.compile(r"batas", re.IGNORECASE)

#: Years further than this before the report year are treated as history or law, not as copy errors.
JANGKAUAN_LALU = 10
#: Years further than this after the report year are not checked.
JANGKAUAN_DEPAN = 5


@dataclass(frozen=True)
class _Text:
    table: str
    column: str
    label: str
    value: str
    location: Location | None


def _texts(ds: DataSet) -> Iterator[_Text]:
    for table, column in SUMBER:
        for row in rows(ds, table):
            value = text(row.get(column))
            if value:
                yield _Text(table, column, _label(table, column, row), value, row_location(row, column))


def _label(table: str, column: str, row: pd.Series) -> str:
    if table == "narasi":
        return f"narasi bagian '{text(row['bagian'])}' butir {text(row['urutan'])}"
    if table == "narasi_sasaran":
        return (
            f"narasi sasaran {text(row['kode_sasaran'])} ({text(row['jenis'])}) butir {text(row['urutan'])}"
        )
    if "kode" in row.index:
        return f"{table}.{column} {text(row['kode'])}"
    return f"{table}.{column}"


def _sentences(value: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, sentence); abbreviations such as 'Rp.' or 'No.' do not end one."""
    start = 0
    for match in _SENTENCE_END.finditer(value):
        before = value[start : match.start()].rstrip(".!?")
        last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        if match.group().strip() == "" and "\n" not in match.group() and last.rstrip(".") in _ABBREV:
            continue
        yield start, value[start : match.start()]
        start = match.end()
    if start < len(value):
        yield start, value[start:]


def _snippet(sentence: str, start: int, end: int, width: int = 70) -> str:
    """The words around ``sentence[start:end]``, about ``width`` characters each side."""
    lo, hi = max(0, start - width), min(len(sentence), end + width)
    if lo > 0:
        space = sentence.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(sentence):
        space = sentence.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    head = "..." if lo > 0 else ""
    tail = "..." if hi < len(sentence) else ""
    return f"{head}{sentence[lo:hi].strip().rstrip('.,;:')}{tail}"


# -- other kecamatan --------------------------------------------------------------------
def _neighbours(ds: DataSet) -> set[str]:
    batas = " ".join(
        text(ds.get("profil", k)) for k in ("batas_utara", "batas_selatan", "batas_barat", "batas_timur")
    )
    return {k for k in KECAMATAN_JEMBER if re.search(rf"\b{k}\b", batas, re.IGNORECASE)}


def _name_patterns(ds: DataSet) -> list[tuple[str, re.Pattern[str], bool]]:
    own = ds.kecamatan.strip().lower()
    desa = {text(row["nama"]).lower() for row in rows(ds, "desa")}
    out = []
    for name in KECAMATAN_JEMBER:
        if name.lower() == own:
            continue
        titled = re.compile(rf"\b(?:kecamatan|kec\.|camat)\s+{name}\b", re.IGNORECASE)
        out.append((name, titled, False))
        if name not in AMBIGU and name.lower() not in desa:
            out.append((name, re.compile(rf"\b{name}\b", re.IGNORECASE), True))
    return out


def check_kecamatan_lain(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Names of other kecamatan of Kabupaten Jember in the printed texts (PERINGATAN).

    Matches "Kecamatan X", "Kec. X" and "Camat X" case-insensitively for every
    other kecamatan, and the bare name as a whole, capitalised word when it is
    distinctive (not in :data:`AMBIGU` and not the name of one of the own desa).
    A neighbour named in ``profil.batas_*`` is accepted in a sentence about the
    border ("berbatasan dengan Kecamatan Semboro").  One finding per text and name.
    """
    patterns = _name_patterns(ds)
    neighbours = _neighbours(ds)
    own = ds.kecamatan
    out: list[Problem] = []
    for item in _texts(ds):
        seen: set[str] = set()
        for _, sentence in _sentences(item.value):
            for name, pattern, bare in patterns:
                if name in seen:
                    continue
                for match in pattern.finditer(sentence):
                    if bare and match.group().islower():
                        continue
                    if name in neighbours and _BATAS.search(sentence):
                        continue
                    seen.add(name)
                    snippet = _snippet(sentence, match.start(), match.end())
                    message = (
                        f'Teks {item.label} menyebut Kecamatan {name}: "{snippet}". Laporan ini milik '
                        f"Kecamatan {own}; teks ini kemungkinan disalin dari laporan kecamatan lain. "
                        f"Ganti nama kecamatannya, atau hapus kalimat itu bila tidak berlaku."
                    )
                    out.append(
                        problem(
                            Level.PERINGATAN,
                            "narasi.kecamatan_lain",
                            message,
                            item.location,
                            found=snippet,
                            expected=f"Kecamatan {own}",
                        )
                    )
                    break
    return out


# -- years -------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Context:
    tahun: int
    renstra: tuple[int, int] | None


def _year_ok(year: int, sentence: str, ctx: _Context) -> bool:
    if year in (ctx.tahun, ctx.tahun + 1):
        return True
    if year < ctx.tahun - JANGKAUAN_LALU or year > ctx.tahun + JANGKAUAN_DEPAN:
        return True
    if ctx.renstra and year in ctx.renstra and _RENSTRA_CONTEXT.search(sentence):
        return True
    return year < ctx.tahun and bool(_COMPARISON.search(sentence))


def tahun_asing(
    sentence: str, tahun: int, renstra: tuple[int, int] | None = None
) -> list[tuple[str, int, int]]:
    """Return the years (or ranges) in ``sentence`` that do not belong to a ``tahun`` report.

    Each result is ``(text, start, end)``.  The rule:

    * the report year and the next year (signing date, plans for next year) are fine;
    * a year in a legal citation ("Nomor 8 Tahun 2006", "PER/9/M.PAN/5/2007",
      "UU 23 tahun 2014", "UUD 1945") is the regulation's, not the report's;
    * the Renstra period as a range ("2021-2026", "2021 s.d. 2026"), and its first
      or last year alone in a sentence about the Renstra/RPJMD/periode, are fine;
      any other range is judged by its two ends;
    * an earlier year is fine in a sentence that compares ("dibandingkan tahun
      2022", "kenaikan", "tahun lalu", "sebelumnya", "menjadi" ...);
    * years more than 10 before or 5 after the report year are history, not copy
      errors, and are not reported.

    So "Tahun Anggaran 2022" in the kata pengantar of a 2023 report is reported,
    "dibandingkan dengan tahun 2022" is not.
    """
    ctx = _Context(tahun, renstra)
    found: list[tuple[str, int, int]] = []
    covered: list[tuple[int, int]] = []
    for match in _RANGE.finditer(sentence):
        covered.append(match.span())
        a, b = int(match.group(1)), int(match.group(2))
        if _CITATION.search(sentence[: match.start()]):
            continue
        if renstra and (a, b) == renstra:
            continue
        if _year_ok(a, sentence, ctx) and _year_ok(b, sentence, ctx):
            continue
        found.append((match.group(), *match.span()))
    for match in _SINGLE.finditer(sentence):
        if any(lo <= match.start() < hi for lo, hi in covered):
            continue
        if _CITATION.search(sentence[: match.start()]):
            continue
        if _year_ok(int(match.group(1)), sentence, ctx):
            continue
        found.append((match.group(), *match.span()))
    return sorted(found, key=lambda f: f[1])


def check_tahun_asing(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Years that do not belong to the report in the printed texts (PERINGATAN).

    See :func:`tahun_asing` for the rule.  One finding per text and year, with the
    snippet around it.
    """
    awal, akhir = as_int(ds.get("instansi", "renstra_awal")), as_int(ds.get("instansi", "renstra_akhir"))
    renstra = (awal, akhir) if awal is not None and akhir is not None else None
    out: list[Problem] = []
    for item in _texts(ds):
        seen: set[str] = set()
        for _, sentence in _sentences(item.value):
            for year, start, end in tahun_asing(sentence, ds.tahun, renstra):
                if year in seen:
                    continue
                seen.add(year)
                snippet = _snippet(sentence, start, end)
                message = (
                    f'Teks {item.label} menyebut tahun {year}: "{snippet}". Laporan ini untuk tahun '
                    f"{ds.tahun}; teks ini kemungkinan disalin dari laporan tahun lain. Perbaiki tahunnya; "
                    f"bila kalimat ini memang membandingkan dengan tahun lain, tulis perbandingannya "
                    f"dengan jelas (mis. 'dibandingkan tahun {ds.tahun - 1}')."
                )
                out.append(
                    problem(
                        Level.PERINGATAN,
                        "narasi.tahun",
                        message,
                        item.location,
                        found=snippet,
                        expected=f"tahun {ds.tahun}",
                    )
                )
    return out


def check_narasi_salinan(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Narrative rows still marked as copied from an earlier report (``salinan_dari``; PERINGATAN).

    ``lkip tahun-baru`` keeps last year's texts as a draft to revise, each row marked with
    the year it was written for; the planner revises the text and empties the mark.
    """
    out: list[Problem] = []
    for table in ("narasi", "narasi_sasaran"):
        for row in rows(ds, table):
            year = as_int(row.get("salinan_dari"))
            if year is None:
                continue
            where = text(row.get("bagian")) or f"sasaran {text(row.get('kode_sasaran'))}"
            message = (
                f"Teks {table} ({where}, urutan {text(row.get('urutan'))}) masih salinan dari laporan tahun {year}. "
                f"Perbarui teksnya untuk tahun {ds.tahun}, lalu kosongkan kolom 'salinan_dari'. Draf menandai "
                "teks ini."
            )
            out.append(problem(Level.PERINGATAN, "narasi.salinan", message, row_location(row, "salinan_dari"),
                               found=f"salinan_dari: {year}", expected="salinan_dari kosong (teks sudah diperbarui)"))
    return out
