"""Parameter sets: the Jember file, selection, and messages for what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkip_helpers.batch import load_params
from lkip_helpers.batch.params import params_from_mapping
from lkip_helpers.errors import SettingsError

ROOT = Path(__file__).resolve().parents[2]  # the checkout: a workspace (data/, params/)

JEMBER = ROOT / "params" / "jember-2023.yaml"


def test_jember_names_all_31_kecamatan_with_data() -> None:
    params = load_params(JEMBER)
    assert params.kabupaten == "Jember"
    assert params.tahun == 2023
    assert len(params.kecamatan) == 31
    assert "Umbulsari" in params.kecamatan
    assert params.formats == ("html", "pdf")
    for name in params.kecamatan:
        assert (params.dataset(name) / "instansi.yaml").exists(), name
    assert params.out_dir("Umbulsari") == ROOT / "outputs" / "2023" / "umbulsari"


def test_select_matches_names_loosely_and_refuses_unknown() -> None:
    params = load_params(JEMBER)
    assert params.select(["ajung", "PUGER"]).kecamatan == ("Ajung", "Puger")
    with pytest.raises(SettingsError, match="Atlantis"):
        params.select(["Atlantis"])


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ({"kabupaten": "X", "tahun": 2023}, "'kecamatan' wajib"),
        ({"kabupaten": "X", "tahun": "2023", "kecamatan": ["A"]}, "'tahun' harus bilangan bulat"),
        ({"kabupaten": "X", "tahun": 2023, "kecamatan": ["A"], "format": "odt"}, "format harus"),
        ({"kabupaten": "X", "tahun": 2023, "kecamatan": ["A"], "referensi_docx": "tidak-ada.docx"}, "referensi_docx"),
        ({"kabupaten": "X", "tahun": 2023, "kecamatan": ["A"], "referensi_docx": "gaya.dotx"}, "harus berkas .docx"),
        ({"kabupaten": "X", "tahun": 2023, "kecamatan": ["A", "a"]}, "kecamatan ganda"),
        ({"kabupaten": "X", "tahun": 2023, "kecamatan": ["A"], "warna": 1}, "'warna' tidak dikenal"),
        ({"kabupaten": "X", "tahun": 2023, "kecamatan": ["A"], "batas_waktu_bab": 0}, "batas_waktu_bab"),
    ],
)
def test_problems_are_named(raw: dict, fragment: str) -> None:
    with pytest.raises(SettingsError, match=fragment):
        params_from_mapping(raw, Path("/tmp"))


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="tidak dapat dibaca"):
        load_params(tmp_path / "tidak-ada.yaml")


def test_the_word_edition_and_its_reference_document(tmp_path: Path) -> None:
    from lkip_helpers.render.word import REFERENSI

    raw = {"kabupaten": "X", "tahun": 2023, "kecamatan": ["A"], "format": "html,pdf,docx", "referensi_docx": "r.docx"}
    (tmp_path / "r.docx").write_bytes(REFERENSI.read_bytes())
    params = params_from_mapping(raw, tmp_path)
    assert params.formats == ("html", "pdf", "docx")
    assert params.referensi_docx == tmp_path / "r.docx"
    (tmp_path / "rusak.docx").write_text("bukan zip", encoding="utf-8")
    with pytest.raises(SettingsError, match="bukan berkas Word"):
        params.with_referensi(tmp_path / "rusak.docx")


def test_format_override() -> None:
    params = load_params(JEMBER).with_formats(["html"])
    assert params.formats == ("html",)
    with pytest.raises(SettingsError):
        load_params(JEMBER).with_formats(["html,epub"])
