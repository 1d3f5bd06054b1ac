"""BAB III A-B tables: the measurement frame, Tabel 3.1-3.6.

Every figure comes from :mod:`lkip_helpers.report.figures`; here it is only laid out.  A
capaian that cannot be computed prints ``t.d.`` (tidak dapat dihitung) with the reason as a footnote; a
capaian that was capped prints the capped value with the uncapped one as a footnote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import great_tables as gt

from ... import fmt
from ...rules.capaian import METODE_LABEL
from ...rules.settings import Settings
from ._dasar import (
    STRIP,
    VERSI_LABEL,
    Catatan,
    Kolom,
    buat_tabel,
    bulat,
    missing,
    teks,
    value,
)

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = [
    "ikhtisar_capaian",
    "pengukuran_kinerja",
    "perbandingan_pembanding",
    "perbandingan_renstra",
    "perbandingan_tahun",
    "rumus_capaian",
    "skala_predikat",
]

TANDA = "V"  # the tick of Tabel 3.5


# ------------------------------------------------------------------- shared cells
def _capaian_sel(
    nilai: Any, mentah: Any, alasan: Any, kolom: str, row: int, notes: list[Catatan], settings: Settings
) -> str:
    """``97,00%``; ``t.d.`` with the reason as footnote; capped values with the uncapped one as footnote."""
    if missing(nilai):
        reason = str(alasan) if not missing(alasan) else "capaian tidak dapat dihitung"
        notes.append(Catatan(f"t.d. (tidak dapat dihitung): {reason}.", kolom, row))
        return fmt.KOSONG
    if not missing(mentah) and round(float(mentah), 6) != round(float(nilai), 6):
        notes.append(
            Catatan(
                f"Capaian sebelum dibatasi {fmt.persen(mentah)}; untuk predikat dan rata-rata dihitung "
                f"{fmt.persen(nilai)} (batas capaian {_batas(settings)}).",
                kolom,
                row,
            )
        )
    return fmt.persen(nilai)


def _batas(settings: Settings) -> str:
    c = settings.capaian
    parts = []
    if c.batas_bawah is not None:
        parts.append(fmt.persen(c.batas_bawah, 0))
    if c.batas_atas is not None:
        parts.append(fmt.persen(c.batas_atas, 0))
    return " - ".join(parts) if len(parts) == 2 else (parts[0] if parts else "tanpa batas")


def _metode_catatan(metode: Any, arah: Any, kolom: str, row: int, notes: list[Catatan]) -> None:
    """Footnote the formula used when it is not the plain positive one."""
    if missing(metode) or metode == "positif":
        return
    label = METODE_LABEL.get(str(metode), str(metode))
    what = "nilai huruf" if str(metode).startswith("huruf") else f"indikator {arah}"
    notes.append(Catatan(f"Capaian {what} dihitung dengan rumus: {label}.", kolom, row))


def _label_predikat(kode: Any, label: Any) -> str:
    return STRIP if missing(label) else teks(label)


# ------------------------------------------------------------------- BAB III A
def skala_predikat(lap: Laporan) -> gt.GT:
    """The predikat scale of the settings (highest band first): kategori, nilai, interpretasi."""
    settings = lap.settings
    bands = list(reversed(settings.skala.bands))
    rows = [
        {
            "no": f"{n}.",
            "kode": teks(b.kode),
            "nilai": teks(b.interval_text().replace("-", " - ").replace(">", "> ")),
            "label": teks(b.label),
        }
        for n, b in enumerate(bands, 1)
    ]
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("kode", "Kategori", "center"),
        Kolom("nilai", "Nilai Capaian (%)", "center"),
        Kolom("label", "Interpretasi"),
    ]
    notes = [Catatan(f"Skala: {settings.skala.nama}.")] if settings.skala.nama else []
    return buat_tabel(rows, kolom, id="lkip-skala-predikat", catatan=notes)


def rumus_capaian(lap: Laporan) -> gt.GT:
    """How capaian, averages and efficiency are computed under the settings."""
    settings = lap.settings
    c = settings.capaian
    huruf = METODE_LABEL["huruf_ordinal"]
    if c.metode_huruf == "skor":
        huruf = f"{METODE_LABEL['huruf_skor']} bila skor target dan realisasi diketahui; selain itu {huruf}"
    batas = []
    if c.batas_atas is not None:
        batas.append(f"capaian di atas {fmt.persen(c.batas_atas, 0)} dihitung {fmt.persen(c.batas_atas, 0)}")
    else:
        batas.append("capaian tidak diberi batas atas")
    if c.batas_bawah is not None:
        batas.append(
            f"capaian di bawah {fmt.persen(c.batas_bawah, 0)} dihitung {fmt.persen(c.batas_bawah, 0)}"
        )
    e = settings.efisiensi
    efisiensi = {
        "seed": "Efisien bila % capaian kinerja sama dengan atau lebih besar dari % serapan anggaran; "
        "selain itu Tidak Efisien",
        "selisih": f"capaian - serapan lebih dari {fmt.nilai(e.ambang)} poin: Efisien; dalam "
        f"\u00b1{fmt.nilai(e.ambang)} poin: Cukup Efisien; kurang dari -{fmt.nilai(e.ambang)} poin: Tidak Efisien",
        "rasio": "capaian / serapan lebih dari 1: Efisien; sama dengan 1: Cukup Efisien; kurang dari 1: Tidak Efisien",
    }[e.metode]
    items = [
        ("Indikator positif (makin tinggi makin baik)", f"Capaian = {METODE_LABEL['positif']}"),
        (
            "Indikator negatif (makin rendah makin baik)",
            f"Capaian = {METODE_LABEL['negatif_' + c.metode_negatif]}",
        ),
        ("Indikator nilai huruf (mis. Nilai SAKIP)", f"Capaian = {huruf}"),
        (
            "Batas capaian",
            "; ".join(batas) + " (untuk predikat dan rata-rata; nilai sebelum dibatasi tetap dicatat)",
        ),
        ("Target 0 atau tidak tersedia", "capaian tidak dapat dihitung (t.d.), dengan keterangan alasannya"),
        (
            "Rata-rata capaian",
            "rata-rata capaian indikator per sasaran; rata-rata keseluruhan = rata-rata capaian sasaran",
        ),
        ("Efisiensi sumber daya", efisiensi),
    ]
    rows = [{"no": f"{n}.", "hal": teks(a), "rumus": teks(b)} for n, (a, b) in enumerate(items, 1)]
    kolom = [Kolom("no", "No", "center"), Kolom("hal", "Ketentuan"), Kolom("rumus", "Cara Menghitung")]
    return buat_tabel(rows, kolom, id="lkip-rumus-capaian")


# ------------------------------------------------------------------- Tabel 3.1
def pengukuran_kinerja(lap: Laporan) -> gt.GT:
    """Tabel 3.1: target, realisasi, capaian and predikat per indicator; RATA-RATA CAPAIAN row."""
    ds, settings = lap.ds, lap.settings
    df, rata = lap.pengukuran_kinerja, lap.rata_rata
    t = ds.tahun
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []
    last: str | None = None  # kode_sasaran of the previous row
    for r in df.itertuples():
        i = len(rows)
        kode_sasaran = str(r.kode_sasaran)
        row = {
            "indikator": teks(r.indikator),
            "target": nilai_sel(r.target, r.target_teks),
            "realisasi": nilai_sel(
                r.realisasi if missing(r.realisasi) else r.realisasi, r.realisasi_teks, r.realisasi_skor
            ),
            "capaian": _capaian_sel(r.capaian, r.capaian_mentah, r.alasan, "capaian", i, notes, settings),
            "predikat": _label_predikat(r.predikat, r.predikat_label),
        }
        if kode_sasaran != last:
            row.update({"no": f"{r.no}", "sasaran": teks(r.sasaran)})
            last = kode_sasaran
        if not missing(r.capaian):
            _metode_catatan(r.metode, r.arah, "capaian", i, notes)
        odd = getattr(r, "huruf_skor_realisasi", None)
        if not missing(odd):
            skor = fmt.nilai(r.realisasi_skor)
            notes.append(Catatan(
                f"Huruf {r.realisasi} dan skor {skor} tidak sepadan: skor {skor} termasuk {odd} pada skala "
                f"penilaian; nilainya perlu diperbaiki.", "realisasi", i))
        rows.append(row)
    total = len(rows)
    rows.append(
        {
            "sasaran": "RATA-RATA CAPAIAN",
            "capaian": fmt.persen(rata.nilai),
            "predikat": teks(rata.label, STRIP),
        }
    )
    if rata.tidak_dihitung:
        notes.append(
            Catatan(
                f"Rata-rata dari {rata.jumlah} sasaran; {rata.tidak_dihitung} sasaran tanpa capaian tidak dihitung.",
                "capaian",
                total,
            )
        )
    kolom = [
        Kolom("no", "No", "center", "5%"),
        Kolom("sasaran", "Sasaran Strategis", lebar="26%"),
        Kolom("indikator", "Indikator Sasaran", lebar="25%"),
        Kolom("target", f"Target {t}", "right", "9%"),
        Kolom("realisasi", f"Realisasi {t}", "right", "10%"),
        Kolom("capaian", f"Capaian {t}", "right", "10%"),
        Kolom("predikat", "Predikat", "center", "15%"),
    ]
    return buat_tabel(rows, kolom, id="lkip-pengukuran-kinerja", tebal_baris=[total], catatan=notes)


def nilai_sel(v: Any, text: Any, skor: Any = None) -> str:
    """A target/realisasi cell from laporan's text form; ``-`` when there is no value."""
    if missing(v) and missing(skor):
        return STRIP
    return teks(text, STRIP)


