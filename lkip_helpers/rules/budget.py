"""Budget rules: serapan, roll-up of the budget tree, serapan and efficiency per sasaran.

* Serapan anggaran = realisasi / pagu x 100 (pagu 0 or missing: None with a reason).
* :func:`rollup` sums sub kegiatan -> kegiatan -> program -> total and puts the
  amounts stated in the data set beside the computed ones, so that checks and
  tables can compare them (the seed's Tabel 3.8 prints 100% where the sums give 75%).
* :func:`serapan_sasaran` maps programs to sasaran via ``program_sasaran``.
* :func:`efisiensi` labels a sasaran (Tabel 3.7) by one of three methods
  (``settings.efisiensi.metode``): ``seed`` (Efisien when capaian >= serapan),
  ``selisih`` (capaian - serapan against +-ambang points), ``rasio`` (capaian / serapan
  against 1).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from .._values import missing as _missing

if TYPE_CHECKING:
    from .capaian import RataRata
    from .settings import EfisiensiSettings

__all__ = [
    "EFISIEN",
    "CUKUP_EFISIEN",
    "TIDAK_EFISIEN",
    "Efisiensi",
    "Serapan",
    "efisiensi",
    "efisiensi_keseluruhan",
    "efisiensi_frame",
    "hitung_serapan",
    "rollup",
    "serapan_frame",
    "serapan_sasaran",
]

EFISIEN = "Efisien"
CUKUP_EFISIEN = "Cukup Efisien"
TIDAK_EFISIEN = "Tidak Efisien"

_ROLLUP_COLUMNS = [
    "level",
    "kode",
    "kode_induk",
    "nama",
    "pagu",
    "realisasi",
    "serapan",
    "pagu_tertulis",
    "realisasi_tertulis",
    "serapan_tertulis",
    "jumlah_sub_kegiatan",
    "lengkap",
]




@dataclass(frozen=True)
class Serapan:
    """Serapan anggaran in percent (``nilai`` None with ``alasan`` when not computable)."""

    nilai: float | None
    alasan: str | None = None


def hitung_serapan(pagu: Any, realisasi: Any) -> Serapan:
    """Return ``realisasi / pagu x 100``; pagu 0 or missing, realisasi missing -> None with reason."""
    if _missing(pagu):
        return Serapan(None, "pagu belum tersedia: serapan tidak dapat dihitung")
    if float(pagu) == 0:
        return Serapan(None, "pagu 0: serapan tidak dapat dihitung")
    if _missing(realisasi):
        return Serapan(None, "realisasi anggaran belum tersedia")
    return Serapan(round(float(realisasi) * 100 / float(pagu), 9) + 0.0)


def serapan_frame(
    df: pd.DataFrame, *, kolom_pagu: str = "pagu", kolom_realisasi: str = "realisasi", kolom: str = "serapan"
) -> pd.DataFrame:
    """Return a copy of ``df`` with ``{kolom}`` (float, NaN when n/a) and ``{kolom}_alasan``."""
    res = [hitung_serapan(p, r) for p, r in zip(df[kolom_pagu], df[kolom_realisasi], strict=True)]
    out = df.copy()
    out[kolom] = pd.Series([s.nilai for s in res], index=df.index, dtype="float64")
    out[f"{kolom}_alasan"] = pd.Series([s.alasan for s in res], index=df.index, dtype="object")
    return out


# ---------------------------------------------------------------------------- roll-up
def _int(value: Any) -> int | None:
    return None if _missing(value) else int(value)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts, in ``urutan`` order when the frame has one (file order for ties)."""
    if "urutan" in df.columns and len(df):
        df = df.assign(_pos=range(len(df))).sort_values(["urutan", "_pos"], na_position="last", kind="stable")
    return [{str(k): v for k, v in row.items()} for row in df.to_dict(orient="records")]


def _sum(values: list[int | None]) -> tuple[int | None, bool]:
    """The sum and whether it is complete; None when an amount is missing (a partial sum is no total)."""
    known = [v for v in values if v is not None]
    complete = len(known) == len(values)
    return (sum(known) if complete else None), complete


def _node(
    level: str, kode: Any, induk: Any, nama: Any, leaves: list[dict[str, Any]], stated: dict[str, Any]
) -> dict[str, Any]:
    pagu, ok_p = _sum([_int(s.get("pagu")) for s in leaves])
    real, ok_r = _sum([_int(s.get("realisasi")) for s in leaves])
    p_t, r_t = _int(stated.get("pagu")), _int(stated.get("realisasi"))
    return {
        "level": level,
        "kode": kode,
        "kode_induk": induk,
        "nama": None if _missing(nama) else nama,
        "pagu": pagu,
        "realisasi": real,
        "serapan": hitung_serapan(pagu, real).nilai,
        "pagu_tertulis": p_t,
        "realisasi_tertulis": r_t,
        "serapan_tertulis": hitung_serapan(p_t, r_t).nilai,
        "jumlah_sub_kegiatan": len(leaves),
        "lengkap": ok_p and ok_r,
    }


