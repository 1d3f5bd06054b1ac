"""Where things live: every path of the project is computed here, and nowhere else.

Two roots:

* The **built-in files** (:func:`bawaan`): the chapter notebooks and their manifest
  ``notebooks/bab.yaml``, the default settings ``params/``, and the example data set
  ``data/2023/umbulsari/``.  In a checkout (editable install) they are the repository's
  own folders; an installed wheel carries the same tree as package data under
  ``lkip_helpers/_bawaan/``.  ``LKIP_BAB`` names another folder of chapters (with its
  own ``bab.yaml``): the tests render with small fixture chapters that way.
* The **workspace** (:func:`workspace_root`), where a planner's data, settings and
  outputs live: ``LKIP_ROOT`` when set (``lkip --ruang-kerja`` sets it), otherwise the
  nearest folder, from the working folder upwards, that holds both ``data/`` and
  ``params/`` (what ``lkip init`` creates; the checkout is one), otherwise the working
  folder itself.  ``LKIP_OUTPUTS`` moves the output folder (benchmarks render into a
  temporary one).  What lkip keeps between runs (the Vega bundle) is in the workspace's
  ``.lkip-cache/`` (``LKIP_CACHE`` moves it): nothing is written into the planner's home
  or temporary folder.

The data set a report is made of is always a path handed on explicitly (to the check,
the worker and every chapter); no environment variable chooses it.  Nothing happens at
import time.

The chapters are the fixed list in ``bab.yaml``, never a glob: a planner's own notebook
or a JupyterLab copy (``03_akuntabilitas-Copy1.ipynb``) next to them is not a chapter.

Folder names (the one rule, used by check, render, index and ``lkip tahun-baru``): a
kecamatan's data set is ``data/<tahun>/<slug>/`` (or the workbook
``data/<tahun>/<slug>.xlsx``) and its report ``outputs/<tahun>/<slug>/``, with
``slug("Gunung Sari") == "gunung-sari"``: lower case, ASCII, words joined by ``-``.
``lkip check`` reports a folder whose name is not the slug of the kecamatan in its
``instansi``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ENV_BAB",
    "ENV_RUANG_KERJA",
    "Manifest",
    "bawaan",
    "cache_dir",
    "chapter_name",
    "chapter_notebooks",
    "chapters_dir",
    "contoh_dataset",
    "data_dir",
    "dataset_identity_problems",
    "dataset_in",
    "dataset_path",
    "default_settings_file",
    "find_workspace",
    "manifest",
    "outputs_dir",
    "params_dir",
    "report_dir",
    "settings_files",
    "slug",
    "workspace_root",
]

#: The environment variable naming the workspace (set by ``lkip --ruang-kerja``).
ENV_RUANG_KERJA = "LKIP_ROOT"
#: The environment variable naming another folder of chapters (tests, a kabupaten's own chapters).
ENV_BAB = "LKIP_BAB"
#: The manifest of a chapters folder.
MANIFEST = "bab.yaml"
_PACKAGE = Path(__file__).resolve().parent


def bawaan() -> Path:
    """The root of the built-in files (``notebooks/``, ``params/``, ``data/2023/umbulsari/``)."""
    packaged = _PACKAGE / "_bawaan"
    return packaged if packaged.is_dir() else _PACKAGE.parent


def find_workspace(start: Path) -> Path:
    """The nearest folder from ``start`` upwards holding ``data/`` and ``params/``; else ``start``."""
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        if (folder / "data").is_dir() and (folder / "params").is_dir():
            return folder
    return start


def workspace_root() -> Path:
    """Return the workspace (``LKIP_ROOT``, else :func:`find_workspace` of the working folder)."""
    env = os.environ.get(ENV_RUANG_KERJA)
    if env:
        return Path(env).expanduser().resolve()
    return find_workspace(Path.cwd())


def chapters_dir() -> Path:
    """The folder of the chapter notebooks (``LKIP_BAB``, else the built-in ``notebooks/``)."""
    env = os.environ.get(ENV_BAB)
    return Path(env).expanduser().resolve() if env else bawaan() / "notebooks"


@dataclass(frozen=True)
class Manifest:
    """A chapters folder's ``bab.yaml``: the chapters in reading order and the kabupaten overview."""

    folder: Path
    bab: tuple[Path, ...]
    ikhtisar: Path | None


def manifest(folder: Path | None = None) -> Manifest:
    """Read ``bab.yaml`` of ``folder`` (default :func:`chapters_dir`); SettingsError says what is wrong."""
    import yaml

    from .errors import SettingsError

    folder = Path(folder) if folder is not None else chapters_dir()
    path = folder / MANIFEST
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        msg = f"daftar bab {path} tidak dapat dibaca ({exc.strerror}); folder bab harus memuat {MANIFEST}"
        raise SettingsError(msg) from exc
    except yaml.YAMLError as exc:
        msg = f"daftar bab {path} bukan YAML yang sah: {exc}"
        raise SettingsError(msg) from exc
    names = raw.get("bab") if isinstance(raw, dict) else None
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
        msg = f"{path}: kunci 'bab' harus daftar nama notebook bab (mis. 01_pendahuluan), berurutan"
        raise SettingsError(msg)
    bab = tuple(folder / (n if n.endswith(".ipynb") else f"{n}.ipynb") for n in names)
    missing = [p.name for p in bab if not p.is_file()]
    if missing:
        msg = f"{path}: notebook bab tidak ada di {folder}: {', '.join(missing)}"
        raise SettingsError(msg)
    overview = raw.get("ikhtisar_kabupaten")
    ikhtisar = folder / (overview if overview.endswith(".ipynb") else f"{overview}.ipynb") if overview else None
    return Manifest(folder=folder, bab=bab, ikhtisar=ikhtisar)


