"""Which way this machine renders: the normal mode or the portable one (the one decision).

The normal mode uses what Linux offers: kernels forked from a pre-loaded zygote
(``fork()``), kernel sockets over IPC (Unix domain sockets), each PDF laid out in a
forked child, and memory read from ``/proc`` (PSS).  Where any of that is missing
(Windows: no ``fork()``, no Unix sockets, no ``/proc``; macOS: no ``/proc``, and
``fork()`` of a threaded process is unsafe there) the render runs in the *portable*
mode: standard jupyter_client kernels over TCP on 127.0.0.1, no zygote, each PDF laid
out in a spawned process (or in process where no child may be started), memory
sampled through psutil.  ``LKIP_PORTABEL=1`` (or ``true``/``ya``/``yes``) forces the
portable mode on Linux, which is how it is tested (``tests/batch/test_portable.py``).

There is no mixture: a machine has every capability of the normal mode or it renders
the portable way, so what runs on Windows is exactly what the portable tests run.
Every module that would fork, open an IPC socket or read ``/proc`` asks
:func:`current_mode` first.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import socket
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import SettingsError

__all__ = ["ENV_VAR", "KERNEL_IP", "Capabilities", "Mode", "current_mode", "decide", "detect_capabilities",
           "forced_portable", "short_base", "short_tempdir", "socket_dir"]

#: Environment variable that forces the portable mode.
ENV_VAR = "LKIP_PORTABEL"
#: Address of kernel sockets in the portable mode (loopback only, never a network interface).
KERNEL_IP = "127.0.0.1"

_YES = frozenset({"1", "true", "ya", "yes", "on"})
_NO = frozenset({"", "0", "false", "tidak", "no", "off"})


@dataclass(frozen=True)
class Capabilities:
    """What the operating system offers that the normal mode needs."""

    fork: bool  # os.fork (the zygote, the PDF child)
    unix_sockets: bool  # socket.AF_UNIX (zeromq's ipc transport)
    procfs: bool  # /proc/<pid>/smaps_rollup and /proc/<pid>/task/<tid>/children (memory)

    @property
    def missing(self) -> tuple[str, ...]:
        """Names of the capabilities that are absent, for the reason of a decision."""
        names = {"fork()": self.fork, "soket Unix": self.unix_sockets, "/proc": self.procfs}
        return tuple(name for name, present in names.items() if not present)


@dataclass(frozen=True)
class Mode:
    """How to render on this machine; see the module doc."""

    portable: bool
    alasan: str  # why, in words (Bahasa Indonesia): shown in logs and the docs' examples

    @property
    def zygote(self) -> bool:
        """Fork kernels from a pre-loaded zygote (else: one standard kernel process each)."""
        return not self.portable

    @property
    def kernel_transport(self) -> str:
        """zeromq transport of the kernel sockets: ``"ipc"`` or ``"tcp"`` (on :data:`KERNEL_IP`)."""
        return "tcp" if self.portable else "ipc"

    @property
    def pdf_child(self) -> str:
        """How an isolated PDF is laid out: ``"fork"`` or ``"spawn"`` (a new interpreter)."""
        return "spawn" if self.portable else "fork"

    @property
    def memory_source(self) -> str:
        """Where memory is read: ``"proc"`` (PSS from /proc) or ``"psutil"``."""
        return "psutil" if self.portable else "proc"


def forced_portable(value: str | None) -> bool:
    """True when the value of :data:`ENV_VAR` asks for the portable mode.

    Unset, empty, ``0``, ``false``, ``tidak``, ``no`` and ``off`` do not; anything that is
    neither a yes nor a no is refused (a typo must not silently pick a mode).
    """
    text = (value or "").strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    msg = f"{ENV_VAR} harus 1/true (mode portabel) atau 0/false, bukan {value!r}"
    raise SettingsError(msg)


def decide(env: Mapping[str, str], caps: Capabilities) -> Mode:
    """The mode for environment ``env`` on a machine with ``caps`` (pure)."""
    if forced_portable(env.get(ENV_VAR)):
        return Mode(True, f"dipaksa dengan {ENV_VAR}={env.get(ENV_VAR)}")
    if caps.missing:
        return Mode(True, "sistem ini tidak punya " + ", ".join(caps.missing))
    return Mode(False, "fork(), soket Unix dan /proc tersedia")


def _procfs() -> bool:
    me = os.getpid()
    return Path(f"/proc/{me}/smaps_rollup").is_file() and Path(f"/proc/{me}/task/{me}/children").is_file()


@functools.cache
def detect_capabilities() -> Capabilities:
    """What this machine offers (looked up once per process)."""
    return Capabilities(fork=hasattr(os, "fork"), unix_sockets=hasattr(socket, "AF_UNIX"), procfs=_procfs())


def current_mode() -> Mode:
    """The mode of this process now (the environment is read at every call)."""
    return decide(os.environ, detect_capabilities())


#: The longest temporary folder that leaves room for ``lkip-ipc-<pid>-xxxxxxxx/kernel-N-M``
#: (or Chromium's ``org.chromium.Chromium.XXXXXX/SingletonSocket``) within a Unix socket
#: path's ~107 bytes.
_SOCKET_BASE_MAX = 40


def short_tempdir(prefix: str) -> Path:
    """A new private temporary folder whose path leaves room for Unix socket names.

    A socket path has at most ~107 bytes, so under a long ``TMPDIR`` (a test's, or
    macOS's ``/var/folders/...``) the folder goes to ``/tmp``.  The caller removes it.
    """
    return Path(tempfile.mkdtemp(prefix=prefix, dir=short_base()))


def short_base() -> str:
    """The temporary folder, or ``/tmp`` where that is too long to hold Unix sockets (see :func:`short_tempdir`)."""
    base = tempfile.gettempdir()
    if len(base) > _SOCKET_BASE_MAX and Path("/tmp").is_dir() and os.access("/tmp", os.W_OK):  # noqa: S108
        base = "/tmp"  # noqa: S108
    return base


@functools.cache
def socket_dir(pid: int) -> Path:
    """A private folder for the Unix sockets of process ``pid`` (removed at exit).

    The one place the kernels' IPC sockets, the preview's kernel pool and the batch's
    PDF service listen.  Keyed by pid so that a process forked after its first socket
    (a batch worker) gets its own folder instead of inheriting its parent's.
    """
    folder = short_tempdir(f"lkip-ipc-{pid}-")
    atexit.register(shutil.rmtree, folder, True)
    return folder
