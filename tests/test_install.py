"""Install anywhere: the built wheel alone, in a fresh venv, renders from an empty folder.

The fresh venv gets the dependencies by a path entry to this checkout's ``.venv``
site-packages (no network, no second copy of pandas), and ``lkip`` itself only from the
wheel: the checkout is never on its ``sys.path``.  ``HOME`` and ``TMPDIR`` are empty
folders that must stay empty: nothing is written outside the workspace.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import nbformat
import pytest
from typer.testing import CliRunner

from lkip_helpers import paths
from lkip_helpers.cli import app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("roda")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (found,) = out.glob("lkip-*.whl")
    return found


def test_the_wheel_holds_the_chapters_settings_templates_and_the_example(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    base = "lkip_helpers/_bawaan/"
    for chapter in paths.chapter_notebooks(ROOT / "notebooks"):
        assert f"{base}notebooks/{chapter.name}" in names
    for name in ("notebooks/bab.yaml", "notebooks/kabupaten_ikhtisar.ipynb", "params/default.yaml",
                 "data/2023/umbulsari/instansi.yaml", "data/2023/umbulsari/realisasi.csv"):
        assert base + name in names, name
    assert "lkip_helpers/templates/referensi.docx" in names
    assert "lkip_helpers/py.typed" in names
    assert not [n for n in names if "__pycache__" in n or n.startswith(("tests/", "outputs/", ".venv"))]
    assert not [n for n in names if "Copy" in n or "checkpoint" in n]


@pytest.mark.slow
def test_init_contoh_then_render_from_an_empty_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    (Path(purelib) / "_dependensi.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True, capture_output=True, text=True,
    )
    home, tmp, empty = tmp_path / "rumah", tmp_path / "sementara", tmp_path / "kosong"
    for folder in (home, tmp, empty):
        folder.mkdir()
    env = {
        "PATH": f"{venv / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(home), "TMPDIR": str(tmp),
        "LANG": "C.UTF-8",
        # nbconvert's templates live in the data folder of the venv the dependencies came from
        "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter"),
    }
    where = subprocess.run([str(python), "-c", "import lkip_helpers; print(lkip_helpers.__file__)"],
                           env=env, cwd=empty, check=True, capture_output=True, text=True).stdout
    assert where.startswith(purelib), where  # the wheel, not the checkout
    before = sorted(p.name for p in (ROOT / "outputs").glob("*")) if (ROOT / "outputs").exists() else []

    init = subprocess.run(["lkip", "init", "kerja", "--contoh"], env=env, cwd=empty, capture_output=True, text=True)
    assert init.returncode == 0, init.stdout + init.stderr
    work = empty / "kerja"
    assert (work / "params" / "default.yaml").read_bytes() == (ROOT / "params" / "default.yaml").read_bytes()
    assert (work / "data" / "2023" / "umbulsari" / "instansi.yaml").is_file()
    assert "lkip render" in (work / "LIESMI.md").read_text(encoding="utf-8")

    render = subprocess.run(["lkip", "render", "--kecamatan", "Umbulsari", "--tahun", "2023", "--jobs", "1"],
                            env=env, cwd=work, capture_output=True, text=True, timeout=600)
    assert render.returncode == 0, render.stdout + render.stderr
    report = work / "outputs" / "2023" / "umbulsari"
    assert (report / "laporan.pdf").stat().st_size > 100_000
    assert "Kecamatan Umbulsari" in (report / "laporan.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (report / "notebooks").glob("*.ipynb")) == [
        p.name for p in paths.chapter_notebooks(ROOT / "notebooks")]

    # nothing outside the workspace: not the home folder, not the temporary folder, not the checkout
    assert sorted(empty.iterdir()) == [work]
    assert list(home.rglob("*")) == []
    assert list(tmp.rglob("*")) == []
    after = sorted(p.name for p in (ROOT / "outputs").glob("*")) if (ROOT / "outputs").exists() else []
    assert after == before

    version = subprocess.run(["lkip", "--version"], env=env, cwd=work, capture_output=True, text=True)
    assert version.stdout.strip() == "lkip 0.1.0"


def test_init_completes_a_workspace_and_never_overwrites(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["init", str(tmp_path / "kerja")])
    assert first.exit_code == 0, first.output
    settings = tmp_path / "kerja" / "params" / "default.yaml"
    settings.write_text("efisiensi:\n  ambang: 9\n", encoding="utf-8")
    again = runner.invoke(app, ["init", str(tmp_path / "kerja"), "--contoh"])
    assert again.exit_code == 0, again.output
    assert settings.read_text(encoding="utf-8") == "efisiensi:\n  ambang: 9\n"
    assert (tmp_path / "kerja" / "data" / "2023" / "umbulsari" / "instansi.yaml").is_file()
    third = runner.invoke(app, ["init", str(tmp_path / "kerja"), "--contoh"])
    assert "sudah lengkap" in third.output
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    refused = runner.invoke(app, ["init", str(tmp_path / "berkas")])
    assert refused.exit_code == 1
    assert "bukan folder" in refused.output


def test_notebook_copies_have_the_data_set_as_their_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(tmp_path / "kerja"), "--contoh"]).exit_code == 0
    monkeypatch.chdir(tmp_path / "kerja")
    monkeypatch.delenv(paths.ENV_RUANG_KERJA, raising=False)
    result = runner.invoke(app, ["notebook", "data/2023/umbulsari"])
    assert result.exit_code == 0, result.output
    target = tmp_path / "kerja" / "notebooks" / "umbulsari-2023"
    copies = sorted(target.glob("*.ipynb"))
    assert [p.name for p in copies] == [p.name for p in paths.chapter_notebooks(ROOT / "notebooks")]
    for copy in copies:
        nb = nbformat.read(copy, as_version=4)
        nbformat.validate(nb)
        cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
        assert 'data: str = "../../data/2023/umbulsari"' in cell.source
        assert 'kecamatan: str = "Umbulsari"' in cell.source
        assert "tahun: int = 2023" in cell.source
        assert "# " in cell.source  # the comments stay
    refused = runner.invoke(app, ["notebook", "data/2023/umbulsari"])
    assert refused.exit_code == 1
    assert "--timpa" in refused.output
    assert runner.invoke(app, ["notebook", "data/2023/umbulsari", "--timpa"]).exit_code == 0
    assert json.loads(copies[0].read_text(encoding="utf-8"))["cells"]


def test_render_takes_data_and_keluaran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--data names one workbook or folder (its kecamatan and year read from it); --keluaran the output folder."""
    import lkip_helpers.batch as batch_pkg
    from lkip_helpers.batch import BatchResult

    seen: list[object] = []

    def fake(params: object, **kw: object) -> BatchResult:
        seen.append(params)
        return BatchResult(params, [], detik=0.0)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_pkg, "run_batch", fake)
    monkeypatch.chdir(tmp_path)
    source = paths.contoh_dataset()
    result = CliRunner().invoke(app, ["render", "--data", str(source), "--keluaran", "laporan"])
    assert result.exit_code == 0, result.output
    params = seen[-1]
    assert params.kecamatan == ("Umbulsari",)  # type: ignore[attr-defined]
    assert params.dataset("Umbulsari") == source  # type: ignore[attr-defined]
    assert params.out_dir("Umbulsari") == tmp_path / "laporan" / "umbulsari"  # type: ignore[attr-defined]
    both = CliRunner().invoke(app, ["render", "--data", str(source), "--params", str(ROOT / "params" / "jember-2023.yaml")])
    assert both.exit_code == 1
    assert "--data tidak dipakai bersama --params" in both.output
