"""Is the report year complete?  What a signed document needs, and the report year's own figures.

A draft may be rendered without these (it shows a visible placeholder where a value is
missing); the final edition needs every one of them (:mod:`lkip_helpers.checks.final`),
and a planner cannot accept them away: they must be filled in.

* ``kelengkapan.ttd_laporan`` - the Camat's name, pangkat, NIP, place and date of the
  report's signature (Kata Pengantar, Penutup);
* ``kelengkapan.dokumen`` - the PK of the report's target version (both parties, place,
  date) and the SK IKU (number, date, signatory): printed as signed documents;
* ``kelengkapan.target_pk`` - an IKU indicator of the active Renstra with no target of
  the report's version for the report year;
* ``kelengkapan.tanpa_indikator`` - no indicator at all has a target of the report's
  version for the report year (a data set copied from another year: Tabel 3.1 empty);
* ``kelengkapan.realisasi_tahun`` - the report year has no realisasi at all, or realisasi
  of a year after the report year;
* ``kelengkapan.pohon_anggaran`` - budget totals without the program tree they sum up
  (the Ikhtisar would read "Rp 0"), or an empty pagu or realisasi in the tree or the
  totals (the year's amounts not yet typed, e.g. after ``lkip tahun-baru``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import Level, Location, Problem
from ._util import (
    as_float,
    as_int,
    field_location,
    problem,
    row_location,
    rows,
    text,
    versi_renstra_aktif,
    versi_set,
)

if TYPE_CHECKING:
    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = [
    "DOKUMEN_WAJIB",
    "TTD_WAJIB",
    "check_dokumen_lengkap",
    "check_pohon_anggaran",
    "check_realisasi_tahun",
    "check_target_pk",
    "check_ttd_laporan",
]

#: Fields of ``instansi`` the report's signature block needs, with what they are.
TTD_WAJIB: dict[str, str] = {
    "camat_nama": "nama Camat",
    "camat_pangkat": "pangkat/golongan Camat",
    "camat_nip": "NIP Camat",
    "tempat_ttd": "tempat penandatanganan laporan",
    "tanggal_ttd": "tanggal penandatanganan laporan",
}

#: Columns of ``dokumen`` each signed document needs, with what they are.
DOKUMEN_WAJIB: dict[str, dict[str, str]] = {
    "pk": {
        "tempat": "tempat penandatanganan PK",
        "tanggal": "tanggal penandatanganan PK",
        "pihak1_nama": "nama pihak pertama PK",
        "pihak1_jabatan": "jabatan pihak pertama PK",
        "pihak2_nama": "nama pihak kedua PK",
        "pihak2_jabatan": "jabatan pihak kedua PK",
    },
    "sk_iku": {
        "nomor": "nomor SK IKU",
        "tanggal": "tanggal SK IKU",
        "pihak1_nama": "nama penandatangan SK IKU",
        "pihak1_jabatan": "jabatan penandatangan SK IKU",
    },
}
_NAMA_DOKUMEN = {"pk_awal": "Perjanjian Kinerja", "pk_perubahan": "Perjanjian Kinerja Perubahan", "sk_iku": "SK IKU"}


def _versi(ds: DataSet) -> str:
    return text(ds.instansi.get("versi_target")) or "pk_perubahan"


def versi_pk(ds: DataSet) -> str:
    """The PK document of the report: the report's target version when it is a PK, else the revised PK."""
    versi = _versi(ds)
    return versi if versi in ("pk_awal", "pk_perubahan") else "pk_perubahan"


