"""Parameter sets: one YAML file under ``params/`` names a whole batch.

``params/jember-2023.yaml`` says which kabupaten and year, which kecamatan, where their
data sets are, where the outputs go, which formats and which settings file.  Relative
paths in the file are read from the file's own folder (``data: ../data/2023``), so the
command works from any folder; ``keluaran`` defaults to the workspace's
``outputs/<tahun>/``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from ..errors import LkipError, SettingsError
from ..paths import data_dir, dataset_in, outputs_dir, slug, workspace_root
from ..render.formats import FORMAT_BAWAAN, FORMATS

__all__ = [
    "BatchParams", "is_dataset", "load_params", "mungkin_maksud", "params_for_dataset", "params_for_year",
]

_KEYS = {
    "kabupaten", "provinsi", "tahun", "data", "keluaran", "format", "pengaturan", "batas_waktu_bab", "kecamatan",
    "final", "referensi_docx",
}


@dataclass(frozen=True)
class BatchParams:
    """One batch: the kabupaten, the year and the kecamatan to render, and how."""

    kabupaten: str  # "" without a parameter set: the data sets name it (batch.runner)
    tahun: int
    kecamatan: tuple[str, ...]
    data: Path
    keluaran: Path
    formats: tuple[str, ...] = FORMAT_BAWAAN
    pengaturan: Path | None = None
    batas_waktu_bab: float | None = 600
    provinsi: str = ""
    sumber: Path | None = None  # the YAML file it was read from
    final: bool = False  # render the final edition (refused per kecamatan while lkip check --final finds anything)
    referensi_docx: Path | None = None  # the kabupaten's own reference document (styles) of the DOCX
    #: Data sets named explicitly (``lkip render --data isian.xlsx``): ``(kecamatan, path)``
    #: pairs that take the place of ``<data>/<slug>``.
    data_sets: tuple[tuple[str, Path], ...] = ()

    def dataset(self, kecamatan: str) -> Path:
        """Folder (or workbook) of one kecamatan's data set."""
        named = {slug(k): p for k, p in self.data_sets}
        return named.get(slug(kecamatan)) or dataset_in(self.data, kecamatan)

    def out_dir(self, kecamatan: str) -> Path:
        """``<keluaran>/<slug>/``."""
        return self.keluaran / slug(kecamatan)

    def select(self, names: Sequence[str] | None) -> BatchParams:
        """The same batch restricted to ``names`` (matched by slug: "gunung sari" = "Gunung Sari")."""
        if not names:
            return self
        known = {slug(k): k for k in self.kecamatan}
        chosen, unknown = [], []
        for name in names:
            key = slug(name)
            (chosen.append(known[key]) if key in known else unknown.append(name))
        if unknown:
            hint = mungkin_maksud(unknown, self.kecamatan)
            msg = (
                f"kecamatan tidak ada dalam parameter {self.sumber or ''}: {', '.join(unknown)}.{hint} "
                f"Yang tersedia: {', '.join(self.kecamatan)}"
            )
            raise SettingsError(msg)
        return replace(self, kecamatan=tuple(dict.fromkeys(chosen)))

    def with_final(self, final: bool) -> BatchParams:
        """The same batch, final edition when ``final`` (a parameter set's ``final: true`` stays)."""
        return replace(self, final=self.final or final)

    def with_referensi(self, referensi: Path | None) -> BatchParams:
        """The same batch with the DOCX styles of ``referensi`` (None: the parameter set's, else the house one)."""
        if referensi is None:
            return self
        problem = _referensi_problem(referensi)
        if problem:
            msg = f"--referensi-docx: {problem}"
            raise SettingsError(msg)
        return replace(self, referensi_docx=referensi)

    def with_keluaran(self, keluaran: Path | None) -> BatchParams:
        """The same batch writing into ``keluaran`` (``<keluaran>/<kecamatan>/``, index, overview)."""
        return self if keluaran is None else replace(self, keluaran=Path(keluaran).expanduser().resolve())

    def with_formats(self, formats: Sequence[str] | None) -> BatchParams:
        """The same batch with other output formats (validated)."""
        return self if not formats else replace(self, formats=_formats(formats, "--format"))


