"""The kabupaten overview: every kecamatan's summary side by side, as frames and charts.

The overview notebook (``notebooks/kabupaten_ikhtisar.ipynb``) is thin: it gathers the
summaries with :func:`lkip_helpers.batch.overview.kumpulkan` and shows them with
:func:`tampil`, whose catalogue (:data:`KATALOG`) gives every table and chart its number,
title and source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    import altair as alt
    from great_tables import GT

    from .display import Tampilan

__all__ = [
    "KATALOG",
    "cakupan",
    "judul",
    "saring",
    "tampil_kecamatan",
    "grafik_desa",
    "grafik_peringkat",
    "grafik_sasaran",
    "grafik_serapan_capaian",
    "tabel_desa",
    "tabel_kecamatan",
    "tabel_sasaran",
    "tampil",
]

def _ok(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [r for r in rows if r.get("capaian") is not None or r.get("serapan") is not None]


def _sebagian(r: Mapping[str, Any]) -> str:
    """``"rata-rata 3 dari 4 sasaran"`` when a kecamatan's average covers only some sasaran, else ``""``."""
    dari = r.get("capaian_dari") or [0, 0]
    return f"rata-rata {dari[0]} dari {dari[1]} sasaran" if r.get("capaian") is not None and dari[0] < dari[1] else ""


def tabel_kecamatan(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per kecamatan, ranked by average capaian (1 = highest).

    A kecamatan whose average covers only some of its sasaran (the others not measurable
    yet) is not ranked against those measured in full: no peringkat, listed after them,
    and ``keterangan`` says of how many sasaran its average is.
    """
    cols = ["kecamatan", "capaian", "predikat", "predikat_label", "serapan", "galat", "peringatan", "data_status"]
    df = pd.DataFrame([{**{c: r.get(c) for c in cols}, "keterangan": _sebagian(r)} for r in _ok(rows)],
                      columns=[*cols, "keterangan"])
    df["capaian"] = pd.to_numeric(df["capaian"], errors="coerce")
    df["serapan"] = pd.to_numeric(df["serapan"], errors="coerce")
    df["_sebagian"] = df["keterangan"] != ""
    df = df.sort_values(["_sebagian", "capaian", "kecamatan"], ascending=[True, False, True],
                        kind="stable").reset_index(drop=True)
    ranked = df["capaian"].where(~df["_sebagian"])
    df.insert(0, "peringkat", ranked.rank(method="min", ascending=False).astype("Int64"))
    df.loc[df["_sebagian"], "keterangan"] = df.loc[df["_sebagian"], "keterangan"] + "; tanpa peringkat"
    return df.drop(columns="_sebagian")


def tabel_sasaran(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Long frame: kecamatan, sasaran number and text, capaian, predikat."""
    out = [
        {"kecamatan": r["kecamatan"], "no": s["no"], "sasaran": s["sasaran"], "capaian": s["capaian"],
         "predikat": s["predikat"]}
        for r in _ok(rows)
        for s in r.get("sasaran", [])
    ]
    df = pd.DataFrame(out, columns=["kecamatan", "no", "sasaran", "capaian", "predikat"])
    df["label"] = [f"Sasaran {n}" for n in df["no"]]
    return df


def tabel_desa(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Long frame: kecamatan, desa status (IDM), count and share of the kecamatan's desa."""
    out = []
    for r in _ok(rows):
        total = sum((r.get("desa") or {}).values()) or 1
        for status, n in (r.get("desa") or {}).items():
            out.append({"kecamatan": r["kecamatan"], "status": status, "jumlah": n, "porsi": round(100 * n / total, 2)})
    return pd.DataFrame(out, columns=["kecamatan", "status", "jumlah", "porsi"])


def grafik_peringkat(df: pd.DataFrame) -> alt.Chart:
    """Bars of the average capaian per kecamatan, best first, coloured by predikat."""
    import altair as alt

    from .theme import skala_predikat

    tinggi = max(len(df), 1) * 16
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=alt.Y("kecamatan:N", sort="-x", title=None),
            x=alt.X("capaian:Q", title="Rata-rata capaian (%)", scale=alt.Scale(zero=True)),
            color=alt.Color("predikat_label:N", title="Predikat", scale=skala_predikat()),
            opacity=alt.condition(alt.datum.keterangan == "", alt.value(1.0), alt.value(0.4)),  # partial: pale
            tooltip=["peringkat", "kecamatan", alt.Tooltip("capaian:Q", format=",.2f"), "predikat_label",
                     alt.Tooltip("serapan:Q", format=",.2f"), "keterangan"],
        )
        .properties(height=tinggi, width=420)
    )


def grafik_sasaran(df: pd.DataFrame) -> alt.Chart:
    """Heat map kecamatan x sasaran; a drop-down picks one sasaran to highlight."""
    import altair as alt

    labels = sorted(df["label"].unique().tolist())
    pilih = alt.selection_point(
        fields=["label"],
        bind=alt.binding_select(options=[None, *labels], labels=["Semua", *labels], name="Sasaran "),
    )
    return (
        alt.Chart(df)
        .mark_rect()
        .encode(
            x=alt.X("label:N", title=None, sort=labels),
            y=alt.Y("kecamatan:N", title=None),
            color=alt.Color("capaian:Q", title="Capaian (%)", scale=alt.Scale(scheme="blues")),
            opacity=alt.condition(pilih, alt.value(1), alt.value(0.15)),
            tooltip=["kecamatan", "sasaran", alt.Tooltip("capaian:Q", format=",.2f"), "predikat"],
        )
        .add_params(pilih)
        .properties(height=max(df["kecamatan"].nunique(), 1) * 16, width=60 * max(len(labels), 1))
    )


