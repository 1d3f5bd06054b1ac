"""All-or-nothing output: build in a staging folder, move into place only on success.

The staging folder is a sibling of the output folder (same file system, so every move
is an atomic ``rename``).  A failed render never replaces an earlier good
``laporan.html``/``laporan.pdf``; the failed, partly executed notebook is kept in
``<out_dir>/gagal/`` (only when it is a whole, readable notebook).

Safe against crashes and against two renders at once:

* every atomic write goes through a temporary file with a name of its own (never a
  fixed ``.x.tmp`` two writers would share), flushed to disk before the rename;
* the final swap of an output folder's contents happens under a lock of that folder
  (``<out_dir>.lock``, ``flock`` where the system has it), so two renders finishing
  together each leave a complete report, the later one winning;
* a staging folder carries the id of the process that made it; the next render
  removes staging folders whose process is gone (a render killed with ``kill -9``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["FAILED_DIR", "clean_stale", "clear_failed", "commit", "folder_lock", "keep_failed", "staging_dir",
           "write_atomic"]

FAILED_DIR = "gagal"
_STAGING = re.compile(r"^\.(?P<name>.+)\.sedang-disusun-(?P<pid>\d+)-")


def _alive(pid: int) -> bool:
    """True while process ``pid`` runs (or cannot be told).

    Asked through psutil, never ``os.kill(pid, 0)``: on Windows that call terminates the
    process instead of probing it.  A zombie is dead: a worker killed with its batch is
    re-parented to init, which may reap it only later.
    """
    if pid == os.getpid():
        return True
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except (psutil.Error, OSError, ValueError):
        return True  # cannot be told: leave its folder alone


def clean_stale(parent: Path) -> list[Path]:
    """Remove staging folders under ``parent`` whose process is gone; return what was removed."""
    removed: list[Path] = []
    if not parent.is_dir():
        return removed
    for entry in parent.iterdir():
        match = _STAGING.match(entry.name)
        if match and entry.is_dir() and not _alive(int(match.group("pid"))):
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


@contextlib.contextmanager
def staging_dir(out_dir: Path) -> Iterator[Path]:
    """Yield a fresh folder next to ``out_dir`` (stale ones of dead renders removed first); removed at the end."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(out_dir.parent)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.sedang-disusun-{os.getpid()}-", dir=out_dir.parent))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``path`` through a temporary sibling of its own, flushed, then an atomic rename.

    A reader sees the old file or the new one, whole, never a part; two writers each
    write their own temporary file, the later rename wins.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        Path(name).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(name).unlink()
        raise


@contextlib.contextmanager
def folder_lock(out_dir: Path) -> Iterator[None]:
    """Hold the lock of ``out_dir`` (a sibling ``<name>.lock`` file) while the block runs.

    Uses ``flock`` where available; elsewhere the block runs unlocked and :func:`commit`
    relies on its retry.
    """
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    lock = out_dir.parent / f".{out_dir.name}.lock"
    try:
        import fcntl
    except ImportError:  # Windows: no flock
        yield
        return
    with lock.open("a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _swap_folder(src: Path, dst: Path, staged: Path, name: str) -> None:
    """Put folder ``src`` where ``dst`` is; the old ``dst`` is moved away first and deleted after."""
    for attempt in range(5):
        old = staged / f".lama-{name}-{attempt}"
        if dst.exists():
            with contextlib.suppress(FileNotFoundError):
                dst.replace(old)
        try:
            src.replace(dst)
        except OSError:  # another render put its folder there in between: move it away, try again
            if attempt == 4:
                raise
            continue
        finally:
            shutil.rmtree(old, ignore_errors=True)
        return


def commit(staged: Path, out_dir: Path, names: Sequence[str]) -> None:
    """Move ``names`` (files or folders) from ``staged`` into ``out_dir``, in order, under the folder's lock.

    Files are replaced atomically; a folder replaces the old folder of that name as a
    whole (rename the old one away, rename the new one in, delete the old one), so no
    stale file of an earlier render survives in it.  Put the main documents last.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with folder_lock(out_dir):
        for name in names:
            src, dst = staged / name, out_dir / name
            if src.is_dir():
                _swap_folder(src, dst, staged, name)
            else:
                src.replace(dst)


def _readable_notebook(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and isinstance(data.get("cells"), list)


def keep_failed(notebook: Path, out_dir: Path) -> Path | None:
    """Move a failed notebook to ``out_dir/gagal/`` (replacing older failures); return it.

    A notebook that is not whole (a disk that filled up while it was written) is not
    kept: it would only mislead; None is returned and the error message says what failed.
    """
    if not notebook.exists():
        return None
    if not _readable_notebook(notebook):
        notebook.unlink(missing_ok=True)
        return None
    failed = out_dir / FAILED_DIR
    with folder_lock(out_dir):
        shutil.rmtree(failed, ignore_errors=True)
        failed.mkdir(parents=True)
        target = failed / notebook.name
        tmp = failed / f".{notebook.name}.tmp"
        shutil.copyfile(notebook, tmp)
        tmp.replace(target)
        notebook.unlink(missing_ok=True)
    return target


def clear_failed(out_dir: Path) -> None:
    """Remove ``out_dir/gagal/`` after a successful render."""
    shutil.rmtree(out_dir / FAILED_DIR, ignore_errors=True)
