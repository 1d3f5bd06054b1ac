"""Run jobs on a Dask distributed cluster: inputs go as bytes, artefacts come back as bytes.

Workers need the ``lkip`` package (same version) but no shared file system: each task
carries its kecamatan's data files, the settings file and (scattered once to every
worker) the chapter notebooks; it renders into a temporary folder on the worker with
the same code as a local run (:func:`lkip_helpers.batch.task.run_job`, kernels forked
from the worker's zygote, or standard kernels where the worker's machine renders in the
portable mode, :mod:`lkip_helpers._platform`) and returns every file of the output folder.  The client
writes them atomically (staging folder + rename), so a failed or lost task never
touches an earlier good report.  Progress comes back as Dask worker events.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..render.atomic import FAILED_DIR, clear_failed, commit, staging_dir
from .task import Job, Outcome, run_job

__all__ = ["Payload", "pack", "render_remote", "run_dask", "unpack"]

TOPIC = "lkip-progres"


@dataclass(frozen=True)
class Payload:
    """A job with its inputs as bytes (relative path -> content)."""

    job: Job
    data_name: str  # folder or workbook name of the data set
    data: Mapping[str, bytes]
    settings: tuple[str, bytes] | None
    layanan_pdf: str = ""  # the client's PDF service (render._pdf_layanan), for workers on its machine


def _read_tree(root: Path) -> dict[str, bytes]:
    if root.is_file():
        return {root.name: root.read_bytes()}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _write_tree(root: Path, files: Mapping[str, bytes]) -> None:
    for rel, content in files.items():
        target = root / rel
        if ".." in Path(rel).parts or Path(rel).is_absolute():
            msg = f"nama berkas tidak aman dalam paket: {rel}"
            raise ValueError(msg)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def pack(job: Job) -> Payload:
    """Read a job's inputs into a :class:`Payload`."""
    data = Path(job.data)
    settings = None
    if job.pengaturan:
        p = Path(job.pengaturan)
        settings = (p.name, p.read_bytes())
    files = _read_tree(data) if data.is_dir() else ({data.name: data.read_bytes()} if data.exists() else {})
    return Payload(job, data.name if data.is_dir() else "", files, settings)


def unpack(outcome: Outcome, files: Mapping[str, bytes], out_dir: Path) -> Outcome:
    """Write a task's artefacts into ``out_dir`` atomically; return the outcome with local paths."""
    if outcome.ok:
        with staging_dir(out_dir) as tmp:
            _write_tree(tmp, {k: v for k, v in files.items() if not k.startswith(f"{FAILED_DIR}/")})
            names = [n for n in ("notebooks", "laporan.pdf", "laporan.docx", "laporan.html", ".lkip-render.json",
                                  ".lkip-batch.json")
                     if (tmp / n).exists()]
            commit(tmp, out_dir, names)
            clear_failed(out_dir)
    else:
        failed = {k.split("/", 1)[1]: v for k, v in files.items() if k.startswith(f"{FAILED_DIR}/")}
        if failed:
            with staging_dir(out_dir) as tmp:
                _write_tree(tmp / FAILED_DIR, failed)
                commit(tmp, out_dir, [FAILED_DIR])
            name = Path(outcome.notebook_gagal or next(iter(failed))).name
            outcome = replace(outcome, notebook_gagal=str(out_dir / FAILED_DIR / name))
        else:
            outcome = replace(outcome, notebook_gagal=None)
    return replace(outcome, out_dir=str(out_dir))


_WARM: list[bool] = []
_WARM_LOCK = threading.Lock()


