"""Execute one chapter notebook with papermill (Python API) into a deterministic notebook.

* Parameters are checked against the notebook's ``parameters`` cell before anything
  runs (papermill only warns on unknown names): unknown names and wrong types are
  refused with a :class:`~lkip_helpers.errors.RenderError`.
* The kernel is the Python running this code (``sys.executable``), whatever kernelspecs
  are installed elsewhere, unless ``kernel_name`` names one explicitly.
* On failure papermill writes the partly executed notebook with its error marker; it is
  kept at ``out_path`` and named in the RenderError.
* On success the notebook is normalised: no timing metadata, no temporary paths, fixed
  kernel metadata, deterministic cell ids, so two runs on the same inputs are identical.
"""

from __future__ import annotations

import copy
import itertools
import os
import re
import time
from collections.abc import Mapping
from pathlib import Path
from queue import Empty
from typing import Any

import nbformat
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.kernelspec import NATIVE_KERNEL_NAME, KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import ensure_async
from traitlets import DottedObjectName, default

from .._platform import KERNEL_IP, current_mode, socket_dir
from ..errors import RenderError
from .provenance import Provenance, add_provenance

__all__ = ["ReadyClient", "SharedKernel", "execute_chapter", "normalise_notebook", "validate_parameters"]

#: Seconds a single cell may run.
DEFAULT_TIMEOUT = 600

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": NATIVE_KERNEL_NAME}

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "list": (list, tuple),
    "dict": (dict,),
    "none": (type(None),),
}


class _ThisPythonSpecManager(KernelSpecManager):
    """Resolve ``python3`` to ipykernel running on ``sys.executable`` (no global lookup)."""

    def get_kernel_spec(self, kernel_name: str) -> Any:
        if kernel_name == NATIVE_KERNEL_NAME:
            from ipykernel.kernelspec import RESOURCES, get_kernel_dict

            return self.kernel_spec_class(resource_dir=RESOURCES, **get_kernel_dict())
        return super().get_kernel_spec(kernel_name)


class ReadyClient(AsyncKernelClient):
    """jupyter_client's async client, ready in milliseconds instead of 0.2 s.

    ``wait_for_ready`` asks ``kernel_info`` and then waits for a message on IOPub to know
    that channel is connected.  A new client's subscription usually takes effect just
    after the kernel published the status of that first request, so jupyter_client waits
    0.2 s for nothing and asks again: 0.2 s of every notebook nbclient starts and of every
    session reset between chapters, some 2 s per report.  Here each round waits 10 ms on
    IOPub before asking again; what proves the channel connected is the same.
    """

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        while time.monotonic() < deadline:
            self.kernel_info()
            try:
                reply = await ensure_async(self.shell_channel.get_msg(timeout=1))
            except Empty:
                reply = None
            # Any kernel_info reply will do: after a slow start the replies of earlier rounds come first.
            if reply is not None and reply["msg_type"] == "kernel_info_reply":
                try:
                    await ensure_async(self.iopub_channel.get_msg(timeout=0.01))
                except Empty:
                    continue  # not subscribed yet: ask again
                self._handle_kernel_info_reply(reply)
                return
            if not await self._async_is_alive():
                msg = "Kernel died before replying to kernel_info"
                raise RuntimeError(msg)
        msg = f"Kernel didn't respond in {timeout:g} seconds"
        raise RuntimeError(msg)

    wait_for_ready = _async_wait_for_ready  # jupyter_client binds the name to its own at class creation


class ThisPythonKernelManager(AsyncKernelManager):
    """Kernel manager whose ``python3`` kernel is always this interpreter.

    In the normal mode (:func:`lkip_helpers._platform.current_mode`) the kernel talks
    over local IPC sockets, not TCP ports, which also keeps ipykernel's TCP warning out
    of the CLI.  The sockets live in a private folder of this process: jupyter_client's
    IPC default is the relative name ``kernel-ipc`` in the notebook's folder with socket
    numbers picked by looking for free files, so two processes starting kernels side by
    side (pytest-xdist, batch workers, two planners rendering) can pick the same sockets
    and fail with "Invalid Signature".  In the portable mode (no Unix sockets, or
    ``LKIP_PORTABEL=1``) the kernel listens on TCP ports of 127.0.0.1 only.
    """

    @default("ip")
    def _ip_default(self) -> str:
        if self.transport == "ipc":
            return str(socket_dir(os.getpid()) / f"kernel-{next(_IPC_COUNTER)}")
        return KERNEL_IP

    @default("kernel_spec_manager")
    def _kernel_spec_manager_default(self) -> KernelSpecManager:
        return _ThisPythonSpecManager(data_dir=self.data_dir)

    @default("client_class")
    def _client_class_default(self) -> DottedObjectName:
        return DottedObjectName(f"{ReadyClient.__module__}.{ReadyClient.__qualname__}")

    @default("client_factory")
    def _client_factory_default(self) -> type:
        return ReadyClient

    @default("transport")
    def _transport_default(self) -> str:
        return current_mode().kernel_transport


