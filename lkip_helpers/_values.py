"""One notion of a missing value for the whole package."""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["missing"]


def missing(value: Any) -> bool:
    """True for None, NaN, pandas NA and blank text: a value the data set does not hold."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # arrays and other non-scalars are values
        return False
