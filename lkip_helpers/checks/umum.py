"""General checks: demo-data flag and dates (signature, documents, awards, budget position).

Date rule, with T the report year:

* ``instansi.tanggal_ttd`` (the report's date) lies in T+1: the report is about a
  finished fiscal year (after 31 December T) and is due two months later
  (Perpres 29/2014); later than T+1 is almost surely a typo (PERINGATAN), later
  than the end of February T+1 is late (INFO).
* dokumen: ``pk_awal`` is signed in T-1 (December) or T, ``pk_perubahan`` in T,
  ``rkt`` in T-1 or T, ``sk_iku`` from the year before the Renstra starts up to T;
  no document is dated after the report, and the PK perubahan not before the PK awal.
* penghargaan: awards listed are those of the report year (Lampiran 5).
* ``anggaran.tanggal_realisasi`` (the position of the figures) lies in T, normally
  31 December.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .. import fmt
from ..errors import Level, Problem
from ._util import as_int, field_location, problem, row_location, rows, text

if TYPE_CHECKING:
    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = ["check_data_contoh", "check_identitas", "check_tanggal_dokumen", "check_tanggal_ttd", "tanggal_teks"]

_DOKUMEN = {"pk_awal": "PK awal", "pk_perubahan": "PK perubahan", "rkt": "RKT", "sk_iku": "SK IKU"}


def tanggal_teks(value: dt.date) -> str:
    """Format a date the Indonesian way: '23 Februari 2024'."""
    return fmt.tanggal(value)


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def check_data_contoh(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Synthetic demo data (``instansi.data_status = contoh``) is announced (INFO)."""
    if not ds.is_contoh:
        return []
    message = (
        "Data set ini bertanda data contoh (data_status: contoh), bukan data resmi; laporan yang disusun "
        "darinya diberi tanda DATA CONTOH. Ubah data_status menjadi 'resmi' hanya untuk data sebenarnya."
    )
    return [
        problem(
            Level.INFO,
            "instansi.data_contoh",
            message,
            field_location(ds, "instansi", "data_status"),
            found="contoh",
            expected=None,
        )
    ]


