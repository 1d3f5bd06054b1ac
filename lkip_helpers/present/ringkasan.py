"""``lkip ringkasan``: a report's headline figures as plain lines for the terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import fmt

if TYPE_CHECKING:
    from ..report.laporan import Laporan

__all__ = ["baris_ringkasan"]


def baris_ringkasan(lap: Laporan) -> list[str]:
    """Tabel 3.1 with last year's realisasi and capaian per indicator, the average, the budget."""
    tahun_lalu = lap.perbandingan_tahun
    lalu = {r["kode_indikator"]: r for r in tahun_lalu[tahun_lalu["tahun"] == lap.tahun - 1].to_dict("records")}
    lines = [f"Tabel 3.1 Pengukuran Kinerja Tahun {lap.tahun} - Kecamatan {lap.kecamatan}"]
    for row in lap.pengukuran_kinerja.to_dict("records"):
        line = (f"  {row['no']}. {row['indikator']}: target {row['target_teks']}, realisasi {row['realisasi_teks']}, "
                f"capaian {fmt.persen(row['capaian'])} ({row['predikat_label'] or 'tanpa predikat'})")
        prev = lalu.get(row["kode_indikator"])
        if prev is not None:
            line += f"; {lap.tahun - 1}: realisasi {prev['realisasi_teks']}, capaian {fmt.persen(prev['capaian'])}"
        lines.append(line)
    rata = lap.rata_rata
    lines.append(f"  Rata-rata capaian: {fmt.persen(rata.nilai)} - {rata.kode or '-'} {rata.label or ''}".rstrip())
    ang = lap.ringkasan_anggaran
    lines.append(f"Anggaran: pagu {fmt.rupiah(ang.pagu)}, realisasi {fmt.rupiah(ang.realisasi)}, "
                 f"serapan {fmt.persen(ang.serapan)}")
    if lap.settings.sumber[1:]:
        lines.append(f"Pengaturan: {', '.join(lap.settings.sumber)}")
    return lines
