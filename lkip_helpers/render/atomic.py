"""All-or-nothing output: build in a staging folder, move into place only on success.

The staging folder is a sibling of the output folder (same file system, so every move
is an atomic ``rename``).  A failed render never replaces an earlier good
``laporan.html``/``laporan.pdf``; the failed, partly executed notebook is kept in
``<out_dir>/gagal/``.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["FAILED_DIR", "commit", "keep_failed", "staging_dir", "write_atomic"]

FAILED_DIR = "gagal"


@contextlib.contextmanager
def staging_dir(out_dir: Path) -> Iterator[Path]:
    """Yield a fresh folder next to ``out_dir``; it is removed when the block ends."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.sedang-disusun-", dir=out_dir.parent))
    try:
        yield tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write ``path`` through a temporary sibling and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    if isinstance(data, str):
        tmp.write_text(data, encoding="utf-8", newline="\n")
    else:
        tmp.write_bytes(data)
    tmp.replace(path)


def commit(staged: Path, out_dir: Path, names: Sequence[str]) -> None:
    """Move ``names`` (files or folders) from ``staged`` into ``out_dir``, in order.

    Files are replaced atomically; a folder replaces the old folder of that name as a
    whole (rename the old one away, rename the new one in, delete the old one), so no
    stale file of an earlier render survives in it.  Put the main documents last.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        src, dst = staged / name, out_dir / name
        if src.is_dir():
            old = staged / f".lama-{name}"
            if dst.exists():
                dst.replace(old)
            src.replace(dst)
            shutil.rmtree(old, ignore_errors=True)
        else:
            src.replace(dst)


def keep_failed(notebook: Path, out_dir: Path) -> Path | None:
    """Move a failed notebook to ``out_dir/gagal/`` (replacing older failures); return it."""
    if not notebook.exists():
        return None
    failed = out_dir / FAILED_DIR
    shutil.rmtree(failed, ignore_errors=True)
    failed.mkdir(parents=True)
    target = failed / notebook.name
    shutil.move(str(notebook), target)
    return target


def clear_failed(out_dir: Path) -> None:
    """Remove ``out_dir/gagal/`` after a successful render."""
    shutil.rmtree(out_dir / FAILED_DIR, ignore_errors=True)
