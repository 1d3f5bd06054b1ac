"""One kecamatan of a batch: the job description, its fingerprint, and the work itself.

:class:`Job` is what a worker needs (plain, picklable).  :func:`fingerprint` hashes
every input of a report (the raw bytes of the data files, the notebooks, the package
code, the settings files, the parameters and formats) without loading anything, so the
main process decides in milliseconds what is up to date.  :func:`run_job` runs in a
worker: load and check the data, compute the summary the kabupaten index shows, execute
the chapters on kernels forked from the worker's zygote, stitch, PDF, commit atomically,
and stamp the output folder with the fingerprint, the summary and the wall and CPU
seconds of each stage (CPU of the worker's whole process tree, :mod:`.cpu`; a Dask
worker running several tasks at once in threads counts the others' CPU in each).  It
never raises: a failure is an :class:`Outcome` with status ``"gagal"``, the stage, a
one-line error and the kept failed notebook.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DataError, Level, RenderError, ringkas
from ..paths import slug
from ..render.atomic import FAILED_DIR, write_atomic
from ..render.sidik import code_fingerprint
from .cpu import StageCpu
from .memory import PeakMemory, release_memory

if TYPE_CHECKING:
    from .overview import IkhtisarDini

__all__ = ["STAMP_FILE", "Job", "Outcome", "fingerprint", "read_stamp", "run_job"]

#: Written into ``<out_dir>`` after a successful batch render: fingerprint and summary.
STAMP_FILE = ".lkip-batch.json"

Emit = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to render one kecamatan (paths as text: picklable anywhere)."""

    kecamatan: str
    tahun: int
    data: str
    out_dir: str
    notebooks: tuple[str, ...]
    formats: tuple[str, ...] = ("html", "pdf")
    pengaturan: str | None = None  # settings override file, None = params/default.yaml
    parameters: Mapping[str, Any] = field(default_factory=dict)  # extra notebook parameters (data, pengaturan,
    # kecamatan and tahun are always those of the checked data set)
    kernel_env: Mapping[str, str] = field(default_factory=dict)
    batas_waktu_bab: float | None = 600
    final: bool = False  # the final edition was asked for
    fingerprint: str = ""
    referensi_docx: bytes | None = None  # the DOCX's reference document (bytes: it travels to Dask workers)
    lajur: int = 1  # chapters executed side by side (a lone report on idle cores; render.render_report)
    ikhtisar: IkhtisarDini | None = None  # the overview rendered beside a lone report (batch.overview)

    @property
    def slug(self) -> str:
        """File-system name of the kecamatan."""
        return slug(self.kecamatan)


@dataclass
class Outcome:
    """What became of one kecamatan."""

    kecamatan: str
    status: str  # "selesai", "dilewati" (up to date) or "gagal"
    detik: float = 0.0
    tahap: str = ""  # where it failed: "data", a chapter name, "penggabungan html", "pdf", ...
    galat: str = ""  # the error in one line
    notebook_gagal: str | None = None  # the kept, partly executed notebook
    ringkasan: dict[str, Any] | None = None
    langkah: dict[str, float] = field(default_factory=dict)
    memori_mb: float = 0.0  # peak of worker + zygote + kernels together (PSS, see batch.memory)
    memori_bagian_mb: dict[str, float] = field(default_factory=dict)  # the parts at that peak
    # CPU-seconds of the worker's process tree (worker, zygote, kernels, PDF children, browser;
    # see batch.cpu) per stage as progress names it ("data", each chapter, "penggabungan html",
    # "pdf", "docx"), and for the whole job (the stages and what follows the last one)
    cpu: dict[str, float] = field(default_factory=dict)
    cpu_detik: float = 0.0
    out_dir: str = ""
    fingerprint: str = ""  # of the inputs it was made from (the kabupaten overview)
    ikhtisar: Outcome | None = None  # the overview a lone report rendered beside its own stages (Job.ikhtisar)

    @property
    def ok(self) -> bool:
        """True unless the kecamatan failed."""
        return self.status != "gagal"

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-compatible copy."""
        return asdict(self)


# ------------------------------------------------------------------ fingerprints
def _hash_files(files: Iterable[Path], base: Path) -> list[list[str]]:
    out = []
    for file in sorted(files):
        if file.is_file() and not file.name.startswith("."):
            rel = file.relative_to(base).as_posix()
            out.append([rel, hashlib.sha256(file.read_bytes()).hexdigest()])
    return out


def data_fingerprint(data: Path) -> list[list[str]]:
    """(path, sha256) of every file of a data set folder (or of the workbook)."""
    data = Path(data)
    if data.is_dir():
        return _hash_files(data.rglob("*"), data)
    return _hash_files([data], data.parent) if data.exists() else [["(tidak ada)", str(data)]]


def fingerprint(job: Job, settings_files: Iterable[Path]) -> str:
    """Hash of every input of ``job``'s report (see the module doc)."""
    record = {
        "data": data_fingerprint(Path(job.data)),
        "notebooks": [[Path(p).name, hashlib.sha256(Path(p).read_bytes()).hexdigest()] for p in job.notebooks],
        "code": code_fingerprint(),
        "settings": [[Path(p).name, hashlib.sha256(Path(p).read_bytes()).hexdigest()] for p in settings_files],
        "kecamatan": job.kecamatan,
        "tahun": job.tahun,
        "parameters": dict(job.parameters),
        "final": job.final,
        "formats": sorted(job.formats),
        "referensi_docx": hashlib.sha256(job.referensi_docx).hexdigest() if job.referensi_docx else None,
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode()).hexdigest()


