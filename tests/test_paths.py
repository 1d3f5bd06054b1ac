"""Where things live: the built-in files, the workspace, the chapter manifest, the slug rule."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
import yaml

from lkip_helpers import paths
from lkip_helpers.batch.params import BatchParams
from lkip_helpers.batch.runner import plan
from lkip_helpers.errors import SettingsError
from lkip_helpers.rules.settings import load_settings, settings_files

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for name in (paths.ENV_RUANG_KERJA, paths.ENV_BAB, "LKIP_OUTPUTS", paths.ENV_CACHE):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_in_the_checkout_the_built_in_files_are_the_repository_folders() -> None:
    assert paths.bawaan() == ROOT
    assert paths.chapters_dir() == ROOT / "notebooks"
    assert paths.default_settings_file() == ROOT / "params" / "default.yaml"
    assert (paths.contoh_dataset() / "instansi.yaml").is_file()


def test_the_workspace_is_found_from_any_folder_inside_it(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    work = tmp_path / "kerja"
    (work / "data" / "2023").mkdir(parents=True)
    (work / "params").mkdir()
    clean_env.chdir(work / "data" / "2023")
    assert paths.workspace_root() == work
    assert paths.outputs_dir() == work / "outputs"
    assert paths.report_dir(2023, "Gunung Sari") == work / "outputs" / "2023" / "gunung-sari"
    clean_env.chdir(tmp_path)  # no workspace above: the working folder itself
    assert paths.workspace_root() == tmp_path
    clean_env.setenv(paths.ENV_RUANG_KERJA, str(work))
    assert paths.data_dir() == work / "data"


def test_the_cache_is_in_the_workspace_never_the_home_folder(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    work = tmp_path / "kerja"
    clean_env.setenv(paths.ENV_RUANG_KERJA, str(work))
    clean_env.setenv("HOME", str(tmp_path / "rumah"))
    assert paths.cache_dir() == work / ".lkip-cache"
    clean_env.setenv(paths.ENV_CACHE, str(tmp_path / "cache"))
    assert paths.cache_dir() == tmp_path / "cache"


def test_the_chapters_are_the_manifest_never_a_glob(tmp_path: Path) -> None:
    """A JupyterLab copy or a planner's own notebook next to the chapters is not a chapter."""
    folder = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", folder)
    shutil.copy(folder / "03_akuntabilitas.ipynb", folder / "03_akuntabilitas-Copy1.ipynb")
    (folder / "03_akuntabilitas-Copy1.ipynb").write_text("{ rusak", encoding="utf-8")
    (folder / "99_eksplorasi.ipynb").write_text("{}", encoding="utf-8")
    names = [p.name for p in paths.chapter_notebooks(folder)]
    assert names == [p.name for p in paths.chapter_notebooks(ROOT / "notebooks")]
    assert names == [f"{n}.ipynb" for n in yaml.safe_load((ROOT / "notebooks" / "bab.yaml").read_text())["bab"]]
    assert "03_akuntabilitas-Copy1.ipynb" not in names
    params = BatchParams(kabupaten="Jember", tahun=2023, kecamatan=("Umbulsari",), data=ROOT / "data" / "2023",
                         keluaran=tmp_path / "keluaran")
    jobs, _ = plan(params, paths.chapter_notebooks(folder))
    assert [Path(p).name for p in jobs[0].notebooks] == names


def test_every_notebook_of_the_repository_is_declared(tmp_path: Path) -> None:
    declared = paths.manifest(ROOT / "notebooks")
    assert declared.ikhtisar == ROOT / "notebooks" / "kabupaten_ikhtisar.ipynb"
    on_disk = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    assert on_disk == {p.name for p in declared.bab} | {declared.ikhtisar.name}


def test_the_wheel_carries_exactly_the_declared_notebooks() -> None:
    force = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"][
        "targets"]["wheel"]["force-include"]
    shipped = {Path(k).name for k in force if k.startswith("notebooks/")}
    declared = paths.manifest(ROOT / "notebooks")
    assert shipped == {p.name for p in declared.bab} | {declared.ikhtisar.name, "bab.yaml"}  # type: ignore[union-attr]
    for source, target in force.items():
        assert (ROOT / source).exists(), source
        assert target == f"lkip_helpers/_bawaan/{source}"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (None, "tidak dapat dibaca"),
        ("bab: [", "bukan YAML"),
        ("bab: []", "kunci 'bab' harus daftar"),
        ("judul: x", "kunci 'bab' harus daftar"),
        ("bab: [01_tidak_ada]", "tidak ada di"),
    ],
)
def test_a_bad_manifest_says_what_is_wrong(tmp_path: Path, text: str | None, fragment: str) -> None:
    if text is not None:
        (tmp_path / "bab.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=fragment):
        paths.manifest(tmp_path)


def test_a_workspace_default_yaml_is_laid_over_the_built_in_one(tmp_path: Path, clean_env: pytest.MonkeyPatch) -> None:
    (tmp_path / "params").mkdir()
    (tmp_path / "params" / "default.yaml").write_text("efisiensi:\n  ambang: 9\n", encoding="utf-8")
    (tmp_path / "params" / "lain.yaml").write_text("capaian:\n  batas_atas: tanpa\n", encoding="utf-8")
    clean_env.setenv(paths.ENV_RUANG_KERJA, str(tmp_path))
    clean_env.chdir(tmp_path)
    assert settings_files("lain.yaml") == [
        ROOT / "params" / "default.yaml", tmp_path / "params" / "default.yaml", tmp_path / "params" / "lain.yaml"]
    settings = load_settings("lain.yaml")
    assert settings.efisiensi.ambang == 9
    assert settings.capaian.batas_atas is None
    assert settings.efisiensi.metode == "seed"  # what neither file says comes from the built-in defaults


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Umbulsari", "umbulsari"), ("Gunung Sari", "gunung-sari"), ("gunung_sari", "gunung-sari"),
     ("  Sumber  Baru ", "sumber-baru"), ("Kaliwates (Kota)", "kaliwates-kota"), ("Tégal Besar", "tegal-besar")],
)
def test_one_slug_rule(name: str, expected: str) -> None:
    assert paths.slug(name) == expected
