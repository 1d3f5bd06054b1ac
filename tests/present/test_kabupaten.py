"""The kabupaten overview's frames and displays (present.kabupaten)."""

from __future__ import annotations

from typing import Any

from lkip_helpers.present import kabupaten as ik


def _row(name: str, capaian: float | None, dari: list[int] | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"kecamatan": name, "capaian": capaian, "predikat": "AA", "predikat_label": "Sangat Memuaskan",
                           "serapan": 80.0, "galat": 0, "peringatan": 1, "data_status": "resmi", "sasaran": []}
    if dari is not None:
        row["capaian_dari"] = dari
    return row


def test_ranked_best_first_ties_share_a_place() -> None:
    df = ik.tabel_kecamatan([_row("Ajung", 90.0, [4, 4]), _row("Puger", 95.5, [4, 4]), _row("Silo", 90.0)])
    assert list(df["kecamatan"]) == ["Puger", "Ajung", "Silo"]
    assert list(df["peringkat"]) == [1, 2, 2]
    assert list(df["keterangan"]) == ["", "", ""]
    assert "Keterangan" not in ik.tampil_kecamatan(df).as_raw_html()


def test_a_partial_average_is_not_ranked() -> None:
    """100 % over 1 of 4 sasaran is not better than 95,5 % over 4: no place, listed after, and said so."""
    df = ik.tabel_kecamatan([_row("Ajung", 100.0, [1, 4]), _row("Puger", 95.5, [4, 4]), _row("Silo", 90.0, [4, 4])])
    assert list(df["kecamatan"]) == ["Puger", "Silo", "Ajung"]
    assert df["peringkat"].tolist()[:2] == [1, 2]
    assert df["peringkat"].isna().tolist() == [False, False, True]
    assert df["keterangan"].iloc[2] == "rata-rata 1 dari 4 sasaran; tanpa peringkat"
    html_text = ik.tampil_kecamatan(df).as_raw_html()
    assert "rata-rata 1 dari 4 sasaran; tanpa peringkat" in html_text
    spec = ik.grafik_peringkat(df).to_dict()
    assert "keterangan" in str(spec["encoding"]["tooltip"])
    assert "opacity" in spec["encoding"]
