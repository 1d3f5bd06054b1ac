"""Problems shown grouped and capped (lkip_helpers.errors.ringkas)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lkip_helpers.errors import DataError, Level, Location, Problem, ringkas


def _p(code: str = "nilai.tidak_terbaca", sheet: str | None = "desa", row: int = 2, level: Level = Level.GALAT) -> Problem:
    return Problem(level, code, "Nilai tidak dapat dibaca.", Location("isian.xlsx", sheet, row, "no"))


def test_a_few_findings_are_shown_whole_and_in_order() -> None:
    problems = [_p(row=2), _p("kunci.ganda", row=3), _p(row=4)]
    assert ringkas(problems) == problems


def test_many_of_a_kind_are_capped_with_one_line_in_place_of_the_rest() -> None:
    problems = [_p(row=n) for n in range(2, 540_002)] + [_p("kunci.ganda", "sasaran")]
    shown = ringkas(problems)
    assert shown[:5] == problems[:5]
    assert shown[5] == "... dan 539.995 masalah serupa lagi (kode nilai.tidak_terbaca) di sheet 'desa'"
    assert shown[6] == problems[-1]
    assert len(shown) == 7


def test_kinds_differ_by_level_code_file_and_sheet() -> None:
    problems = [_p(sheet=s, row=n) for s in ("desa", "target") for n in range(2, 10)]
    shown = ringkas(problems, per_kelompok=2)
    assert [x for x in shown if isinstance(x, str)] == [
        "... dan 6 masalah serupa lagi (kode nilai.tidak_terbaca) di sheet 'desa'",
        "... dan 6 masalah serupa lagi (kode nilai.tidak_terbaca) di sheet 'target'",
    ]


def test_past_the_line_cap_one_line_says_how_many_are_hidden() -> None:
    problems = [_p(f"kode.{n}") for n in range(100)]
    shown = ringkas(problems, maks=10)
    assert shown[:10] == problems[:10]
    assert shown[10] == "... dan 90 temuan lain tidak ditampilkan"


def test_data_error_text_is_capped() -> None:
    text = str(DataError([_p(row=n) for n in range(2, 1002)]))
    assert text.count("\n") == 6
    assert "Data tidak dapat dipakai: 1000 galat ditemukan." in text


problem_lists = st.lists(
    st.builds(_p, st.sampled_from(["a", "b", "c"]), st.sampled_from(["desa", "target", None]),
              st.integers(1, 50), st.sampled_from(list(Level))),
    max_size=300,
)


@given(problem_lists, st.integers(1, 8), st.integers(1, 40))
def test_every_finding_is_shown_or_counted_exactly_once(problems: list[Problem], per: int, maks: int) -> None:
    shown = ringkas(problems, per_kelompok=per, maks=maks)
    listed = [x for x in shown if isinstance(x, Problem)]
    counted = 0
    for line in shown:
        if isinstance(line, str):
            counted += int(line.split(" dan ")[1].split(" ")[0].replace(".", ""))
    assert len(listed) + counted == len(problems)
    assert len(shown) <= maks + 1
    assert listed == [p for p in problems if any(p is q for q in listed)]  # the order is kept
