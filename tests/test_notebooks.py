"""Chapter notebooks: thin, parameterised, committed clean; and they run top to bottom."""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path

import nbformat
import papermill
import pytest

from lkip_helpers.present import KATALOG

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CHAPTERS = [
    "00_pengantar_ikhtisar",
    "01_pendahuluan",
    "02_perencanaan",
    "03_akuntabilitas",
    "04_penutup",
    "05_lampiran",
]
DATA = ROOT / "data" / "2023"


def read(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)


def code_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if c.cell_type == "code"]


def test_chapters_in_reading_order() -> None:
    found = sorted(p.stem for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    assert found == CHAPTERS


# --------------------------------------------------------------------------- structure
@pytest.mark.parametrize("name", CHAPTERS)
def test_first_cell_is_the_parameters_cell(name: str) -> None:
    nb = read(name)
    first = nb.cells[0]
    assert first.cell_type == "code"
    assert "parameters" in first.metadata.get("tags", [])
    lines = first.source.splitlines()
    assert lines[0].startswith('kecamatan: str = "Umbulsari"  # ')
    assert lines[1].startswith("tahun: int = 2023  # tahun laporan")
    # the default data set is a path (relative to notebooks/, where JupyterLab runs it), never a name lookup
    assert lines[2].startswith('data: str = "../data/2023/umbulsari"  # ')
    assert sum("parameters" in c.metadata.get("tags", []) for c in nb.cells) == 1


@pytest.mark.parametrize("name", CHAPTERS)
def test_parameters_are_papermill_typed(name: str) -> None:
    declared = papermill.inspect_notebook(str(NOTEBOOKS / f"{name}.ipynb"))
    types = {k: v["inferred_type_name"] for k, v in declared.items()}
    assert types == {"kecamatan": "str", "tahun": "int", "data": "str", "pengaturan": "str", "final": "bool"}
    assert declared["tahun"]["help"].startswith("tahun laporan")


@pytest.mark.parametrize("name", CHAPTERS)
def test_second_cell_loads_and_shows_the_demo_banner(name: str) -> None:
    src = code_cells(read(name))[1].source
    # the chapter opens exactly the data set it is given, and refuses another kecamatan's or year's
    assert "lap = buka(data, pengaturan, kecamatan=kecamatan, tahun=tahun, final=final)" in src
    assert "banner_contoh() if lap.is_contoh" in src


@pytest.mark.parametrize("name", CHAPTERS)
def test_no_lookup_by_name_no_environment_no_typed_figure_numbers(name: str) -> None:
    """What is rendered is decided by the parameters alone; numbers come from the catalogue."""
    for cell in code_cells(read(name)):
        assert "load_dataset" not in cell.source
        assert "os.environ" not in cell.source
        assert "LKIP_" not in cell.source
        assert not re.search(r"(Tabel|Gambar) [0-9L]", cell.source), cell.source


@pytest.mark.parametrize("name", CHAPTERS)
def test_no_function_or_class_definitions(name: str) -> None:
    for cell in code_cells(read(name)):
        tree = ast.parse(cell.source)
        defs = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda)
        ]
        assert not defs, f"{name}: a cell defines {type(defs[0]).__name__}; move it into the package"


@pytest.mark.parametrize("name", CHAPTERS)
def test_committed_without_outputs(name: str) -> None:
    nb = read(name)
    nbformat.validate(nb)
    for cell in code_cells(nb):
        assert cell.outputs == []
        assert cell.execution_count is None
    ids = [c.get("id") for c in nb.cells]
    assert len(ids) == len(set(ids))


def test_no_markdown_headings_outside_display_calls() -> None:
    """Headings come from display.bab/subbab: a markdown '#' cell would enter the Daftar Isi."""
    for name in CHAPTERS:
        assert all(c.cell_type == "code" for c in read(name).cells), name


