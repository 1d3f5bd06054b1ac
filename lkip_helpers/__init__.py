"""lkip_helpers: compute a kecamatan's LKIP from one data set."""

from __future__ import annotations

__version__ = "0.1.0"
