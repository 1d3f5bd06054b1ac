"""Tabel 3.6: the programs, kegiatan and sub kegiatan that support each sasaran (input, output, outcome)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import great_tables as gt

from ... import fmt
from ._dasar import STRIP, Catatan, Kolom, buat_tabel, indentasi, jumlah_satuan, missing, tebal, teks, value

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["program_pendukung"]


# ------------------------------------------------------------------- Tabel 3.6
def program_pendukung(lap: Laporan) -> gt.GT:
    """Tabel 3.6: input (anggaran), output and outcome of every sub kegiatan, grouped by sasaran."""
    df = lap.program_pendukung
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []
    n = 0
    if df.empty:
        return buat_tabel(
            [],
            _kolom_36(),
            id="lkip-program-pendukung",
            catatan=[Catatan("Belum ada program yang dikaitkan dengan sasaran (program_sasaran).")],
        )
    shown: tuple[object, object, object] = (None, None, None)  # sasaran, program, kegiatan last shown
    for (kode_sasaran, _kode_sub), grp in df.groupby(["kode_sasaran", "kode_sub_kegiatan"], sort=False):
        first = grp.iloc[0]
        no = value(first["no_sasaran"])
        group = (
            f"Sasaran Strategis {int(no)}: {first['sasaran']}"
            if no is not None
            else f"Sasaran: {first['sasaran'] or kode_sasaran}"
        )
        n += 1
        lines = []
        if shown[:2] != (kode_sasaran, first["kode_program"]):
            lines.append(f"{tebal('Program')}: {teks(first['program'])}")
        if shown != (kode_sasaran, first["kode_program"], first["kode_kegiatan"]):
            lines.append(f"{tebal('Kegiatan')}: {teks(first['kegiatan'])}")
        lines.append(f"{tebal('Sub Kegiatan')}: {teks(first['sub_kegiatan'])}")
        shown = (kode_sasaran, first["kode_program"], first["kode_kegiatan"])
        rows.append({"grup": group, "no": f"{n}.", "uraian": "<br>".join(lines)})
        i = len(rows)
        serapan = value(first["serapan"])
        rows.append(
            {
                "grup": group,
                "uraian": indentasi(f"{tebal('Input')}: Jumlah Dana/Anggaran", 1),
                "target": fmt.rupiah(first["pagu"], kosong=STRIP).replace(" ", "\u00a0"),
                "realisasi": fmt.rupiah(first["realisasi"], kosong=STRIP).replace(" ", "\u00a0"),
                "persen": fmt.persen(serapan) if serapan is not None else STRIP,
            }
        )
        if serapan is None:
            notes.append(
                Catatan("Serapan tidak dapat dihitung: pagu atau realisasi belum tersedia.", "persen", i)
            )
        for _, o in grp.iterrows():
            if missing(o["output_indikator"]):
                continue
            i = len(rows)
            cap = value(o["output_capaian"])
            rows.append(
                {
                    "grup": group,
                    "uraian": indentasi(f"{tebal('Output')}: {teks(o['output_indikator'])}", 1),
                    "target": jumlah_satuan(o["output_target"], o["output_satuan"]),
                    "realisasi": jumlah_satuan(o["output_realisasi"], o["output_satuan"]),
                    "persen": fmt.persen(cap) if cap is not None else fmt.KOSONG,
                }
            )
            if cap is None:
                reason = (
                    "realisasi output belum tersedia"
                    if missing(o["output_realisasi"])
                    else "target output 0 atau belum tersedia"
                )
                notes.append(Catatan(f"t.d. (tidak dapat dihitung): {reason}.", "persen", i))
        if not missing(first["outcome"]):
            rows.append(
                {"grup": group, "uraian": indentasi(f"{tebal('Outcome')}: {teks(first['outcome'])}", 1)}
            )
    return buat_tabel(rows, _kolom_36(), id="lkip-program-pendukung", kelompok="grup", catatan=notes)


def _kolom_36() -> list[Kolom]:
    return [
        Kolom("no", "No", "center"),
        Kolom("uraian", "Program / Kegiatan / Sub Kegiatan"),
        Kolom("target", "Target", "right"),
        Kolom("realisasi", "Realisasi", "right"),
        Kolom("persen", "%", "right"),
    ]
