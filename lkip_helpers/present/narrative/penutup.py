"""BAB IV Penutup: the conclusion drawn from the same figures, then the planner's own kesimpulan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import fmt
from ..._values import missing
from ._kata import _bilangan, _kec, _klausa, _predikat, _rows
from ._ringkasan import _efisiensi_keseluruhan, _sasaran_rata, _sebaran_efisiensi, _sebaran_predikat

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["kesimpulan"]


def kesimpulan(lap: Laporan) -> list[str]:
    """BAB IV A: conclusion from the same figures, then the planner's ``kesimpulan`` text."""
    ds = lap.ds
    df, rata = lap.pengukuran_kinerja, lap.rata_rata
    out: list[str] = []
    if df.empty:
        out.append(f"Belum ada indikator kinerja {_kec(ds)} dengan target tahun {ds.tahun} yang dapat diukur.")
    else:
        if rata.nilai is None:
            head = (f"Berdasarkan hasil pengukuran kinerja {_kec(ds)} tahun {ds.tahun}, rata-rata capaian kinerja "
                    "belum dapat dihitung.")
        elif rata.tidak_dihitung:  # a part is no whole: the predikat of the measured ones, no general verdict
            head = (f"Berdasarkan hasil pengukuran kinerja {_kec(ds)} tahun {ds.tahun}, rata-rata capaian "
                    f"{_sasaran_rata(rata)} sebesar {fmt.persen(rata.nilai)} dengan predikat "
                    f"{_predikat(rata.kode, rata.label)}; capaian kinerja secara umum belum dapat disimpulkan karena "
                    f"{_bilangan(rata.tidak_dihitung)} sasaran strategis belum dapat diukur.")
        else:
            head = (f"Berdasarkan hasil pengukuran kinerja, capaian kinerja {_kec(ds)} tahun {ds.tahun} secara umum "
                    f"berpredikat {_predikat(rata.kode, rata.label)} dengan rata-rata capaian "
                    f"{fmt.persen(rata.nilai)} dari {_sasaran_rata(rata)}.")
        out.append(f"{head} Dari {_bilangan(len(df))} indikator sasaran, {_sebaran_predikat(df, lap.settings)}.")
        per = lap.capaian_sasaran.dropna(subset=["rata_rata"])
        if len(per) > 1 and per["rata_rata"].nunique() > 1:
            low = _rows(per.sort_values(["rata_rata", "no_sasaran"], kind="stable").head(1))[0]
            out.append(f"Capaian terendah terdapat pada Sasaran {low['no_sasaran']} ({_klausa(low['sasaran'])}) "
                       f"sebesar {fmt.persen(low['rata_rata'])} dengan predikat "
                       f"{_predikat(low['predikat'], low['predikat_label'])}.")
    total = lap.ringkasan_anggaran
    if total.serapan is not None:
        status = ds.anggaran.get("status_audit")
        catatan = f" ({_klausa(status)})" if not missing(status) else ""
        text = (f"Realisasi anggaran tahun {ds.tahun} sebesar {fmt.rupiah(total.realisasi)} atau "
                f"{fmt.persen(total.serapan)} dari pagu {fmt.rupiah(total.pagu)}{catatan}.")
        eff = lap.efisiensi_sasaran
        _, _, overall = _efisiensi_keseluruhan(lap)
        if len(eff):
            text += f" Perbandingan capaian kinerja dengan serapan anggaran menunjukkan {_sebaran_efisiensi(eff)}"
            text += (f"; secara keseluruhan penggunaan sumber daya tergolong {overall.label}."
                     if overall.label else ".")
        out.append(text)
    out.extend(lap.narasi("kesimpulan"))
    return out
