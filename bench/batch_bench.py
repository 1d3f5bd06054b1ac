"""Benchmark: K kecamatan rendered three ways in one run (not a test).

    .venv/bin/python bench/batch_bench.py --k 31            # all of Jember
    .venv/bin/python bench/batch_bench.py --k 31 --naive-k 4  # naive on 4, per report
    .venv/bin/python bench/batch_bench.py --demo 200 --skip-naive --skip-floor  # scale

1. naive: per chapter ``papermill`` CLI (fresh kernel) then ``jupyter nbconvert --to
   html`` CLI, sequential; then one ``python`` process stitching the report and the PDF
   engine's own CLI (``chromium --print-to-pdf`` or ``weasyprint``, the batch's engine).
   Same artefacts as the batch.
2. batch: ``run_batch`` (what ``lkip render --params`` runs) from clean, with ``--jobs``
   workers; then a re-run with nothing changed; then one data file changed.
3. floor: one Python process, no kernel: every chapter's cells executed in-process,
   the displayed tables/charts collected and written as one HTML page per kecamatan
   (no executed notebooks, no PDF).

Prints for each way the wall time and the CPU-seconds per report, naive/batch and
batch/floor in both, the batch's wall and CPU per stage (data, the chapters together
and each, stitch, PDF, Word), the re-run times and the peak memory of one worker (the
largest sum of the PSS of worker, zygote and live kernels, sampled while each job runs:
``lkip_helpers.batch.memory``), and writes ``results.json`` in the work folder.  Data
sets are copied into the work folder, so the project's data is never touched.

CPU is measured three ways:

* **process tree** (the figure compared): this process's own CPU
  (``time.process_time()``) plus that of every child it has waited for and of what those
  waited for (``getrusage(RUSAGE_CHILDREN)``), as deltas around the way.  Every child of
  all three ways is waited for before the figure is read (``subprocess.run``; the batch's
  worker pool is joined, a worker's zygote waits for its kernels and the worker for its
  zygote and browser), so this is the whole tree: workers with their warm-up, zygotes,
  kernels, PDF children, Chromium, and the main process (plan, index, overview).  A
  process re-parented to init (its parent died first) is missing from it.
* **in the workers** (batch only): the sum of each report's ``cpu_detik``
  (``lkip_helpers.batch.cpu``: the worker's tree from the report's first stage to its
  end), also split by stage.  Tree minus this sum is what is paid outside the reports
  (worker start and warm-up, the kabupaten overview, the main process).
* **machine** (cross-check): busy time of all CPUs from ``/proc/stat`` (user, nice,
  system, irq, softirq; not idle, iowait or steal) around the way.  It includes every
  other process of the machine, so it is at least the tree figure on a quiet machine and
  more on a shared one.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} inti ({cpu}), {mem:.0f} GB RAM, Python {platform.python_version()}, {platform.system()}"


def chapter_name(index: int, path: Path) -> str:
    """The name a chapter's stage has in the batch (``lkip_helpers.paths.chapter_name``)."""
    from lkip_helpers.paths import chapter_name as name

    return name(index, path)


def _chapters() -> list[Path]:
    from lkip_helpers.paths import chapter_notebooks

    return chapter_notebooks()


