"""Building blocks shared by the report tables: cells, the house style, footnotes.

Every cell of a table is an HTML fragment made here: data text is escaped with
:func:`teks` (so ``<script>`` or ``**markdown**`` in a data set shows literally),
numbers are formatted with :mod:`lkip_helpers.fmt` (``4.231.208.525``, ``95,50%``).
:func:`buat_tabel` passes the fragments to great_tables unchanged (an identity
formatter), so the escaping happens exactly once, here.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, SupportsInt

import great_tables as gt
import pandas as pd

from ... import fmt
from ..._values import missing
from ...data.model import LOKASI, DataSet

if TYPE_CHECKING:
    # the type of great_tables labels (str, gt.html(...)); its module is private, the name is what
    # GT.cols_label is annotated with
    from great_tables._text import BaseText

__all__ = [
    "STRIP",
    "VERSI_LABEL",
    "Catatan",
    "Kolom",
    "baris",
    "buat_tabel",
    "bulat",
    "frame",
    "gaya_rumah",
    "indentasi",
    "jumlah_satuan",
    "missing",
    "nilai",
    "slug",
    "teks",
    "tebal",
    "value",
]

#: What a cell shows when there is no value (no target that year, no benchmark).
STRIP = "-"
GARIS = "#8c8c8c"
LATAR_KEPALA = "#dde6f0"
LATAR_KELOMPOK = "#eef2f7"

#: How a target version is named in titles and "Sumber data" lines.
VERSI_LABEL: dict[str, str] = {
    "renstra_awal": "Renstra",
    "renstra_perubahan": "Renstra Perubahan",
    "rkt": "RKT",
    "pk_awal": "PK",
    "pk_perubahan": "PK Perubahan",
}


def value(v: Any) -> Any:
    """``v`` or None when missing (NaN, NA, blank text)."""
    return None if missing(v) else v


def bulat(v: object) -> int:
    """``int(v)`` of a cell already checked not missing (a year, an amount); TypeError for a non-number."""
    if isinstance(v, str | SupportsInt):
        return int(v)
    msg = f"nilai {v!r} bukan bilangan"
    raise TypeError(msg)


def teks(v: Any, kosong: str = "") -> str:
    """Escape data text for a cell (foreign terms in italics); a missing value gives ``kosong``."""
    from ..display import miring_asing

    return kosong if missing(v) else miring_asing(html.escape(str(v), quote=True))


def baris(*lines: Any) -> str:
    """Several escaped lines in one cell (missing lines are skipped)."""
    return "<br>".join(teks(x) for x in lines if not missing(x))


def tebal(fragment: str) -> str:
    """Bold an already escaped fragment."""
    return f"<strong>{fragment}</strong>"


def indentasi(fragment: str, level: int) -> str:
    """Indent an already escaped fragment by ``level`` steps (Tabel 3.8's tree)."""
    if level <= 0:
        return fragment
    return f'<div style="padding-left:{1.4 * level:.1f}em">{fragment}</div>'


def nilai(v: Any, satuan: Any = None) -> str:
    """An indicator value as printed (``97%``, ``85``, ``B``), escaped; missing gives ``-``."""
    if missing(v):
        return STRIP
    return teks(fmt.nilai(v, None if missing(satuan) else str(satuan)))


def jumlah_satuan(v: Any, satuan: Any) -> str:
    """An amount with its unit, escaped: ``22 orang``, ``100%``; missing gives ``-``."""
    if missing(v):
        return STRIP
    unit = "" if missing(satuan) else str(satuan).strip()
    if unit == "%":
        return teks(fmt.nilai(v, "%"))
    return teks(f"{fmt.nilai(v)} {unit}".strip())


def slug(text: str) -> str:
    """Deterministic id part: ``"Tabel 3.1"`` -> ``"tabel-3-1"``."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower() or "tabel"


def frame(ds: DataSet, name: str, urut: str | Sequence[str] | None = "urutan") -> pd.DataFrame:
    """Records table ``name`` without the location column, sorted (stable) by ``urut``."""
    df = ds.df(name).drop(columns=[LOKASI], errors="ignore")
    keys = [urut] if isinstance(urut, str) else list(urut or [])
    keys = [k for k in keys if k in df.columns]
    if keys and len(df):
        df = df.sort_values(keys, kind="stable", na_position="last")
    return df.reset_index(drop=True)


@dataclass(frozen=True)
class Kolom:
    """One column of a report table: key in the rows, label, alignment, width."""

    nama: str
    label: str
    rata: str = "left"  # left | right | center
    lebar: str | None = None  # a percentage of the table width; other units are ignored
    label_html: bool = False  # label holds markup (e.g. "<br>"), already escaped


@dataclass(frozen=True)
class Catatan:
    """A footnote; ``kolom``/``baris`` place its mark after one cell's value, else it has no mark."""

    teks: str
    kolom: str | None = None
    baris: int | None = None


def gaya_rumah(g: gt.GT) -> gt.GT:
    """The report's table look: grid lines, tinted header and group rows, compact rows."""
    line = {"style": "solid", "width": "1px", "color": GARIS}
    return g.tab_options(
        table_font_size="10pt",
        table_font_color="#1e1e1e",
        table_border_top_style="solid",
        table_border_top_color=GARIS,
        table_border_top_width="1px",
        table_border_bottom_color=GARIS,
        table_border_bottom_width="1px",
        table_border_left_style="solid",
        table_border_left_color=GARIS,
        table_border_left_width="1px",
        table_border_right_style="solid",
        table_border_right_color=GARIS,
        table_border_right_width="1px",
        column_labels_background_color=LATAR_KEPALA,
        column_labels_font_weight="bold",
        column_labels_font_size="9.5pt",
        column_labels_vlines_style=line["style"],
        column_labels_vlines_width=line["width"],
        column_labels_vlines_color=line["color"],
        column_labels_border_top_color=GARIS,
        column_labels_border_top_width="1px",
        column_labels_border_bottom_color=GARIS,
        column_labels_border_bottom_width="1px",
        table_body_hlines_color=GARIS,
        table_body_vlines_style=line["style"],
        table_body_vlines_width=line["width"],
        table_body_vlines_color=line["color"],
        table_body_border_top_color=GARIS,
        table_body_border_bottom_color=GARIS,
        row_group_background_color=LATAR_KELOMPOK,
        row_group_font_weight="bold",
        row_group_border_top_color=GARIS,
        row_group_border_bottom_color=GARIS,
        row_group_border_top_width="1px",
        row_group_border_bottom_width="1px",
        data_row_padding="4px",
        column_labels_padding="5px",
        table_margin_left="auto",
        table_margin_right="auto",
    )


def _vertical_top(g: gt.GT) -> gt.GT:
    return g.tab_style(gt.style.text(v_align="top"), gt.loc.body())


def buat_tabel(
    rows: Sequence[Mapping[str, str]],
    kolom: Sequence[Kolom],
    *,
    id: str,
    tebal_baris: Iterable[int] = (),
    kelompok: str | None = None,
    spanner: Sequence[tuple[str, Sequence[str]]] = (),
    catatan: Sequence[Catatan] = (),
) -> gt.GT:
    """Build a styled ``GT`` from rows of ready HTML fragments.

    Parameters
    ----------
    rows
        One mapping per row, column key -> HTML fragment (escape data with :func:`teks`).
        Missing keys are empty cells.
    kolom
        The visible columns, in order.
    id
        Stable HTML id of the table (never random, so the HTML is reproducible).
    tebal_baris
        Row positions (0-based) to set in bold: totals such as JUMLAH.
    kelompok
        Key of a plain-text group label per row: consecutive rows with the same label
        are grouped under one heading row (escaped by great_tables).
    spanner
        ``(label, column keys)`` pairs: merged headers above the columns.
    catatan
        Footnotes (a mark after the value of one cell, or none for general notes).
    """
    keys = [k.nama for k in kolom]
    data: dict[str, list[str]] = {k: [str(r.get(k, "") or "") for r in rows] for k in keys}
    if kelompok:
        data[kelompok] = [str(r.get(kelompok, "") or "") for r in rows]
    df = pd.DataFrame(data, columns=[*keys, *([kelompok] if kelompok else [])])
    g = gt.GT(df, id=id, groupname_col=kelompok, auto_align=False)
    g = g.fmt(lambda x: x, columns=keys)  # cells are HTML already escaped here
    labels: dict[str, str | BaseText] = {
        k.nama: (gt.html(k.label) if k.label_html else k.label) for k in kolom
    }
    g = g.cols_label(cases=labels)
    for rata in ("left", "right", "center"):
        cols = [k.nama for k in kolom if k.rata == rata]
        if cols:
            g = g.cols_align(rata, columns=cols)
    widths = {k.nama: k.lebar for k in kolom if k.lebar}
    if any(w.endswith("%") for w in widths.values()):
        # Widths make great_tables use a fixed layout; with the full page width of the print
        # stylesheet, columns without a width would share the rest equally.  So widths are
        # used only as percentages (give every column one); otherwise the layout is automatic.
        g = g.cols_width(widths).tab_options(table_width="100%")
    for label, span_cols in spanner:  # ids derive from the table id and the label: unique per table
        g = g.tab_spanner(label, columns=list(span_cols))
    g = g.tab_style(
        gt.style.text(align="center", v_align="middle", whitespace="normal"), gt.loc.column_labels()
    )
    if spanner:
        spanner_ids = [label for label, _ in spanner]
        g = g.tab_style(gt.style.text(whitespace="normal"), gt.loc.spanner_labels(ids=spanner_ids))
    g = _vertical_top(g)
    bold = sorted(set(tebal_baris))
    if bold:
        g = g.tab_style(gt.style.text(weight="bold"), gt.loc.body(rows=bold))
    for c in catatan:
        where = gt.loc.body(columns=c.kolom, rows=[c.baris]) if c.kolom is not None else None
        # The mark follows the value ("83,76¹"), as printed reports have it; great_tables'
        # "auto" puts it before numbers ("¹ 83,76") to keep them aligned.
        g = g.tab_footnote(c.teks, locations=where, placement="right")
    return gaya_rumah(g)
