"""Batch rendering: every kecamatan of a kabupaten in one command, on one machine or many.

``lkip render --params params/jember-2023.yaml`` is :func:`run_batch` on the parameter
set read by :func:`load_params`.  The pieces:

* :mod:`.params` - the parameter set (kabupaten, year, kecamatan, data, outputs, formats);
* :mod:`.task` - one kecamatan: job, input fingerprint, the work in a worker;
* :mod:`.kernels` - fresh kernels forked from a pre-loaded zygote (no re-import per notebook);
* :mod:`.local` - worker processes on this machine; :mod:`.remote` - a Dask cluster;
* :mod:`.index`, :mod:`.overview`, :mod:`.ikhtisar` - the kabupaten pages and overview notebook;
* :mod:`.progress` - progress bar or log lines, and the summary table.
* :mod:`.memory`, :mod:`.cpu` - what a worker costs: peak memory, CPU-seconds per stage.
"""

from __future__ import annotations

from .params import BatchParams, load_params
from .runner import BatchResult, plan, run_batch
from .task import Job, Outcome

__all__ = ["BatchParams", "BatchResult", "Job", "Outcome", "load_params", "plan", "run_batch"]
