"""The IKM survey table (PermenPAN-RB 14/2017): NRR per unsur, the index, its mutu and kinerja.

One row per unsur (jumlah nilai, NRR, NRR tertimbang), then the number of
respondents, the sum of the weighted NRR, the IKM (x 25, two decimals), the mutu
letter and the kinerja label.  Footnotes say which weight per unsur was used (1/9
exactly, or 0,11 as the regulation prints it) and give the mutu scale.  Everything
shown is the report object's :attr:`~lkip_helpers.report.laporan.Laporan.ikm` and
:attr:`~lkip_helpers.report.laporan.Laporan.ikm_unsur`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import great_tables as gt

from ... import fmt
from ...rules.ikm import KONVERSI
from ._dasar import Catatan, Kolom, buat_tabel, teks

if TYPE_CHECKING:
    from ...report.laporan import Laporan
    from ...rules.predikat import Band, Scale
    from ...rules.settings import IkmSettings

__all__ = ["ikm_survei"]

_SEPERSEMBILAN = 1 / 9


def ikm_survei(lap: Laporan) -> gt.GT | None:
    """The IKM of the survey answers per unsur and in total; None without a valid survey.

    NRR are shown with two decimals, weighted NRR and their sum with three, the IKM
    with two (the value its mutu is classified on).
    """
    ikm = lap.ikm
    if ikm is None or ikm.nilai is None:
        return None
    rows: list[dict[str, str]] = []
    for no, r in enumerate(lap.ikm_unsur.itertuples(), start=1):
        rows.append(
            {
                "no": str(no),
                "unsur": teks(r.nama),
                "jumlah": fmt.angka(r.jumlah_nilai),
                "nrr": fmt.angka(r.nrr, 2),
                "tertimbang": fmt.angka(r.nrr_tertimbang, 3),
            }
        )
    first_summary = len(rows)
    mutu = ikm.mutu
    for label, shown in (
        ("Jumlah responden", f"{fmt.angka(ikm.responden)} orang"),
        ("Jumlah NRR tertimbang", fmt.angka(ikm.nilai_indeks, 3)),
        (f"Indeks Kepuasan Masyarakat (IKM) = jumlah NRR tertimbang \u00d7 {KONVERSI}", fmt.angka(ikm.nilai, 2)),
        ("Mutu pelayanan", mutu.kode if mutu else fmt.KOSONG),
        ("Kinerja unit pelayanan", mutu.label if mutu else fmt.KOSONG),
    ):
        rows.append({"unsur": teks(label), "tertimbang": teks(shown)})
    kolom = [
        Kolom("no", "No", "center", "6%"),
        Kolom("unsur", "Unsur Pelayanan", lebar="46%"),
        Kolom("jumlah", "Jumlah Nilai", "right", "16%"),
        Kolom("nrr", "NRR per Unsur", "right", "16%"),
        Kolom("tertimbang", "NRR Tertimbang", "right", "16%"),
    ]
    catatan = [Catatan(_bobot(lap.settings.ikm)), Catatan(_skala(lap.settings.ikm.mutu))]
    return buat_tabel(
        rows,
        kolom,
        id="lkip-ikm-survei",
        tebal_baris=range(first_summary + 2, len(rows)),
        catatan=catatan,
    )


def _bobot(cfg: IkmSettings) -> str:
    """The footnote naming the weight per unsur that was used."""
    rumus = (
        "NRR per unsur = jumlah nilai unsur : jumlah responden; NRR tertimbang = NRR per unsur "
        "\u00d7 bobot."
    )
    if cfg.bobot == _SEPERSEMBILAN:
        return (
            f"{rumus} Bobot tiap unsur 1/9 (tepat sepersembilan untuk sembilan unsur; Peraturan Menteri PANRB "
            "Nomor 14 Tahun 2017 menuliskannya 0,11)."
        )
    return (
        f"{rumus} Bobot tiap unsur {fmt.angka(cfg.bobot, 2)}, sebagaimana tertulis dalam Peraturan Menteri "
        "PANRB Nomor 14 Tahun 2017."
    )


def _batas(band: Band) -> str:
    bawah = band.bawah if band.bawah_inklusif else band.bawah + 0.01
    atas = band.atas if band.atas_inklusif else band.atas - 0.01
    return f"{fmt.angka(bawah, 2)}-{fmt.angka(atas, 2)}"


def _skala(skala: Scale) -> str:
    """The footnote giving the mutu scale, highest band first, as the regulation prints it."""
    bands = "; ".join(f"{b.kode} {_batas(b)} {b.label}" for b in reversed(skala.bands))
    return f"Mutu pelayanan dan kinerja unit pelayanan menurut nilai IKM: {bands}."
