"""Run jobs on this machine: a pool of worker processes, each with its own kernel zygote.

Workers are spawned (no state inherited from the command, and the start method every
system has: what is sent to them, :class:`~lkip_helpers.batch.task.Job` and the
initializer's arguments, pickles), import papermill, nbconvert, WeasyPrint and
lkip_helpers once, load the Vega bundle once, and start their zygote (see
:mod:`lkip_helpers.batch.kernels`; none in the portable mode,
:mod:`lkip_helpers._platform`); every kecamatan then costs only its own work.  With
Chromium the PDFs of all workers are printed by one browser in this process.
Progress events travel back on a queue.  A worker that dies (killed, out of memory)
fails only the kecamatan it was working on: the pool is rebuilt and the others go on.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue as queue_mod
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..render._pdf_layanan import LayananPdf
from ..render.pdf import pdf_mesin
from .task import Job, Outcome, run_job

__all__ = ["run_local", "warm_up"]

_EVENTS: Any = None


def warm_up() -> None:
    """Pay the per-process costs once: imports, the Vega bundle, the zygote, the PDF engine.

    The zygote and the browser are separate processes: both are started first and
    not waited for, so their imports and start-up run beside this process's own (the
    first kernel waits for the zygote, the first PDF for the browser).  With Chromium
    (``render.pdf.pdf_mesin``) the browser is kept for every later PDF of the worker.
    With WeasyPrint, later PDFs are laid out in child processes
    (``render.pdf.set_isolated``); a forked child inherits the fonts loaded here by one
    small PDF.  In the portable mode (:mod:`lkip_helpers._platform`) there is no zygote,
    and the WeasyPrint child is a spawned interpreter that loads its own fonts.
    """
    import os

    from .._platform import current_mode
    from ..render._pdf_layanan import ENV_LAYANAN
    from ..render.pdf import html_to_pdf, pdf_mesin, set_isolated
    from .kernels import current_zygote
    from .memory import release_memory

    if current_mode().zygote:
        current_zygote()
    mesin = pdf_mesin()
    if mesin == "chromium" and ENV_LAYANAN not in os.environ:  # else the batch's service prints
        from ..render._pdf_chromium import start_browser

        start_browser()
    import nbconvert  # noqa: F401
    import papermill  # noqa: F401

    from ..present import theme as charts_theme
    from ..report import figures as laporan  # noqa: F401

    charts_theme.vega_bundle()
    if mesin == "weasyprint":
        html_to_pdf('<p style="font-family: \'DejaVu Sans\'">lkip <b>tebal</b> <i>miring</i></p>', mesin=mesin)
    set_isolated(mesin == "weasyprint")
    release_memory()


def _init_worker(events: Any, log_dir: str | None) -> None:
    global _EVENTS
    _EVENTS = events
    import atexit
    import os

    atexit.register(_exit_now)  # first: it runs after every exit handler registered from here on

    if log_dir:  # kernel, papermill and WeasyPrint chatter goes to a file, not over the progress bar
        from pathlib import Path

        Path(log_dir).mkdir(parents=True, exist_ok=True)
        fd = os.open(Path(log_dir) / f"pekerja-{os.getpid()}.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)

    warm_up()


def _exit_now() -> None:
    """A worker's last act: end its zygote and browser, then leave without the interpreter's teardown.

    By now multiprocessing has flushed the worker's queues (its own exit function runs
    before the interpreter's), every file it wrote is closed (``write_atomic``), and the
    exit handlers registered after :func:`_init_worker` (the socket folder) have run.
    What is left is freeing pandas, Altair, nbconvert and the rest object by object:
    ~0.6 s that a one-report command would wait for.
    """
    import os
    import sys

    from .kernels import close_zygote

    close_zygote()
    chromium = sys.modules.get("lkip_helpers.render._pdf_chromium")
    if chromium is not None:
        chromium.close_browser()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(0)


def _emit(event: dict[str, Any]) -> None:
    if _EVENTS is not None:
        _EVENTS.put(event)


def _work(job: Job) -> Outcome:
    return run_job(job, _emit)


def _call(fn: Callable[..., Any], args: tuple) -> Any:
    return fn(*args)


def run_local(
    jobs: Sequence[Job],
    workers: int,
    on_event: Callable[[dict[str, Any]], None],
    extra: Callable[[], tuple[Callable[..., Any], tuple]] | None = None,
    log_dir: str | None = None,
) -> Iterator[Outcome | Any]:
    """Yield an :class:`Outcome` per job as they finish (in finishing order).

    ``extra``, when given, is called after the last job finished and returns a
    ``(function, args)`` pair run on one of the warm workers (the kabupaten overview);
    its result is yielded last.  ``log_dir``: where the workers' output goes
    (``pekerja-<pid>.log``); None leaves it on this process's terminal.  With Chromium
    as the PDF engine this process prints the PDFs of every worker with one browser
    (:class:`~lkip_helpers.render._pdf_layanan.LayananPdf`).
    """
    with contextlib.ExitStack() as stack:
        if pdf_mesin() == "chromium":
            layanan = stack.enter_context(LayananPdf())  # one browser for every worker (render._pdf_layanan)
            on_event = _browser_with_chapters(layanan, on_event)
        yield from _run_pool(jobs, workers, on_event, extra, log_dir)


def _browser_with_chapters(
    layanan: LayananPdf, on_event: Callable[[dict[str, Any]], None]
) -> Callable[[dict[str, Any]], None]:
    """``on_event`` that also starts the browser when the first report's chapters begin."""
    started = threading.Event()

    def relay(event: dict[str, Any]) -> None:
        if not started.is_set() and event.get("jenis") == "langkah" and event.get("langkah") != "data":
            started.set()
            layanan.siapkan()
        on_event(event)

    return relay


