"""Shared fixtures: the real reference data set and the settings."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from lkip_helpers.data import load
from lkip_helpers.data.model import DataSet
from lkip_helpers.present import theme
from lkip_helpers.report.laporan import Laporan, buka
from lkip_helpers.rules.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
UMBULSARI = ROOT / "data" / "2023" / "umbulsari"

# Every chart drawn in the tests (in this process and in every kernel it starts) is
# checked against the Vega-Lite schema; a render outside the tests skips that check.
os.environ[theme.ENV_VALIDASI] = "1"


#: The modules whose fixtures render whole reports, heaviest first (measured with
#: ``--durations``).  Only the order changes, never what runs.
_HEAVIEST = (
    "test_report_umbulsari", "test_docx", "test_editions", "test_pratinjau", "test_property_input", "test_tahun_baru",
    "test_notebooks", "test_kernels", "test_portable", "test_install", "test_report",
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Schedule the heavy modules first.

    ``make test`` distributes whole modules (``--dist loadfile``) in collection order; a
    module that renders reports collected last keeps one worker busy minutes after the
    other is idle.  The sort is stable and the same on every worker, as xdist requires.
    """

    slow = {item.path for item in items if item.get_closest_marker("slow")}

    def rank(item: pytest.Item) -> int:  # per module, so a module's tests stay together
        name = item.path.stem
        if name in _HEAVIEST:
            return _HEAVIEST.index(name)
        return len(_HEAVIEST) + (0 if item.path in slow else 1)

    items.sort(key=rank)


@pytest.fixture(scope="session")
def umbulsari() -> DataSet:
    """The Umbulsari 2023 data set, transcribed from the reference report."""
    return load(UMBULSARI)


@pytest.fixture(scope="session")
def settings() -> Settings:
    """Default settings (params/default.yaml)."""
    return load_settings()


@pytest.fixture(scope="session")
def lap() -> Laporan:
    """The report object of Umbulsari 2023 (loaded and checked as a render does)."""
    return buka(UMBULSARI)


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(f"{names[0]} belum terpasang: jalankan `make test`, yang memasang paket Debian-nya")


@pytest.fixture(scope="session")
def pdftotext() -> Callable[..., str]:
    """``pdftotext OPTIONS PDF -`` (default ``-layout``; poppler-utils; missing is a failure, not a skip)."""
    exe = _tool("pdftotext")

    def run(pdf: Path, *options: str) -> str:
        return subprocess.run([exe, *(options or ("-layout",)), str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout

    return run


@pytest.fixture
def chromium_dom(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Open a page in headless Chromium without network; return the run (DOM on stdout).

    Debian's ``chromium`` is installed by ``make test``; missing is a failure, not a skip.
    The flags keep Chromium from reaching out (background networking, component updates).
    """
    exe = _tool("chromium", "chromium-browser")

    def run(url: str, budget_ms: int = 10000, log: bool = False) -> subprocess.CompletedProcess[str]:
        command = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                   f"--user-data-dir={tmp_path / 'chromium-profil'}",
                   # no network at all: every host resolves to nothing
                   "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                   f"--virtual-time-budget={budget_ms}", "--dump-dom"]
        if log:
            command += ["--enable-logging=stderr", "--v=0"]
        return subprocess.run([*command, url], capture_output=True, text=True, timeout=180, check=True)

    return run


class Browser:
    """A headless Chromium for one test; pages open offline but for one address prefix."""

    def __init__(self, launched: Any) -> None:
        self.launched = launched
        self.asked: list[str] = []  # every address a page of this browser asked for

    def new_page(self, allow: str, **options: Any) -> Any:
        """A page that records every request and lets only those starting with ``allow`` through."""
        page = self.launched.new_page(**options)

        def route(r: Any) -> None:
            self.asked.append(r.request.url)
            if r.request.url.startswith(allow):
                r.continue_()
            else:
                r.abort()

        page.route("**/*", route)
        return page


@pytest.fixture
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven through Playwright (no browser download), headless.

    Its HOME and TMPDIR are a short private folder, as the renderer's own browser has
    (``_browser_env``): a test's temporary folder is too long for Chromium's singleton
    socket (it aborts at launch).  Missing is a failure.
    """
    from playwright.sync_api import sync_playwright

    from lkip_helpers._platform import short_tempdir
    from lkip_helpers.render._pdf_chromium import _browser_env, find_browser

    executable = find_browser()
    assert executable, "make test installs Debian's chromium"
    private = short_tempdir("lkip-uji-chromium-")
    try:
        with sync_playwright() as pw:
            launched = pw.chromium.launch(executable_path=executable, headless=True,
                                          args=["--no-sandbox", "--disable-gpu", "--no-first-run"],
                                          env=_browser_env(private))
            try:
                yield Browser(launched)
            finally:
                launched.close()
    finally:
        shutil.rmtree(private, ignore_errors=True)