def grafik_serapan_capaian(df: pd.DataFrame) -> alt.Chart:
    """Scatter: serapan anggaran (x) against average capaian (y), one point per kecamatan."""
    import altair as alt

    return (
        alt.Chart(df)
        .mark_point(filled=True, size=70)
        .encode(
            x=alt.X("serapan:Q", title="Serapan anggaran (%)", scale=alt.Scale(zero=False)),
            y=alt.Y("capaian:Q", title="Rata-rata capaian (%)", scale=alt.Scale(zero=False)),
            color=alt.Color("data_status:N", title="Data"),
            tooltip=["kecamatan", alt.Tooltip("serapan:Q", format=",.2f"), alt.Tooltip("capaian:Q", format=",.2f"),
                     "predikat_label"],
        )
        .properties(width=420, height=300)
        .interactive()
    )


def grafik_desa(df: pd.DataFrame) -> alt.Chart:
    """Stacked bars: share of desa per IDM status in each kecamatan; click the legend to filter."""
    import altair as alt

    from ..data.schema import DESA_STATUS

    pilih = alt.selection_point(fields=["status"], bind="legend")
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=alt.Y("kecamatan:N", title=None),
            x=alt.X("porsi:Q", title="Porsi desa (%)", stack="normalize", axis=alt.Axis(format="%")),
            color=alt.Color("status:N", title="Status desa",
                            sort=list(DESA_STATUS)),
            opacity=alt.condition(pilih, alt.value(1), alt.value(0.2)),
            tooltip=["kecamatan", "status", "jumlah", alt.Tooltip("porsi:Q", format=",.1f")],
        )
        .add_params(pilih)
        .properties(height=max(df["kecamatan"].nunique(), 1) * 16, width=420)
    )


def judul(rows: Iterable[Mapping[str, Any]]) -> str:
    """Title of the overview: the kabupaten and year of the summaries."""
    rows = list(rows)
    kab = next((r.get("kabupaten") for r in rows if r.get("kabupaten")), "")
    tahun = next((r.get("tahun") for r in rows if r.get("tahun")), "")
    return f"IKHTISAR LKIP KECAMATAN SE-KABUPATEN {str(kab).upper()} TAHUN {tahun}".replace("  ", " ")


def cakupan(rows: Iterable[Mapping[str, Any]], semua: Sequence[str], pilih: Iterable[str] = ()) -> str:
    """How many of the parameter set's kecamatan (those in ``pilih``, when given) the overview
    includes, and which are missing."""
    semua = [k for k in semua if saring([{"kecamatan": k}], pilih)]
    have = {str(r.get("kecamatan", "")).lower() for r in rows if r.get("status") != "gagal"}
    missing = [k for k in semua if k.lower() not in have]
    text = f"Ikhtisar ini memuat {len(semua) - len(missing)} dari {len(semua)} kecamatan dalam parameter set."
    if missing:
        text += f" Belum termasuk (belum ada laporan yang disusun): {', '.join(missing)}."
    return text


def saring(rows: Iterable[Mapping[str, Any]], pilih: Iterable[str] = ()) -> list[Mapping[str, Any]]:
    """Only the kecamatan named in ``pilih`` (all when empty); names compared case-insensitively."""
    wanted = {str(p).strip().lower() for p in pilih if str(p).strip()}
    return [r for r in rows if not wanted or str(r.get("kecamatan", "")).lower() in wanted]


def tampil_kecamatan(df: pd.DataFrame) -> GT:
    """The ranking table as a great_tables GT (Indonesian number format)."""
    from great_tables import GT

    labels: dict[str, Any] = {
        "peringkat": "Peringkat", "kecamatan": "Kecamatan", "capaian": "Rata-rata capaian (%)",
        "predikat_label": "Predikat", "serapan": "Serapan anggaran (%)", "peringatan": "Peringatan pemeriksaan",
        "data_status": "Data", "keterangan": "Keterangan",
    }
    if not (df["keterangan"] != "").any():  # the column only when a kecamatan needs it
        del labels["keterangan"]
    return (
        GT(df[list(labels)])
        .cols_label(cases=labels)
        .fmt_number(columns=["capaian", "serapan"], decimals=2, sep_mark=".", dec_mark=",")
        .sub_missing(missing_text="-")
    )


#: key -> (builder of the frame's table or chart, kind, number, title, source) of the overview.
KATALOG: dict[str, tuple[Any, str, str, str, str]] = {
    "peringkat": (grafik_peringkat, "gambar", "Gambar 1", "Rata-rata capaian kinerja per kecamatan",
                  "Sumber data: LKIP kecamatan"),
    "tabel_peringkat": (tampil_kecamatan, "tabel", "Tabel 1", "Peringkat kecamatan menurut rata-rata capaian",
                        "Sumber data: LKIP kecamatan"),
    "sasaran": (grafik_sasaran, "gambar", "Gambar 2", "Capaian per sasaran di setiap kecamatan",
                "Sumber data: LKIP kecamatan"),
    "serapan_capaian": (grafik_serapan_capaian, "gambar", "Gambar 3", "Serapan anggaran terhadap rata-rata capaian",
                        "Sumber data: LKIP kecamatan"),
    "desa": (grafik_desa, "gambar", "Gambar 4", "Porsi desa menurut statusnya", "Sumber data: profil kecamatan"),
}


def tampil(kunci: str, df: pd.DataFrame) -> Tampilan:
    """Show table or chart ``kunci`` of :data:`KATALOG` built from ``df``, with its number, title and source."""
    from . import display

    build, jenis, nomor, judul_, sumber = KATALOG[kunci]
    shown = build(df)
    if jenis == "gambar":
        return display.gambar(shown, nomor=nomor, judul=judul_, sumber=sumber)
    return display.tabel(shown, nomor=nomor, judul=judul_, sumber=sumber)
