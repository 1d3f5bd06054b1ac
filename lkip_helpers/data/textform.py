"""The text form of a data set: a folder of CSV and YAML files.

``data/<tahun>/<kecamatan>/`` holds one file per table (``<table>.csv`` for
records, ``<table>.yaml`` for fields tables and for records tables with
``text_format="yaml"``).  :func:`load_folder` reads what people type (see
:mod:`lkip_helpers.data.parse`); :func:`write_folder` writes canonical machine
values (``4231208525``, ``95.5``, ``2024-02-23``, ``ya``) in a stable order,
so that the same data set always gives the same bytes.  Reading never changes
an input file.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import Location, Problem
from ._assemble import (
    RawFields,
    RawRecords,
    RawRow,
    assemble,
    error,
    fail,
    finish,
    match_column,
    warning,
)
from .batas import (
    BAWAAN,
    Batas,
    batasi_sel,
    cek_ukuran,
    kolom_diabaikan,
    terlalu_banyak_baris,
    terlalu_panjang,
)
from .model import DataSet, SourceFile
from .schema import TABLES, ColType, Table

__all__ = ["load_folder"]

_YAML_SUFFIXES = (".yaml", ".yml")
_IGNORED = {"catatan.md", "readme.md"}


# -- reading ------------------------------------------------------------------------


def _decode(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """Return the file's text, or report a file that is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(
            error(
                "berkas.encoding",
                "Berkas bukan teks UTF-8 (mungkin disimpan sebagai ANSI/Windows-1252). "
                "Buka di Excel atau editor teks lalu simpan sebagai CSV UTF-8 (untuk YAML: UTF-8).",
                Location(rel, None, line),
                found=f"byte {data[exc.start : exc.start + 1]!r} yang bukan UTF-8",
                expected="berkas bersandi UTF-8: simpan sebagai CSV UTF-8",
            )
        )
        return None


def _delimiter(first_line: str) -> str:
    """Return ``;`` for the semicolon CSV of Indonesian Excel, else ``,``."""
    if "," not in first_line and ";" in first_line:
        return ";"
    if "," not in first_line and "\t" in first_line:
        return "\t"
    return ","


def _read_csv(path: Path, rel: str, table: Table, problems: list[Problem], batas: Batas) -> RawRecords | None:
    text = _decode(path, rel, problems)
    if text is None:
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.split("\n", 1)[0]))
    records: list[list[str]] = []
    try:
        for cells in reader:
            records.append(cells[: batas.kolom + 1])
            if len(records) > batas.baris + 1:
                problems.append(terlalu_banyak_baris(Location(rel), batas))
                return None
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            where = Location(rel, None, reader.line_num)
            problems.append(terlalu_panjang(where, csv.field_size_limit(), batas))
            return None
        problems.append(
            error(
                "berkas.csv",
                "Berkas CSV rusak dan tidak dapat dibaca (mungkin berisi karakter NUL atau bukan berkas teks).",
                Location(rel, None, reader.line_num),
                expected="CSV dengan tanda kutip yang berpasangan",
            )
        )
        return None
    if not records or not any(cell.strip() for cell in records[0]):
        problems.append(
            error(
                "tabel.tanpa_judul",
                "Berkas kosong: baris pertama harus berisi nama kolom.",
                Location(rel, None, 1),
                expected="nama kolom: " + ", ".join(table.column_names),
            )
        )
        return None
    header = [cell.strip() for cell in records[0]]
    unended = not text.endswith(("\n", "\r"))
    if len(records) > 1 and unended and (len(records[-1]) < len(header) or text.count('"') % 2):
        problems.append(
            error(
                "berkas.terpotong",
                "Baris terakhir berkas tidak lengkap: berkas mungkin terpotong saat disalin, diunduh atau "
                "disimpan. Kirim ulang atau simpan ulang berkas yang utuh.",
                Location(rel, None, reader.line_num),
                found=f"{len(records[-1])} kolom tanpa akhir baris",
                expected=f"{len(header)} kolom seperti baris judul, diakhiri ganti baris",
            )
        )
        return None
    if len(header) > batas.kolom:
        if any(header[batas.kolom :]):
            problems.append(kolom_diabaikan(Location(rel, None, 1), batas))
        header = header[: batas.kolom]
        records = [r[: batas.kolom] for r in records]
    width = max(len(r) for r in records)
    header += [""] * (width - len(header))
    rows = [RawRow(Location(rel, None, i), list(cells)) for i, cells in enumerate(records[1:], start=2)]
    return RawRecords(table, rel, None, header, rows)


