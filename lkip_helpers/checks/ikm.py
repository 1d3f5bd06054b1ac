"""The IKM survey answers (``ikm_responden``) and the IKM indicator's realisasi.

* ``ikm.rentang``: every answer must be a whole number 1..4 for each of the nine
  unsur (PermenPAN-RB 14/2017); a bad answer would make the IKM table impossible
  to compute, so it is a GALAT naming the respondent, the unsur and the cell.
* ``ikm.skala``: an IKM lies on 25..100 (nine unsur answered 1..4, times 25); a
  target or realisasi of an IKM indicator outside it (851 for 85,1; 0,85 for 85) is a
  PERINGATAN at its cell: the capaian computed from it would be nonsense.
* ``ikm.realisasi``: when the data set holds survey answers, the report year's
  realisasi of an IKM indicator is the survey's IKM.  A realisasi that differs
  from the IKM as printed (two decimals) by more than rounding (0,005) would make
  the IKM table and Tabel 3.1 contradict each other: a PERINGATAN naming both
  values, at the realisasi cell.

An *IKM indicator* is an indicator measured in the report year (it has a target
of the report's version ``instansi.versi_target``, default ``pk_perubahan``, for
``instansi.tahun``) whose name is an IKM (:func:`nama_ikm`).  The sentences of the
report use :func:`nama_ikm` and :func:`ikm_sesuai` too, so the text and this check
never disagree on what "the same value" is.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from .. import fmt
from ..data.kolom import nama_ikm
from ..errors import Level, Problem
from ..rules.ikm import hitung_ikm, validasi_jawaban
from ._util import as_float, load_default_settings, missing, nilai_teks, problem, row_location, rows, text

if TYPE_CHECKING:
    from ..data.model import DataSet
    from ..rules.settings import IkmSettings, Settings

__all__ = ["SKALA_IKM", "TOLERANSI_IKM", "check_ikm_jawaban", "check_ikm_realisasi", "check_ikm_skala", "ikm_sesuai",
           "nama_ikm"]

#: Half a unit of the printed IKM's last decimal: a realisasi this close to it is the same value.
TOLERANSI_IKM = Decimal("0.005")
#: The IKM's scale (PermenPAN-RB 14/2017): the 1..4 index times 25.
SKALA_IKM = (25.0, 100.0)
_VERSI_BAKU = "pk_perubahan"


def check_ikm_jawaban(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every survey answer is 1, 2, 3 or 4 (GALAT per bad cell); no survey, no finding."""
    answers = ds.df("ikm_responden")
    return [] if answers.empty else validasi_jawaban(answers)


def _decimal(x: float) -> Decimal:
    return Decimal(repr(float(x)))


def ikm_sesuai(ikm: float, realisasi: float) -> bool:
    """True when ``realisasi`` is the IKM as printed (two decimals, half up), within rounding (0,005)."""
    printed = _decimal(ikm).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return abs(printed - _decimal(realisasi)) <= TOLERANSI_IKM


def _bobot_teks(cfg: IkmSettings) -> str:
    return "1/9" if cfg.bobot == 1 / 9 else fmt.angka(cfg.bobot, 2)


def _indikator_ikm(ds: DataSet) -> dict[str, str]:
    """Code -> name of every IKM indicator measured in the report year (see the module docstring)."""
    versi = text(ds.instansi.get("versi_target")) or _VERSI_BAKU
    measured = {
        text(row["kode_indikator"])
        for row in rows(ds, "target")
        if text(row["versi"]) == versi and not missing(row["tahun"]) and int(row["tahun"]) == ds.tahun
    }
    return {
        text(row["kode"]): text(row["nama"])
        for row in rows(ds, "indikator")
        if text(row["kode"]) in measured and nama_ikm(row["nama"])
    }


def check_ikm_realisasi(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """The report year's realisasi of an IKM indicator equals the survey's IKM (PERINGATAN per realisasi row).

    No survey answers, invalid answers (``ikm.rentang`` reports them), no IKM
    indicator or no numeric realisasi: no finding.  The IKM is computed with the
    settings' weight (``ikm.bobot``) and compared as printed, to two decimals.
    """
    answers = ds.df("ikm_responden")
    if answers.empty or validasi_jawaban(answers):
        return []
    indikator = _indikator_ikm(ds)
    if not indikator:
        return []
    cfg = load_default_settings(settings).ikm
    survei = hitung_ikm(answers, cfg)
    if survei.nilai is None:
        return []
    ikm_teks = fmt.angka(survei.nilai, 2)
    out: list[Problem] = []
    for row in rows(ds, "realisasi"):
        kode = text(row["kode_indikator"])
        if kode not in indikator or missing(row["tahun"]) or int(row["tahun"]) != ds.tahun:
            continue
        value = as_float(row["nilai"])
        if value is None or ikm_sesuai(survei.nilai, value):
            continue
        nama = f"indikator {kode} '{indikator[kode]}'" if indikator[kode] else f"indikator {kode}"
        message = (
            f"Realisasi tahun {ds.tahun} {nama} tertulis {nilai_teks(row['nilai'])}, sedangkan IKM hasil "
            f"survei (tabel ikm_responden: {fmt.angka(survei.responden)} responden, bobot {_bobot_teks(cfg)} "
            f"per unsur) adalah {ikm_teks}. Laporan akan memuat kedua nilai yang berbeda ini; samakan "
            f"realisasi dengan hasil survei atau periksa jawaban survei."
        )
        out.append(
            problem(
                Level.PERINGATAN,
                "ikm.realisasi",
                message,
                row_location(row, "nilai"),
                found=nilai_teks(row["nilai"]),
                expected=ikm_teks,
            )
        )
    return out


def check_ikm_skala(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every numeric target and realisasi of an IKM indicator lies on 25..100 (PERINGATAN per cell outside)."""
    del settings
    ikm = {text(row["kode"]): text(row["nama"]) for row in rows(ds, "indikator") if nama_ikm(row["nama"])}
    if not ikm:
        return []
    low, high = SKALA_IKM
    out: list[Problem] = []
    for table, what in (("target", "Target"), ("realisasi", "Realisasi")):
        for row in rows(ds, table):
            kode = text(row["kode_indikator"])
            value = as_float(row["nilai"]) if kode in ikm else None
            if value is None or low <= value <= high:
                continue
            versi = f" ({text(row['versi'])})" if table == "target" and text(row.get("versi")) else ""
            tahun = "" if missing(row["tahun"]) else f" tahun {int(row['tahun'])}"
            message = (
                f"{what}{versi}{tahun} indikator {kode} '{ikm[kode]}' tertulis {nilai_teks(row['nilai'])}, "
                f"di luar skala IKM {fmt.angka(low)}-{fmt.angka(high)} (indeks 1-4 dikali 25). Periksa tanda "
                f"desimal atau satuannya (mis. 85,1 bukan 851; 85 bukan 0,85)."
            )
            out.append(problem(Level.PERINGATAN, "ikm.skala", message, row_location(row, "nilai"),
                               found=nilai_teks(row["nilai"]), expected=f"{fmt.angka(low)} s.d. {fmt.angka(high)}"))
    return out
