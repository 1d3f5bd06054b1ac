"""Render one kecamatan's report: execute chapters, stitch, PDF, commit atomically."""

from __future__ import annotations

import hashlib
import json
import queue
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..paths import chapter_name
from .atomic import clear_failed, commit, keep_failed, staging_dir, write_atomic
from .execute import DEFAULT_TIMEOUT, SharedKernel, execute_chapter
from .formats import FORMAT_BAWAAN, FORMATS
from .pdf import html_to_pdf, pdf_mesin
from .provenance import Provenance
from .sidik import code_fingerprint
from .stitch import ReportMeta, build_report, notebook_html

__all__ = ["FINGERPRINT_FILE", "FORMATS", "FORMAT_BAWAAN", "RenderResult", "execute_chapters", "render_report"]

FINGERPRINT_FILE = ".lkip-render.json"


@dataclass(frozen=True)
class RenderResult:
    """Where the outputs are; ``skipped`` when up to date and not forced."""

    out_dir: Path
    html: Path | None
    pdf: Path | None
    notebooks: tuple[Path, ...]
    notebook_html: tuple[Path, ...]
    skipped: bool = False
    seconds: Mapping[str, float] = field(default_factory=dict)
    docx: Path | None = None


def _fingerprint(
    notebooks: Sequence[Path],
    parameters: Mapping[str, Any],
    meta: ReportMeta,
    formats: Sequence[str],
    provenance: Provenance,
    referensi: bytes | None = None,
    mesin: str | None = None,
) -> str:
    record = {
        "pdf_mesin": mesin,
        "referensi_docx": hashlib.sha256(referensi).hexdigest() if referensi else None,
        "notebooks": [[p.name, hashlib.sha256(p.read_bytes()).hexdigest()] for p in notebooks],
        "parameters": dict(parameters),
        "meta": asdict(meta),
        "formats": sorted(formats),
        "provenance": provenance.as_dict(),
        "code": code_fingerprint(),
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode()).hexdigest()


def _result(
    out_dir: Path, names: Sequence[str], formats: Sequence[str], skipped: bool, seconds: Mapping[str, float]
) -> RenderResult:
    nbdir = out_dir / "notebooks"
    return RenderResult(
        out_dir=out_dir,
        html=out_dir / "laporan.html" if "html" in formats else None,
        pdf=out_dir / "laporan.pdf" if "pdf" in formats else None,
        docx=out_dir / "laporan.docx" if "docx" in formats else None,
        notebooks=tuple(nbdir / f"{n}.ipynb" for n in names),
        notebook_html=tuple(nbdir / f"{n}.html" for n in names),
        skipped=skipped,
        seconds=dict(seconds),
    )


def _up_to_date(result: RenderResult, fingerprint: str) -> bool:
    stamp = result.out_dir / FINGERPRINT_FILE
    if not stamp.exists() or json.loads(stamp.read_text()).get("fingerprint") != fingerprint:
        return False
    files = [result.html, result.pdf, result.docx, *result.notebooks, *result.notebook_html]
    return all(f.exists() for f in files if f is not None)