# ------------------------------------------------------------------- Tabel 3.2
def perbandingan_tahun(lap: Laporan) -> gt.GT:
    """Tabel 3.2: target, realisasi and capaian per year from the Renstra start to the report year."""
    ds, settings = lap.ds, lap.settings
    df = lap.perbandingan_tahun
    own = lap.versi_target
    years = sorted({int(y) for y in df["tahun"]}) if len(df) else [ds.tahun]
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []
    last = None
    for _kode, grp in df.groupby("kode_indikator", sort=False) if len(df) else []:
        first = grp.iloc[0]
        i = len(rows)
        row: dict[str, str] = {"indikator": teks(first["indikator"])}
        if first["kode_sasaran"] != last:
            row.update({"no": str(first["no_sasaran"]), "sasaran": teks(first["sasaran"])})
            last = first["kode_sasaran"]
        for _, y in grp.iterrows():
            th = int(y["tahun"])
            row[f"t{th}"] = nilai_sel(y["target"], y["target_teks"], y.get("target_skor"))
            row[f"r{th}"] = nilai_sel(y["realisasi"], y["realisasi_teks"], y.get("realisasi_skor"))
            has_any = row[f"t{th}"] != STRIP or row[f"r{th}"] != STRIP
            if has_any:
                row[f"c{th}"] = _capaian_sel(
                    y["capaian"], y["capaian_mentah"], y["alasan"], f"c{th}", i, notes, settings
                )
            else:
                row[f"c{th}"] = STRIP
            versi = value(y["versi"])
            if versi is not None and versi != own:
                notes.append(Catatan(f"Target {th} dari {VERSI_LABEL.get(versi, versi)}.", f"t{th}", i))
        rows.append(row)
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("sasaran", "Sasaran Strategis"),
        Kolom("indikator", "Indikator Sasaran"),
        *(Kolom(f"t{y}", str(y), "right") for y in years),
        *(Kolom(f"r{y}", str(y), "right") for y in years),
        *(Kolom(f"c{y}", str(y), "right") for y in years),
    ]
    spanner = [
        ("TARGET", [f"t{y}" for y in years]),
        ("REALISASI", [f"r{y}" for y in years]),
        ("CAPAIAN", [f"c{y}" for y in years]),
    ]
    return buat_tabel(rows, kolom, id="lkip-perbandingan-tahun", spanner=spanner, catatan=notes)


