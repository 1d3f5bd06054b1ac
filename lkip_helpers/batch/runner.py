"""A batch from start to end: plan, render (here or on a Dask cluster), index, overview.

:func:`plan` turns a parameter set into jobs and decides, from fingerprints alone, which
reports are up to date (skipped unless ``force``).  :func:`run_batch` renders the rest
on worker processes (:mod:`.local`) or on a Dask cluster (:mod:`.remote`), then writes
``<keluaran>/ringkasan.json`` and ``index.html`` and renders the kabupaten overview
when its inputs changed.  One kecamatan failing never stops the others.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .._platform import current_mode
from ..paths import chapter_name, manifest, settings_files
from .index import IKHTISAR_DIR, IndexRow, index_rows, kabupaten_of, write_index
from .overview import (
    OVERVIEW_NAME,
    IkhtisarDini,
    OverviewCall,
    overview_fingerprint,
    prepare_overview,
    render_overview,
)
from .params import BatchParams
from .rekap import write_rekap
from .task import Job, Outcome, expected_outputs, fingerprint, read_stamp

__all__ = ["BatchResult", "default_lanes", "default_workers", "plan", "run_batch"]
#: Workers' output (kernels, papermill, WeasyPrint), one file per worker process.
LOG_DIR = ".lkip-log"


@dataclass
class BatchResult:
    """The outcome of every kecamatan, the pages written and the wall time."""

    params: BatchParams
    outcomes: list[Outcome]
    index: Path | None = None
    ikhtisar: Outcome | None = None
    detik: float = 0.0
    memori_mb: float = 0.0
    cpu_detik: float = 0.0  # CPU-seconds of the reports rendered now, summed (each: its worker's tree, batch.cpu)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def failed(self) -> list[Outcome]:
        """The kecamatan (and overview) that failed."""
        out = [o for o in self.outcomes if not o.ok]
        return out + ([self.ikhtisar] if self.ikhtisar is not None and not self.ikhtisar.ok else [])


def _settings_files(params: BatchParams) -> list[Path]:
    return settings_files(params.pengaturan)


def plan(params: BatchParams, notebooks: Sequence[Path], force: bool = False) -> tuple[list[Job], list[Outcome]]:
    """Jobs to render and outcomes of the reports already up to date."""
    settings_files = _settings_files(params)
    names = [chapter_name(i, p) for i, p in enumerate(notebooks)]
    jobs, skipped = [], []
    for name in params.kecamatan:
        data = params.dataset(name)
        job = Job(
            kecamatan=name,
            tahun=params.tahun,
            data=str(data),
            out_dir=str(params.out_dir(name)),
            notebooks=tuple(str(p) for p in notebooks),
            formats=params.formats,
            pengaturan=str(params.pengaturan) if params.pengaturan else None,
            batas_waktu_bab=params.batas_waktu_bab,
            final=params.final,
            referensi_docx=_referensi(params),
        )
        job = replace(job, fingerprint=fingerprint(job, settings_files))
        stamp = read_stamp(Path(job.out_dir))
        complete = all(p.exists() for p in expected_outputs(Path(job.out_dir), job.formats, names))
        if not force and stamp and stamp.get("fingerprint") == job.fingerprint and complete:
            skipped.append(Outcome(name, "dilewati", 0.0, ringkasan=stamp.get("ringkasan"), out_dir=job.out_dir))
        else:
            jobs.append(job)
    return jobs, skipped


def run_batch(
    params: BatchParams,
    *,
    workers: int | None = None,
    force: bool = False,
    only: Sequence[str] | None = None,
    scheduler: str | None = None,
    notebooks: Sequence[Path] | None = None,
    overview_notebook: Path | None = None,
    on_event: Callable[[dict[str, Any]], None] | None = None,
    on_start: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Render the batch; see the module doc.

    ``only`` names the kecamatan to render this time (``--kecamatan``); the index and the
    overview still cover the whole parameter set.  ``on_start(n_jobs, steps_per_job)`` and
    ``on_event(event)`` feed a progress display.
    """
    started = time.perf_counter()
    mode = current_mode()  # a bad LKIP_PORTABEL is refused here, not in every worker
    emit = on_event or (lambda _e: None)
    declared = manifest() if notebooks is None or overview_notebook is None else None  # chapters_dir()/bab.yaml
    chapters = [Path(p) for p in notebooks] if notebooks is not None else list(declared.bab if declared else ())
    jobs, outcomes = plan(params.select(only) if only else params, chapters, force)
    steps = len(chapters) + 1 + ("pdf" in params.formats) + ("docx" in params.formats)
    if on_start:
        on_start(len(jobs), steps)
    for o in outcomes:
        emit({"kecamatan": o.kecamatan, "jenis": "dilewati"})
    ov_nb = overview_notebook if overview_notebook is not None else declared.ikhtisar if declared else None
    ov_dir = params.keluaran / IKHTISAR_DIR
    summary_path = params.keluaran / "ringkasan.json"
    done: dict[str, Outcome] = {o.kecamatan: o for o in outcomes}
    ikhtisar: Outcome | None = None

    early: Outcome | None = None  # the overview a lone report rendered beside its own stages

    def write_pages() -> OverviewCall | None:
        """Index rows, ringkasan.json; return the overview call if it must run."""
        nonlocal params, ikhtisar
        rows = index_rows(params.kecamatan, {k: params.out_dir(k) for k in params.kecamatan}, done)
        params = _with_kabupaten(params, rows)
        call = prepare_overview(ov_nb, ov_dir, summary_path, params.kabupaten, params.tahun, rows, force)
        if early is not None and ov_nb is not None and early.fingerprint == overview_fingerprint(ov_nb, summary_path):
            ikhtisar = early  # made from exactly these summaries
            return None
        return call

    if scheduler:
        from .remote import run_dask

        for outcome in run_dask(jobs, scheduler, emit):
            done[outcome.kecamatan] = outcome
        call = write_pages()
        if call is not None:
            ikhtisar = render_overview(*call, fork=False)
    else:
        from .local import run_local

        n = workers or default_workers()
        lajur = default_lanes(len(jobs), n)
        jobs = [replace(job, lajur=lajur) for job in jobs]
        if len(jobs) == 1 and ov_nb is not None and ov_nb.exists():  # the overview beside the lone report
            before = index_rows(params.kecamatan, {k: params.out_dir(k) for k in params.kecamatan}, done)
            beside = IkhtisarDini(str(ov_nb), str(ov_dir), str(summary_path), params.kabupaten, params.tahun,
                                  tuple(before), force)
            jobs = [replace(jobs[0], ikhtisar=beside)]

        def extra() -> tuple[Callable[..., Any], tuple[Any, ...]]:
            call = write_pages()
            return (render_overview, call) if call is not None else (_nothing, ())

        log_dir = params.keluaran / LOG_DIR
        for old in log_dir.glob("pekerja-*.log") if log_dir.is_dir() else []:
            old.unlink(missing_ok=True)
        for item in run_local(jobs, n, emit, extra=extra if jobs else None, log_dir=str(log_dir)):
            if item is None:
                continue
            if item.kecamatan == OVERVIEW_NAME:
                ikhtisar = item
            else:
                done[item.kecamatan] = item
                early = item.ikhtisar or early
        if not jobs:
            call = write_pages()
            if call is not None:
                ikhtisar = render_overview(*call, fork=False)
    rows = index_rows(params.kecamatan, {k: params.out_dir(k) for k in params.kecamatan}, done)
    params = _with_kabupaten(params, rows)
    index = write_index(params.keluaran / "index.html", params.kabupaten, params.tahun, rows, ov_dir / "ikhtisar.html")
    write_rekap(params.keluaran, params.kabupaten, params.tahun, rows)
    ordered = [done[k] for k in params.kecamatan if k in done]
    return BatchResult(
        params,
        ordered,
        index=index,
        ikhtisar=ikhtisar,
        detik=round(time.perf_counter() - started, 3),
        memori_mb=max((o.memori_mb for o in ordered), default=0.0),
        cpu_detik=round(sum(o.cpu_detik for o in ordered), 3),
        extra={"mode": "portabel" if mode.portable else "normal", "alasan_mode": mode.alasan},
    )


