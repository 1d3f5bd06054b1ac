"""Time ``lkip pratinjau`` (not a test): the first page, and a saved change until it is shown.

Copies Umbulsari 2023 into a temporary workspace, starts ``lkip pratinjau
data/2023/umbulsari --port 0`` there and polls the page over HTTP: "first page" is from
starting the command to the report being served; "change" is from saving an edited
``narasi.yaml`` (or a realisasi value in ``realisasi.csv``) until the served page shows it, watcher,
debounce and re-render included.  Prints the seconds of each and the preview's own
status lines.

    .venv/bin/python bench/preview_bench.py --changes 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pratinjau_fixtures import Sesi, is_report, replace_in  # noqa: E402 - the tests' own client

KALIMAT = "Puji syukur kehadirat Tuhan Yang Maha Esa"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=3, help="how many saved changes to time")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lkip-preview-bench-") as tmp:
        root = Path(tmp)
        folder = root / "data" / "2023" / "umbulsari"
        shutil.copytree(ROOT / "data" / "2023" / "umbulsari", folder)
        (root / "params").mkdir()
        shutil.copy(ROOT / "params" / "default.yaml", root / "params")
        start = time.perf_counter()
        sesi = Sesi(Path("data/2023/umbulsari"), root)
        try:
            sesi.tunggu(is_report)
            first = time.perf_counter() - start
            changes = []
            old = KALIMAT
            for n in range(1, args.changes + 1):
                new = f"Puji syukur UBAHAN-{n}"
                begin = time.perf_counter()
                replace_in(folder / "narasi.yaml", old, new)
                sesi.tunggu(lambda page, text=new: text in page)
                changes.append(time.perf_counter() - begin)
                old = new
                time.sleep(1)  # the planner reads the page before the next save
        finally:
            sesi.berhenti()
    print(sesi.keluaran)
    print(f"first page: {first:.1f} s")
    print("change shown: " + ", ".join(f"{c:.1f}" for c in changes) + f" s (median {statistics.median(changes):.1f} s)")


if __name__ == "__main__":
    main()