# ------------------------------------------------------------------- Tabel 3.3
def perbandingan_renstra(lap: Laporan) -> gt.GT:
    """Tabel 3.3: realisasi of the report year against the Renstra end target, and when it was reached."""
    ds, settings = lap.ds, lap.settings
    df = lap.perbandingan_renstra
    akhir = int(ds.instansi.get("renstra_akhir") or ds.tahun)
    awal = int(ds.instansi.get("renstra_awal") or ds.tahun)
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []
    last: str | None = None  # kode_sasaran of the previous row
    for r in df.itertuples():
        i = len(rows)
        kode_sasaran = str(r.kode_sasaran)
        row = {
            "indikator": teks(r.indikator),
            "target": STRIP if missing(r.target_akhir) else teks(r.target_akhir_teks),
            "realisasi": nilai_sel(r.realisasi, r.realisasi_teks),
        }
        if missing(r.target_akhir):
            row["capaian"] = STRIP
            row["tercapai"] = "tidak ada target akhir Renstra"
        else:
            row["capaian"] = _capaian_sel(
                r.capaian_akhir, r.capaian_akhir_mentah, r.alasan, "capaian", i, notes, settings
            )
            row["tercapai"] = (
                teks(f"{bulat(r.tahun_tercapai)} (tahun ke-{bulat(r.tahun_ke)})")
                if not missing(r.tahun_tercapai)
                else "belum tercapai"
            )
        if kode_sasaran != last:
            row.update({"no": str(r.no), "sasaran": teks(r.sasaran)})
            last = kode_sasaran
        rows.append(row)
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("sasaran", "Sasaran Strategis"),
        Kolom("indikator", "Indikator Sasaran"),
        Kolom("target", f"Target Akhir Renstra ({akhir})", "right"),
        Kolom("realisasi", f"Realisasi {ds.tahun}", "right"),
        Kolom("capaian", "Capaian terhadap Target Akhir", "right"),
        Kolom("tercapai", f"Target Akhir Tercapai (periode {awal}-{akhir})", "center"),
    ]
    return buat_tabel(rows, kolom, id="lkip-perbandingan-renstra", catatan=notes)