def rollup(
    sub_kegiatan_df: pd.DataFrame,
    kegiatan_df: pd.DataFrame,
    program_df: pd.DataFrame,
    *,
    pagu_total_tertulis: Any = None,
    realisasi_total_tertulis: Any = None,
) -> pd.DataFrame:
    """Sum the budget tree from the sub kegiatan up, beside the stated amounts.

    Parameters
    ----------
    sub_kegiatan_df, kegiatan_df, program_df
        The data set's ``sub_kegiatan``, ``kegiatan`` and ``program`` tables
        (columns ``kode``, parent code, ``nama``, ``pagu``, ``realisasi``, ``urutan``).
    pagu_total_tertulis, realisasi_total_tertulis
        Stated totals (``anggaran.pagu_total``, ``anggaran.realisasi_total``).

    Returns
    -------
    pandas.DataFrame
        One row per node in the order of Tabel 3.8 (program, its kegiatan, each
        followed by its sub kegiatan; the ``total`` row last) with columns
        ``level`` (``program``/``kegiatan``/``sub_kegiatan``/``total``), ``kode``,
        ``kode_induk``, ``nama``, ``pagu``, ``realisasi`` and ``serapan`` computed
        from the sub kegiatan, ``pagu_tertulis``, ``realisasi_tertulis``,
        ``serapan_tertulis`` as stated, ``jumlah_sub_kegiatan`` and ``lengkap``
        (False when a sub kegiatan amount below is missing: that sum is then
        missing too, never the sum of the known amounts only).  A sub kegiatan whose kegiatan (or a kegiatan whose
        program) is absent hangs under a node with no name and no stated
        amounts, so the total still covers every sub kegiatan.
    """
    subs = _records(sub_kegiatan_df)
    kegs = {k["kode"]: k for k in _records(kegiatan_df)}
    progs = {p["kode"]: p for p in _records(program_df)}
    for sub in subs:
        kegs.setdefault(sub["kode_kegiatan"], {"kode": sub["kode_kegiatan"], "kode_program": None})
    for keg in kegs.values():
        if keg.get("kode_program") not in progs:
            key = "?" if _missing(keg.get("kode_program")) else keg["kode_program"]
            progs.setdefault(key, {"kode": key})
            keg["kode_program"] = key

    rows: list[dict[str, Any]] = []
    for pkode, prog in progs.items():
        p_kegs = [k for k in kegs.values() if k["kode_program"] == pkode]
        under = {k["kode"]: [s for s in subs if s["kode_kegiatan"] == k["kode"]] for k in p_kegs}
        rows.append(
            _node("program", pkode, None, prog.get("nama"), [s for v in under.values() for s in v], prog)
        )
        for keg in p_kegs:
            rows.append(_node("kegiatan", keg["kode"], pkode, keg.get("nama"), under[keg["kode"]], keg))
            rows.extend(
                _node("sub_kegiatan", s["kode"], keg["kode"], s.get("nama"), [s], s)
                for s in under[keg["kode"]]
            )
    total = {"pagu": pagu_total_tertulis, "realisasi": realisasi_total_tertulis}
    rows.append(_node("total", "total", None, "Jumlah", subs, total))
    ints = ["pagu", "realisasi", "pagu_tertulis", "realisasi_tertulis", "jumlah_sub_kegiatan"]
    types = {**dict.fromkeys(ints, "Int64"), "serapan": "float64", "serapan_tertulis": "float64"}
    return _frame(rows, _ROLLUP_COLUMNS, {**types, "lengkap": "bool"})


