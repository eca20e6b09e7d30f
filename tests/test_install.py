"""roledex installed as a user installs it: a built wheel, in a fresh environment, used from anywhere.

An editable install finds every module in the checkout, so it hides a wheel that leaves a
subpackage out. This builds the wheel, installs it alone into a new virtual environment
(its dependencies are borrowed from this one, read-only, so nothing is downloaded but the
build backend), and runs the commands from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import DATA, REPO, SHIPPED_DOCS

PACKAGE = REPO / "hooks" / "roledex"


def _modules_in_checkout() -> set[str]:
    return {path.relative_to(PACKAGE.parent).as_posix() for path in PACKAGE.rglob("*.py")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel `pip install .` would build from this checkout."""
    dist, source = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("source") / "roledex"
    # A copy without earlier builds: setuptools reuses build/lib, which may hold every module.
    leftovers = shutil.ignore_patterns("build", "dist", "site", "*.egg-info", "__pycache__", ".*")
    shutil.copytree(REPO, source, ignore=leftovers)
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(dist), str(source)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    (built,) = dist.glob("roledex-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment holding the wheel; returns its bin folder."""
    root = tmp_path_factory.mktemp("venv")
    venv.create(root, with_pip=False)
    python = root / ("Scripts" if os.name == "nt" else "bin") / "python"
    command = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    site = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # The dependencies of this environment, as plain paths: their own .pth files (this
    # checkout's editable install among them) are not read, so only the wheel's roledex exists.
    borrowed = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "borrowed-dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n", encoding="utf-8")
    return python.parent


def test_the_wheel_holds_every_module_of_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = {name for name in archive.namelist() if name.endswith(".py")}
    assert _modules_in_checkout() - in_wheel == set()


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def test_every_module_imports_from_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    names = sorted(p[: -len(".py")].replace("/", ".").removesuffix(".__init__") for p in _modules_in_checkout())
    script = f"import importlib, roledex; [importlib.import_module(n) for n in {names!r}]; print(roledex.__file__)"
    result = _run(installed, str(installed / "python"), "-c", script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).is_relative_to(installed.parent)


def test_installed_command_checks_and_imports_from_any_folder(installed: Path, tmp_path: Path) -> None:
    shutil.copytree(SHIPPED_DOCS, tmp_path / "docs")
    check = _run(installed, str(installed / "roledex"), "check", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Traceback" not in check.stderr

    raw = DATA / "import" / "lever.txt"
    imported = _run(installed, str(installed / "roledex"), "import", str(raw), "--dry-run", "--json", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    fields = json.loads(imported.stdout)
    expected = json.loads(raw.with_suffix(".json").read_text(encoding="utf-8"))
    assert fields["title"] == expected["title"]
