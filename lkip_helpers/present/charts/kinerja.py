"""BAB III charts of performance: capaian per indicator, target and realisasi per year, capaian vs serapan."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd

from ... import fmt
from ...rules.budget import CUKUP_EFISIEN, EFISIEN, TIDAK_EFISIEN
from .. import theme as charts_theme
from ._dasar import (
    _BARIS,
    Chart,
    _bungkus,
    _data,
    _label_expr,
    _native,
    _pesan,
    _predikat_teks,
    _puncak,
    _skala_warna_predikat,
)

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["capaian_indikator", "capaian_vs_serapan", "tren_indikator"]

_WARNA_EFISIENSI = {
    EFISIEN: charts_theme.WARNA_PREDIKAT["AA"],
    CUKUP_EFISIEN: charts_theme.WARNA_PREDIKAT["CC"],
    TIDAK_EFISIEN: charts_theme.WARNA_PREDIKAT["D"],
}


def _nomor_indikator(df: pd.DataFrame) -> list[str]:
    """``"1.1"``, ``"3.1"``, ``"3.2"``: sasaran number and position of the indicator in it."""
    seen: dict[Any, int] = {}
    out = []
    for no in df["no_sasaran"]:
        seen[no] = seen.get(no, 0) + 1
        out.append(f"{no}.{seen[no]}")
    return out


def capaian_indikator(lap: Laporan) -> Chart:
    """Capaian (capped, as in Tabel 3.1) of every measured indicator, coloured by predikat.

    Horizontal bars in report order, a dashed rule at 100%, the value printed beside
    each bar ("97,00%"; "n/a" when the capaian cannot be computed, its reason in the
    tooltip).  The uncapped value is in the tooltip.
    """
    charts_theme.enable_theme()
    df = lap.pengukuran_kinerja
    if df.empty:
        return _pesan("capaian_indikator", "Data capaian indikator tidak tersedia.")
    nomor = _nomor_indikator(df)
    rows = []
    for n, r in zip(nomor, df.to_dict("records"), strict=True):
        cap = _native(r["capaian"])
        rows.append({
            "nomor": n,
            "label": _bungkus(f"{n} {r['indikator']}"),
            "indikator": r["indikator"],
            "sasaran": r["sasaran"],
            "target": r["target_teks"],
            "realisasi": r["realisasi_teks"],
            "capaian": cap,
            "capaian_teks": fmt.persen(cap),
            "capaian_mentah_teks": fmt.persen(r["capaian_mentah"]),
            "posisi_teks": 0.0 if cap is None else cap,
            "predikat": r["predikat"],
            "predikat_teks": _predikat_teks(r["predikat"], r["predikat_label"]),
            "keterangan": r["alasan"] or "",
        })
    order = [r["label"] for r in rows]
    top = _puncak([r["capaian"] for r in rows]) + 15
    x_scale = alt.Scale(domain=[0, top], nice=False)
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelExpr=_BARIS, labelLimit=300))
    legend_labels = {b.kode: f"{b.kode} ({b.label})" for b in lap.settings.skala.bands}
    tooltip = [
        alt.Tooltip("indikator:N", title="Indikator"),
        alt.Tooltip("target:N", title="Target"),
        alt.Tooltip("realisasi:N", title="Realisasi"),
        alt.Tooltip("capaian_teks:N", title="Capaian"),
        alt.Tooltip("capaian_mentah_teks:N", title="Capaian sebelum dibatasi"),
        alt.Tooltip("predikat_teks:N", title="Predikat"),
        alt.Tooltip("keterangan:N", title="Keterangan"),
    ]
    base = alt.Chart()
    bars = base.mark_bar(height={"band": 0.7}).encode(
        x=alt.X(
            "capaian:Q",
            scale=x_scale,
            title="Capaian (%)",
            axis=alt.Axis(format=",.0f", labelExpr="datum.label + '%'"),
        ),
        y=y,
        color=alt.Color(
            "predikat:N",
            scale=_skala_warna_predikat(lap.settings.skala),
            title="Predikat",
            legend=alt.Legend(labelExpr=_label_expr(legend_labels), columns=4),
        ),
        tooltip=tooltip,
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(
        x=alt.X("posisi_teks:Q", scale=x_scale), y=y, text="capaian_teks:N", tooltip=tooltip
    )
    rule = (
        alt.Chart(_data("capaian_indikator_acuan", [{"acuan": 100.0, "keterangan": "Capaian 100%"}]))
        .mark_rule(strokeDash=[5, 3], color="#555555")
        .encode(x=alt.X("acuan:Q", scale=x_scale), tooltip=[alt.Tooltip("keterangan:N", title="Acuan")])
    )
    return alt.layer(bars, labels, rule, data=_data("capaian_indikator", rows)).properties(
        width=420, height=alt.Step(40)
    )


def _teks_skor(teks: str, skor: float) -> str:
    """A letter value with its score: ``"B (skor 85)"``, ``"skor 80"`` when there is no letter."""
    if "(skor" in teks:
        return teks
    return f"skor {fmt.nilai(skor)}" if teks == fmt.KOSONG else f"{teks} (skor {fmt.nilai(skor)})"


def _tren_rows(df: pd.DataFrame) -> tuple[list[dict[str, Any]], list[str]]:
    """Long rows (indicator, year, Target/Realisasi, value) and the names of omitted indicators."""
    rows: list[dict[str, Any]] = []
    omitted: list[str] = []
    for kode, group in df.groupby("kode_indikator", sort=False):
        first = group.iloc[0]
        huruf = first["jenis"] == "huruf"
        mine: list[dict[str, Any]] = []
        for r in group.to_dict("records"):
            values = {}
            for col in ("target", "realisasi"):
                v = _native(r[f"{col}_skor"] if huruf else r[col])
                values[col] = None if v is None or isinstance(v, str) else float(v)
            for seri, col in (("Target", "target"), ("Realisasi", "realisasi")):
                value = values[col]
                if value is None:
                    continue
                mine.append({
                    "kode_indikator": kode,
                    "tahun": int(r["tahun"]),
                    "seri": seri,
                    "nilai": value,
                    "nilai_teks": _teks_skor(r[f"{col}_teks"], value) if huruf else r[f"{col}_teks"],
                    "label": fmt.nilai(value, None if huruf else first["satuan"]),
                    # a realisasi label goes under its point when the target point sits above it
                    "di_bawah": values["target"] is not None and value < values["target"],
                })
        if mine:
            rows.extend(mine)
        else:
            omitted.append(str(first["indikator"]))
    return rows, omitted


def tren_indikator(lap: Laporan) -> Chart:
    """Target and realisasi of every measured indicator per year (Tabel 3.2), one panel each.

    Years run from the Renstra start to the report year.  Letter-grade indicators
    are drawn by their numeric score where one is known ("skor"); an indicator with
    no score at all is omitted and named in the chart title.
    """
    charts_theme.enable_theme()
    df = lap.perbandingan_tahun
    if df.empty:
        return _pesan("tren_indikator", "Data target dan realisasi per tahun tidak tersedia.")
    rows, omitted = _tren_rows(df)
    years = sorted({int(t) for t in df["tahun"]})
    ind = df.drop_duplicates("kode_indikator")
    nomor = dict(zip(ind["kode_indikator"], _nomor_indikator(ind), strict=True))
    data = _data("tren_indikator", rows)
    color = alt.Color(
        "seri:N", title=None, scale=alt.Scale(domain=["Target", "Realisasi"], range=list(charts_theme.PALETTE[:2]))
    )
    dash = alt.StrokeDash(
        "seri:N", title=None, scale=alt.Scale(domain=["Target", "Realisasi"], range=[[5, 3], [1, 0]])
    )
    tooltip = [
        alt.Tooltip("tahun:O", title="Tahun"),
        alt.Tooltip("seri:N", title="Jenis"),
        alt.Tooltip("nilai_teks:N", title="Nilai"),
    ]
    panels = []
    for r in ind.to_dict("records"):
        kode = r["kode_indikator"]
        if not any(x["kode_indikator"] == kode for x in rows):
            continue
        huruf = r["jenis"] == "huruf"
        satuan = "skor" if huruf else (r["satuan"] or "")
        judul = _bungkus(f"{nomor[kode]} {r['indikator']}", 38, 3).split("\n")
        if r["arah"] == "negatif":
            judul.append("(indikator negatif: makin rendah makin baik)")
        if huruf:
            has_target = any(x["kode_indikator"] == kode and x["seri"] == "Target" for x in rows)
            judul.append("(nilai huruf, digambar skornya)" if has_target
                         else "(nilai huruf, digambar skornya; target tanpa skor)")
        base = alt.Chart().transform_filter(
            alt.datum.kode_indikator == kode
        )
        x = alt.X("tahun:O", title="Tahun", scale=alt.Scale(domain=years))
        yaxis = alt.Axis(format=",.4~f", labelExpr="datum.label + '%'") if satuan == "%" else alt.Axis(
            format=",.4~f"
        )
        y = alt.Y("nilai:Q", title=satuan or None, scale=alt.Scale(zero=False, nice=True, padding=18), axis=yaxis)
        line = base.mark_line().encode(x=x, y=y, color=color, strokeDash=dash, tooltip=tooltip)
        target = base.transform_filter(alt.datum.seri == "Target").mark_point(
            size=110, filled=False, strokeWidth=2
        ).encode(x=x, y=y, color=color, tooltip=tooltip)
        real = base.transform_filter(alt.datum.seri == "Realisasi").mark_point(size=45, filled=True, opacity=1).encode(
            x=x, y=y, color=color, tooltip=tooltip
        )
        above = base.transform_filter("datum.seri === 'Realisasi' && !datum.di_bawah").mark_text(
            dy=-12, fontSize=10
        ).encode(x=x, y=y, text="label:N")
        below = base.transform_filter("datum.seri === 'Realisasi' && datum.di_bawah").mark_text(
            dy=14, fontSize=10
        ).encode(x=x, y=y, text="label:N")
        panels.append(
            alt.layer(line, target, real, above, below).properties(
                title=alt.Title(judul, fontSize=12), width=200, height=150
            )
        )
    if not panels:
        return _pesan("tren_indikator", "Tidak ada indikator dengan nilai angka untuk digambar.")
    chart = alt.concat(*panels, columns=2, data=data).resolve_scale(y="independent")
    if omitted:
        note = "Tidak digambar (nilai huruf tanpa skor): " + "; ".join(omitted)
        chart = chart.properties(title=alt.Title(_bungkus(note, 90, 3).split("\n"), fontSize=11, fontWeight="normal"))
    return chart


def capaian_vs_serapan(lap: Laporan) -> Chart:
    """Capaian kinerja (%) against serapan anggaran (%) per sasaran (Tabel 3.7).

    One point per sasaran, labelled with its number, coloured by its efficiency label;
    a diamond for the whole (average capaian against the serapan of the whole budget).
    The dashed diagonal is capaian = serapan: under the seed method a point on or above
    it is Efisien.  With ``efisiensi.metode: selisih`` the band of +-``ambang`` points
    is drawn as two dotted lines.
    """
    charts_theme.enable_theme()
    eff = lap.efisiensi_sasaran
    if eff.empty:
        return _pesan("capaian_vs_serapan", "Data capaian dan serapan per sasaran tidak tersedia.")
    rata = lap.rata_rata
    total = lap.ringkasan_anggaran
    overall = lap.efisiensi_keseluruhan
    rows = []
    for r in eff.to_dict("records"):
        rows.append({
            "nomor": str(r["no_sasaran"]),
            "sasaran": f"Sasaran {r['no_sasaran']}: {r['sasaran']}",
            "jenis": "Sasaran",
            "capaian": _native(r["capaian"]),
            "serapan": _native(r["serapan"]),
            "capaian_teks": fmt.persen(r["capaian"]),
            "serapan_teks": fmt.persen(r["serapan"]),
            "anggaran": f"{fmt.rupiah(r['realisasi'])} dari {fmt.rupiah(r['pagu'])}",
            "efisiensi": r["efisiensi"] or fmt.KOSONG,
        })
    rows.append({
        "nomor": "Keseluruhan",
        "sasaran": "Keseluruhan (rata-rata capaian; serapan seluruh anggaran)",
        "jenis": "Keseluruhan",
        "capaian": _native(rata.nilai),
        "serapan": _native(total.serapan),
        "capaian_teks": fmt.persen(rata.nilai),
        "serapan_teks": fmt.persen(total.serapan),
        "anggaran": f"{fmt.rupiah(total.realisasi)} dari {fmt.rupiah(total.pagu)}",
        "efisiensi": overall.label or fmt.KOSONG,
    })
    values = [v for r in rows for v in (r["capaian"], r["serapan"]) if v is not None]
    top = _puncak(values, 100.0, 10.0)
    low = max(0.0, math.floor((min(values, default=0.0) - 10) / 10) * 10)
    low = min(low, 50.0)  # zoom in on the points, but keep at least the upper half in view
    scale = alt.Scale(domain=[low, top], nice=False)
    axis = alt.Axis(format=",.0f", labelExpr="datum.label + '%'")
    x = alt.X("serapan:Q", scale=scale, title="Serapan anggaran (%)", axis=axis)
    y = alt.Y("capaian:Q", scale=scale, title="Capaian kinerja (%)", axis=axis)
    tooltip = [
        alt.Tooltip("sasaran:N", title="Sasaran"),
        alt.Tooltip("capaian_teks:N", title="Capaian kinerja"),
        alt.Tooltip("serapan_teks:N", title="Serapan anggaran"),
        alt.Tooltip("anggaran:N", title="Realisasi anggaran"),
        alt.Tooltip("efisiensi:N", title="Tingkat efisiensi"),
    ]
    domain = [EFISIEN, CUKUP_EFISIEN, TIDAK_EFISIEN]
    colours = [_WARNA_EFISIENSI[k] for k in domain]
    if any(r["efisiensi"] == fmt.KOSONG for r in rows):
        domain, colours = [*domain, fmt.KOSONG], [*colours, "#999999"]
    color = alt.Color("efisiensi:N", title="Tingkat efisiensi", scale=alt.Scale(domain=domain, range=colours))
    shape = alt.Shape(
        "jenis:N", title=None, scale=alt.Scale(domain=["Sasaran", "Keseluruhan"], range=["circle", "diamond"])
    )
    points = alt.Chart().mark_point(size=110, filled=True, opacity=0.9).encode(
        x=x, y=y, color=color, shape=shape, tooltip=tooltip
    )
    labels = alt.Chart().mark_text(align="left", dx=7, dy=-7, fontSize=11).encode(
        x=x, y=y, text="nomor:N", tooltip=tooltip
    )
    lines = [{"garis": "capaian = serapan", "serapan": low, "capaian": low},
             {"garis": "capaian = serapan", "serapan": top, "capaian": top}]
    e = lap.settings.efisiensi
    if e.metode == "selisih" and e.ambang > 0:
        a = float(e.ambang)
        for sign, name in ((1, f"+{fmt.nilai(a)} poin"), (-1, f"-{fmt.nilai(a)} poin")):
            x0, y0 = (low, low + a) if sign > 0 else (low + a, low)
            x1, y1 = (top - a, top) if sign > 0 else (top, top - a)
            lines += [{"garis": name, "serapan": x0, "capaian": y0}, {"garis": name, "serapan": x1, "capaian": y1}]
    garis = (
        alt.Chart(_data("capaian_vs_serapan_garis", lines))
        .mark_line(color="#777777", strokeDash=[5, 3], strokeWidth=1)
        .encode(
            x=alt.X("serapan:Q", scale=scale),
            y=alt.Y("capaian:Q", scale=scale),
            detail="garis:N",
            tooltip=[alt.Tooltip("garis:N", title="Garis")],
        )
    )
    ujung = (
        alt.Chart(_data("capaian_vs_serapan_ujung", lines[1::2]))
        .mark_text(align="right", dx=-4, dy=-6, fontSize=10, color="#555555", angle=315)
        .encode(x=alt.X("serapan:Q", scale=scale), y=alt.Y("capaian:Q", scale=scale), text="garis:N")
    )
    titik = alt.layer(points, labels, data=_data("capaian_vs_serapan", rows))
    return alt.layer(garis, ujung, titik).properties(width=380, height=380)