def _frame(rows: list[dict[str, Any]], columns: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    """Build a frame column by column; columns not in ``dtypes`` stay ``object`` (None kept)."""
    data = {c: pd.Series([r[c] for r in rows], dtype=dtypes.get(c, "object")) for c in columns}
    return pd.DataFrame(data, columns=columns)


# -------------------------------------------------------------------- per sasaran
def serapan_sasaran(program: pd.DataFrame, program_sasaran: pd.DataFrame) -> pd.DataFrame:
    """Serapan anggaran per sasaran from the programs that support it.

    Parameters
    ----------
    program
        Program amounts: the output of :func:`rollup` (its ``program`` rows,
        computed from the sub kegiatan, are used) or any frame with ``kode``,
        ``pagu``, ``realisasi`` (e.g. the stated ``program`` table).
    program_sasaran
        Mapping table with ``kode_program`` and ``kode_sasaran``.  A program
        mapped to two sasaran counts fully in both.

    Returns
    -------
    pandas.DataFrame
        ``kode_sasaran``, ``program`` (codes joined with ", "), ``pagu``,
        ``realisasi``, ``serapan`` (NaN when n/a), ``alasan``; sasaran in the
        order of the mapping table.
    """
    prog = program[program["level"] == "program"] if "level" in program.columns else program
    amounts = {row["kode"]: (_int(row["pagu"]), _int(row["realisasi"])) for _, row in prog.iterrows()}
    rows = []
    for kode, group in program_sasaran.groupby("kode_sasaran", sort=False):
        codes = list(dict.fromkeys(group["kode_program"]))
        known = [amounts[c] for c in codes if c in amounts]
        unknown = [c for c in codes if c not in amounts]
        pagu_vals = [p for p, _ in known]
        real_vals = [r for _, r in known]
        pagu = None if not known or None in pagu_vals else sum(pagu_vals)  # type: ignore[arg-type]
        real = None if not known or None in real_vals else sum(real_vals)  # type: ignore[arg-type]
        s = hitung_serapan(pagu, real)
        alasan = s.alasan
        if unknown:
            alasan = f"program {', '.join(map(str, unknown))} tidak ditemukan di tabel program"
        rows.append(
            {
                "kode_sasaran": kode,
                "program": ", ".join(map(str, codes)),
                "pagu": pagu,
                "realisasi": real,
                "serapan": s.nilai if not unknown else None,
                "alasan": alasan,
            }
        )
    cols = ["kode_sasaran", "program", "pagu", "realisasi", "serapan", "alasan"]
    return _frame(rows, cols, {"pagu": "Int64", "realisasi": "Int64", "serapan": "float64"})


# ---------------------------------------------------------------------- efficiency
@dataclass(frozen=True)
class Efisiensi:
    """Efficiency label of a sasaran.

    ``label`` is ``"Efisien"``, ``"Cukup Efisien"`` or ``"Tidak Efisien"``
    (None when n/a, ``alasan`` says why); ``nilai`` is the measure compared
    (``capaian - serapan`` for ``seed``/``selisih``, ``capaian / serapan`` for ``rasio``).
    """

    label: str | None
    metode: str
    nilai: float | None
    alasan: str | None = None


def efisiensi(capaian: Any, serapan: Any, *, settings: EfisiensiSettings) -> Efisiensi:
    """Label the efficiency of a sasaran from its capaian kinerja and serapan anggaran (both %).

    Use the capped capaian (``Capaian.nilai``), as the seed's Tabel 3.7 does.
    """
    metode = settings.metode
    if _missing(capaian):
        return Efisiensi(None, metode, None, "capaian kinerja tidak tersedia: efisiensi tidak dapat dinilai")
    if _missing(serapan):
        return Efisiensi(None, metode, None, "serapan anggaran tidak tersedia: efisiensi tidak dapat dinilai")
    c, s = float(capaian), float(serapan)
    if metode == "rasio":
        if s == 0:
            return Efisiensi(
                None, metode, None, "serapan anggaran 0: rasio capaian/serapan tidak dapat dihitung"
            )
        ratio = round(c / s, 9)
        label = EFISIEN if ratio > 1 else CUKUP_EFISIEN if ratio == 1 else TIDAK_EFISIEN
        return Efisiensi(label, metode, ratio)
    diff = round(c - s, 9) + 0.0
    if metode == "seed":
        return Efisiensi(EFISIEN if diff >= 0 else TIDAK_EFISIEN, metode, diff)
    if metode == "selisih":
        band = settings.ambang
        label = EFISIEN if diff > band else TIDAK_EFISIEN if diff < -band else CUKUP_EFISIEN
        return Efisiensi(label, metode, diff)
    msg = f"metode efisiensi tidak dikenal: {metode!r}"
    raise ValueError(msg)


def efisiensi_keseluruhan(rata: RataRata, serapan: Any, *, settings: EfisiensiSettings) -> Efisiensi:
    """The whole report's efficiency: the average capaian of the sasaran against the whole budget's serapan.

    An average over only some sasaran (the others' capaian cannot be computed yet) is not
    set against the serapan of the whole budget, which paid for the others too: that
    would label the whole from a part.  It is n/a, and says why.
    """
    if rata.nilai is not None and rata.tidak_dihitung:
        return Efisiensi(None, settings.metode, None,
                         "capaian kinerja sebagian sasaran belum dapat dihitung: efisiensi tidak dapat dinilai")
    return efisiensi(rata.nilai, serapan, settings=settings)


def efisiensi_frame(
    df: pd.DataFrame,
    settings: EfisiensiSettings,
    *,
    kolom_capaian: str = "capaian",
    kolom_serapan: str = "serapan",
) -> pd.DataFrame:
    """Return a copy of ``df`` with ``efisiensi``, ``efisiensi_nilai`` and ``efisiensi_alasan``."""
    res = [
        efisiensi(c, s, settings=settings) for c, s in zip(df[kolom_capaian], df[kolom_serapan], strict=True)
    ]
    out = df.copy()
    out["efisiensi"] = pd.Series([e.label for e in res], index=df.index, dtype="object")
    out["efisiensi_nilai"] = pd.Series([e.nilai for e in res], index=df.index, dtype="float64")
    out["efisiensi_alasan"] = pd.Series([e.alasan for e in res], index=df.index, dtype="object")
    return out
