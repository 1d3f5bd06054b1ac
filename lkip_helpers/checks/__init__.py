"""Cross-table consistency checks of one data set (``lkip check``).

The loaders already refuse what cannot be read (types, required cells, unknown
references).  These checks look at a data set that *could* be read and ask
whether it contradicts itself the way the reference report does (domain.md
section 4).  Each check is one small function ``check_xxx(ds, settings)``
returning :class:`~lkip_helpers.errors.Problem` records that all carry the
check's stable ``code``; :data:`CHECKS` lists them in order with a one-line
Indonesian description for the reviewer's appendix.

Levels, as a kabupaten reviewer would want them:

* GALAT - a printed figure would be wrong: a budget roll-up that does not add up
  to the Rupiah, a belanja composition that does not match the total, realisasi
  above pagu.  ``lkip check`` exits 1.
* PERINGATAN - two places of the report would contradict each other, or a
  number cannot be computed (population total vs sum by sex, shares not summing
  to 100, a letter grade that does not match its score, text copied from
  another kecamatan or year, a realisasi without target ...).  The report can be
  built; a person must decide.
* INFO - facts the reviewer should see (targets that differ between document
  versions, outputs above/below target, demo data, a late signature).

Module layout: :mod:`.anggaran` (budget), :mod:`.profil` (Bab I tables),
:mod:`.kinerja` (targets and realisasi), :mod:`.struktur` (sasaran, programs,
outputs), :mod:`.narasi` (copied text), :mod:`.umum` (demo flag, dates).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..data.schema import TABLES
from ..errors import Level, Problem
from ._util import table_of
from .anggaran import check_anggaran_komposisi, check_anggaran_rollup, check_realisasi_melebihi_pagu
from .berkas import check_foto, check_logo
from .final import Syarat, Tanggapan, penerimaan_usang, syarat_final, tanggapan
from .ikm import check_ikm_jawaban, check_ikm_realisasi, check_ikm_skala
from .kelengkapan import (
    check_dokumen_lengkap,
    check_pohon_anggaran,
    check_realisasi_tahun,
    check_target_pk,
    check_ttd_laporan,
)
from .kinerja import (
    check_huruf_skor,
    check_realisasi_tanpa_target,
    check_target_beda_versi,
    check_target_nol,
    check_target_tanpa_realisasi,
)
from .narasi import check_kecamatan_lain, check_narasi_salinan, check_tahun_asing
from .profil import check_mata_pencaharian, check_penduduk, check_sdm_jumlah
from .struktur import (
    check_indikator_induk,
    check_output_selisih,
    check_output_tanpa_realisasi,
    check_program_tanpa_sasaran,
    check_sasaran_tanpa_indikator,
    check_sasaran_tanpa_program,
)
from .umum import check_data_contoh, check_identitas, check_tanggal_dokumen, check_tanggal_ttd

if TYPE_CHECKING:
    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = [
    "CHECKS",
    "Check",
    "Pemeriksaan",
    "Syarat",
    "Tanggapan",
    "check_anggaran_komposisi",
    "check_anggaran_rollup",
    "check_data_contoh",
    "check_foto",
    "check_logo",
    "check_dokumen_lengkap",
    "check_identitas",
    "check_ikm_jawaban",
    "check_ikm_realisasi",
    "check_ikm_skala",
    "check_indikator_induk",
    "check_huruf_skor",
    "check_kecamatan_lain",
    "check_narasi_salinan",
    "check_mata_pencaharian",
    "check_output_selisih",
    "check_output_tanpa_realisasi",
    "check_penduduk",
    "check_pohon_anggaran",
    "check_program_tanpa_sasaran",
    "check_realisasi_melebihi_pagu",
    "check_realisasi_tahun",
    "check_realisasi_tanpa_target",
    "check_sasaran_tanpa_indikator",
    "check_sasaran_tanpa_program",
    "check_sdm_jumlah",
    "check_tahun_asing",
    "check_tanggal_dokumen",
    "check_tanggal_ttd",
    "check_ttd_laporan",
    "check_target_beda_versi",
    "check_target_nol",
    "check_target_pk",
    "check_target_tanpa_realisasi",
    "periksa",
    "run_checks",
    "syarat_final",
    "tanggapan",
]

CheckFn = Callable[["DataSet", "Settings | None"], list[Problem]]


@dataclass(frozen=True)
class Check:
    """One registered check: its problem ``code``, Indonesian ``judul``, the function, its highest level."""

    code: str
    judul: str
    fn: CheckFn
    tingkat: Level


_G, _P, _I = Level.GALAT, Level.PERINGATAN, Level.INFO

#: Every check, in the order the reviewer's appendix lists them.
CHECKS: tuple[Check, ...] = (
    Check(
        "instansi.identitas",
        "Nama folder data dan folder tahunnya sesuai dengan kecamatan dan tahun laporan di identitas instansi.",
        check_identitas,
        _G,
    ),
    Check(
        "anggaran.rollup",
        "Pagu dan realisasi sub kegiatan, kegiatan, program dan total anggaran berjumlah tepat sampai rupiah.",
        check_anggaran_rollup,
        _G,
    ),
    Check(
        "anggaran.komposisi",
        "Belanja operasi + belanja modal = total pagu; belanja pegawai + barang dan jasa tidak melebihi belanja operasi.",
        check_anggaran_komposisi,
        _G,
    ),
    Check(
        "anggaran.melebihi_pagu",
        "Realisasi tidak melebihi pagu (sub kegiatan, kegiatan, program, total).",
        check_realisasi_melebihi_pagu,
        _G,
    ),
    Check(
        "sdm.jumlah",
        "Jumlah ASN sama menurut jabatan, pangkat/golongan dan pendidikan.",
        check_sdm_jumlah,
        _P,
    ),
    Check("profil.penduduk", "Penduduk laki-laki + perempuan = jumlah penduduk.", check_penduduk, _P),
    Check(
        "profil.mata_pencaharian", "Persentase mata pencaharian berjumlah 100%.", check_mata_pencaharian, _P
    ),
    Check(
        "kinerja.huruf_skor",
        "Nilai huruf indikator (mis. Nilai SAKIP) sepadan dengan skornya menurut skala predikat.",
        check_huruf_skor,
        _P,
    ),
    Check(
        "kinerja.target_beda_versi",
        "Target yang berbeda antara Renstra, RKT dan PK untuk indikator dan tahun yang sama, serta versi yang dipakai laporan.",
        check_target_beda_versi,
        _I,
    ),
    Check(
        "kinerja.realisasi_tanpa_target",
        "Setiap realisasi punya target tahun yang sama (tahun laporan: dari versi target laporan).",
        check_realisasi_tanpa_target,
        _P,
    ),
    Check(
        "kinerja.target_tanpa_realisasi",
        "Setiap target tahun laporan (versi laporan) punya realisasi.",
        check_target_tanpa_realisasi,
        _P,
    ),
    Check("kinerja.target_nol", "Target 0 yang membuat capaian tidak dapat dihitung.", check_target_nol, _P),
    Check(
        "struktur.sasaran_tanpa_indikator",
        "Setiap sasaran Renstra yang berlaku punya indikator.",
        check_sasaran_tanpa_indikator,
        _P,
    ),
    Check(
        "struktur.indikator_induk",
        "Setiap indikator terikat pada tepat satu sasaran atau satu tujuan.",
        check_indikator_induk,
        _G,
    ),
    Check(
        "struktur.program_tanpa_sasaran",
        "Setiap program dikaitkan dengan paling sedikit satu sasaran.",
        check_program_tanpa_sasaran,
        _P,
    ),
    Check(
        "struktur.sasaran_tanpa_program",
        "Setiap sasaran Renstra yang berlaku didukung paling sedikit satu program.",
        check_sasaran_tanpa_program,
        _P,
    ),
    Check(
        "output.tanpa_realisasi",
        "Setiap indikator output sub kegiatan punya realisasi.",
        check_output_tanpa_realisasi,
        _P,
    ),
    Check(
        "output.selisih",
        "Realisasi output sub kegiatan yang melampaui atau di bawah target.",
        check_output_selisih,
        _I,
    ),
    Check(
        "narasi.kecamatan_lain",
        "Teks laporan tidak menyebut kecamatan lain (tanda teks salinan).",
        check_kecamatan_lain,
        _P,
    ),
    Check(
        "narasi.tahun",
        "Teks laporan tidak menyebut tahun yang bukan milik laporan (tanda teks salinan).",
        check_tahun_asing,
        _P,
    ),
    Check(
        "narasi.salinan",
        "Tidak ada teks laporan yang masih bertanda salinan dari laporan tahun lalu.",
        check_narasi_salinan,
        _P,
    ),
    Check(
        "ikm.rentang",
        "Setiap jawaban survei IKM bernilai 1, 2, 3 atau 4 untuk kesembilan unsur.",
        check_ikm_jawaban,
        _G,
    ),
    Check(
        "ikm.skala",
        "Target dan realisasi indikator IKM berada pada skala IKM 25-100.",
        check_ikm_skala,
        _P,
    ),
    Check(
        "ikm.realisasi",
        "Realisasi tahun laporan indikator IKM sama dengan IKM hasil survei, sampai dua desimal.",
        check_ikm_realisasi,
        _P,
    ),
    Check(
        "kelengkapan.ttd_laporan",
        "Nama, pangkat, NIP Camat serta tempat dan tanggal tanda tangan laporan terisi.",
        check_ttd_laporan,
        _P,
    ),
    Check(
        "kelengkapan.dokumen",
        "Perjanjian Kinerja tahun laporan (para pihak, tempat, tanggal) dan SK IKU (nomor, tanggal, penandatangan) terisi.",
        check_dokumen_lengkap,
        _P,
    ),
    Check(
        "kelengkapan.target_pk",
        "Setiap Indikator Kinerja Utama punya target tahun laporan pada versi target laporan.",
        check_target_pk,
        _P,
    ),
    Check(
        "kelengkapan.realisasi_tahun",
        "Realisasi tahun laporan ada, dan tidak ada realisasi tahun sesudah tahun laporan.",
        check_realisasi_tahun,
        _P,
    ),
    Check(
        "kelengkapan.pohon_anggaran",
        "Anggaran tahun laporan diisi lengkap sampai sub kegiatan.",
        check_pohon_anggaran,
        _P,
    ),
    Check(
        "berkas.foto",
        "Setiap foto dokumentasi adalah berkas gambar yang disimpan bersama data laporan, dengan ukuran yang wajar.",
        check_foto,
        _G,
    ),
    Check(
        "berkas.logo",
        "Logo Pemda (bila ada) adalah berkas gambar yang disimpan bersama data laporan.",
        check_logo,
        _G,
    ),
    Check("instansi.data_contoh", "Data bertanda data contoh, bukan data resmi.", check_data_contoh, _I),
    Check(
        "tanggal.ttd",
        "Tanggal laporan jatuh setelah tahun anggaran berakhir dan dalam batas penyampaian.",
        check_tanggal_ttd,
        _P,
    ),
    Check(
        "tanggal.dokumen",
        "Tanggal PK, RKT, SK IKU, penghargaan dan posisi realisasi berada pada rentang yang wajar.",
        check_tanggal_dokumen,
        _P,
    ),
)


def _order(problem: Problem) -> tuple[int, int]:
    table = table_of(problem.location)
    index = list(TABLES).index(table) if table else len(TABLES)
    row = problem.location.row if problem.location and problem.location.row is not None else 0
    return index, row


def run_checks(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Run every check of :data:`CHECKS` and return all findings.

    Findings are ordered by table (schema order), then row; findings of one row
    keep the order of :data:`CHECKS`.  ``settings`` defaults to
    ``load_settings()`` (``params/default.yaml``), read only by the checks that
    need it (the predikat scale of ``kinerja.huruf_skor``).
    """
    found: list[Problem] = []
    for check in CHECKS:
        found.extend(check.fn(ds, settings))
    return sorted(found, key=_order)


