"""BAB III B.4 and C tables: efficiency of resources (Tabel 3.7) and the budget tree (Tabel 3.8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import great_tables as gt

from ... import fmt
from ...rules.settings import Settings
from ._dasar import STRIP, Catatan, Kolom, buat_tabel, bulat, indentasi, missing, tebal, teks, value

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["efisiensi_sumber_daya", "realisasi_anggaran"]


def efisiensi_sumber_daya(lap: Laporan) -> gt.GT:
    """Tabel 3.7: capaian kinerja against serapan anggaran per sasaran, labelled; overall row.

    Serapan per sasaran comes from the programs supporting it; the overall row compares
    the average capaian with the serapan of the whole budget.  The method is a footnote.
    """
    ds, settings = lap.ds, lap.settings
    df = lap.efisiensi_sasaran
    rata = lap.rata_rata
    total = lap.ringkasan_anggaran
    prog = {p.kode: p.nama for p in ds.df("program").itertuples()}
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []
    for r in df.itertuples():
        i = len(rows)
        names = [prog.get(k.strip(), k.strip()) for k in str(r.program or "").split(",") if k.strip()]
        rows.append(
            {
                "no": str(r.no_sasaran),
                "sasaran": teks(r.sasaran),
                "program": "<br>".join(teks(x) for x in names) or STRIP,
                "capaian": fmt.persen(r.capaian) if not missing(r.capaian) else fmt.KOSONG,
                "serapan": fmt.persen(r.serapan) if not missing(r.serapan) else fmt.KOSONG,
                "label": teks(r.efisiensi) if not missing(r.efisiensi) else fmt.KOSONG,
            }
        )
        if missing(r.efisiensi):
            alasan = r.efisiensi_alasan
            reason = str(alasan) if alasan else "efisiensi tidak dapat dinilai"
            notes.append(Catatan(f"t.d. (tidak dapat dihitung): {reason}.", "label", i))
    overall = lap.efisiensi_keseluruhan
    rows.append(
        {
            "sasaran": "KESELURUHAN",
            "capaian": fmt.persen(rata.nilai),
            "serapan": fmt.persen(total.serapan),
            "label": teks(overall.label) if overall.label else fmt.KOSONG,
        }
    )
    if rata.nilai is not None and rata.tidak_dihitung:
        notes.append(Catatan(f"Rata-rata dari {rata.jumlah} sasaran yang capaiannya dapat dihitung; "
                             f"{rata.tidak_dihitung} sasaran belum.", "capaian", len(rows) - 1))
    if not overall.label:
        notes.append(Catatan(f"t.d. (tidak dapat dihitung): {overall.alasan or 'efisiensi tidak dapat dinilai'}.",
                             "label", len(rows) - 1))
    notes.append(Catatan(_metode(settings)))
    notes.append(
        Catatan(
            "Keseluruhan: rata-rata capaian kinerja dibanding serapan seluruh anggaran "
            f"({fmt.rupiah(total.realisasi)} dari {fmt.rupiah(total.pagu)})."
        )
    )
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("sasaran", "Sasaran"),
        Kolom("program", "Program Pendukung"),
        Kolom("capaian", "% Capaian Kinerja", "right"),
        Kolom("serapan", "% Serapan Anggaran", "right"),
        Kolom("label", "Tingkat Efisiensi", "center"),
    ]
    return buat_tabel(rows, kolom, id="lkip-efisiensi", tebal_baris=[len(rows) - 1], catatan=notes)


def _metode(settings: Settings) -> str:
    e = settings.efisiensi
    if e.metode == "seed":
        return "Efisien bila % capaian kinerja sama dengan atau lebih besar dari % serapan anggaran."
    if e.metode == "selisih":
        a = fmt.nilai(e.ambang)
        return (
            f"Efisien bila capaian - serapan lebih dari {a} poin; Cukup Efisien bila dalam \u00b1{a} poin; "
            f"Tidak Efisien bila kurang dari -{a} poin."
        )
    return "Efisien bila capaian / serapan lebih dari 1; Cukup Efisien bila sama dengan 1; Tidak Efisien bila kurang."


_LEVEL = {"program": (0, "Program"), "kegiatan": (1, "Kegiatan"), "sub_kegiatan": (2, "Sub Kegiatan")}


def realisasi_anggaran(lap: Laporan) -> gt.GT:
    """Tabel 3.8: pagu, realisasi and % per program, kegiatan and sub kegiatan, computed; JUMLAH row.

    Amounts are summed from the sub kegiatan.  Where the data set states another amount
    for a program, kegiatan or the total, a footnote shows the stated one.
    """
    tree = lap.anggaran_tree
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []
    bold: list[int] = []
    n = 0
    for r in tree.itertuples():
        i = len(rows)
        if r.level == "total":
            label = "JUMLAH"
            no = ""
            bold.append(i)
        else:
            level, prefix = _LEVEL[str(r.level)]
            name = teks(r.nama, "(tanpa nama)")
            label = indentasi(f"{tebal(prefix) if level == 0 else prefix}: {name}", level)
            if level == 0:
                n += 1
                bold.append(i)
                no = str(n)
            else:
                no = ""
        serapan = value(r.serapan)
        rows.append(
            {
                "no": no,
                "uraian": label,
                "pagu": fmt.angka(r.pagu, kosong=STRIP),
                "realisasi": fmt.angka(r.realisasi, kosong=STRIP),
                "persen": fmt.angka(serapan, 2) if serapan is not None else fmt.KOSONG,
            }
        )
        if serapan is None:
            notes.append(Catatan("t.d. (tidak dapat dihitung): pagu 0 atau belum tersedia.", "persen", i))
        if r.level != "sub_kegiatan":
            for col, stated, computed in (
                ("pagu", r.pagu_tertulis, r.pagu),
                ("realisasi", r.realisasi_tertulis, r.realisasi),
            ):
                if value(stated) is not None and value(computed) is not None and bulat(stated) != bulat(computed):
                    notes.append(
                        Catatan(
                            f"Tertulis di data {fmt.rupiah(stated)}; dihitung dari sub kegiatan {fmt.rupiah(computed)}.",
                            col,
                            i,
                        )
                    )
        if not bool(r.lengkap):
            notes.append(
                Catatan(
                    "Sebagian pagu/realisasi sub kegiatan belum diisi: jumlahnya belum dapat dihitung.",
                    "uraian",
                    i,
                )
            )
    kolom = [
        Kolom("no", "No", "center", "5%"),
        Kolom("uraian", "Program / Kegiatan / Sub Kegiatan", lebar="52%"),
        Kolom("pagu", "Pagu (Rp)", "right", "17%"),
        Kolom("realisasi", "Realisasi (Rp)", "right", "17%"),
        Kolom("persen", "%", "right", "9%"),
    ]
    return buat_tabel(rows, kolom, id="lkip-realisasi-anggaran", tebal_baris=bold, catatan=notes)
