"""The package version (one place; pyproject.toml must say the same, a test checks it)."""

__version__ = "0.1.0"
