"""The rules of domain.md as pure functions, and the settings that choose between them.

:mod:`.capaian` (capaian of one indicator, averages), :mod:`.predikat` (scales),
:mod:`.perbandingan` (comparing values), :mod:`.budget` (serapan, roll-up,
efficiency), :mod:`.ikm` (the IKM survey), :mod:`.settings` (``params/*.yaml``).
They depend on the data layer's vocabulary (schema) only, never on a data set.
"""
