"""Benchmark: how fast a big junk workbook is refused by ``lkip check`` (not a test).

    .venv/bin/python bench/junk_workbook.py              # 540.000 junk rows, ~50 MB
    .venv/bin/python bench/junk_workbook.py --rows 100000

Builds the Umbulsari 2023 workbook, replaces its ``desa`` sheet by ``--rows`` rows of
random text (incompressible, so the file is as big as a real pasted dump), and times
``lkip check`` on it twice, as a separate process each time:

1. with the default settings: refused by its size (``masukan.batas_berkas_mb``) before
   it is opened;
2. with the size bounds raised over the file (``--pengaturan``): opened, and refused
   by the row bound (``masukan.batas_baris``) while the sheet is streamed.

Prints for each: wall seconds, peak memory (max RSS of the child), exit status, lines
printed, and the lines themselves.  Before the bounds, the same 51 MB file took 4 min
8 s, 1,8 GB and printed 1.080.000 lines.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))


def _write_sheet(dst: zipfile.ZipFile, member: str, rows: int, seed: int = 1) -> None:
    """Stream a worksheet of ``rows`` rows of four random inline-text cells (header first) into ``dst``."""
    rnd = random.Random(seed)
    letters = string.ascii_letters + string.digits
    with dst.open(member, "w") as out:
        out.write(
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>kode_desa</t></is></c>'
            b'<c r="B1" t="inlineStr"><is><t>nama</t></is></c></row>'
        )
        for r in range(2, rows + 2):
            cells = "".join(
                f'<c r="{col}{r}" t="inlineStr"><is><t>{"".join(rnd.choices(letters, k=24))}</t></is></c>'
                for col in "ABCD"
            )
            out.write(f'<row r="{r}">{cells}</row>'.encode())
        out.write(b"</sheetData></worksheet>")


def build(path: Path, rows: int) -> Path:
    """Write the Umbulsari workbook with ``rows`` junk rows in ``desa`` to ``path``."""
    from lkip_helpers.data import load, write_workbook
    from lkip_helpers.paths import dataset_path

    base = path.with_suffix(".base.xlsx")
    write_workbook(load(dataset_path(2023, "Umbulsari")), base)
    import openpyxl

    sheet_names = openpyxl.load_workbook(base, read_only=True).sheetnames
    with zipfile.ZipFile(base) as src:
        items = {n: src.read(n) for n in src.namelist()}
    member = f"xl/worksheets/sheet{sheet_names.index('desa') + 1}.xml"  # openpyxl numbers sheets in order
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in items.items():
            if name == member:
                _write_sheet(dst, member, rows)
            else:
                dst.writestr(name, data)
    base.unlink()
    return path


def _measure(args: list[str]) -> dict[str, object]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    lines = (proc.stdout + proc.stderr).splitlines()
    return {"detik": seconds, "rss_mb": max(peak, before) / 1024, "status": proc.returncode, "baris": lines}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=540_000)
    opts = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="lkip-junk-"))
    path = build(work / "sampah.xlsx", opts.rows)
    size_mb = path.stat().st_size / 1024 / 1024
    print(f"{path}: {size_mb:.1f} MB, {opts.rows} baris sampah di sheet 'desa'")
    print(f"mesin: {platform.machine()}, {os.cpu_count()} inti, Python {platform.python_version()}")
    raised = work / "longgar.yaml"
    raised.write_text(f"masukan:\n  batas_berkas_mb: {int(size_mb) + 10}\n  batas_isi_mb: 2000\n")
    runs = {
        "bawaan (batas ukuran)": [str(BIN / "lkip"), "check", str(path)],
        "batas ukuran dinaikkan (batas baris)": [str(BIN / "lkip"), "check", str(path), "--pengaturan", str(raised)],
    }
    for label, args in runs.items():
        result = _measure(args)
        lines = result["baris"]
        assert isinstance(lines, list)
        print(
            f"\n== {label}: {result['detik']:.2f} s, puncak RSS {result['rss_mb']:.0f} MB, "
            f"status {result['status']}, {len(lines)} baris keluaran"
        )
        for line in lines:
            print(f"   | {line}")


if __name__ == "__main__":
    main()
