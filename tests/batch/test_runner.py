"""batch.runner: how many chapters side by side, and the kabupaten of a batch without a parameter set."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from lkip_helpers.batch.index import IndexRow
from lkip_helpers.batch.params import BatchParams
from lkip_helpers.batch.runner import MAX_LAJUR, _with_kabupaten, default_lanes


@pytest.mark.parametrize(
    ("jobs", "workers", "cores", "lanes"),
    [
        (1, 3, 2, 2),  # make report on the 2-core machine: two chapters at a time
        (1, 1, 2, 2),  # --jobs 1 changes nothing for one report
        (2, 3, 2, 1),  # two reports fill two cores
        (31, 3, 2, 1),  # a batch: one lane per report
        (1, 9, 8, MAX_LAJUR),  # a big machine: at most MAX_LAJUR
        (3, 9, 8, 2),
        (0, 3, 2, 2),  # nothing to render: never below one
        (1, 3, 1, 1),
    ],
)
def test_lanes_use_the_cores_the_reports_leave_idle(jobs: int, workers: int, cores: int, lanes: int) -> None:
    assert default_lanes(jobs, workers, cores) == lanes


BASE = BatchParams(kabupaten="", tahun=2023, kecamatan=("Ajung", "Umbulsari"), data=Path("data/2023"),
                   keluaran=Path("outputs/2023"))


def test_the_kabupaten_is_named_by_the_data_sets_without_a_parameter_set() -> None:
    rows = [IndexRow("Ajung", "ajung", "belum", None),
            IndexRow("Umbulsari", "umbulsari", "selesai", {"kabupaten": "Jember"})]
    assert _with_kabupaten(BASE, rows).kabupaten == "Jember"
    assert _with_kabupaten(BASE, rows[:1]).kabupaten == "-"  # no report says it
    named = replace(BASE, kabupaten="Bondowoso")
    assert _with_kabupaten(named, rows) is named  # a parameter set's name stands
