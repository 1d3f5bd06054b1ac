"""The package's shape: stages as subpackages, imports only downwards, no cycle, small modules.

The import graph is read from the source (``ast``), so the test needs nothing imported.
Imports inside ``if TYPE_CHECKING:`` are annotations only and are left out of the
layering rule (they may name a type of a lower or equal stage) but a lower stage never
even names a higher one at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "lkip_helpers"

#: Stages from the bottom up; a module may import its own stage and the ones below.
LAYERS: list[set[str]] = [
    {"errors", "_values", "_version", "_platform", "_lazy", "fmt", "paths"},
    {"data"},
    {"rules"},
    {"checks"},
    {"report"},
    {"present"},
    {"render"},
    {"batch"},
    {"ruang_kerja"},
    {"pratinjau"},
    {"cli", "cli_bahasa", "__init__", "__main__"},
]
MAX_LINES = 520


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_package(path: Path) -> bool:
    return path.name == "__init__.py"


def _stage(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    for index, names in enumerate(LAYERS):
        if top in names:
            return index
    pytest.fail(f"{module}: stage '{top}' is not in LAYERS; add it where it belongs")


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """(module-level imports, all run-time imports) of one file, as absolute module names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module_name(path)
    package = me if _is_package(path) else me.rsplit(".", 1)[0]
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in ast.walk(node):
                type_only.add(id(inner))
    top_level = {id(n) for n in tree.body} | {id(n) for stmt in tree.body if isinstance(stmt, ast.Try)
                                              for n in stmt.body}
    module_level, runtime = set(), set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        found: list[str] = []
        if isinstance(node, ast.Import):
            found = [a.name for a in node.names if a.name.startswith("lkip_helpers")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("lkip_helpers"):
                # ``from . import fmt`` imports the module fmt; ``from .x import name`` imports x
                found = [f"{target}.{a.name}" if _exists(f"{target}.{a.name}") else target for a in node.names]
        modules = {m for m in found if _exists(m)}
        runtime |= modules
        if id(node) in top_level:
            module_level |= modules
    return module_level, runtime - {me}


def _exists(module: str) -> bool:
    rel = Path(*module.split("."))
    return (PACKAGE.parent / rel.with_suffix(".py")).is_file() or (PACKAGE.parent / rel / "__init__.py").is_file()


FILES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", FILES, ids=lambda p: _module_name(p))
def test_imports_go_downwards(path: Path) -> None:
    me = _module_name(path)
    _, runtime = _imports(path)
    upward = sorted(m for m in runtime if _stage(m) > _stage(me))
    assert not upward, f"{me} imports a higher stage: {upward}"


def test_no_import_cycle() -> None:
    graph = {_module_name(p): _imports(p)[0] - {_module_name(p)} for p in FILES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            # a package's own submodules are loaded by it: that edge is not a cycle
            if w.startswith(v + ".") or v.startswith(w + "."):
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    assert cycles == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: _module_name(p))
def test_modules_are_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_module_name(path)} has {lines} lines: split it by concern"


def test_tables_do_not_run_checks() -> None:
    """The reviewer's appendix shows the findings the report object holds; it never checks again."""
    for path in (PACKAGE / "present").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "run_checks" not in text, path
        assert "periksa(" not in text, path


def test_presentation_asks_the_report_object() -> None:
    """Tables, charts and sentences take their figures from the Laporan, never from the figure functions."""
    for path in (PACKAGE / "present").rglob("*.py"):
        _, runtime = _imports(path)
        assert "lkip_helpers.report.figures" not in runtime, path
