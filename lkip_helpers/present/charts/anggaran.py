"""BAB III chart of the budget: pagu and realisasi per program."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import altair as alt

from ... import fmt
from ..._values import missing
from .. import theme as charts_theme
from ._dasar import _BARIS, Chart, _bungkus, _data, _native, _pesan, _rupiah_singkat

if TYPE_CHECKING:
    from ...report.laporan import Laporan

__all__ = ["anggaran_program"]


def anggaran_program(lap: Laporan) -> Chart:
    """Pagu and realisasi per program (Tabel 3.8, computed from the sub kegiatan).

    Grouped horizontal bars; the axis is in millions ("Rp ... jt") or, when a program
    has a pagu of a billion or more, in billions ("Rp ... M" = miliar).  Each bar
    carries its amount, the tooltip the exact Rupiah and the serapan.
    """
    charts_theme.enable_theme()
    tree = lap.anggaran_tree
    prog = tree[tree["level"] == "program"]
    if prog.empty:
        return _pesan("anggaran_program", "Data anggaran program tidak tersedia.")
    if prog[["pagu", "realisasi"]].isna().all(axis=None):
        return _pesan("anggaran_program", "Pagu dan realisasi program tahun ini belum diisi.")
    top = max(float(v) for v in [*prog["pagu"].fillna(0), *prog["realisasi"].fillna(0), 0])
    bagi, satuan, fmt_d3 = (1e9, "M", ",.1~f") if top >= 1e9 else (1e6, "jt", ",.0f")
    rows: list[dict[str, Any]] = []
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
