"""Altair charts of the report: pure functions of the data set (and settings) -> chart.

Every builder takes its figures from :mod:`lkip_helpers.report.figures` (or the data set's
tables for BAB I), aggregates them in pandas, and hands Altair a few named rows, so
a chart can never show another number than the tables and the text.  Conventions:

* data is inline and *named* (``alt.InlineData(values=..., name="capaian_indikator")``),
  no selection parameters: ``chart.to_dict()`` is the same on every call;
* styling comes from the house theme (:mod:`lkip_helpers.present.theme`, enabled here);
  predikat colours from :func:`charts_theme.skala_predikat`;
* labels drawn on the chart are formatted in Python with :mod:`lkip_helpers.fmt`
  (``97,00%``, ``Rp 21,72 jt``); axis and tooltip formats are d3 formats, rendered with
  the Indonesian locale that :func:`charts_theme.spec_to_svg` and ``vegaEmbed`` pass;
* tooltip titles are Indonesian;
* a chart with nothing to show is a short text ("Data ... tidak tersedia"), never an error.

Notebooks show a chart with ``display.gambar(charts.capaian_indikator(ds, settings),
"Gambar 3.1", "Capaian Indikator Kinerja Tahun 2023", "Sumber data: ...")``.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from .. import fmt
from .._values import missing
from ..data.model import LOKASI, DataSet
from ..data.schema import DESA_STATUS, STATUS_PEGAWAI
from ..report import figures as laporan
from ..rules.budget import CUKUP_EFISIEN, EFISIEN, TIDAK_EFISIEN, efisiensi
from ..rules.predikat import Scale
from ..rules.settings import Settings
from . import theme as charts_theme

__all__ = [
    "anggaran_program",
    "capaian_indikator",
    "capaian_vs_serapan",
    "komposisi_pegawai",
    "status_desa",
    "tren_indikator",
]

#: Vega expression that splits a label on newlines (labels are wrapped in Python).
_BARIS = "split(datum.label, '\\n')"
_SAKIP_KODE = ("AA", "A", "BB", "B", "CC", "C", "D")
_WARNA_EFISIENSI = {
    EFISIEN: charts_theme.WARNA_PREDIKAT["AA"],
    CUKUP_EFISIEN: charts_theme.WARNA_PREDIKAT["CC"],
    TIDAK_EFISIEN: charts_theme.WARNA_PREDIKAT["D"],
}

Chart = alt.TopLevelMixin


# ------------------------------------------------------------------------------- helpers
def _native(value: Any) -> Any:
    """A JSON-ready scalar: None for missing, Python int/float/str otherwise."""
    if missing(value):
        return None
    if hasattr(value, "item"):  # numpy / pandas scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _rows(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{k: _native(v) for k, v in r.items()} for r in records]


def _data(name: str, records: Iterable[Mapping[str, Any]]) -> alt.InlineData:
    """Inline data with a stable name (Altair keeps named inline data as it is)."""
    return alt.InlineData(values=_rows(records), name=name)


def _bungkus(text: Any, lebar: int = 42, baris: int = 3) -> str:
    """Wrap ``text`` into at most ``baris`` lines of ``lebar`` characters (ellipsis when cut)."""
    lines = textwrap.wrap(" ".join(str(text or "").split()), lebar) or [""]
    if len(lines) > baris:
        lines = lines[:baris]
        lines[-1] = lines[-1][: max(lebar - 1, 1)].rstrip() + "\u2026"
    return "\n".join(lines)


def _pesan(name: str, teks: str) -> alt.Chart:
    """A chart that only says why there is nothing to draw."""
    return (
        alt.Chart(_data(name, [{"pesan": teks}]))
        .mark_text(align="left", baseline="middle", fontSize=12)
        .encode(text="pesan:N")
        .properties(width=480, height=40)
    )


def _skala_warna_predikat(skala: Scale) -> alt.Scale:
    """The theme's predikat colours for the codes of ``skala``.

    The SAKIP scale uses :func:`charts_theme.skala_predikat` as it is; another scale
    (e.g. Permendagri 86: ST, T, S, R, SR) gets the theme's predikat colours spread
    over its bands from best to worst.
    """
    codes = [b.kode for b in reversed(skala.bands)]  # best first
    if set(codes) <= set(_SAKIP_KODE):
        return charts_theme.skala_predikat(kolom_berisi_kode=True)
    colours = [charts_theme.WARNA_PREDIKAT[k] for k in _SAKIP_KODE]
    n = len(codes)
    picks = [colours[round(i * (len(colours) - 1) / (n - 1))] if n > 1 else colours[0] for i in range(n)]
    return alt.Scale(domain=codes, range=picks)


def _label_expr(mapping: Mapping[str, str]) -> str:
    """A Vega expression mapping ``datum.label`` through ``mapping`` (else unchanged)."""
    def lit(s: str) -> str:
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"

    expr = "datum.label"
    for key, value in reversed(list(mapping.items())):
        expr = f"datum.label === {lit(key)} ? {lit(value)} : ({expr})"
    return expr


def _predikat_teks(kode: Any, label: Any) -> str:
    return fmt.KOSONG if missing(kode) else f"{kode} ({label})"


def _rupiah_singkat(x: Any) -> str:
    """``4068968525`` -> ``"Rp 4,07 M"``; ``21720000`` -> ``"Rp 21,72 jt"`` (M = miliar, jt = juta)."""
    if missing(x):
        return fmt.KOSONG
    v = float(x)
    if abs(v) >= 1e9:
        return f"Rp {fmt.angka(v / 1e9, 2)} M"
    if abs(v) >= 1e6:
        return f"Rp {fmt.angka(v / 1e6, 2)} jt"
    return fmt.rupiah(v)


def _puncak(values: Iterable[Any], minimal: float = 100.0, langkah: float = 10.0) -> float:
    """Upper end of a percentage axis: at least ``minimal``, rounded up to ``langkah``."""
    present = [float(v) for v in values if not missing(v)]
    top = max([minimal, *present])
    return math.ceil(top / langkah) * langkah


# ---------------------------------------------------------------- BAB III: capaian
def _nomor_indikator(df: pd.DataFrame) -> list[str]:
    """``"1.1"``, ``"3.1"``, ``"3.2"``: sasaran number and position of the indicator in it."""
    seen: dict[Any, int] = {}
    out = []
    for no in df["no_sasaran"]:
        seen[no] = seen.get(no, 0) + 1
        out.append(f"{no}.{seen[no]}")
    return out


def capaian_indikator(ds: DataSet, settings: Settings) -> Chart:
    """Capaian (capped, as in Tabel 3.1) of every measured indicator, coloured by predikat.

    Horizontal bars in report order, a dashed rule at 100%, the value printed beside
    each bar ("97,00%"; "n/a" when the capaian cannot be computed, its reason in the
    tooltip).  The uncapped value is in the tooltip.
    """
    charts_theme.enable_theme()
    df, _ = laporan.pengukuran_kinerja(ds, settings)
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
    legend_labels = {b.kode: f"{b.kode} ({b.label})" for b in settings.skala.bands}
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
            scale=_skala_warna_predikat(settings.skala),
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


def tren_indikator(ds: DataSet, settings: Settings) -> Chart:
    """Target and realisasi of every measured indicator per year (Tabel 3.2), one panel each.

    Years run from the Renstra start to the report year.  Letter-grade indicators
    are drawn by their numeric score where one is known ("skor"); an indicator with
    no score at all is omitted and named in the chart title.
    """
    charts_theme.enable_theme()
    df = laporan.perbandingan_tahun(ds, settings)
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


# ------------------------------------------------------------------ BAB III: budget
def anggaran_program(ds: DataSet) -> Chart:
    """Pagu and realisasi per program (Tabel 3.8, computed from the sub kegiatan).

    Grouped horizontal bars; the axis is in millions ("Rp ... jt") or, when a program
    has a pagu of a billion or more, in billions ("Rp ... M" = miliar).  Each bar
    carries its amount, the tooltip the exact Rupiah and the serapan.
    """
    charts_theme.enable_theme()
    tree = laporan.anggaran_tree(ds)
    prog = tree[tree["level"] == "program"]
    if prog.empty:
        return _pesan("anggaran_program", "Data anggaran program tidak tersedia.")
    top = max(float(v) for v in [*prog["pagu"].fillna(0), *prog["realisasi"].fillna(0), 0])
    bagi, satuan, fmt_d3 = (1e9, "M", ",.1~f") if top >= 1e9 else (1e6, "jt", ",.0f")
    rows = []
    for i, r in enumerate(prog.to_dict("records"), 1):
        nama = r["nama"] if not missing(r["nama"]) else f"(program {r['kode']})"
        label = _bungkus(f"{i}. {nama}", 40)
        for jenis in ("pagu", "realisasi"):
            value = _native(r[jenis])
            rows.append({
                "label": label,
                "program": nama,
                "jenis": "Pagu" if jenis == "pagu" else "Realisasi",
                "nilai": None if value is None else value / bagi,
                "rupiah": fmt.rupiah(value),
                "label_nilai": _rupiah_singkat(value) if jenis == "pagu" or missing(r["serapan"])
                else f"{_rupiah_singkat(value)} ({fmt.persen(r['serapan'])})",
                "posisi_teks": 0.0 if value is None else value / bagi,
                "serapan": fmt.persen(r["serapan"]),
            })
    order = list(dict.fromkeys(r["label"] for r in rows))
    x_top = top / bagi * 1.3 if top > 0 else 1.0
    x_scale = alt.Scale(domain=[0, x_top], nice=False)
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelExpr=_BARIS, labelLimit=300))
    y_offset = alt.YOffset("jenis:N", sort=["Pagu", "Realisasi"])
    tooltip = [
        alt.Tooltip("program:N", title="Program"),
        alt.Tooltip("jenis:N", title="Jenis"),
        alt.Tooltip("rupiah:N", title="Jumlah"),
        alt.Tooltip("serapan:N", title="Serapan"),
    ]
    axis = alt.Axis(format=fmt_d3, labelExpr=f"'Rp ' + datum.label + ' {satuan}'", tickCount=5)
    bars = alt.Chart().mark_bar().encode(
        x=alt.X("nilai:Q", scale=x_scale, title=f"Rupiah ({'miliar' if satuan == 'M' else 'juta'})", axis=axis),
        y=y,
        yOffset=y_offset,
        color=alt.Color("jenis:N", title=None, scale=alt.Scale(domain=["Pagu", "Realisasi"],
                                                                range=list(charts_theme.PALETTE[:2]))),
        tooltip=tooltip,
    )
    text = alt.Chart().mark_text(align="left", dx=3, fontSize=10).encode(
        x=alt.X("posisi_teks:Q", scale=x_scale), y=y, yOffset=y_offset, text="label_nilai:N", tooltip=tooltip
    )
    return alt.layer(bars, text, data=_data("anggaran_program", rows)).properties(
        width=420, height=alt.Step(18)
    )


def capaian_vs_serapan(ds: DataSet, settings: Settings) -> Chart:
    """Capaian kinerja (%) against serapan anggaran (%) per sasaran (Tabel 3.7).

    One point per sasaran, labelled with its number, coloured by its efficiency label;
    a diamond for the whole (average capaian against the serapan of the whole budget).
    The dashed diagonal is capaian = serapan: under the seed method a point on or above
    it is Efisien.  With ``efisiensi.metode: selisih`` the band of +-``ambang`` points
    is drawn as two dotted lines.
    """
    charts_theme.enable_theme()
    eff = laporan.efisiensi_sasaran(ds, settings)
    if eff.empty:
        return _pesan("capaian_vs_serapan", "Data capaian dan serapan per sasaran tidak tersedia.")
    _, rata = laporan.pengukuran_kinerja(ds, settings)
    total = laporan.ringkasan_anggaran(ds)
    overall = efisiensi(rata.nilai, total.serapan, settings=settings.efisiensi)
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
    e = settings.efisiensi
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


# ---------------------------------------------------------------------- BAB I: profile
def _golongan_grup(golongan: Any) -> str | None:
    m = re.match(r"\s*(IV|III|II|I)\b", str(golongan or ""))
    return f"Golongan {m.group(1)}" if m else None


def _bar_panel(
    name: str,
    rows: Sequence[Mapping[str, Any]],
    kategori: str,
    judul: str,
    order: list[str],
    *,
    warna: str | None = None,
    width: int = 200,
) -> alt.LayerChart:
    """Horizontal count bars with the count printed at the end."""
    y = alt.Y("kategori:N", sort=order, title=None)
    tooltip = [alt.Tooltip("kategori:N", title=kategori), alt.Tooltip("jumlah:Q", title="Jumlah", format=",.0f")]
    enc: dict[str, Any] = {"y": y, "tooltip": tooltip}
    if warna:
        enc["color"] = alt.Color("warna:N", title=None, scale=alt.Scale(domain=list(STATUS_PEGAWAI),
                                                                         range=list(charts_theme.PALETTE[:2])))
        enc["tooltip"] = [*tooltip, alt.Tooltip("warna:N", title="Status")]
    top = max([1, *(r["total"] for r in rows)]) * 1.25
    x_scale = alt.Scale(domain=[0, top], nice=False)
    bars = alt.Chart().mark_bar().encode(
        x=alt.X("jumlah:Q", title="Jumlah (orang)", scale=x_scale, stack="zero",
                axis=alt.Axis(format=",.0f", tickMinStep=1)),
        **enc,
    )
    totals = (
        alt.Chart()
        .transform_aggregate(total="sum(jumlah)", groupby=["kategori"])
        .transform_calculate(teks="format(datum.total, ',.0f')")
        .mark_text(align="left", dx=3, fontSize=10)
        .encode(x=alt.X("total:Q", scale=x_scale), y=y, text="teks:N")
    )
    return alt.layer(bars, totals, data=_data(name, rows), title=judul).properties(
        width=width, height=alt.Step(22)
    )


def komposisi_pegawai(ds: DataSet) -> Chart:
    """Staff composition: ASN by golongan group, all staff by pendidikan (ASN / Non ASN), totals.

    From ``sdm_golongan`` (ASN only) and ``sdm_pendidikan`` (ASN and Non ASN).
    """
    charts_theme.enable_theme()
    gol = ds.df("sdm_golongan").drop(columns=[LOKASI])
    pend = ds.df("sdm_pendidikan").drop(columns=[LOKASI])
    panels = []
    if not gol.empty:
        gol = gol.assign(grup=[_golongan_grup(g) for g in gol["golongan"]], jumlah=gol["jumlah"].fillna(0))
        grouped = gol.dropna(subset=["grup"]).groupby("grup", sort=False)["jumlah"].sum()
        order = [g for g in ("Golongan IV", "Golongan III", "Golongan II", "Golongan I") if g in grouped.index]
        rows = [{"kategori": g, "jumlah": int(grouped[g]), "total": int(grouped[g])} for g in order]
        panels.append(_bar_panel("pegawai_golongan", rows, "Golongan", "ASN menurut golongan", order))
    if not pend.empty:
        pend = pend.sort_values("no", kind="stable").assign(jumlah=pend["jumlah"].fillna(0))
        order = list(dict.fromkeys(pend["pendidikan"]))
        sums = pend.groupby(["pendidikan", "status"], sort=False)["jumlah"].sum()
        totals = pend.groupby("pendidikan", sort=False)["jumlah"].sum()
        rows = [
            {"kategori": p, "warna": s, "jumlah": int(sums.get((p, s), 0)), "total": int(totals[p])}
            for p in order
            for s in STATUS_PEGAWAI
        ]
        panels.append(_bar_panel("pegawai_pendidikan", rows, "Pendidikan", "Pegawai menurut pendidikan",
                                 order, warna="status"))
        per_status = pend.groupby("status", sort=False)["jumlah"].sum()
        rows = [
            {"kategori": s, "warna": s, "jumlah": int(per_status.get(s, 0)), "total": int(per_status.get(s, 0))}
            for s in STATUS_PEGAWAI
        ]
        panels.append(_bar_panel("pegawai_status", rows, "Status", "ASN dan Non ASN", list(STATUS_PEGAWAI),
                                 warna="status", width=160))
    if not panels:
        return _pesan("komposisi_pegawai", "Data kepegawaian tidak tersedia.")
    return alt.concat(*panels, columns=2).resolve_scale(x="independent", y="independent")


def status_desa(ds: DataSet) -> Chart:
    """Number of desa per status (Indeks Desa Membangun), every status shown, desa names in the tooltip."""
    charts_theme.enable_theme()
    desa = ds.df("desa").drop(columns=[LOKASI])
    if desa.empty:
        return _pesan("status_desa", "Data desa tidak tersedia.")
    desa = desa.sort_values("no", kind="stable")
    rows = []
    for status in DESA_STATUS:
        names = [str(n) for n in desa.loc[desa["status"] == status, "nama"]]
        rows.append({
            "status": status,
            "jumlah": len(names),
            "teks": fmt.angka(len(names)),
            "desa": ", ".join(names) if names else "-",
        })
    top = max(1, *(r["jumlah"] for r in rows)) * 1.2
    y = alt.Y("status:N", sort=list(DESA_STATUS), title=None)
    x = alt.X("jumlah:Q", title="Jumlah desa", scale=alt.Scale(domain=[0, top], nice=False),
              axis=alt.Axis(format=",.0f", tickMinStep=1))
    tooltip = [
        alt.Tooltip("status:N", title="Status"),
        alt.Tooltip("jumlah:Q", title="Jumlah desa", format=",.0f"),
        alt.Tooltip("desa:N", title="Desa"),
    ]
    bars = alt.Chart().mark_bar().encode(x=x, y=y, tooltip=tooltip)
    text = alt.Chart().mark_text(align="left", dx=3).encode(
        x=alt.X("jumlah:Q", scale=alt.Scale(domain=[0, top], nice=False)), y=y, text="teks:N"
    )
    return alt.layer(bars, text, data=_data("status_desa", rows)).properties(width=360, height=alt.Step(26))
