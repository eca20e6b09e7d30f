"""The package's imports run one way: text helpers and the knowledge base at the bottom, then
the facts drawn from it, the checks that judge it, the pages; the importer and the command
line at the edges. A module may import its own layer and any layer below, never one above."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "hooks" / "roledex"
LAYERS = ("kb", "facts", "check", "web", "importer", "cli", "plugin")
"""Bottom to top; `plugin` is MkDocs' adapter, the only layer that may import MkDocs."""
ADAPTER = "plugin"
HOOKS = sorted((PACKAGE.parent).glob("*.py"))
"""The modules beside the package: the hook a mkdocs.yml may name instead of the plugin."""


def _layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else module


def _imports(path: Path) -> set[str]:
    """The roledex modules `path` imports, absolute (the package uses no relative imports)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            if node.module == "roledex":  # `from roledex import web` imports the layer itself
                found |= {f"roledex.{a.name}" if (PACKAGE / a.name).is_dir() else "roledex" for a in node.names}
            elif node.module and node.module.split(".")[0] == "roledex":
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


def _third_party(path: Path) -> set[str]:
    """The top-level names of every module `path` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    return {name.split(".")[0] for name in names}


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_the_domain_never_imports_mkdocs_material_or_argparse_below_the_command_line(path: Path) -> None:
    layer, names = path.relative_to(PACKAGE).parts[0], _third_party(path)
    assert "material" not in names, path  # Material is reached through MkDocs' templates, never imported
    if layer != ADAPTER:
        assert "mkdocs" not in names and "properdocs" not in names, path
    if layer != "cli":
        assert "argparse" not in names, path


@pytest.mark.parametrize("path", HOOKS, ids=[p.name for p in HOOKS])
def test_a_hook_beside_the_package_only_hands_events_to_the_plugin(path: Path) -> None:
    assert {_layer(m) for m in _imports(path)} == {ADAPTER}
    assert _third_party(path) <= {"__future__", "roledex"}


def test_a_from_import_of_a_layer_counts_as_importing_it(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from roledex import __version__, web\nfrom roledex.kb import text\n", encoding="utf-8")
    assert _imports(module) == {"roledex", "roledex.web", "roledex.kb"}