# ----------------------------------------------------------------------- CPU
def _tree_cpu() -> float:
    """CPU-seconds of this process and of every child it (or they) waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _machine_cpu() -> float | None:
    """Busy CPU-seconds of the whole machine since boot (``/proc/stat``); None without it."""
    try:
        first = Path("/proc/stat").read_text().splitlines()[0].split()
    except (OSError, IndexError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq = (int(v) for v in first[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


class Meter:
    """Wall time, process-tree CPU and machine CPU between ``start()`` and ``stop()``."""

    def __init__(self) -> None:
        self.wall = self.tree = 0.0
        self.machine: float | None = 0.0
        self._marks: tuple[float, float, float | None] = (0.0, 0.0, None)

    def start(self) -> Meter:
        self._marks = (time.perf_counter(), _tree_cpu(), _machine_cpu())
        return self

    def stop(self) -> Meter:
        wall, tree, machine = self._marks
        self.wall += time.perf_counter() - wall
        self.tree += _tree_cpu() - tree
        now = _machine_cpu()
        self.machine = None if machine is None or now is None or self.machine is None else (
            self.machine + now - machine)
        return self

    def as_dict(self, reports: int) -> dict[str, Any]:
        per = max(reports, 1)
        out: dict[str, Any] = {"wall_s": round(self.wall, 2), "cpu_tree_s": round(self.tree, 2),
                               "cpu_machine_s": None if self.machine is None else round(self.machine, 2)}
        out |= {f"{k}_per_report": None if v is None else round(v / per, 3) for k, v in list(out.items())}
        return out


def _stages(outcomes: list[Any], chapters: list[str]) -> dict[str, Any]:
    """Mean wall and CPU seconds per report of each stage of the batch's reports."""
    done = [o for o in outcomes if o.status == "selesai"]
    n = max(len(done), 1)
    order = ["data", *chapters, "penggabungan html", "pdf", "docx"]
    wall_key = {name: f"eksekusi {name}" for name in chapters}
    rows: dict[str, Any] = {}
    for name in order:
        cpu = [o.cpu.get(name) for o in done if name in o.cpu]
        if not cpu:
            continue
        wall = [o.langkah.get(wall_key.get(name, name)) for o in done]
        rows[name] = {"wall_s": round(sum(w for w in wall if w is not None) / n, 3) if any(wall) else None,
                      "cpu_s": round(sum(cpu) / n, 3)}
    together = [rows[c] for c in chapters if c in rows]
    if together:
        rows["bab (semua)"] = {"wall_s": round(sum(r["wall_s"] or 0 for r in together), 3),
                               "cpu_s": round(sum(r["cpu_s"] for r in together), 3)}
    rows["laporan (di pekerja)"] = {"wall_s": round(sum(o.detik for o in done) / n, 3),
                                    "cpu_s": round(sum(o.cpu_detik for o in done) / n, 3)}
    return rows


def _dataset(data_root: Path, name: str) -> str:
    """The kecamatan's data set, found as the batch finds it (the chapters' ``data`` parameter)."""
    from lkip_helpers.paths import dataset_in

    return str(dataset_in(data_root / "2023", name))


# ----------------------------------------------------------------------- naive
_STITCH = """
import sys, nbformat
from pathlib import Path
from lkip_helpers.render import ReportMeta, build_report
out, kec = Path(sys.argv[1]), sys.argv[2]
nbs = sorted((out / "notebooks").glob("*.ipynb"))
rep = build_report([nbformat.read(p, as_version=4) for p in nbs], ReportMeta(kec, "Jember", 2023), [p.stem for p in nbs])
(out / "laporan.html").write_text(rep.html("layar"), encoding="utf-8")
(out / "cetak.html").write_text(rep.html("cetak", sys.argv[3]), encoding="utf-8")
"""


def _pdf_command(mesin: str, page: Path, pdf: Path) -> list[str | Path]:
    """The PDF the naive way: the engine's own command line, as the batch's engine (one print)."""
    if mesin == "weasyprint":
        return [BIN / "weasyprint", page, pdf]
    from lkip_helpers.render._pdf_chromium import find_browser

    sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
    return [str(find_browser()), "--headless", *sandbox, "--disable-gpu", "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}", page.as_uri()]


