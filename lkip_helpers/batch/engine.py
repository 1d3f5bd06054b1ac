"""A papermill engine that writes the executed notebook once, not after every cell.

papermill's ``NotebookExecutionManager`` serialises the whole notebook to the output
path when each cell starts and ends (for watching a long run live).  A chapter with 30
cells and half a megabyte of outputs is then serialised some 60 times.  In a batch
nobody watches a single notebook, so this engine keeps only the final write, which
papermill does "regardless of exceptions" (``notebook_complete``): a failed or killed
notebook is still written with everything it produced.  The executed notebook is the
same; only the intermediate writes are gone.
"""

from __future__ import annotations

from typing import Any

from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

__all__ = ["ENGINE_NAME", "register_engine"]

ENGINE_NAME = "lkip-batch"


class _FinalSaveManager(NotebookExecutionManager):
    """Saves only in ``notebook_complete`` (called at the end, also after an exception)."""

    _final = False

    def save(self, **kwargs: Any) -> None:
        if self._final:
            super().save(**kwargs)

    def notebook_complete(self, **kwargs: Any) -> None:
        self._final = True
        super().notebook_complete(**kwargs)


class BatchEngine(NBClientEngine):
    """nbclient engine with :class:`_FinalSaveManager` (see the module doc)."""

    @classmethod
    def execute_notebook(
        cls,
        nb: Any,
        kernel_name: str,
        output_path: str | None = None,
        progress_bar: bool = True,
        log_output: bool = False,
        autosave_cell_every: int = 30,
        **kwargs: Any,
    ) -> Any:
        nb_man = _FinalSaveManager(
            nb,
            output_path=output_path,
            progress_bar=progress_bar,
            log_output=log_output,
            autosave_cell_every=autosave_cell_every,
        )
        nb_man.notebook_start()
        try:
            cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
        finally:
            nb_man.cleanup_pbar()
            nb_man.notebook_complete()
        return nb_man.nb


def register_engine() -> str:
    """Register the engine with papermill (idempotent); return its name."""
    papermill_engines.register(ENGINE_NAME, BatchEngine)
    return ENGINE_NAME
