"""The batch on a real Dask cluster: a scheduler and two worker processes on loopback."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from batch_fixtures import make_params, set_catatan

from lkip_helpers.batch import run_batch

pytestmark = [pytest.mark.dask, pytest.mark.slow]


def _without_data_path(text: str) -> str:
    """The executed notebook with the data set's folder (a worker's own copy on Dask) blanked.

    A chapter records the path it opened (injected parameter, provenance); everything
    else must be byte for byte what this machine writes.
    """
    text = re.sub(r'data = \\"[^"\\]*\\"', "data = <data>", text)  # injected parameters cell
    text = re.sub(r"<code>data</code> = <code>&#x27;[^&]*&#x27;</code>", "data = <data>", text)  # provenance
    return re.sub(r'"data": "[^"]*"', '"data": "<data>"', text)  # provenance metadata


@pytest.fixture
def cluster():
    """A scheduler and two single-threaded worker processes started here, on 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
        silence_logs=40,
    ) as cluster:
        yield cluster


def _profiling(cluster) -> set[str]:
    """The statistical-profiler callbacks running on any worker of ``cluster``."""
    from distributed import Client

    def running(dask_worker) -> list[str]:
        return [k for k in ("profile", "profile-cycle")
                if k in dask_worker.periodic_callbacks and dask_worker.periodic_callbacks[k].is_running()]

    with Client(cluster.scheduler_address, set_as_default=False) as client:
        per_worker = client.run(running)
    assert len(per_worker) == 2
    return {k for keys in per_worker.values() for k in keys}


def test_dask_batch_ships_bytes_and_matches_a_local_run(project: Path, cluster, tmp_path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    from lkip_helpers.render.word import REFERENSI

    own = Document(str(REFERENSI))  # a kabupaten's own reference document: its bytes travel with the job
    own.styles["Normal"].font.size = Pt(12.5)
    own.save(str(tmp_path / "jember.docx"))
    word = {"formats": ("html", "docx"), "referensi_docx": tmp_path / "jember.docx"}
    params = make_params(project, {"Ajung": "ajung", "Puger": "puger", "Silo": "silo"}, **word)
    set_catatan(project / "data" / "2023" / "silo", "MELEDAK")
    events: list[dict] = []
    assert _profiling(cluster) == {"profile", "profile-cycle"}  # Dask's default
    remote = run_batch(params, scheduler=cluster.scheduler_address, on_event=events.append)
    status = {o.kecamatan: o.status for o in remote.outcomes}
    assert status == {"Ajung": "selesai", "Puger": "selesai", "Silo": "gagal"}
    out = params.keluaran
    for slug in ("ajung", "puger"):
        for name in ("laporan.html", "laporan.docx", "notebooks/01_capaian.ipynb", "notebooks/02_uji.html",
                     ".lkip-batch.json"):
            assert (out / slug / name).exists(), (slug, name)
        assert Document(str(out / slug / "laporan.docx")).styles["Normal"].font.size == Pt(12.5)
    silo = next(o for o in remote.outcomes if o.kecamatan == "Silo")
    assert silo.notebook_gagal == str(out / "silo" / "gagal" / "02_uji.ipynb")
    assert Path(silo.notebook_gagal).exists()
    assert not (out / "silo" / "laporan.html").exists()
    assert any(e.get("jenis") == "langkah" for e in events)  # progress came back from the workers
    assert (out / "index.html").exists()
    assert _profiling(cluster) == set()  # stopped on every worker: it grew a worker ~1.4 MB per report

    # the same batch on this machine writes the same executed notebooks
    local = make_params(project, {"Ajung": "ajung", "Puger": "puger"}, **word)
    local = type(local)(**{**local.__dict__, "keluaran": tmp_path / "lokal"})
    run_batch(local, workers=1)
    for slug in ("ajung", "puger"):
        for nb in ("01_capaian.ipynb", "02_uji.ipynb"):
            there = _without_data_path((out / slug / "notebooks" / nb).read_text(encoding="utf-8"))
            here = _without_data_path((tmp_path / "lokal" / slug / "notebooks" / nb).read_text(encoding="utf-8"))
            assert there == here
        docx = (out / slug / "laporan.docx").read_bytes()
        assert docx == (tmp_path / "lokal" / slug / "laporan.docx").read_bytes()

    # nothing changed: the cluster is not even asked
    again = run_batch(params, scheduler=cluster.scheduler_address)
    assert {o.kecamatan: o.status for o in again.outcomes if o.ok} == {"Ajung": "dilewati", "Puger": "dilewati"}


def test_a_worker_prints_with_the_clients_browser_on_its_machine_else_with_its_machines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from lkip_helpers.batch import remote
    from lkip_helpers.render import _pdf_bersama
    from lkip_helpers.render._pdf_layanan import ENV_LAYANAN, LayananPdf

    started: list[bool] = []

    def machine_service() -> str:
        started.append(True)
        return "/tmp/lkip-pdf-0/soket|abcd"  # noqa: S108 - a stand-in: nothing is started here

    monkeypatch.setattr(_pdf_bersama, "layanan_mesin", machine_service)
    monkeypatch.setenv("LKIP_PDF", "chromium")
    monkeypatch.delenv(ENV_LAYANAN, raising=False)
    with LayananPdf() as client_service:  # the client's, on this machine: reachable
        spec = f"{client_service.alamat}|{client_service.kunci}"
        monkeypatch.delenv(ENV_LAYANAN)
        remote._use_service(spec)
        assert os.environ[ENV_LAYANAN] == spec
        assert not started
    monkeypatch.delenv(ENV_LAYANAN, raising=False)
    remote._use_service(f"{tmp_path / 'lain-mesin.sock'}|00ff")  # the client is on another machine
    assert os.environ[ENV_LAYANAN] == "/tmp/lkip-pdf-0/soket|abcd"  # noqa: S108 - this machine's shared one
    assert started == [True]
    monkeypatch.delenv(ENV_LAYANAN)
    monkeypatch.setattr(_pdf_bersama, "layanan_mesin", lambda: None)  # none possible here (portable mode)
    remote._use_service("")
    assert ENV_LAYANAN not in os.environ  # a browser of its own
