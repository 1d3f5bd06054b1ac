"""House theme for Altair charts and their offline rendering.

* :func:`lkip_theme` is the one chart configuration of the report; :func:`enable_theme`
  registers it with Altair as ``"lkip"`` and enables it (chapter notebooks get it by
  importing :mod:`lkip_helpers.present.display`).
* Every piece of text uses ``DejaVu Sans``: vl-convert measures SVG text with the font
  named in the chart config and WeasyPrint draws it; if they differ, axis labels get
  clipped in the PDF (perf-notes).
* :func:`chart_bundle` turns a chart into what :func:`lkip_helpers.present.display.gambar` emits:
  the Vega-Lite spec, a static SVG (vl-convert, no network), and the figure HTML with
  the SVG as a fallback image inside the chart container.  The interactive Vega bundle is
  never part of a chart: the stitcher adds it once per page (:func:`vega_bundle`).
"""

from __future__ import annotations

import base64
import functools
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import altair as alt

__all__ = [
    "FONT",
    "FORMAT_LOCALE",
    "PALETTE",
    "TIME_FORMAT_LOCALE",
    "WARNA_PREDIKAT",
    "chart_bundle",
    "chart_spec",
    "embed_options",
    "embed_spec",
    "enable_theme",
    "lkip_theme",
    "skala_predikat",
    "spec_json_for_script",
    "spec_to_png",
    "spec_to_svg",
    "vega_bundle",
    "vegalite_mimetype",
]

FONT = "DejaVu Sans"
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu")

#: Categorical colours (blue, orange, green, ochre, purple, light blue, gold, grey).
PALETTE: tuple[str, ...] = (
    "#1f4e79",
    "#c55a11",
    "#548235",
    "#7f6000",
    "#7030a0",
    "#2e75b6",
    "#bf9000",
    "#767171",
)

#: Predikat colours, keyed by SAKIP code and by label (PermenPAN-RB 88/2021 scale).
WARNA_PREDIKAT: dict[str, str] = {
    "AA": "#0b5d1e",
    "A": "#1a7f37",
    "BB": "#4c9f38",
    "B": "#8cbf3f",
    "CC": "#d4a017",
    "C": "#e36c0a",
    "D": "#c00000",
    "Sangat Memuaskan": "#0b5d1e",
    "Memuaskan": "#1a7f37",
    "Sangat Baik": "#4c9f38",
    "Baik": "#8cbf3f",
    "Cukup": "#d4a017",
    "Kurang": "#e36c0a",
    "Sangat Kurang": "#c00000",
}

#: Indonesian number format for d3 (vl-convert and vegaEmbed): 1.234,5 and "Rp 1.000".
FORMAT_LOCALE: dict[str, Any] = {
    "decimal": ",",
    "thousands": ".",
    "grouping": [3],
    "currency": ["Rp\u00a0", ""],
}

#: Indonesian date format for d3.
TIME_FORMAT_LOCALE: dict[str, Any] = {
    "dateTime": "%A, %e %B %Y %X",
    "date": "%d/%m/%Y",
    "time": "%H.%M.%S",
    "periods": ["AM", "PM"],
    "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
    "months": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "shortMonths": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
}

_TEXT = "#222222"
_GRID = "#dddddd"


