"""Text form: folder of CSV/YAML files (lkip_helpers.data.textform)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from lkip_helpers import data as lkio
from lkip_helpers.data import load, load_dataset, load_folder, write_folder
from lkip_helpers.data.model import LOKASI, DataSet
from lkip_helpers.data.schema import TABLES
from lkip_helpers.errors import DataError, Level, Location, Problem


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_io_exports_match_all() -> None:
    public = {n for n in dir(lkio) if not n.startswith("_") and callable(getattr(lkio, n))}
    assert set(lkio.__all__) == public - {"annotations"}


def test_round_trip_folder(dataset: DataSet, folder: Path) -> None:
    problems: list[Problem] = []
    loaded = load_folder(folder, problems)
    assert loaded.without_locations() == dataset.without_locations()
    assert problems == []
    assert loaded.origin == folder
    assert {s.path.name for s in loaded.sources} >= {"instansi.yaml", "target.csv"}


def test_write_is_deterministic(tmp_path: Path, folder: Path) -> None:
    again = write_folder(load(folder), tmp_path / "again")
    assert _hashes(again) == _hashes(folder)


def test_every_table_written_with_schema_header(folder: Path) -> None:
    for tbl in TABLES.values():
        path = folder / tbl.filename
        assert path.is_file(), tbl.filename
        if tbl.filename.endswith(".csv"):
            assert path.read_text(encoding="utf-8").splitlines()[0] == ",".join(tbl.column_names)


def test_canonical_machine_values(folder: Path) -> None:
    target = (folder / "target.csv").read_text(encoding="utf-8")
    assert "I1.1,renstra_awal,2023,1.2340,," in target  # never the ambiguous '1.234'
    assert "I1.1,pk_perubahan,2023,82.5,," in target
    assert "I2.1,pk_perubahan,2023,B,60," in target
    assert "I1.1,S1,IKM,indeks,positif,angka,ya," in (folder / "indikator.csv").read_text(encoding="utf-8")
    assert "4361208525" in (folder / "program.csv").read_text(encoding="utf-8")
    instansi = (folder / "instansi.yaml").read_text(encoding="utf-8")
    assert "tanggal_ttd: 2024-02-23\n" in instansi
    assert "kode_pos: '68166'\n" in instansi
    assert "catatan: |-\n  Data sintetis" in instansi
    narasi = (folder / "narasi.yaml").read_text(encoding="utf-8")
    assert narasi.startswith("- bagian: kesimpulan\n  urutan: 1\n  teks: |-\n")


def test_loading_never_modifies_input(folder: Path) -> None:
    before = _hashes(folder)
    load(folder)
    assert _hashes(folder) == before


def test_people_typed_values_are_accepted(folder: Path) -> None:
    (folder / "program.csv").write_text(
        "kode,nama,target,pagu,realisasi,urutan\n"
        'P1,Program Penunjang,100%,Rp 4.361.208.525,"Rp4.231.208.525,00",1\n',
        encoding="utf-8",
    )
    (folder / "mata_pencaharian.csv").write_text(
        'bidang,persen\nPertanian,"82,24 %"\nPerdagangan,17.76\n', encoding="utf-8"
    )
    ds = load(folder)
    program = ds.df("program").iloc[0]
    assert (program["pagu"], program["realisasi"], program["target"]) == (4361208525, 4231208525, 100.0)
    assert ds.df("mata_pencaharian")["persen"].tolist() == [82.24, 17.76]


def test_semicolon_csv_and_bom_and_case_insensitive_header(folder: Path) -> None:
    text = "\ufeffNo;Nama;Status\n1;Umbulsari;maju\n2;Gunungsari;SANGAT TERTINGGAL\n"
    (folder / "desa.csv").write_bytes(text.encode("utf-8"))
    ds = load(folder)
    assert ds.df("desa")["status"].tolist() == ["Maju", "Sangat Tertinggal"]


def test_blank_rows_are_skipped_and_rows_keep_user_numbers(folder: Path) -> None:
    (folder / "desa.csv").write_text(
        "no,nama,status\n1,Umbulsari,Maju\n,,\n3,Tegalwangi,Berkembang\n", encoding="utf-8"
    )
    frame = load(folder).df("desa")
    assert frame["nama"].tolist() == ["Umbulsari", "Tegalwangi"]
    assert frame[LOKASI].tolist() == [Location("desa.csv", None, 2), Location("desa.csv", None, 4)]


def test_optional_tables_may_be_absent(folder: Path) -> None:
    for name in ("pembanding", "foto", "penghargaan", "ikm_responden"):
        (folder / TABLES[name].filename).unlink()
    ds = load(folder)
    assert ds.df("pembanding").empty


def test_records_table_in_the_other_format(folder: Path) -> None:
    (folder / "narasi.yaml").unlink()
    (folder / "narasi.csv").write_text("bagian,urutan,teks\nkesimpulan,1,Baik.\n", encoding="utf-8")
    (folder / "instansi.yaml").rename(folder / "instansi.yml")
    ds = load(folder)
    assert ds.df("narasi")["teks"].tolist() == ["Baik."]
    assert ds.kecamatan == "Contoh"


def test_field_locations_point_at_yaml_lines(folder: Path) -> None:
    ds = load(folder)
    assert ds.location_of("instansi", "tahun") == Location("instansi.yaml", None, 4, "tahun")
    assert ds.get("instansi", "tanggal_ttd") == date(2024, 2, 23)
    narasi = ds.df("narasi")
    assert narasi[LOKASI].tolist()[1] == Location("narasi.yaml", None, 7)


def test_warnings_are_returned_not_raised(folder: Path) -> None:
    with (folder / "profil.yaml").open("a", encoding="utf-8") as fh:
        fh.write("jumlah_rt: 120\n")
    (folder / "catatan_lain.csv").write_text("a\n1\n", encoding="utf-8")
    problems: list[Problem] = []
    ds = load(folder, problems)
    assert ds.profil["penduduk_total"] == 79263
    codes = {(p.level, p.code) for p in problems}
    assert (Level.PERINGATAN, "isian.tidak_dikenal") in codes
    assert (Level.PERINGATAN, "tabel.tidak_dikenal") in codes


def test_write_copies_notes_and_photos(tmp_path: Path, folder: Path) -> None:
    (folder / "CATATAN.md").write_text("# Catatan\n", encoding="utf-8")
    (folder / "foto").mkdir()
    (folder / "foto" / "rapat.jpg").write_bytes(b"\xff\xd8jpeg")
    (folder / "foto.csv").write_text(
        "kode_sub_kegiatan,berkas,keterangan,urutan\nP1.K1.S1,rapat.jpg,Rapat koordinasi,1\n",
        encoding="utf-8",
    )
    out = write_folder(load(folder), tmp_path / "salinan")
    assert (out / "CATATAN.md").read_text(encoding="utf-8") == "# Catatan\n"
    assert (out / "foto" / "rapat.jpg").read_bytes() == b"\xff\xd8jpeg"


def test_load_dataset_uses_paths(tmp_path: Path, dataset: DataSet, monkeypatch: pytest.MonkeyPatch) -> None:
    write_folder(dataset, tmp_path / "2023" / "gunung-sari")
    ds = load_dataset(2023, "Gunung Sari", base=tmp_path)
    assert ds.without_locations() == dataset.without_locations()
    # no environment variable chooses the data: only a project root (LKIP_ROOT) does
    monkeypatch.setenv("LKIP_DATA", str(tmp_path))
    with pytest.raises(DataError):
        load_dataset(2023, "Gunung Sari")
    write_folder(dataset, tmp_path / "proyek" / "data" / "2023" / "gunung-sari")
    monkeypatch.setenv("LKIP_ROOT", str(tmp_path / "proyek"))
    assert load_dataset(2023, "Gunung Sari").kecamatan == "Contoh"


def test_yaml_text_fields_are_taken_as_typed(folder: Path) -> None:
    with (folder / "instansi.yaml").open("a", encoding="utf-8") as fh:
        fh.write("telepon: 0331123456\nalamat: null\nemail: yes\n")
    path = folder / "instansi.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("kode_wilayah: 35.09.10", "kode_wilayah: 35.09"),
        encoding="utf-8",
    )
    ds = load(folder)
    assert ds.get("instansi", "telepon") == "0331123456"  # not the octal number YAML would read
    assert ds.get("instansi", "kode_wilayah") == "35.09"  # not the float 35.09
    assert ds.get("instansi", "email") == "yes"  # not True
    assert ds.get("instansi", "alamat") is None
    assert ds.get("instansi", "tahun") == 2023
