"""Profile checks (Bab I): staff totals, population, shares of livelihoods.

These tables are printed with totals computed from their rows, so a
disagreement does not make one printed figure wrong by itself; it makes two
parts of the report contradict each other.  The findings are PERINGATAN: the
report can be built, the planner should settle which number is right (the
data set keeps both sides so that the contradiction stays visible).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..errors import Level, Location, Problem
from ._util import angka, as_float, as_int, field_location, problem, ribuan, row_location, rows, text

if TYPE_CHECKING:
    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = ["check_mata_pencaharian", "check_penduduk", "check_sdm_jumlah"]

#: Tolerance for shares summing to 100 (percentage points).
TOLERANSI_PERSEN = 0.01

_SDM = {
    "sdm_jabatan": "Tabel 1.1 (menurut jabatan)",
    "sdm_golongan": "Tabel 1.2 (menurut pangkat/golongan)",
    "sdm_pendidikan": "Tabel 1.3 (menurut pendidikan, status ASN)",
}


def _table_location(ds: DataSet, table: str, column: str) -> Location | None:
    """Location of a whole column of a table (the file/sheet, no row)."""
    for row in rows(ds, table):
        loc = row_location(row, column)
        if loc is not None:
            return Location(loc.file, loc.sheet, None, column)
    return None


def _sdm_total(ds: DataSet, table: str) -> int | None:
    values = []
    for row in rows(ds, table):
        if table == "sdm_pendidikan" and text(row["status"]) != "ASN":
            continue
        values.append(as_int(row["jumlah"]) or 0)
    return sum(values) if values else None


def check_sdm_jumlah(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """The number of ASN is the same in Tabel 1.1, 1.2 and 1.3 (ASN rows only).

    Tables without rows are left out.  When two tables agree, the third is the
    one reported; when all differ, each is reported against Tabel 1.1.
    """
    totals = {t: n for t in _SDM if (n := _sdm_total(ds, t)) is not None}
    if len(set(totals.values())) <= 1:
        return []
    value, count = Counter(totals.values()).most_common(1)[0]
    reference = value if count >= 2 else totals.get("sdm_jabatan", value)
    ringkas = "; ".join(f"{_SDM[t]}: {ribuan(n)}" for t, n in totals.items())
    out = []
    for table, total in totals.items():
        if total == reference:
            continue
        message = (
            f"Jumlah ASN di {_SDM[table]} adalah {ribuan(total)}, tidak sama dengan tabel pegawai lain "
            f"({ringkas}). Ketiga tabel menghitung pegawai ASN yang sama: periksa baris yang terlewat "
            f"atau salah jumlah."
        )
        out.append(
            problem(
                Level.PERINGATAN,
                "sdm.jumlah",
                message,
                _table_location(ds, table, "jumlah"),
                found=ribuan(total),
                expected=ribuan(reference),
            )
        )
    return out


def check_penduduk(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """``penduduk_laki + penduduk_perempuan = penduduk_total`` when both parts are given."""
    total = as_int(ds.get("profil", "penduduk_total"))
    laki = as_int(ds.get("profil", "penduduk_laki"))
    perempuan = as_int(ds.get("profil", "penduduk_perempuan"))
    if total is None or laki is None or perempuan is None or laki + perempuan == total:
        return []
    jumlah = laki + perempuan
    message = (
        f"Jumlah penduduk tertulis {ribuan(total)}, tetapi laki-laki {ribuan(laki)} + perempuan "
        f"{ribuan(perempuan)} = {ribuan(jumlah)} (selisih {ribuan(abs(total - jumlah))}). "
        f"Cocokkan dengan sumber data penduduk dan perbaiki jumlah atau rinciannya."
    )
    return [
        problem(
            Level.PERINGATAN,
            "profil.penduduk",
            message,
            field_location(ds, "profil", "penduduk_total"),
            found=ribuan(total),
            expected=f"{ribuan(jumlah)} (laki-laki + perempuan)",
        )
    ]


def check_mata_pencaharian(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Shares of livelihoods (``mata_pencaharian.persen``) add up to 100 (+-0,01)."""
    values = [as_float(row["persen"]) for row in rows(ds, "mata_pencaharian")]
    numbers = [v for v in values if v is not None]
    if not numbers:
        return []
    total = sum(numbers)
    if abs(total - 100) <= TOLERANSI_PERSEN:
        return []
    rincian = " + ".join(
        f"{text(row['bidang'])} {angka(as_float(row['persen']))}%" for row in rows(ds, "mata_pencaharian")
    )
    saran = (
        "periksa angka yang salah ketik atau bidang yang terhitung dua kali."
        if total > 100
        else "perbaiki angkanya atau tambahkan bidang 'Lainnya' untuk sisanya."
    )
    message = (
        f"Persentase mata pencaharian berjumlah {angka(total)}%, bukan 100% ({rincian}). "
        f"Bagian penduduk menurut bidang harus berjumlah 100%: {saran}"
    )
    return [
        problem(
            Level.PERINGATAN,
            "profil.mata_pencaharian",
            message,
            _table_location(ds, "mata_pencaharian", "persen"),
            found=f"{angka(total)}%",
            expected="100%",
        )
    ]
