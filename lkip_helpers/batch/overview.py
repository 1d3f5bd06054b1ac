"""Execute the kabupaten overview notebook and write its page (``<keluaran>/kabupaten/``)."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import RenderError
from ..render.atomic import clear_failed, commit, keep_failed, staging_dir, write_atomic
from ..render.sidik import code_fingerprint
from .index import IndexRow, kabupaten_of, write_ringkasan
from .task import STAMP_FILE, Outcome, read_stamp

__all__ = [
    "OVERVIEW_NAME", "RINGKASAN_FILE", "IkhtisarDini", "OverviewCall", "kumpulkan", "overview_fingerprint",
    "overview_up_to_date", "prepare_overview", "render_overview", "semua_kecamatan",
]

OVERVIEW_NAME = "Ikhtisar kabupaten"
RINGKASAN_FILE = "ringkasan.json"
PAGE = "ikhtisar.html"
NOTEBOOK = "ikhtisar.ipynb"


def kumpulkan(parameter: str | Path, ringkasan: str | Path | None = None) -> list[dict[str, Any]]:
    """The summaries of every kecamatan of a parameter set (one dict per kecamatan).

    ``ringkasan``: a ``ringkasan.json`` written by the batch; else ``<keluaran>/ringkasan.json``
    of the parameter set when it exists; else computed from the data sets (loaded and
    checked like a render), so a planner can open the overview notebook at any time.
    """
    from .params import load_params

    if ringkasan:
        return list(json.loads(Path(ringkasan).read_text(encoding="utf-8"))["kecamatan"])
    params = load_params(parameter)
    stored = params.keluaran / RINGKASAN_FILE
    if stored.exists():
        return list(json.loads(stored.read_text(encoding="utf-8"))["kecamatan"])
    return [_hitung(params.dataset(name), params.pengaturan, name) for name in params.kecamatan]


def semua_kecamatan(parameter: str | Path, ringkasan: str | Path | None = None) -> list[str]:
    """Every kecamatan of the parameter set (what the overview counts its coverage against)."""
    from .params import load_params

    if ringkasan:
        stored = json.loads(Path(ringkasan).read_text(encoding="utf-8"))
        if "semua_kecamatan" in stored:
            return list(stored["semua_kecamatan"])
        return [r["kecamatan"] for r in stored["kecamatan"]]
    return list(load_params(parameter).kecamatan)


def _hitung(data: Path, pengaturan: Path | None, name: str) -> dict[str, Any]:
    from ..checks import periksa
    from ..report.laporan import Laporan

    hasil = periksa(data, pengaturan)
    if hasil.ds is None:
        return {"kecamatan": name, "status": "gagal"}
    return {**Laporan.dari_pemeriksaan(hasil).ringkasan(), "status": "data"}


def overview_fingerprint(notebook: Path, ringkasan: Path) -> str:
    """Hash of the overview's inputs: the notebook, the summaries, the package code."""
    record = [
        hashlib.sha256(notebook.read_bytes()).hexdigest(),
        hashlib.sha256(ringkasan.read_bytes()).hexdigest(),
        code_fingerprint(),
    ]
    return hashlib.sha256(json.dumps(record).encode()).hexdigest()


def overview_up_to_date(out_dir: Path, fingerprint: str) -> bool:
    """True when ``out_dir`` holds a complete overview made from the same inputs."""
    stamp = read_stamp(out_dir)
    return bool(
        stamp
        and stamp.get("fingerprint") == fingerprint
        and (out_dir / PAGE).exists()
        and (out_dir / NOTEBOOK).exists()
    )


#: The arguments of :func:`render_overview`: notebook, folder, kabupaten, tahun, is_contoh, fingerprint.
OverviewCall = tuple[str, str, str, int, bool, str]


def prepare_overview(
    notebook: Path | None, out_dir: Path, summary: Path, kabupaten: str, tahun: int, rows: Sequence[IndexRow],
    force: bool = False,
) -> OverviewCall | None:
    """Write ``summary`` (``ringkasan.json``) from ``rows``; the overview's call when it must be rendered.

    None when there is no overview notebook, or when ``out_dir`` already holds the
    overview of exactly these summaries (unless ``force``).
    """
    kabupaten = kabupaten_of(kabupaten, rows)
    write_ringkasan(summary, kabupaten, tahun, rows)
    if notebook is None or not notebook.exists():
        return None
    fp = overview_fingerprint(notebook, summary)
    if not force and overview_up_to_date(out_dir, fp):
        return None
    contoh = any((r.ringkasan or {}).get("data_status") == "contoh" for r in rows)
    return (str(notebook), str(out_dir), kabupaten, tahun, contoh, fp)


