"""The import rules of docs/architecture.md, checked over the source so that they hold.

* the core (``bot``), ``knowledge`` and ``ingest`` import no edge: no ``handlers``, no Typer, rich,
  Starlette, uvicorn, prompt_toolkit or platform SDK — those belong to ``handlers/``;
* ``knowledge`` and ``ingest`` never import ``bot`` (the core asks them, not the reverse);
* ``bot.schedule`` may import ``bot.federation``, never the reverse;
* ``bot.schedule`` never imports the packages that send through it (networking, advisor routing,
  skills, secretariat use-cases): their periodic work reaches the scheduler as chores.

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
    ("bot/schedule", ("bot.network", "bot.routing", "bot.skills", "bot.secretariat", "bot.chores")),
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


# --- What each package offers (docs/architecture.md, "What a package offers") ---

CORE = ("bot", "knowledge", "ingest")
# Packages that offer every public name of their modules, with the reason.
OFFERS_EVERYTHING = {
    "bot/texts": "the vocabulary: re-exports every text of its modules (from bot import texts)",
}


def exported(package: Path) -> set[str] | None:
    """The names in a package's ``__all__``, or ``None`` when it declares none."""
    init = package / "__init__.py"
    tree = ast.parse(init.read_text(encoding="utf-8"), filename=str(init))
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            assert node.value is not None
            return {str(name) for name in ast.literal_eval(node.value)}
    return None


def unoffered(dotted: str, names: list[str]) -> Iterator[str]:
    """Why importing ``names`` from ``dotted`` reaches past what the core offers (if it does).

    Every step down from a top-level package must be in that package's ``__all__``; a name taken
    from a module (not a package) must not start with ``_``.
    """
    parts = dotted.split(".")
    path = REPO_ROOT / parts[0]
    for part in [*parts[1:], None]:
        if not (path / "__init__.py").exists():  # a module: its public names are its offer
            yield from (f"{dotted}.{name} is private" for name in names if name.startswith("_"))
            return
        if str(path.relative_to(REPO_ROOT)) in OFFERS_EVERYTHING:
            return
        offered = exported(path) or set()
        wanted = [part] if part is not None else names
        yield from (
            f"{'.'.join(path.relative_to(REPO_ROOT).parts)} does not offer {name}"
            for name in wanted
            if name not in offered
        )
        if part is None:
            return
        path = path / part


def edge_imports(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """The core modules a handlers/ file imports: (line, module, names taken from it)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] in CORE:
                yield node.lineno, node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                head, _, rest = alias.name.rpartition(".")
                if alias.name.split(".")[0] in CORE and head:
                    yield node.lineno, head, [rest]


def test_every_core_package_says_what_it_offers() -> None:
    missing = [
        str(init.parent.relative_to(REPO_ROOT))
        for top in CORE
        for init in sorted((REPO_ROOT / top).rglob("__init__.py"))
        if "migrations" not in init.parts
        and str(init.parent.relative_to(REPO_ROOT)) not in OFFERS_EVERYTHING
        and exported(init.parent) is None
    ]

    assert missing == []


def test_the_edge_uses_only_what_the_core_offers() -> None:
    offences = [
        f"{path.relative_to(REPO_ROOT)}:{line} {why}"
        for path in sorted((REPO_ROOT / "handlers").rglob("*.py"))
        for line, module, names in edge_imports(path)
        for why in unoffered(module, names)
    ]

    assert offences == []


def test_the_offer_rule_catches_a_private_import() -> None:
    assert list(unoffered("bot.federation", ["errors"])) == []
    assert list(unoffered("bot.federation.errors", ["_hidden"])) != []
    assert list(unoffered("bot", ["no_such_module"])) == ["bot does not offer no_such_module"]
