"""Files named by a data set stay inside it: no absolute path, no '..', no link out, only real images."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

from lkip_helpers import Laporan, periksa
from lkip_helpers.present import tables

UMBULSARI = Path(__file__).resolve().parents[2] / "data" / "2023" / "umbulsari"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _data_set_with_photos(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "2023" / "umbulsari"
    shutil.copytree(UMBULSARI, folder)
    (folder / "foto").mkdir()
    (folder / "foto" / "rapat.png").write_bytes(PNG)
    (folder / "foto" / "bukan-gambar.jpg").write_text("ini teks", encoding="utf-8")
    outside = tmp_path / "rahasia.png"
    outside.write_bytes(PNG)
    (folder / "foto" / "tautan.png").symlink_to(outside)
    lines = ["kode_sub_kegiatan,berkas,keterangan,urutan"]
    lines += [f"P1.K1.S1,{name},Foto {n},{n}" for n, name in enumerate(names, 1)]
    (folder / "foto.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_every_unsafe_photo_is_a_galat_naming_its_row(tmp_path: Path) -> None:
    names = ["rapat.png", "/etc/passwd", "../../../etc/passwd", "tautan.png", "bukan-gambar.jpg", "hilang.jpg",
             "C:\\Windows\\win.ini"]
    hasil = periksa(_data_set_with_photos(tmp_path, names))
    bad = {p.location.row: p.message for p in hasil.temuan if p.code == "berkas.foto" and p.location}
    assert sorted(bad) == [3, 4, 5, 6, 7, 8]  # every row but the real image (row 2)
    assert "jalur mutlak" in bad[3]
    assert "'..'" in bad[4]
    assert "di luar folder foto/" in bad[5]
    assert "bukan gambar" in bad[6]
    assert "tidak ditemukan" in bad[7]
    assert "jalur mutlak" in bad[8]


def test_the_report_embeds_only_the_photo_inside_the_data_set(tmp_path: Path) -> None:
    hasil = periksa(_data_set_with_photos(tmp_path, ["rapat.png", "/etc/passwd", "tautan.png"]))
    assert hasil.ds is not None
    lap = Laporan.dari_pemeriksaan(hasil)
    shown = [t.html for t in tables.foto_kegiatan(lap)]
    images = [h for h in shown if "<img" in h]
    assert len(images) == 1  # rapat.png only; the others show the draft's note
    assert sum("foto belum dilampirkan" in h for h in shown) == 2


def test_an_optional_logo_is_checked_and_re_encoded(tmp_path: Path) -> None:
    from lkip_helpers.checks.berkas import logo_aman
    from lkip_helpers.present.display import logo_data_uri

    folder = tmp_path / "2023" / "umbulsari"
    shutil.copytree(UMBULSARI, folder)
    hasil = periksa(folder)
    assert hasil.ds is not None
    assert logo_aman(hasil.ds) == (None, None)  # no logo: nothing to say
    (folder / "logo.png").write_bytes(PNG)
    hasil = periksa(folder)
    assert hasil.ds is not None
    path, why = logo_aman(hasil.ds)
    assert why is None
    assert path == (folder / "logo.png").resolve()
    uri = logo_data_uri(path)
    assert uri.startswith("data:image/png;base64,")
    assert not [p for p in hasil.temuan if p.code == "berkas.logo"]
    (folder / "logo.png").write_text("<script>bukan gambar</script>", encoding="utf-8")
    bad = [p for p in periksa(folder).temuan if p.code == "berkas.logo"]
    assert len(bad) == 1
    assert "bukan gambar" in bad[0].message
    (folder / "logo.png").unlink()
    (folder / "logo.png").symlink_to(tmp_path / "luar.png")
    (tmp_path / "luar.png").write_bytes(PNG)
    bad = [p for p in periksa(folder).temuan if p.code == "berkas.logo"]
    assert len(bad) == 1
    assert "luar folder" in bad[0].message


def test_the_cover_shows_the_logo(tmp_path: Path) -> None:
    import nbformat

    from lkip_helpers.render.stitch import ReportMeta, build_report

    nb = nbformat.v4.new_notebook()
    uri = "data:image/png;base64," + base64.b64encode(PNG).decode()
    page = build_report([nb], ReportMeta("Umbulsari", "Jember", 2023, logo=uri), ["00_a"]).html("layar")
    assert f'<img src="{uri}"' in page
    plain = build_report([nb], ReportMeta("Umbulsari", "Jember", 2023), ["00_a"]).html("layar")
    assert 'class="sampul-logo"' not in plain
