"""Allow ``python -m lkip_helpers``."""

from .cli import main

main()
