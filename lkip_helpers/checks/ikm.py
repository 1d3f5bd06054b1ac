"""The IKM survey answers (``ikm_responden``): the same validation the IKM computation applies.

Every answer must be a whole number 1..4 for each of the nine unsur
(PermenPAN-RB 14/2017); a bad answer would make the IKM table impossible to
compute, so it is a GALAT naming the respondent, the unsur and the cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import Problem
from ..rules.ikm import validasi_jawaban

if TYPE_CHECKING:
    from ..data.model import DataSet
    from ..rules.settings import Settings

__all__ = ["check_ikm_jawaban"]


def check_ikm_jawaban(ds: DataSet, settings: Settings | None = None) -> list[Problem]:
    """Every survey answer is 1, 2, 3 or 4 (GALAT per bad cell); no survey, no finding."""
    answers = ds.df("ikm_responden")
    return [] if answers.empty else validasi_jawaban(answers)
