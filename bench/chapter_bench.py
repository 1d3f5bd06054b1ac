"""Time the six chapter notebooks of one report (not a test).

Renders one kecamatan ``--runs`` times with ``lkip render --force --format html`` into a
temporary output folder and reads the seconds per step that the batch worker stamps
into ``.lkip-batch.json``.  Prints the median and the range per chapter, and the sum.

    .venv/bin/python bench/chapter_bench.py --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_once(out: Path, kecamatan: str, tahun: int) -> dict[str, float]:
    env = {**os.environ, "LKIP_OUTPUTS": str(out)}
    lkip = Path(sys.executable).parent / "lkip"
    cmd = [str(lkip), "render", "--kecamatan", kecamatan, "--tahun", str(tahun), "--force", "--format", "html"]
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stamp = json.loads((out / str(tahun) / kecamatan.lower() / ".lkip-batch.json").read_text())
    return {k.removeprefix("eksekusi "): float(v) for k, v in stamp["detik"].items() if k.startswith("eksekusi ")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--kecamatan", default="Umbulsari")
    ap.add_argument("--tahun", type=int, default=2023)
    args = ap.parse_args()
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.runs):
            runs.append(run_once(Path(tmp), args.kecamatan, args.tahun))
            print(f"run {i + 1}: {sum(runs[-1].values()):.2f} s", file=sys.stderr)
    print("| chapter | median s | min-max s |")
    print("|---|---|---|")
    for name in runs[0]:
        vals = [r[name] for r in runs]
        print(f"| {name} | {statistics.median(vals):.2f} | {min(vals):.2f}-{max(vals):.2f} |")
    totals = [sum(r.values()) for r in runs]
    print(f"| all six | {statistics.median(totals):.2f} | {min(totals):.2f}-{max(totals):.2f} |")


if __name__ == "__main__":
    main()
