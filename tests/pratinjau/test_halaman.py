"""The preview's pages: the reload script, the data errors, the failure (no render)."""

from __future__ import annotations

from lkip_helpers.errors import Level, Location, Problem
from lkip_helpers.pratinjau.halaman import (
    dengan_pemuat_ulang,
    halaman_gagal,
    halaman_masalah,
    halaman_menunggu,
)


def test_reload_script_goes_before_the_end_of_the_body() -> None:
    page = dengan_pemuat_ulang("<html><body><p>isi</p></body></html>", 7)
    assert page.index('id="lkip-pratinjau"') < page.index("</body>")
    assert "var versi = 7" in page
    assert '"/versi?sejak=" + versi' in page  # waits for the next version: no polling


def test_reload_script_is_appended_to_a_page_without_body() -> None:
    assert dengan_pemuat_ulang("<p>isi</p>", 2).startswith("<p>isi</p><script")


def test_data_errors_page_says_where_what_was_found_and_what_is_expected() -> None:
    problems = [
        Problem(Level.GALAT, "x.y", "Kolom 'pagu' harus angka Rupiah.", Location("sub_kegiatan.csv", None, 3, "pagu"),
                found="banyak <sekali>", expected="angka, mis. 125000000"),
        Problem(Level.PERINGATAN, "x.z", "Hanya peringatan.", None),
    ]
    page = halaman_masalah(problems, "data/2023/umbulsari", ada_terakhir=True)
    assert "Data tidak dapat dipakai: 1 galat" in page
    assert "<td>sub_kegiatan.csv</td>" in page
    assert "<td>3</td>" in page
    assert "<td>pagu</td>" in page
    assert "banyak &lt;sekali&gt;" in page
    assert "angka, mis. 125000000" in page
    assert "Hanya peringatan" not in page  # the errors that stop the render, not every finding
    assert 'href="/terakhir"' in page
    assert 'href="/terakhir"' not in halaman_masalah(problems, "d", ada_terakhir=False)


def test_failure_and_waiting_pages() -> None:
    assert "03_akuntabilitas, sel 4: ValueError: &lt;x&gt;" in halaman_gagal(
        "03_akuntabilitas, sel 4: ValueError: <x>", "d", ada_terakhir=False)
    assert "sedang disusun" in halaman_menunggu("data/2023/umbulsari")
