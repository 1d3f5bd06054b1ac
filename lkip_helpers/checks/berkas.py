"""Files a data set names stay inside it: photos are images of a bounded size in the data set's ``foto/``.

Data sets arrive from many offices; a row of ``foto`` may name any path.  A path that is
absolute, climbs out with ``..``, or resolves (through a symbolic link) outside the data
set's ``foto/`` folder, a device or other non-regular file, a file that is not a JPEG,
PNG or WebP image, or one larger than :data:`MAKS_FOTO_MB` is a GALAT naming the row;
the renderer never opens such a file (:func:`lkip_helpers.present.tables.teks.foto_kegiatan`
reads only files inside ``foto/`` that this check lets through).  A workbook has no
``foto/`` folder: its photo rows are reported as not found.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from ..data.schema import LOGO
from ..errors import Level, Problem
from ._util import problem, row_location, rows, text

if TYPE_CHECKING:
    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = ["LOGO", "MAKS_FOTO_MB", "check_foto", "check_logo", "foto_aman", "logo_aman"]

#: The largest photo file accepted, in MB.
MAKS_FOTO_MB = 10
_MAGIC = {b"\xff\xd8\xff": "JPEG", b"\x89PNG\r\n\x1a\n": "PNG", b"RIFF": "WebP"}


def _folder(ds: DataSet) -> Path | None:
    if ds.origin is None or not Path(ds.origin).is_dir():
        return None
    return Path(ds.origin) / "foto"


def foto_aman(ds: DataSet, berkas: str) -> tuple[Path | None, str | None]:
    """``(path, None)`` when ``berkas`` is a safe image inside the data set's ``foto/``, else ``(None, why)``."""
    name = str(berkas).strip()
    if not name:
        return None, "nama berkas kosong"
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive:
        return None, "jalur mutlak tidak diperbolehkan; tulis nama berkas di folder foto/ saja"
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        return None, "jalur keluar dari folder foto/ ('..') tidak diperbolehkan"
    folder = _folder(ds)
    if folder is None:
        return None, "data set ini bukan folder: foto hanya dibaca dari folder foto/ data set teks"
    root = folder.resolve()
    path = (folder / name).resolve()
    if not path.is_relative_to(root):
        return None, "berkas ada di luar folder foto/ data set (tautan simbolik keluar folder)"
    if not path.exists():
        return None, "berkas tidak ditemukan di folder foto/"
    why = _image(path)
    return (None, why) if why else (path, None)


def _image(path: Path) -> str | None:
    """Why ``path`` is not an acceptable image (None when it is one)."""
    if not path.is_file():
        return "bukan berkas biasa (folder atau perangkat)"
    size = path.stat().st_size
    if size > MAKS_FOTO_MB * 1024 * 1024:
        return f"berkas {size / 1024 / 1024:.1f} MB, lebih dari batas {MAKS_FOTO_MB} MB"
    with path.open("rb") as fh:
        head = fh.read(12)
    kind = next((k for magic, k in _MAGIC.items() if head.startswith(magic)), None)
    if kind is None or (kind == "WebP" and head[8:12] != b"WEBP"):
        return "isi berkas bukan gambar JPEG, PNG atau WebP"
    return None


def logo_aman(ds: DataSet) -> tuple[Path | None, str | None]:
    """The data set's logo (``logo.png``/``.jpg`` in its folder) when there is one and it is a safe image."""
    if ds.origin is None or not Path(ds.origin).is_dir():
        return None, None
    root = Path(ds.origin).resolve()
    for name in LOGO:
        candidate = Path(ds.origin) / name
        if not candidate.exists() and not candidate.is_symlink():
            continue
        path = candidate.resolve()
        if not path.is_relative_to(root):
            return None, f"{name} menunjuk ke luar folder data (tautan simbolik)"
        why = _image(path)
        return (None, f"{name}: {why}") if why else (path, None)
    return None, None


def check_logo(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """An optional logo in the data set folder is a safe image inside it (GALAT otherwise)."""
    _path, why = logo_aman(ds)
    if why is None:
        return []
    from ..errors import Location

    message = f"Logo tidak dapat dipakai: {why}. Simpan logo sebagai gambar PNG atau JPEG di folder data."
    return [problem(Level.GALAT, "berkas.logo", message, Location("logo"), found=why,
                    expected=f"gambar PNG/JPEG paling besar {MAKS_FOTO_MB} MB")]


def check_foto(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every photo row names a safe image file inside the data set's ``foto/`` folder (GALAT otherwise)."""
    out = []
    for row in rows(ds, "foto"):
        name = text(row["berkas"])
        _path, why = foto_aman(ds, name)
        if why is None:
            continue
        message = f"Foto '{name}' tidak dapat dipakai: {why}. Simpan gambarnya di folder foto/ data set."
        out.append(problem(Level.GALAT, "berkas.foto", message, row_location(row, "berkas"),
                           found=name, expected=f"gambar JPEG/PNG/WebP paling besar {MAKS_FOTO_MB} MB di foto/"))
    return out
