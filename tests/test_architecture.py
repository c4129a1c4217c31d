"""The import rules of docs/architecture.md, checked over the source so that they hold.

* the core (``bot``), ``knowledge`` and ``ingest`` import no edge: no ``handlers``, no Typer, rich,
  Starlette, uvicorn, prompt_toolkit or platform SDK — those belong to ``handlers/``;
* ``knowledge`` and ``ingest`` never import ``bot`` (the core asks them, not the reverse);
* ``bot.schedule`` may import ``bot.federation``, never the reverse.

Every ``import`` and ``from … import`` counts, at module level or inside a function.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

EDGE = ("handlers", "typer", "click", "rich", "starlette", "uvicorn", "prompt_toolkit")
PLATFORM_SDKS = ("telegram", "slack_bolt", "slack_sdk", "aiohttp")

RULES: list[tuple[str, tuple[str, ...]]] = [
    ("bot", EDGE + PLATFORM_SDKS),
    ("knowledge", EDGE + PLATFORM_SDKS + ("bot",)),
    ("ingest", EDGE + PLATFORM_SDKS + ("bot",)),
    ("bot/federation", ("bot.schedule",)),
    ("bot/difficulties", ("bot.schedule",)),
]


def imports(path: Path) -> Iterator[tuple[int, str]]:
    """Every module a source file imports, with its line number."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            for alias in node.names:  # "from bot import schedule" imports bot.schedule
                yield node.lineno, f"{node.module}.{alias.name}"


def breaks(module: str, forbidden: tuple[str, ...]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in forbidden)


@pytest.mark.parametrize(("package", "forbidden"), RULES, ids=[rule[0] for rule in RULES])
def test_the_package_imports_nothing_against_the_arrows(
    package: str, forbidden: tuple[str, ...]
) -> None:
    offences = [
        f"{path.relative_to(REPO_ROOT)}:{line} imports {module}"
        for path in sorted((REPO_ROOT / package).rglob("*.py"))
        for line, module in imports(path)
        if breaks(module, forbidden)
    ]

    assert offences == []


def test_the_rule_catches_an_offence(tmp_path: Path) -> None:
    offender = tmp_path / "offender.py"
    offender.write_text("def f():\n    from bot import schedule\n    import typer\n")

    found = [module for _, module in imports(offender)]

    assert breaks("bot.schedule", ("bot.schedule",))
    assert "bot.schedule" in found
    assert any(breaks(module, EDGE) for module in found)
