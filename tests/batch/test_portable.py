"""The portable mode (Windows, macOS; forced on Linux by LKIP_PORTABEL=1).

The mode decision itself, that every place that would fork, open an IPC socket or read
/proc asks it, and a small batch rendered in it.  The real report rendered in both
modes and compared byte for byte is in ``tests/test_report_umbulsari.py`` (it reuses
that module's normal-mode render).
"""

from __future__ import annotations

import os
import pickle
import socket
from pathlib import Path

import pytest
from batch_fixtures import make_params, write_chapters, write_notebook

from lkip_helpers import _platform
from lkip_helpers._platform import Capabilities, Mode, current_mode, decide, detect_capabilities
from lkip_helpers.batch import Job, Outcome, memory, run_batch
from lkip_helpers.batch import local as local_mod
from lkip_helpers.batch.jobkernel import TimedKernelManager
from lkip_helpers.batch.kernels import ForkKernelManager, current_zygote, manager_class
from lkip_helpers.errors import RenderError, SettingsError
from lkip_helpers.render import execute_chapter, pdf
from lkip_helpers.render.execute import ThisPythonKernelManager

ALL = Capabilities(fork=True, unix_sockets=True, procfs=True)
PARAMS = {"kecamatan": "Umbulsari", "tahun": 2023}

#: A chapter that reports how its kernel was started: transport, address, and whether
#: its parent is the process that asked for it (no zygote in between).
PROBE = [
    "import os\nfrom ipykernel.kernelapp import IPKernelApp\napp = IPKernelApp.instance()",
    "print(app.transport, app.ip, os.getppid() == int(os.environ['JPY_PARENT_PID']))",
]


@pytest.fixture
def portabel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKIP_PORTABEL", "1")


@pytest.fixture
def no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fork that fails the test: the portable mode must never call it."""
    def refuse(*_a: object, **_k: object) -> int:
        msg = "fork() in the portable mode"
        raise AssertionError(msg)

    monkeypatch.setattr(os, "fork", refuse)


# ------------------------------------------------------------------ the decision
@pytest.mark.parametrize("value", ["1", "true", "TRUE", " ya ", "yes", "on"])
def test_the_variable_forces_the_portable_mode(value: str) -> None:
    mode = decide({"LKIP_PORTABEL": value}, ALL)
    assert mode.portable
    assert "LKIP_PORTABEL" in mode.alasan


@pytest.mark.parametrize("env", [{}, {"LKIP_PORTABEL": ""}, {"LKIP_PORTABEL": "0"}, {"LKIP_PORTABEL": "false"},
                                 {"LKIP_PORTABEL": "tidak"}])
def test_linux_with_everything_renders_the_normal_way(env: dict[str, str]) -> None:
    assert decide(env, ALL) == Mode(False, "fork(), soket Unix dan /proc tersedia")


def test_a_typo_is_refused_in_indonesian() -> None:
    with pytest.raises(SettingsError, match=r"LKIP_PORTABEL harus 1/true .* bukan 'iya dong'"):
        decide({"LKIP_PORTABEL": "iya dong"}, ALL)


@pytest.mark.parametrize(("caps", "missing"), [
    (Capabilities(fork=False, unix_sockets=False, procfs=False), "fork(), soket Unix, /proc"),  # Windows
    (Capabilities(fork=True, unix_sockets=True, procfs=False), "/proc"),  # macOS
    (Capabilities(fork=True, unix_sockets=False, procfs=True), "soket Unix"),
    (Capabilities(fork=False, unix_sockets=True, procfs=True), "fork()"),
])
def test_any_missing_capability_means_the_whole_portable_mode(caps: Capabilities, missing: str) -> None:
    mode = decide({}, caps)
    assert mode.portable
    assert mode.alasan == f"sistem ini tidak punya {missing}"
    assert (mode.zygote, mode.kernel_transport, mode.pdf_child, mode.memory_source) == (
        False, "tcp", "spawn", "psutil")


def test_the_normal_mode_uses_what_linux_offers() -> None:
    mode = decide({}, ALL)
    assert (mode.zygote, mode.kernel_transport, mode.pdf_child, mode.memory_source) == (True, "ipc", "fork", "proc")


def test_this_linux_machine_has_every_capability() -> None:
    assert detect_capabilities() == ALL


def test_capabilities_are_detected_from_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without fork() and AF_UNIX (as on Windows) the machine renders portably, no variable needed."""
    monkeypatch.delenv("LKIP_PORTABEL", raising=False)
    monkeypatch.delattr(os, "fork")
    monkeypatch.delattr(socket, "AF_UNIX")
    detect_capabilities.cache_clear()
    try:
        assert detect_capabilities() == Capabilities(fork=False, unix_sockets=False, procfs=True)
        assert current_mode().portable
        assert ThisPythonKernelManager().transport == "tcp"
    finally:
        detect_capabilities.cache_clear()