_YAML_REASONS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "ada tanda ':' di tempat yang tidak boleh (beri tanda kutip pada teks)",
    ),
    ("cannot start any token", "ada karakter tab atau karakter khusus; gunakan spasi dan tanda kutip"),
    ("could not find expected ':'", "tanda ':' setelah nama isian tidak ditemukan"),
    ("end of stream", "tanda kutip tidak ditutup"),
    ("expected <block end>", "jarak spasi di awal baris (indentasi) tidak konsisten"),
    ("did not find expected", "susunan daftar atau indentasi tidak sesuai"),
)


def _yaml_reason(problem: str) -> str:
    """Return an Indonesian explanation of a PyYAML problem text."""
    for english, indonesian in _YAML_REASONS:
        if english in problem:
            return indonesian
    return "tata tulis YAML salah"


class _AliasError(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing aliases (``*nama``): a few lines of them can expand to billions of values."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise _AliasError(self.peek_event().start_mark.line + 1)
        return super().compose_node(parent, index)


def _loader_for(text: str) -> Any:
    """libyaml's loader (several times faster) for a text without anchors, else :class:`_Loader`.

    An alias needs an anchor (``&nama``), so a text without ``&`` has none to refuse;
    with one (or when libyaml is missing) the Python loader refuses aliases as it composes.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    return fast(text) if fast is not None and "&" not in text else _Loader(text)


def _read_yaml(path: Path, rel: str, problems: list[Problem]) -> tuple[Any, yaml.Node | None] | None:
    """Return (data, node) of a YAML file, or report a syntax error."""
    text = _decode(path, rel, problems)
    if text is None:
        return None
    return _read_yaml_text(text, rel, problems, _loader_for(text))


def _read_yaml_slowly(text: str, rel: str, problems: list[Problem]) -> tuple[Any, yaml.Node | None] | None:
    """The text read again by the Python loader, whose error report the messages are written for."""
    return _read_yaml_text(text, rel, problems, _Loader(text))


def _read_yaml_text(
    text: str, rel: str, problems: list[Problem], loader: Any
) -> tuple[Any, yaml.Node | None] | None:
    """Return (data, node) of a YAML text read by ``loader``, or report a syntax error."""
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except _AliasError as exc:
        problems.append(
            error(
                "berkas.yaml",
                "Berkas YAML memakai rujukan (alias '*nama' ke anchor '&nama'); data LKIP tidak memakainya. "
                "Tulis nilainya langsung.",
                Location(rel, None, exc.line),
                found="alias YAML",
                expected="nilai yang ditulis langsung, tanpa '&' dan '*'",
            )
        )
        return None
    except yaml.YAMLError as exc:
        if not isinstance(loader, _Loader):  # libyaml failed: the report comes from the Python loader
            return _read_yaml_slowly(text, rel, problems)
        mark = getattr(exc, "problem_mark", None)
        if "end of stream" in str(getattr(exc, "problem", "")):
            mark = getattr(exc, "context_mark", None) or mark  # where the unclosed quote starts
        line = mark.line + 1 if mark else None
        shown = text.splitlines()[line - 1].strip() if line and line <= len(text.splitlines()) else None
        problems.append(
            error(
                "berkas.yaml",
                f"Berkas YAML tidak dapat dibaca: {_yaml_reason(str(getattr(exc, 'problem', '')))}.",
                Location(rel, None, line),
                found=f"'{shown}'" if shown else None,
                expected="YAML yang sah: 'isian: nilai' per baris, teks yang berisi ': ' atau '#' diberi tanda kutip",
            )
        )
        return None
    finally:
        loader.dispose()
    return data, node


@dataclass(frozen=True)
class _Pair:
    key: str
    key_line: int
    value_line: int
    text: str | None  # the scalar as typed, for text-like columns


def _pairs(node: yaml.MappingNode) -> dict[str, _Pair]:
    """Return the entries of a mapping node by key, with 1-based lines."""
    return {
        str(k.value): _Pair(
            str(k.value),
            k.start_mark.line + 1,
            v.start_mark.line + 1,
            v.value if isinstance(v, yaml.ScalarNode) else None,
        )
        for k, v in node.value
        if isinstance(k, yaml.ScalarNode)
    }


def _as_typed(table: Table, key: str, value: Any, pair: _Pair | None) -> Any:
    """Return the value for ``key``: the typed text for text-like columns.

    YAML would read ``kode_wilayah: 35.09`` as a float, ``telepon: 0331123`` as
    an octal number and ``catatan: no`` as False; text, code and choice columns
    take the scalar exactly as typed instead.
    """
    col = match_column(table, key)
    textual = col is not None and col.type in (ColType.TEKS, ColType.KODE, ColType.PILIHAN)
    if textual and value is not None and pair is not None and pair.text is not None:
        return pair.text
    return value


def _read_yaml_fields(
    path: Path, rel: str, table: Table, problems: list[Problem], batas: Batas
) -> RawFields | None:
    result = _read_yaml(path, rel, problems)
    if result is None:
        return None
    data, node = result
    if data is None:
        return RawFields(table, rel, None)
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        problems.append(
            error(
                "tabel.bukan_mapping",
                f"Isi {rel} harus berupa pasangan 'isian: nilai', satu per baris.",
                Location(rel, None, node.start_mark.line + 1 if node else None),
                found=f"{type(data).__name__}",
                expected="pasangan 'isian: nilai', mis. 'kecamatan: Umbulsari'",
            )
        )
        return None
    if len(data) > batas.baris:
        problems.append(terlalu_banyak_baris(Location(rel), batas))
        return None
    pairs = _pairs(node)
    items = []
    for k, v in data.items():
        pair = pairs.get(str(k))
        items.append((str(k), _as_typed(table, str(k), v, pair), pair.key_line if pair else None))
    return RawFields(table, rel, None, items)


def _read_yaml_records(
    path: Path, rel: str, table: Table, problems: list[Problem], batas: Batas
) -> RawRecords | None:
    result = _read_yaml(path, rel, problems)
    if result is None:
        return None
    data, node = result
    if data is None or data == []:  # an empty file or an empty list: an empty table (as written for one)
        return RawRecords(table, rel, None, list(table.column_names), header_row=None)
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        problems.append(
            error(
                "tabel.bukan_daftar",
                f"Isi {rel} harus berupa daftar butir yang masing-masing diawali '- '.",
                Location(rel, None, node.start_mark.line + 1 if node else None),
                expected="daftar, mis. '- bagian: kesimpulan' lalu '  urutan: 1' dan '  teks: ...'",
            )
        )
        return None
    if len(data) > batas.baris:
        problems.append(terlalu_banyak_baris(Location(rel), batas))
        return None
    header: list[str] = []
    items: list[tuple[dict[str, Any], dict[str, int], int]] = []
    for item, item_node in zip(data, node.value, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or not isinstance(item_node, yaml.MappingNode):
            problems.append(
                error(
                    "tabel.bukan_mapping",
                    "Butir daftar harus berupa pasangan 'kolom: nilai'.",
                    Location(rel, None, line),
                    found=repr(item),
                )
            )
            continue
        header += [str(k) for k in item if str(k) not in header]
        pairs = _pairs(item_node)
        lines = {key: pair.value_line for key, pair in pairs.items()}
        items.append(
            ({str(k): _as_typed(table, str(k), v, pairs.get(str(k))) for k, v in item.items()}, lines, line)
        )
    rows = [
        RawRow(
            Location(rel, None, line),
            [values.get(h) for h in header],
            [lines.get(h) for h in header],
        )
        for values, lines, line in items
    ]
    return RawRecords(table, rel, None, header, rows, header_row=None)


def _table_file(folder: Path, table: Table) -> Path | None:
    """Return the file holding ``table`` (schema name first, then the other format), whatever it is."""
    stem = folder / table.name
    candidates = [folder / table.filename]
    if table.kind == "records":
        candidates += [stem.with_suffix(".csv"), stem.with_suffix(".yaml"), stem.with_suffix(".yml")]
    else:
        candidates.append(stem.with_suffix(".yml"))
    return next((p for p in candidates if os.path.lexists(p)), None)


def _unsafe(folder: Path, file: Path) -> Problem | None:
    """A GALAT when ``file`` is not a regular file inside ``folder`` (a link out of it, a device, a folder)."""
    try:
        inside = file.resolve(strict=True).is_relative_to(folder.resolve())
        regular = stat.S_ISREG(file.stat().st_mode)
    except (OSError, RuntimeError):  # a dangling or looping link
        inside, regular = False, False
    if inside and regular:
        return None
    found = "tautan ke luar folder data set" if not inside else "bukan berkas biasa (folder, perangkat atau pipa)"
    return error(
        "berkas.tidak_aman",
        f"{file.name} bukan berkas biasa di dalam folder data set dan tidak dibaca. Simpan tabel sebagai "
        "berkas biasa di folder data set (bukan tautan/shortcut).",
        Location(file.name),
        found=found,
        expected="berkas biasa di dalam folder data set",
    )


def _unknown_files(folder: Path, used: set[Path], problems: list[Problem]) -> None:
    for path in sorted(folder.iterdir()):
        if path in used or not path.is_file() or path.name.startswith("."):
            continue
        if path.suffix.lower() in (".csv", *_YAML_SUFFIXES) and path.name.lower() not in _IGNORED:
            problems.append(
                warning(
                    "tabel.tidak_dikenal",
                    f"Berkas {path.name} bukan tabel yang dikenal dan diabaikan.",
                    Location(path.name),
                    expected="nama berkas sesuai tabel: " + ", ".join(t.filename for t in TABLES.values()),
                )
            )


def load_folder(path: str | Path, problems: list[Problem] | None = None, batas: Batas = BAWAAN) -> DataSet:
    """Read and validate a data set folder (text form).

    Parameters
    ----------
    path : str or Path
        The data set folder, e.g. ``data/2023/umbulsari``.
    problems : list of Problem, optional
        When given, every problem found (warnings included) is appended to it.
    batas : Batas, optional
        Bounds on file size, rows, columns and cell length (:mod:`.batas`).  Only
        regular files inside the folder are read: a table file that is a link out
        of the folder, a device or a folder is a GALAT and is never opened.

    Returns
    -------
    DataSet
        The typed data set; locations name files relative to the folder.

    Raises
    ------
    DataError
        When any problem is an error (GALAT); it lists all problems.
    """
    folder = Path(path)
    found: list[RawRecords | RawFields] = []
    local: list[Problem] = []
    if not folder.is_dir():
        local.append(
            error("berkas.tidak_ada", f"Folder data set tidak ditemukan: {folder}.", Location(str(folder)))
        )
        fail(local, problems)
    used: set[Path] = set()
    for table in TABLES.values():
        file = _table_file(folder, table)
        if file is None:
            if table.required:
                local.append(
                    error(
                        "tabel.tidak_ada",
                        f"Berkas {table.filename} (tabel '{table.title}') tidak ada; buat berkas itu, "
                        "boleh hanya berisi baris judul kolom.",
                        Location(table.filename),
                    )
                )
            continue
        used.add(file)
        rel = file.name
        if (refused := _unsafe(folder, file) or cek_ukuran(file, Location(rel), batas)) is not None:
            local.append(refused)
            continue
        if table.kind == "fields":
            raw: RawRecords | RawFields | None = _read_yaml_fields(file, rel, table, local, batas)
        elif file.suffix.lower() == ".csv":
            raw = _read_csv(file, rel, table, local, batas)
        else:
            raw = _read_yaml_records(file, rel, table, local, batas)
        if raw is not None:
            batasi_sel(raw, batas, local)
            found.append(raw)
    _unknown_files(folder, used, local)
    sources = tuple(SourceFile.of(p) for p in sorted(used) if p.is_file() and _unsafe(folder, p) is None)
    ds = assemble(found, local, origin=folder, sources=sources)
    finish(local, problems)
    return ds