def lkip_theme() -> dict[str, Any]:
    """Return the house chart configuration (Altair theme dict)."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "padding": 8,
            "view": {
                "continuousWidth": 480,
                "continuousHeight": 260,
                "discreteWidth": 480,
                "discreteHeight": {"step": 26},
                "stroke": None,
            },
            "title": {"font": FONT, "fontSize": 14, "fontWeight": "bold", "color": _TEXT, "anchor": "start"},
            "axis": {
                "labelFont": FONT,
                "titleFont": FONT,
                "labelFontSize": 11,
                "titleFontSize": 12,
                "labelColor": _TEXT,
                "titleColor": _TEXT,
                "gridColor": _GRID,
                "domainColor": "#888888",
                "tickColor": "#888888",
                "labelLimit": 260,
            },
            "axisXDiscrete": {"labelAngle": 0},
            "legend": {
                "labelFont": FONT,
                "titleFont": FONT,
                "labelFontSize": 11,
                "titleFontSize": 12,
                "labelLimit": 260,
                "orient": "bottom",
            },
            "header": {"labelFont": FONT, "titleFont": FONT},
            "text": {"font": FONT, "fontSize": 11, "color": _TEXT},
            "mark": {"font": FONT, "tooltip": True},
            "range": {"category": list(PALETTE)},
            "bar": {"color": PALETTE[0]},
            "line": {"color": PALETTE[0], "strokeWidth": 2},
            "point": {"color": PALETTE[0], "filled": True},
        }
    }


def enable_theme() -> None:
    """Register the ``"lkip"`` theme with Altair and enable it (idempotent)."""
    import altair as alt

    theme_api = getattr(alt, "theme", None)
    if theme_api is not None and hasattr(theme_api, "register"):
        if theme_api.active != "lkip":
            theme_api.register("lkip", enable=True)(lkip_theme)
        return
    alt.themes.register("lkip", lkip_theme)  # Altair < 5.5
    alt.themes.enable("lkip")


def skala_predikat(kolom_berisi_kode: bool = False) -> alt.Scale:
    """Return an ``alt.Scale`` mapping predikat labels (or SAKIP codes) to house colours."""
    import altair as alt

    if kolom_berisi_kode:
        domain = ["AA", "A", "BB", "B", "CC", "C", "D"]
    else:
        domain = ["Sangat Memuaskan", "Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"]
    return alt.Scale(domain=domain, range=[WARNA_PREDIKAT[d] for d in domain])


def vegalite_mimetype(spec: Mapping[str, Any] | None = None) -> str:
    """Return ``application/vnd.vegalite.vN+json`` for the Vega-Lite major version in use."""
    import altair as alt

    schema = str((spec or {}).get("$schema", "")) or alt.SCHEMA_URL
    major = schema.rsplit("/v", 1)[-1].split(".", 1)[0] if "/v" in schema else "5"
    return f"application/vnd.vegalite.v{major}+json"


def _vl_version(spec: Mapping[str, Any]) -> str | None:
    """``.../vega-lite/v6.4.1.json`` -> ``"6.4"`` when vl-convert knows that version."""
    import vl_convert as vlc

    schema = str(spec.get("$schema", ""))
    if "/v" not in schema:
        return None
    parts = schema.rsplit("/v", 1)[-1].removesuffix(".json").split(".")
    wanted = ".".join(parts[:2])
    return wanted if wanted in vlc.get_vegalite_versions() else None


@functools.cache
def _register_fonts() -> None:
    import vl_convert as vlc

    for folder in _FONT_DIRS:
        if Path(folder).is_dir():
            vlc.register_font_directory(folder)


#: Set to ``1`` to check every chart against the Vega-Lite schema (the test suite does).
ENV_VALIDASI = "LKIP_VALIDASI_GRAFIK"


def chart_spec(chart: alt.TopLevelMixin | Mapping[str, Any]) -> dict[str, Any]:
    """Return the Vega-Lite spec of an Altair chart (or a spec dict) with the house theme.

    The schema check (jsonschema, about a tenth of a chapter's time) runs only when
    ``LKIP_VALIDASI_GRAFIK=1``: the charts are built by this package, not by the
    planner, and the tests check every one of them; the spec is the same either way.
    """
    if isinstance(chart, Mapping):
        return dict(chart)
    enable_theme()
    return chart.to_dict(validate=os.environ.get(ENV_VALIDASI) == "1")


def spec_to_svg(spec: Mapping[str, Any]) -> str:
    """Render a Vega-Lite spec to SVG with vl-convert (offline, deterministic)."""
    import vl_convert as vlc

    _register_fonts()
    return vlc.vegalite_to_svg(
        dict(spec),
        vl_version=_vl_version(spec),
        format_locale=FORMAT_LOCALE,
        time_format_locale=TIME_FORMAT_LOCALE,
        allowed_base_urls=[],
    )


def spec_to_png(spec: Mapping[str, Any], scale: float = 3.0) -> bytes:
    """Render a Vega-Lite spec to PNG with vl-convert (``scale`` 3: about 288 dpi at the chart's size)."""
    import vl_convert as vlc

    _register_fonts()
    png: bytes = vlc.vegalite_to_png(
        dict(spec),
        vl_version=_vl_version(spec),
        scale=scale,
        format_locale=FORMAT_LOCALE,
        time_format_locale=TIME_FORMAT_LOCALE,
        allowed_base_urls=[],
    )
    return png


def svg_to_png(svg: str, scale: float = 3.0) -> bytes:
    """Rasterise a chart's SVG (:func:`spec_to_svg`) to PNG with vl-convert, with the same fonts."""
    import vl_convert as vlc

    _register_fonts()
    png: bytes = vlc.svg_to_png(svg, scale=scale)
    return png


@functools.cache
def vega_bundle() -> str:
    """Return the Vega + Vega-Lite + vega-embed JavaScript bundle (cached per process and on disk).

    The bundle defines ``window.vegaEmbed``; it declares top-level ``const``s, so a page
    must include it exactly once.  vl-convert builds it in about 1.3 s; the result is kept
    in :func:`lkip_helpers.paths.cache_dir` under vl-convert's version, so a new process
    reads it instead (a folder that cannot be written only means building it each time).
    """
    import vl_convert as vlc

    from ..paths import cache_dir

    cached = cache_dir() / f"vega-bundle-{getattr(vlc, '__version__', 'x')}.js"
    try:
        text = cached.read_text(encoding="utf-8")
    except OSError:
        text = ""
    if "vegaEmbed" in text:
        return text
    # The stub marks ``snippet`` as required; at run time it defaults to None (the default snippet).
    bundle: str = vlc.javascript_bundle()  # type: ignore[call-arg]
    text = bundle.replace("</script", "<\\/script")
    _write_quietly(cached, text)
    return text


def _write_quietly(path: Path, text: str) -> None:
    """Write ``path`` atomically (a temporary file renamed over it); give up silently on any OS error."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        Path(tmp).replace(path)
    except OSError:
        return


def embed_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """Return the spec as given to ``vegaEmbed``: without ``$schema`` (no URL in the page)."""
    return {k: v for k, v in spec.items() if k != "$schema"}


def embed_options() -> dict[str, Any]:
    """Return the ``vegaEmbed`` options of every chart in the HTML report."""
    return {
        "renderer": "svg",
        "actions": False,
        "tooltip": True,
        "mode": "vega-lite",
        "formatLocale": FORMAT_LOCALE,
        "timeFormatLocale": TIME_FORMAT_LOCALE,
    }


def chart_bundle(
    chart: alt.TopLevelMixin | Mapping[str, Any], chart_id: str, figure_html: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return ``(data, metadata)`` of the display bundle of one chart.

    ``figure_html`` is the figure markup with the placeholder ``{chart}`` where the chart
    container goes.  The container ``<div class="lkip-chart" id=chart_id>`` holds the
    static SVG as an ``<img>``; the stitcher's ``vegaEmbed('#chart_id', ...)`` call draws
    the interactive chart into it and removes the image.
    """
    spec = chart_spec(chart)
    svg = spec_to_svg(spec)
    b64 = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    container = (
        f'<div class="lkip-chart" id="{chart_id}">'
        f'<img class="lkip-chart-statis" alt="" src="data:image/svg+xml;base64,{b64}">'
        "</div>"
    )
    mimetype = vegalite_mimetype(spec)
    data = {
        mimetype: spec,
        "image/svg+xml": svg,
        "text/html": figure_html.replace("{chart}", container),
    }
    metadata = {"lkip": {"chart_id": chart_id, "vegalite": mimetype}}
    return data, metadata


def spec_json_for_script(spec: Mapping[str, Any]) -> str:
    """Serialise a spec for an inline ``<script>`` (sorted keys, no ``</`` sequences)."""
    text = json.dumps(embed_spec(spec), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")
