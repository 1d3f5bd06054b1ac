"""``lkip pratinjau``: the page follows the data set (folder in a workspace, and a workbook).

One preview process per data set form (module-scoped): the tests run in order against
it, edit its data files and wait (generous timeout, no time asserted) until the page
shows the change.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from batch.batch_fixtures import break_data, write_notebook
from pratinjau_fixtures import Sesi, is_report, processes_started_by, replace_in

from lkip_helpers.data import load
from lkip_helpers.data.templat import write_workbook

ROOT = Path(__file__).resolve().parent.parent
UMBULSARI = ROOT / "data" / "2023" / "umbulsari"
KALIMAT = "Puji syukur kehadirat Tuhan Yang Maha Esa"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def ruang_kerja(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace (data/, params/) with a copy of Umbulsari 2023."""
    root = tmp_path_factory.mktemp("ruang-kerja")
    shutil.copytree(UMBULSARI, root / "data" / "2023" / "umbulsari")
    (root / "params").mkdir()
    shutil.copy(ROOT / "params" / "default.yaml", root / "params")
    return root


@pytest.fixture(scope="module")
def sesi(ruang_kerja: Path) -> Iterator[Sesi]:
    """``lkip pratinjau data/2023/umbulsari`` run from the workspace (the real chapters)."""
    running = Sesi(Path("data/2023/umbulsari"), ruang_kerja)
    yield running
    running.berhenti()


def test_first_page_is_the_report_with_the_reload_script(sesi: Sesi) -> None:
    page = sesi.tunggu(is_report)
    assert "BAB I PENDAHULUAN" in page
    assert KALIMAT in page
    assert 'id="lkip-pratinjau"' in page
    assert "/versi" in page
    assert sesi.get("/versi")[0] == 200
    assert sesi.url.startswith("http://127.0.0.1:")


def test_a_saved_sentence_shows_on_the_page(sesi: Sesi, ruang_kerja: Path) -> None:
    sesi.tunggu(is_report)
    replace_in(ruang_kerja / "data" / "2023" / "umbulsari" / "narasi.yaml", KALIMAT, "Puji syukur PRATINJAU-SATU")
    page = sesi.tunggu(lambda p: "PRATINJAU-SATU" in p)
    assert is_report(page)
    assert "memperbarui" in sesi.keluaran
    assert "selesai" in sesi.keluaran


def test_saving_the_same_bytes_renders_nothing(sesi: Sesi, ruang_kerja: Path) -> None:
    sesi.tunggu(lambda p: "PRATINJAU-SATU" in p)
    path = ruang_kerja / "data" / "2023" / "umbulsari" / "narasi.yaml"
    path.write_bytes(path.read_bytes())  # an editor saving without a change: only the time moves
    deadline = time.monotonic() + 120
    while "tanpa perubahan isi" not in sesi.keluaran:
        assert time.monotonic() < deadline, sesi.keluaran
        time.sleep(0.1)


def test_lock_files_of_editors_are_not_changes(sesi: Sesi, ruang_kerja: Path) -> None:
    folder = ruang_kerja / "data" / "2023" / "umbulsari"
    before = sesi.get("/versi")[1]
    (folder / ".~lock.realisasi.csv#").write_text("kunci", encoding="utf-8")
    (folder / "~$buku.xlsx").write_text("kunci", encoding="utf-8")
    time.sleep(2)  # several looks at the files; not a time measured
    assert sesi.get("/versi")[1] == before


def test_the_page_open_in_chromium_reloads_itself_after_a_save(sesi: Sesi, ruang_kerja: Path, browser: Any) -> None:
    """What the planner sees: the tab shows the saved sentence without being reloaded by hand."""
    sesi.tunggu(lambda p: "PRATINJAU-SATU" in p)
    loads: list[str] = []
    page = browser.new_page(allow=sesi.url)
    page.on("load", lambda: loads.append(page.url))
    page.goto(sesi.url)
    page.wait_for_function("document.body.innerText.includes('PRATINJAU-SATU')", timeout=60_000)
    replace_in(ruang_kerja / "data" / "2023" / "umbulsari" / "narasi.yaml", "PRATINJAU-SATU", "PRATINJAU-SATU PERAMBAN")
    page.wait_for_function("document.body.innerText.includes('PRATINJAU-SATU PERAMBAN')", timeout=180_000)
    assert page.url == sesi.url
    assert page.locator("svg").count() > 0  # the charts are drawn offline, in the reloaded page too
    page.close()
    assert len(loads) >= 2  # the first load and at least one the page made by itself
    asked = browser.asked
    assert all(url.startswith(sesi.url) for url in asked), [u for u in asked if not u.startswith(sesi.url)]


