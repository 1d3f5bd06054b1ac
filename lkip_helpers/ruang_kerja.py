"""A planner's workspace: ``lkip init`` creates one, ``lkip notebook`` puts chapter copies in it.

A workspace is a folder with ``data/`` (the data sets, ``data/<tahun>/<kecamatan>/``),
``params/`` (a copy of the built-in settings to edit) and ``outputs/`` (the reports);
:func:`lkip_helpers.paths.workspace_root` finds it from any folder inside it.  Nothing
here overwrites a file that exists: running ``lkip init`` again only adds what is missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from .paths import bawaan, chapter_notebooks, contoh_dataset, slug

__all__ = ["LIESMI", "init_workspace", "notebook_copies", "notebook_folder"]

LIESMI = "LIESMI.md"

_LIESMI_TEKS = """# Ruang kerja LKIP

Folder ini memuat semua yang dipakai untuk menyusun Laporan Kinerja Instansi Pemerintah
(LKIP) kecamatan dengan `lkip`.

| Folder | Isi |
|---|---|
| `data/<tahun>/<kecamatan>/` | data set satu kecamatan satu tahun (folder teks), atau `data/<tahun>/<kecamatan>.xlsx` |
| `params/default.yaml` | pengaturan rumus (salinan pengaturan bawaan; ubah bila Pemda memakai aturan lain) |
| `outputs/<tahun>/<kecamatan>/` | laporan yang disusun: `laporan.html`, `laporan.pdf`, `laporan.docx`, `notebooks/` |

Nama folder kecamatan: huruf kecil, kata dipisah tanda hubung (Gunung Sari -> `gunung-sari`).

## Langkah

1. Buat buku kerja isian: `lkip template data/2024/umbulsari.xlsx`
   (contoh yang sudah terisi: `lkip template --contoh contoh-isian.xlsx`).
   Atau mulai dari data tahun lalu: `lkip tahun-baru data/2023/umbulsari --tahun 2024`.
2. Periksa data: `lkip check data/2024/umbulsari.xlsx` (menyebut semua yang harus diperbaiki).
3. Susun laporan: `lkip render --kecamatan Umbulsari --tahun 2024`
   (atau `lkip render --data data/2024/umbulsari.xlsx`). Hasilnya di `outputs/2024/umbulsari/`.
   Laporan bertanda DRAF sampai `lkip check --final` tidak menemukan kekurangan; lalu `lkip render --final`.
4. Menjelajah angka di JupyterLab: `lkip notebook data/2024/umbulsari`, lalu buka
   `notebooks/umbulsari-2024/` di JupyterLab.

Bantuan setiap perintah: `lkip --help`, `lkip render --help`.
"""


def _copy_file(source: Path, target: Path, created: list[Path]) -> None:
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    created.append(target)


def init_workspace(folder: Path, contoh: bool = False) -> list[Path]:
    """Create (or complete) the workspace ``folder``; return what was created.

    ``contoh`` also copies the Umbulsari 2023 data set to ``data/2023/umbulsari/``.
    """
    folder = Path(folder)
    created: list[Path] = []
    for sub in ("data", "params", "outputs"):
        path = folder / sub
        if not path.is_dir():
            path.mkdir(parents=True, exist_ok=True)
            created.append(path)
    params = bawaan() / "params"
    for name in ("default.yaml", "README.md", "skala_permendagri86.yaml"):
        if (params / name).is_file():
            _copy_file(params / name, folder / "params" / name, created)
    liesmi = folder / LIESMI
    if not liesmi.exists():
        liesmi.write_text(_LIESMI_TEKS, encoding="utf-8")
        created.append(liesmi)
    if contoh:
        target = folder / "data" / "2023" / "umbulsari"
        if not target.exists():
            shutil.copytree(contoh_dataset(), target, symlinks=False)
            created.append(target)
    return created


_PARAM_LINE = re.compile(r"^(?P<name>[a-z_]+)(?P<ann>\s*:\s*[a-z]+\s*=\s*)(?P<value>[^#\n]*?)(?P<rest>\s*#.*)?$")


def _set_defaults(source: str, values: dict[str, object]) -> str:
    """The parameters cell ``source`` with the defaults of ``values`` (other lines unchanged)."""
    lines = []
    for line in source.splitlines():
        match = _PARAM_LINE.match(line)
        if match and match["name"] in values:
            line = f"{match['name']}{match['ann']}{json.dumps(values[match['name']], ensure_ascii=False)}"
            line += match["rest"] or ""
        lines.append(line)
    return "\n".join(lines)


def notebook_copies(dataset: Path, kecamatan: str, tahun: int, target: Path, timpa: bool = False) -> list[Path]:
    """Copy the chapter notebooks into ``target`` with ``dataset`` as their default data set.

    The copies are for exploring (JupyterLab); the report is always rendered from the
    built-in chapters, whatever happens to the copies.  Raises FileExistsError when a
    copy exists and ``timpa`` is false.
    """
    import nbformat

    chapters = chapter_notebooks()
    target = Path(target)
    existing = [target / p.name for p in chapters if (target / p.name).exists()]
    if existing and not timpa:
        raise FileExistsError(existing[0])
    target.mkdir(parents=True, exist_ok=True)
    data = os.path.relpath(Path(dataset).resolve(), target.resolve())
    out = []
    for chapter in chapters:
        nb = nbformat.read(chapter, as_version=4)
        for cell in nb.cells:
            if "parameters" in cell.get("metadata", {}).get("tags", []):
                cell.source = _set_defaults(cell.source, {"kecamatan": kecamatan, "tahun": tahun, "data": data})
        path = target / chapter.name
        nbformat.write(nb, path)
        out.append(path)
    return out


def notebook_folder(workspace: Path, kecamatan: str, tahun: int) -> Path:
    """``<workspace>/notebooks/<slug>-<tahun>/``: where ``lkip notebook`` puts the copies."""
    return Path(workspace) / "notebooks" / f"{slug(kecamatan)}-{int(tahun)}"
