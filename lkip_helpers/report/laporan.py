"""The report object: one kecamatan-year's checked data set, its settings, its findings and every figure.

A :class:`Laporan` is built once, from a data set that was loaded and checked
(:func:`buka` does both), and is never changed.  It owns every computed figure of
the report: each is computed the first time it is asked for and kept, so Tabel
3.1, the chart beside it, the Ikhtisar sentence and the kabupaten index read one
and the same result.  Frames handed out are copies: editing one in a notebook cell
changes nothing else.  A what-if is an explicit call (:meth:`Laporan.dengan`) that
returns a new report, checked again.

In JupyterLab::

    from lkip_helpers import buka
    lap = buka("../data/2023/umbulsari")
    lap                                    # a short summary
    lap.frame("pengukuran_kinerja")        # Tabel 3.1 as numbers (a DataFrame)
    lap.rata_rata.nilai                    # 95.5
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar, cast, overload

import pandas as pd

from .. import fmt
from ..checks import Pemeriksaan, Syarat, Tanggapan, periksa, run_checks, syarat_final, tanggapan
from ..checks._util import table_of
from ..data.model import LOKASI, DataSet
from ..errors import DataError, Level, Location, Problem
from ..rules.budget import Efisiensi, efisiensi_keseluruhan
from ..rules.capaian import RataRata
from ..rules.ikm import Ikm, hitung_ikm, nrr_frame, validasi_jawaban
from ..rules.settings import Settings, load_settings
from . import figures, terbuka
from .figures import RingkasanAnggaran

__all__ = ["FRAMES", "Laporan", "buka"]

T = TypeVar("T")


class _Figure(Generic[T]):
    """A figure of the report: computed on first access, then kept; frames are handed out as copies."""

    def __init__(self, fn: Callable[[Laporan], T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> _Figure[T]: ...
    @overload
    def __get__(self, obj: Laporan, objtype: type | None = None) -> T: ...

    def __get__(self, obj: Laporan | None, objtype: type | None = None) -> T | _Figure[T]:
        if obj is None:
            return self
        value = obj._computed(self.name, lambda: self.fn(obj))
        return value.copy() if isinstance(value, pd.DataFrame) else value


def _figure(fn: Callable[[Laporan], T]) -> _Figure[T]:
    return _Figure(fn)


#: The figures a planner can ask for as a frame (:meth:`Laporan.frame`), with what they are.
FRAMES: Mapping[str, str] = {
    "indikator_diukur": "indikator yang diukur tahun laporan, dengan sasarannya",
    "pengukuran_kinerja": "Tabel 3.1: target, realisasi dan capaian tiap indikator",
    "capaian_sasaran": "Tabel 3.5: rata-rata capaian dan predikat tiap sasaran",
    "perbandingan_tahun": "Tabel 3.2: target, realisasi dan capaian tiap tahun Renstra",
    "perbandingan_renstra": "Tabel 3.3: realisasi terhadap target akhir Renstra",
    "perbandingan_pembanding": "Tabel 3.4: realisasi terhadap nilai pembanding",
    "program_pendukung": "Tabel 3.6: program, kegiatan dan sub kegiatan pendukung sasaran",
    "efisiensi_sasaran": "Tabel 3.7: capaian kinerja dan serapan anggaran tiap sasaran",
    "anggaran_tree": "Tabel 3.8: pohon anggaran dijumlahkan dari sub kegiatan",
    "ikm_unsur": "IKM: nilai rata-rata (NRR) tiap unsur survei",
    "temuan": "hasil pemeriksaan data set (semua temuan)",
}


@dataclass(frozen=True, eq=False)
class Laporan:
    """One kecamatan-year's report: the data set, settings and findings it was built from, and every figure.

    Build it with :func:`buka` (load, check) or :meth:`dari_data_set` (an already
    loaded data set); never change it.  Figures are attributes computed once.
    """

    ds: DataSet
    settings: Settings
    temuan: tuple[Problem, ...]
    sumber: Path | None = None  # the data set folder or workbook that was loaded and checked
    pengaturan: Path | None = None  # the settings override file, None = the defaults
    edisi: str = "draf"  # "draf" or "final" (a final report has nothing left in syarat_final())
    _cache: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    _lock: threading.RLock = field(default_factory=threading.RLock, init=False, repr=False, compare=False)

    # ------------------------------------------------------------------ building
    @classmethod
    def dari_data_set(
        cls,
        ds: DataSet,
        settings: Settings | None = None,
        temuan: Sequence[Problem] | None = None,
        pengaturan: Path | None = None,
    ) -> Laporan:
        """A report of an already loaded data set; ``temuan`` default: the cross-table checks run now."""
        settings = settings or load_settings(pengaturan)
        found = tuple(temuan) if temuan is not None else tuple(run_checks(ds, settings))
        return cls(ds, settings, found, sumber=ds.origin, pengaturan=pengaturan)

    @classmethod
    def dari_pemeriksaan(cls, hasil: Pemeriksaan, final: bool = False) -> Laporan:
        """The report of a data set that :func:`~lkip_helpers.checks.periksa` loaded and checked.

        ``final`` asks for the final edition.  Raises :class:`DataError` (every problem)
        when the data set could not be loaded, or when the final edition is asked for and
        something stands in its way (each such finding, see :func:`syarat_final`).
        """
        if hasil.ds is None:
            raise DataError.from_problems(list(hasil.temuan))
        if final:
            missing = hasil.syarat_final()
            if missing:
                raise DataError.from_problems([s.sebagai_galat() for s in missing])
        return cls(hasil.ds, hasil.settings, tuple(hasil.temuan), sumber=hasil.sumber,
                   pengaturan=hasil.pengaturan, edisi="final" if final else "draf")

    def dengan(self, **tabel: pd.DataFrame) -> Laporan:
        """A what-if: the same report with some records tables replaced, checked again.

        ``lap.dengan(realisasi=frame)`` returns a new report; this one is unchanged.
        """
        ds = self.ds.dengan(**tabel)
        return Laporan.dari_data_set(ds, self.settings, pengaturan=self.pengaturan)

    def _computed(self, name: str, compute: Callable[[], T]) -> T:
        with self._lock:
            if name not in self._cache:
                self._cache[name] = compute()
            return cast(T, self._cache[name])  # the cache holds what compute() returned

    # ------------------------------------------------------------------ identity
    @property
    def kecamatan(self) -> str:
        """Name of the kecamatan."""
        return self.ds.kecamatan

    @property
    def kabupaten(self) -> str:
        """Name of the kabupaten."""
        return self.ds.kabupaten

    @property
    def tahun(self) -> int:
        """The report year."""
        return self.ds.tahun

    @property
    def is_contoh(self) -> bool:
        """True for synthetic demo data (``data_status: contoh``)."""
        return self.ds.is_contoh

    @property
    def is_final(self) -> bool:
        """True for the final edition (no watermark, no markers, no placeholders)."""
        return self.edisi == "final"

    @property
    def tanggapan(self) -> tuple[Tanggapan, ...]:
        """Every finding with the planner's acceptance (table ``pemeriksaan``), in the order of :attr:`temuan`."""
        return self._computed("tanggapan", lambda: tanggapan(self.ds, self.temuan))

    def syarat_final(self) -> list[Syarat]:
        """What stands between this data set and its final edition (empty: none)."""
        return list(self._computed("syarat_final", lambda: tuple(syarat_final(self.ds, self.temuan))))

    def nomor_temuan(self, temuan: Problem) -> int:
        """The number of a finding in the reviewer's appendix (1-based, the order of :attr:`temuan`)."""
        return self.temuan.index(temuan) + 1

    def temuan_terbuka(self, tabel: Sequence[str] = (), baris: int | None = None) -> list[int]:
        """Numbers of the draft's open findings (GALAT/PERINGATAN, not accepted) about data tables ``tabel``.

        ``baris`` narrows it to one row of a single table (a paragraph of the planner's
        text).  The final edition has none.
        """
        if self.is_final:
            return []
        wanted = set(tabel)
        out = []
        for n, t in enumerate(self.tanggapan, 1):
            p = t.temuan
            if p.level is Level.INFO or t.diterima:
                continue
            if wanted and table_of(p.location) not in wanted:
                continue
            if baris is not None and (p.location is None or p.location.row != baris):
                continue
            out.append(n)
        return out

    def temuan_tingkat(self, level: Level) -> tuple[Problem, ...]:
        """The findings of one level."""
        return tuple(p for p in self.temuan if p.level is level)

    # ------------------------------------------------------------------ figures
    @_figure
    def versi_target(self) -> str:
        """The target version the report measures against (``instansi.versi_target``)."""
        return figures.versi_target(self.ds)

    @_figure
    def indikator_diukur(self) -> pd.DataFrame:
        """Indicators measured in the report year, with their sasaran, in report order."""
        return figures.indikator_diukur(self.ds, self.versi_target)

    @_figure
    def pengukuran_kinerja(self) -> pd.DataFrame:
        """Tabel 3.1: target, realisasi and capaian of every measured indicator."""
        nilai = self._nilai(self.tahun, self.versi_target)
        return figures.pengukuran_kinerja(self.settings, self._frame("indikator_diukur"), nilai)

    @_figure
    def rata_rata(self) -> RataRata:
        """The overall average capaian and its predikat (mean of the sasaran averages)."""
        return figures.rata_rata(self._frame("pengukuran_kinerja"), self.settings)

    @_figure
    def capaian_sasaran(self) -> pd.DataFrame:
        """Tabel 3.5: average capaian and predikat per sasaran."""
        return figures.capaian_sasaran(self._frame("pengukuran_kinerja"), self.settings)

    @_figure
    def perbandingan_tahun(self) -> pd.DataFrame:
        """Tabel 3.2: target, realisasi and capaian of each measured indicator per Renstra year."""
        return figures.perbandingan_tahun(self.ds, self.settings, self._frame("indikator_diukur"), self.versi_target)

    @_figure
    def perbandingan_renstra(self) -> pd.DataFrame:
        """Tabel 3.3: the report year's realisasi against the Renstra end target."""
        return figures.perbandingan_renstra(self.ds, self.settings, self._frame("pengukuran_kinerja"))

    @_figure
    def perbandingan_pembanding(self) -> pd.DataFrame:
        """Tabel 3.4: realisasi against kabupaten/provinsi/nasional benchmarks."""
        return figures.perbandingan_pembanding(self.ds, self._frame("pengukuran_kinerja"))

    @_figure
    def program_pendukung(self) -> pd.DataFrame:
        """Tabel 3.6: input, output and outcome of every sub kegiatan per sasaran."""
        return figures.program_pendukung(self.ds, self._frame("indikator_diukur"))

    @_figure
    def anggaran_tree(self) -> pd.DataFrame:
        """Tabel 3.8: the budget tree rolled up from the sub kegiatan."""
        return figures.anggaran_tree(self.ds)

    @_figure
    def ringkasan_anggaran(self) -> RingkasanAnggaran:
        """Budget totals of the report year and the change in serapan from last year."""
        return figures.ringkasan_anggaran(self.ds, self._frame("anggaran_tree"))

    @_figure
    def efisiensi_sasaran(self) -> pd.DataFrame:
        """Tabel 3.7: capaian kinerja vs serapan anggaran per sasaran, labelled."""
        return figures.efisiensi_sasaran(
            self.ds, self.settings, self._frame("capaian_sasaran"), self._frame("anggaran_tree")
        )

    @_figure
    def efisiensi_keseluruhan(self) -> Efisiensi:
        """The efficiency of the whole report: the average capaian against the total serapan (Tabel 3.7)."""
        return efisiensi_keseluruhan(self.rata_rata, self.ringkasan_anggaran.serapan, settings=self.settings.efisiensi)

    @_figure
    def ikm(self) -> Ikm | None:
        """The IKM of the survey answers (``ikm_responden``); None without answers or with invalid ones."""
        answers = self.ds.df("ikm_responden")
        if answers.empty or validasi_jawaban(answers):
            return None
        return hitung_ikm(answers, self.settings.ikm)

    @_figure
    def ikm_unsur(self) -> pd.DataFrame:
        """NRR per unsur of the survey (empty without valid answers)."""
        answers = self.ds.df("ikm_responden")
        if answers.empty or validasi_jawaban(answers):
            return pd.DataFrame(columns=["unsur", "nama", "jumlah_nilai", "responden", "nrr", "bobot", "nrr_tertimbang"])
        return nrr_frame(answers, self.settings.ikm)

    def nilai_indikator(self, tahun: int, versi: str | None = None) -> pd.DataFrame:
        """Target (of ``versi``, default the report's) and realisasi of every indicator for ``tahun``."""
        return self._nilai(tahun, versi or self.versi_target).copy()

    def _nilai(self, tahun: int, versi: str) -> pd.DataFrame:
        return self._computed(f"nilai_indikator:{tahun}:{versi}", lambda: figures.nilai_indikator(self.ds, tahun, versi))

    # ------------------------------------------------------------------ the planner's text
    def narasi(self, bagian: str) -> list[str]:
        """The planner's paragraphs of one ``narasi`` part (kata pengantar, kendala ...), in order."""
        return [text for text, _row in self.narasi_baris(bagian)]

    def narasi_baris(self, bagian: str) -> list[tuple[str, int | None]]:
        """The planner's paragraphs of one ``narasi`` part with the row each was read from (for markers)."""
        return list(self._computed(f"narasi:{bagian}", lambda: tuple(_narasi(self.ds, bagian))))

    def narasi_sasaran(self, kode_sasaran: str) -> dict[str, list[str]]:
        """The planner's text on one sasaran, by kind (uraian, faktor_pendukung, permasalahan, solusi)."""
        return {k: [t for t, _ in v] for k, v in self.narasi_sasaran_baris(kode_sasaran).items()}

    def narasi_sasaran_baris(self, kode_sasaran: str) -> dict[str, list[tuple[str, int | None]]]:
        """:meth:`narasi_sasaran` with the row each text was read from (for markers)."""
        got = self._computed(f"narasi_sasaran:{kode_sasaran}", lambda: _narasi_sasaran(self.ds, kode_sasaran))
        return {k: list(v) for k, v in got.items()}

    # ------------------------------------------------------------------ planner access
    def frame(self, nama: str) -> pd.DataFrame:
        """A figure as a frame of numbers (a copy): ``lap.frame("pengukuran_kinerja")``; see :data:`FRAMES`."""
        if nama == "temuan":
            return _temuan_frame(self.temuan)
        if nama not in FRAMES:
            msg = f"'{nama}' bukan angka laporan yang dikenal; pilihan: {', '.join(FRAMES)}"
            raise KeyError(msg)
        value = getattr(self, nama)
        assert isinstance(value, pd.DataFrame)
        return value

    def _frame(self, nama: str) -> pd.DataFrame:
        """The kept frame itself (no copy): for building other figures, which never change it."""
        getattr(self, nama)
        return cast(pd.DataFrame, self._cache[nama])

    def ringkasan(self) -> dict[str, Any]:
        """What the kabupaten index and overview show of this report (plain JSON data)."""
        counts = {lvl.value: len(self.temuan_tingkat(lvl)) for lvl in Level}
        rata = self.rata_rata
        ang = self.ringkasan_anggaran
        sasaran = self._frame("capaian_sasaran")
        desa = self.ds.df("desa")
        return {
            "kecamatan": self.kecamatan,
            "kabupaten": self.kabupaten,
            "tahun": self.tahun,
            "data_status": "contoh" if self.is_contoh else "resmi",
            "galat": counts.get(Level.GALAT.value, 0),
            "peringatan": counts.get(Level.PERINGATAN.value, 0),
            "info": counts.get(Level.INFO.value, 0),
            "capaian": _num(rata.nilai),
            "capaian_dari": [rata.jumlah, rata.jumlah + rata.tidak_dihitung],  # sasaran averaged, of all measured
            "predikat": rata.predikat.kode if rata.predikat else None,
            "predikat_label": rata.predikat.label if rata.predikat else None,
            "pagu": ang.pagu,
            "realisasi": ang.realisasi,
            "serapan": _num(ang.serapan),
            "sasaran": [
                {
                    "no": int(r["no_sasaran"]),
                    "kode": str(r["kode_sasaran"]),
                    "sasaran": str(r["sasaran"]),
                    "capaian": _num(r["rata_rata"]),
                    "predikat": None if r["predikat"] is None else str(r["predikat"]),
                }
                for _, r in sasaran.iterrows()
            ],
            "desa": {str(k): int(v) for k, v in desa["status"].value_counts().sort_index().items()},
        }

    def _repr_html_(self) -> str:
        e = html.escape
        rata = self.rata_rata
        ang = self.ringkasan_anggaran
        counts = {lvl: len(self.temuan_tingkat(lvl)) for lvl in Level}
        rows = [
            ("Data set", str(self.sumber or "-")),
            ("Capaian rata-rata", f"{fmt.persen(rata.nilai)} ({rata.kode or '-'} {rata.label or ''})".strip()),
            ("Indikator diukur", fmt.angka(len(self._frame("indikator_diukur")))),
            ("Anggaran", f"pagu {fmt.rupiah(ang.pagu)}, realisasi {fmt.rupiah(ang.realisasi)}, "
                         f"serapan {fmt.persen(ang.serapan)}"),
            ("Pemeriksaan", ", ".join(f"{n} {lvl.label.lower()}" for lvl, n in counts.items())),
        ]
        body = "".join(f"<tr><th style='text-align:left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
        title = f"Laporan Kinerja Kecamatan {self.kecamatan} Tahun {self.tahun}"
        hint = "Angka: lap.frame(nama), pilihan: " + ", ".join(FRAMES)
        return f"<div><strong>{e(title)}</strong><table>{body}</table><small>{e(hint)}</small></div>"

    def __repr__(self) -> str:
        return f"Laporan(kecamatan={self.kecamatan!r}, tahun={self.tahun}, sumber={str(self.sumber)!r})"


def buka(
    data: str | Path,
    pengaturan: str | Path | None = None,
    *,
    kecamatan: str | None = None,
    tahun: int | None = None,
    final: bool = False,
) -> Laporan:
    """Load and check the data set at ``data`` and return its report.

    ``pengaturan`` is a settings override file (empty or None: the defaults).
    ``kecamatan`` and ``tahun``, when given (a chapter's parameters), must be the
    data set's own: a chapter never renders another kecamatan's data.  ``final`` asks
    for the final edition (refused while :meth:`Laporan.syarat_final` lists anything).
    Raises :class:`DataError` with every problem when the data set cannot be loaded, is
    not the one asked for, or cannot be final.
    """
    if not str(data).strip():
        problem = Problem(
            Level.GALAT,
            "parameter.data",
            "Parameter 'data' kosong. Isi dengan folder data set atau buku kerja .xlsx, "
            "mis. data = \"../data/2023/umbulsari\".",
            Location("parameter", column="data"),
            expected="folder data set atau buku kerja .xlsx",
        )
        raise DataError.from_problems([problem])
    source, settings = Path(data), Path(pengaturan) if pengaturan else None
    lap = terbuka.ambil(terbuka.kunci(source, settings, final),
                        lambda: Laporan.dari_pemeriksaan(periksa(source, settings), final=final))
    wrong = []
    if kecamatan is not None and fmt_slug(kecamatan) != fmt_slug(lap.kecamatan):
        wrong.append(("kecamatan", kecamatan, lap.kecamatan))
    if tahun is not None and int(tahun) != lap.tahun:
        wrong.append(("tahun", str(tahun), str(lap.tahun)))
    if wrong:
        problems = [
            Problem(
                Level.GALAT,
                "instansi.bukan_yang_diminta",
                f"Data set {data} berisi {what} {got}, bukan {what} {asked} yang diminta. Periksa "
                f"parameter '{what}' atau folder data set.",
                Location(Path(data).name, column=what),
                found=got,
                expected=asked,
            )
            for what, asked, got in wrong
        ]
        raise DataError.from_problems(problems)
    return lap


def fmt_slug(name: str) -> str:
    """Kecamatan names compared as folder names ("Gunung Sari" = "gunung-sari")."""
    from ..paths import slug

    return slug(name)


def _narasi(ds: DataSet, bagian: str) -> list[tuple[str, int | None]]:
    df = ds.df("narasi")
    df = df[df["bagian"] == bagian].sort_values("urutan", kind="stable")
    out = []
    for text, loc in zip(df["teks"], df[LOKASI], strict=True):
        if _clean(text):
            out.append((_clean(text), loc.row if isinstance(loc, Location) else None))
    return out


def _narasi_sasaran(ds: DataSet, kode_sasaran: str) -> dict[str, tuple[tuple[str, int | None], ...]]:
    df = ds.df("narasi_sasaran")
    df = df[df["kode_sasaran"] == kode_sasaran].sort_values("urutan", kind="stable")
    out: dict[str, list[tuple[str, int | None]]] = {}
    for jenis, teks, loc in zip(df["jenis"], df["teks"], df[LOKASI], strict=True):
        if _clean(teks):
            out.setdefault(str(jenis), []).append((_clean(teks), loc.row if isinstance(loc, Location) else None))
    return {k: tuple(v) for k, v in out.items()}


def _clean(text: Any) -> str:
    """The planner's text as the report prints it.

    Runs of spaces and single line breaks (a YAML or Excel cell wrapped by hand) become one
    space; a blank line stays a paragraph break (``"\\n\\n"``).  Missing text is ``""``.
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", str(text))]
    return "\n\n".join(p for p in paragraphs if p)


def _temuan_frame(temuan: Sequence[Problem]) -> pd.DataFrame:
    rows = [
        {
            "tingkat": p.level.label,
            "kode": p.code,
            "lokasi": str(p.location) if p.location else "",
            "pesan": p.message,
            "ditemukan": p.found,
            "seharusnya": p.expected,
        }
        for p in temuan
    ]
    return pd.DataFrame(rows, columns=["tingkat", "kode", "lokasi", "pesan", "ditemukan", "seharusnya"])


def _num(value: Any) -> float | None:
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return None if v != v else round(v, 6)