def render_report(
    notebooks: Sequence[str | Path],
    parameters: Mapping[str, Any],
    out_dir: str | Path,
    meta: ReportMeta,
    formats: Sequence[str] = FORMAT_BAWAAN,
    force: bool = False,
    data_files: Sequence[tuple[str, str]] = (),
    settings: Mapping[str, Any] | None = None,
    kernel_name: str | None = None,
    timeout: int | None = DEFAULT_TIMEOUT,
    kernel_manager_class: type | None = None,
    engine_name: str | None = None,
    progress: Callable[[str], None] | None = None,
    referensi_docx: bytes | None = None,
    lajur: int = 1,
) -> RenderResult:
    """Execute the chapter notebooks in order and write the report into ``out_dir``.

    Writes ``laporan.html``, ``laporan.pdf``, ``laporan.docx`` (as ``formats`` asks) and
    ``notebooks/NN_xxx.ipynb`` + ``.html``; everything is built in a staging folder and
    moved into ``out_dir`` only when all of it succeeded.  ``data_files`` ((path, sha256)
    pairs) and ``settings`` go into each notebook's provenance.  Without ``force`` an
    output made from the same inputs (notebooks, parameters, meta, data hashes,
    settings, package code) is left as it is and reported as ``skipped``.
    Raises RenderError; the failed notebook is kept in ``out_dir/gagal/``.
    ``kernel_manager_class`` and ``engine_name`` go to :func:`execute_chapter`; ``progress`` is called with
    the name of each step as it starts (chapter names, ``"penggabungan html"``, ``"pdf"``, ``"docx"``).
    ``referensi_docx`` is a reference document (its bytes) whose styles the DOCX takes
    instead of the house ones (:data:`lkip_helpers.render.word.REFERENSI`).
    ``lajur``: chapters executed side by side, each lane in a kernel of its own (a
    single report on a machine with idle cores); the executed notebooks are the same.
    """
    step = progress or (lambda _name: None)
    paths = [Path(p) for p in notebooks]
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        msg = f"format harus salah satu dari {FORMATS}, bukan {list(formats)}"
        raise ValueError(msg)
    out_dir = Path(out_dir)
    kecamatan = str(parameters.get("kecamatan", meta.kecamatan))
    provenance = Provenance(
        data_files=tuple(tuple(pair) for pair in data_files),  # type: ignore[misc]
        parameters=dict(parameters),
        settings=dict(settings or {}),
        tanggal=meta.tanggal or None,
    )
    names = [chapter_name(i, p) for i, p in enumerate(paths)]
    mesin = pdf_mesin() if "pdf" in formats else None
    fingerprint = _fingerprint(paths, parameters, meta, formats, provenance,
                               referensi_docx if "docx" in formats else None, mesin)
    seconds: dict[str, float] = {}
    if not force and _up_to_date(_result(out_dir, names, formats, True, seconds), fingerprint):
        return _result(out_dir, names, formats, True, seconds)

    with staging_dir(out_dir) as tmp:
        nbdir = tmp / "notebooks"
        executed = execute_chapters(
            paths, names, nbdir, out_dir, parameters, lajur=lajur, kernel_name=kernel_name, timeout=timeout,
            provenance=provenance, engine_name=engine_name, kernel_manager_class=kernel_manager_class, step=step,
            seconds=seconds,
        )
        try:
            with ThreadPoolExecutor(1, thread_name_prefix="lkip-cetak") as background:
                _outputs(executed, names, meta, formats, tmp, step, seconds, background, mesin, referensi_docx)
        except Exception as exc:
            detail = f"{type(exc).__name__}: {exc}"
            raise RenderError(kecamatan, "penggabungan laporan", None, detail, None) from exc
        written = ["notebooks", *(f"laporan.{f}" for f in ("docx", "pdf", "html") if f in formats)]
        write_atomic(tmp / FINGERPRINT_FILE, json.dumps({"fingerprint": fingerprint}, indent=1) + "\n")
        commit(tmp, out_dir, [*written, FINGERPRINT_FILE])
        clear_failed(out_dir)
    return _result(out_dir, names, formats, False, seconds)


