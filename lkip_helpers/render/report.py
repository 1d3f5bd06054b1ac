"""Render one kecamatan's report: execute chapters, stitch, PDF, commit atomically."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..paths import chapter_name
from .atomic import clear_failed, commit, keep_failed, staging_dir, write_atomic
from .execute import DEFAULT_TIMEOUT, SharedKernel, execute_chapter
from .pdf import html_to_pdf, pdf_mesin
from .provenance import Provenance
from .sidik import code_fingerprint
from .stitch import ReportMeta, build_report, notebook_html

__all__ = ["FINGERPRINT_FILE", "FORMATS", "FORMAT_BAWAAN", "RenderResult", "render_report"]

#: Every output format a render can write; without ``--format`` the HTML and the PDF.
FORMATS = ("html", "pdf", "docx")
FORMAT_BAWAAN = ("html", "pdf")
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
        executed = []
        kernel = SharedKernel(kernel_manager_class, kernel_name)
        try:
            for path, name in zip(paths, names, strict=True):
                start = time.perf_counter()
                step(name)
                try:
                    executed.append(
                        execute_chapter(
                            path,
                            nbdir / f"{name}.ipynb",
                            parameters,
                            kernel_name=kernel_name,
                            timeout=timeout,
                            provenance=provenance,
                            engine_name=engine_name,
                            kernel=kernel,
                        )
                    )
                except RenderError as err:
                    kept = keep_failed(nbdir / f"{name}.ipynb", out_dir)
                    where = str(kept) if kept else err.notebook_path
                    raise RenderError(err.kecamatan, name, err.cell_index, err.detail, where) from err
                seconds[f"eksekusi {name}"] = time.perf_counter() - start
        finally:
            kernel.close()
        written = ["notebooks"]
        try:
            start = time.perf_counter()
            step("penggabungan html")
            report = build_report(executed, meta, names)
            for nb, name in zip(executed, names, strict=True):
                write_atomic(
                    nbdir / f"{name}.html",
                    notebook_html(nb, f"{name} - Kecamatan {meta.kecamatan} {meta.tahun}", edisi=meta.edisi),
                )
            if "html" in formats:
                write_atomic(tmp / "laporan.html", report.html("layar"))
                written.append("laporan.html")
            seconds["penggabungan html"] = time.perf_counter() - start
            if "pdf" in formats:
                start = time.perf_counter()
                step("pdf")
                html_to_pdf(report.html("cetak", mesin or "weasyprint"), tmp / "laporan.pdf",
                            title=meta.judul_lengkap, mesin=mesin or "weasyprint")
                written.insert(1, "laporan.pdf")
                seconds["pdf"] = time.perf_counter() - start
            if "docx" in formats:
                start = time.perf_counter()
                step("docx")
                _write_docx(report, tmp / "laporan.docx", referensi_docx)
                written.insert(1, "laporan.docx")
                seconds["docx"] = time.perf_counter() - start
        except Exception as exc:
            detail = f"{type(exc).__name__}: {exc}"
            raise RenderError(kecamatan, "penggabungan laporan", None, detail, None) from exc
        write_atomic(tmp / FINGERPRINT_FILE, json.dumps({"fingerprint": fingerprint}, indent=1) + "\n")
        commit(tmp, out_dir, [*written, FINGERPRINT_FILE])
        clear_failed(out_dir)
    return _result(out_dir, names, formats, False, seconds)


def _write_docx(report: Any, target: Path, referensi: bytes | None) -> None:
    """The Word edition (imported here: python-docx is needed only for it)."""
    import io

    from .word import report_to_docx

    report_to_docx(report, target, io.BytesIO(referensi) if referensi else None)