@dataclass(frozen=True)
class Pemeriksaan:
    """Everything known about one data set after it was read and checked: the one owner of its findings.

    ``temuan`` holds the problems found while loading (types, required cells,
    references) followed by those of every check of :data:`CHECKS`; ``ds`` is None
    when the data set could not be loaded (then only load problems are known).
    ``lkip check``, the worker, the report object and the reviewer's appendix all
    read this one result.
    """

    sumber: Path
    settings: Settings
    ds: DataSet | None
    temuan: tuple[Problem, ...]
    pengaturan: Path | None = None

    @property
    def tanggapan(self) -> tuple[Tanggapan, ...]:
        """Every finding with the planner's acceptance from the table ``pemeriksaan`` (if any)."""
        return tanggapan(self.ds, self.temuan)

    def syarat_final(self) -> list[Syarat]:
        """What must still be done for the final edition (empty: the final edition can be rendered)."""
        if self.ds is None:
            return [Syarat("Perbaiki galat", p) for p in self.temuan if p.level is Level.GALAT]
        return syarat_final(self.ds, self.temuan)

    @property
    def lolos(self) -> bool:
        """True when the data set was loaded and no finding is a GALAT."""
        return self.ds is not None and not any(p.level is Level.GALAT for p in self.temuan)

    def jumlah(self) -> dict[Level, int]:
        """Number of findings per level."""
        return {lvl: sum(p.level is lvl for p in self.temuan) for lvl in Level}


def periksa(sumber: Path, pengaturan: Path | None = None, settings: Settings | None = None) -> Pemeriksaan:
    """Load the data set at ``sumber`` and run every check: all its problems, in one result.

    ``settings`` (already loaded) wins over ``pengaturan`` (a settings override file).
    Never raises for bad data: a data set that cannot be loaded gives ``ds=None`` and
    its load problems.
    """
    from ..data.load import load
    from ..errors import DataError
    from ..rules.settings import load_settings

    settings = settings or load_settings(pengaturan)
    problems: list[Problem] = []
    try:
        ds: DataSet | None = load(sumber, problems=problems, batas=settings.masukan)
    except DataError as err:
        ds = None
        problems = problems or list(err.problems)
    if ds is not None:
        problems.extend(run_checks(ds, settings))
        problems.extend(penerimaan_usang(ds, problems))
    return Pemeriksaan(Path(sumber), settings, ds, tuple(problems), pengaturan)
