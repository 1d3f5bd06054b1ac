"""Reference lists of administrative areas (domain.md section 3)."""

from __future__ import annotations

__all__ = ["KECAMATAN_JEMBER"]

#: The 31 kecamatan of Kabupaten Jember, alphabetical.
KECAMATAN_JEMBER: tuple[str, ...] = (
    "Ajung", "Ambulu", "Arjasa", "Balung", "Bangsalsari", "Gumukmas", "Jelbuk",
    "Jenggawah", "Jombang", "Kalisat", "Kaliwates", "Kencong", "Ledokombo", "Mayang",
    "Mumbulsari", "Pakusari", "Panti", "Patrang", "Puger", "Rambipuji", "Semboro",
    "Silo", "Sukorambi", "Sukowono", "Sumberbaru", "Sumberjambe", "Sumbersari",
    "Tanggul", "Tempurejo", "Umbulsari", "Wuluhan",
)
