"""Shared pieces of the chart builders: named inline data, label helpers, colour scales.

Private to :mod:`lkip_helpers.present.charts`; nothing here reads a report.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

import altair as alt

from ... import fmt
from ..._values import missing
from ...rules.predikat import Scale
from .. import theme as charts_theme

#: What every public builder returns: an Altair top-level chart (layer, concat or a single chart).
Chart = alt.TopLevelMixin

#: Vega expression that splits a label on newlines (labels are wrapped in Python).
_BARIS = "split(datum.label, '\\n')"
_SAKIP_KODE = ("AA", "A", "BB", "B", "CC", "C", "D")


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
