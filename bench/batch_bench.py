"""Benchmark: K kecamatan rendered three ways in one run (not a test).

    .venv/bin/python bench/batch_bench.py --k 31            # all of Jember
    .venv/bin/python bench/batch_bench.py --k 31 --naive-k 4  # naive on 4, per report
    .venv/bin/python bench/batch_bench.py --demo 200 --skip-naive --skip-floor  # scale

1. naive: per chapter ``papermill`` CLI (fresh kernel) then ``jupyter nbconvert --to
   html`` CLI, sequential; then one ``python`` process stitching the report and the
   ``weasyprint`` CLI for the PDF.  Same artefacts as the batch.
2. batch: ``run_batch`` (what ``lkip render --params`` runs) from clean, with ``--jobs``
   workers; then a re-run with nothing changed; then one data file changed.
3. floor: one Python process, no kernel: every chapter's cells executed in-process,
   the displayed tables/charts collected and written as one HTML page per kecamatan
   (no executed notebooks, no PDF).

Prints per-report times, naive/batch and batch/floor, the re-run times and the peak
memory of one worker (the largest sum of the PSS of worker, zygote and live kernels,
sampled while each job runs: ``lkip_helpers.batch.memory``), and writes
``results.json`` in the work folder.  Data sets are copied into the work folder, so the
project's data is never touched.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import platform
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


def _chapters() -> list[Path]:
    from lkip_helpers.paths import chapter_notebooks

    return chapter_notebooks()


# ----------------------------------------------------------------------- naive
_STITCH = """
import sys, nbformat
from pathlib import Path
from lkip_helpers.render import ReportMeta, build_report
out, kec = Path(sys.argv[1]), sys.argv[2]
nbs = sorted((out / "notebooks").glob("*.ipynb"))
rep = build_report([nbformat.read(p, as_version=4) for p in nbs], ReportMeta(kec, "Jember", 2023), [p.stem for p in nbs])
(out / "laporan.html").write_text(rep.html("layar"), encoding="utf-8")
(out / "cetak.html").write_text(rep.html("cetak"), encoding="utf-8")
"""


def naive(names: list[str], data_root: Path, out: Path, formats: tuple[str, ...]) -> list[float]:
    env = {**os.environ, "LKIP_DATA": str(data_root)}
    times = []
    for name in names:
        start = time.perf_counter()
        target = out / name.lower()
        (target / "notebooks").mkdir(parents=True, exist_ok=True)
        for nb in _chapters():
            executed = target / "notebooks" / nb.name
            subprocess.run(
                [BIN / "papermill", nb, executed, "-p", "kecamatan", name, "-p", "tahun", "2023",
                 "--cwd", nb.parent, "-k", "python3", "--no-progress-bar"],
                check=True, env=env, capture_output=True,
            )
            subprocess.run([BIN / "jupyter-nbconvert", "--to", "html", executed], check=True, env=env,
                           capture_output=True)
        subprocess.run([sys.executable, "-c", _STITCH, target, name], check=True, env=env, capture_output=True)
        if "pdf" in formats:
            subprocess.run([BIN / "weasyprint", target / "cetak.html", target / "laporan.pdf"], check=True, env=env,
                           capture_output=True)
        times.append(time.perf_counter() - start)
        print(f"  naif {name}: {times[-1]:.1f} dtk", flush=True)
    return times


# ----------------------------------------------------------------------- floor
def floor(names: list[str], data_root: Path, out: Path) -> list[float]:
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
                    ns.update(kecamatan=name, tahun=2023)
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
        times.append(time.perf_counter() - start)
    return times


# ----------------------------------------------------------------------- batch
def batch(params: Any, jobs: int) -> dict[str, Any]:
    from lkip_helpers.batch import run_batch

    start, wall = time.perf_counter(), time.time()
    clean = run_batch(params, workers=jobs, force=True)
    t_clean = time.perf_counter() - start
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
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--k", type=int, default=31, help="jumlah kecamatan Jember (urut abjad)")
    ap.add_argument("--demo", type=int, default=0, help="pakai N kecamatan sintetis (lkip demo-data --jumlah N)")
    ap.add_argument("--naive-k", type=int, default=None, help="jalankan cara naif hanya pada N kecamatan pertama")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--format", default="html,pdf")
    ap.add_argument("--work", type=Path, default=None, help="folder kerja (bawaan: folder sementara)")
    ap.add_argument("--skip-naive", action="store_true")
    ap.add_argument("--skip-floor", action="store_true")
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
    params = BatchParams(kabupaten="Jember", tahun=2023, kecamatan=tuple(names), data=data_root / "2023",
                         keluaran=work / "batch" / "2023", formats=formats)
    print(f"Mesin: {_machine()}\nFolder kerja: {work}\n{len(names)} kecamatan, format {','.join(formats)}, "
          f"{len(_chapters())} bab, --jobs {args.jobs}", flush=True)

    res: dict[str, Any] = {"machine": _machine(), "k": len(names), "jobs": args.jobs, "formats": formats}
    res["batch"] = batch(params, args.jobs)
    b = res["batch"]
    print(f"batch: {b['clean_s']:.1f} dtk ({b['clean_s'] / len(names):.2f} dtk/laporan), gagal: {b['failed'] or '-'}",
          flush=True)
    if not args.skip_floor:
        t = floor(names, data_root, work / "lantai")
        res["floor_s"] = sum(t)
        print(f"lantai: {sum(t):.1f} dtk ({sum(t) / len(names):.2f} dtk/laporan)", flush=True)
    if not args.skip_naive:
        sample = names[: args.naive_k or len(names)]
        t = naive(sample, data_root, work / "naif", formats)
        res["naive_sample"] = len(sample)
        res["naive_per_report_s"] = sum(t) / len(t)
        res["naive_s"] = sum(t) / len(t) * len(names)
    per = b["clean_s"] / len(names)
    print("\n== Hasil ==")
    print(f"Mesin: {res['machine']}")
    if "naive_s" in res:
        est = "" if res["naive_sample"] == len(names) else f" (diukur pada {res['naive_sample']}, per laporan x {len(names)})"
        print(f"naif:  {res['naive_s']:8.1f} dtk  {res['naive_per_report_s']:6.2f} dtk/laporan{est}")
    print(f"batch: {b['clean_s']:8.1f} dtk  {per:6.2f} dtk/laporan  (--jobs {args.jobs})")
    if "floor_s" in res:
        print(f"lantai:{res['floor_s']:8.1f} dtk  {res['floor_s'] / len(names):6.2f} dtk/laporan  (1 proses, HTML saja)")
    if "naive_s" in res:
        print(f"naif/batch   = {res['naive_s'] / b['clean_s']:.1f}x")
    if "floor_s" in res:
        print(f"batch/lantai = {b['clean_s'] / res['floor_s']:.2f}x")
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
