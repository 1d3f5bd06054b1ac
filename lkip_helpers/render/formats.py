"""The output formats a render can write (a module of its own: the CLI and a batch's
parameter set check them without importing the renderer)."""

from __future__ import annotations

__all__ = ["FORMATS", "FORMAT_BAWAAN"]

#: Every output format a render can write; without ``--format`` the HTML and the PDF.
FORMATS = ("html", "pdf", "docx")
FORMAT_BAWAAN = ("html", "pdf")