@dataclass(frozen=True)
class IkhtisarDini:
    """The kabupaten overview rendered by a lone report beside its own last stages (``Job.ikhtisar``).

    A batch renders the overview after its last report, from every report's summary.
    When only one report is rendered (``make report``, a planner's one corrected data
    set) the worker knows that summary after its data stage, so once its chapters are
    executed it writes ``ringkasan.json`` as it will be if the report succeeds and renders
    the overview in a thread while it stitches and the browser prints.  The batch then
    finds the overview up to date.  If the report fails, its summary is not the one
    used, the batch's ``ringkasan.json`` differs, and the overview is rendered again.
    """

    notebook: str
    out_dir: str
    summary: str
    kabupaten: str  # "" when the data sets name it
    tahun: int
    rows: tuple[IndexRow, ...]  # every kecamatan of the batch as it stands before this report
    force: bool = False

    def rows_with(self, kecamatan: str, ringkasan: Mapping[str, Any] | None) -> list[IndexRow]:
        """The rows once ``kecamatan``'s report is done with ``ringkasan``."""
        return [replace(r, status="selesai", ringkasan=ringkasan or r.ringkasan, galat="")
                if r.kecamatan == kecamatan else r for r in self.rows]

    def start(self, kecamatan: str, ringkasan: Mapping[str, Any] | None,
              pool: ThreadPoolExecutor) -> Future[Outcome | None]:
        """Render the overview in ``pool`` (None when it is up to date)."""
        return pool.submit(self._render, kecamatan, ringkasan)

    def _render(self, kecamatan: str, ringkasan: Mapping[str, Any] | None) -> Outcome | None:
        call = prepare_overview(Path(self.notebook), Path(self.out_dir), Path(self.summary), self.kabupaten,
                                self.tahun, self.rows_with(kecamatan, ringkasan), self.force)
        return render_overview(*call) if call is not None else None


def render_overview(
    notebook: str, out_dir: str, kabupaten: str, tahun: int, is_contoh: bool, fingerprint: str, fork: bool = True
) -> Outcome:
    """Execute the overview notebook (its summaries: ``../ringkasan.json``) and write the page."""
    from ..render import execute_chapter
    from .engine import register_engine
    from .index import overview_page

    start = time.perf_counter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    km_class = None
    if fork:  # a warm worker's zygote, or a standard kernel in the portable mode
        from .kernels import manager_class

        km_class = manager_class()
    try:
        with staging_dir(out) as tmp:
            try:
                nb = execute_chapter(
                    notebook, tmp / NOTEBOOK, {"ringkasan": "../ringkasan.json"},
                    cwd=out, kernel_manager_class=km_class, engine_name=register_engine(),
                )
            except RenderError as err:
                kept = keep_failed(tmp / NOTEBOOK, out)
                return Outcome(
                    OVERVIEW_NAME, "gagal", time.perf_counter() - start, err.chapter, err.detail,
                    str(kept) if kept else None, out_dir=out_dir,
                )
            write_atomic(tmp / PAGE, overview_page(nb, kabupaten, tahun, is_contoh))
            write_atomic(tmp / STAMP_FILE, json.dumps({"fingerprint": fingerprint}) + "\n")
            commit(tmp, out, [NOTEBOOK, PAGE, STAMP_FILE])
            clear_failed(out)
    except Exception as exc:  # noqa: BLE001 - the kecamatan reports are done; say what went wrong here
        return Outcome(OVERVIEW_NAME, "gagal", time.perf_counter() - start, "halaman", f"{type(exc).__name__}: {exc}",
                       out_dir=out_dir)
    return Outcome(OVERVIEW_NAME, "selesai", round(time.perf_counter() - start, 3), out_dir=out_dir,
                   fingerprint=fingerprint)
