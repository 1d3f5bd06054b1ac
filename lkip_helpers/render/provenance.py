"""Provenance of an executed notebook: which data, which code, which settings.

The record goes twice into every executed chapter notebook: as a visible first
markdown cell (tagged ``lkip-provenance``; the report leaves it out, the reviewer's
notebook HTML shows it) and as ``metadata["lkip"]["provenance"]``.  It holds no
timestamps: the date shown is the report date taken from the data, so identical inputs
give identical notebooks.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat

if TYPE_CHECKING:
    from ..data.model import DataSet

__all__ = ["PROVENANCE_TAG", "Provenance", "add_provenance", "data_files", "provenance_cell", "sha256_file"]

PROVENANCE_TAG = "lkip-provenance"
_CELL_ID = "lkip-provenance"


def sha256_file(path: str | Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _plain(value: Any) -> Any:
    """JSON-compatible copy (sorted keys; dates, paths and the like as text)."""
    return json.loads(json.dumps(value, sort_keys=True, default=str, ensure_ascii=False))


def _version() -> str:
    from .._version import __version__

    return __version__


@dataclass(frozen=True)
class Provenance:
    """What an executed notebook was made from.

    ``data_files`` lists ``(path, sha256)`` pairs; give paths relative to the project
    or data folder so that the record does not depend on where the project lives.
    ``tanggal`` is the report date as text, from the data (never the clock).
    """

    data_files: tuple[tuple[str, str], ...] = ()
    parameters: Mapping[str, Any] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    tanggal: str | None = None
    version: str = field(default_factory=_version)

    @classmethod
    def from_files(
        cls,
        files: Iterable[str | Path],
        base: str | Path | None = None,
        **kwargs: Any,
    ) -> Provenance:
        """Hash ``files`` (shown relative to ``base`` when inside it) into a record."""
        pairs = []
        for file in sorted(Path(f) for f in files):
            name = file
            if base is not None:
                try:
                    name = file.resolve().relative_to(Path(base).resolve())
                except ValueError:
                    name = file
            pairs.append((name.as_posix(), sha256_file(file)))
        return cls(data_files=tuple(pairs), **kwargs)

    def as_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-compatible data."""
        return _plain(
            {
                "data_files": [{"path": p, "sha256": h} for p, h in self.data_files],
                "lkip_helpers": self.version,
                "parameters": dict(self.parameters),
                "settings": dict(self.settings),
                "tanggal": self.tanggal,
            }
        )


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def provenance_markdown(prov: Provenance) -> str:
    """Return the visible text of the provenance cell (HTML inside markdown, escaped)."""
    record = prov.as_dict()
    rows = (
        "".join(
            f"<tr><td><code>{_e(f['path'])}</code></td><td><code>{_e(f['sha256'])}</code></td></tr>"
            for f in record["data_files"]
        )
        or '<tr><td colspan="2">(tidak ada berkas data tercatat)</td></tr>'
    )
    params = (
        ", ".join(
            f"<code>{_e(k)}</code> = <code>{_e(repr(v))}</code>" for k, v in record["parameters"].items()
        )
        or "(tidak ada)"
    )
    settings = _e(json.dumps(record["settings"], indent=2, sort_keys=True, ensure_ascii=False))
    tanggal = f"<p>Tanggal laporan (dari data): {_e(prov.tanggal)}</p>" if prov.tanggal else ""
    return (
        '<div class="lkip-provenance">\n'
        f"<p><strong>Asal-usul notebook ini</strong> (disusun otomatis oleh lkip_helpers {_e(prov.version)})</p>\n"
        f"<table><thead><tr><th>Berkas data</th><th>SHA-256</th></tr></thead><tbody>{rows}</tbody></table>\n"
        f"<p>Parameter: {params}</p>\n{tanggal}"
        f"<details><summary>Pengaturan yang dipakai</summary><pre>{settings}</pre></details>\n"
        "</div>"
    )


def provenance_cell(prov: Provenance) -> nbformat.NotebookNode:
    """Return the provenance markdown cell (fixed id, tag ``lkip-provenance``)."""
    cell = nbformat.v4.new_markdown_cell(provenance_markdown(prov))
    cell["id"] = _CELL_ID
    cell.metadata["tags"] = [PROVENANCE_TAG]
    return cell


def add_provenance(nb: nbformat.NotebookNode, prov: Provenance) -> nbformat.NotebookNode:
    """Put the provenance cell first (replacing an older one) and into the metadata."""
    nb.cells = [c for c in nb.cells if PROVENANCE_TAG not in c.get("metadata", {}).get("tags", [])]
    nb.cells.insert(0, provenance_cell(prov))
    nb.metadata.setdefault("lkip", {})["provenance"] = prov.as_dict()
    return nb


def data_files(ds: DataSet) -> list[tuple[str, str]]:
    """``(path, sha256)`` of every file the data set was read from, relative to its year folder.

    ``data/2023/umbulsari/target.csv`` is recorded as ``umbulsari/target.csv``, so the
    record does not depend on where the project lives.
    """
    base = ds.origin.parent if ds.origin and ds.origin.is_file() else ds.origin
    out = []
    for src in ds.sources:
        try:
            rel = str(Path(src.path).resolve().relative_to(Path(base).resolve().parent)) if base else str(src.path)
        except ValueError:
            rel = str(src.path)
        out.append((rel, src.sha256))
    return sorted(out)
