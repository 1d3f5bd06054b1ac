"""Settings: defaults from params/default.yaml, overrides, refusals with Indonesian messages."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml

from lkip_helpers.errors import SettingsError
from lkip_helpers.rules.ikm import MUTU_IKM
from lkip_helpers.rules.predikat import SKALA_SAKIP
from lkip_helpers.rules.settings import (
    CapaianSettings,
    EfisiensiSettings,
    IkmSettings,
    Settings,
    default_settings_path,
    load_settings,
)

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_file_equals_dataclass_defaults() -> None:
    s = load_settings()
    assert s == Settings()
    assert s.sumber == ("params/default.yaml",)
    assert s.capaian == CapaianSettings("seed", 100.0, 0.0, "skor")
    assert s.efisiensi == EfisiensiSettings("seed", 5.0)
    assert s.ikm.bobot == 1 / 9
    assert s.ikm.bobot_teks == "1/9"
    assert s.ikm.mutu == MUTU_IKM
    assert s.skala == s.skala_huruf == SKALA_SAKIP


def test_default_path_comes_from_paths() -> None:
    assert default_settings_path() == ROOT / "params" / "default.yaml"


def test_lkip_root_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "params").mkdir()
    text = (ROOT / "params" / "default.yaml").read_text(encoding="utf-8").replace("ambang: 5", "ambang: 7")
    (tmp_path / "params" / "default.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("LKIP_ROOT", str(tmp_path))
    assert load_settings().efisiensi.ambang == 7


def test_as_dict_round_trip_and_plain() -> None:
    s = load_settings(overrides={"capaian": {"batas_atas": "tanpa"}, "ikm": {"bobot": 0.11}})
    d = s.as_dict()
    assert d["capaian"]["batas_atas"] == "tanpa"
    assert d["ikm"]["bobot"] == 0.11
    assert d["skala"]["predikat"][0] == {
        "kode": "AA",
        "label": "Sangat Memuaskan",
        "bawah": 90,
        "atas": 100,
        "bawah_inklusif": False,
        "atas_inklusif": True,
    }
    assert yaml.safe_load(yaml.safe_dump(d)) == d  # plain data only
    assert load_settings(overrides=d) == s
    assert Settings().as_dict()["ikm"]["bobot"] == "1/9"


def test_fingerprint_is_stable_and_sensitive() -> None:
    a, b = load_settings(), Settings()
    assert a.fingerprint() == b.fingerprint()
    assert len(a.fingerprint()) == 64
    assert int(a.fingerprint(), 16) >= 0
    changed = load_settings(overrides={"efisiensi": {"ambang": 4}})
    assert changed.fingerprint() != a.fingerprint()


def test_frozen() -> None:
    s = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.capaian = CapaianSettings()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.capaian.batas_atas = 110  # type: ignore[misc]


@pytest.mark.parametrize(
    ("overrides", "attr", "value"),
    [
        ({"capaian": {"batas_atas": 110}}, ("capaian", "batas_atas"), 110.0),
        ({"capaian": {"batas_atas": "tanpa"}}, ("capaian", "batas_atas"), None),
        ({"capaian": {"batas_atas": "Tanpa"}}, ("capaian", "batas_atas"), None),
        ({"capaian": {"batas_bawah": "tanpa"}}, ("capaian", "batas_bawah"), None),
        ({"capaian": {"metode_negatif": "rasio"}}, ("capaian", "metode_negatif"), "rasio"),
        ({"capaian": {"metode_huruf": "ordinal"}}, ("capaian", "metode_huruf"), "ordinal"),
        ({"efisiensi": {"metode": "selisih", "ambang": 2.5}}, ("efisiensi", "ambang"), 2.5),
        ({"ikm": {"bobot": "1/9"}}, ("ikm", "bobot"), 1 / 9),
        ({"ikm": {"bobot": 0.11}}, ("ikm", "bobot"), 0.11),
    ],
)
def test_accepted_values(overrides: dict, attr: tuple[str, str], value: object) -> None:
    s = load_settings(overrides=overrides)
    assert getattr(getattr(s, attr[0]), attr[1]) == value
    # the other keys keep their defaults
    assert s.skala == SKALA_SAKIP


def test_override_file_merges_over_defaults(tmp_path: Path) -> None:
    path = tmp_path / "jember.yaml"
    path.write_text("capaian:\n  batas_atas: 110\n", encoding="utf-8")
    s = load_settings(path)
    assert s.capaian.batas_atas == 110
    assert s.capaian.metode_negatif == "seed"
    assert s.sumber == ("params/default.yaml", str(path))
    assert load_settings(path, overrides={"capaian": {"batas_atas": 100}}).capaian.batas_atas == 100


def test_empty_override_file(tmp_path: Path) -> None:
    path = tmp_path / "kosong.yaml"
    path.write_text("# tidak ada perubahan\n", encoding="utf-8")
    assert load_settings(path) == Settings()


def test_alternative_scale_file_by_path_or_name() -> None:
    by_path = load_settings(ROOT / "params" / "skala_permendagri86.yaml")
    by_name = load_settings("skala_permendagri86.yaml")
    assert by_path == by_name
    assert by_path.skala.kodes == ("SR", "R", "S", "T", "ST")
    assert by_path.skala.nama == "Permendagri 86/2017"
    assert by_path.skala_huruf == SKALA_SAKIP


def test_scale_is_replaced_as_a_whole() -> None:
    s = load_settings(
        overrides={
            "skala": {
                "predikat": [
                    {"kode": "T", "label": "Tercapai", "bawah": 50, "atas": 100},
                    {"kode": "X", "label": "Tidak Tercapai", "bawah": 0, "atas": 50, "bawah_inklusif": True},
                ]
            }
        }
    )
    assert s.skala.kodes == ("X", "T")
    assert s.skala.nama == ""  # not inherited from the default scale


def _error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "salah.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as info:
        load_settings(path)
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("warna: merah\n", ["'warna' tidak dikenal", "capaian, skala"]),
        ("capaian:\n  metode: seed\n", ["'capaian.metode' tidak dikenal", "metode_negatif"]),
        ("capaian:\n  batas_atas: 120\n", ["'capaian.batas_atas'", "120", "100, 110, tanpa"]),
        ("capaian:\n  batas_atas:\n", ["'capaian.batas_atas'", "None", "100, 110, tanpa"]),
        ("capaian:\n  batas_bawah: 10\n", ["'capaian.batas_bawah'", "0, tanpa"]),
        ("capaian:\n  metode_negatif: ratio\n", ["'capaian.metode_negatif'", "'ratio'", "seed, rasio"]),
        ("capaian:\n  metode_huruf: angka\n", ["'capaian.metode_huruf'", "skor, ordinal"]),
        ("efisiensi:\n  metode: boros\n", ["'efisiensi.metode'", "seed, selisih, rasio"]),
        ("efisiensi:\n  ambang: -1\n", ["'efisiensi.ambang'", ">= 0"]),
        ("efisiensi:\n  ambang: lima\n", ["'efisiensi.ambang'", "'lima'"]),
        ("ikm:\n  bobot: 0.111\n", ["'ikm.bobot'", "1/9", "0.11"]),
        ("ikm:\n  bobot: '1/10'\n", ["'ikm.bobot'", "'1/10'"]),
        ("capaian: 100\n", ["'capaian'", "sub-kunci"]),
        (
            "skala:\n  predikat:\n    - {kode: A, label: a, bawah: 50, atas: 100}\n"
            "    - {kode: B, label: b, bawah: 0, atas: 40, bawah_inklusif: true}\n",
            ["'skala.predikat'", "celah", "'B'", "'A'"],
        ),
        (
            "skala_huruf:\n  predikat:\n    - {kode: A, label: a, bawah: 0, atas: 100}\n",
            ["'skala_huruf.predikat'", "nilai 0 tidak tercakup"],
        ),
        ("skala:\n  nama: x\n", ["'skala'", "predikat"]),
        (
            "skala:\n  rentang: [100, 0]\n  predikat: []\n",
            ["'skala.rentang'", "[bawah, atas]"],
        ),
        (
            "ikm:\n  mutu:\n    predikat:\n      - {kode: A, label: a, bawah: 0, atas: 100}\n",
            ["'ikm.mutu.predikat'"],
        ),
    ],
)
def test_refused_values_name_file_key_and_choices(tmp_path: Path, text: str, words: list[str]) -> None:
    message = _error(tmp_path, text)
    assert message.startswith("Pengaturan tidak valid")
    assert "salah.yaml" in message
    for word in words:
        assert word in message


def test_all_problems_are_reported_together(tmp_path: Path) -> None:
    message = _error(tmp_path, "capaian:\n  batas_atas: 120\n  metode_negatif: x\nikm:\n  bobot: 2\n")
    assert "(3 masalah)" in message


def test_problem_in_overrides_is_attributed_to_them() -> None:
    with pytest.raises(SettingsError, match=r"pengaturan tambahan \(overrides\), kunci 'capaian.batas_atas'"):
        load_settings(overrides={"capaian": {"batas_atas": 90}})


def test_missing_file_and_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="tidak ditemukan"):
        load_settings(tmp_path / "tidak-ada.yaml")
    bad = tmp_path / "rusak.yaml"
    bad.write_text("capaian: [\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="bukan YAML yang sah"):
        load_settings(bad)
    listed = tmp_path / "daftar.yaml"
    listed.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="pasangan kunci"):
        load_settings(listed)


def test_broken_default_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "params", tmp_path / "params")
    path = tmp_path / "params" / "default.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("metode: seed", "metode: hemat"), encoding="utf-8"
    )
    monkeypatch.setenv("LKIP_ROOT", str(tmp_path))
    with pytest.raises(SettingsError, match=r"params/default.yaml, kunci 'efisiensi.metode'"):
        load_settings()


@pytest.mark.parametrize(
    ("factory", "match"),
    [
        (lambda: CapaianSettings(metode_negatif="x"), "metode_negatif"),
        (lambda: CapaianSettings(batas_atas=120.0), "batas_atas"),
        (lambda: CapaianSettings(batas_bawah=5.0), "batas_bawah"),
        (lambda: CapaianSettings(metode_huruf="x"), "metode_huruf"),
        (lambda: EfisiensiSettings(metode="x"), "efisiensi.metode"),
        (lambda: EfisiensiSettings(ambang=-1), "efisiensi.ambang"),
        (lambda: IkmSettings(bobot=0.2), "ikm.bobot"),
    ],
)
def test_dataclasses_refuse_bad_values(factory: object, match: str) -> None:
    with pytest.raises(SettingsError, match=match):
        factory()  # type: ignore[operator]
