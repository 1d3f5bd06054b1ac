"""Kernels forked from the zygote: executed notebooks byte-identical to a fresh kernel's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from batch_fixtures import CHAPTERS, copy_dataset, write_notebook

from lkip_helpers.batch.engine import register_engine
from lkip_helpers.batch.kernels import ForkKernelManager, current_zygote, manager_class
from lkip_helpers.errors import RenderError
from lkip_helpers.paths import chapter_notebooks
from lkip_helpers.render import execute_chapter

pytestmark = pytest.mark.slow

#: What could differ between a forked and a fresh kernel, if anything leaked: imports
#: done before (warnings at import, module state), the namespace, the execution count,
#: sys.argv and sys.path, the environment, the working folder, random seeds.
PROBES = [
    "import sys, os, warnings\nimport pandas as pd\nimport altair as alt\nfrom great_tables import GT\n"
    "from lkip_helpers.present import display as d",
    "sorted(k for k in globals() if not k.startswith('_'))",
    "print(sys.argv[1:2], sys.path[0] == '', os.getcwd() == os.path.realpath('.'))",
    "print(sorted(k for k in os.environ if k.startswith(('JPY_', 'LKIP_'))))",
    "with warnings.catch_warnings(record=True) as caught:\n    warnings.simplefilter('always')\n"
    "    warnings.warn('peringatan uji', UserWarning)\nprint([str(w.message) for w in caught])",
    "[m for m in ('lkip_helpers.batch', 'lkip_helpers.batch.kernels') if m in sys.modules]",
    "d.tabel(GT(pd.DataFrame({'a': [1, 2]})), nomor='Tabel 9.1', judul='Uji')",
    "d.gambar(alt.Chart(pd.DataFrame({'x': ['a', 'b'], 'y': [1, 2]})).mark_bar().encode(x='x', y='y'),"
    " nomor='Gambar 9.1', judul='Uji')",
    "x = 1\nx + 1",
    "In[1][:6], _ if '_' in globals() else None",
]


def _both(nb: Path, out: Path, parameters: dict) -> tuple[bytes, bytes]:
    fresh = execute_chapter(nb, out / "segar" / nb.name, parameters)
    forked = execute_chapter(
        nb, out / "fork" / nb.name, parameters, kernel_manager_class=ForkKernelManager, engine_name=register_engine()
    )
    assert fresh == forked
    return (out / "segar" / nb.name).read_bytes(), (out / "fork" / nb.name).read_bytes()


def test_probe_notebook_is_byte_identical(tmp_path: Path) -> None:
    nb = write_notebook(tmp_path / "nb" / "01_probe.ipynb", PROBES)
    fresh, forked = _both(nb, tmp_path / "hasil", {"kecamatan": "Umbulsari", "tahun": 2023})
    assert fresh == forked
    assert b'"execution_count": 11' in fresh  # counts run 1..11, nothing executed before


def test_fixture_chapters_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy_dataset("ajung", tmp_path / "data")
    for name, cells in CHAPTERS.items():
        nb = write_notebook(tmp_path / "nb" / f"{name}.ipynb", cells)
        fresh, forked = _both(nb, tmp_path / "hasil", {"kecamatan": "Ajung", "tahun": 2023, "data": str(data)})
        assert fresh == forked, name


def test_nothing_crosses_from_one_notebook_to_the_next(tmp_path: Path) -> None:
    first = write_notebook(tmp_path / "nb" / "01_a.ipynb", ["import lkip_helpers\nrahasia = 42\nlkip_helpers.TANDA = 1"])
    second = write_notebook(
        tmp_path / "nb" / "02_b.ipynb",
        ["import lkip_helpers\nprint('rahasia' in globals(), hasattr(lkip_helpers, 'TANDA'))"],
    )
    params = {"kecamatan": "Umbulsari", "tahun": 2023}
    execute_chapter(first, tmp_path / "o" / "a.ipynb", params, kernel_manager_class=ForkKernelManager)
    nb = execute_chapter(second, tmp_path / "o" / "b.ipynb", params, kernel_manager_class=ForkKernelManager)
    assert nb.cells[-1].outputs[0]["text"] == "False False\n"


def test_time_limit_kills_the_kernel(tmp_path: Path) -> None:
    nb = write_notebook(tmp_path / "nb" / "01_lambat.ipynb", ["import time\ntime.sleep(60)"])
    km = manager_class(time_limit=2)
    with pytest.raises(RenderError, match="Kernel died|Timeout|timed out"):
        execute_chapter(nb, tmp_path / "o.ipynb", {"kecamatan": "Umbulsari", "tahun": 2023}, kernel_manager_class=km)
    assert km.timed_out
    assert (tmp_path / "o.ipynb").exists()


def test_zygote_is_reused_and_kernels_are_its_children(tmp_path: Path) -> None:
    zygote = current_zygote()
    assert current_zygote() is zygote
    nb = write_notebook(tmp_path / "nb" / "01_pid.ipynb", ["import os\nprint(os.getppid())"])
    out = execute_chapter(nb, tmp_path / "o.ipynb", {"kecamatan": "Umbulsari", "tahun": 2023},
                          kernel_manager_class=ForkKernelManager)
    assert out.cells[-1].outputs[0]["text"].strip() == str(zygote.process.pid)
    assert zygote.process.pid != os.getpid()


def test_real_chapters_are_byte_identical(tmp_path: Path) -> None:
    assert len(chapter_notebooks()) == 6
    for nb in chapter_notebooks():
        fresh, forked = _both(nb, tmp_path / "hasil", {"kecamatan": "Umbulsari", "tahun": 2023})
        assert fresh == forked, nb.name
