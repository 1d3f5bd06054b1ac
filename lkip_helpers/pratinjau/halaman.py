"""The pages the preview serves: the report with its reload script, the data errors, a failure.

The reload script exists only here: ``laporan.html`` written by ``lkip render`` never
carries it.  It asks ``/versi?sejak=N``, which the server answers when the version is
not N any more, and reloads the page then, keeping the scroll position (a planner
checking Tabel 3.1 stays at Tabel 3.1).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..errors import Level, Problem

__all__ = ["PEMUAT_ULANG", "dengan_pemuat_ulang", "halaman_gagal", "halaman_masalah", "halaman_menunggu"]

#: Waits on ``/versi?sejak=versi``; reloads (keeping the scroll position) when the version changed.
PEMUAT_ULANG = """<script id="lkip-pratinjau">
(function () {
  var versi = %d, kunci = "lkip-pratinjau-gulir:" + location.pathname;
  var y = sessionStorage.getItem(kunci);
  if (y !== null) { sessionStorage.removeItem(kunci); window.addEventListener("load", function () {
    window.scrollTo(0, parseInt(y, 10)); }); }
  function tanya() {
    fetch("/versi?sejak=" + versi, {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (j) {
      if (j.versi !== versi) { sessionStorage.setItem(kunci, String(window.scrollY)); location.reload(); }
      else { tanya(); }
    }).catch(function () { setTimeout(tanya, 2000); });
  }
  tanya();
})();
</script>
"""

_GAYA = """<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
h1{font-size:1.4rem} .catatan{color:#555} table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top} th{background:#f3f3f3}
.galat{color:#a00;font-weight:bold} .peringatan{color:#a60} pre{white-space:pre-wrap;background:#f7f7f7;padding:1rem}
.lkip-pratinjau-status{background:#fff3cd;border:1px solid #e0c36a;padding:.6rem 1rem;margin-bottom:1rem}
</style>"""


def dengan_pemuat_ulang(page: str, versi: int) -> str:
    """``page`` with the reload script of version ``versi`` before ``</body>`` (or at its end)."""
    script = PEMUAT_ULANG % versi
    at = page.lower().rfind("</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


def _halaman(judul: str, isi: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8"><title>{html.escape(judul)}</title>'
            f"{_GAYA}</head><body>\n{isi}\n</body></html>\n")


def _tautan_terakhir(ada_terakhir: bool) -> str:
    if not ada_terakhir:
        return ""
    return ('<p><a href="/terakhir">Lihat laporan terakhir yang berhasil disusun</a> '
            "(belum memuat perubahan terakhir).</p>")


def _sel(value: object) -> str:
    return "" if value is None else html.escape(str(value))


def halaman_masalah(problems: Sequence[Problem], sumber: str, ada_terakhir: bool, batas: int = 300) -> str:
    """The data errors: where (file, sheet, row, column), what was found, what is expected."""
    galat = [p for p in problems if p.level is Level.GALAT] or list(problems)
    rows = []
    for p in galat[:batas]:
        loc = p.location
        rows.append(
            f'<tr><td class="{p.level.name.lower()}">{_sel(p.level.label)}</td>'
            f"<td>{_sel(loc.file if loc else '')}</td><td>{_sel(loc.sheet if loc else '')}</td>"
            f"<td>{_sel(loc.row if loc else '')}</td><td>{_sel(loc.column if loc else '')}</td>"
            f"<td>{_sel(p.message)}</td><td>{_sel(p.found)}</td><td>{_sel(p.expected)}</td></tr>"
        )
    lebih = f"<p>… dan {len(galat) - batas} galat lain (lihat: lkip check).</p>" if len(galat) > batas else ""
    isi = (
        f"<h1>Data tidak dapat dipakai: {len(galat)} galat</h1>\n"
        f'<p class="catatan">Data set {html.escape(sumber)}. Perbaiki lalu simpan berkasnya; '
        "halaman ini diperbarui sendiri.</p>\n" + _tautan_terakhir(ada_terakhir)
        + "<table><thead><tr><th>Tingkat</th><th>Berkas</th><th>Sheet</th><th>Baris</th><th>Kolom</th>"
        "<th>Masalah</th><th>Ditemukan</th><th>Seharusnya</th></tr></thead><tbody>\n"
        + "\n".join(rows) + "\n</tbody></table>\n" + lebih
    )
    return _halaman("Pratinjau LKIP: data tidak dapat dipakai", isi)


def halaman_gagal(galat: str, sumber: str, ada_terakhir: bool) -> str:
    """A chapter or the stitching failed: what and where."""
    isi = (
        "<h1>Laporan gagal disusun</h1>\n"
        f'<p class="catatan">Data set {html.escape(sumber)}. Perbaiki lalu simpan berkasnya; '
        "halaman ini diperbarui sendiri.</p>\n" + _tautan_terakhir(ada_terakhir)
        + f"<pre>{html.escape(galat)}</pre>\n"
    )
    return _halaman("Pratinjau LKIP: gagal disusun", isi)


def halaman_menunggu(sumber: str) -> str:
    """Before the first page: the report is being rendered."""
    isi = (f'<div class="lkip-pratinjau-status">Laporan dari {html.escape(sumber)} sedang disusun… '
           "halaman ini diperbarui sendiri bila selesai.</div>")
    return _halaman("Pratinjau LKIP: menyusun", isi)
