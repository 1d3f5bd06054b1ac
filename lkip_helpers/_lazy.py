"""Public names of a package imported on first use (PEP 562), not with the package.

``lkip``'s main process (the CLI, a batch's planner and index) never computes a figure
or executes a notebook; importing pandas, Altair, nbconvert and the checks for it took
most of a second in every command.  A package lists what it exports and where it lives::

    __getattr__, __dir__ = lazy_exports(__name__, {"buka": ".report.laporan"})

and imports the same names under ``TYPE_CHECKING`` for mypy and editors.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, where: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package`` exporting ``name`` from module ``where[name]``.

    A name whose module is the name itself (``"fmt": ".fmt"``) is the module.  The value
    is stored in the package once looked up, so the hook runs once per name.
    """
    table = dict(where)

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook's name
        module_name = table.get(name)
        if module_name is None:
            msg = f"module {package!r} has no attribute {name!r}"
            raise AttributeError(msg)
        module = importlib.import_module(module_name, package)
        value = module if module_name.rsplit(".", 1)[-1] == name else getattr(module, name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return sorted(set(vars(sys.modules[package])) | set(table))

    return __getattr__, __dir__