def chapter_notebooks(folder: Path | None = None) -> list[Path]:
    """The chapter notebooks in reading order, as the manifest ``bab.yaml`` lists them."""
    return list(manifest(folder).bab)


def chapter_name(index: int, path: Path) -> str:
    """``01_pendahuluan.ipynb`` keeps its name; ``pendahuluan.ipynb`` -> ``01_pendahuluan``."""
    return path.stem if re.match(r"^\d+_", path.stem) else f"{index + 1:02d}_{path.stem}"


def default_settings_file() -> Path:
    """The built-in ``params/default.yaml`` (the base every settings file is laid over)."""
    return bawaan() / "params" / "default.yaml"


def settings_files(path: str | Path | None = None) -> list[Path]:
    """The settings files a render reads, in order: built-in defaults, the workspace's, ``path``.

    The workspace's ``params/default.yaml`` (the copy ``lkip init`` puts there to edit) is
    laid over the built-in one when it is another file; ``path`` (a relative one missing
    from the working folder is looked up in the workspace's ``params/``) comes last.
    """
    files = [default_settings_file()]
    own = params_dir() / "default.yaml"
    if own.is_file() and own.resolve() != files[0].resolve():
        files.append(own)
    if path is not None:
        extra = Path(path)
        if not extra.is_absolute() and not extra.exists() and (params_dir() / extra).exists():
            extra = params_dir() / extra
        if all(extra.resolve() != f.resolve() for f in files):
            files.append(extra)
    return files


def contoh_dataset() -> Path:
    """The Umbulsari 2023 data set shipped as the example (``lkip init --contoh``, ``lkip template --contoh``)."""
    return bawaan() / "data" / "2023" / "umbulsari"


def data_dir() -> Path:
    """Return the workspace's ``data/``."""
    return workspace_root() / "data"


def params_dir() -> Path:
    """Return the workspace's ``params/``."""
    return workspace_root() / "params"


def outputs_dir() -> Path:
    """Return the workspace's ``outputs/`` (``LKIP_OUTPUTS`` overrides it)."""
    env = os.environ.get("LKIP_OUTPUTS")
    return Path(env).resolve() if env else workspace_root() / "outputs"


#: The environment variable naming another cache folder (see :func:`cache_dir`).
ENV_CACHE = "LKIP_CACHE"


def cache_dir() -> Path:
    """Where lkip keeps what it builds once and reuses between runs (``LKIP_CACHE``, else ``<workspace>/.lkip-cache``).

    Inside the workspace, never the home folder: ``lkip init kerja`` promises that
    nothing is written outside ``kerja/``.  A cache that cannot be written only means
    building again.
    """
    env = os.environ.get(ENV_CACHE)
    return Path(env).expanduser().resolve() if env else workspace_root() / ".lkip-cache"


def slug(name: str) -> str:
    """Return the lowercase file-system name of a kecamatan: ``"Gunung Sari"`` -> ``"gunung-sari"``."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()
    if not text:
        msg = f"nama kecamatan tidak valid: {name!r}"
        raise ValueError(msg)
    return text


def dataset_in(folder: Path, kecamatan: str) -> Path:
    """The data set of ``kecamatan`` in a folder of one year's data sets.

    The text form ``<folder>/<slug>/`` is preferred; the workbook
    ``<folder>/<slug>.xlsx`` is used when no such folder exists.  The returned path
    may not exist (the loader says so in Indonesian).
    """
    path = Path(folder) / slug(kecamatan)
    workbook = Path(folder) / f"{slug(kecamatan)}.xlsx"
    return workbook if not path.exists() and workbook.exists() else path


def dataset_path(tahun: int, kecamatan: str, base: Path | None = None) -> Path:
    """Return the data set of ``kecamatan`` and ``tahun`` under ``data/`` (or ``base``)."""
    return dataset_in((base or data_dir()) / str(int(tahun)), kecamatan)


def report_dir(tahun: int, kecamatan: str, base: Path | None = None) -> Path:
    """Return ``outputs/<tahun>/<slug>/``."""
    return (base or outputs_dir()) / str(int(tahun)) / slug(kecamatan)


def dataset_identity_problems(origin: Path, kecamatan: str, tahun: int) -> list[tuple[str, str, str]]:
    """Where a data set's place disagrees with its ``instansi``: ``(field, in the path, in the data)``.

    A folder must be named ``slug(kecamatan)``; a folder or workbook inside a folder
    named like a year (four digits) must be in the folder of ``tahun``.
    """
    origin = Path(origin)
    out = []
    try:
        expected = slug(kecamatan)
    except ValueError:
        expected = ""
    if origin.is_dir() and expected and origin.name != expected:
        out.append(("kecamatan", origin.name, f"{kecamatan} (folder {expected})"))
    year = origin.resolve().parent.name
    if re.fullmatch(r"\d{4}", year) and int(year) != int(tahun):
        out.append(("tahun", year, str(tahun)))
    return out

