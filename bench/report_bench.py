"""Benchmark: one report from a cold start, ``make report`` against the naive way (not a test).

    .venv/bin/python bench/report_bench.py --runs 3

Alternates, ``--runs`` times, in one run on this machine:

1. ``make report``'s command, ``lkip render --kecamatan Umbulsari --tahun 2023 --format
   html,pdf,docx``, as a new process (cold: no worker, zygote or browser running) in a
   workspace holding the 31 Jember data sets (as the checkout does), its outputs removed
   before each run.  It writes the report (HTML, PDF, Word, the six executed notebooks and
   their pages), the index, the rekap and the kabupaten overview.  The workspace's
   ``.lkip-cache/`` (the Vega bundle) is kept between runs, as in a checkout after its
   first ``make report``; the first, uncached run is printed apart.
2. the naive way on Umbulsari (``bench/batch_bench.py``'s: per chapter the ``papermill``
   CLI and the ``jupyter nbconvert`` CLI, then one stitching process and the PDF engine's
   own CLI): HTML, PDF and the executed notebooks, no Word.

Prints the wall time and the CPU-seconds of each run (the process tree: this process's
children, waited for) and the median ratio naive / ``make report``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch_bench import ROOT, Meter, _machine, naive  # noqa: E402

BIN = Path(sys.executable).parent


def _workspace(work: Path) -> Path:
    """A workspace like the checkout: the 31 Jember data sets and the parameter folder."""
    space = work / "ruang"
    shutil.copytree(ROOT / "data" / "2023", space / "data" / "2023")
    shutil.copytree(ROOT / "params", space / "params")
    return space


def lkip_render(space: Path) -> tuple[float, float]:
    """One cold ``lkip render`` of Umbulsari (HTML, PDF, Word): wall and CPU seconds."""
    shutil.rmtree(space / "outputs", ignore_errors=True)
    meter = Meter().start()
    subprocess.run(
        [BIN / "lkip", "render", "--kecamatan", "Umbulsari", "--tahun", "2023", "--format", "html,pdf,docx"],
        cwd=space, check=True, capture_output=True,
    )
    meter.stop()
    assert (space / "outputs" / "2023" / "umbulsari" / "laporan.docx").is_file()  # noqa: S101
    return meter.wall, meter.tree


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3, help="berapa kali tiap cara dijalankan (bergantian)")
    ap.add_argument("--work", type=Path, default=None, help="folder kerja (bawaan: folder sementara)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="lkip-bench-satu-"))
    space = _workspace(work)
    print(f"Mesin: {_machine()}\nFolder kerja: {work}", flush=True)
    first = lkip_render(space)
    print(f"make report, pertama (tanpa .lkip-cache): {first[0]:.2f} dtk, CPU {first[1]:.2f} dtk", flush=True)
    ours: list[tuple[float, float]] = []
    theirs: list[tuple[float, float]] = []
    for i in range(args.runs):
        ours.append(lkip_render(space))
        print(f"make report #{i + 1}: {ours[-1][0]:.2f} dtk, CPU {ours[-1][1]:.2f} dtk", flush=True)
        meter = Meter()
        shutil.rmtree(work / "naif", ignore_errors=True)
        naive(["Umbulsari"], space / "data", work / "naif", ("html", "pdf"), meter)
        theirs.append((meter.wall, meter.tree))
    wall = statistics.median(w for w, _ in ours)
    naive_wall = statistics.median(w for w, _ in theirs)
    print("\n== Hasil ==")
    print(f"Mesin: {_machine()}")
    print(f"make report (lkip render Umbulsari, html,pdf,docx): median {wall:.2f} dtk "
          f"(min {min(w for w, _ in ours):.2f}, maks {max(w for w, _ in ours):.2f}), "
          f"CPU median {statistics.median(c for _, c in ours):.2f} dtk")
    print(f"naif (papermill + nbconvert CLI per bab, stitch, PDF CLI; tanpa Word): median {naive_wall:.2f} dtk "
          f"(min {min(w for w, _ in theirs):.2f}, maks {max(w for w, _ in theirs):.2f}), "
          f"CPU median {statistics.median(c for _, c in theirs):.2f} dtk")
    print(f"naif / make report: {naive_wall / wall:.1f}x")


if __name__ == "__main__":
    main()