def check_ttd_laporan(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every field of the report's signature block is filled (PERINGATAN; required for final)."""
    out = []
    for key, what in TTD_WAJIB.items():
        if text(ds.instansi.get(key)):
            continue
        message = (
            f"Belum diisi: {what}. Tanda tangan laporan (Kata Pengantar dan Penutup) memerlukannya; "
            f"isi '{key}' di instansi. Draf menampilkan tanda [belum diisi]."
        )
        out.append(problem(Level.PERINGATAN, "kelengkapan.ttd_laporan", message,
                           field_location(ds, "instansi", key), found="kosong", expected=what))
    return out


def check_dokumen_lengkap(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """The report year's PK and the SK IKU are complete enough to be printed as signed documents."""
    out = []
    docs = {text(r["jenis"]): r for r in rows(ds, "dokumen")}
    for jenis, fields in (("pk", DOKUMEN_WAJIB["pk"]), ("sk_iku", DOKUMEN_WAJIB["sk_iku"])):
        name = versi_pk(ds) if jenis == "pk" else jenis
        row = docs.get(name)
        if row is None:
            message = (
                f"Data {_NAMA_DOKUMEN[name]} tahun {ds.tahun} belum ada di tabel dokumen; tambahkan baris "
                f"jenis '{name}' dengan nomor, tempat, tanggal dan para pihak."
            )
            out.append(problem(Level.PERINGATAN, "kelengkapan.dokumen", message, Location("dokumen.csv"),
                               found="tidak ada", expected=f"baris dokumen '{name}'"))
            continue
        for column, what in fields.items():
            if text(row.get(column)):
                continue
            message = (
                f"Belum diisi: {what} ({_NAMA_DOKUMEN[name]} tahun {ds.tahun}). Dokumen yang ditandatangani "
                f"dicetak di lampiran; isi kolom '{column}' di tabel dokumen."
            )
            out.append(problem(Level.PERINGATAN, "kelengkapan.dokumen", message, row_location(row, column),
                               found="kosong", expected=what))
    return out


def check_target_pk(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every IKU indicator of the active Renstra has a target of the report's version for the report year.

    When no indicator has one, the data set is most likely a copy of another year's
    (``kelengkapan.tanpa_indikator``): Tabel 3.1 would be empty.
    """
    versi = _versi(ds)
    with_target = {
        text(r["kode_indikator"]) for r in rows(ds, "target")
        if text(r["versi"]) == versi and as_int(r["tahun"]) == ds.tahun
    }
    if not with_target:
        message = (
            f"Tidak ada satu pun indikator dengan target {versi} tahun {ds.tahun}: Tabel 3.1 akan kosong. Bila "
            f"data set ini disalin dari tahun lain, isi target dan realisasi tahun {ds.tahun}."
        )
        return [problem(Level.PERINGATAN, "kelengkapan.tanpa_indikator", message, Location("target.csv"),
                        found="tidak ada target", expected=f"target {versi} tahun {ds.tahun}")]
    active = versi_renstra_aktif(ds)
    sasaran_aktif = {text(r["kode"]) for r in rows(ds, "sasaran") if active in versi_set(r["versi"])}
    out = []
    for row in rows(ds, "indikator"):
        kode = text(row["kode"])
        if row.get("iku") is not True or kode in with_target:
            continue
        if sasaran_aktif and text(row.get("kode_sasaran")) not in sasaran_aktif:
            continue
        message = (
            f"Indikator Kinerja Utama {kode} ({text(row['nama'])}) tidak punya target {versi} tahun "
            f"{ds.tahun}; indikator ini tidak akan diukur di Tabel 3.1. Isi target di tabel target."
        )
        out.append(problem(Level.PERINGATAN, "kelengkapan.target_pk", message, row_location(row, "kode"),
                           found="tanpa target", expected=f"target {versi} tahun {ds.tahun}"))
    return out


def check_realisasi_tahun(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """The report year has realisasi, and no realisasi is of a year after the report year."""
    out = []
    years = [(as_int(r["tahun"]), r) for r in rows(ds, "realisasi")]
    if not any(y == ds.tahun for y, _ in years):
        message = (
            f"Belum ada satu pun realisasi tahun {ds.tahun}: capaian kinerja tidak dapat dihitung. Isi "
            f"realisasi tahun {ds.tahun} di tabel realisasi."
        )
        out.append(problem(Level.PERINGATAN, "kelengkapan.realisasi_tahun", message, Location("realisasi.csv"),
                           found="tidak ada", expected=f"realisasi tahun {ds.tahun}"))
    for year, row in years:
        if year is not None and year > ds.tahun:
            message = (
                f"Realisasi tahun {year} untuk {text(row['kode_indikator'])} melewati tahun laporan {ds.tahun}; "
                f"periksa kolom tahun (salah ketik, atau data set tahun lain)."
            )
            out.append(problem(Level.PERINGATAN, "kelengkapan.realisasi_tahun", message, row_location(row, "tahun"),
                               found=str(year), expected=f"paling lambat {ds.tahun}"))
    return out


#: Budget amounts of the report year that must be filled: (table, column, what).
JUMLAH_WAJIB: tuple[tuple[str, str, str], ...] = (
    ("sub_kegiatan", "pagu", "pagu"),
    ("sub_kegiatan", "realisasi", "realisasi"),
    ("output_sub_kegiatan", "target", "target"),
)


def _nama_baris(table: str, row: Any) -> str:
    if table == "output_sub_kegiatan":
        return f"output '{text(row.get('indikator'))}' sub kegiatan {text(row.get('kode_sub_kegiatan'))}"
    return f"{table.replace('_', ' ')} {text(row.get('kode'))} '{text(row.get('nama'))}'"
_TOTAL_WAJIB = {"pagu_total": "total pagu", "realisasi_total": "total realisasi"}


def _jumlah_kosong(ds: DataSet) -> list[Problem]:
    """One finding per empty amount of the budget tree (a sum over a missing amount is no total)."""
    out = []
    for table, column, what in JUMLAH_WAJIB:
        for row in rows(ds, table):
            if as_float(row.get(column)) is not None:
                continue
            rupiah = table != "output_sub_kegiatan"
            akibat = ("Jumlah anggaran, serapan dan Tabel 3.6-3.8 tidak dihitung selama ada yang kosong"
                      if rupiah else "Capaian output di Tabel 3.6 tidak dihitung")
            message = f"Belum diisi: {what} {_nama_baris(table, row)} tahun {ds.tahun}. {akibat}; draf menampilkan t.d."
            out.append(problem(Level.PERINGATAN, "kelengkapan.pohon_anggaran", message, row_location(row, column),
                               found="kosong", expected=f"{what} dalam Rupiah" if rupiah else f"{what} output"))
    if not ds.df("sub_kegiatan").empty:
        for key, what in _TOTAL_WAJIB.items():
            if ds.anggaran.get(key) is None:
                message = f"Belum diisi: {what} anggaran tahun {ds.tahun} seperti tertulis di DPA/laporan keuangan."
                out.append(problem(Level.PERINGATAN, "kelengkapan.pohon_anggaran", message,
                                   field_location(ds, "anggaran", key), found="kosong", expected=f"{what} dalam Rupiah"))
    return out


def check_pohon_anggaran(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Budget totals come with the program tree they add up from, and every amount of the tree is filled."""
    return _pohon(ds) + _jumlah_kosong(ds)


def _pohon(ds: DataSet) -> list[Problem]:
    has_totals = any(ds.anggaran.get(k) is not None for k in ("pagu_total", "realisasi_total"))
    has_tree = not ds.df("sub_kegiatan").empty
    if has_tree or not has_totals:
        if not has_tree and not has_totals:
            message = (
                "Data anggaran tahun laporan belum diisi (program, kegiatan, sub kegiatan dan jumlahnya); "
                "Realisasi Anggaran dan Tabel 3.6-3.8 akan kosong."
            )
            return [problem(Level.PERINGATAN, "kelengkapan.pohon_anggaran", message, Location("sub_kegiatan.csv"),
                            found="kosong", expected="pagu dan realisasi per sub kegiatan")]
        return []
    message = (
        "Jumlah anggaran diisi tetapi program, kegiatan dan sub kegiatannya tidak: laporan akan menyebut "
        "anggaran Rp 0. Isi tabel program, kegiatan dan sub_kegiatan (pagu dan realisasi)."
    )
    return [problem(Level.PERINGATAN, "kelengkapan.pohon_anggaran", message,
                    field_location(ds, "anggaran", "pagu_total"), found="tanpa rincian",
                    expected="pagu dan realisasi per sub kegiatan")]
