"""Exceptions and problem records.

One root exception, :class:`LkipError`, with subclasses that carry structured
fields.  Data problems are collected as :class:`Problem` records (all of them,
not only the first) and raised together in a :class:`DataError`.  Every message
a planner reads is in Bahasa Indonesia.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "DataError",
    "LkipError",
    "Level",
    "Location",
    "Problem",
    "RenderError",
    "SettingsError",
    "ringkas",
]


class Level(StrEnum):
    """Severity of a :class:`Problem`."""

    GALAT = "galat"  # error: the data cannot be used as it is
    PERINGATAN = "peringatan"  # warning: probably wrong, the report can still be built
    INFO = "info"  # information for the reviewer (e.g. which target version is used)

    @property
    def label(self) -> str:
        """Upper-case label used in CLI output."""
        return self.value.upper()


@dataclass(frozen=True)
class Location:
    """Where in the input a value comes from.

    ``file`` is shown relative to the data folder when possible; ``sheet`` is the
    Excel sheet (None for the text form); ``row`` is the 1-based row as the user
    sees it in Excel or in a CSV editor (the header is row 1); ``column`` is the
    column header.
    """

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"baris {self.row}")
        if self.column:
            parts.append(f"kolom '{self.column}'")
        return ", ".join(parts)

    def with_column(self, column: str | None) -> Location:
        """Return a copy pointing at another column of the same row."""
        return Location(self.file, self.sheet, self.row, column)


@dataclass(frozen=True)
class Problem:
    """One finding about the input data.

    ``code`` is a stable machine-readable identifier (e.g. ``"anggaran.rollup"``)
    used by tests and by the reviewer's appendix; ``message`` is the Indonesian
    sentence a planner reads and should say what was found, what is expected and
    how to fix it.
    """

    level: Level
    code: str
    message: str
    location: Location | None = None
    found: str | None = None
    expected: str | None = None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        text = f"[{self.level.label}] {where}{self.message}"
        if self.found is not None:
            text += f" Ditemukan: {_kalimat(self.found)}"
        if self.expected is not None:
            text += f" Seharusnya: {_kalimat(self.expected)}"
        return text


def _kalimat(text: str) -> str:
    """``text`` ending with one full stop (a value may already end with one)."""
    return text if text.endswith((".", "!", "?")) else text + "."


class LkipError(Exception):
    """Root of all errors raised by lkip_helpers."""


@dataclass
class DataError(LkipError):
    """The input data has one or more errors; ``problems`` lists all of them."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.__str__())

    def __str__(self) -> str:
        errors = [p for p in self.problems if p.level is Level.GALAT]
        head = f"Data tidak dapat dipakai: {len(errors)} galat ditemukan."
        return "\n".join([head, *(f"  {line}" for line in ringkas(self.problems))])

    @classmethod
    def from_problems(cls, problems: Iterable[Problem]) -> DataError:
        """Build the error from a collection of problems."""
        return cls(list(problems))


def _key(problem: Problem) -> tuple[str, str, str, str]:
    loc = problem.location
    return (problem.level.value, problem.code, loc.file if loc else "", (loc.sheet or "") if loc else "")


def _place(problem: Problem) -> str:
    loc = problem.location
    if loc is None:
        return ""
    return f" di sheet '{loc.sheet}'" if loc.sheet else f" di {loc.file}"


def _ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def ringkas(problems: Iterable[Problem], per_kelompok: int = 5, maks: int = 60) -> list[Problem | str]:
    """The problems to show, grouped and capped, in their order.

    Problems of one kind (level, code, file, sheet) are shown up to ``per_kelompok``;
    in place of the next one comes one line ``"... dan 539.990 masalah serupa lagi
    (kode ...) di sheet 'desa'"``.  After ``maks`` lines a last line says how many
    are not shown.  A data set with a few findings is shown whole and unchanged.
    """
    problems = list(problems)
    total: dict[tuple[str, str, str, str], int] = {}
    for p in problems:
        total[_key(p)] = total.get(_key(p), 0) + 1
    shown: dict[tuple[str, str, str, str], int] = {}
    lines: list[Problem | str] = []
    hidden = 0
    for p in problems:
        key = _key(p)
        seen = shown[key] = shown.get(key, 0) + 1
        if seen > per_kelompok + 1:
            continue
        if len(lines) >= maks:
            hidden += 1 if seen <= per_kelompok else total[key] - per_kelompok
            continue
        if seen <= per_kelompok:
            lines.append(p)
        else:
            rest = total[key] - per_kelompok
            lines.append(f"... dan {_ribuan(rest)} masalah serupa lagi (kode {p.code}){_place(p)}")
    if hidden:
        lines.append(f"... dan {_ribuan(hidden)} temuan lain tidak ditampilkan")
    return lines


class SettingsError(LkipError):
    """A settings file under ``params/`` is invalid (message says which key and why)."""


@dataclass
class RenderError(LkipError):
    """A chapter notebook failed for one kecamatan."""

    kecamatan: str
    chapter: str
    cell_index: int | None = None
    detail: str = ""
    notebook_path: str | None = None

    def __post_init__(self) -> None:
        super().__init__(self.__str__())

    def __str__(self) -> str:
        cell = f", sel {self.cell_index}" if self.cell_index is not None else ""
        where = f" (notebook tersimpan di {self.notebook_path})" if self.notebook_path else ""
        return (
            f"Gagal menyusun laporan Kecamatan {self.kecamatan}: bab '{self.chapter}'"
            f"{cell}: {self.detail}{where}"
        )