# ------------------------------------------------------------------ every use asks it
def test_kernels_go_over_tcp_on_loopback(portabel: None) -> None:
    km = ThisPythonKernelManager()
    assert (km.transport, km.ip) == ("tcp", "127.0.0.1")


def test_kernels_go_over_ipc_in_the_normal_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LKIP_PORTABEL", raising=False)
    assert ThisPythonKernelManager().transport == "ipc"
    assert issubclass(manager_class(), ForkKernelManager)


def test_no_zygote_in_the_portable_mode(portabel: None) -> None:
    km = manager_class(time_limit=5, extra_env={"A": "b"})
    assert issubclass(km, TimedKernelManager)
    assert not issubclass(km, ForkKernelManager)
    assert (km.time_limit, km.extra_env, km.timed_out) == (5, {"A": "b"}, [])
    with pytest.raises(RuntimeError, match="mode portabel"):
        current_zygote()


def test_memory_through_psutil(portabel: None, monkeypatch: pytest.MonkeyPatch) -> None:
    here = memory._proc_pss_kb(os.getpid())
    children = sorted(memory._proc_children(os.getpid()))

    def refuse(*_a: object) -> object:
        msg = "/proc read in the portable mode"
        raise AssertionError(msg)

    monkeypatch.setattr(memory, "_proc_pss_kb", refuse)
    monkeypatch.setattr(memory, "_proc_children", refuse)
    assert 0.8 * here < memory.pss_kb(os.getpid()) < 1.25 * here  # psutil's PSS of this process
    assert memory.pss_kb(2**22 + 12345) == 0
    assert sorted(memory.child_pids(os.getpid())) == children
    sampler = memory.PeakMemory(lambda: None)
    sampler.sample()
    assert sampler.peak_mb > 10


def test_pdf_in_a_spawned_process_equals_the_pdf_in_process(portabel: None, no_fork: None, tmp_path: Path) -> None:
    page = "<html><head><title>x</title></head><body><h1>BAB I</h1><p>Kecamatan Umbulsari 95,50%</p></body></html>"
    here = pdf.html_to_pdf(page, title="Judul")
    pdf.set_isolated(True)
    try:
        spawned = pdf.html_to_pdf(page, tmp_path / "a.pdf", title="Judul")
    finally:
        pdf.set_isolated(False)
    assert spawned == here
    assert spawned.startswith(b"%PDF-")


def test_an_error_in_the_spawned_pdf_process_comes_back(no_fork: None) -> None:
    with pytest.raises(RuntimeError, match=r"WeasyPrint gagal membuat PDF: json\.decoder\.JSONDecodeError"):
        pdf._run_child(b"bukan json")


def test_the_pdf_child_imports_nothing_of_the_package() -> None:
    """Run by path it must not pay the package's imports (seconds): only WeasyPrint."""
    source = (Path(pdf.__file__).parent / "_pdf_child.py").read_text(encoding="utf-8")
    assert "lkip_helpers" not in source.split('"""', 2)[2]  # nothing after the docstring
    assert "from ." not in source


def test_what_goes_to_a_spawned_worker_pickles(tmp_path: Path) -> None:
    job = Job("Ajung", 2023, str(tmp_path / "ajung"), str(tmp_path / "out"), ("a.ipynb",), kernel_env={"X": "1"})
    assert pickle.loads(pickle.dumps(job)) == job
    outcome = Outcome("Ajung", "selesai", 1.0, langkah={"pdf": 1.0}, memori_bagian_mb={"pekerja": 1.0})
    assert pickle.loads(pickle.dumps(outcome)) == outcome
    for fn in (local_mod._init_worker, local_mod._work, local_mod._call):
        assert pickle.loads(pickle.dumps(fn)) is fn


