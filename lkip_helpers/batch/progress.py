"""What the officer sees while a batch runs and when it ends.

On a terminal: a rich progress bar for the whole batch (one step per chapter, stitch
and PDF of every kecamatan) and one line per kecamatan being rendered, naming its
current chapter.  Elsewhere (a log file, CI, cron): one plain line per event.  At the
end: a table with every kecamatan, its status, time, the error in one line and the
failed notebook to open, then the counts, the wall time and the CPU-seconds of the
reports rendered (their workers' process trees, :mod:`.cpu`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from .task import Outcome

__all__ = ["PlainReporter", "RichReporter", "make_reporter", "print_summary"]

_PLAIN = {"selesai": "selesai", "dilewati": "tidak berubah", "gagal": "GAGAL"}
_STATUS = {"selesai": "[green]selesai[/green]", "dilewati": "[cyan]tidak berubah[/cyan]", "gagal": "[red]GAGAL[/red]"}


def _detik(value: float) -> str:
    return f"{value:,.1f} dtk".replace(",", "_").replace(".", ",").replace("_", ".")


class PlainReporter:
    """One line per event, with the time of day (for logs)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.total = 0
        self.done = 0

    def start(self, total: int, steps_per_job: int) -> None:
        self.total = total
        self._line(f"mulai: {total} kecamatan disusun")

    def _line(self, text: str) -> None:
        self.console.print(f"{time.strftime('%H:%M:%S')} {text}", markup=False, highlight=False)

    def event(self, event: dict[str, Any]) -> None:
        kind, name = event.get("jenis"), event.get("kecamatan", "?")
        if kind == "langkah":
            self._line(f"{name}: {event['langkah']}")
        elif kind == "selesai":
            self.done += 1
            self._line(f"{name}: {event.get('status')} ({_detik(event.get('detik', 0))}) [{self.done}/{self.total}]")
        elif kind == "pesan":
            self._line(str(event.get("teks", "")))

    def close(self) -> None:
        pass


class RichReporter:
    """A progress bar for the batch and one line per kecamatan in progress."""

    def __init__(self, console: Console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = console
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        )
        self.overall: Any = None
        self.rows: dict[str, Any] = {}
        self.steps = 1

    def start(self, total: int, steps_per_job: int) -> None:
        self.steps = steps_per_job
        self.progress.start()
        self.overall = self.progress.add_task(f"[bold]{total} kecamatan[/bold]", total=total * steps_per_job)

    def event(self, event: dict[str, Any]) -> None:
        kind, name = event.get("jenis"), event.get("kecamatan", "?")
        if kind == "mulai":
            self.rows[name] = self.progress.add_task(f"  {name}: data", total=self.steps)
        elif kind == "langkah" and name in self.rows:
            task = self.rows[name]
            if event["langkah"] != "data":
                self.progress.advance(task)
                self.progress.advance(self.overall)
            self.progress.update(task, description=f"  {name}: {event['langkah']}")
        elif kind == "selesai":
            task = self.rows.pop(name, None)
            if task is not None:
                left = self.progress.tasks[self._index(task)].remaining or 0
                self.progress.advance(self.overall, left)
                self.progress.remove_task(task)
            else:
                self.progress.advance(self.overall, self.steps)
            colour = "green" if event.get("status") != "gagal" else "red"
            self.progress.console.print(
                f"[{colour}]{event.get('status')}[/{colour}] {name} ({_detik(event.get('detik', 0))})", highlight=False
            )
        elif kind == "pesan":
            self.progress.console.print(str(event.get("teks", "")), markup=False)

    def _index(self, task_id: Any) -> int:
        return next(i for i, t in enumerate(self.progress.tasks) if t.id == task_id)

    def close(self) -> None:
        self.progress.stop()


def make_reporter(console: Console) -> PlainReporter | RichReporter:
    """A progress bar on a terminal, plain log lines elsewhere."""
    return RichReporter(console) if console.is_terminal else PlainReporter(console)


def _short(path: str | None) -> str:
    """A path relative to the working folder when it is inside it (shorter to read)."""
    if not path:
        return ""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path


def print_summary(console: Console, outcomes: Sequence[Outcome], seconds: float) -> None:
    """The end of a batch: kecamatan, status, time, the error in one line, the failed notebook.

    A table on a terminal; one line per kecamatan (fields separated by `` | ``) in a log.
    """
    ordered = sorted(outcomes, key=lambda o: (o.ok, o.kecamatan))
    rows = [
        (o.kecamatan, o.status, _detik(o.detik), f"[{o.tahap}] {o.galat}" if o.galat else "", _short(o.notebook_gagal))
        for o in ordered
    ]
    if console.is_terminal:
        table = Table(title="Ringkasan penyusunan", expand=False)
        for column in ("Kecamatan", "Status", "Waktu", "Galat", "Notebook gagal"):
            table.add_column(column, overflow="fold")
        for name, status, waktu, galat, nb in rows:
            table.add_row(name, _STATUS.get(status, status), waktu, galat, nb)
        console.print(table)
    else:
        console.print("RINGKASAN: kecamatan | status | waktu | galat | notebook gagal", markup=False, highlight=False)
        for name, status, waktu, galat, nb in rows:
            console.print(
                " | ".join((name, _PLAIN.get(status, status), waktu, galat or "-", nb or "-")),
                markup=False, highlight=False, soft_wrap=True,
            )
    from .overview import OVERVIEW_NAME

    reports = [o for o in outcomes if o.kecamatan != OVERVIEW_NAME]
    said = {"selesai": "disusun", "dilewati": "tidak berubah", "gagal": "gagal"}
    overview = [said.get(o.status, o.status) for o in outcomes if o.kecamatan == OVERVIEW_NAME]
    counts = {s: sum(o.status == s for o in reports) for s in ("selesai", "dilewati", "gagal")}
    also = f"; ikhtisar kabupaten {overview[0]}" if overview else ""
    console.print(
        f"{counts['selesai']} disusun, {counts['dilewati']} tidak berubah (dilewati), {counts['gagal']} gagal"
        f"{also}; waktu total {_detik(seconds)}{_cpu(reports)}.",
        highlight=False,
    )


def _cpu(outcomes: Sequence[Outcome]) -> str:
    """``; CPU 25,1 dtk (12,6 dtk per laporan)`` for the kecamatan reports rendered now; empty when none."""
    done = [o.cpu_detik for o in outcomes if o.status == "selesai" and o.cpu_detik > 0]
    if not done:
        return ""
    return f"; CPU {_detik(sum(done))} ({_detik(sum(done) / len(done))} per laporan)"
