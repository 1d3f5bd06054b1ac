"""Helpers of the fault suite: a copy of Umbulsari beside a secret, a record of every file opened.

Every fault test plants a *secret* next to the data set (outside it) and points the data
set at it where the fault allows (``../rahasia.txt``, an absolute path, a link).  The
audit hook below records every ``open`` of the process while a check runs, so a test
asserts that the secret was never opened, whatever the output says.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from lkip_helpers.cli import app

ROOT = Path(__file__).resolve().parents[2]
UMBULSARI = ROOT / "data" / "2023" / "umbulsari"
SECRET_TEXT = "RAHASIA-MESIN-KABUPATEN"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)

_OPENED: list[str] = []
_RECORDING = [False]


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _RECORDING[0] and event == "open" and args and isinstance(args[0], str | bytes | Path):
        _OPENED.append(str(args[0] if not isinstance(args[0], bytes) else args[0].decode(errors="replace")))


sys.addaudithook(_audit)  # cannot be removed; records only inside opened_files()


@contextmanager
def opened_files() -> Iterator[list[str]]:
    """Record the path of every file this process opens inside the block."""
    _OPENED.clear()
    _RECORDING[0] = True
    seen: list[str] = []
    try:
        yield seen
    finally:
        _RECORDING[0] = False
        seen.extend(_OPENED)
        _OPENED.clear()


@dataclass(frozen=True)
class Place:
    """A fault case's working place: the data set folder and the secrets beside it."""

    root: Path
    folder: Path

    @property
    def secret(self) -> Path:
        return self.root / "rahasia.txt"

    @property
    def secret_image(self) -> Path:
        return self.root / "rahasia.png"


def make_place(tmp_path: Path) -> Place:
    """Umbulsari 2023 copied to ``tmp_path/data/2023/umbulsari`` with secrets in ``tmp_path``."""
    folder = tmp_path / "data" / "2023" / "umbulsari"
    shutil.copytree(UMBULSARI, folder)
    (tmp_path / "rahasia.txt").write_text(SECRET_TEXT + "\n", encoding="utf-8")
    (tmp_path / "rahasia.png").write_bytes(PNG)
    return Place(tmp_path, folder)


def digest(path: Path) -> dict[str, str]:
    """sha256 of every file under ``path`` (or of ``path`` itself), links not followed."""
    if path.is_file():
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()}
    out = {}
    for p in sorted(path.rglob("*")):
        if p.is_symlink():
            out[str(p.relative_to(path))] = "-> " + str(p.readlink())
        elif p.is_file():
            out[str(p.relative_to(path))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@dataclass(frozen=True)
class Run:
    """The result of one ``lkip`` command run in process."""

    exit_code: int
    output: str
    opened: tuple[str, ...]
    exception: BaseException | None

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()


def lkip(*args: str) -> Run:
    """Run ``lkip ARGS`` in this process, recording the files it opens."""
    with opened_files() as seen:
        result = CliRunner().invoke(app, list(args))
    return Run(result.exit_code, result.output, tuple(seen), result.exception)


# -- editing a data set as a careless or hostile sender would ------------------------------


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def write_csv(path: Path, records: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(records)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(folder: Path, table: str, row: int, column: str, text: str) -> None:
    """Set one CSV cell; ``row`` as the user sees it (header = 1)."""
    path = folder / f"{table}.csv"
    records = read_csv(path)
    records[row - 1][records[0].index(column)] = text
    write_csv(path, records)


def set_yaml_line(folder: Path, name: str, key: str, line: str) -> None:
    """Replace the line ``key: ...`` of a YAML file by ``line``."""
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines()
    idx = next(i for i, text in enumerate(lines) if text.startswith(f"{key}:"))
    lines[idx] = line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
