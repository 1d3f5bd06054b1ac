"""Fingerprints of what a report is made of that is not data: the package's code (light to import)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from .._version import __version__

__all__ = ["code_fingerprint"]

_PACKAGE = Path(__file__).resolve().parent.parent


@functools.cache
def code_fingerprint() -> str:
    """Hash of the package version, code, templates and bundled settings (once per process).

    A changed table builder, template or default makes every report out of date; the
    single render, the batch and the kabupaten overview all ask this one function.
    """
    digest = hashlib.sha256(__version__.encode())
    for file in sorted(_PACKAGE.rglob("*")):
        if (
            file.is_file()
            and file.suffix in {".py", ".j2", ".css", ".json", ".yaml"}
            and "__pycache__" not in file.parts
        ):
            digest.update(file.relative_to(_PACKAGE).as_posix().encode())
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()