# ------------------------------------------------------------------ kernels and a batch
@pytest.mark.slow
def test_workers_that_cannot_start_fail_the_jobs_instead_of_looping(tmp_path: Path) -> None:
    """Spawned workers re-import the caller's script: one without a main guard (or any worker
    that dies while it starts) used to rebuild the pool for ever."""
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    job = Job("Ajung", 2023, str(tmp_path / "ajung"), str(tmp_path / "out"), ())
    events: list[dict] = []
    outcomes = list(local_mod.run_local([job], 1, events.append, log_dir=str(blocker / "log")))
    assert [(o.kecamatan, o.status, o.tahap) for o in outcomes] == [("Ajung", "gagal", "pekerja")]
    assert "tidak dapat dimulai" in outcomes[0].galat
    assert events[-1] == {"kecamatan": "Ajung", "jenis": "selesai", "status": "gagal", "detik": 0}


@pytest.mark.slow
def test_a_standard_kernel_runs_the_chapter_and_keeps_the_time_limit(portabel: None, no_fork: None,
                                                                      tmp_path: Path) -> None:
    probe = write_notebook(tmp_path / "nb" / "01_probe.ipynb", PROBE)
    nb = execute_chapter(probe, tmp_path / "o" / "probe.ipynb", PARAMS, kernel_manager_class=manager_class())
    assert nb.cells[-1].outputs[0]["text"] == "tcp 127.0.0.1 True\n"  # no zygote between us and the kernel

    slow = write_notebook(tmp_path / "nb" / "02_lambat.ipynb", ["import time\ntime.sleep(60)"])
    km = manager_class(time_limit=2)
    with pytest.raises(RenderError, match="Kernel died|Timeout|timed out"):
        execute_chapter(slow, tmp_path / "o" / "lambat.ipynb", PARAMS, kernel_manager_class=km)
    assert km.timed_out


@pytest.mark.slow
def test_a_small_batch_in_the_portable_mode(project: Path, portabel: None) -> None:
    """Two kecamatan on two spawned workers: HTML, PDF (spawned child), notebooks, memory via psutil.

    A chapter that opens the data set and the probe: each standard kernel pays its imports,
    so the batch is kept that small (and without the kabupaten overview, another kernel).
    """
    (project / "notebooks" / "kabupaten_ikhtisar.ipynb").unlink()
    chapters = [write_chapters(project / "notebooks")[1], write_notebook(project / "notebooks" / "03_probe.ipynb", PROBE)]
    params = make_params(project, {"Ajung": "ajung", "Puger": "puger"}, formats=("html", "pdf"))
    result = run_batch(params, workers=2, notebooks=chapters)
    assert result.extra["mode"] == "portabel"
    assert [(o.kecamatan, o.status) for o in result.outcomes] == [("Ajung", "selesai"), ("Puger", "selesai")], [
        (o.tahap, o.galat) for o in result.outcomes]
    for outcome in result.outcomes:
        out = Path(outcome.out_dir)
        assert (out / "laporan.pdf").read_bytes().startswith(b"%PDF-")
        assert f"Kecamatan {outcome.kecamatan} selesai." in (out / "laporan.html").read_text(encoding="utf-8")
        probe = (out / "notebooks" / "03_probe.ipynb").read_text(encoding="utf-8")
        assert "tcp 127.0.0.1 True" in probe
        assert outcome.memori_mb > 100  # the worker and its children, through psutil
        assert outcome.memori_bagian_mb["zygote"] == 0
    assert (params.keluaran / "index.html").exists()


def _sources() -> dict[str, str]:
    package = Path(_platform.__file__).parent
    return {p.relative_to(package).as_posix(): p.read_text(encoding="utf-8") for p in package.rglob("*.py")}


def test_the_mode_module_is_the_only_place_that_reads_the_variable() -> None:
    readers = [name for name, text in _sources().items()
               if ('"LKIP_PORTABEL"' in text or "'LKIP_PORTABEL'" in text) and name != "_platform.py"]
    assert readers == []


def test_every_fork_ipc_and_proc_use_asks_the_mode() -> None:
    """A module that forks, picks the IPC transport or reads /proc decides with current_mode()
    (the zygote script only runs where the mode started it)."""
    uses = ("os.fork(", '"/proc/', 'f"/proc/', '"ipc"', "os.killpg(")
    users = {name for name, text in _sources().items() if any(u in text for u in uses)}
    assert users == {"_platform.py", "batch/_zygote.py", "batch/cpu.py", "batch/kernels.py", "batch/memory.py",
                     "pratinjau/kernel.py", "render/execute.py", "render/pdf.py"}
    for name in users - {"_platform.py", "batch/_zygote.py"}:
        assert "current_mode" in _sources()[name], name
