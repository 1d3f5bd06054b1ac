"""The watcher: which files count, the snapshots, and the debounce over given times (no clock)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lkip_helpers.pratinjau.pantau import Peredam, diabaikan, potret


@pytest.mark.parametrize(
    "name", ["~$buku.xlsx", ".~lock.buku.xlsx#", ".~lock.realisasi.csv#", "buku.xlsx~", ".#narasi.yaml",
             "#narasi.yaml#", "narasi.yaml.swp", ".hidden", "unduh.part", "x.tmp"],
)
def test_lock_backup_and_temporary_files_are_ignored(name: str) -> None:
    assert diabaikan(name)


@pytest.mark.parametrize("name", ["buku.xlsx", "realisasi.csv", "narasi.yaml", "logo.png", "CATATAN.md"])
def test_data_files_are_watched(name: str) -> None:
    assert not diabaikan(name)


def test_snapshot_of_a_folder_sees_content_changes_and_skips_locks(tmp_path: Path) -> None:
    (tmp_path / "realisasi.csv").write_text("a\n1\n", encoding="utf-8")
    (tmp_path / "foto").mkdir()
    (tmp_path / "foto" / "kantor.png").write_bytes(b"png")
    (tmp_path / ".~lock.realisasi.csv#").write_text("x", encoding="utf-8")
    first = potret([tmp_path])
    assert sorted(Path(p).name for p in first) == ["kantor.png", "realisasi.csv"]
    (tmp_path / "~$realisasi.csv").write_text("x", encoding="utf-8")
    assert potret([tmp_path]) == first
    (tmp_path / "realisasi.csv").write_text("a\n22\n", encoding="utf-8")
    assert potret([tmp_path]) != first


def test_snapshot_of_a_workbook_and_of_a_missing_file(tmp_path: Path) -> None:
    book = tmp_path / "buku.xlsx"
    assert potret([book]) == {}
    book.write_bytes(b"xlsx")
    os.utime(book, ns=(1, 1))
    assert potret([book]) == {str(book): (1, 4)}


def test_debounce_reports_a_change_once_it_is_still() -> None:
    peredam = Peredam({"a": (1, 1)}, tenang=0.3)
    assert not peredam.amati({"a": (1, 1)}, 0.0)
    assert not peredam.amati({"a": (2, 0)}, 1.0)  # truncated: the editor is still writing
    assert not peredam.amati({"a": (3, 5)}, 1.2)  # still changing
    assert not peredam.amati({"a": (3, 5)}, 1.4)  # still for 0.2 s only
    assert peredam.amati({"a": (3, 5)}, 1.5)
    assert peredam.diterima == {"a": (3, 5)}
    assert not peredam.amati({"a": (3, 5)}, 9.0)  # reported once


def test_debounce_ignores_a_change_undone_before_it_settled() -> None:
    peredam = Peredam({"a": (1, 1)}, tenang=0.3)
    assert not peredam.amati({}, 0.0)  # removed (save by rename) ...
    assert not peredam.amati({"a": (1, 1)}, 0.1)  # ... and back as it was
    assert not peredam.amati({"a": (1, 1)}, 5.0)


def test_debounce_of_a_save_by_rename() -> None:
    peredam = Peredam({"a": (1, 1)}, tenang=0.3)
    assert not peredam.amati({}, 0.0)
    assert not peredam.amati({"a": (2, 2)}, 0.1)
    assert peredam.amati({"a": (2, 2)}, 0.4)


def test_without_quiet_time_a_change_counts_at_once() -> None:
    peredam = Peredam({}, tenang=0)
    assert peredam.amati({"a": (1, 1)}, 0.0)


def test_accepting_a_state_moves_the_baseline() -> None:
    peredam = Peredam({"a": (1, 1)}, tenang=0.3)
    assert not peredam.amati({"a": (2, 2)}, 0.0)
    peredam.terima({"a": (2, 2)})
    assert not peredam.amati({"a": (2, 2)}, 1.0)
