"""Executing one chapter: parameter checks, deterministic notebooks, kept failures."""

from __future__ import annotations

import sys
from pathlib import Path
from queue import Empty
from typing import Any

import nbformat
import pytest
from render_fixtures import PARAMETERS

from lkip_helpers.errors import RenderError
from lkip_helpers.render import Provenance, execute_chapter, validate_parameters
from lkip_helpers.render.execute import ThisPythonKernelManager


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        (
            {"kecamatan": "Umbulsari", "tahunn": 2023},
            "parameter 'tahunn' tidak dikenal (yang tersedia: kecamatan, tahun)",
        ),
        ({"tahun": "2023"}, "parameter 'tahun' harus bertipe int, bukan str ('2023')"),
        ({"tahun": True}, "parameter 'tahun' harus bertipe int, bukan bool"),
        ({"kecamatan": 7}, "parameter 'kecamatan' harus bertipe str, bukan int"),
    ],
)
def test_parameters_refused_before_running(chapters: list[Path], parameters: dict, message: str) -> None:
    with pytest.raises(RenderError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        validate_parameters(chapters[0], parameters, "Umbulsari")
    assert info.value.chapter == "00_pengantar"
    assert info.value.notebook_path is None


def test_valid_parameters_return_the_declared_ones(chapters: list[Path]) -> None:
    declared = validate_parameters(chapters[0], PARAMETERS)
    assert declared["tahun"]["help"] == "tahun laporan"


def test_kernel_is_this_python() -> None:
    spec = ThisPythonKernelManager(kernel_name="python3").kernel_spec
    assert spec.argv[0] == sys.executable


@pytest.mark.slow
def test_executed_notebook_is_deterministic_with_provenance(chapters: list[Path], tmp_path: Path) -> None:
    prov = Provenance(
        data_files=(("2023/umbulsari/instansi.yaml", "a" * 64),),
        parameters=PARAMETERS,
        tanggal="23 Februari 2024",
    )
    first = tmp_path / "a" / "00.ipynb"
    execute_chapter(chapters[0], first, PARAMETERS, provenance=prov)
    second = tmp_path / "b" / "00.ipynb"
    execute_chapter(chapters[0], second, PARAMETERS, provenance=prov)
    assert first.read_bytes() == second.read_bytes()
    nb = nbformat.read(first, as_version=4)
    assert nb.cells[0].id == "lkip-provenance"
    assert "a" * 64 in nb.cells[0].source
    assert nb.metadata["lkip"]["provenance"]["data_files"][0]["sha256"] == "a" * 64
    assert set(nb.metadata["papermill"]) == {"default_parameters", "parameters"}
    text = first.read_text()
    for run_specific in (
        "start_time",
        "end_time",
        "duration",
        "iopub.",
        "environment_variables",
        str(tmp_path),
    ):
        assert run_specific not in text
    assert [c.id for c in nb.cells][:3] == ["lkip-provenance", "c0", "injected-parameters"]


@pytest.mark.slow
def test_failing_cell_raises_render_error_and_keeps_the_notebook(
    failing_chapter: Path, tmp_path: Path
) -> None:
    out = tmp_path / "gagal.ipynb"
    with pytest.raises(RenderError) as info:
        execute_chapter(failing_chapter, out, {"kecamatan": "Umbulsari", "tahun": 2023})
    err = info.value
    assert (err.kecamatan, err.chapter, err.cell_index) == ("Umbulsari", "03_penutup", 3)
    assert "ZeroDivisionError" in err.detail
    assert "nilai = 1 / 0" in err.detail
    assert err.notebook_path == str(out)
    assert out.exists()
    kept = nbformat.read(out, as_version=4)
    assert any("papermill-error-cell-tag" in c.metadata.get("tags", []) for c in kept.cells)
    assert "bab '03_penutup', sel 3" in str(err)


def test_kernel_clients_answer_ready_and_report_a_dead_kernel() -> None:
    """ReadyClient: what nbclient and the session reset wait on (no fixed 0.2 s per notebook)."""
    from jupyter_core.utils import run_sync

    from lkip_helpers.render.execute import ReadyClient, ThisPythonKernelManager

    km = ThisPythonKernelManager(kernel_name="python3")
    assert km.client_factory is ReadyClient
    assert ReadyClient.wait_for_ready is ReadyClient._async_wait_for_ready  # not jupyter_client's alias
    run_sync(km.start_kernel)()
    try:
        client = km.client()
        client.start_channels()
        run_sync(client.wait_for_ready)(timeout=60)
        reply = run_sync(client.execute_interactive)("1 + 1", timeout=60, output_hook=lambda _msg: None)
        assert reply["content"]["status"] == "ok"  # and IOPub delivered its idle status: connected
        client.stop_channels()
        # a kernel slow to answer its first kernel_info: the replies of earlier rounds arrive late
        slow = km.client()
        slow.start_channels()
        get_msg, calls = slow.shell_channel.get_msg, []

        async def late(*args: Any, **kwargs: Any) -> Any:
            calls.append(1)
            if len(calls) == 1:
                raise Empty  # the first reply is not there yet (it stays queued)
            return await get_msg(*args, **kwargs)

        slow.shell_channel.get_msg = late
        run_sync(slow.wait_for_ready)(timeout=20)
        assert len(calls) >= 2
        slow.stop_channels()
    finally:
        run_sync(km.shutdown_kernel)(now=True)
    dead = km.client()
    dead.start_channels()
    with pytest.raises(RuntimeError, match="died|respond"):
        run_sync(dead.wait_for_ready)(timeout=3)
    dead.stop_channels()


def test_the_kernel_works_in_the_notebooks_folder_and_this_process_stays_where_it_is(tmp_path: Path) -> None:
    from render_fixtures import write_notebook

    folder = tmp_path / "bab"
    nb = write_notebook(folder / "00_tempat.ipynb", ["import os\nprint(os.getcwd())"])
    here = Path.cwd()
    out = execute_chapter(nb, tmp_path / "keluaran" / "00_tempat.ipynb", PARAMETERS)
    printed = "".join(o.get("text", "") for c in out.cells for o in c.get("outputs", []))
    assert printed.strip() == str(folder.resolve())
    assert Path.cwd() == here  # no os.chdir() of this process (papermill's cwd= would do one)