def naive(names: list[str], data_root: Path, out: Path, formats: tuple[str, ...], meter: Meter) -> list[float]:
    """Per chapter ``papermill`` CLI and ``jupyter nbconvert`` CLI, then stitch, then the PDF engine's CLI.

    The PDF engine is the batch's (``render.pdf.pdf_mesin``); with Chromium the naive way
    prints once, without the Daftar Isi's page numbers, so it is if anything cheaper.
    """
    from lkip_helpers.render.pdf import pdf_mesin

    mesin = pdf_mesin()
    env = {**os.environ, "LKIP_DATA": str(data_root)}
    times = []
    for name in names:
        start = time.perf_counter()
        meter.start()
        target = out / name.lower()
        (target / "notebooks").mkdir(parents=True, exist_ok=True)
        for nb in _chapters():
            executed = target / "notebooks" / nb.name
            subprocess.run(
                [BIN / "papermill", nb, executed, "-p", "kecamatan", name, "-p", "tahun", "2023",
                 "-p", "data", _dataset(data_root, name),
                 "--cwd", nb.parent, "-k", "python3", "--no-progress-bar"],
                check=True, env=env, capture_output=True,
            )
            subprocess.run([BIN / "jupyter-nbconvert", "--to", "html", executed], check=True, env=env,
                           capture_output=True)
        subprocess.run([sys.executable, "-c", _STITCH, target, name, mesin], check=True, env=env, capture_output=True)
        if "pdf" in formats:
            subprocess.run(_pdf_command(mesin, target / "cetak.html", target / "laporan.pdf"), check=True, env=env,
                           capture_output=True)
        tree = meter.tree
        meter.stop()
        times.append(time.perf_counter() - start)
        print(f"  naif {name}: {times[-1]:.1f} dtk, CPU {meter.tree - tree:.1f} dtk", flush=True)
    return times


def _with_dask_cluster(jobs: int, work: Any) -> Any:
    """``work(address)`` with a scheduler and ``jobs`` single-threaded worker processes on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, memory_limit="1.5GB") as cluster:
        return work(cluster.scheduler_address)


# ----------------------------------------------------------------------- floor
def floor(names: list[str], data_root: Path, out: Path, meter: Meter) -> list[float]:
    """Execute every chapter's cells in this process, collect what they display, write HTML."""
    import IPython.display
    import nbformat

    from lkip_helpers.present import theme as charts_theme

    os.environ["LKIP_DATA"] = str(data_root)
    shown: list[Any] = []
    IPython.display.display = lambda *objs, **_kw: shown.extend(objs)  # type: ignore[assignment]
    sources = [nbformat.read(p, as_version=4) for p in _chapters()]
    times = []
    for name in names:
        start = time.perf_counter()
        meter.start()
        parts, charts = [], []
        for nb in sources:
            ns: dict[str, Any] = {}
            shown.clear()
            for cell in nb.cells:
                if cell.cell_type != "code":
                    continue
                tree = ast.parse(cell.source)
                last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
                exec(compile(tree, "<sel>", "exec"), ns)  # noqa: S102 - our own notebooks
                if "parameters" in cell.metadata.get("tags", []):
                    ns.update(kecamatan=name, tahun=2023, data=_dataset(data_root, name))
                if last is not None:
                    value = eval(compile(ast.Expression(last.value), "<sel>", "eval"), ns)  # noqa: S307
                    if value is not None:
                        shown.append(value)
            for obj in shown:
                if hasattr(obj, "_repr_mimebundle_"):
                    data, meta = obj._repr_mimebundle_()
                    parts.append(data.get("text/html", ""))
                    info = meta.get("lkip", {})
                    spec = next((v for k, v in data.items() if k.startswith("application/vnd.vegalite")), None)
                    if spec is not None and "chart_id" in info:
                        charts.append((info["chart_id"], charts_theme.spec_json_for_script(spec)))
                elif hasattr(obj, "_repr_html_"):
                    parts.append(obj._repr_html_())
        calls = "\n".join(f'vegaEmbed("#{cid}", {spec});' for cid, spec in charts)
        page = (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{name}</title></head><body>"
            + "\n".join(parts)
            + f"<script>{charts_theme.vega_bundle()}</script><script>{calls}</script></body></html>"
        )
        (out / name.lower()).mkdir(parents=True, exist_ok=True)
        (out / name.lower() / "laporan.html").write_text(page, encoding="utf-8")
        meter.stop()
        times.append(time.perf_counter() - start)
    return times


