"""``lkip pratinjau``: a live preview of one data set's report that follows the data.

The stages, one concern per module: :mod:`.pantau` (snapshots of the data set's files
and the debounce), :mod:`.kernel` (kernels started ahead of the next render),
:mod:`.susun` (the warm renderer: check, execute the chapters whose inputs changed,
stitch the screen page), :mod:`.halaman` (the pages: reload script, data errors,
failure), :mod:`.server` (the HTTP server on 127.0.0.1) and :mod:`.perintah` (the
command body).  Nothing heavy is imported with the package: ``cli.py`` imports
:mod:`.perintah` at start-up.
"""