def render_remote(payload: Payload, notebooks: Mapping[str, bytes]) -> tuple[Outcome, dict[str, bytes]]:
    """On a worker: unpack the inputs in a temporary folder, render, return the artefacts.

    The first task of a worker process warms it up as a local worker is
    (:func:`~lkip_helpers.batch.local.warm_up`: zygote, Vega bundle, fonts, PDFs in a
    forked child), so that a long-lived Dask worker does not grow from report to report.
    """
    with _WARM_LOCK:  # a worker started with several threads warms up once
        if not _WARM:
            from .local import warm_up

            _use_service(payload.layanan_pdf)
            warm_up()
            _WARM.append(True)
    job = payload.job
    work = Path(tempfile.mkdtemp(prefix=f"lkip-{job.slug}-"))
    try:
        data_root = work / "data"
        if payload.data_name:
            data = data_root / str(job.tahun) / payload.data_name
            _write_tree(data, payload.data)
        else:
            (name, content), = payload.data.items()
            data = data_root / str(job.tahun) / name
            _write_tree(data.parent, {name: content})
        nb_dir = work / "notebooks"
        _write_tree(nb_dir, notebooks)
        settings = None
        if payload.settings:
            settings = work / "params" / payload.settings[0]
            _write_tree(settings.parent, {payload.settings[0]: payload.settings[1]})
        local = replace(
            job,
            data=str(data),
            out_dir=str(work / "keluaran" / job.slug),
            notebooks=tuple(str(nb_dir / Path(p).name) for p in job.notebooks),
            pengaturan=str(settings) if settings else None,
        )
        outcome = run_job(local, _worker_emit)
        out = Path(local.out_dir)
        files = _read_tree(out) if out.exists() else {}
        return outcome, files
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _use_service(spec: str) -> None:
    """Print with the client's one browser when this worker is on the client's machine, else with this machine's.

    The client's service address is a socket path (a pipe name on Windows): it exists
    here only on that machine.  Elsewhere the workers of a machine share one browser
    (:func:`lkip_helpers.render._pdf_bersama.layanan_mesin`); where that cannot be, a
    worker prints with a browser of its own.
    """
    import os

    from ..render._pdf_bersama import layanan_mesin
    from ..render._pdf_layanan import ENV_LAYANAN, terjangkau
    from ..render.pdf import pdf_mesin

    if spec and terjangkau(spec):
        os.environ[ENV_LAYANAN] = spec
        return
    shared = layanan_mesin() if pdf_mesin() == "chromium" else None
    if shared:
        os.environ[ENV_LAYANAN] = shared


def _worker_emit(event: dict[str, Any]) -> None:
    try:
        from distributed import get_worker

        get_worker().log_event(TOPIC, event)
    except Exception:  # noqa: BLE001,S110 - progress is best effort
        pass


def run_dask(jobs: Sequence[Job], address: str, emit: Callable[[dict[str, Any]], None]) -> Iterator[Outcome]:
    """Submit ``jobs`` to the scheduler at ``address``; yield outcomes as they arrive.

    At most twice as many tasks as the cluster has worker threads are in flight, so the
    client never holds the inputs of thousands of kecamatan at once.
    """
    import contextlib
    import os

    from distributed import Client, as_completed

    from ..render._pdf_layanan import ENV_LAYANAN, LayananPdf
    from ..render.pdf import pdf_mesin

    if not jobs:
        return
    from ._dask_profil import TanpaProfil

    with contextlib.ExitStack() as stack, Client(address, set_as_default=False) as client:
        client.register_plugin(TanpaProfil())  # a profiled worker grows ~1.4 MB per report (_dask_profil)
        if pdf_mesin() == "chromium":  # workers on this machine share its one browser
            stack.enter_context(LayananPdf()).siapkan()
        layanan = os.environ.get(ENV_LAYANAN, "")
        client.subscribe_topic(TOPIC, lambda event: emit(event[1]))
        notebooks = {Path(p).name: Path(p).read_bytes() for p in jobs[0].notebooks}
        [nb_future] = client.scatter([notebooks], broadcast=True, hash=False)
        threads = sum(client.nthreads().values()) or 1
        window = max(2 * threads, 2)
        queue = list(jobs)
        by_key: dict[str, Job] = {}

        def submit() -> Any:
            job = queue.pop(0)
            future = client.submit(
                render_remote, replace(pack(job), layanan_pdf=layanan), nb_future, key=f"lkip-{job.slug}-{job.fingerprint[:12]}", pure=False,
                retries=0,
            )
            by_key[future.key] = job
            return future

        pending = as_completed([submit() for _ in range(min(window, len(queue)))], loop=client.loop)
        for future in pending:
            job = by_key.pop(future.key)
            try:
                outcome, files = future.result()
                outcome = unpack(outcome, files, Path(job.out_dir))
            except Exception as exc:  # noqa: BLE001 - a lost worker fails this kecamatan only
                outcome = Outcome(job.kecamatan, "gagal", 0.0, "dask", f"{type(exc).__name__}: {exc}",
                                  out_dir=job.out_dir)
                emit({"kecamatan": job.kecamatan, "jenis": "selesai", "status": "gagal", "detik": 0})
            yield outcome
            if queue:
                pending.add(submit())