def mungkin_maksud(names: Sequence[str], known: Sequence[str]) -> str:
    """`` Mungkin maksud Anda: Umbulsari?`` for names close to a known kecamatan, else ""."""
    import difflib

    by_slug = {slug(k): k for k in known}
    close = []
    for name in names:
        hits = difflib.get_close_matches(slug(name), list(by_slug), n=1, cutoff=0.7)
        close += [by_slug[h] for h in hits if by_slug[h] not in close]
    return f" Mungkin maksud Anda: {', '.join(close)}?" if close else ""


def _path(value: Any, root: Path) -> Path:
    path = Path(str(value)).expanduser()
    return (path if path.is_absolute() else root / path).resolve()  # "../data" shown as the folder it is


def _referensi_problem(path: Path) -> str:
    """Why ``path`` cannot be a reference document, "" when it can."""
    if path.suffix.lower() != ".docx":
        return f"dokumen referensi harus berkas .docx, bukan {path.name}"
    if not path.is_file():
        return f"dokumen referensi {path} tidak ada"
    import zipfile

    if not zipfile.is_zipfile(path):
        return f"dokumen referensi {path} bukan berkas Word (.docx) yang sah"
    return ""


def _formats(value: Any, where: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else list(value or [])
    parts = [p.strip().lower() for item in items for p in str(item).split(",") if p.strip()]
    bad = [p for p in parts if p not in FORMATS]
    if bad or not parts:
        msg = f"{where}: format harus salah satu dari {', '.join(FORMATS)}, bukan {', '.join(bad) or '(kosong)'}"
        raise SettingsError(msg)
    return tuple(dict.fromkeys(parts))


def load_params(path: str | Path, root: Path | None = None) -> BatchParams:
    """Read and check a parameter set; every problem is listed in one :class:`SettingsError`.

    Relative paths inside it are read from ``root`` (default: the file's folder).  A
    relative ``path`` missing from the working folder is looked up in the workspace.
    """
    path = Path(path)
    if not path.exists() and not path.is_absolute() and (workspace_root() / path).exists():
        path = workspace_root() / path
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        msg = f"berkas parameter {path} tidak dapat dibaca: {exc.strerror}. Contoh: params/jember-2023.yaml"
        raise SettingsError(msg) from exc
    except yaml.YAMLError as exc:
        msg = f"berkas parameter {path} bukan YAML yang sah: {exc}"
        raise SettingsError(msg) from exc
    return params_from_mapping(raw, root or path.resolve().parent, source=path)


def params_from_mapping(raw: object, root: Path, source: Path | None = None) -> BatchParams:
    """Build :class:`BatchParams` from the YAML mapping (see :func:`load_params`)."""
    where = str(source or "parameter")
    if not isinstance(raw, Mapping):
        msg = f"{where}: isi berkas harus pemetaan (kabupaten:, tahun:, kecamatan: ...)"
        raise SettingsError(msg)
    problems = [f"kunci '{k}' tidak dikenal (yang dikenal: {', '.join(sorted(_KEYS))})" for k in raw if k not in _KEYS]
    for key in ("kabupaten", "tahun", "kecamatan"):
        if key not in raw:
            problems.append(f"kunci '{key}' wajib diisi")
    tahun = raw.get("tahun")
    if "tahun" in raw and (not isinstance(tahun, int) or isinstance(tahun, bool) or not 2000 <= tahun <= 2100):
        problems.append(f"'tahun' harus bilangan bulat seperti 2023, bukan {tahun!r}")
    names = raw.get("kecamatan") or []
    if "kecamatan" in raw and (not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names)):
        problems.append("'kecamatan' harus daftar nama kecamatan (minimal satu)")
        names = []
    slugs = [slug(n) for n in names]
    dup = sorted({n for n, s in zip(names, slugs, strict=True) if slugs.count(s) > 1})
    if dup:
        problems.append(f"kecamatan ganda: {', '.join(dup)}")
    limit = raw.get("batas_waktu_bab", 600)
    if limit is not None and (not isinstance(limit, int | float) or isinstance(limit, bool) or limit <= 0):
        problems.append(f"'batas_waktu_bab' harus jumlah detik > 0 (atau kosong), bukan {limit!r}")
    formats: tuple[str, ...] = FORMAT_BAWAAN
    try:
        formats = _formats(raw.get("format", list(FORMAT_BAWAAN)), "'format'")
    except SettingsError as exc:
        problems.append(str(exc))
    final = raw.get("final", False)
    if not isinstance(final, bool):
        problems.append(f"'final' harus true atau false, bukan {final!r}")
    referensi = _path(raw["referensi_docx"], root) if raw.get("referensi_docx") else None
    if referensi is not None and _referensi_problem(referensi):
        problems.append(f"'referensi_docx': {_referensi_problem(referensi)}")
    if problems:
        msg = f"Parameter {where} tidak valid ({len(problems)} masalah):\n" + "\n".join(f"  - {p}" for p in problems)
        raise SettingsError(msg)
    assert isinstance(tahun, int)  # checked above
    pengaturan = raw.get("pengaturan")
    return BatchParams(
        kabupaten=str(raw["kabupaten"]),
        provinsi=str(raw.get("provinsi") or ""),
        tahun=tahun,
        kecamatan=tuple(names),
        data=_path(raw["data"], root) if raw.get("data") else data_dir() / str(tahun),
        keluaran=_path(raw["keluaran"], root) if raw.get("keluaran") else outputs_dir() / str(tahun),
        formats=formats,
        pengaturan=_path(pengaturan, root) if pengaturan else None,
        batas_waktu_bab=float(limit) if limit is not None else None,
        sumber=source,
        final=bool(final),
        referensi_docx=referensi,
    )


