"""BAB I charts of the kecamatan profile: staff composition and desa status."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd

from ... import fmt
from ...data.model import LOKASI
from ...data.schema import DESA_STATUS, STATUS_PEGAWAI
from .. import theme as charts_theme
from ._dasar import Chart, _data, _pesan

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["komposisi_pegawai", "status_desa"]


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
) -> alt.LayerChart | alt.FacetChart:
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


def komposisi_pegawai(lap: Laporan) -> Chart:
    """Staff composition: ASN by golongan group, all staff by pendidikan (ASN / Non ASN), totals.

    From ``sdm_golongan`` (ASN only) and ``sdm_pendidikan`` (ASN and Non ASN).
    """
    charts_theme.enable_theme()
    gol = lap.ds.df("sdm_golongan").drop(columns=[LOKASI])
    pend = lap.ds.df("sdm_pendidikan").drop(columns=[LOKASI])
    panels = []
    if not gol.empty:
        grup = pd.Series([_golongan_grup(g) for g in gol["golongan"]], index=gol.index, dtype=object)
        gol = gol.assign(grup=grup, jumlah=gol["jumlah"].fillna(0))
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


def status_desa(lap: Laporan) -> Chart:
    """Number of desa per status (Indeks Desa Membangun), every status shown, desa names in the tooltip."""
    charts_theme.enable_theme()
    desa = lap.ds.df("desa").drop(columns=[LOKASI])
    if desa.empty:
        return _pesan("status_desa", "Data desa tidak tersedia.")
    desa = desa.sort_values("no", kind="stable")
    rows: list[dict[str, Any]] = []
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
