"""A running ``lkip pratinjau`` for the tests and the benchmark: start it, read its pages, stop it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

LKIP = Path(sys.executable).parent / "lkip"
_URL = re.compile(r"http://127\.0\.0\.1:(\d+)/")


class Sesi:
    """``lkip pratinjau DATA --port 0`` in a process of its own, run from ``cwd`` (a workspace)."""

    def __init__(self, data: Path, cwd: Path, env: dict[str, str] | None = None, start_timeout: float = 120) -> None:
        self.proc = subprocess.Popen(  # noqa: S603 - our own console script
            [str(LKIP), "pratinjau", str(data), "--port", "0"], cwd=cwd, env=_env(env),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.url = ""
        deadline = time.monotonic() + start_timeout
        while not self.url:
            found = [m for line in list(self.lines) if (m := _URL.search(line))]
            if found:
                self.url = found[0].group(0)
            elif self.proc.poll() is not None or time.monotonic() > deadline:
                msg = f"lkip pratinjau did not start:\n{self.keluaran}"
                raise RuntimeError(msg)
            else:
                time.sleep(0.05)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def keluaran(self) -> str:
        """Everything the command printed so far."""
        return "\n".join(self.lines)

    def get(self, path: str = "/") -> tuple[int, str]:
        """``(status, body)`` of one page."""
        try:
            with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=30) as reply:  # noqa: S310 - 127.0.0.1
                return reply.status, reply.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8")

    def tunggu(self, ok: Callable[[str], bool], path: str = "/", timeout: float = 120) -> str:
        """Poll ``path`` until ``ok(page)``; return the page (fail with the output after ``timeout``)."""
        deadline = time.monotonic() + timeout
        page = ""
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                break
            page = self.get(path)[1]
            if ok(page):
                return page
            time.sleep(0.1)
        msg = f"page never matched (process {'ended' if self.proc.poll() is not None else 'runs'}):\n{self.keluaran}"
        raise AssertionError(msg)

    def berhenti(self, timeout: float = 60) -> int:
        """Ctrl-C (SIGINT) and wait; return the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._reader.join(10)
        return self.proc.returncode


def _env(extra: dict[str, str] | None) -> dict[str, str]:
    """This environment without the workspace/chapter choices of other tests, plus ``extra``."""
    base = {k: v for k, v in os.environ.items() if k not in {"LKIP_ROOT", "LKIP_BAB", "LKIP_OUTPUTS"}}
    return {**base, "COLUMNS": "200", **(extra or {})}


def is_report(page: str) -> bool:
    """The served page is a report (its Daftar Isi), not the waiting, error or failure page."""
    return 'id="daftar-isi-judul"' in page


def processes_started_by(pid: int) -> list[int]:
    """Live processes whose environment names ``pid`` as their Jupyter parent (kernels, zygote)."""
    out = []
    marker = f"JPY_PARENT_PID={pid}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in environ.split(b"\0") and state not in {"Z", "X"}:
            out.append(int(entry.name))
    return out


def replace_in(path: Path, old: str, new: str) -> None:
    """Save ``path`` with ``old`` replaced by ``new`` (which must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
