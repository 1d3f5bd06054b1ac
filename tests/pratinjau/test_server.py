"""The preview's server on 127.0.0.1: the current page, its version, the last good report."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from lkip_helpers.pratinjau.server import Keadaan, Peladen


@pytest.fixture
def peladen() -> Iterator[tuple[Peladen, Keadaan]]:
    keadaan = Keadaan("<html><body>menunggu</body></html>")
    server = Peladen(keadaan, 0)
    server.mulai()
    yield server, keadaan
    server.berhenti()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:  # noqa: S310 - 127.0.0.1
            return reply.status, reply.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def test_server_serves_the_current_page_its_version_and_the_last_report(peladen: tuple[Peladen, Keadaan]) -> None:
    server, keadaan = peladen
    assert server.url.startswith("http://127.0.0.1:")
    assert _get(server.url + "terakhir") == (404, "Belum ada laporan yang berhasil disusun.")
    status, page = _get(server.url)
    assert status == 200
    assert "menunggu" in page
    assert "var versi = 1" in page
    keadaan.terbitkan("<html><body>laporan A</body></html>", laporan=True)
    keadaan.terbitkan("<html><body>galat data</body></html>", laporan=False)
    assert json.loads(_get(server.url + "versi")[1]) == {"versi": 3}
    assert "galat data" in _get(server.url)[1]
    status, last = _get(server.url + "terakhir")
    assert status == 200
    assert "laporan A" in last
    assert "var versi = 3" in last
    status, text = _get(server.url + "lain")
    assert status == 404
    assert "tidak ada" in text


def test_a_version_request_is_answered_when_a_render_is_published(peladen: tuple[Peladen, Keadaan]) -> None:
    """The page's ``/versi?sejak=N`` waits for the next version: it reloads at once, without polling."""
    import threading

    server, keadaan = peladen
    timer = threading.Timer(0.3, keadaan.terbitkan, args=("<html><body>baru</body></html>", True))
    timer.start()
    assert json.loads(_get(server.url + "versi?sejak=1")[1]) == {"versi": 2}  # held until it was published
    assert json.loads(_get(server.url + "versi?sejak=1")[1]) == {"versi": 2}  # already another: at once
    assert json.loads(_get(server.url + "versi?sejak=x")[1]) == {"versi": 2}  # no number: the version now


def test_a_held_version_request_ends_after_the_longest_wait() -> None:
    keadaan = Keadaan("<p>menunggu</p>")
    assert keadaan.tunggu_selain(1, batas=0.05) == 1
