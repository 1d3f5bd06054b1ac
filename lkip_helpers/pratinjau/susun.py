"""The preview's renderer: the report's screen page from a data set, re-rendered warm.

:class:`Penyusun` renders what ``lkip render --format html`` renders into
``laporan.html`` (the same chapters, parameters, meta and stitcher), but keeps what is
expensive alive between renders: the zygote with pandas, Altair, vl-convert and
lkip_helpers imported, a pool of kernels already started for the next render
(:mod:`lkip_helpers.pratinjau.kernel`), and nbconvert's exporters in this process.  The
chapters run in ``lajur`` lanes of one kernel each, the longest first, as ``lkip render``
runs a lone report's, and no PDF, Word or reviewer page is made.

What is re-run: every chapter reads the whole checked data set (``buka``), and the
finding numbers in the text ("[periksa: temuan N]") depend on the check results of the
whole data set, so no chapter can be known unchanged while any data file, settings
file, notebook or code changed.  A chapter is reused only when its inputs (notebook,
parameters, the hashes of every data and settings file, the package code) are exactly
those of its last run; otherwise it runs again.  A save that changes no byte (an editor
touching the file) re-renders nothing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError, LkipError, Problem, RenderError
from ..paths import chapter_name, chapter_notebooks

__all__ = ["Hasil", "Penyusun", "sidik_masukan"]


@dataclass(frozen=True)
class Hasil:
    """One render: the page, or why there is none."""

    html: str | None = None  # the report's screen page (without the reload script)
    masalah: tuple[Problem, ...] = ()  # the data could not be loaded/checked: every problem
    galat: str = ""  # a chapter or the stitching failed: where and what
    detik: float = 0.0
    dijalankan: tuple[str, ...] = ()  # chapters executed this time
    dipakai_ulang: tuple[str, ...] = ()  # chapters whose last run was reused
    kecamatan: str = ""
    tahun: int | None = None

    @property
    def ok(self) -> bool:
        """True when there is a page."""
        return self.html is not None


def sidik_masukan(data: Path, pengaturan: Path | None) -> str:
    """Hash of every byte the report is made of besides notebooks and code: data and settings files."""
    from ..batch.task import data_fingerprint
    from ..paths import settings_files

    record = {
        "data": data_fingerprint(data),
        "pengaturan": [[str(p), hashlib.sha256(p.read_bytes()).hexdigest()] for p in settings_files(pengaturan)
                       if p.is_file()],
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()


@dataclass
class _Bab:
    path: Path
    name: str
    kunci: str = ""  # the inputs of its last successful run
    nb: Any = None  # that run's executed notebook
    detik: float = field(default=1.0)


class Penyusun:
    """Renders one data set's screen page again and again (see the module doc).

    ``notebooks`` default to the chapters of the manifest; ``progress`` is called with
    each step's name (chapter names, ``"data"``, ``"penggabungan html"``).
    """

    def __init__(
        self,
        data: Path,
        pengaturan: Path | None = None,
        notebooks: Sequence[Path] | None = None,
        lajur: int = 2,
        batas_waktu_bab: float | None = 600,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.data = Path(data).expanduser().resolve()
        self.pengaturan = Path(pengaturan).expanduser().resolve() if pengaturan else None
        paths = [Path(p) for p in (notebooks if notebooks is not None else chapter_notebooks())]
        self._bab = [_Bab(p, chapter_name(i, p)) for i, p in enumerate(paths)]
        self.lajur = max(1, lajur)
        self.batas_waktu_bab = batas_waktu_bab
        self._progress = progress or (lambda _name: None)
        self._folder = Path(tempfile.mkdtemp(prefix="lkip-pratinjau-"))
        self._pool: Any = None
        self._km: type | None = None
        self._engine = ""
        self._lock = threading.Lock()  # siapkan() may run in a thread while the first render starts

    def _siapkan_kernel(self) -> None:
        """The zygote, the kernel pool and the papermill engine (once; the pool is refilled each time)."""
        from .._platform import current_mode
        from ..batch.engine import register_engine
        from .kernel import KernelPool, kernel_manager

        with self._lock:
            if self._km is None:
                self._engine = register_engine()
                folders = {b.path.parent.resolve() for b in self._bab}
                if current_mode().zygote and len(folders) == 1:
                    self._pool = KernelPool(folders.pop(), self.lajur)  # one kernel per lane
                self._km = kernel_manager(self._pool, self.batas_waktu_bab)
            if self._pool is not None:
                self._pool.isi()

    def siapkan(self) -> None:
        """Start what every render needs (zygote, kernels) now rather than at the first render."""
        self._siapkan_kernel()

    def susun(self) -> Hasil:
        """Render the page from the data set as it is now; never raises for bad data or a failing chapter."""
        from ..report.laporan import buka

        start = time.perf_counter()
        self._progress("data")
        try:
            sidik = sidik_masukan(self.data, self.pengaturan)
            lap = buka(self.data, self.pengaturan)
        except DataError as err:
            return Hasil(masalah=tuple(err.problems), detik=time.perf_counter() - start)
        except (LkipError, OSError) as exc:  # unreadable settings file, a file vanished mid-save
            return Hasil(galat=f"data/pengaturan: {exc}", detik=time.perf_counter() - start)
        meta, parameters = _meta_dan_parameter(lap, self.data, self.pengaturan)
        self._siapkan_kernel()
        kunci = _kunci(self._bab, sidik, parameters)
        todo = [b for b in self._bab if b.kunci != kunci.get(b.name) or b.nb is None]
        try:
            self._jalankan(todo, parameters, kunci)
            self._progress("penggabungan html")
            html = _halaman(self._bab, meta)
        except RenderError as err:
            cell = f", sel {err.cell_index}" if err.cell_index is not None else ""
            galat = f"{err.chapter}{cell}: {err.detail}"
            return Hasil(galat=galat, detik=time.perf_counter() - start, kecamatan=lap.kecamatan, tahun=lap.tahun)
        except Exception as exc:  # noqa: BLE001 - the preview keeps running and shows what failed
            galat = f"penggabungan laporan: {type(exc).__name__}: {exc}"
            return Hasil(galat=galat, detik=time.perf_counter() - start, kecamatan=lap.kecamatan, tahun=lap.tahun)
        finally:
            if self._pool is not None:
                self._pool.isi()  # the next render's kernels start while the planner edits
        ran = {b.name for b in todo}
        return Hasil(
            html=html, detik=time.perf_counter() - start, kecamatan=lap.kecamatan, tahun=lap.tahun,
            dijalankan=tuple(b.name for b in self._bab if b.name in ran),
            dipakai_ulang=tuple(b.name for b in self._bab if b.name not in ran),
        )

    def _jalankan(self, todo: list[_Bab], parameters: dict[str, Any], kunci: dict[str, str]) -> None:
        """Execute ``todo`` in ``lajur`` lanes (one kernel each), the longest (last time) first.

        The lanes are those of ``lkip render`` (:func:`lkip_helpers.render.report.execute_chapters`):
        a lane's kernel computes the report object and starts vl-convert once for all its
        chapters, and every executed notebook is the one a kernel of its own would give.
        """
        from ..render.report import execute_chapters

        order = sorted(todo, key=lambda b: -b.detik)
        for bab in order:
            bab.nb = None
        seconds: dict[str, float] = {}
        executed = execute_chapters(
            [b.path for b in order], [b.name for b in order], self._folder, self._folder, parameters,
            lajur=self.lajur, timeout=int(self.batas_waktu_bab) if self.batas_waktu_bab else None,
            engine_name=self._engine, kernel_manager_class=self._km, step=self._progress, seconds=seconds,
        )
        for bab, nb in zip(order, executed, strict=True):
            bab.nb, bab.kunci, bab.detik = nb, kunci[bab.name], seconds.get(f"eksekusi {bab.name}", bab.detik)

    def tutup(self) -> None:
        """Stop the kernels (pool and zygote) and remove the working folder."""
        from ..batch.kernels import close_zygote

        if self._pool is not None:
            self._pool.tutup()
        close_zygote()  # kills any kernel it forked that still runs
        shutil.rmtree(self._folder, ignore_errors=True)


def _kunci(bab: Sequence[_Bab], sidik: str, parameters: dict[str, Any]) -> dict[str, str]:
    """Per chapter: the hash of everything its output is made of (see the module doc)."""
    from ..render.sidik import code_fingerprint

    common = json.dumps([sidik, parameters, code_fingerprint()], sort_keys=True, default=str)
    return {b.name: hashlib.sha256(common.encode() + b.path.read_bytes()).hexdigest() for b in bab}


def _halaman(bab: Sequence[_Bab], meta: Any) -> str:
    from ..render.stitch import build_report

    return str(build_report([b.nb for b in bab], meta, [b.name for b in bab]).html("layar"))


def _meta_dan_parameter(lap: Any, data: Path, pengaturan: Path | None) -> tuple[Any, dict[str, Any]]:
    """The cover's meta and the chapters' parameters, as a batch render makes them (``batch.task``)."""
    from .. import fmt
    from ..batch.task import _logo
    from ..render.stitch import ReportMeta

    meta = ReportMeta(
        kecamatan=lap.kecamatan, kabupaten=lap.kabupaten, tahun=lap.tahun,
        tanggal=fmt.tanggal(lap.ds.instansi.get("tanggal_ttd"), kosong=""),
        is_contoh=lap.is_contoh, edisi=lap.edisi, logo=_logo(lap),
    )
    parameters: dict[str, Any] = {
        "kecamatan": lap.kecamatan, "tahun": lap.tahun, "data": str(data),
        "pengaturan": str(pengaturan) if pengaturan else "", "final": lap.is_final,
    }
    return meta, parameters
