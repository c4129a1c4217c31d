"""The texts package: one module per surface, every text reachable as ``texts.NAME``."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import bot.texts
from bot import texts

MODULES = [info.name for info in pkgutil.iter_modules(bot.texts.__path__)]


def defined(module: str) -> set[str]:
    """The names a texts module defines itself (not those it imports)."""
    source = Path(importlib.import_module(f"bot.texts.{module}").__file__ or "").read_text()
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, ast.FunctionDef):
            names.add(node.name)
    return {name for name in names if not name.startswith("_")}


def test_no_text_is_defined_in_two_modules() -> None:
    owners: dict[str, list[str]] = {}
    for module in MODULES:
        for name in defined(module):
            owners.setdefault(name, []).append(module)

    assert {name: found for name, found in owners.items() if len(found) > 1} == {}


def test_every_text_is_reachable_from_the_package_as_the_module_defines_it() -> None:
    for module in MODULES:
        loaded = importlib.import_module(f"bot.texts.{module}")
        for name in defined(module):
            assert getattr(texts, name) is getattr(loaded, name), f"{module}.{name}"