def _with_kabupaten(params: BatchParams, rows: Sequence[IndexRow]) -> BatchParams:
    """``params`` naming its kabupaten (:func:`.index.kabupaten_of`)."""
    return params if params.kabupaten else replace(params, kabupaten=kabupaten_of(params.kabupaten, rows))


def _referensi(params: BatchParams) -> bytes | None:
    """The bytes of the parameter set's reference document, when the batch writes DOCX."""
    return params.referensi_docx.read_bytes() if params.referensi_docx and "docx" in params.formats else None


def _nothing() -> None:
    return None


#: Chapters of one report side by side at most (six chapters, the longest a quarter of the time).
MAX_LAJUR = 3


def default_lanes(jobs: int, workers: int, cores: int | None = None) -> int:
    """Chapters of a report executed side by side: the cores the running reports leave idle.

    A batch keeps every core busy with reports (one lane each); a lone report on a
    2-core machine runs its chapters two at a time (``make report``).  Each lane is a
    kernel of its own (~200 MB).
    """
    cores = cores or os.cpu_count() or 1
    running = max(1, min(jobs, workers))
    return max(1, min(MAX_LAJUR, cores // running))


def default_workers() -> int:
    """Worker processes without ``--jobs``: one more than the cores.

    A worker waits about a third of the time for its kernel's messages and for the
    browser's print, so one worker per core leaves the cores idle that long: on the
    2-core machine 31 reports took 6.2 s each with 2 workers, 4.9 s with 3 and 4.9 s
    with 4 (README, benchmark).
    """
    return (os.cpu_count() or 1) + 1
