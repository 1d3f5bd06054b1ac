"""Settings of the rules: read from ``params/*.yaml`` into frozen dataclasses.

``params/default.yaml`` holds the defaults (the seed's choices, domain.md); an
override file (e.g. ``params/skala_permendagri86.yaml``) and an ``overrides``
mapping are merged over it, mappings key by key, except that a scale
(``skala``, ``skala_huruf``, ``ikm.mutu``) is replaced as a whole.  Every
problem is collected and raised together as one
:class:`~lkip_helpers.errors.SettingsError` whose Indonesian message names the
file, the key and the allowed values.

The dataclass defaults equal ``params/default.yaml`` (a test holds them
together), so ``Settings()`` is the default without reading a file.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from ..data.batas import BAWAAN, Batas
from ..errors import SettingsError
from ..paths import default_settings_file, settings_files, workspace_root
from .predikat import MUTU_IKM, SKALA_SAKIP, Scale

__all__ = ["CapaianSettings", "EfisiensiSettings", "IkmSettings", "Settings", "default_settings_path",
           "load_settings", "settings_files"]

_TANPA = "tanpa"
_BOBOT_SEPERSEMBILAN = "1/9"


def _check_choice(owner: str, key: str, value: Any, choices: tuple[str, ...]) -> None:
    if value not in choices:
        msg = f"{owner}.{key}: nilai {value!r} tidak dikenal; pilihan: {', '.join(choices)}."
        raise SettingsError(msg)


@dataclass(frozen=True)
class CapaianSettings:
    """How capaian is computed and capped.

    Attributes
    ----------
    metode_negatif
        ``"seed"``: ``(2T - R) / T x 100`` (the seed's formula, default);
        ``"rasio"``: ``T / R x 100``.
    batas_atas
        Cap for predikat and averages: 100 (default), 110, or None (``tanpa``).
    batas_bawah
        Floor: 0 (default) or None (``tanpa``).
    metode_huruf
        Letter-grade indicators: ``"skor"`` uses the numeric scores when both
        target and realisasi have one, else the ordinal mapping (default);
        ``"ordinal"`` always uses the ordinal mapping D < C < ... < AA.
    """

    METODE_NEGATIF: ClassVar[tuple[str, ...]] = ("seed", "rasio")
    METODE_HURUF: ClassVar[tuple[str, ...]] = ("skor", "ordinal")
    BATAS_ATAS: ClassVar[tuple[float | None, ...]] = (100.0, 110.0, None)
    BATAS_BAWAH: ClassVar[tuple[float | None, ...]] = (0.0, None)

    metode_negatif: str = "seed"
    batas_atas: float | None = 100.0
    batas_bawah: float | None = 0.0
    metode_huruf: str = "skor"

    def __post_init__(self) -> None:
        _check_choice("capaian", "metode_negatif", self.metode_negatif, self.METODE_NEGATIF)
        _check_choice("capaian", "metode_huruf", self.metode_huruf, self.METODE_HURUF)
        if self.batas_atas not in self.BATAS_ATAS:
            msg = f"capaian.batas_atas: nilai {self.batas_atas!r} tidak dikenal; pilihan: 100, 110, tanpa."
            raise SettingsError(msg)
        if self.batas_bawah not in self.BATAS_BAWAH:
            msg = f"capaian.batas_bawah: nilai {self.batas_bawah!r} tidak dikenal; pilihan: 0, tanpa."
            raise SettingsError(msg)


@dataclass(frozen=True)
class EfisiensiSettings:
    """How a sasaran's efficiency is labelled (Tabel 3.7).

    ``metode``: ``"seed"`` (Efisien when capaian >= serapan, default),
    ``"selisih"`` (capaian - serapan against +-``ambang`` points) or ``"rasio"``
    (capaian / serapan against 1).
    """

    METODE: ClassVar[tuple[str, ...]] = ("seed", "selisih", "rasio")

    metode: str = "seed"
    ambang: float = 5.0

    def __post_init__(self) -> None:
        _check_choice("efisiensi", "metode", self.metode, self.METODE)
        if not (isinstance(self.ambang, int | float) and self.ambang >= 0 and math.isfinite(self.ambang)):
            msg = f"efisiensi.ambang: nilai {self.ambang!r} tidak valid; harus angka >= 0."
            raise SettingsError(msg)


@dataclass(frozen=True)
class IkmSettings:
    """IKM (PermenPAN-RB 14/2017): weight per unsur and the mutu table.

    ``bobot`` is exactly 1/9 by default; 0.11 (as printed in the regulation)
    is the alternative.
    """

    bobot: float = 1 / 9
    mutu: Scale = field(default_factory=lambda: MUTU_IKM)

    def __post_init__(self) -> None:
        if self.bobot not in (1 / 9, 0.11):
            msg = f"ikm.bobot: nilai {self.bobot!r} tidak dikenal; pilihan: 1/9, 0.11."
            raise SettingsError(msg)

    @property
    def bobot_teks(self) -> str:
        """The weight as written in the settings: ``"1/9"`` or ``"0.11"``."""
        return _BOBOT_SEPERSEMBILAN if self.bobot == 1 / 9 else "0.11"


@dataclass(frozen=True)
class Settings:
    """All settings of the rules.

    Attributes
    ----------
    capaian
        Formula and capping (:class:`CapaianSettings`).
    skala
        Predikat scale of a capaian (default SAKIP AA..D).
    skala_huruf
        Scale that turns a score into a grade letter for letter indicators such
        as Nilai SAKIP (default SAKIP AA..D; stays SAKIP when ``skala`` is
        replaced by another Pemda's scale).
    efisiensi
        Efficiency labelling (:class:`EfisiensiSettings`).
    ikm
        IKM weight and mutu table (:class:`IkmSettings`).
    masukan
        Bounds on what a data set may hold (:class:`~lkip_helpers.data.batas.Batas`),
        applied while it is read.
    sumber
        Files the settings were read from, in merge order (not part of
        :meth:`as_dict` nor of equality).
    """

    capaian: CapaianSettings = field(default_factory=CapaianSettings)
    skala: Scale = field(default_factory=lambda: SKALA_SAKIP)
    skala_huruf: Scale = field(default_factory=lambda: SKALA_SAKIP)
    efisiensi: EfisiensiSettings = field(default_factory=EfisiensiSettings)
    ikm: IkmSettings = field(default_factory=IkmSettings)
    masukan: Batas = field(default_factory=lambda: BAWAAN)
    sumber: tuple[str, ...] = field(default=(), compare=False)

    def as_dict(self) -> dict[str, Any]:
        """Return the effective settings as plain data, in the form of ``params/*.yaml``.

        Feeding the result back as ``overrides`` gives equal settings.
        """
        c = self.capaian
        return {
            "capaian": {
                "metode_negatif": c.metode_negatif,
                "batas_atas": _TANPA if c.batas_atas is None else _plain(c.batas_atas),
                "batas_bawah": _TANPA if c.batas_bawah is None else _plain(c.batas_bawah),
                "metode_huruf": c.metode_huruf,
            },
            "skala": self.skala.as_dict(),
            "skala_huruf": self.skala_huruf.as_dict(),
            "efisiensi": {"metode": self.efisiensi.metode, "ambang": _plain(self.efisiensi.ambang)},
            "ikm": {
                "bobot": _BOBOT_SEPERSEMBILAN if self.ikm.bobot == 1 / 9 else self.ikm.bobot,
                "mutu": self.ikm.mutu.as_dict(),
            },
            "masukan": {k: _plain(v) for k, v in self.masukan.as_dict().items()},
        }

    def fingerprint(self) -> str:
        """Return a stable sha256 hex digest of :meth:`as_dict` (for caching)."""
        text = json.dumps(self.as_dict(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(x: float) -> float | int:
    return int(x) if float(x).is_integer() else float(x)


# ----------------------------------------------------------------------------- loading
_SCALE_KEYS = {"nama": None, "rentang": None, "predikat": None}
#: Known keys; a nested dict lists sub keys, None marks a leaf.
_KEYS: dict[str, Any] = {
    "capaian": {"metode_negatif": None, "batas_atas": None, "batas_bawah": None, "metode_huruf": None},
    "skala": _SCALE_KEYS,
    "skala_huruf": _SCALE_KEYS,
    "efisiensi": {"metode": None, "ambang": None},
    "ikm": {"bobot": None, "mutu": _SCALE_KEYS},
    "masukan": dict.fromkeys(BAWAAN.as_dict()),
}
_OVERRIDES = "pengaturan tambahan (overrides)"
#: Mappings that an override replaces as a whole instead of key by key.
_WHOLE = {("skala",), ("skala_huruf",), ("ikm", "mutu")}


def default_settings_path() -> Path:
    """Return the built-in ``params/default.yaml``."""
    return default_settings_file()


def load_settings(path: str | Path | None = None, overrides: Mapping[str, Any] | None = None) -> Settings:
    """Read ``params/default.yaml``, merge ``path`` and ``overrides`` over it, validate.

    Parameters
    ----------
    path
        Optional override file (YAML mapping with any subset of the keys of
        ``default.yaml``); a relative path not found from the working folder is
        looked up in ``params/``.  Passing ``params/default.yaml`` itself is harmless.
    overrides
        Optional mapping merged last (e.g. ``{"capaian": {"batas_atas": "tanpa"}}``).

    Returns
    -------
    Settings
        The validated settings; ``sumber`` lists the files read.

    Raises
    ------
    SettingsError
        A file is missing or not valid YAML, a key is unknown, or a value is
        not allowed; all problems are listed in one Indonesian message.
    """
    layers: list[tuple[str, Mapping[str, Any]]] = []
    files: list[str] = []
    errors: list[str] = []
    for file in settings_files(path):
        label = _show(file)
        files.append(label)
        layers.append((label, _read_yaml(file, label)))
    if overrides is not None:
        layers.append((_OVERRIDES, overrides))
    merged: dict[str, Any] = {}
    origins: dict[tuple[str, ...], str] = {}
    for label, data in layers:
        errors.extend(_unknown_keys(data, _KEYS, (), label))
        _merge(merged, data, (), label, origins)
    if errors:
        _raise(errors)
    reader = _Reader(merged, origins)
    settings = reader.build()
    if reader.errors:
        _raise(reader.errors)
    return Settings(
        capaian=settings.capaian,
        skala=settings.skala,
        skala_huruf=settings.skala_huruf,
        efisiensi=settings.efisiensi,
        ikm=settings.ikm,
        masukan=settings.masukan,
        sumber=tuple(files),
    )


def _raise(errors: list[str]) -> None:
    msg = f"Pengaturan tidak valid ({len(errors)} masalah):\n" + "\n".join(f"  - {e}" for e in errors)
    raise SettingsError(msg)


def _show(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(workspace_root()))
    except ValueError:
        return str(file)


def _read_yaml(file: Path, label: str) -> Mapping[str, Any]:
    if not file.is_file():
        msg = f"Berkas pengaturan tidak ditemukan: {label}. Periksa nama dan letak berkas (biasanya di params/)."
        raise SettingsError(msg)
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        msg = f"Berkas pengaturan {label} bukan YAML yang sah: {exc}"
        raise SettingsError(msg) from None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        msg = f"Berkas pengaturan {label} harus berisi pasangan kunci: nilai di tingkat teratas."
        raise SettingsError(msg)
    return data


def _unknown_keys(data: Any, known: Mapping[str, Any], prefix: tuple[str, ...], label: str) -> list[str]:
    if not isinstance(data, Mapping):
        key = ".".join(prefix)
        return [f"{label}, kunci '{key}': harus berisi sub-kunci {', '.join(known)}; ditemukan {data!r}."]
    out = []
    for key, value in data.items():
        path = (*prefix, str(key))
        if key not in known:
            where = f"di bawah '{'.'.join(prefix)}'" if prefix else "di tingkat teratas"
            out.append(
                f"{label}, kunci '{'.'.join(path)}' tidak dikenal; kunci yang berlaku {where}: "
                f"{', '.join(known)}."
            )
        elif isinstance(known[key], Mapping):
            out.extend(_unknown_keys(value, known[key], path, label))
    return out


def _merge(
    into: dict[str, Any],
    data: Mapping[str, Any],
    prefix: tuple[str, ...],
    label: str,
    origins: dict[tuple[str, ...], str],
) -> None:
    for key, value in data.items():
        path = (*prefix, key)
        if isinstance(value, Mapping) and isinstance(into.get(key), dict) and path not in _WHOLE:
            _merge(into[key], value, path, label, origins)
        else:
            into[key] = copy.deepcopy(dict(value)) if isinstance(value, Mapping) else copy.deepcopy(value)
            for old in [p for p in origins if p[: len(path)] == path]:
                del origins[old]
            origins.update({p: label for p in _leaf_paths(value, path)})


def _leaf_paths(value: Any, path: tuple[str, ...]) -> list[tuple[str, ...]]:
    if isinstance(value, Mapping) and value:
        return [p for k, v in value.items() for p in _leaf_paths(v, (*path, k))]
    return [path]


_ABSENT = object()


def _choice(choices: tuple[str, ...]) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        if isinstance(value, str) and value in choices:
            return value
        raise ValueError(value)

    return parse


def _limit(numbers: tuple[float, ...]) -> Callable[[Any], float | None]:
    def parse(value: Any) -> float | None:
        if isinstance(value, str) and value.strip().lower() == _TANPA:
            return None
        if isinstance(value, int | float) and not isinstance(value, bool) and float(value) in numbers:
            return float(value)
        raise ValueError(value)

    return parse


def _positive(integer: bool) -> Callable[[Any], float]:
    def parse(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < math.inf:
            raise ValueError(value)
        if integer and not float(value).is_integer():
            raise ValueError(value)
        return int(value) if integer else float(value)

    return parse


#: ``masukan`` keys and the :class:`Batas` field each sets.
_BATAS_FIELD = dict(zip(BAWAAN.as_dict(), ("berkas_mb", "isi_mb", "baris", "kolom", "panjang_sel"), strict=True))


def _ambang(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value < math.inf:
        return float(value)
    raise ValueError(value)


def _bobot(value: Any) -> float:
    if isinstance(value, str) and value.replace(" ", "") == _BOBOT_SEPERSEMBILAN:
        return 1 / 9
    if isinstance(value, float) and value == 0.11:
        return 0.11
    raise ValueError(value)


class _Reader:
    """Validate the merged mapping leaf by leaf, collecting errors."""

    def __init__(self, merged: Mapping[str, Any], origins: Mapping[tuple[str, ...], str]) -> None:
        self.merged = merged
        self.origins = origins
        self.errors: list[str] = []

    def _origin(self, path: tuple[str, ...]) -> str:
        for n in range(len(path), 0, -1):
            if path[:n] in self.origins:
                return self.origins[path[:n]]
        hits = [lbl for p, lbl in self.origins.items() if p[: len(path)] == path]  # a sub-tree
        return hits[0] if hits else _show(default_settings_path())

    def _raw(self, path: tuple[str, ...]) -> Any:
        node: Any = self.merged
        for key in path:
            if not isinstance(node, Mapping) or key not in node:
                return _ABSENT
            node = node[key]
        return node

    def fail(self, path: tuple[str, ...], value: Any, allowed: str) -> None:
        where = f"{self._origin(path)}, kunci '{'.'.join(path)}'"
        self.errors.append(f"{where}: nilai {value!r} tidak diizinkan. {allowed}")

    def leaf(self, path: tuple[str, ...], parse: Callable[[Any], Any], allowed: str) -> Any:
        """Return the parsed value at ``path``; ``_ABSENT`` when absent or refused."""
        value = self._raw(path)
        if value is _ABSENT:
            return _ABSENT
        try:
            return parse(value)
        except (TypeError, ValueError):
            self.fail(path, value, allowed)
            return _ABSENT

    def scale(self, path: tuple[str, ...], default: Scale) -> Scale:
        value = self._raw(path)
        if value is _ABSENT:
            return default
        if not isinstance(value, Mapping) or not isinstance(value.get("predikat"), list):
            self.fail(path, value, "Harus berisi 'predikat': daftar pita (kode, label, bawah, atas, ...).")
            return default
        rentang = value.get("rentang", [0, 100])
        numbers = isinstance(rentang, list) and all(
            isinstance(x, int | float) and not isinstance(x, bool) for x in rentang
        )
        if not (numbers and len(rentang) == 2 and rentang[0] < rentang[1]):
            self.fail((*path, "rentang"), rentang, "Harus [bawah, atas], mis. [0, 100].")
            return default
        nama = str(value.get("nama") or "")
        try:
            return Scale.from_records(value["predikat"], nama=nama, bawah=rentang[0], atas=rentang[1])
        except SettingsError as exc:
            where = f"{self._origin((*path, 'predikat'))}, kunci '{'.'.join(path)}.predikat'"
            self.errors.append(f"{where}: {exc}")
            return default

    def build(self) -> Settings:
        kw: dict[str, dict[str, Any]] = {"capaian": {}, "efisiensi": {}, "ikm": {}, "masukan": {}}
        for (group, key), (parse, allowed) in _LEAVES.items():
            value = self.leaf((group, key), parse, allowed)
            if value is not _ABSENT:
                kw[group][key] = value
        return Settings(
            capaian=CapaianSettings(**kw["capaian"]),
            skala=self.scale(("skala",), SKALA_SAKIP),
            skala_huruf=self.scale(("skala_huruf",), SKALA_SAKIP),
            efisiensi=EfisiensiSettings(**kw["efisiensi"]),
            ikm=IkmSettings(**kw["ikm"], mutu=self.scale(("ikm", "mutu"), MUTU_IKM)),
            masukan=Batas(**{_BATAS_FIELD[k]: v for k, v in kw["masukan"].items()}),
        )


#: Every plain leaf: its parser and the allowed values shown when it refuses.
_LEAVES: dict[tuple[str, str], tuple[Callable[[Any], Any], str]] = {
    ("capaian", "metode_negatif"): (_choice(CapaianSettings.METODE_NEGATIF), "Pilihan: seed, rasio."),
    ("capaian", "batas_atas"): (_limit((100.0, 110.0)), "Pilihan: 100, 110, tanpa."),
    ("capaian", "batas_bawah"): (_limit((0.0,)), "Pilihan: 0, tanpa."),
    ("capaian", "metode_huruf"): (_choice(CapaianSettings.METODE_HURUF), "Pilihan: skor, ordinal."),
    ("efisiensi", "metode"): (_choice(EfisiensiSettings.METODE), "Pilihan: seed, selisih, rasio."),
    ("efisiensi", "ambang"): (_ambang, "Harus angka >= 0 (titik persen), mis. 5."),
    **{
        ("masukan", key): (
            _positive(integer=isinstance(getattr(BAWAAN, name), int)),
            "Harus bilangan bulat lebih dari 0."
            if isinstance(getattr(BAWAAN, name), int)
            else "Harus angka lebih dari 0.",
        )
        for key, name in _BATAS_FIELD.items()
    },
    ("ikm", "bobot"): (
        _bobot,
        "Pilihan: 1/9 (tepat sepersembilan), 0.11 (seperti tercetak di PermenPAN-RB 14/2017).",
    ),
}
