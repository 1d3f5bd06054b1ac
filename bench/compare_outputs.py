"""Compare two rendered report folders: the HTML, the PDF text and the executed notebooks' outputs.

Used to show that a restructuring changed nothing a reader sees (not a test: the
"before" folder comes from an older checkout).  Compares

* ``laporan.html`` byte for byte (and, when it differs, its text with tags removed);
* the text of ``laporan.pdf`` (``pdftotext -layout``) and its page count;
* every executed notebook ``notebooks/NN_*.ipynb``: the outputs of every cell, in
  order, without the provenance cell and without sources (the cells' code may be
  written differently; what they show must not change).

    .venv/bin/python bench/compare_outputs.py OLD/2023/umbulsari NEW/2023/umbulsari

Exit status 0 when everything is equal, 1 otherwise (each difference is printed).
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

PROVENANCE_TAG = "lkip-provenance"


def _text_of_html(page: str) -> str:
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).strip()


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _outputs(nb_path: Path) -> list[Any]:
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    out = []
    for cell in nb["cells"]:
        if PROVENANCE_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            continue
        if cell["cell_type"] == "code":
            out.append([{k: v for k, v in o.items() if k != "execution_count"} for o in cell.get("outputs", [])])
    return out


def _diff(a: str, b: str, name: str, limit: int = 40) -> list[str]:
    lines = list(difflib.unified_diff(a.splitlines(), b.splitlines(), f"alt/{name}", f"baru/{name}", lineterm="", n=1))
    return lines[:limit] + ([f"... {len(lines) - limit} baris lagi"] if len(lines) > limit else [])


def compare(old: Path, new: Path) -> list[str]:
    problems: list[str] = []
    a, b = old / "laporan.html", new / "laporan.html"
    if a.exists() and b.exists() and a.read_bytes() != b.read_bytes():
        problems.append("laporan.html: bytes differ")
        ta, tb = _text_of_html(a.read_text(encoding="utf-8")), _text_of_html(b.read_text(encoding="utf-8"))
        if ta != tb:
            problems += _diff(ta.replace(". ", ".\n"), tb.replace(". ", ".\n"), "laporan.html (teks)")
    a, b = old / "laporan.pdf", new / "laporan.pdf"
    if a.exists() and b.exists():
        ta, tb = _pdf_text(a), _pdf_text(b)
        if ta != tb:
            problems.append(f"laporan.pdf: text differs ({ta.count(chr(12))} vs {tb.count(chr(12))} pages)")
            problems += _diff(ta, tb, "laporan.pdf")
    for nb in sorted((old / "notebooks").glob("*.ipynb")):
        other = new / "notebooks" / nb.name
        if not other.exists():
            problems.append(f"{nb.name}: missing in the new folder")
            continue
        oa, ob = _outputs(nb), _outputs(other)
        if oa != ob:
            problems.append(f"{nb.name}: outputs differ")
            problems += _diff(json.dumps(oa, indent=1, ensure_ascii=False), json.dumps(ob, indent=1, ensure_ascii=False),
                              nb.name)
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    args = ap.parse_args()
    problems = compare(args.old, args.new)
    for line in problems:
        print(line)
    print("sama" if not problems else f"{sum(not p.startswith(('-', '+', '@', ' ')) for p in problems)} perbedaan")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
