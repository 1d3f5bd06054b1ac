"""The kernel zygote: a process that imports the heavy modules once, then forks kernels.

Run as ``python .../lkip_helpers/batch/_zygote.py REQUEST_FD REPLY_FD MODULE...`` by
:class:`lkip_helpers.batch.kernels.Zygote` (by path, so that no package is imported
but the ``MODULE...`` asked for).  It never runs notebook code itself: it
imports ``MODULE...`` into ``sys.modules`` (not into any user namespace), then waits for
requests.  Each request (one JSON line: ``args``, ``env``, ``cwd``) is answered by a
``fork()``; the child becomes an ipykernel exactly as ``python -m ipykernel_launcher
ARGS`` would (same ``sys.argv``, ``sys.path``, environment and working folder) and
never returns here.  So every kernel is fresh: it shares nothing with another kernel
but the already imported, not yet used modules.

Kernels that end are reaped at once (a ``SIGCHLD`` handler calling ``waitpid``), so their
CPU is added to the zygote's children times (:mod:`lkip_helpers.batch.cpu`).  When the
request pipe closes (the worker ended), the zygote kills the kernels it forked that are
still running, waits for them and exits.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import signal
import sys

#: Modules every chapter notebook imports; a kernel forked from the zygote has them ready.
DEFAULT_PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.zmqshell",
    "IPython.core.interactiveshell",
    "numpy",
    "pandas",
    "altair",
    "great_tables",
    "vl_convert",
    "jinja2",
    "yaml",
    "lkip_helpers",
    "lkip_helpers.present.display",
    "lkip_helpers.present.theme",
    "lkip_helpers.report.figures",
    "lkip_helpers.report.laporan",
    "lkip_helpers.checks",
    "lkip_helpers.data",
    "lkip_helpers.fmt",
    "lkip_helpers.present.tables",
    "lkip_helpers.present.charts",
    "lkip_helpers.present.narrative",
)


def _preload(modules: list[str]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            continue  # optional (a module that does not exist yet is imported by the notebook, if at all)


def _become_kernel(request: dict, fds: tuple[int, int]) -> None:
    """In the forked child: turn into ``python -m ipykernel_launcher ARGS``; never returns."""
    code = 0
    try:
        os.setsid()  # own process group, as jupyter_client's launcher does (start_new_session)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})  # blocked by the zygote around fork()
        for fd in fds:
            os.close(fd)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        import ipykernel_launcher

        sys.argv = [ipykernel_launcher.__file__, *request["args"]]
        if "numpy" in sys.modules:  # a fresh process seeds numpy's global generator itself
            sys.modules["numpy"].random.seed()
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:  # noqa: BLE001 - report and leave, never fall back into the zygote loop
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


#: Kernels forked and not yet reaped (a pid here cannot have been reused by another process).
_LIVE: set[int] = set()


def _reap(_signum: int, _frame: object) -> None:
    """SIGCHLD: wait for every kernel that has ended (none left a zombie)."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        _LIVE.discard(pid)


def _lines(fd: int):
    """Yield the lines read from ``fd`` (unbuffered: nothing is left in a Python buffer)."""
    pending = b""
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            return
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            yield line


def main(argv: list[str]) -> None:
    """Serve fork requests until the request pipe closes."""
    request_fd, reply_fd = int(argv[0]), int(argv[1])
    # ``python -m ipykernel_launcher`` starts with the current folder as sys.path[0] and the
    # launcher removes it; run by path, sys.path[0] is this file's folder: remove that.
    if sys.path and os.path.realpath(sys.path[0] or ".") in (
        os.path.realpath(os.path.dirname(__file__)),  # noqa: PTH120 - no pathlib import in the zygote
        os.path.realpath(os.getcwd()),  # noqa: PTH109
    ):
        del sys.path[0]
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type] # 1.3 s saved: lkip_helpers/__init__.py
    _preload(list(argv[2:]) or list(DEFAULT_PRELOAD))
    # Reaped here, not by the kernel (SIG_IGN): only a wait() adds a finished kernel's CPU to
    # this process's children times, which the worker's CPU figure reads (batch.cpu).
    signal.signal(signal.SIGCHLD, _reap)
    os.write(reply_fd, b'{"ready": true}\n')
    for line in _lines(request_fd):
        request = json.loads(line)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})  # no reaping before the pid is noted
        pid = os.fork()
        if pid == 0:
            _become_kernel(request, (request_fd, reply_fd))
        _LIVE.add(pid)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        os.write(reply_fd, json.dumps({"pid": pid}).encode() + b"\n")
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    for pid in _LIVE:
        try:
            os.killpg(pid, signal.SIGKILL)  # the kernel and whatever it started
        except OSError:
            with contextlib.suppress(OSError):  # it has not called setsid() yet
                os.kill(pid, signal.SIGKILL)
    for pid in _LIVE:  # wait for them: their CPU too goes to this process's children times
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
    # Nothing is left to flush or close: skip the interpreter's teardown of pandas, Altair
    # and the rest (~0.4 s that the worker, and a one-report command, would wait for).
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1:])
