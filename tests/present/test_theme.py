"""House theme and the offline chart pieces."""

from __future__ import annotations

from pathlib import Path

import altair as alt
import pytest

from lkip_helpers import paths
from lkip_helpers.present import theme as ct


def test_theme_is_registered_and_enabled() -> None:
    ct.enable_theme()
    assert alt.theme.active == "lkip"
    spec = alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().encode(x="a:Q").to_dict()
    assert spec["config"]["font"] == ct.FONT


def _fonts(obj: object):
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in {"font", "labelFont", "titleFont"}:
                yield value
            else:
                yield from _fonts(value)


def test_every_text_setting_names_the_house_font() -> None:
    fonts = list(_fonts(ct.lkip_theme()))
    assert len(fonts) >= 8
    assert set(fonts) == {ct.FONT}


def test_predikat_scale_covers_the_sakip_labels() -> None:
    scale = ct.skala_predikat().to_dict()
    assert scale["domain"][0] == "Sangat Memuaskan"
    assert len(scale["range"]) == 7
    assert ct.skala_predikat(kolom_berisi_kode=True).to_dict()["domain"][-1] == "D"


def test_spec_json_cannot_close_the_script_tag() -> None:
    text = ct.spec_json_for_script({"$schema": "https://x", "title": "</script><script>alert(1)</script>"})
    assert "</script" not in text
    assert "https://" not in text


def test_vegalite_mimetype_follows_the_spec() -> None:
    assert ct.vegalite_mimetype({"$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json"}) == (
        "application/vnd.vegalite.v5+json"
    )


@pytest.mark.slow
def test_vega_bundle_defines_vega_embed_and_is_cached() -> None:
    bundle = ct.vega_bundle()
    assert "window.vegaEmbed" in bundle
    assert "</script" not in bundle
    assert ct.vega_bundle() is bundle


@pytest.mark.slow
def test_vega_bundle_is_kept_in_the_cache_folder_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.ENV_CACHE, str(tmp_path / "cache"))
    built = ct.vega_bundle.__wrapped__()
    kept = list((tmp_path / "cache").glob("vega-bundle-*.js"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == built
    kept[0].write_text("// window.vegaEmbed from the cache", encoding="utf-8")
    assert ct.vega_bundle.__wrapped__() == "// window.vegaEmbed from the cache"  # read, not built again
    kept[0].write_text("rusak", encoding="utf-8")
    assert ct.vega_bundle.__wrapped__() == built  # a broken copy is built again