# ------------------------------------------------------------------- Tabel 3.4
_TINGKAT = {"kabupaten": "Kabupaten", "provinsi": "Provinsi", "nasional": "Nasional"}


def perbandingan_pembanding(lap: Laporan) -> gt.GT:
    """Tabel 3.4: realisasi against kabupaten/provinsi/nasional benchmarks, with the difference."""
    ds = lap.ds
    df = lap.perbandingan_pembanding
    rows: list[dict[str, str]] = []
    notes: list[Catatan] = []
    last_ind: str | None = None  # kode_indikator and kode_sasaran of the previous row
    last_sas: str | None = None
    for r in df.itertuples():
        i = len(rows)
        kode_indikator, kode_sasaran = str(r.kode_indikator), str(r.kode_sasaran)
        row: dict[str, str] = {}
        if kode_indikator != last_ind:
            row.update(
                {
                    "indikator": teks(r.indikator),
                    "realisasi": nilai_sel(r.realisasi, r.realisasi_teks, r.realisasi_skor),
                }
            )
            last_ind = kode_indikator
        if kode_sasaran != last_sas:
            row.update({"no": str(r.no), "sasaran": teks(r.sasaran)})
            last_sas = kode_sasaran
        if missing(r.tingkat):
            row.update(
                {
                    "tingkat": STRIP,
                    "pembanding": STRIP,
                    "selisih": STRIP,
                    "ket": "tidak ada standar pembanding",
                }
            )
        else:
            row["tingkat"] = teks(_TINGKAT.get(str(r.tingkat), r.tingkat))
            row["pembanding"] = teks(r.pembanding_teks, STRIP)
            numeric = not missing(r.selisih) and not isinstance(value(r.pembanding), str)
            row["selisih"] = _selisih(r.selisih, r.satuan) if numeric else STRIP
            row["ket"] = _membaik(r.membaik, r.selisih)
            if not missing(r.keterangan):
                notes.append(Catatan(str(r.keterangan), "pembanding", i))
            if r.jenis == "huruf" and numeric:
                notes.append(Catatan("Nilai huruf dibandingkan melalui skornya.", "selisih", i))
        rows.append(row)
    kolom = [
        Kolom("no", "No", "center"),
        Kolom("sasaran", "Sasaran Strategis"),
        Kolom("indikator", "Indikator Sasaran"),
        Kolom("realisasi", f"Realisasi {ds.tahun}", "right"),
        Kolom("tingkat", "Pembanding", "center"),
        Kolom("pembanding", "Nilai Pembanding", "right"),
        Kolom("selisih", "Selisih (+/-)", "right"),
        Kolom("ket", "Keterangan", "center"),
    ]
    return buat_tabel(rows, kolom, id="lkip-perbandingan-pembanding", catatan=notes)


