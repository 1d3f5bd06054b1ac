"""The kabupaten overview: every kecamatan's summary side by side, as frames and charts.

The overview notebook (``notebooks/kabupaten_ikhtisar.ipynb``) is thin: it calls
:func:`kumpulkan` and the table/chart functions here.  The summaries come from the
batch (``<keluaran>/ringkasan.json``, written after every ``lkip render --params``);
without a batch run they are computed from the data sets directly, so a planner can
open the notebook in JupyterLab at any time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "judul",
    "saring",
    "tampil_kecamatan",
    "grafik_desa",
    "grafik_peringkat",
    "grafik_sasaran",
    "grafik_serapan_capaian",
    "kumpulkan",
    "tabel_desa",
    "tabel_kecamatan",
    "tabel_sasaran",
]

RINGKASAN_FILE = "ringkasan.json"


def kumpulkan(parameter: str | Path, ringkasan: str | Path | None = None) -> list[dict[str, Any]]:
    """The summaries of every kecamatan of a parameter set (one dict per kecamatan).

    ``ringkasan``: a ``ringkasan.json`` written by the batch; else ``<keluaran>/ringkasan.json``
    of the parameter set when it exists; else computed from the data sets.
    """
    from ..batch.params import load_params

    if ringkasan:
        return json.loads(Path(ringkasan).read_text(encoding="utf-8"))["kecamatan"]
    params = load_params(parameter)
    stored = params.keluaran / RINGKASAN_FILE
    if stored.exists():
        return json.loads(stored.read_text(encoding="utf-8"))["kecamatan"]
    return [_hitung(params, name) for name in params.kecamatan]


def _hitung(params: Any, name: str) -> dict[str, Any]:
    from ..batch.task import summarise
    from ..checks import run_checks
    from ..data import load
    from ..errors import DataError
    from ..rules.settings import load_settings

    try:
        problems: list[Any] = []
        ds = load(params.dataset(name), problems=problems)
        settings = load_settings(params.pengaturan)
        return {**summarise(ds, settings, [*problems, *run_checks(ds, settings)]), "status": "data"}
    except DataError:
        return {"kecamatan": name, "status": "gagal"}


def _ok(rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [r for r in rows if r.get("capaian") is not None or r.get("serapan") is not None]


def tabel_kecamatan(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """One row per kecamatan, ranked by average capaian (1 = highest)."""
    cols = ["kecamatan", "capaian", "predikat", "predikat_label", "serapan", "galat", "peringatan", "data_status"]
    df = pd.DataFrame([{c: r.get(c) for c in cols} for r in _ok(rows)], columns=cols)
    df["capaian"] = pd.to_numeric(df["capaian"], errors="coerce")
    df["serapan"] = pd.to_numeric(df["serapan"], errors="coerce")
    df = df.sort_values(["capaian", "kecamatan"], ascending=[False, True], kind="stable").reset_index(drop=True)
    df.insert(0, "peringkat", df["capaian"].rank(method="min", ascending=False).astype("Int64"))
    return df


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


def grafik_peringkat(df: pd.DataFrame) -> Any:
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
            tooltip=["peringkat", "kecamatan", alt.Tooltip("capaian:Q", format=",.2f"), "predikat_label",
                     alt.Tooltip("serapan:Q", format=",.2f")],
        )
        .properties(height=tinggi, width=420)
    )


def grafik_sasaran(df: pd.DataFrame) -> Any:
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


def grafik_serapan_capaian(df: pd.DataFrame) -> Any:
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


def grafik_desa(df: pd.DataFrame) -> Any:
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


def saring(rows: Iterable[Mapping[str, Any]], pilih: Iterable[str] = ()) -> list[Mapping[str, Any]]:
    """Only the kecamatan named in ``pilih`` (all when empty); names compared case-insensitively."""
    wanted = {str(p).strip().lower() for p in pilih if str(p).strip()}
    return [r for r in rows if not wanted or str(r.get("kecamatan", "")).lower() in wanted]


def tampil_kecamatan(df: pd.DataFrame) -> Any:
    """The ranking table as a great_tables GT (Indonesian number format)."""
    from great_tables import GT

    view = df[["peringkat", "kecamatan", "capaian", "predikat_label", "serapan", "peringatan", "data_status"]]
    return (
        GT(view)
        .cols_label(
            peringkat="Peringkat", kecamatan="Kecamatan", capaian="Rata-rata capaian (%)",
            predikat_label="Predikat", serapan="Serapan anggaran (%)", peringatan="Peringatan pemeriksaan",
            data_status="Data",
        )
        .fmt_number(columns=["capaian", "serapan"], decimals=2, sep_mark=".", dec_mark=",")
        .sub_missing(missing_text="-")
    )
