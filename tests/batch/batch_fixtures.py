"""Small chapter notebooks and data sets for the batch tests (all in tmp_path)."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
import yaml

from lkip_helpers.batch import BatchParams

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "2023"

PARAMS_CELL = (
    'kecamatan: str = "Umbulsari"  # nama kecamatan\ntahun: int = 2023  # tahun laporan\n'
    'data: str = ""  # data set\npengaturan: str = ""  # berkas pengaturan\nfinal: bool = False  # edisi\n'
)

#: Two chapters that read the data set like real chapters; the second one misbehaves on
#: request: ``catatan`` in instansi.yaml containing MELEDAK raises, MATI kills the
#: kernel, LAMBAT sleeps past any sensible time limit.
CHAPTERS: dict[str, list[str]] = {
    "01_capaian": [
        "import altair as alt\nfrom lkip_helpers import buka\nfrom lkip_helpers.present import display as d",
        "lap = buka(data, pengaturan, kecamatan=kecamatan, tahun=tahun)",
        'd.bab(f"BAB I CAPAIAN KECAMATAN {kecamatan.upper()}")',
        "tabel, rata = lap.pengukuran_kinerja, lap.rata_rata",
        'd.tabel(tabel[["no", "indikator", "capaian"]], nomor="Tabel 1.1", judul="Capaian indikator")',
        'd.gambar(alt.Chart(tabel).mark_bar().encode(x="indikator:N", y="capaian:Q"), nomor="Gambar 1.1",'
        ' judul="Capaian")',
        'print(f"rata-rata {rata.nilai:.2f}")',
    ],
    "02_uji": [
        "import os\nimport time\nfrom lkip_helpers import buka\nfrom lkip_helpers.present import display as d",
        'catatan = str(buka(data, pengaturan).ds.instansi.get("catatan") or "")',
        'd.bab("BAB II PENUTUP")',
        'if "MELEDAK" in catatan:\n    raise RuntimeError("bab ini sengaja gagal")',
        'if "MATI" in catatan:\n    os.kill(os.getpid(), 9)',
        'if "LAMBAT" in catatan:\n    time.sleep(120)',
        'd.paragraf(f"Kecamatan {kecamatan} selesai.")',
    ],
}


def write_notebook(path: Path, cells: list[str]) -> Path:
    """A notebook with a tagged parameters cell followed by ``cells``, no outputs."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(PARAMS_CELL, metadata={"tags": ["parameters"]})
    nb.cells = [params, *(nbformat.v4.new_code_cell(src) for src in cells)]
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"c{index}"
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def make_project(root: Path) -> Path:
    """A workspace for LKIP_ROOT (data/, params/ with the default settings) whose ``notebooks/``
    holds the fixture chapters and the overview notebook with their manifest (for LKIP_BAB)."""
    write_chapters(root / "notebooks", overview=True)
    (root / "params").mkdir(parents=True)
    (root / "data").mkdir(parents=True)
    shutil.copy(ROOT / "params" / "default.yaml", root / "params")
    return root


def use_project(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make ``root`` (from :func:`make_project`) the workspace and its notebooks the chapters."""
    monkeypatch.setenv("LKIP_ROOT", str(root))
    monkeypatch.setenv("LKIP_BAB", str(root / "notebooks"))
    monkeypatch.delenv("LKIP_DATA", raising=False)
    monkeypatch.delenv("LKIP_OUTPUTS", raising=False)
    return root


def write_chapters(folder: Path, overview: bool = False) -> list[Path]:
    """The fixture chapters in ``folder`` with their manifest ``bab.yaml`` (and the overview notebook)."""
    written = [write_notebook(folder / f"{name}.ipynb", cells) for name, cells in CHAPTERS.items()]
    manifest: dict[str, object] = {"bab": list(CHAPTERS)}
    if overview:
        shutil.copy(ROOT / "notebooks" / "kabupaten_ikhtisar.ipynb", folder)
        manifest["ikhtisar_kabupaten"] = "kabupaten_ikhtisar"
    (folder / "bab.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    return written


def copy_dataset(name: str, data_root: Path) -> Path:
    """Copy ``data/2023/<name>`` to ``data_root/2023/<name>``."""
    target = data_root / "2023" / name
    shutil.copytree(DATA / name, target)
    return target


def set_catatan(folder: Path, text: str) -> None:
    """Replace the ``catatan`` of a data set's instansi.yaml (the chapters react to it)."""
    path = folder / "instansi.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["catatan"] = text
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def break_data(folder: Path) -> None:
    """Make a data set unloadable: a Rupiah column gets text."""
    path = folder / "sub_kegiatan.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    col = header.index("pagu")
    row = lines[1].split(",")
    row[col] = "banyak sekali"
    lines[1] = ",".join(row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_params(root: Path, names: dict[str, str], formats: tuple[str, ...] = ("html",), **kw: object) -> BatchParams:
    """Copy the data sets ``{Name: folder}`` into ``root/data/2023`` and return a batch over them."""
    for folder in names.values():
        if not (root / "data" / "2023" / folder).exists():
            copy_dataset(folder, root / "data")
    return BatchParams(
        kabupaten="Jember",
        tahun=2023,
        kecamatan=tuple(names),
        data=root / "data" / "2023",
        keluaran=root / "outputs" / "2023",
        formats=formats,
        **kw,  # type: ignore[arg-type]
    )