def _selisih(x: Any, satuan: Any = None) -> str:
    """A signed difference: ``"+1,24"``; between two percentages in points: ``"+2,00 poin persen"``."""
    v = float(x)
    text = fmt.angka(abs(v), 2)
    text = f"+{text}" if v > 0 else (f"-{text}" if v < 0 else text)
    unit = "" if missing(satuan) else str(satuan).strip().lower()
    return f"{text} poin persen" if unit in {"%", "persen", "prosen", "persentase"} else text


def _membaik(membaik: Any, selisih: Any) -> str:
    if membaik is True:
        return "lebih baik"
    if membaik is False:
        return "lebih rendah"
    if not missing(selisih) and float(selisih) == 0:
        return "sama"
    return "tidak dapat dibandingkan"


# ------------------------------------------------------------------- Tabel 3.5
def ikhtisar_capaian(lap: Laporan) -> gt.GT:
    """Tabel 3.5: capaian per indicator and per sasaran average, with a "V" in its predikat column."""
    settings = lap.settings
    df, rata = lap.pengukuran_kinerja, lap.rata_rata
    per = lap.capaian_sasaran.set_index("kode_sasaran")
    bands = list(reversed(settings.skala.bands))
    keys = {b.kode: f"p{n}" for n, b in enumerate(bands)}
    rows: list[dict[str, str]] = []
    bold: list[int] = []
    notes: list[Catatan] = []

    def ticks(kode: Any) -> dict[str, str]:
        return {keys[str(kode)]: TANDA} if not missing(kode) and str(kode) in keys else {}

    for kode_sasaran, grp in df.groupby("kode_sasaran", sort=False):
        first = grp.iloc[0]
        group = f"Sasaran {first['no_sasaran']}: {first['sasaran']}"
        for k, (_, r) in enumerate(grp.iterrows(), 1):
            i = len(rows)
            cap = _capaian_sel(r["capaian"], r["capaian_mentah"], r["alasan"], "capaian", i, notes, settings)
            rows.append(
                {
                    "grup": group,
                    "uraian": teks(f"Indikator {first['no_sasaran']}.{k}: {r['indikator']}"),
                    "capaian": cap,
                    **ticks(r["predikat"]),
                }
            )
        s = per.loc[kode_sasaran]
        bold.append(len(rows))
        rows.append(
            {
                "grup": group,
                "uraian": "Rata-rata capaian sasaran",
                "capaian": fmt.persen(s["rata_rata"]),
                **ticks(s["predikat"]),
            }
        )
    if len(df):
        bold.append(len(rows))
        rows.append(
            {
                "grup": "Keseluruhan",
                "uraian": "Rata-rata capaian keseluruhan",
                "capaian": fmt.persen(rata.nilai),
                **ticks(rata.kode),
            }
        )
    kolom = [
        Kolom("uraian", "Sasaran / Indikator Sasaran", lebar="26%"),
        Kolom("capaian", "% Capaian", "right", "10%"),
        *(
            Kolom(
                keys[b.kode],
                _label_kecil(b.label),
                "center",
                f"{64 / max(len(bands), 1):.1f}%",
                label_html=True,
            )
            for b in bands
        ),
    ]
    g = buat_tabel(
        rows,
        kolom,
        id="lkip-ikhtisar-capaian",
        tebal_baris=bold,
        kelompok="grup",
        spanner=[("PREDIKAT", [keys[b.kode] for b in bands])],
        catatan=notes,
    )
    # seven predikat labels in narrow columns: tight padding (and small type, _label_kecil) so that
    # "Memuaskan" fits a column on the A4 page
    return g.tab_style(
        gt.style.css("padding-left:2px;padding-right:2px"),
        gt.loc.column_labels(columns=[keys[b.kode] for b in bands]),
    )


def _label_kecil(text: str) -> str:
    """A column label in small regular type (a span: WeasyPrint ignores font-size on the th itself)."""
    return f'<span style="font-size:7pt;font-weight:normal">{teks(text)}</span>'
