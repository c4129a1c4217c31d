"""What ``pip install .`` and ``make chat`` install is enough to run, and holds no dev tools.

Every module of the four packages is imported, and every third-party import in them (including
imports inside functions, which load only when a command runs) must come from a distribution
listed in pyproject's runtime ``dependencies``; ``requirements.lock`` must pin the whole runtime
closure and nothing else, and ``requirements-dev.lock`` adds the dev tools on top of it.
"""

from __future__ import annotations

import ast
import functools
import importlib
import pkgutil
import re
import subprocess
import sys
import tomllib
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tests.conftest import REPO_ROOT

PACKAGES = ("bot", "knowledge", "ingest", "handlers")
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
DEV_TOOLS = {"pytest", "pytest-asyncio", "mypy", "ruff", "psutil", "rank-bm25"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_dependencies() -> set[str]:
    return {canonical(Requirement(line).name) for line in PYPROJECT["project"]["dependencies"]}


def modules() -> list[str]:
    found = list(PACKAGES)
    for package in PACKAGES:
        path = [str(REPO_ROOT / package)]
        found += [info.name for info in pkgutil.walk_packages(path, prefix=f"{package}.")]
    return sorted(found)


def third_party_imports(module: str) -> set[str]:
    """Top-level names of every import in the module's source, wherever in the file it sits."""
    spec = importlib.util.find_spec(module)
    assert spec is not None
    assert spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in PACKAGES} - {
        "__future__"
    }


def lock_pins(name: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (REPO_ROOT / name).read_text(encoding="utf-8").splitlines():
        if "==" in line:
            package, version = line.split("==", 1)
            pins[canonical(package)] = version.strip()
    return pins


def closure(roots: set[str]) -> set[str]:
    """The distributions ``roots`` need at run time (extras not asked for are left out)."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            needs = requires(name) or []
        except PackageNotFoundError:
            continue
        for line in needs:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(canonical(requirement.name))
    return seen


@functools.cache
def _providers() -> Mapping[str, list[str]]:
    return packages_distributions()


def declared_extras() -> dict[str, set[str]]:
    """Extras the runtime dependencies ask for, e.g. python-telegram-bot[rate-limiter]."""
    extras: dict[str, set[str]] = {}
    for line in PYPROJECT["project"]["dependencies"]:
        requirement = Requirement(line)
        extras.setdefault(canonical(requirement.name), set()).update(requirement.extras)
    return extras


@pytest.mark.parametrize("module", modules())
def test_every_import_is_a_runtime_dependency(module: str) -> None:
    if ".migrations." not in module:  # Alembic loads those itself, inside a migration run
        importlib.import_module(module)  # importable as shipped
    providers = _providers()
    declared = runtime_dependencies()

    undeclared = {
        name: providers.get(name)
        for name in third_party_imports(module)
        if not {canonical(d) for d in providers.get(name, [])} & declared
    }

    assert undeclared == {}


def test_the_runtime_lock_pins_what_running_needs_and_no_dev_tool() -> None:
    pins = lock_pins("requirements.lock")
    needed = closure(runtime_dependencies())
    for name, extras in declared_extras().items():
        for line in requires(name) or []:
            requirement = Requirement(line)
            marker = requirement.marker
            if marker is not None and any(marker.evaluate({"extra": e}) for e in extras):
                needed |= closure({canonical(requirement.name)})

    assert sorted(needed - set(pins)) == []
    assert sorted(DEV_TOOLS & set(pins)) == []


def test_the_dev_lock_adds_the_dev_extra_on_top_of_the_runtime_lock() -> None:
    text = (REPO_ROOT / "requirements-dev.lock").read_text(encoding="utf-8")
    dev = lock_pins("requirements-dev.lock")
    extra = {
        canonical(Requirement(line).name)
        for line in PYPROJECT["project"]["optional-dependencies"]["dev"]
    }

    assert text.splitlines()[0] == "-r requirements.lock"
    assert sorted(extra - set(dev)) == []
    assert sorted(set(dev) & set(lock_pins("requirements.lock"))) == []


def test_make_chat_installs_only_the_runtime_and_says_what_it_does(tmp_path: Path) -> None:
    plan = make_plan("chat", tmp_path)

    assert "requirements-dev.lock" not in plan
    assert_each_step_announced(plan)


def test_make_test_installs_the_dev_tools_too(tmp_path: Path) -> None:
    plan = make_plan("test", tmp_path)

    assert "-r requirements.lock" in plan
    assert "-r requirements-dev.lock" in plan
    assert_each_step_announced(plan)


def make_plan(target: str, tmp_path: Path) -> str:
    """The commands ``make TARGET`` would run in a fresh clone (nothing is run)."""
    run = subprocess.run(
        ["make", "--dry-run", "--always-make", target, f"VENV={tmp_path / 'venv'}"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return run.stdout


def assert_each_step_announced(plan: str) -> None:
    """Every slow step (venv, pip) comes right after a Korean line saying what is happening."""
    lines = plan.splitlines()
    slow = [i for i, line in enumerate(lines) if " -m venv " in line or " -m pip " in line]
    assert slow
    for index in slow:
        before = lines[index - 1]
        assert before.startswith("echo "), lines[index]
        assert re.search(r"[가-힣]", before), lines[index]
