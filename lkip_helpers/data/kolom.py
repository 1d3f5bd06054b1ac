"""The vocabulary of the schema: column types, the fixed choice lists, and what a column and a table are.

:mod:`lkip_helpers.data.schema` uses these to describe every table of a data set.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "ARAH",
    "DATA_STATUS",
    "DESA_STATUS",
    "GRADES",
    "JENIS_INDIKATOR",
    "NARASI_BAGIAN",
    "NARASI_SASARAN_JENIS",
    "STATUS_PEGAWAI",
    "TARGET_VERSI",
    "TINGKAT_PEMBANDING",
    "ColType",
    "Column",
    "Table",
    "nama_ikm",
]


#: An indicator whose name says its value is an IKM (PermenPAN-RB 14/2017, on 25..100).
_NAMA_IKM = re.compile(r"\bIKM\b|indeks\s+kepuasan\s+masyarakat", re.IGNORECASE)


def nama_ikm(nama: object) -> bool:
    """True when an indicator's name says its value is an IKM ("IKM", "Indeks Kepuasan Masyarakat").

    One rule for the checks (``ikm.realisasi``), the report's sentences and the demo data.
    """
    return isinstance(nama, str) and bool(_NAMA_IKM.search(nama))


class ColType(StrEnum):
    """What a column holds."""

    TEKS = "teks"  # free text
    KODE = "kode"  # identifier: letters, digits, '.', '-', '_' ; no spaces
    BULAT = "bulat"  # whole number (counts of people, desa, ...)
    RUPIAH = "rupiah"  # whole Rupiah amount; '1.5' is refused as ambiguous
    DESIMAL = "desimal"  # decimal number (km2, scores); Indonesian ',' decimals
    PERSEN = "persen"  # percentage as number 0..100+ ; '97%' and '82,24 %' accepted
    NILAI = "nilai"  # an indicator value: number/percentage, or a letter grade
    TANGGAL = "tanggal"  # date; '23 Februari 2024', '2024-02-23', '23/02/2024', Excel date
    PILIHAN = "pilihan"  # one of ``Column.choices``
    YA_TIDAK = "ya_tidak"  # boolean: ya/tidak


#: Letter grades of the SAKIP scale, lowest first (ordinal order, domain.md 2).
GRADES: tuple[str, ...] = ("D", "C", "CC", "B", "BB", "A", "AA")
ARAH: tuple[str, ...] = ("positif", "negatif")
JENIS_INDIKATOR: tuple[str, ...] = ("angka", "huruf")
TARGET_VERSI: tuple[str, ...] = (
    "renstra_awal",
    "renstra_perubahan",
    "rkt",
    "pk_awal",
    "pk_perubahan",
)
DESA_STATUS: tuple[str, ...] = (
    "Mandiri",
    "Maju",
    "Berkembang",
    "Tertinggal",
    "Sangat Tertinggal",
)
STATUS_PEGAWAI: tuple[str, ...] = ("ASN", "Non ASN")
TINGKAT_PEMBANDING: tuple[str, ...] = ("kabupaten", "provinsi", "nasional")
DATA_STATUS: tuple[str, ...] = ("resmi", "contoh")
NARASI_SASARAN_JENIS: tuple[str, ...] = (
    "uraian",  # what was done / context (free text after the numbers)
    "faktor_pendukung",
    "permasalahan",
    "solusi",
)
NARASI_BAGIAN: tuple[str, ...] = (
    "kata_pengantar",
    "latar_belakang",
    "maksud_tujuan",
    "kedudukan_tugas_fungsi",
    "kendala",
    "rekomendasi",
    "kesimpulan",
    "penutup",
    "penjelasan_anggaran",
    # the body of the SK IKU (Lampiran 4), one item per point, as the decree prints it
    "sk_iku_menimbang",
    "sk_iku_mengingat",
    "sk_iku_diktum",  # KESATU, KEDUA, ... in order; sub-points after a blank line
)


#: The unit or format shown after a column title, by type.
_SATUAN: dict[ColType, str] = {
    ColType.RUPIAH: "Rp",
    ColType.PERSEN: "%",
    ColType.TANGGAL: "tgl/bln/thn",
    ColType.YA_TIDAK: "ya/tidak",
}


@dataclass(frozen=True)
class Column:
    """One column of a table."""

    name: str
    type: ColType
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    unique: bool = False  # value must be unique within the table (a key)
    references: str | None = None  # "table.column" that this value must exist in
    rentang: tuple[float, float] | None = None  # allowed (lowest, highest); None: the type's default range
    judul: str = ""  # Indonesian title shown on the Excel header (without the unit); "" derives one

    @property
    def judul_kolom(self) -> str:
        """The title a planner reads: the Indonesian words with the unit or format, e.g. 'Pagu murni (Rp)'."""
        words = self.judul or self.name.replace("_", " ").capitalize()
        unit = _SATUAN.get(self.type)
        return f"{words} ({unit})" if unit and not words.endswith(")") else words

    @property
    def batas(self) -> tuple[float, float] | None:
        """The range a number in this column must lie in (inclusive), None for non-numbers.

        Years lie in 2000-2100; Rupiah in 0 to 10^15 (a thousand trillion); shares of a
        whole (``persen`` columns named so) in 0-100; every other number within +-10^12,
        so that no value overflows a typed column or a date.
        """
        if self.rentang is not None:
            return self.rentang
        if self.type is ColType.BULAT and (self.name == "tahun" or self.name.startswith(("tahun_", "renstra_"))):
            return (2000.0, 2100.0)
        if self.type is ColType.RUPIAH:
            return (0.0, 1e15)
        if self.type in (ColType.BULAT, ColType.DESIMAL, ColType.PERSEN, ColType.NILAI):
            return (-1e12, 1e12)
        return None


@dataclass(frozen=True)
class Table:
    """One table of the data set."""

    name: str
    kind: str  # "records" or "fields"
    title: str  # Indonesian title shown on the sheet
    description: str
    columns: tuple[Column, ...]
    required: bool = True  # must the table exist (possibly empty)?
    text_format: str = "csv"  # "csv" or "yaml" (records); fields tables are always yaml
    #: One realistic example (column -> value): the grey example row of the Excel template.
    contoh: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)

    def column(self, name: str) -> Column:
        """Return the column called ``name``."""
        for col in self.columns:
            if col.name == name:
                return col
        msg = f"table '{self.name}' has no column '{name}'"
        raise KeyError(msg)

    @property
    def column_names(self) -> tuple[str, ...]:
        """Names of all columns, in order."""
        return tuple(c.name for c in self.columns)

    @property
    def filename(self) -> str:
        """File name of this table in the text form."""
        ext = "yaml" if self.kind == "fields" or self.text_format == "yaml" else "csv"
        return f"{self.name}.{ext}"
