"""Structure checks: sasaran, indicators and programs that hang together; output indicators.

The *active* Renstra version ('awal' or 'perubahan', see
``_util.versi_renstra_aktif``) decides which sasaran and indicators the report
year works with: sasaran of a superseded Renstra are not expected to have
indicators or programs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Level, Problem
from ._util import angka, as_float, problem, row_location, rows, text, versi_renstra_aktif, versi_set

if TYPE_CHECKING:
    import pandas as pd

    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = [
    "check_indikator_induk",
    "check_output_selisih",
    "check_output_tanpa_realisasi",
    "check_program_tanpa_sasaran",
    "check_sasaran_tanpa_indikator",
    "check_sasaran_tanpa_program",
]


def _sasaran_aktif(ds: DataSet) -> list[pd.Series]:
    aktif = versi_renstra_aktif(ds)
    return [row for row in rows(ds, "sasaran") if aktif in versi_set(row["versi"])]


def _sasaran_label(row: pd.Series) -> str:
    return f"Sasaran {text(row['kode'])} '{text(row['uraian'])}'"


def check_sasaran_tanpa_indikator(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every sasaran of the active Renstra version has at least one indicator of that version."""
    aktif = versi_renstra_aktif(ds)
    with_indicator = {
        text(row["kode_sasaran"]) for row in rows(ds, "indikator") if aktif in versi_set(row["versi"])
    }
    out: list[Problem] = []
    for row in _sasaran_aktif(ds):
        if text(row["kode"]) in with_indicator:
            continue
        message = (
            f"{_sasaran_label(row)} (Renstra {aktif}) tidak punya indikator Renstra {aktif}, sehingga "
            f"capaiannya tidak dapat diukur. Tambahkan indikatornya di tabel indikator (kode_sasaran "
            f"{text(row['kode'])}), atau perbaiki kolom versi sasaran."
        )
        out.append(
            problem(
                Level.PERINGATAN,
                "struktur.sasaran_tanpa_indikator",
                message,
                row_location(row, "kode"),
                found="0 indikator",
                expected="paling sedikit 1 indikator",
            )
        )
    return out


def check_indikator_induk(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every indicator belongs to exactly one sasaran or one tujuan (GALAT otherwise)."""
    out: list[Problem] = []
    for row in rows(ds, "indikator"):
        sasaran, tujuan = text(row.get("kode_sasaran")), text(row.get("kode_tujuan"))
        if bool(sasaran) != bool(tujuan):
            continue
        what = "sasaran dan tujuan sekaligus" if sasaran else "sasaran maupun tujuan"
        message = (
            f"Indikator {text(row['kode'])} '{text(row['nama'])}' tidak jelas induknya: diisi {what}. Isi "
            f"kode_sasaran untuk indikator sasaran, atau kode_tujuan untuk indikator tujuan, salah satu saja."
            if sasaran else
            f"Indikator {text(row['kode'])} '{text(row['nama'])}' tidak punya induk: kode_sasaran dan "
            f"kode_tujuan kosong. Isi salah satunya."
        )
        out.append(problem(Level.GALAT, "struktur.indikator_induk", message, row_location(row, "kode_sasaran"),
                           found=f"sasaran {sasaran or '-'}, tujuan {tujuan or '-'}",
                           expected="tepat satu: sasaran atau tujuan"))
    return out


def check_program_tanpa_sasaran(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every program supports at least one sasaran (``program_sasaran``)."""
    linked = {text(row["kode_program"]) for row in rows(ds, "program_sasaran")}
    out: list[Problem] = []
    for row in rows(ds, "program"):
        kode = text(row["kode"])
        if kode in linked:
            continue
        message = (
            f"Program {kode} '{text(row['nama'])}' tidak dikaitkan dengan sasaran mana pun, sehingga "
            f"anggarannya tidak masuk ke efisiensi per sasaran (Tabel 3.7) dan Tabel 3.6. Tambahkan baris "
            f"di tabel program_sasaran."
        )
        out.append(
            problem(
                Level.PERINGATAN,
                "struktur.program_tanpa_sasaran",
                message,
                row_location(row, "kode"),
                found="tidak ada di program_sasaran",
                expected="paling sedikit 1 sasaran",
            )
        )
    return out


def check_sasaran_tanpa_program(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every sasaran of the active Renstra version is supported by at least one program."""
    linked = {text(row["kode_sasaran"]) for row in rows(ds, "program_sasaran")}
    out: list[Problem] = []
    for row in _sasaran_aktif(ds):
        if text(row["kode"]) in linked:
            continue
        message = (
            f"{_sasaran_label(row)} tidak didukung program mana pun, sehingga serapan anggaran dan "
            f"efisiensinya tidak dapat dihitung. Tambahkan baris di tabel program_sasaran."
        )
        out.append(
            problem(
                Level.PERINGATAN,
                "struktur.sasaran_tanpa_program",
                message,
                row_location(row, "kode"),
                found="tidak ada di program_sasaran",
                expected="paling sedikit 1 program",
            )
        )
    return out


def _jumlah(value: float | None, satuan: str) -> str:
    """'22 orang', '100%' (no space before a percent sign)."""
    if satuan == "%":
        return f"{angka(value)}%"
    return f"{angka(value)} {satuan}".strip()


def _output_label(row: pd.Series) -> str:
    return f"Output '{text(row['indikator'])}' sub kegiatan {text(row['kode_sub_kegiatan'])}"


def check_output_tanpa_realisasi(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every output indicator of a sub kegiatan has a realisasi."""
    out: list[Problem] = []
    for row in rows(ds, "output_sub_kegiatan"):
        if as_float(row["realisasi"]) is not None:
            continue
        message = (
            f"{_output_label(row)} (target {_jumlah(as_float(row['target']), text(row['satuan']))}) belum "
            f"punya realisasi. Isi realisasinya (0 bila memang tidak terlaksana)."
        )
        out.append(
            problem(
                Level.PERINGATAN,
                "output.tanpa_realisasi",
                message,
                row_location(row, "realisasi"),
                found="(kosong)",
                expected="angka realisasi",
            )
        )
    return out


def check_output_selisih(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Output realisasi above or below its target (INFO: worth a sentence in Bab III)."""
    out: list[Problem] = []
    for row in rows(ds, "output_sub_kegiatan"):
        target, real = as_float(row["target"]), as_float(row["realisasi"])
        if target is None or real is None or real == target:
            continue
        arah = "melampaui" if real > target else "di bawah"
        satuan = text(row["satuan"])
        message = (
            f"{_output_label(row)}: realisasi {_jumlah(real, satuan)} {arah} target {_jumlah(target, satuan)}. "
            f"Pastikan angkanya benar dan jelaskan penyebabnya di narasi."
        )
        out.append(
            problem(
                Level.INFO,
                "output.selisih",
                message,
                row_location(row, "realisasi"),
                found=_jumlah(real, satuan),
                expected=_jumlah(target, satuan),
            )
        )
    return out