def test_a_broken_save_shows_the_errors_and_the_next_good_save_renders(sesi: Sesi, ruang_kerja: Path) -> None:
    folder = ruang_kerja / "data" / "2023" / "umbulsari"
    good = (folder / "sub_kegiatan.csv").read_bytes()
    break_data(folder)
    page = sesi.tunggu(lambda p: "Data tidak dapat dipakai" in p)
    assert "sub_kegiatan.csv" in page
    assert "pagu" in page
    assert "banyak sekali" in page
    assert "<th>Baris</th>" in page
    assert "<th>Seharusnya</th>" in page
    assert 'href="/terakhir"' in page
    status, last = sesi.get("/terakhir")
    assert status == 200
    assert "PRATINJAU-SATU" in last
    assert sesi.proc.poll() is None
    (folder / "sub_kegiatan.csv").write_bytes(good)
    replace_in(folder / "narasi.yaml", "PRATINJAU-SATU", "PRATINJAU-DUA")
    page = sesi.tunggu(lambda p: "PRATINJAU-DUA" in p)
    assert is_report(page)


def test_ctrl_c_stops_the_server_and_every_kernel(sesi: Sesi) -> None:
    sesi.tunggu(is_report)
    pid = sesi.proc.pid
    assert processes_started_by(pid), "the zygote and the started kernels run while previewing"
    assert sesi.berhenti() == 0
    assert "Pratinjau dihentikan." in sesi.keluaran
    deadline = time.monotonic() + 60
    while processes_started_by(pid):
        assert time.monotonic() < deadline, processes_started_by(pid)
        time.sleep(0.2)


# ------------------------------------------------------------------ a workbook, outside any workspace
@pytest.fixture(scope="module")
def buku(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Umbulsari 2023 as a workbook in a folder that is no workspace."""
    path = tmp_path_factory.mktemp("isian") / "umbulsari.xlsx"
    write_workbook(load(UMBULSARI), path)
    return path


@pytest.fixture(scope="module")
def sesi_buku(buku: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sesi]:
    """``lkip pratinjau umbulsari.xlsx`` with one small chapter (the Kata Pengantar)."""
    chapters = tmp_path_factory.mktemp("bab")
    write_notebook(chapters / "01_pengantar.ipynb", [
        "from lkip_helpers import buka\nfrom lkip_helpers.present import tables\n"
        "from lkip_helpers.present.display import bab",
        "lap = buka(data, pengaturan, kecamatan=kecamatan, tahun=tahun, final=final)",
        'bab("KATA PENGANTAR")',
        'tables.narasi_laporan(lap, "kata_pengantar")',
    ])
    (chapters / "bab.yaml").write_text(yaml.safe_dump({"bab": ["01_pengantar"]}), encoding="utf-8")
    running = Sesi(buku, buku.parent, env={"LKIP_BAB": str(chapters)})
    yield running
    running.berhenti()


def _replace_in_workbook(path: Path, old: str, new: str) -> None:
    wb = openpyxl.load_workbook(path)
    hits = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and old in cell.value:
                    cell.value, hits = cell.value.replace(old, new), hits + 1
    assert hits, f"{old!r} not in {path}"
    wb.save(path)


def test_a_workbook_previews_and_follows_its_saves(sesi_buku: Sesi, buku: Path) -> None:
    page = sesi_buku.tunggu(lambda p: is_report(p) and KALIMAT in p)
    assert "KATA PENGANTAR" in page
    _replace_in_workbook(buku, KALIMAT, "Puji syukur DARI-BUKU-KERJA")
    page = sesi_buku.tunggu(lambda p: "DARI-BUKU-KERJA" in p)
    assert is_report(page)
