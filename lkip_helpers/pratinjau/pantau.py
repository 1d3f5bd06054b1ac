"""Watching a data set for saves: snapshots of its files and a debounce.

A :func:`potret` (snapshot) maps every file of the watched paths to its modification
time and size; taking one costs a ``stat`` per file, so it is taken every few tenths of
a second.  Lock and backup files of editors (``~$buku.xlsx`` of Excel,
``.~lock.buku.xlsx#`` of LibreOffice, ``buku.xlsx~``, ``.#x``, ``*.swp``, hidden files)
are not data and never count as a change.

Editors save in several steps (write a temporary file, remove the old one, rename; or
truncate and write in chunks).  :class:`Peredam` (the debounce) reports a change only
once the snapshot differs from the last one it accepted and has then stayed the same for
``tenang`` seconds.  It is pure logic over the snapshots and the times it is given.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["Peredam", "Potret", "diabaikan", "potret"]

#: ``{path: (mtime_ns, size)}`` of every watched file that exists.
Potret = Mapping[str, tuple[int, int]]

_AKHIRAN_ABAIKAN = ("~", ".swp", ".swx", ".tmp", ".part", ".crdownload")


def diabaikan(name: str) -> bool:
    """True for a file name that is an editor's lock, backup or temporary file, or hidden."""
    return (
        name.startswith(("~$", ".~lock.", ".#", "."))
        or name.endswith(_AKHIRAN_ABAIKAN)
        or (name.startswith("#") and name.endswith("#"))
    )


def _files(path: Path) -> Iterable[Path]:
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            rel = file.relative_to(path).parts
            if not any(diabaikan(part) for part in rel) and file.is_file():
                yield file
    elif not diabaikan(path.name):
        yield path


def potret(paths: Iterable[Path]) -> dict[str, tuple[int, int]]:
    """The snapshot of ``paths`` (folders are walked; missing files are simply absent)."""
    out: dict[str, tuple[int, int]] = {}
    for path in paths:
        for file in _files(Path(path)):
            with contextlib.suppress(OSError):  # removed between listing and stat: absent
                stat = file.stat()
                out[str(file)] = (stat.st_mtime_ns, stat.st_size)
    return out


class Peredam:
    """Debounce: a change counts once the snapshot has been still for ``tenang`` seconds.

    ``diterima`` is the snapshot of the last accepted state (the one rendered);
    :meth:`amati` gets each new snapshot with the time it was taken and returns True
    exactly once per settled change (the new snapshot is then the accepted one).
    """

    def __init__(self, awal: Potret, tenang: float = 0.4) -> None:
        self.diterima: Potret = dict(awal)
        self.tenang = tenang
        self._calon: Potret | None = None  # the latest differing snapshot
        self._sejak = 0.0  # when it was first seen unchanged

    def amati(self, baru: Potret, waktu: float) -> bool:
        """Feed the snapshot taken at ``waktu`` (seconds, any monotonic clock); True when settled."""
        if baru == self.diterima:
            self._calon = None  # changed and changed back: nothing to do
            return False
        if self._calon is None or baru != self._calon:
            self._calon, self._sejak = dict(baru), waktu
        if waktu - self._sejak >= self.tenang:
            self.diterima, self._calon = self._calon, None
            return True
        return False

    def terima(self, keadaan: Potret) -> None:
        """Take ``keadaan`` as the accepted state (the state a render started from)."""
        self.diterima, self._calon = dict(keadaan), None
