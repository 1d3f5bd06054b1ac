"""The reports opened in this process, kept by what they were made from.

The chapters of one report run one after another in one kernel
(:class:`lkip_helpers.render.execute.SharedKernel`), each calling
:func:`lkip_helpers.buka`; they get one and the same (unchangeable) report object, so
the data set is loaded and checked, and each figure computed, once per report instead
of once per chapter.  The key is the content of every file of the data set and of
every settings file read (:func:`kunci`), so a planner who saves a change and calls
``buka`` again in JupyterLab gets the new data.  A failed load is never kept; at most
:data:`MAKS` reports are.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["MAKS", "ambil", "kunci"]

T = TypeVar("T")

#: Reports kept at most (the oldest goes first).
MAKS = 2
#: Files up to this size are identified by their content, larger ones (photos) by size and time.
ISI_MAKS = 4 * 2**20

_KEPT: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_LOCK = threading.Lock()


def kunci(data: Path, pengaturan: Path | None, final: bool) -> tuple[Any, ...]:
    """What a report is made from: every file of the data set and of the settings read, and the edition."""
    from ..paths import settings_files

    return (_sidik(data), tuple(_sidik(f) for f in settings_files(pengaturan)), final)


def ambil(key: tuple[Any, ...], make: Callable[[], T]) -> T:
    """The report kept under ``key``, else ``make()`` kept (unless it raises)."""
    with _LOCK:
        if key in _KEPT:
            _KEPT.move_to_end(key)
            kept: T = _KEPT[key]
            return kept
    made = make()
    with _LOCK:
        _KEPT[key] = made
        while len(_KEPT) > MAKS:
            _KEPT.popitem(last=False)
    return made


def _sidik(path: Path) -> tuple[str, tuple[tuple[str, int, str], ...]]:
    """What identifies a file or a folder's files: (name, size, content hash or mtime) each."""
    path = path.resolve()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.exists() else []
    out = []
    for f in files:
        size = f.stat().st_size
        mark = hashlib.sha256(f.read_bytes()).hexdigest() if size <= ISI_MAKS else str(f.stat().st_mtime_ns)
        out.append((str(f.relative_to(path)) if path.is_dir() else f.name, size, mark))
    return str(path), tuple(out)
