"""Budget checks: roll-ups to the Rupiah, composition of spending, realisasi above pagu.

The data set keeps every amount *as printed* (DPA, Tabel 3.8): the sub kegiatan,
the kegiatan, the program and the totals in ``anggaran``.  A report prints all of
them, so a roll-up that is off by one Rupiah makes a printed figure wrong: these
findings are GALAT.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from ..errors import Level, Problem
from ._util import as_int, field_location, problem, row_location, rows, rupiah, text

if TYPE_CHECKING:
    import pandas as pd

    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = ["check_anggaran_komposisi", "check_anggaran_rollup", "check_realisasi_melebihi_pagu"]

_KOLOM = {"pagu": "pagu", "realisasi": "realisasi", "pagu_murni": "pagu murni"}
_JENJANG = {"sub_kegiatan": "sub kegiatan", "kegiatan": "kegiatan", "program": "program"}


def _label(level: str, row: pd.Series) -> str:
    return f"{_JENJANG[level]} {text(row['kode'])} '{text(row['nama'])}'"


def _selisih(stated: int, total: int) -> str:
    diff = stated - total
    arah = "lebih besar" if diff > 0 else "lebih kecil"
    return f"selisih {rupiah(abs(diff))}; angka tertulis {arah}"


def _rollup(ds: DataSet, parent: str, child: str, key: str) -> list[Problem]:
    """Compare each ``parent`` row's amounts with the sum over its ``child`` rows."""
    children: dict[str, list[pd.Series]] = defaultdict(list)
    for row in rows(ds, child):
        children[text(row[key])].append(row)
    out: list[Problem] = []
    for prow in rows(ds, parent):
        kids = children.get(text(prow["kode"]), [])
        if not kids:
            continue
        for col, name in _KOLOM.items():
            stated = as_int(prow[col])
            values = [as_int(k[col]) for k in kids]
            if stated is None or any(v is None for v in values):
                continue  # pagu_murni is compared only where every level gives it
            total = sum(v for v in values if v is not None)
            if stated == total:
                continue
            message = (
                f"{name.capitalize()} {_label(parent, prow)} tertulis {rupiah(stated)}, tetapi jumlah "
                f"{name} {len(kids)} {_JENJANG[child]} di bawahnya {rupiah(total)} ({_selisih(stated, total)}). "
                f"Angka induk harus sama persis dengan jumlah rinciannya: periksa kembali DPA dan "
                f"perbaiki angka {_JENJANG[parent]} atau {_JENJANG[child]} yang salah ketik."
            )
            out.append(
                problem(
                    Level.GALAT,
                    "anggaran.rollup",
                    message,
                    row_location(prow, col),
                    found=rupiah(stated),
                    expected=f"{rupiah(total)} (jumlah {_JENJANG[child]})",
                )
            )
    return out


