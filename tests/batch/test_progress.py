"""The batch's closing summary (batch.progress.print_summary): counts of kecamatan reports, the overview apart."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from lkip_helpers.batch.overview import OVERVIEW_NAME
from lkip_helpers.batch.progress import print_summary
from lkip_helpers.batch.task import Outcome


def _summary(outcomes: list[Outcome]) -> str:
    out = io.StringIO()
    print_summary(Console(file=out, force_terminal=False, width=200), outcomes, 12.5)
    return out.getvalue()


@pytest.mark.parametrize(
    ("overview", "said"),
    [("selesai", "ikhtisar kabupaten disusun"), ("dilewati", "ikhtisar kabupaten tidak berubah"),
     ("gagal", "ikhtisar kabupaten gagal"), (None, None)],
)
def test_the_overview_is_no_kecamatan_report(overview: str | None, said: str | None) -> None:
    outcomes = [Outcome("Umbulsari", "selesai", 7.8, cpu_detik=10.0), Outcome("Ajung", "dilewati"),
                Outcome("Puger", "gagal", tahap="data", galat="GALAT")]
    if overview:
        outcomes.append(Outcome(OVERVIEW_NAME, overview, 2.7, cpu_detik=3.0))
    text = _summary(outcomes)
    last = text.strip().splitlines()[-1]
    assert last.startswith("1 disusun, 1 tidak berubah (dilewati), 1 gagal")
    assert "CPU 10,0 dtk (10,0 dtk per laporan)" in last  # the overview's CPU is not a report's
    assert (said in last) if said else ("ikhtisar" not in last)
    assert "Puger | GAGAL" in text
