"""The command line in one language: Typer's (and its vendored Click's) own strings in Bahasa Indonesia.

Typer takes some messages through :func:`gettext.gettext`, bound at import as the
module global ``_`` of ``typer.core`` and ``typer.rich_utils``, and keeps others as
constants (panel titles) or as literal English in its vendored Click (usage prefix, the
help option, usage errors).  :func:`pasang` rebinds
``_`` to a lookup in :data:`TERJEMAHAN`, sets the constants, prefixes usage lines with
"Pemakaian:", gives the help option an Indonesian text, and rewrites usage errors with
:data:`GALAT` before they are printed -- so ``lkip --help`` and every usage error read
in one language whatever the planner's locale.  Value types show in Indonesian words
(``<teks>``, ``<angka>``, ``<path>``), and none for on/off flags.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

__all__ = ["GALAT", "TERJEMAHAN", "pasang", "terjemah", "terjemah_galat"]

#: The message ids Typer looks up through gettext (typer.core, typer.rich_utils) -> Indonesian.
TERJEMAHAN: dict[str, str] = {
    "Options": "Opsi",
    "Arguments": "Argumen",
    "Commands": "Perintah",
    "Error": "Galat",
    "Aborted.": "Dibatalkan.",
    "Aborted!": "Dibatalkan!",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "[default: {}]": "[bawaan: {}]",
    "default: {default}": "bawaan: {default}",
    "[required]": "[wajib]",
    "required": "wajib",
    "[env var: {}]": "[variabel lingkungan: {}]",
    "env var: {var}": "variabel lingkungan: {var}",
    "(deprecated) ": "(usang) ",
    "(dynamic)": "(dinamis)",
    "Try [blue]'{command_path} {help_option}'[/] for help.":
        "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan.",
    "Missing command.": "Perintah belum disebut.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
}

#: How a value type is shown in the help, in Indonesian words.
_JENIS = {"str": "teks", "int": "angka", "float": "angka", "path": "path", "file": "berkas", "directory": "folder"}

_MODULES = ("typer.core", "typer.rich_utils")

#: Usage errors of the vendored Click (literal English there): pattern -> Indonesian.
GALAT: tuple[tuple[str, str], ...] = (
    (r"^No such option: (\S+)", r"Tidak ada opsi \1"),
    (r"\(Possible options: (.*)\)", r"(Mungkin maksud Anda: \1?)"),
    (r"^No such command '(.+?)'\.?", r"Tidak ada perintah '\1'."),
    (r"^Tidak ada perintah '(.+?)'\.?", r"Tidak ada perintah '\1'."),
    (r"\. Did you mean (.+)\?$", r". Mungkin maksud Anda: \1?"),
    (r"^Missing argument '(.+?)'\.", r"Argumen '\1' belum diisi."),
    (r"^Missing option '(.+?)'\.", r"Opsi '\1' belum diisi."),
    (r"^Missing parameter: (.+)", r"Parameter belum diisi: \1"),
    (r"^Invalid value for (.+?): ", r"Nilai tidak sah untuk \1: "),
    (r"(?:Value )?'?([^' ]+)'? is not a valid integer\.?", r"'\1' bukan bilangan bulat."),
    (r"(?:Value )?'?([^' ]+)'? is not a valid (?:float|number)\.?", r"'\1' bukan angka."),
    (r"(?:Value )?(.+?) is not a valid (\w+)\.", r"\1 bukan \2 yang sah."),
    (r"(.+?) is not in the range (.+)\.", r"\1 di luar rentang \2."),
    (r"(.+?) is not one of (.+)\.", r"\1 bukan salah satu dari \2."),
    (r"^Got unexpected extra arguments? \((.*)\)", r"Ada argumen lebih yang tidak dikenal (\1)"),
    (r"^Option '(.+?)' requires an argument\.", r"Opsi '\1' memerlukan nilai."),
    (r"^Option '(.+?)' requires (\d+) arguments\.", r"Opsi '\1' memerlukan \2 nilai."),
    (r"^Option '(.+?)' does not take a value\.", r"Opsi '\1' tidak menerima nilai."),
    (r"(File|Directory|Path) '(.+?)' does not exist\.", r"Path '\2' tidak ada."),
    (r"(File|Directory|Path) '(.+?)' is a directory\.", r"'\2' adalah folder."),
    (r"(File|Directory|Path) '(.+?)' is a file\.", r"'\2' adalah berkas."),
    (r"^Missing command\.", "Perintah belum disebut."),
    (r"Input should be a valid integer.*", "harus bilangan bulat, mis. 2024."),
    (r"Input should be a valid number.*", "harus angka, mis. 95,5."),
    (r"Input should be a valid boolean.*", "harus ya atau tidak."),
)
#: Usage placeholders of Click -> Indonesian.
_USAGE = (("[OPTIONS]", "[OPSI]"), ("COMMAND [ARGS]...", "PERINTAH [ARGUMEN]..."))
_PANELS = {
    "ARGUMENTS_PANEL_TITLE": "Arguments", "OPTIONS_PANEL_TITLE": "Options", "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error", "ABORTED_TEXT": "Aborted.", "DEFAULT_STRING": "[default: {}]",
    "REQUIRED_LONG_STRING": "[required]", "ENVVAR_STRING": "[env var: {}]", "DEPRECATED_STRING": "(deprecated) ",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


def terjemah(message: str) -> str:
    """``message`` in Indonesian when :data:`TERJEMAHAN` knows it, else unchanged."""
    return TERJEMAHAN.get(message, message)


def terjemah_galat(message: str) -> str:
    """A usage error of Click/Typer rewritten in Indonesian (parts not known stay as they are)."""
    for pattern, replacement in GALAT:
        message = re.sub(pattern, replacement, message)
    return message


def _jenis(label: str | None) -> str | None:
    """``<list[str]>`` -> ``<teks>...``; ``<bool>`` -> None (a flag takes no value)."""
    if label is None or not label.startswith("<"):
        return label
    inner = label.strip("<>.")
    many = inner.startswith("list[")
    inner = inner.removeprefix("list[").removesuffix("]")
    if inner == "bool":
        return None
    shown = f"<{_JENIS.get(inner, inner)}>"
    return shown + "..." if many or label.endswith("...") else shown


_PASANG = False


def pasang() -> None:
    """Rebind Click's and Typer's message lookups to Indonesian (once per process)."""
    global _PASANG  # noqa: PLW0603 - once per process
    if _PASANG:
        return
    _PASANG = True
    for name in _MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:  # pragma: no cover - a module moved in another version
            continue
        if hasattr(module, "_"):
            module._ = terjemah  # type: ignore[attr-defined]
    from typer import _click, core, rich_utils

    for constant, message in _PANELS.items():
        setattr(rich_utils, constant, terjemah(message))
    for cls in (core.TyperOption, core.TyperArgument):
        original = cls.display_type_rich

        def shown(self: Any, ctx: Any, _original: Any = original) -> str | None:
            if getattr(self, "is_flag", False):
                return None
            return _jenis(_original(self, ctx))

        cls.display_type_rich = shown  # type: ignore[method-assign]

    write_usage = _click.formatting.HelpFormatter.write_usage

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, indonesian in _USAGE:
            args = args.replace(english, indonesian)
        write_usage(self, prog, args, "Pemakaian: " if prefix is None else prefix)

    _click.formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]
    get_help_option = _click.core.Command.get_help_option

    def help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = terjemah("Show this message and exit.")
        return option

    _click.core.Command.get_help_option = help_option  # type: ignore[method-assign]
    format_error = rich_utils.rich_format_error

    def error(exc: Any) -> None:
        message = terjemah_galat(exc.format_message())
        exc.format_message = lambda: message
        format_error(exc)

    rich_utils.rich_format_error = error  # type: ignore[assignment]