def is_dataset(path: Path) -> bool:
    """A data set itself (workbook, or folder with instansi.yaml), not a folder of data sets."""
    return path.is_file() or path.suffix.lower() in {".xlsx", ".xlsm"} or (path / "instansi.yaml").exists()


def params_for_dataset(path: Path, tahun: int, names: list[str]) -> BatchParams:
    """``--data`` names one data set: its kecamatan and year come from its instansi."""
    from ..data import load

    path = path.expanduser().resolve()
    kecamatan = names[0] if names else path.stem.replace("-", " ").title()
    kabupaten = "-"
    try:
        ds = load(path)
        kecamatan, tahun, kabupaten = ds.kecamatan, ds.tahun, ds.kabupaten or "-"
    except LkipError:
        pass  # the batch checks the data set and reports every problem in its summary
    return BatchParams(
        kabupaten=kabupaten, tahun=tahun, kecamatan=(kecamatan,), data=path.parent,
        keluaran=outputs_dir() / str(tahun), data_sets=((kecamatan, path),),
    )


def params_for_year(tahun: int, names: list[str], data: Path | None = None) -> BatchParams:
    """Without --params: every data set of ``data/<tahun>/`` (or ``--data``; the index lists them all)."""
    folder = (data.expanduser().resolve() if data is not None else data_dir() / str(tahun))
    found = sorted({p.name.removesuffix(".xlsx") for p in folder.glob("*") if p.is_dir() or p.suffix == ".xlsx"})
    known = {slug(n) for n in found}
    everyone = [" ".join(w.capitalize() for w in f.split("-")) for f in found]
    missing = [n for n in names if slug(n) not in known]
    hint = mungkin_maksud(missing, everyone)
    if hint:
        msg = f"tidak ada data set {', '.join(missing)} di {folder}.{hint}"
        raise SettingsError(msg)
    everyone += missing
    # The kabupaten is named by the data sets themselves: the batch takes it from the
    # reports' summaries (run_batch), so no data set is loaded here, in the main process.
    return BatchParams(
        kabupaten="", tahun=tahun, kecamatan=tuple(dict.fromkeys(everyone)),
        data=folder, keluaran=outputs_dir() / str(tahun),
    )
