"""The IKM survey table (present.tables.ikm_survei): the hand computation of domain.md, weights, demo data."""

from __future__ import annotations

import re
from pathlib import Path

import great_tables as gt
import pandas as pd
import pytest

from lkip_helpers.data.model import DataSet
from lkip_helpers.present import tables
from lkip_helpers.report.laporan import Laporan, buka
from lkip_helpers.rules.ikm import KOLOM_UNSUR, UNSUR
from lkip_helpers.rules.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "2023"

#: Totals per unsur of 29 respondents (answers 3 or 4), together 955 (domain.md section 2).
TOTALS = (110, 103, 106, 105, 107, 106, 108, 105, 105)


def survei_955() -> pd.DataFrame:
    """29 respondents whose answers total 955: u1 the highest NRR (110), u2 the lowest (103)."""
    n = 29
    columns = {col: [4] * (t - 3 * n) + [3] * (4 * n - t) for col, t in zip(KOLOM_UNSUR, TOTALS, strict=True)}
    frame = pd.DataFrame({"responden": [f"R{i:02d}" for i in range(1, n + 1)], **columns})
    frame["layanan"] = None
    frame["tanggal"] = None
    assert int(frame[list(KOLOM_UNSUR)].to_numpy().sum()) == 955
    return frame


def lap_955(ds: DataSet, settings: Settings) -> Laporan:
    return Laporan.dari_data_set(ds.dengan(ikm_responden=survei_955()), settings)


def cells(html_text: str) -> list[str]:
    """Text of every body cell (tags and footnote marks removed), in order."""
    body = html_text[html_text.find("<tbody") : html_text.find("</tbody>")]
    body = re.sub(r'<span class="gt_footnote_marks"[^>]*>.*?</span>', "", body, flags=re.S)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", body, flags=re.S)]


def footnotes(html_text: str) -> str:
    foot = html_text[html_text.find("<tfoot") :]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", foot))


def row(body: list[str], label: str) -> list[str]:
    """The five cells of the row whose second cell starts with ``label``."""
    for i in range(0, len(body), 5):
        if body[i + 1].startswith(label):
            return body[i : i + 5]
    msg = f"no row {label!r} in {body}"
    raise AssertionError(msg)


def test_umbulsari_has_no_survey(lap: Laporan) -> None:
    assert tables.ikm_survei(lap) is None


def test_hand_computation_weight_one_ninth(umbulsari: DataSet, settings: Settings) -> None:
    result = tables.ikm_survei(lap_955(umbulsari, settings))
    assert isinstance(result, gt.GT)
    html_text = result.as_raw_html()
    body = cells(html_text)
    assert len(body) == 5 * (9 + 5)
    for i, (nama, total) in enumerate(zip(UNSUR, TOTALS, strict=True)):
        assert body[5 * i : 5 * i + 5] == [
            str(i + 1),
            nama,
            str(total),
            f"{total / 29:.2f}".replace(".", ","),
            f"{total / 29 / 9:.3f}".replace(".", ","),
        ]
    assert row(body, "Jumlah responden")[4] == "29 orang"
    assert row(body, "Jumlah NRR tertimbang")[4] == "3,659"
    ikm_row = row(body, "Indeks Kepuasan Masyarakat (IKM)")
    assert ikm_row[4] == "91,48"
    assert "\u00d7 25" in ikm_row[1]
    assert row(body, "Mutu pelayanan")[4] == "A"
    assert row(body, "Kinerja unit pelayanan")[4] == "Sangat Baik"
    notes = footnotes(html_text)
    assert "Bobot tiap unsur 1/9" in notes
    for band in ("A 88,31-100,00 Sangat Baik", "B 76,61-88,30 Baik", "C 65,00-76,60 Kurang Baik",
                 "D 25,00-64,99 Tidak Baik"):
        assert band in notes
    assert 'id="lkip-ikm-survei"' in html_text


def test_hand_computation_weight_as_printed(umbulsari: DataSet) -> None:
    s = load_settings(overrides={"ikm": {"bobot": 0.11}})
    html_text = tables.ikm_survei(lap_955(umbulsari, s)).as_raw_html()  # type: ignore[union-attr]
    body = cells(html_text)
    assert row(body, "Indeks Kepuasan Masyarakat (IKM)")[4] == "90,56"
    assert row(body, "Mutu pelayanan")[4] == "A"
    assert row(body, "Persyaratan")[4] == "0,417"  # 110 / 29 x 0,11
    notes = footnotes(html_text)
    assert "Bobot tiap unsur 0,11" in notes
    assert "1/9" not in notes


def test_same_html_twice(umbulsari: DataSet, settings: Settings) -> None:
    lap = lap_955(umbulsari, settings)
    assert tables.ikm_survei(lap).as_raw_html() == tables.ikm_survei(lap).as_raw_html()  # type: ignore[union-attr]


def test_invalid_answers_give_no_table(umbulsari: DataSet, settings: Settings) -> None:
    frame = survei_955()
    frame.loc[3, "u5"] = 5
    lap = Laporan.dari_data_set(umbulsari.dengan(ikm_responden=frame), settings)
    assert tables.ikm_survei(lap) is None
    assert any(p.code == "ikm.rentang" for p in lap.temuan)


def test_demo_data_set_with_answers() -> None:
    lap = buka(DATA / "ajung")
    assert lap.ikm is not None
    assert lap.ikm.nilai is not None
    body = cells(tables.ikm_survei(lap).as_raw_html())  # type: ignore[union-attr]
    answers = lap.ds.df("ikm_responden")
    assert row(body, "Jumlah responden")[4] == f"{len(answers)} orang"
    ikm = sum(answers[c].sum() for c in KOLOM_UNSUR) * 25 / (9 * len(answers))
    assert row(body, "Indeks Kepuasan Masyarakat (IKM)")[4] == f"{ikm:.2f}".replace(".", ",")
    assert row(body, "Kinerja unit pelayanan")[4] == lap.ikm.mutu.label  # type: ignore[union-attr]
    assert "None" not in body
    assert "nan" not in body


@pytest.mark.parametrize("kecamatan", sorted(p.name for p in DATA.iterdir() if p.is_dir() and p.name != "umbulsari"))
def test_every_demo_data_set_has_a_survey_table(kecamatan: str, settings: Settings) -> None:
    from lkip_helpers.data import load

    lap = Laporan.dari_data_set(load(DATA / kecamatan), settings, temuan=())
    assert isinstance(tables.ikm_survei(lap), gt.GT)
    assert 20 <= lap.ikm.responden <= 40  # type: ignore[union-attr]
