"""render._pdf_layanan: the workers of a batch print with the one browser of the main process."""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from pathlib import Path

import psutil
import pytest

from lkip_helpers import _platform
from lkip_helpers.render import _pdf_chromium, _pdf_layanan
from lkip_helpers.render._pdf_layanan import ENV_LAYANAN, LayananPdf, lewat_layanan

PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body><p>lkip</p></body></html>'


def _in_worker(page: str) -> tuple[bytes | None, list[str]]:
    """In a spawned process (as a batch worker is): the PDF from the service, and what this process started."""
    from lkip_helpers.render.pdf import html_to_pdf

    data = html_to_pdf(page, title="Judul", mesin="chromium")
    return data, [p.name() for p in psutil.Process().children(recursive=True)]


def test_a_worker_prints_through_the_service_not_a_browser_of_its_own() -> None:
    with LayananPdf():
        assert ENV_LAYANAN in os.environ
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            served, started = pool.apply(_in_worker, (PAGE,))
    assert ENV_LAYANAN not in os.environ
    assert served == _pdf_chromium.chromium_pdf(PAGE, "Judul")
    assert not [name for name in started if "chrom" in name or name == "node"], started


def test_without_a_service_there_is_nothing_to_reach(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_LAYANAN, raising=False)
    assert lewat_layanan(PAGE, None) is None
    monkeypatch.setenv(ENV_LAYANAN, "/tidak/ada.sock|00ff")
    assert lewat_layanan(PAGE, None) is None  # gone: the caller prints with its own browser


def test_an_error_in_the_service_comes_back_to_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_html: str, _title: str | None) -> bytes:
        msg = "halaman rusak"
        raise ValueError(msg)

    monkeypatch.setattr(_pdf_chromium, "chromium_pdf", broken)
    _pdf_layanan._CLIENT.clear()
    with LayananPdf(), pytest.raises(RuntimeError, match="ValueError: halaman rusak"):
        lewat_layanan(PAGE, None)


def test_a_wrong_key_is_refused_and_the_service_goes_on() -> None:
    with LayananPdf() as layanan:
        spec = os.environ[ENV_LAYANAN]
        os.environ[ENV_LAYANAN] = f"{layanan.alamat}|{'00' * 32}"
        _pdf_layanan._CLIENT.clear()
        assert lewat_layanan(PAGE, None) is None
        os.environ[ENV_LAYANAN] = spec
        _pdf_layanan._CLIENT.clear()
        served = lewat_layanan(PAGE, None)
        assert served is not None
        assert served.startswith(b"%PDF-")


def test_the_socket_fits_under_a_long_tmpdir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A socket path has at most ~107 bytes: under a long TMPDIR the service still listens (CI failed so)."""
    long_tmp = tmp_path / ("sementara-" * 10)
    long_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(long_tmp))
    monkeypatch.setattr(_pdf_layanan, "socket_dir", _platform.socket_dir.__wrapped__)  # not this process's cached folder
    _pdf_layanan._CLIENT.clear()
    with LayananPdf() as layanan:
        assert len(layanan.alamat.encode()) < 100, layanan.alamat
        assert not layanan.alamat.startswith(str(long_tmp))
        served = lewat_layanan(PAGE, None)
    assert served is not None
    assert served.startswith(b"%PDF-")
    assert not any(long_tmp.iterdir())  # nothing written into the TMPDIR it avoided
