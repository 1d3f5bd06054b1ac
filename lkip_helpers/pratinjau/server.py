"""The preview's web server: the standard library's threading server on 127.0.0.1 only.

``/`` is the current page (the report, or the data errors, or the failure), ``/versi``
its version as JSON (the reload script asks ``/versi?sejak=N``, answered as soon as the
version is not ``N`` any more, or after :data:`TUNGGU_MAKS` seconds: the page reloads the
moment a render is published, without polling), ``/terakhir`` the last report that did
render (kept while the data is broken).  :class:`Keadaan` holds them; the render loop
publishes into it from another thread.
"""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from .halaman import dengan_pemuat_ulang

__all__ = ["HOST", "TUNGGU_MAKS", "Keadaan", "Peladen"]

HOST = "127.0.0.1"
#: Seconds a ``/versi?sejak=N`` request is held at most while the version is still ``N``.
TUNGGU_MAKS = 20.0


class Keadaan:
    """What is served: the current page, the last good report and the version number."""

    def __init__(self, halaman: str) -> None:
        self._lock = threading.Condition()
        self.versi = 1
        self._halaman = halaman
        self._terakhir: str | None = None

    def terbitkan(self, halaman: str, laporan: bool) -> int:
        """Serve ``halaman`` from now on (``laporan``: it is a report, kept as the last good one)."""
        with self._lock:
            self.versi += 1
            self._halaman = halaman
            if laporan:
                self._terakhir = halaman
            self._lock.notify_all()
            return self.versi

    def tunggu_selain(self, versi: int, batas: float = TUNGGU_MAKS) -> int:
        """The version, once it is not ``versi`` any more (or after ``batas`` seconds)."""
        with self._lock:
            self._lock.wait_for(lambda: self.versi != versi, timeout=batas)
            return self.versi

    @property
    def ada_terakhir(self) -> bool:
        """True once a report has rendered."""
        with self._lock:
            return self._terakhir is not None

    def baca(self, path: str) -> tuple[int, str | None]:
        """``(version, page)`` for ``/`` or ``/terakhir``; page None when there is none."""
        with self._lock:
            page = self._terakhir if path == "/terakhir" else self._halaman
            return self.versi, page


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        path, _, query = self.path.split("#", 1)[0].partition("?")
        keadaan = self.server.keadaan
        if path == "/versi":
            sejak = parse_qs(query).get("sejak", [""])[0]
            versi = keadaan.tunggu_selain(int(sejak)) if sejak.isdigit() else keadaan.versi
            self._send(HTTPStatus.OK, "application/json", json.dumps({"versi": versi}))
            return
        if path in {"/", "/index.html", "/terakhir"}:
            versi, page = keadaan.baca(path)
            if page is not None:
                self._send(HTTPStatus.OK, "text/html; charset=utf-8", dengan_pemuat_ulang(page, versi))
                return
            self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "Belum ada laporan yang berhasil disusun.")
            return
        self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", f"Halaman {path} tidak ada. Buka / saja.")

    def _send(self, status: HTTPStatus, kind: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return  # the console shows the preview's own status lines, not every request


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, keadaan: Keadaan) -> None:
        super().__init__((HOST, port), _Handler)
        self.keadaan = keadaan


class Peladen:
    """The server, running in a thread of its own; ``port=0`` picks a free port."""

    def __init__(self, keadaan: Keadaan, port: int = 0) -> None:
        self._server = _Server(port, keadaan)
        self._thread = threading.Thread(target=self._server.serve_forever, name="lkip-pratinjau-http", daemon=True)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT/``."""
        return f"http://{HOST}:{self._server.server_address[1]}/"

    def mulai(self) -> None:
        """Start serving."""
        self._thread.start()

    def berhenti(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()
