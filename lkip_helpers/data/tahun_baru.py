"""Next year's data set from last year's: what carries over, what the planner must fill.

Each February a kecamatan starts its LKIP from last year's data.  :func:`tahun_baru`
builds the new year's data set from a loaded one, and :func:`tulis_tahun_baru` writes
it in the same form (a folder or a workbook) without touching the source:

* carried: identity (with the new year), profile, organisation and staff, Renstra
  (tujuan, sasaran, indikator with IKU), every target, program-sasaran links, the
  budget tree's structure (codes, names, order), output indicators, the SK IKU, the logo;
* kept as history: every realisasi and pembanding (the year comparisons of BAB III),
  last year's budget totals as ``pagu_tahun_lalu`` / ``realisasi_tahun_lalu``;
* emptied, for the planner: the signing date, every pagu and realisasi of the budget
  tree and its totals, the output targets and realisasi, the PK and RKT rows, photos,
  awards, IKM answers and accepted findings;
* kept as a visible draft: the narrative, every row marked ``salinan_dari: <year>``
  so that ``lkip check`` asks for it to be revised (``narasi.salinan``) and the draft
  shows it marked.

Nothing is guessed: a value of the new year that the old data set cannot know is empty,
and ``lkip check`` on the result lists, in Bahasa Indonesia, what is to be filled.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from .model import DataSet
from .schema import LOGO, TABLES

__all__ = ["KOSONGKAN", "MAKS_LOMPAT", "cek_tahun", "tahun_baru", "tujuan_bawaan", "tulis_tahun_baru"]

#: Columns of records tables that belong to one year only: emptied in the new data set.
KOSONGKAN: dict[str, tuple[str, ...]] = {
    "program": ("pagu_murni", "pagu", "realisasi"),
    "kegiatan": ("pagu_murni", "pagu", "realisasi"),
    "sub_kegiatan": ("pagu_murni", "pagu", "realisasi"),
    "output_sub_kegiatan": ("target", "realisasi"),
}
#: Records tables of one year only: empty in the new data set.
_TABEL_KOSONG = ("foto", "penghargaan", "ikm_responden", "pemeriksaan")
#: Documents that stay valid over the Renstra period (the others are per year).
_DOKUMEN_TETAP = ("sk_iku",)
_NARASI = ("narasi", "narasi_sasaran")
_ANGGARAN_TETAP = ("sumber_dana",)
#: The furthest a data set is rolled forward in one step (years).
MAKS_LOMPAT = 10


def _instansi(ds: DataSet, tahun: int) -> dict[str, Any]:
    fields = dict(ds.instansi)
    fields.update(tahun=tahun, tanggal_ttd=None, catatan=None)
    return fields


def _anggaran(ds: DataSet) -> dict[str, Any]:
    old = ds.anggaran
    fields: dict[str, Any] = {key: old.get(key) for key in _ANGGARAN_TETAP}
    fields["pagu_tahun_lalu"] = old.get("pagu_total")
    fields["realisasi_tahun_lalu"] = old.get("realisasi_total")
    if old.get("pagu_total") is None:  # last year's serapan only when its amounts are unknown
        fields["serapan_tahun_lalu"] = old.get("serapan_tahun_lalu")
    return fields


def _records(ds: DataSet, name: str, tahun_lama: int) -> pd.DataFrame:
    frame = ds.df(name)
    if name in _TABEL_KOSONG:
        return frame.iloc[0:0]
    if name == "dokumen":
        return frame[frame["jenis"].isin(_DOKUMEN_TETAP)].reset_index(drop=True)
    for column in KOSONGKAN.get(name, ()):
        frame[column] = frame[column].iloc[0:0].reindex(frame.index)  # all missing, same dtype
    if name in _NARASI:
        old = frame["salinan_dari"]
        frame["salinan_dari"] = old.where(old.notna(), tahun_lama).astype("Int64")
    return frame


def cek_tahun(lama: int, baru: int) -> None:
    """Raise ValueError (an Indonesian message) unless ``baru`` follows ``lama`` by 1..MAKS_LOMPAT years."""
    if not lama < baru <= lama + MAKS_LOMPAT:
        msg = f"Tahun baru harus sesudah {lama} (mis. {lama + 1}), bukan {baru}."
        raise ValueError(msg)


def tahun_baru(ds: DataSet, tahun: int) -> DataSet:
    """The data set of ``tahun`` rolled forward from ``ds`` (see the module doc); ``ds`` is unchanged.

    Raises ValueError (an Indonesian message) when ``tahun`` is not after the data set's
    year or more than :data:`MAKS_LOMPAT` years after it.
    """
    cek_tahun(ds.tahun, tahun)
    records = {name: _records(ds, name, ds.tahun) for name, t in TABLES.items() if t.kind == "records"}
    fields = {name: dict(ds.fields.get(name, {})) for name, t in TABLES.items() if t.kind == "fields"}
    fields["instansi"] = _instansi(ds, tahun)
    fields["anggaran"] = _anggaran(ds)
    new = replace(ds, fields=fields, field_locations={}, sources=())
    return new.dengan(**records)


def tujuan_bawaan(sumber: Path, tahun_lama: int, tahun: int) -> Path:
    """Where the new data set goes when the planner names no place.

    ``data/2023/umbulsari`` -> ``data/2024/umbulsari``; ``isian-2023.xlsx`` ->
    ``isian-2024.xlsx``; otherwise ``<name>-2024`` beside the source.
    """
    if sumber.is_dir() or not sumber.suffix:
        if sumber.parent.name == str(tahun_lama):
            return sumber.parent.parent / str(tahun) / sumber.name
        return sumber.parent / f"{sumber.name}-{tahun}"
    stem = sumber.stem.replace(str(tahun_lama), str(tahun))
    if stem == sumber.stem:
        stem = f"{sumber.stem}-{tahun}"
    return sumber.with_name(stem + sumber.suffix)


def _catatan(ds: DataSet, tahun: int) -> str:
    return (
        f"# Data LKIP {ds.kecamatan} {tahun}\n\n"
        f"Dibuat dengan `lkip tahun-baru` dari data tahun {ds.tahun}. Yang dibawa: identitas, profil, "
        "organisasi dan pegawai, Renstra (tujuan, sasaran, indikator, IKU), semua target, susunan program/"
        "kegiatan/sub kegiatan, indikator output, SK IKU. Realisasi dan pembanding tahun-tahun sebelumnya "
        "tetap ada sebagai riwayat untuk perbandingan.\n\n"
        f"Yang harus diisi untuk {tahun}: tanggal tanda tangan laporan, realisasi indikator {tahun}, pagu dan "
        "realisasi setiap sub kegiatan beserta jumlahnya, target dan realisasi output, Perjanjian Kinerja "
        f"(dan RKT) {tahun}, foto, penghargaan, survei IKM. Narasi tahun lalu masih ada sebagai draf "
        "bertanda `salinan_dari`: perbarui setiap teks lalu kosongkan kolom itu. Periksa juga profil "
        "(penduduk, desa, pegawai) yang masih angka tahun lalu.\n\n"
        "`lkip check` pada folder ini menyebut semua yang masih kurang.\n"
    )


def tulis_tahun_baru(sumber_ds: DataSet, tahun: int, tujuan: Path, timpa: bool = False) -> Path:
    """Write the data set of ``tahun`` made from ``sumber_ds`` to ``tujuan`` (folder or ``.xlsx``).

    The source is never changed.  The result is built beside ``tujuan`` and moved into
    place only when whole; an existing ``tujuan`` is replaced only with ``timpa``.
    Raises FileExistsError or ValueError.
    """
    from .templat import write_workbook
    from .tulis import write_folder

    if tujuan.exists() and not timpa:
        msg = f"{tujuan} sudah ada"
        raise FileExistsError(msg)
    new = tahun_baru(sumber_ds, tahun)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{tujuan.name}.sedang-dibuat-", dir=tujuan.parent))
    try:
        if tujuan.suffix.lower() == ".xlsx":
            built = write_workbook(new, staging / tujuan.name)
        else:
            built = write_folder(new, staging / tujuan.name)
            (built / "CATATAN.md").write_text(_catatan(sumber_ds, tahun), encoding="utf-8")
            _copy_logo(sumber_ds.origin, built)
        if tujuan.exists():  # --timpa: the old one moves into the staging folder, removed below
            tujuan.replace(staging / ".lama")
        built.replace(tujuan)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return tujuan


def _copy_logo(origin: Path | None, folder: Path) -> None:
    """The Pemda logo carries over (a regular file inside the source folder only)."""
    if origin is None or not origin.is_dir():
        return
    for name in LOGO:
        source = origin / name
        if source.is_file() and not source.is_symlink():
            shutil.copyfile(source, folder / name)