def check_anggaran_rollup(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Sub kegiatan -> kegiatan -> program -> ``anggaran`` totals add up to the Rupiah.

    ``pagu`` and ``realisasi`` are compared at every level that has children;
    ``pagu_murni`` only where the parent and all its children give it.  The sum of
    the programs is compared with ``anggaran.pagu_total`` / ``realisasi_total``.
    """
    out = _rollup(ds, "kegiatan", "sub_kegiatan", "kode_kegiatan")
    out += _rollup(ds, "program", "kegiatan", "kode_program")
    programs = list(rows(ds, "program"))
    if not programs:
        return out
    for field, col in (("pagu_total", "pagu"), ("realisasi_total", "realisasi")):
        stated = as_int(ds.get("anggaran", field))
        values = [as_int(p[col]) for p in programs]
        if stated is None or any(v is None for v in values):
            continue
        total = sum(v for v in values if v is not None)
        if stated == total:
            continue
        message = (
            f"Total {_KOLOM[col]} di ringkasan anggaran ({field}) tertulis {rupiah(stated)}, tetapi jumlah "
            f"{_KOLOM[col]} {len(programs)} program {rupiah(total)} ({_selisih(stated, total)}). "
            f"Total harus sama persis dengan jumlah program: perbaiki total atau angka program."
        )
        out.append(
            problem(
                Level.GALAT,
                "anggaran.rollup",
                message,
                field_location(ds, "anggaran", field),
                found=rupiah(stated),
                expected=f"{rupiah(total)} (jumlah program)",
            )
        )
    return out


def check_anggaran_komposisi(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Composition of spending agrees with the total.

    * ``belanja_operasi + belanja_modal = pagu_total`` when both parts are given;
    * ``belanja_pegawai + belanja_barang_jasa <= belanja_operasi`` (both are parts
      of belanja operasi; a missing part counts as 0).
    """
    out: list[Problem] = []
    total = as_int(ds.get("anggaran", "pagu_total"))
    operasi = as_int(ds.get("anggaran", "belanja_operasi"))
    modal = as_int(ds.get("anggaran", "belanja_modal"))
    pegawai = as_int(ds.get("anggaran", "belanja_pegawai"))
    barang = as_int(ds.get("anggaran", "belanja_barang_jasa"))
    if total is not None and operasi is not None and modal is not None and operasi + modal != total:
        message = (
            f"Belanja operasi {rupiah(operasi)} + belanja modal {rupiah(modal)} = {rupiah(operasi + modal)}, "
            f"tidak sama dengan total pagu {rupiah(total)} ({_selisih(operasi + modal, total)}). "
            f"Perbaiki komposisi belanja di ringkasan anggaran sesuai DPA."
        )
        out.append(
            problem(
                Level.GALAT,
                "anggaran.komposisi",
                message,
                field_location(ds, "anggaran", "belanja_operasi"),
                found=rupiah(operasi + modal),
                expected=rupiah(total),
            )
        )
    if operasi is not None and (pegawai is not None or barang is not None):
        parts = (pegawai or 0) + (barang or 0)
        if parts > operasi:
            message = (
                f"Belanja pegawai {rupiah(pegawai or 0)} + belanja barang dan jasa {rupiah(barang or 0)} = "
                f"{rupiah(parts)}, melebihi belanja operasi {rupiah(operasi)} yang seharusnya memuat keduanya "
                f"(kelebihan {rupiah(parts - operasi)}). Periksa apakah angka tertukar atau salah ketik."
            )
            key = "belanja_pegawai" if pegawai is not None else "belanja_barang_jasa"
            out.append(
                problem(
                    Level.GALAT,
                    "anggaran.komposisi",
                    message,
                    field_location(ds, "anggaran", key),
                    found=rupiah(parts),
                    expected=f"paling banyak {rupiah(operasi)}",
                )
            )
    return out


def check_realisasi_melebihi_pagu(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Realisasi is never above pagu: sub kegiatan, kegiatan, program and the total."""
    out: list[Problem] = []
    for table in ("sub_kegiatan", "kegiatan", "program"):
        for row in rows(ds, table):
            pagu, real = as_int(row["pagu"]), as_int(row["realisasi"])
            if pagu is None or real is None or real <= pagu:
                continue
            message = (
                f"Realisasi {_label(table, row)} {rupiah(real)} melebihi pagunya {rupiah(pagu)} "
                f"(kelebihan {rupiah(real - pagu)}). Belanja tidak boleh melampaui pagu: periksa "
                f"apakah pagu yang diisi masih pagu murni atau angka realisasi salah ketik."
            )
            out.append(
                problem(
                    Level.GALAT,
                    "anggaran.melebihi_pagu",
                    message,
                    row_location(row, "realisasi"),
                    found=rupiah(real),
                    expected=f"paling banyak {rupiah(pagu)}",
                )
            )
    pagu, real = as_int(ds.get("anggaran", "pagu_total")), as_int(ds.get("anggaran", "realisasi_total"))
    if pagu is not None and real is not None and real > pagu:
        message = (
            f"Total realisasi {rupiah(real)} melebihi total pagu {rupiah(pagu)} "
            f"(kelebihan {rupiah(real - pagu)}). Periksa ringkasan anggaran."
        )
        out.append(
            problem(
                Level.GALAT,
                "anggaran.melebihi_pagu",
                message,
                field_location(ds, "anggaran", "realisasi_total"),
                found=rupiah(real),
                expected=f"paling banyak {rupiah(pagu)}",
            )
        )
    return out
