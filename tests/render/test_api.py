"""The public names of the render package."""

from __future__ import annotations

import inspect

import lkip_helpers.render as render


def test_all_lists_exactly_the_public_exports() -> None:
    public = {
        name
        for name in dir(render)
        if not name.startswith("_") and not inspect.ismodule(getattr(render, name))
    }
    public.discard("annotations")
    assert set(render.__all__) == public


def test_render_report_signature_used_by_jobs() -> None:
    params = inspect.signature(render.render_report).parameters
    assert list(params)[:6] == ["notebooks", "parameters", "out_dir", "meta", "formats", "force"]
    assert {"data_files", "settings", "kernel_name", "timeout"} <= set(params)