def check_tanggal_ttd(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """The report is signed in the year after the report year (see the module docstring)."""
    ttd = _date(ds.get("instansi", "tanggal_ttd"))
    if ttd is None:
        return []
    tahun = ds.tahun
    loc = field_location(ds, "instansi", "tanggal_ttd")
    akhir = dt.date(tahun, 12, 31)
    if ttd <= akhir:
        message = (
            f"Tanggal laporan {tanggal_teks(ttd)} jatuh sebelum tahun anggaran {tahun} berakhir; laporan "
            f"kinerja disusun setelah 31 Desember {tahun}. Periksa tahun pada tanggal_ttd."
        )
        return [
            problem(
                Level.PERINGATAN,
                "tanggal.ttd",
                message,
                loc,
                found=tanggal_teks(ttd),
                expected=f"tanggal pada tahun {tahun + 1}",
            )
        ]
    if ttd.year > tahun + 1:
        message = (
            f"Tanggal laporan {tanggal_teks(ttd)} lebih dari setahun setelah tahun anggaran {tahun}. "
            f"Periksa tahun pada tanggal_ttd (mungkin tersalin dari laporan lain)."
        )
        return [
            problem(
                Level.PERINGATAN,
                "tanggal.ttd",
                message,
                loc,
                found=tanggal_teks(ttd),
                expected=f"tanggal pada tahun {tahun + 1}",
            )
        ]
    batas = dt.date(tahun + 1, 3, 1) - dt.timedelta(days=1)
    if ttd > batas:
        message = (
            f"Tanggal laporan {tanggal_teks(ttd)} melewati batas penyampaian LKIP, dua bulan setelah tahun "
            f"anggaran berakhir ({tanggal_teks(batas)}, Perpres 29/2014). Pastikan tanggalnya benar."
        )
        return [
            problem(
                Level.INFO,
                "tanggal.ttd",
                message,
                loc,
                found=tanggal_teks(ttd),
                expected=f"paling lambat {tanggal_teks(batas)}",
            )
        ]
    return []


def _range_problem(
    label: str, tanggal: dt.date, lo: dt.date, hi: dt.date, loc: Any, why: str
) -> Problem | None:
    if lo <= tanggal <= hi:
        return None
    message = (
        f"Tanggal {label} {tanggal_teks(tanggal)} di luar rentang yang wajar ({tanggal_teks(lo)} s.d. "
        f"{tanggal_teks(hi)}): {why} Periksa tahunnya (mungkin tersalin dari dokumen tahun lain)."
    )
    return problem(
        Level.PERINGATAN,
        "tanggal.dokumen",
        message,
        loc,
        found=tanggal_teks(tanggal),
        expected=f"{tanggal_teks(lo)} s.d. {tanggal_teks(hi)}",
    )


def check_tanggal_dokumen(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Dates of documents, awards and the budget position lie where they belong (see module docstring)."""
    tahun = ds.tahun
    ttd = _date(ds.get("instansi", "tanggal_ttd"))
    hi = ttd or dt.date(tahun + 1, 12, 31)
    awal = as_int(ds.get("instansi", "renstra_awal")) or tahun
    ranges = {
        "pk_awal": (
            dt.date(tahun - 1, 12, 1),
            dt.date(tahun, 12, 31),
            f"PK awal {tahun} ditandatangani awal tahun.",
        ),
        "pk_perubahan": (
            dt.date(tahun, 1, 1),
            dt.date(tahun, 12, 31),
            f"PK perubahan ditandatangani dalam tahun {tahun}.",
        ),
        "rkt": (
            dt.date(tahun - 1, 1, 1),
            dt.date(tahun, 12, 31),
            f"RKT {tahun} disusun pada tahun {tahun - 1} atau {tahun}.",
        ),
        "sk_iku": (
            dt.date(awal - 1, 1, 1),
            dt.date(tahun, 12, 31),
            "SK IKU ditetapkan dalam periode Renstra.",
        ),
    }
    out: list[Problem] = []
    dates: dict[str, dt.date] = {}
    pk_perubahan_row = None
    for row in rows(ds, "dokumen"):
        jenis, tanggal = text(row["jenis"]), _date(row["tanggal"])
        if tanggal is None or jenis not in ranges:
            continue
        dates[jenis] = tanggal
        lo, up, why = ranges[jenis]
        found = _range_problem(_DOKUMEN[jenis], tanggal, lo, min(up, hi), row_location(row, "tanggal"), why)
        if found:
            out.append(found)
        if jenis == "pk_perubahan":
            pk_perubahan_row = row
    if "pk_awal" in dates and "pk_perubahan" in dates and dates["pk_perubahan"] < dates["pk_awal"]:
        out.append(_pk_order(dates["pk_awal"], dates["pk_perubahan"], pk_perubahan_row))
    for row in rows(ds, "penghargaan"):
        tanggal = _date(row["tanggal"])
        if tanggal is None or tanggal.year == tahun:
            continue
        message = (
            f"Penghargaan '{text(row['nama'])}' bertanggal {tanggal_teks(tanggal)}, bukan tahun {tahun}; "
            f"Lampiran 5 memuat penghargaan yang diraih selama tahun laporan. Perbaiki tanggal atau hapus baris."
        )
        out.append(
            problem(
                Level.PERINGATAN,
                "tanggal.dokumen",
                message,
                row_location(row, "tanggal"),
                found=tanggal_teks(tanggal),
                expected=f"tanggal pada tahun {tahun}",
            )
        )
    posisi = _date(ds.get("anggaran", "tanggal_realisasi"))
    if posisi is not None and posisi.year != tahun:
        message = (
            f"Posisi realisasi anggaran bertanggal {tanggal_teks(posisi)}, bukan dalam tahun anggaran {tahun} "
            f"(biasanya 31 Desember {tahun}). Perbaiki tanggal_realisasi."
        )
        out.append(
            problem(
                Level.PERINGATAN,
                "tanggal.dokumen",
                message,
                field_location(ds, "anggaran", "tanggal_realisasi"),
                found=tanggal_teks(posisi),
                expected=f"31 Desember {tahun}",
            )
        )
    return out


def _pk_order(pk_awal: dt.date, pk_perubahan: dt.date, row: Any) -> Problem:
    message = (
        f"PK perubahan bertanggal {tanggal_teks(pk_perubahan)}, sebelum PK awal ({tanggal_teks(pk_awal)}). "
        f"Perubahan selalu ditandatangani sesudah PK awal: periksa kedua tanggal."
    )
    return problem(
        Level.PERINGATAN,
        "tanggal.dokumen",
        message,
        row_location(row, "tanggal"),
        found=tanggal_teks(pk_perubahan),
        expected=f"sesudah {tanggal_teks(pk_awal)}",
    )


def check_identitas(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """The data set's place names it: folder ``data/<tahun>/<kecamatan>/`` matches ``instansi`` (GALAT).

    A folder named for one kecamatan that holds another's ``instansi`` (a copy left
    unchanged), or a year folder that is not the ``tahun`` of the data, would file a
    report under the wrong name.  A workbook is checked for its year folder only (its
    file name is the planner's choice).
    """
    from ..paths import dataset_identity_problems

    origin = ds.origin
    if origin is None:
        return []
    found = []
    for what, in_path, in_data in dataset_identity_problems(origin, ds.kecamatan, ds.tahun):
        place = "folder data set" if what == "kecamatan" else "folder tahun"
        message = (
            f"Nama {place} ({in_path}) tidak sesuai dengan {what} di instansi ({in_data}). Laporan akan "
            f"tersimpan atas nama yang salah: ganti nama folder atau perbaiki '{what}' di instansi."
        )
        found.append(
            problem(
                Level.GALAT,
                "instansi.identitas",
                message,
                field_location(ds, "instansi", what),
                found=f"{place} {in_path}, instansi {in_data}",
                expected=f"{place} dan instansi sama",
            )
        )
    return found