def _run_pool(
    jobs: Sequence[Job],
    workers: int,
    on_event: Callable[[dict[str, Any]], None],
    extra: Callable[[], tuple[Callable[..., Any], tuple]] | None,
    log_dir: str | None,
) -> Iterator[Outcome | Any]:
    ctx = multiprocessing.get_context("spawn")
    events = ctx.Queue()
    running: dict[str, bool] = {}
    stop = threading.Event()

    def drain() -> None:
        while not stop.is_set():
            try:
                event = events.get(timeout=0.1)
            except queue_mod.Empty:
                continue
            except (EOFError, OSError):
                return
            if event.get("jenis") == "mulai":
                running[event["kecamatan"]] = True
            elif event.get("jenis") == "selesai":
                running.pop(event["kecamatan"], None)
            on_event(event)

    reader = threading.Thread(target=drain, name="lkip-progres", daemon=True)
    reader.start()
    pending = list(jobs)
    fruitless = 0  # pools in a row that broke before any job finished or started
    try:
        while pending:
            before = len(pending)
            pool = ProcessPoolExecutor(
                max_workers=max(1, min(workers, len(pending) + (1 if extra else 0))),
                mp_context=ctx,
                initializer=_init_worker,
                initargs=(events, log_dir),
            )
            futures = {pool.submit(_work, job): job for job in pending}
            broken = False
            try:
                not_done = set(futures)
                while not_done:
                    done, not_done = wait(not_done, return_when=FIRST_COMPLETED)
                    for fut in done:
                        job = futures[fut]
                        try:
                            outcome = fut.result()
                        except BrokenProcessPool:
                            broken = True
                            continue
                        pending.remove(job)
                        yield outcome
                if not broken and extra is not None:
                    fn, args = extra()
                    yield pool.submit(_call, fn, args).result()
                    extra = None
            finally:
                pool.shutdown(wait=not broken, cancel_futures=True)
            if broken:
                _sleep_for_events()
                fruitless = fruitless + 1 if len(pending) == before and not running else 0
                if fruitless >= _MAX_FRUITLESS:  # the workers cannot even start: say so, do not loop
                    for job in list(pending):
                        pending.remove(job)
                        on_event({"kecamatan": job.kecamatan, "jenis": "selesai", "status": "gagal", "detik": 0})
                        yield Outcome(job.kecamatan, "gagal", 0.0, "pekerja", _NO_START, out_dir=job.out_dir)
                    extra = None
                    break
                # the kecamatan that were being rendered when a worker died fail; the rest go again
                for job in list(pending):
                    if job.kecamatan in running:
                        running.pop(job.kecamatan, None)
                        pending.remove(job)
                        outcome = Outcome(
                            job.kecamatan, "gagal", 0.0, "pekerja",
                            "proses pekerja berhenti mendadak (kehabisan memori atau dimatikan)",
                            out_dir=job.out_dir,
                        )
                        on_event({"kecamatan": job.kecamatan, "jenis": "selesai", "status": "gagal", "detik": 0})
                        yield outcome
        if extra is not None:  # every job was done before the pool could run it
            fn, args = extra()
            with ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker, initargs=(events, log_dir)) as pool:
                yield pool.submit(_call, fn, args).result()
    finally:
        stop.set()
        reader.join(timeout=2)
        events.close()


#: Pools in a row allowed to break before any job started (a worker that cannot start at all).
_MAX_FRUITLESS = 2
_NO_START = ("proses pekerja tidak dapat dimulai (lihat log pekerja; skrip Python yang memanggil run_batch "
             "harus memakai 'if __name__ == \"__main__\":')")


def _sleep_for_events() -> None:
    import time

    time.sleep(0.3)  # let the reader thread see the last "mulai" events
