"""render._pdf_bersama: the Dask workers of one machine share one browser, which ends when they are gone."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from lkip_helpers.render import _pdf_bersama
from lkip_helpers.render._pdf_layanan import ENV_LAYANAN

PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>x</title></head><body><p>lkip</p></body></html>'


@pytest.fixture
def temp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short temporary folder of this test only (the service's folder lives in it), and a short idle time."""
    folder = Path(tempfile.mkdtemp(prefix="lkb", dir="/tmp"))  # noqa: S108 - short: sockets live here
    monkeypatch.setenv("TMPDIR", str(folder))  # for the spawned workers
    monkeypatch.setattr(tempfile, "tempdir", str(folder))  # for this process
    monkeypatch.setenv(_pdf_bersama.ENV_MENGANGGUR, "2")
    monkeypatch.delenv(ENV_LAYANAN, raising=False)
    yield folder
    for proc in _services(folder):
        proc.kill()
    shutil.rmtree(folder, ignore_errors=True)


def _services(folder: Path) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        cmd = proc.info["cmdline"] or []
        if "lkip_helpers.render._pdf_bersama" in cmd and any(str(folder) in part for part in cmd):
            found.append(proc)
    return found


def _worker(page: str) -> tuple[str | None, bytes, list[int]]:
    """As a Dask worker away from the client does: find the machine's service, print through it.

    Returns the browser processes below this worker that are not the service's (the
    worker that started the service has it, and so its browser, among its children).
    """
    from lkip_helpers.render.pdf import html_to_pdf

    spec = _pdf_bersama.layanan_mesin()
    if spec:
        os.environ[ENV_LAYANAN] = spec
    pdf = html_to_pdf(page, mesin="chromium")
    own = []
    for proc in psutil.Process().children(recursive=True):
        try:
            if "chrom" in proc.name() and not any(
                    "lkip_helpers.render._pdf_bersama" in (parent.cmdline() or []) for parent in proc.parents()):
                own.append(proc.pid)
        except psutil.Error:
            continue  # a renderer that ended meanwhile
    return spec, pdf, own


def test_the_workers_of_a_machine_share_one_browser(temp: Path) -> None:
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(_worker, [PAGE, PAGE])
        services = _services(temp)
        assert len(services) == 1  # two workers, one service
    (spec_a, pdf_a, own_a), (spec_b, pdf_b, own_b) = results
    assert spec_a is not None
    assert spec_a == spec_b
    assert pdf_a.startswith(b"%PDF-")
    assert pdf_a == pdf_b
    assert own_a == own_b == []  # no worker started a browser of its own: only the service has one
    where = _pdf_bersama.folder()
    assert where.parent == temp
    assert oct(where.stat().st_mode & 0o777) == oct(0o700)
    assert oct((where / "layanan").stat().st_mode & 0o777) == oct(0o600)
    # the workers are gone: the service ends after its idle time (2 s here), and takes its files with it
    services[0].wait(timeout=60)
    assert not (where / "layanan").exists()
    assert not (where / "soket").exists()


def test_a_folder_others_may_write_into_is_never_used(temp: Path) -> None:
    where = _pdf_bersama.folder()
    where.mkdir(mode=0o700)
    where.chmod(0o777)
    assert _pdf_bersama.layanan_mesin() is None
    assert not _services(temp)


def test_a_second_call_finds_the_running_service(temp: Path) -> None:
    first = _pdf_bersama.layanan_mesin()
    second = _pdf_bersama.layanan_mesin()
    assert first is not None
    assert second == first
    assert len(_services(temp)) == 1  # the second call started none
