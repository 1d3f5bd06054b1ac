"""Appendix tables: awards (Lampiran 5).  The reviewer's appendix (Lampiran 6) is :mod:`.pemeriksaan`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import great_tables as gt

from ... import fmt
from ._dasar import STRIP, Kolom, buat_tabel, frame, teks

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["penghargaan"]



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