def test_every_table_key_used_exists_and_every_table_is_shown() -> None:
    used = set()
    for name in CHAPTERS:
        for cell in code_cells(read(name)):
            used |= set(re.findall(r'tampil\(lap, "([a-z_]+)"\)', cell.source))
    assert used <= set(KATALOG), used - set(KATALOG)
    assert used == set(KATALOG)


def test_parameters_accepted_by_the_renderer() -> None:
    from lkip_helpers.render.execute import validate_parameters

    for name in CHAPTERS:
        validate_parameters(
            NOTEBOOKS / f"{name}.ipynb",
            {"kecamatan": "Ajung", "tahun": 2023, "data": "/x", "pengaturan": "/y", "final": True},
        )


# --------------------------------------------------------------------------- execution
def _html(nb: nbformat.NotebookNode) -> str:
    out = []
    for cell in code_cells(nb):
        for o in cell.get("outputs", []):
            assert o.get("output_type") != "error", f"{o.get('ename')}: {o.get('evalue')}"
            out.append(str(o.get("data", {}).get("text/html", "")))
    return "\n".join(out)


EXPECT = {
    "00_pengantar_ikhtisar": [
        "KATA PENGANTAR",
        "lkip-tempat-daftar-isi",
        "IKHTISAR EKSEKUTIF",
        "RONNY ARJUNANTO",
    ],
    "01_pendahuluan": ["Tabel 1.1", "Tabel 1.5", "Gambar 1.1", "lkip-org"],
    "02_perencanaan": ["Tabel 2.1", "Tabel 2.3", "Gambar 2.1", "Sebelum Perubahan"],
    "03_akuntabilitas": ["Tabel 3.1", "95,50%", "Tabel 3.8", "4.231.208.525", "3.437.517.304", "81,24"],
    "04_penutup": ["BAB IV PENUTUP", "KESIMPULAN"],
    "05_lampiran": ["Tabel L1", "KEPUTUSAN", "Tidak ada penghargaan pada tahun 2023", "Tabel L6.2"],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", CHAPTERS)
def test_runs_top_to_bottom_with_default_parameters(name: str) -> None:
    """nbclient, no papermill injection: the notebook as a planner opens it in JupyterLab."""
    from nbclient import NotebookClient

    from lkip_helpers.render.execute import ThisPythonKernelManager

    nb = copy.deepcopy(read(name))
    km = ThisPythonKernelManager(
        kernel_name="python3", transport="tcp"
    )  # tcp: the kernel's cwd is notebooks/
    NotebookClient(nb, km=km, timeout=600, resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    html_text = _html(nb)
    for marker in EXPECT[name]:
        assert marker in html_text, marker
    assert "DATA CONTOH" not in html_text


def _synthetic() -> list[str]:
    if not DATA.exists():
        return []
    names = sorted(p.name for p in DATA.iterdir() if p.is_dir() and p.name != "umbulsari")
    return names[:1]


@pytest.mark.slow
@pytest.mark.parametrize("kecamatan", _synthetic())
@pytest.mark.parametrize("name", CHAPTERS)
def test_runs_with_papermill_on_a_synthetic_kecamatan(name: str, kecamatan: str, tmp_path: Path) -> None:
    from lkip_helpers.data import load
    from lkip_helpers.render.execute import execute_chapter

    ds = load(DATA / kecamatan)
    # cwd=tmp_path: the renderer's kernels talk over IPC socket files in their cwd; parallel
    # workers sharing notebooks/ as cwd would connect to each other's kernels.
    nb = execute_chapter(
        NOTEBOOKS / f"{name}.ipynb",
        tmp_path / f"{name}.ipynb",
        {"kecamatan": ds.kecamatan, "tahun": ds.tahun, "data": str(DATA / kecamatan)},
        cwd=tmp_path,
    )
    html_text = _html(nb)
    assert "DATA CONTOH" in html_text  # the banner of synthetic data
    assert f"Kecamatan {ds.kecamatan}" in html_text or name == "04_penutup"