def read_stamp(out_dir: Path) -> dict[str, Any] | None:
    """The stamp of the last successful batch render of ``out_dir`` (None if none or unreadable)."""
    try:
        return json.loads((Path(out_dir) / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def expected_outputs(out_dir: Path, formats: Iterable[str], chapters: Iterable[str]) -> list[Path]:
    """The files a complete render leaves in ``out_dir``."""
    out = [out_dir / f"laporan.{f}" for f in formats]
    for name in chapters:
        out += [out_dir / "notebooks" / f"{name}.ipynb", out_dir / "notebooks" / f"{name}.html"]
    return out


# ------------------------------------------------------------------ the work
def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _data_failure(job: Job, err: DataError, start: float, tahap: str = "data") -> Outcome:
    errors = [p for p in err.problems if p.level is Level.GALAT] or list(err.problems)
    first = str(errors[0]) if errors else str(err)
    more = f" (+{len(errors) - 1} galat lain)" if len(errors) > 1 else ""
    report = Path(job.out_dir) / FAILED_DIR / "masalah-data.txt"
    write_atomic(report, "\n".join(str(p) for p in ringkas(err.problems, per_kelompok=20, maks=2000)) + "\n")
    return Outcome(
        job.kecamatan, "gagal", time.perf_counter() - start, tahap, _one_line(first) + more,
        str(report), out_dir=job.out_dir,
    )


def run_job(job: Job, emit: Emit | None = None) -> Outcome:
    """Render one kecamatan into ``job.out_dir`` (see the module doc); never raises."""
    emit = emit or (lambda _event: None)
    start = time.perf_counter()
    emit({"kecamatan": job.kecamatan, "jenis": "mulai"})
    stages = StageCpu()
    beside: list[Future[Outcome | None]] = []
    with PeakMemory(_zygote_pid) as memory, ThreadPoolExecutor(1, thread_name_prefix="lkip-ikhtisar") as pool:

        def chapters_done(ringkasan: Mapping[str, Any] | None) -> None:
            if job.ikhtisar is not None and not beside:
                beside.append(job.ikhtisar.start(job.kecamatan, ringkasan, pool))

        outcome = _run(job, emit, start, stages, chapters_done)
        finished = time.perf_counter()
        if beside:
            outcome.ikhtisar = _overview_beside(beside[0], outcome)
        release_memory()
    outcome.cpu = stages.finish()  # closes the stage a failure stopped in; a success closed them already
    outcome.cpu_detik = stages.total
    outcome.memori_mb = memory.peak_mb
    outcome.memori_bagian_mb = {k: round(v / 1024, 1) for k, v in memory.peak_parts.items()}
    outcome.detik = round(finished - start, 3)
    emit({"kecamatan": job.kecamatan, "jenis": "selesai", "status": outcome.status, "detik": outcome.detik})
    return outcome


def _overview_beside(future: Future[Outcome | None], outcome: Outcome) -> Outcome | None:
    """The overview rendered beside the report (waited for: nothing of it may outlive the job)."""
    try:
        early = future.result()
    except Exception:  # noqa: BLE001 - the batch renders the overview itself after the job
        return None
    return early if outcome.ok else None


#: Findings that stop a render: the report would be filed under another kecamatan's name or year.
_BLOCKING = frozenset({"instansi.identitas"})


def _run(
    job: Job, emit: Emit, start: float, stages: StageCpu,
    chapters_done: Callable[[Mapping[str, Any] | None], None] = lambda _ringkasan: None,
) -> Outcome:
    from .. import fmt
    from ..checks import periksa
    from ..render import ReportMeta, data_files, render_report
    from ..report.laporan import Laporan
    from .engine import register_engine
    from .kernels import manager_class

    step: dict[str, Any] = {"nama": "data", "ringkasan": None}

    def progress(name: str) -> None:
        step["nama"] = name
        stages.mark(name)
        emit({"kecamatan": job.kecamatan, "jenis": "langkah", "langkah": name})
        if name == "penggabungan html":  # every chapter executed
            chapters_done(step["ringkasan"])

    out_dir = Path(job.out_dir)
    km_class = manager_class(job.batas_waktu_bab, dict(job.kernel_env))
    try:
        progress("data")
        data = Path(job.data).resolve()
        pengaturan = Path(job.pengaturan).resolve() if job.pengaturan else None
        hasil = periksa(data, pengaturan)
        blocking = [p for p in hasil.temuan if p.code in _BLOCKING]
        if blocking:
            raise DataError.from_problems(blocking)
        if job.final and hasil.ds is not None and hasil.syarat_final():
            refused = DataError.from_problems([s.sebagai_galat() for s in hasil.syarat_final()])
            return _data_failure(job, refused, start, tahap="edisi final")
        lap = Laporan.dari_pemeriksaan(hasil, final=job.final)
        try:
            ringkasan = lap.ringkasan()
        except Exception as exc:  # noqa: BLE001 - the report may still render; the index says why not
            ringkasan = {"kecamatan": lap.kecamatan, "galat_ringkasan": _one_line(f"{type(exc).__name__}: {exc}")}
        step["ringkasan"] = ringkasan
        meta = ReportMeta(
            kecamatan=lap.kecamatan,
            kabupaten=lap.kabupaten,
            tahun=lap.tahun,
            tanggal=fmt.tanggal(lap.ds.instansi.get("tanggal_ttd"), kosong=""),
            is_contoh=lap.is_contoh,
            edisi=lap.edisi,
            logo=_logo(lap),
        )
        # The chapters get exactly the data set and settings that were checked here.
        parameters: dict[str, Any] = {
            "kecamatan": lap.kecamatan,
            "tahun": lap.tahun,
            "data": str(data),
            "pengaturan": str(pengaturan) if pengaturan else "",
            "final": lap.is_final,
        }
        parameters.update({k: v for k, v in job.parameters.items() if k not in parameters})
        result = render_report(
            list(job.notebooks),
            parameters,
            out_dir,
            meta,
            formats=job.formats,
            force=True,
            data_files=data_files(lap.ds),
            settings=lap.settings.as_dict(),
            timeout=int(job.batas_waktu_bab) if job.batas_waktu_bab else None,
            kernel_manager_class=km_class,
            engine_name=register_engine(),
            progress=progress,
            referensi_docx=job.referensi_docx,
            lajur=job.lajur,
        )
    except DataError as err:
        return _data_failure(job, err, start)
    except RenderError as err:
        detail = err.detail
        if km_class.timed_out:
            detail = f"bab melebihi batas waktu {job.batas_waktu_bab:g} detik dan dihentikan ({detail})"
        cell = f"sel {err.cell_index}: " if err.cell_index is not None else ""
        return Outcome(
            job.kecamatan, "gagal", 0.0, err.chapter, _one_line(cell + detail), err.notebook_path,
            out_dir=job.out_dir,
        )
    except Exception as exc:  # noqa: BLE001 - one kecamatan's surprise must not stop the batch
        return Outcome(
            job.kecamatan, "gagal", 0.0, step["nama"], _one_line(f"{type(exc).__name__}: {exc}"),
            out_dir=job.out_dir,
        )
    cpu = stages.finish()
    stamp = {"fingerprint": job.fingerprint, "ringkasan": ringkasan, "detik": dict(result.seconds), "cpu": cpu}
    write_atomic(out_dir / STAMP_FILE, json.dumps(stamp, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    return Outcome(
        job.kecamatan, "selesai", 0.0, ringkasan=ringkasan, langkah={k: round(v, 3) for k, v in result.seconds.items()},
        cpu=cpu, out_dir=job.out_dir,
    )


def _logo(lap: Any) -> str:
    """The data set's logo for the cover, re-encoded (a logo that fails the check is never opened)."""
    from ..checks.berkas import logo_aman
    from ..present.display import logo_data_uri

    path, _why = logo_aman(lap.ds)
    return logo_data_uri(path) if path is not None else ""


def _zygote_pid() -> int | None:
    from . import kernels

    z = kernels._ZYGOTE
    return z.process.pid if z is not None and z.alive() else None