_IPC_COUNTER = itertools.count(1)


def _allowed_types(type_name: str) -> tuple[type, ...] | None:
    """``"int"`` -> ``(int,)``; ``"Optional[str]"`` -> ``(str, NoneType)``; unknown -> None."""
    name = type_name.strip().lower()
    if name in {"", "none", "any"}:
        return None
    optional = name.startswith("optional[")
    if optional:
        name = name[len("optional[") : -1]
    out: list[type] = []
    for part in re.split(r"\s*\|\s*", name):
        base = part.split("[", 1)[0].strip()
        if base not in _PY_TYPES:
            return None
        out.extend(_PY_TYPES[base])
    if optional:
        out.append(type(None))
    return tuple(out)


def _type_ok(value: Any, allowed: tuple[type, ...]) -> bool:
    if isinstance(value, bool) and bool not in allowed:
        return False  # True is an int for Python, not for a notebook parameter
    return isinstance(value, allowed)


def validate_parameters(nb_path: Path, parameters: Mapping[str, Any], kecamatan: str = "?") -> dict[str, Any]:
    """Check ``parameters`` against the ``parameters`` cell; return papermill's inspection.

    Raises RenderError listing every unknown name and wrong type, with what is allowed.
    """
    import papermill

    chapter = Path(nb_path).stem
    declared = papermill.inspect_notebook(str(nb_path))
    if not declared and parameters:
        detail = (
            "notebook tidak punya sel bertanda 'parameters'; tambahkan tag 'parameters' pada sel parameter"
        )
        raise RenderError(kecamatan, chapter, None, detail)
    problems = []
    for name, value in parameters.items():
        if name not in declared:
            known = ", ".join(sorted(declared)) or "-"
            problems.append(f"parameter '{name}' tidak dikenal (yang tersedia: {known})")
            continue
        type_name = str(declared[name].get("inferred_type_name") or "None")
        allowed = _allowed_types(type_name)
        if allowed is not None and not _type_ok(value, allowed):
            problems.append(
                f"parameter '{name}' harus bertipe {type_name}, bukan {type(value).__name__} ({value!r})"
            )
    if problems:
        raise RenderError(kecamatan, chapter, None, "; ".join(problems))
    return declared


def _source_index(source_nb: Any, executed_cell: Any) -> int | None:
    """Index of an executed cell in the source notebook (by cell id, then by source)."""
    cell_id = executed_cell.get("id")
    for index, cell in enumerate(source_nb.cells):
        if cell_id and cell.get("id") == cell_id:
            return index
    for index, cell in enumerate(source_nb.cells):
        if cell.cell_type == "code" and cell.source == executed_cell.get("source"):
            return index
    return None


def _first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()[:120]
    return ""


