"""The package's imports run one way: text helpers and the knowledge base at the bottom, then
the facts drawn from it, the checks that judge it, the pages; the importer and the command
line at the edges. A module may import its own layer and any layer below, never one above."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "hooks" / "roledex"
LAYERS = ("kb", "facts", "check", "web", "importer", "cli")
"""Bottom to top."""


def _layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else module


def _imports(path: Path) -> set[str]:
    """The roledex modules `path` imports, absolute (the package uses no relative imports)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            if node.module and node.module.split(".")[0] == "roledex":
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "roledex"}
    return found


MODULES = sorted(path for path in PACKAGE.rglob("*.py") if path.parent != PACKAGE)


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_a_module_imports_only_its_own_layer_and_those_below(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0]
    assert own in LAYERS, f"{own}/ is in no layer; add it to LAYERS where it belongs"
    # the package itself (its version and nothing else) sits below every layer
    upward = [m for m in _imports(path) if m != "roledex" and LAYERS.index(_layer(m)) > LAYERS.index(own)]
    assert upward == [], f"{path.relative_to(PACKAGE)} imports {upward}, above its layer {own!r}"


def test_every_module_lives_in_a_layer() -> None:
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name != "__init__.py"]
    assert loose == []


def test_the_domain_never_imports_mkdocs_or_argparse_below_the_command_line() -> None:
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not any(name.split(".")[0] == "mkdocs" for name in names), path
        if path.relative_to(PACKAGE).parts[0] != "cli":
            assert "argparse" not in names, path
