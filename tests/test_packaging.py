"""The packaging promises of the README: one set of dependencies, two commands."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _split(requirement: str) -> dict[str, str]:
    """'dask[distributed]>=2024.8' -> {'dask': '>=2024.8', 'distributed': '>=2024.8'}."""
    match = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[([^\]]+)\])?\s*(.*)$", requirement.strip())
    assert match, requirement
    name, extras, spec = match.groups()
    out = {_norm(name): spec.strip()}
    for extra in (extras or "").split(","):
        if extra.strip():
            out[_norm(extra)] = spec.strip()
    return out


def _pyproject() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    reqs: dict[str, str] = {}
    for req in [*data["project"]["dependencies"], *data["project"]["optional-dependencies"]["dev"]]:
        reqs.update(_split(req))
    return reqs


def _environment() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    reqs: dict[str, str] = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str) and re.split(r"[<>=\s]", dep, maxsplit=1)[0] not in ("python", "pip"):
            reqs.update(_split(dep))
    return reqs


def test_environment_yml_names_the_same_packages_as_pyproject() -> None:
    assert _environment() == _pyproject()


def test_every_dependency_has_a_lower_bound() -> None:
    assert all(spec.startswith(">=") for spec in _pyproject().values())


def test_console_script_points_at_cli() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["scripts"]["lkip"] == "lkip_helpers.cli:main"


def test_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, flags=re.S)
    assert blocks, "README has no command block"
    assert blocks[0].split() == ["make", "report", "make", "test"]


def test_ci_runs_make_test() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
