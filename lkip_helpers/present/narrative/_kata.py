"""Word-level helpers shared by every chapter's sentences (private).

Counts in words, lists joined with "dan", sentence case, indicator values with
their unit, differences in points, and the wording of document versions.  Nothing
here reads a figure: the helpers only turn values into Bahasa Indonesia text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ... import fmt
from ..._values import missing

if TYPE_CHECKING:
    import pandas as pd

    from ...data.model import DataSet

PERMENPAN_53 = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 "
    "tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan "
    "Kinerja Instansi Pemerintah"
)

_VERSI: dict[str, str] = {
    "pk_perubahan": "Perjanjian Kinerja (PK) Perubahan Tahun {tahun}",
    "pk_awal": "Perjanjian Kinerja (PK) Tahun {tahun}",
    "rkt": "Rencana Kinerja Tahunan (RKT) Tahun {tahun}",
    "renstra_perubahan": "Renstra Perubahan {awal}-{akhir}",
    "renstra_awal": "Renstra {awal}-{akhir}",
}
_TANPA_SATUAN = {"", "%", "indeks", "nilai", "skor", "poin"}


def _kec(ds: DataSet) -> str:
    return f"Kecamatan {ds.kecamatan}"


def _bilangan(n: int) -> str:
    """A count in words when it takes at most two words ("empat", "dua belas"), else digits."""
    words = fmt.terbilang(int(n)).lower()
    return words if len(words.split()) <= 2 else fmt.angka(n)


def _daftar(items: Sequence[str], kata: str = "dan") -> str:
    """``["a"]`` -> ``"a"``; ``["a", "b"]`` -> ``"a dan b"``; three or more: ``"a, b, dan c"``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {kata} {items[1]}"
    return f"{', '.join(items[:-1])}, {kata} {items[-1]}"


def _kalimat(text: str) -> str:
    """Capitalise the first letter and end with a full stop."""
    text = " ".join(str(text).split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ":")) else f"{text}."


def _klausa(text: Any) -> str:
    """Text from the data used inside a sentence: trimmed, no final full stop."""
    return " ".join(str(text).split()).rstrip(" .;")


def _alasan(text: Any) -> str:
    """A capaian/serapan reason as a clause: ``"target 0: capaian tidak dapat dihitung"`` -> ``"target 0"``."""
    s = _klausa(text or "data tidak lengkap")
    for tail in (": capaian tidak dapat dihitung", ": serapan tidak dapat dihitung",
                 ": efisiensi tidak dapat dinilai"):
        s = s.removesuffix(tail)
    return s


def _predikat(kode: Any, label: Any) -> str:
    return f"{kode} ({label})"


def _versi_label(ds: DataSet, versi: str | None, tahun: int | None = None) -> str:
    template = _VERSI.get(str(versi), str(versi))
    return template.format(
        tahun=tahun or ds.tahun,
        awal=ds.instansi.get("renstra_awal", ""),
        akhir=ds.instansi.get("renstra_akhir", ""),
    )


def _periode(ds: DataSet) -> str:
    awal, akhir = ds.instansi.get("renstra_awal"), ds.instansi.get("renstra_akhir")
    return f"{awal}-{akhir}" if awal and akhir else ""


def _satuan_teks(teks: str, satuan: Any) -> str:
    """An indicator value with its unit when the unit is a word ("22 orang"); ``"97%"`` stays."""
    unit = "" if missing(satuan) else str(satuan).strip()
    if unit.lower() in _TANPA_SATUAN or teks == fmt.KOSONG:
        return teks
    return f"{teks} {unit}"


def _sebesar(teks: str, r: dict[str, Any]) -> str:
    """``"sebesar 97%"`` for a number, ``"dengan nilai B (skor 85)"`` for a letter-grade indicator."""
    return f"dengan nilai {teks}" if r["jenis"] == "huruf" else f"sebesar {teks}"


#: Units that mean "per cent" as people type them; a difference of two such values is in
#: percentage points ("poin persen"), never in per cent.
_PERSEN = {"%", "persen", "prosen", "persentase"}


def _poin(selisih: float, satuan: Any) -> str:
    """A difference of two values: ``"27 poin persen"`` for % (also typed "Persen"), ``"1,24 poin"`` otherwise.

    Other units keep their name (``"3 orang"``).
    """
    unit = "" if missing(satuan) else str(satuan).strip()
    text = fmt.nilai(abs(selisih))
    if unit.lower() in _PERSEN:
        return f"{text} poin persen"
    if unit.lower() in _TANPA_SATUAN:
        return f"{text} poin"
    return f"{text} {unit}"


def _arah_teks(arah: str) -> str:
    return "makin tinggi makin baik" if arah == "positif" else "makin rendah makin baik"


def _rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a figure as plain dicts, every missing value (NaN, NA) as None."""
    return [{str(k): (None if _na(v) else v) for k, v in r.items()} for r in df.to_dict("records")]


def _na(v: Any) -> bool:
    return not isinstance(v, str) and missing(v)