def normalise_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Strip run-specific metadata in place: timings, temp paths, random cell ids."""
    meta = nb.metadata
    pm = meta.get("papermill", {})
    meta["papermill"] = {
        "default_parameters": pm.get("default_parameters", {}),
        "parameters": pm.get("parameters", {}),
    }
    meta["kernelspec"] = dict(KERNELSPEC)
    meta.pop("widgets", None)
    seen: set[str] = set()
    for index, cell in enumerate(nb.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            cell["id"] = "injected-parameters"
        elif not cell.get("id") or cell["id"] in seen:
            cell["id"] = f"sel-{index:03d}"
        seen.add(cell["id"])
    return nb


class SharedKernel:
    """One kernel for the chapters of one report, run one after another.

    A kernel start (a fork of the zygote in a batch, a new interpreter otherwise), the
    imports a chapter does beyond the zygote's, the first chart conversion (vl-convert
    starts its JavaScript engine) and the report object (:func:`lkip_helpers.buka`
    keeps it per process for the same files) are then paid once per report, not once
    per chapter.  Before each notebook but the first the session is reset
    (``InteractiveShell.reset(new_session=True)``: empty namespace, history and output
    cache, execution count 1), so each notebook runs as in a kernel of its own, and its
    executed notebook is the same.  All notebooks share one working folder (``cwd`` of
    the first).  No state crosses reports: use one per report, and :meth:`close` it.
    """

    def __init__(self, kernel_manager_class: type | None = None, kernel_name: str | None = None) -> None:
        manager = kernel_manager_class or (AsyncKernelManager if kernel_name else ThisPythonKernelManager)
        self.km: Any = manager(kernel_name=kernel_name or NATIVE_KERNEL_NAME)
        self._used = False
        # nbclient stops the clients of a kernel it owns; this one it does not own, so the
        # client each notebook opens (ZMQ sockets and their buffers, ~3 MB) would stay:
        # they are recorded here and stopped after their notebook.
        self._clients: list[Any] = []
        make_client = self.km.client

        def client(*args: Any, **kwargs: Any) -> Any:
            made = make_client(*args, **kwargs)
            self._clients.append(made)
            return made

        self.km.client = client

    def _stop_clients(self) -> None:
        while self._clients:
            try:
                self._clients.pop().stop_channels()
            except Exception:  # noqa: BLE001,S110 - closing anyway
                pass

    def for_next_notebook(self) -> Any:
        """The kernel manager for the next notebook, its session reset when it ran one before."""
        self._stop_clients()
        if self._used and self.km.has_kernel:
            self._reset()
        self._used = True
        return self.km

    def _reset(self) -> None:
        from jupyter_core.utils import run_sync

        client = self.km.client()
        client.start_channels()
        try:
            run_sync(client.wait_for_ready)(timeout=60)
            reply = run_sync(client.execute_interactive)(
                "get_ipython().reset(new_session=True)", silent=True, store_history=False, timeout=60,
                output_hook=lambda _msg: None,
            )
        finally:
            client.stop_channels()
        if reply["content"].get("status") != "ok":
            msg = f"kernel tidak dapat disegarkan: {reply['content'].get('evalue', '')}"
            raise RuntimeError(msg)

    def close(self) -> None:
        """Shut the kernel down (nothing when no notebook started it)."""
        self._stop_clients()
        if self.km.has_kernel:
            from jupyter_core.utils import run_sync

            run_sync(self.km.shutdown_kernel)(now=False)


def execute_chapter(
    nb_path: str | Path,
    out_path: str | Path,
    parameters: Mapping[str, Any],
    kernel_name: str | None = None,
    cwd: str | Path | None = None,
    timeout: int | None = DEFAULT_TIMEOUT,
    provenance: Provenance | None = None,
    kernel_manager_class: type | None = None,
    engine_name: str | None = None,
    kernel: SharedKernel | None = None,
) -> nbformat.NotebookNode:
    """Execute ``nb_path`` with ``parameters`` into ``out_path``; return the notebook.

    ``kernel_name=None`` runs the notebook on this Python (ipykernel of
    ``sys.executable``).  ``cwd`` defaults to the notebook's folder.  With ``provenance``
    the visible provenance cell goes first and into the notebook metadata.
    Raises RenderError (kecamatan, chapter, cell index in the source notebook, error,
    path of the kept partly executed notebook) when a cell fails.
    ``kernel_manager_class`` replaces the default manager of the ``python3`` kernel
    (the batch passes one that forks pre-loaded kernels, see ``lkip_helpers.batch.kernels``);
    ``engine_name`` picks a registered papermill engine (default: nbclient).
    ``kernel`` runs the notebook in that kernel (started by the first notebook that uses
    it, reset to a fresh session for each later one) instead of a kernel of its own.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    nb_path, out_path = Path(nb_path), Path(out_path)
    kecamatan = str(parameters.get("kecamatan", "?"))
    chapter = nb_path.stem
    validate_parameters(nb_path, parameters, kecamatan)
    source_nb = nbformat.read(nb_path, as_version=4)
    to_run = copy.deepcopy(source_nb)
    if provenance is not None:
        add_provenance(to_run, provenance)
    to_run.metadata["kernelspec"] = dict(KERNELSPEC)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    engine_kwargs: dict[str, Any] = {"engine_name": engine_name} if engine_name else {}
    if kernel is not None:
        engine_kwargs["km"] = kernel.for_next_notebook()
    elif kernel_manager_class is not None:
        engine_kwargs["kernel_manager_class"] = kernel_manager_class
    elif kernel_name is None:
        engine_kwargs["kernel_manager_class"] = ThisPythonKernelManager
    try:
        nb = papermill.execute_notebook(
            to_run,
            str(out_path),
            parameters=dict(parameters),
            kernel_name=kernel_name or NATIVE_KERNEL_NAME,
            # The kernel's working folder, given to nbclient (which starts the kernel there),
            # not papermill's cwd=: that os.chdir()s this whole process while the notebook
            # runs, and two notebooks run side by side (lanes, the overview beside a report,
            # the preview) would leave it in one of their folders.
            resources={"metadata": {"path": str(Path(cwd or nb_path.parent).resolve())}},
            progress_bar=False,
            log_output=False,
            execution_timeout=timeout,
            **engine_kwargs,
        )
    except PapermillExecutionError as exc:
        index = None
        if out_path.exists():
            failed = nbformat.read(out_path, as_version=4)
            match = [c for c in failed.cells if c.get("source") == exc.source and c.cell_type == "code"]
            index = _source_index(source_nb, match[0]) if match else None
        code = _first_line(exc.source)
        detail = f"{exc.ename}: {exc.evalue} (In [{exc.exec_count}]: {code})"
        raise RenderError(kecamatan, chapter, index, detail, str(out_path)) from exc
    except RenderError:
        raise
    except Exception as exc:  # kernel died, timeout, unreadable notebook...
        detail = f"{type(exc).__name__}: {exc}".strip()
        kept = str(out_path) if out_path.exists() else None
        raise RenderError(kecamatan, chapter, None, detail, kept) from exc
    normalise_notebook(nb)
    nbformat.write(nb, out_path)
    return nb