def _outputs(
    executed: Sequence[Any],
    names: Sequence[str],
    meta: ReportMeta,
    formats: Sequence[str],
    tmp: Path,
    step: Callable[[str], None],
    seconds: dict[str, float],
    background: ThreadPoolExecutor,
    mesin: str | None,
    referensi_docx: bytes | None,
) -> None:
    """Stitch the executed chapters and write the reviewer pages, the report's formats into ``tmp``.

    Chromium prints in a process of its own, so the PDF is printed in ``background``
    while this thread writes the other files; WeasyPrint lays out here or in a child
    forked from here (never beside another thread), in its turn.
    """
    start = time.perf_counter()
    step("penggabungan html")
    report = build_report(executed, meta, names)
    cetak = report.html("cetak", mesin or "weasyprint") if "pdf" in formats else None
    printing: Future[float] | None = None
    if cetak is not None and mesin == "chromium":
        printing = background.submit(_timed, html_to_pdf, cetak, tmp / "laporan.pdf", title=meta.judul_lengkap,
                                     mesin=mesin)
    nbdir = tmp / "notebooks"
    for nb, name in zip(executed, names, strict=True):
        title = f"{name} - Kecamatan {meta.kecamatan} {meta.tahun}"
        write_atomic(nbdir / f"{name}.html", notebook_html(nb, title, edisi=meta.edisi))
    if "html" in formats:
        write_atomic(tmp / "laporan.html", report.html("layar"))
    seconds["penggabungan html"] = time.perf_counter() - start
    if cetak is not None and printing is None:
        step("pdf")
        seconds["pdf"] = _timed(html_to_pdf, cetak, tmp / "laporan.pdf", title=meta.judul_lengkap,
                                mesin=mesin or "weasyprint")
    if "docx" in formats:
        step("docx")
        seconds["docx"] = _timed(_write_docx, report, tmp / "laporan.docx", referensi_docx)
    if printing is not None:
        if not printing.done():
            step("pdf")
        seconds["pdf"] = printing.result()


def _timed(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> float:
    """Call ``fn``; return the seconds it took."""
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def execute_chapters(
    paths: Sequence[Path],
    names: Sequence[str],
    nbdir: Path,
    out_dir: Path,
    parameters: Mapping[str, Any],
    *,
    lajur: int = 1,
    kernel_name: str | None = None,
    timeout: int | None = DEFAULT_TIMEOUT,
    provenance: Provenance | None = None,
    engine_name: str | None = None,
    kernel_manager_class: type | None = None,
    step: Callable[[str], None] = lambda _name: None,
    seconds: dict[str, float] | None = None,
) -> list[Any]:
    """Execute the chapters into ``nbdir``, ``lajur`` at a time; return them in the order given.

    Each lane is one :class:`SharedKernel` taking the next chapter of ``paths`` when it is
    free, so every executed notebook is the one a kernel of its own would give, whichever
    lane ran it.  The first failure stops the lanes from taking more chapters; the
    failure of the earliest chapter is raised, its notebook kept in ``out_dir/gagal/``.
    ``seconds`` receives ``"eksekusi <name>"`` per chapter.
    """
    seconds = seconds if seconds is not None else {}
    lanes = max(1, min(lajur, len(paths)))
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for i in range(len(paths)):
        todo.put(i)
    executed: list[Any] = [None] * len(paths)
    failures: list[tuple[int, BaseException]] = []
    lock = threading.Lock()

    def lane(kernel: SharedKernel) -> None:
        while not failures:
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            start = time.perf_counter()
            with lock:
                step(names[i])
            try:
                executed[i] = execute_chapter(
                    paths[i], nbdir / f"{names[i]}.ipynb", parameters, kernel_name=kernel_name, timeout=timeout,
                    provenance=provenance, engine_name=engine_name, kernel=kernel,
                )
            except BaseException as exc:  # noqa: BLE001 - raised below, in the caller's thread
                with lock:
                    failures.append((i, exc))
                return
            seconds[f"eksekusi {names[i]}"] = time.perf_counter() - start

    kernels = [SharedKernel(kernel_manager_class, kernel_name) for _ in range(lanes)]
    try:
        if lanes == 1:
            lane(kernels[0])
        else:
            with ThreadPoolExecutor(lanes, thread_name_prefix="lkip-lajur") as pool:
                list(pool.map(lane, kernels))
    finally:
        for kernel in kernels:
            kernel.close()
    if failures:
        i, exc = min(failures, key=lambda f: f[0])
        if not isinstance(exc, RenderError):
            raise exc
        kept = keep_failed(nbdir / f"{names[i]}.ipynb", out_dir)
        where = str(kept) if kept else exc.notebook_path
        raise RenderError(exc.kecamatan, names[i], exc.cell_index, exc.detail, where) from exc
    return executed


def _write_docx(report: Any, target: Path, referensi: bytes | None) -> None:
    """The Word edition (imported here: python-docx is needed only for it)."""
    import io

    from .word import report_to_docx

    report_to_docx(report, target, io.BytesIO(referensi) if referensi else None)
