"""Performance-data checks: grades vs scores, target versions, missing pairs, target 0.

Terms: the *report version* is ``instansi.versi_target`` (the seed measures
against ``pk_perubahan``); the *report year* is ``instansi.tahun``.  Capaian in
Tabel 3.1 is realisasi of the report year against the report version's target
of that year, so that pair is what must exist and be usable.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from ..errors import Level, Problem
from ._util import (
    angka,
    as_float,
    is_grade,
    load_default_settings,
    missing,
    nilai_teks,
    problem,
    row_location,
    rows,
    same_value,
    text,
    versi_target,
)

if TYPE_CHECKING:
    import pandas as pd

    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = [
    "VERSI_LABEL",
    "check_huruf_skor",
    "check_realisasi_tanpa_target",
    "check_target_beda_versi",
    "check_target_nol",
    "check_target_tanpa_realisasi",
]

#: How each target version is named in messages.
VERSI_LABEL: dict[str, str] = {
    "renstra_awal": "Renstra awal",
    "renstra_perubahan": "Renstra perubahan",
    "rkt": "RKT",
    "pk_awal": "PK awal",
    "pk_perubahan": "PK perubahan",
}


def _versi(v: Any) -> str:
    return VERSI_LABEL.get(text(v), text(v) or "(tanpa versi)")


def _indikator(ds: DataSet) -> dict[str, pd.Series]:
    return {text(row["kode"]): row for row in rows(ds, "indikator")}


def _nama(indikator: dict[str, pd.Series], kode: str) -> str:
    row = indikator.get(kode)
    nama = text(row["nama"]) if row is not None else ""
    return f"indikator {kode} '{nama}'" if nama else f"indikator {kode}"


def _has_value(row: pd.Series) -> bool:
    """A realisasi row counts when it holds a value or (for grade indicators) a score."""
    return not missing(row["nilai"]) or not missing(row.get("skor"))


def _targets_by(ds: DataSet) -> dict[tuple[str, int], list[pd.Series]]:
    out: dict[tuple[str, int], list[pd.Series]] = defaultdict(list)
    for row in rows(ds, "target"):
        if missing(row["tahun"]):
            continue
        out[(text(row["kode_indikator"]), int(row["tahun"]))].append(row)
    return out


def _realisasi_by(ds: DataSet) -> dict[tuple[str, int], list[pd.Series]]:
    out: dict[tuple[str, int], list[pd.Series]] = defaultdict(list)
    for row in rows(ds, "realisasi"):
        if missing(row["tahun"]) or not _has_value(row):
            continue
        out[(text(row["kode_indikator"]), int(row["tahun"]))].append(row)
    return out


def _real_teks(row: pd.Series) -> str:
    """Show a realisasi value; for a grade indicator given only as a score, the score."""
    if missing(row["nilai"]) and not missing(row.get("skor")):
        return f"skor {angka(as_float(row['skor']))}"
    return nilai_teks(row["nilai"])


def _daftar_versi(targets: list[pd.Series]) -> str:
    return "; ".join(f"{_versi(t['versi'])} {nilai_teks(t['nilai'])}" for t in targets)


# -- 6. grade vs score -----------------------------------------------------------------
def check_huruf_skor(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """For grade indicators, the letter agrees with the score on the predikat scale.

    Applies to every ``target`` and ``realisasi`` row of an indicator with
    ``jenis = huruf`` that gives both a letter (``nilai``) and a ``skor``: the
    letter must equal ``settings.skala_huruf.classify(skor).kode`` (the scale that
    turns a score into a grade letter; SAKIP AA..D unless configured otherwise,
    and kept when ``settings.skala`` is another Pemda's capaian scale).  A score
    outside the scale is reported too.  (Umbulsari 2023: realisasi "B" with score
    85, which is "A" on the SAKIP scale.)
    """
    indikator = _indikator(ds)
    huruf = {k for k, row in indikator.items() if text(row["jenis"]) == "huruf"}
    if not huruf:
        return []
    skala = load_default_settings(settings).skala_huruf
    out: list[Problem] = []
    for table, jenis in (("target", "target"), ("realisasi", "realisasi")):
        for row in rows(ds, table):
            kode = text(row["kode_indikator"])
            skor = as_float(row["skor"])
            if kode not in huruf or skor is None:
                continue
            where = f"{jenis} {_versi(row['versi'])} " if table == "target" else f"{jenis} "
            try:
                band = skala.classify(skor, strict=True)
            except ValueError:
                message = (
                    f"Skor {angka(skor)} pada {where}tahun {text(row['tahun'])} {_nama(indikator, kode)} "
                    f"berada di luar skala predikat ({angka(skala.bawah)}-{angka(skala.atas)}). Periksa skor."
                )
                out.append(
                    problem(
                        Level.PERINGATAN,
                        "kinerja.huruf_skor",
                        message,
                        row_location(row, "skor"),
                        found=angka(skor),
                        expected=f"skor {angka(skala.bawah)}-{angka(skala.atas)}",
                    )
                )
                continue
            letter = row["nilai"].strip().upper() if is_grade(row["nilai"]) else None
            if letter is None or band.kode == letter:
                continue
            message = (
                f"Nilai huruf {where}tahun {text(row['tahun'])} {_nama(indikator, kode)} tertulis '{letter}', "
                f"tetapi skor {angka(skor)} termasuk predikat '{band.kode}' ({band.label}) pada skala "
                f"penilaian. Huruf dan skor harus sepadan: perbaiki salah satunya sesuai hasil evaluasi, "
                f"atau kosongkan huruf agar dihitung dari skor."
            )
            out.append(
                problem(
                    Level.PERINGATAN,
                    "kinerja.huruf_skor",
                    message,
                    row_location(row, "nilai"),
                    found=f"{letter} (skor {angka(skor)})",
                    expected=f"{band.kode} untuk skor {angka(skor)}",
                )
            )
    return out


# -- 7. target versions ------------------------------------------------------------------
def check_target_beda_versi(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Targets of one indicator and year that differ between document versions (INFO).

    Only the years the report shows are considered: the report year, and earlier
    years that have a realisasi (Tabel 3.2).  Differences in future years are the
    normal result of a Renstra revision and are not reported.  The message names
    every version's value and the version the report measures against.
    """
    indikator = _indikator(ds)
    versi = versi_target(ds)
    realisasi = _realisasi_by(ds)
    out: list[Problem] = []
    for (kode, tahun), targets in _targets_by(ds).items():
        if tahun != ds.tahun and (kode, tahun) not in realisasi:
            continue
        first = targets[0]["nilai"]
        if all(same_value(t["nilai"], first) for t in targets[1:]):
            continue
        used = [t for t in targets if text(t["versi"]) == versi]
        if used:
            pakai = (
                f"Laporan memakai {_versi(versi)} (instansi.versi_target): {nilai_teks(used[0]['nilai'])}."
            )
        else:
            pakai = f"Laporan memakai {_versi(versi)} (instansi.versi_target), yang tidak memuat target tahun ini."
        message = (
            f"Target {_nama(indikator, kode)} tahun {tahun} berbeda antardokumen: {_daftar_versi(targets)}. "
            f"{pakai} Pastikan angka tiap dokumen sesuai aslinya; perbedaan ini perlu dijelaskan di laporan."
        )
        anchor = used[0] if used else targets[0]
        out.append(
            problem(
                Level.INFO,
                "kinerja.target_beda_versi",
                message,
                row_location(anchor, "nilai"),
                found=_daftar_versi(targets),
                expected=None,
            )
        )
    return out


# -- 8. missing pairs, target 0 ----------------------------------------------------------
def check_realisasi_tanpa_target(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """A realisasi needs a target of the same year.

    Report year: the target must come from the report version, else capaian
    cannot be computed (PERINGATAN; the message names targets of other versions
    if there are any).  Earlier or other years: any version will do (Tabel 3.2
    shows it); when none has one the column stays empty (INFO).
    """
    indikator = _indikator(ds)
    versi = versi_target(ds)
    targets = _targets_by(ds)
    out: list[Problem] = []
    for (kode, tahun), reals in _realisasi_by(ds).items():
        found = targets.get((kode, tahun), [])
        row = reals[0]
        if tahun == ds.tahun:
            if any(text(t["versi"]) == versi for t in found):
                continue
            lain = f" Versi lain memuat target: {_daftar_versi(found)}." if found else ""
            message = (
                f"Realisasi {tahun} {_nama(indikator, kode)} ada ({_real_teks(row)}), tetapi "
                f"{_versi(versi)} (versi yang dipakai laporan) tidak memuat target tahun {tahun}, sehingga "
                f"capaian tidak dapat dihitung.{lain} Tambahkan baris target versi {text(versi)} tahun "
                f"{tahun}, atau ganti instansi.versi_target."
            )
            level = Level.PERINGATAN
            expected = f"target {text(versi)} tahun {tahun}"
        else:
            if found:
                continue
            message = (
                f"Realisasi {tahun} {_nama(indikator, kode)} ada ({_real_teks(row)}), tetapi tidak "
                f"ada target tahun {tahun} di dokumen mana pun; kolom target tahun itu di tabel perbandingan "
                f"akan kosong. Tambahkan targetnya bila diketahui."
            )
            level = Level.INFO
            expected = f"target tahun {tahun}"
        out.append(
            problem(
                level,
                "kinerja.realisasi_tanpa_target",
                message,
                row_location(row, "nilai"),
                found="tidak ada target",
                expected=expected,
            )
        )
    return out


def check_target_tanpa_realisasi(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every target of the report version for the report year has a realisasi."""
    indikator = _indikator(ds)
    versi = versi_target(ds)
    realisasi = _realisasi_by(ds)
    out: list[Problem] = []
    for (kode, tahun), targets in _targets_by(ds).items():
        if tahun != ds.tahun or (kode, tahun) in realisasi:
            continue
        for row in targets:
            if text(row["versi"]) != versi:
                continue
            message = (
                f"Target {tahun} {_nama(indikator, kode)} ({_versi(versi)}: {nilai_teks(row['nilai'])}) "
                f"tidak punya realisasi tahun {tahun}; capaiannya akan tampil 't.d.' (tidak dapat dihitung). Isi tabel realisasi "
                f"(nilai, atau skor untuk indikator huruf)."
            )
            out.append(
                problem(
                    Level.PERINGATAN,
                    "kinerja.target_tanpa_realisasi",
                    message,
                    row_location(row, "nilai"),
                    found="tidak ada realisasi",
                    expected=f"realisasi tahun {tahun}",
                )
            )
    return out


def check_target_nol(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """A target of 0 in the report version, where capaian is computed, cannot be divided by.

    Checked for the report year and for any year that has a realisasi; a 0
    target at the end of a Renstra (e.g. 0% poor households in 2026) is legitimate
    until it has to be measured.
    """
    indikator = _indikator(ds)
    versi = versi_target(ds)
    realisasi = _realisasi_by(ds)
    out: list[Problem] = []
    for (kode, tahun), targets in _targets_by(ds).items():
        if tahun != ds.tahun and (kode, tahun) not in realisasi:
            continue
        for row in targets:
            value = as_float(row["nilai"])
            if text(row["versi"]) != versi or value is None or value != 0:
                continue
            message = (
                f"Target {tahun} {_nama(indikator, kode)} ({_versi(versi)}) bernilai 0: capaian tidak dapat "
                f"dihitung (pembagian dengan nol) dan akan tampil 't.d.' (tidak dapat dihitung). Periksa targetnya, atau jelaskan "
                f"di narasi bila target 0 memang disengaja."
            )
            out.append(
                problem(
                    Level.PERINGATAN,
                    "kinerja.target_nol",
                    message,
                    row_location(row, "nilai"),
                    found="0",
                    expected="target bukan 0",
                )
            )
    return out
