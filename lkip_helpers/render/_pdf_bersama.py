"""One browser per machine for the Dask workers on it: a PDF service the workers share.

A local batch prints the PDFs of all its workers with the browser of its main process
(:mod:`._pdf_layanan`).  A Dask worker on another machine than the client's cannot reach
that one, and a browser of its own would add ~0.8 GB to every worker.  So the workers of
a machine share one: :func:`layanan_mesin` finds this machine's service for this user, or
starts it, and returns its address for :func:`._pdf_layanan.lewat_layanan`.

The service is a detached process (``python -m lkip_helpers.render._pdf_bersama FOLDER``)
running a :class:`~._pdf_layanan.LayananPdf` on a socket in a private folder
(:func:`folder`: ``lkip-pdf-<uid>`` in the temporary folder, mode 0700, refused when it is
anyone else's or open to others), with its address and random key in a 0600 file.  It is
started under a file lock, so workers starting together start one.  It ends by itself
once no worker has been connected for :data:`MENGANGGUR` seconds (``LKIP_PDF_MENGANGGUR``).
Only where the normal mode runs (Unix sockets, ``fcntl``); elsewhere :func:`layanan_mesin`
returns None and a worker prints with a browser of its own.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

from .._platform import current_mode, short_base
from ._pdf_layanan import LayananPdf, terjangkau

__all__ = ["MENGANGGUR", "folder", "layanan_mesin", "main"]

#: Seconds without any connected worker after which the service ends.
MENGANGGUR = 60.0
ENV_MENGANGGUR = "LKIP_PDF_MENGANGGUR"
_SPEC = "layanan"  # the file holding ``address|key-hex``
_SOCKET = "soket"
_LOCK = "kunci.lock"
_LOG = "layanan.log"


def folder() -> Path:
    """This user's service folder on this machine (``<tmp>/lkip-pdf-<uid>``)."""
    return Path(short_base()) / f"lkip-pdf-{os.getuid()}"


def _private(path: Path) -> bool:
    """True when ``path`` is a folder of this user that no one else may enter."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return path.is_dir() and not path.is_symlink() and info.st_uid == os.getuid() and not info.st_mode & 0o077


def _spec(path: Path) -> str:
    try:
        return (path / _SPEC).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def layanan_mesin(batas: float = 60.0) -> str | None:
    """``address|key`` of this machine's PDF service, started when none runs; None where there can be none."""
    if current_mode().portable or not hasattr(os, "getuid"):
        return None
    import fcntl

    where = folder()
    with contextlib.suppress(FileExistsError):
        where.mkdir(mode=0o700)
    if not _private(where):
        return None  # someone else's folder, or one others can write into: never trust it
    with (where / _LOCK).open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        spec = _spec(where)
        if spec and terjangkau(spec):
            return spec
        (where / _SPEC).unlink(missing_ok=True)
        with (where / _LOG).open("ab") as log:
            subprocess.Popen(  # noqa: S603 - this interpreter, this package
                [sys.executable, "-m", "lkip_helpers.render._pdf_bersama", str(where)],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True, close_fds=True,
            )
        deadline = time.monotonic() + batas
        while time.monotonic() < deadline:
            spec = _spec(where)
            if spec and terjangkau(spec):
                return spec
            time.sleep(0.05)
    return None


def main(where: Path) -> None:
    """The service: listen, print, and end after :data:`MENGANGGUR` idle seconds."""
    idle = float(os.environ.get(ENV_MENGANGGUR) or MENGANGGUR)
    socket = where / _SOCKET
    socket.unlink(missing_ok=True)  # a stale one of a service that was killed
    with LayananPdf(str(socket)) as layanan:
        layanan.siapkan()
        spec = f"{layanan.alamat}|{layanan.kunci}"
        tmp = where / f".{_SPEC}-{os.getpid()}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(spec + "\n")
        tmp.replace(where / _SPEC)
        while layanan.menganggur() < idle:
            time.sleep(min(1.0, idle / 4))
    if _spec(where) == spec:
        (where / _SPEC).unlink(missing_ok=True)
    socket.unlink(missing_ok=True)
    from ._pdf_chromium import close_browser

    close_browser()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
