"""One browser for the PDFs of all the workers of a batch on one machine.

A headless Chromium with its Playwright driver takes about 500-600 MB (PSS) while it
prints a report; one per worker would double a worker's memory.  So the process that
starts the workers (``batch.local.run_local``) runs :class:`LayananPdf`: a
``multiprocessing.connection`` listener (a Unix socket, a named pipe on Windows,
authenticated by a random key) whose threads print every PDF a worker sends with this
process's one browser (:mod:`lkip_helpers.render._pdf_chromium`).  The workers find it
in the environment they inherit (``LKIP_PDF_LAYANAN``) and :func:`lewat_layanan` sends
them there; without it (a Dask worker, a single render in JupyterLab) a process prints
with a browser of its own.  Printing is what the browser's renderer does, on its own
core; the service only passes bytes.
"""

from __future__ import annotations

import os
import threading
import time
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection, Listener
from typing import Any

from .._platform import detect_capabilities, socket_dir

__all__ = ["ENV_LAYANAN", "LayananPdf", "lewat_layanan", "terjangkau"]

#: ``address|authkey-hex`` of the service the workers of this machine use.
ENV_LAYANAN = "LKIP_PDF_LAYANAN"


class LayananPdf:
    """The PDF service of a batch's main process (see the module doc); a context manager.

    Entering it starts the listener and puts its address into ``os.environ`` for the
    workers started after it (the browser starts with :meth:`siapkan` or the first
    PDF); leaving it removes both.
    """

    def __init__(self, address: str | None = None) -> None:
        self._address = address
        self._key = os.urandom(32)
        self._listener: Listener | None = None
        self._threads: list[threading.Thread] = []
        self._before: str | None = None
        self._lock = threading.Lock()
        self._clients = 0
        self._since = time.monotonic()  # when the last client left (or the service started)

    def __enter__(self) -> LayananPdf:
        address = self._address  # None: a named pipe on Windows
        if address is None and detect_capabilities().unix_sockets:  # short: tempfile's may pass ~107 bytes
            address = str(socket_dir(os.getpid()) / f"pdf-{os.urandom(4).hex()}")
        self._listener = Listener(address, authkey=self._key)
        accept = threading.Thread(target=self._accept, name="lkip-pdf-layanan", daemon=True)
        accept.start()
        self._threads.append(accept)
        self._before = os.environ.get(ENV_LAYANAN)
        os.environ[ENV_LAYANAN] = f"{self.alamat}|{self._key.hex()}"
        return self

    def siapkan(self) -> None:
        """Start the browser now, not waited for (it starts by itself at the first PDF otherwise).

        The batch calls this when a report's chapters begin: launching Chromium and its
        driver costs about a CPU-second, which the busy start of the workers (imports,
        zygotes) need more than the chapters do.
        """
        from ._pdf_chromium import start_browser

        start_browser()

    @property
    def alamat(self) -> str:
        """The listener's address (a socket path or a pipe name)."""
        assert self._listener is not None  # noqa: S101 - only after __enter__
        return str(self._listener.address)

    @property
    def kunci(self) -> str:
        """The key a client authenticates with (hex)."""
        return self._key.hex()

    def menganggur(self) -> float:
        """Seconds since the last client left; 0 while one is connected."""
        with self._lock:
            return 0.0 if self._clients else time.monotonic() - self._since

    def _accept(self) -> None:
        assert self._listener is not None  # noqa: S101
        while True:
            try:
                conn = self._listener.accept()
            except (OSError, EOFError):
                return  # closed
            except Exception:  # noqa: BLE001,S112 - a client with a wrong key: refuse it, go on
                continue
            serve = threading.Thread(target=self._serve, args=(conn,), name="lkip-pdf-klien", daemon=True)
            serve.start()
            self._threads.append(serve)

    def __exit__(self, *exc: object) -> None:
        if self._before is None:
            os.environ.pop(ENV_LAYANAN, None)
        else:
            os.environ[ENV_LAYANAN] = self._before
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _serve(self, conn: Connection) -> None:
        """Answer one worker's requests ``(html, title)`` with ``("ok", pdf)`` or ``("galat", text)``."""
        from ._pdf_chromium import chromium_pdf

        with self._lock:
            self._clients += 1
        try:
            with conn:
                while True:
                    try:
                        html_text, title = conn.recv()
                    except (EOFError, OSError):
                        return
                    reply: tuple[str, bytes | str]
                    try:
                        reply = ("ok", chromium_pdf(html_text, title))
                    except Exception as exc:  # noqa: BLE001 - the worker reports it for its kecamatan
                        reply = ("galat", f"{type(exc).__name__}: {exc}")
                    try:
                        conn.send(reply)
                    except OSError:
                        return
        finally:
            with self._lock:
                self._clients -= 1
                self._since = time.monotonic()


def terjangkau(spec: str) -> bool:
    """True when the service ``address|key-hex`` answers and accepts the key."""
    if "|" not in spec:
        return False
    address, key = spec.rsplit("|", 1)
    try:
        Client(address, authkey=bytes.fromhex(key)).close()
    except (OSError, ValueError, EOFError, AuthenticationError):
        return False
    return True


_CLIENT: dict[str, Any] = {}
_CLIENT_LOCK = threading.Lock()


def lewat_layanan(html_text: str, title: str | None) -> bytes | None:
    """The PDF printed by this machine's service, or None when there is none to reach."""
    spec = os.environ.get(ENV_LAYANAN, "")
    if "|" not in spec:
        return None
    address, key = spec.rsplit("|", 1)
    with _CLIENT_LOCK:  # one connection per process (and per service), one request at a time
        conn = _CLIENT.get(spec) if _CLIENT.get("pid") == os.getpid() else None
        if conn is None:
            try:
                conn = Client(address, authkey=bytes.fromhex(key))
            except (OSError, ValueError, EOFError, AuthenticationError):
                return None  # gone or not ours: the caller prints with a browser of its own
            _CLIENT.clear()
            _CLIENT.update({"pid": os.getpid(), spec: conn})
        try:
            conn.send((html_text, title))
            status, value = conn.recv()
        except (OSError, EOFError):  # the service ended meanwhile: the caller prints with its own browser
            _CLIENT.clear()
            return None
    if status != "ok":
        raise RuntimeError(value)
    data: bytes = value
    return data
