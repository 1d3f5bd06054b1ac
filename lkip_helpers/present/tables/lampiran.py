"""Appendix tables: awards (Lampiran 5) and the reviewer's appendix (``lkip check`` findings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import great_tables as gt

from ... import fmt
from ...checks import CHECKS
from ...errors import Level
from ._dasar import STRIP, Catatan, Kolom, buat_tabel, frame, teks

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["daftar_pemeriksaan", "penghargaan", "temuan_pemeriksaan"]

_TINGKAT = {Level.GALAT: "GALAT", Level.PERINGATAN: "PERINGATAN", Level.INFO: "INFO"}


def penghargaan(lap: Laporan) -> gt.GT | None:
    """Awards received in the report year (Lampiran 5); None when there are none."""
    ds = lap.ds
    df = frame(ds, "penghargaan", ["tanggal"])
    if df.empty:
        return None
    rows = [
        {
            "no": f"{n}.",
            "nama": teks(r.nama),
            "pemberi": teks(r.pemberi, STRIP),
            "tanggal": teks(fmt.tanggal(r.tanggal, kosong=STRIP)),
            "ket": teks(r.keterangan),
        }
        for n, r in enumerate(df.itertuples(), 1)
    ]
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("nama", "Penghargaan"),
        Kolom("pemberi", "Pemberi"),
        Kolom("tanggal", "Tanggal", "center"),
        Kolom("ket", "Keterangan"),
    ]
    return buat_tabel(rows, kolom, id="lkip-penghargaan")


def daftar_pemeriksaan(lap: Laporan) -> gt.GT:
    """Every consistency check of ``lkip check`` (``CHECKS``) with the number of findings on this data set."""
    found = lap.temuan
    rows = []
    for n, c in enumerate(CHECKS, 1):
        mine = [p for p in found if p.code == c.code]
        rows.append(
            {
                "no": f"{n}.",
                "kode": teks(c.code),
                "judul": teks(c.judul),
                "tingkat": _TINGKAT[c.tingkat],
                "jumlah": fmt.angka(len(mine)) if mine else "tidak ada temuan",
            }
        )
    rows.append({"judul": "Jumlah temuan", "jumlah": fmt.angka(len(found))})
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("kode", "Kode"),
        Kolom("judul", "Pemeriksaan"),
        Kolom("tingkat", "Tingkat Tertinggi", "center"),
        Kolom("jumlah", "Temuan", "center"),
    ]
    notes = [
        Catatan(
            "GALAT: angka laporan akan salah; PERINGATAN: dua bagian laporan akan saling "
            "bertentangan atau angka tidak dapat dihitung; INFO: untuk diketahui penelaah."
        )
    ]
    return buat_tabel(rows, kolom, id="lkip-daftar-pemeriksaan", tebal_baris=[len(rows) - 1], catatan=notes)


def temuan_pemeriksaan(lap: Laporan) -> gt.GT:
    """The findings of ``lkip check`` on this data set: level, check, where, what, found, expected."""
    found = lap.temuan
    rows = []
    for n, p in enumerate(found, 1):
        detail = [teks(p.message)]
        if p.found is not None:
            detail.append(f"<em>Ditemukan:</em> {teks(p.found)}")
        if p.expected is not None:
            detail.append(f"<em>Seharusnya:</em> {teks(p.expected)}")
        rows.append(
            {
                "no": f"{n}.",
                "tingkat": _TINGKAT.get(p.level, teks(p.level)),
                "kode": teks(p.code),
                "lokasi": teks(p.location, STRIP),
                "temuan": "<br>".join(detail),
            }
        )
    if not rows:
        rows.append({"temuan": "Tidak ada temuan: data set lolos semua pemeriksaan."})
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("tingkat", "Tingkat", "center"),
        Kolom("kode", "Kode"),
        Kolom("lokasi", "Lokasi di Data Set"),
        Kolom("temuan", "Temuan"),
    ]
    return buat_tabel(rows, kolom, id="lkip-temuan-pemeriksaan")