# ----------------------------------------------------------------------- batch
def batch(params: Any, jobs: int, chapters: list[str], scheduler: str | None = None) -> dict[str, Any]:
    """``run_batch`` clean, again with nothing changed, again with one data file changed.

    ``scheduler``: the Dask path (``lkip render --dask-scheduler``) instead of local workers.
    """
    from functools import partial

    from lkip_helpers.batch import run_batch as run

    run_batch = partial(run, scheduler=scheduler)
    wall = time.time()
    meter = Meter().start()
    clean = run_batch(params, workers=jobs, force=True)
    meter.stop()
    t_clean = meter.wall
    # linear growth: when the 25/50/75/100 % of the reports were done (their stamps' times)
    done = sorted(
        (params.out_dir(k) / ".lkip-batch.json").stat().st_mtime - wall
        for k in params.kecamatan
        if (params.out_dir(k) / ".lkip-batch.json").exists()
    )
    quartiles = {f"{q}%": round(done[max(0, len(done) * q // 100 - 1)], 1) for q in (25, 50, 75, 100)} if done else {}
    failed = [o.kecamatan for o in clean.failed]
    start = time.perf_counter()
    again = run_batch(params, workers=jobs)
    t_again = time.perf_counter() - start
    changed_file = params.dataset(params.kecamatan[0]) / "instansi.yaml"
    changed_file.write_text(changed_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    start = time.perf_counter()
    one = run_batch(params, workers=jobs)
    t_one = time.perf_counter() - start
    return {
        "clean_s": t_clean,
        "failed": failed,
        "unchanged_s": t_again,
        "unchanged_skipped": sum(o.status == "dilewati" for o in again.outcomes),
        "one_changed_s": t_one,
        "one_changed_rendered": [o.kecamatan for o in one.outcomes if o.status == "selesai"],
        "peak_worker_mb": clean.memori_mb,
        "peak_worker_parts_mb": max(clean.outcomes, key=lambda o: o.memori_mb).memori_bagian_mb
        if clean.outcomes else {},
        "peak_worker_mb_by_report": [o.memori_mb for o in clean.outcomes],
        "done_at_s": quartiles,
        "per_report_steps": [o.langkah for o in clean.outcomes[:3]],
        "report_s": [o.detik for o in clean.outcomes],
        "cpu": meter.as_dict(len(params.kecamatan)) | {
            "cpu_workers_s": clean.cpu_detik,
            "cpu_workers_s_per_report": round(clean.cpu_detik / max(len(clean.outcomes), 1), 3)},
        "stages": _stages(clean.outcomes, chapters),
        "report_cpu_s": [o.cpu_detik for o in clean.outcomes],
    }


def _ratios(res: dict[str, Any], ways: dict[str, dict[str, Any]]) -> dict[str, float]:
    """naive/batch and batch/floor in wall time (whole runs) and in CPU-seconds per report."""
    out: dict[str, float] = {}
    b = res["batch"]
    cpu = {name: w["cpu_tree_s_per_report"] for name, w in ways.items()}
    if "naive_s" in res:
        out["naive/batch wall"] = round(res["naive_s"] / b["clean_s"], 2)
        out["naive/batch cpu"] = round(cpu["naif"] / cpu["batch"], 2) if cpu["batch"] else 0.0
    if "floor_s" in res:
        out["batch/floor wall"] = round(b["clean_s"] / res["floor_s"], 2)
        out["batch/floor cpu"] = round(cpu["batch"] / cpu["lantai"], 2) if cpu["lantai"] else 0.0
    return out


def _num(value: float | None, width: int = 8, digits: int = 1) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:{width}.{digits}f}"


def _print_ways(res: dict[str, Any], ways: dict[str, dict[str, Any]], k: int, jobs: int) -> None:
    """One row per way: wall and CPU (process tree, machine), in total and per report."""
    print(f"{'':8}{'dinding (dtk)':>20}{'CPU pohon proses (dtk)':>26}{'CPU mesin (dtk)':>22}")
    print(f"{'cara':8}{'total':>10}{'/laporan':>10}{'total':>13}{'/laporan':>13}{'total':>11}{'/laporan':>11}  catatan")
    notes = {"naif": "", "batch": f"--jobs {jobs}", "lantai": "1 proses, HTML saja"}
    if "naive_sample" in res and res["naive_sample"] != k:
        notes["naif"] = f"diukur pada {res['naive_sample']} laporan (total = per laporan x {k})"
    for name in ("naif", "batch", "lantai"):
        w = ways.get(name)
        if w is None:
            continue
        n = res["naive_sample"] if name == "naif" else k
        scale = k / n  # the naive way measured on fewer reports: totals are per report x k
        machine = None if w["cpu_machine_s"] is None else w["cpu_machine_s"] * scale
        wall = res["naive_s"] if name == "naif" else w["wall_s"]
        print(f"{name:8}{_num(wall, 10)}{_num(w['wall_s_per_report'], 10, 2)}{_num(w['cpu_tree_s'] * scale, 13)}"
              f"{_num(w['cpu_tree_s_per_report'], 13, 2)}{_num(machine, 11)}"
              f"{_num(w['cpu_machine_s_per_report'], 11, 2)}  {notes[name]}")
    b = ways["batch"]
    # the process tree counts children once they have ended: Dask's workers outlive the batch
    outside = ("CPU pohon proses = klien saja (pekerja Dask masih hidup; lihat CPU mesin)" if res.get("dask") else
               f"di luar laporan (mulai dan pemanasan pekerja, ikhtisar kabupaten, proses utama): "
               f"{b['cpu_tree_s'] - b['cpu_workers_s']:.1f} dtk")
    print(f"batch, CPU di pekerja (jumlah cpu_detik laporan): {b['cpu_workers_s']:.1f} dtk = "
          f"{b['cpu_workers_s_per_report']:.2f} dtk/laporan; {outside}")
    r = res["ratios"]
    if "naive/batch wall" in r:
        print(f"naif/batch   = {r['naive/batch wall']:.1f}x dinding, {r['naive/batch cpu']:.1f}x CPU per laporan")
    if "batch/floor wall" in r:
        print(f"batch/lantai = {r['batch/floor wall']:.2f}x dinding, {r['batch/floor cpu']:.2f}x CPU per laporan")


def _print_stages(stages: dict[str, Any], chapters: list[str], cpu: dict[str, Any]) -> None:
    """The batch's mean wall and CPU seconds per report, stage by stage."""
    print("batch per tahap (rata-rata per laporan; CPU = pohon proses pekerja):")
    print(f"  {'tahap':28}{'dinding':>9}{'CPU':>9}")
    for name in ("data", "bab (semua)", *chapters, "penggabungan html", "pdf", "docx", "laporan (di pekerja)"):
        row = stages.get(name)
        if row is not None:
            label = f"  {name}" if name in chapters else name
            print(f"  {label:28}{_num(row['wall_s'], 9, 2)}{_num(row['cpu_s'], 9, 2)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--k", type=int, default=31, help="jumlah kecamatan Jember (urut abjad)")
    ap.add_argument("--demo", type=int, default=0, help="pakai N kecamatan sintetis (lkip demo-data --jumlah N)")
    ap.add_argument("--naive-k", type=int, default=None, help="jalankan cara naif hanya pada N kecamatan pertama")
    ap.add_argument("--jobs", type=int, default=None,
                    help="proses pekerja batch (bawaan: seperti lkip render, jumlah inti + 1)")
    ap.add_argument("--format", default="html,pdf", help="format laporan, dipisah koma: html,pdf,docx")
    ap.add_argument("--work", type=Path, default=None, help="folder kerja (bawaan: folder sementara)")
    ap.add_argument("--dask", action="store_true",
                    help="batch lewat Dask: scheduler dan --jobs pekerja (1 thread) di 127.0.0.1")
    ap.add_argument("--skip-naive", action="store_true", help="tanpa cara naif")
    ap.add_argument("--skip-floor", action="store_true", help="tanpa lantai")
    args = ap.parse_args()
    formats = tuple(f for f in args.format.split(",") if f)

    from lkip_helpers.batch import load_params
    from lkip_helpers.batch.params import BatchParams

    work = args.work or Path(tempfile.mkdtemp(prefix="lkip-bench-"))
    data_root = work / "data"
    if args.demo:
        from lkip_helpers.data.demo import write_demo_data

        folders = write_demo_data(jumlah=args.demo, out_dir=data_root / "2023")
        names = [" ".join(w.capitalize() for w in f.name.split("-")) for f in folders]
    else:
        names = list(load_params(ROOT / "params" / "jember-2023.yaml").kecamatan[: args.k])
        for n in names:
            shutil.copytree(ROOT / "data" / "2023" / n.lower(), data_root / "2023" / n.lower(), dirs_exist_ok=True)
    if args.jobs is None:
        from lkip_helpers.batch.runner import default_workers

        args.jobs = default_workers()
    params = BatchParams(kabupaten="Jember", tahun=2023, kecamatan=tuple(names), data=data_root / "2023",
                         keluaran=work / "batch" / "2023", formats=formats)
    print(f"Mesin: {_machine()}\nFolder kerja: {work}\n{len(names)} kecamatan, format {','.join(formats)}, "
          f"{len(_chapters())} bab, --jobs {args.jobs}", flush=True)

    res: dict[str, Any] = {"machine": _machine(), "k": len(names), "jobs": args.jobs, "formats": formats,
                           "dask": args.dask}
    chapters = [chapter_name(i, nb) for i, nb in enumerate(_chapters())]
    if args.dask:
        res["batch"] = _with_dask_cluster(args.jobs, lambda address: batch(params, args.jobs, chapters, address))
    else:
        res["batch"] = batch(params, args.jobs, chapters)
    b = res["batch"]
    print(f"batch: {b['clean_s']:.1f} dtk ({b['clean_s'] / len(names):.2f} dtk/laporan), "
          f"CPU {b['cpu']['cpu_tree_s']:.1f} dtk, gagal: {b['failed'] or '-'}", flush=True)
    ways: dict[str, dict[str, Any]] = {}
    if not args.skip_floor:
        meter = Meter()
        t = floor(names, data_root, work / "lantai", meter)
        res["floor_s"] = sum(t)
        res["floor_cpu"] = ways["lantai"] = meter.as_dict(len(names))
        print(f"lantai: {sum(t):.1f} dtk ({sum(t) / len(names):.2f} dtk/laporan), CPU {meter.tree:.1f} dtk", flush=True)
    if not args.skip_naive:
        sample = names[: args.naive_k or len(names)]
        meter = Meter()
        t = naive(sample, data_root, work / "naif", formats, meter)
        res["naive_sample"] = len(sample)
        res["naive_per_report_s"] = sum(t) / len(t)
        res["naive_s"] = sum(t) / len(t) * len(names)
        res["naive_cpu"] = ways["naif"] = meter.as_dict(len(sample))
    ways["batch"] = b["cpu"]
    res["ratios"] = _ratios(res, ways)
    print("\n== Hasil ==")
    print(f"Mesin: {res['machine']}")
    _print_ways(res, ways, len(names), args.jobs)
    _print_stages(b["stages"], chapters, b["cpu"])
    print(f"ulang tanpa perubahan: {b['unchanged_s']:.1f} dtk = {100 * b['unchanged_s'] / b['clean_s']:.1f}% "
          f"({b['unchanged_skipped']} dilewati)")
    print(f"satu data berubah: {b['one_changed_s']:.1f} dtk, disusun ulang: {b['one_changed_rendered']}")
    print(f"puncak memori per pekerja: {b['peak_worker_mb']:.0f} MB (PSS pekerja + zygote + kernel yang hidup, "
          f"dijumlah saat bersamaan; bagian: {b['peak_worker_parts_mb']})")
    print(f"selesai pada (detik sejak mulai): {b['done_at_s']}")
    (work / "results.json").write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    print(f"({work / 'results.json'})")


if __name__ == "__main__":
    main()
