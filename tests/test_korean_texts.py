"""What Gyoryu says in Korean lives in ``bot/texts/`` (and the edge's and ingest's text modules).

A Korean string literal anywhere else in ``bot/``, ``handlers/``, ``knowledge/`` or ``ingest/``
fails this test, naming file:line, unless its module is in :data:`ALLOWED` with the reason.
Docstrings do not count (they are for developers; Typer shows a command's docstring as its help,
which is the command line's own copy beside the command). A new module starts with no Korean
literals: put its sentences in ``bot/texts/<surface>.py``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO_ROOT

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
SOURCES = ("bot", "handlers", "knowledge", "ingest")
TEXT_HOMES = ("bot/texts/",)

_READS = "Korean words it reads, matches or parses (vocabulary, not copy)"
_COMMANDS = "command names and button words in its skill declaration (what members type)"
ALLOWED: dict[str, str] = {
    # The edge's and ingest's own text modules (ingest never imports bot).
    "handlers/texts.py": "the command line's and channels' own texts",
    "handlers/cli_texts.py": "each command's option help, table titles and headers",
    "ingest/texts.py": "ingest's texts (ingest never imports bot/texts)",
    # Vocabulary the code reads.
    "bot/federation/event_sheet.py": "column headers and values of an imported calendar sheet",
    "bot/federation/roster.py": "column headers and values of an imported or exported roster",
    "bot/federation/recurrence.py": "Korean recurrence rules it parses ('매월 둘째 주 화요일')",
    "bot/federation/when.py": "Korean dates and times it parses ('오후 7시')",
    "bot/federation/events.py": "event kinds and RSVP statuses, stored as Korean values",
    "bot/federation/members.py": "group role names, stored and typed as Korean values",
    "bot/federation/sample.py": "the sample federation's data (names, places, rules)",
    "bot/network/intros.py": _READS,
    "bot/network/profiles.py": _READS,
    "bot/network/report.py": _READS,
    "bot/network/search.py": _READS,
    "bot/routing/cards.py": "advisor field names, stored values",
    "bot/routing/fields.py": "advisor fields and the keywords that guess them",
    "bot/schedule/ics.py": "the calendar's product id (PRODID) names the app",
    "bot/calendar_questions.py": _READS,
    "bot/smalltalk.py": _READS,
    "knowledge/bylines.py": _READS,
    "knowledge/extractive.py": _READS,
    "knowledge/facts.py": _READS,
    "knowledge/fields.py": _READS,
    "knowledge/glossary.py": _READS,
    "knowledge/josa.py": "the particles themselves (을/를 …), chosen for words known at run time",
    "knowledge/lexical.py": _READS,
    "knowledge/masking.py": _READS,
    "knowledge/question.py": _READS,
    "knowledge/prompting.py": "the language model's instructions (read by the model, not shown)",
    "ingest/document.py": _READS,
    "ingest/kinds.py": _READS,
    "ingest/loaders/docx.py": "Word heading style names it recognises ('제목 1')",
    "ingest/loaders/pdf.py": _READS,
    "handlers/kakao_bridge.py": "the mention a Kakao group message is addressed by ('@교류')",
    "handlers/log_privacy.py": "the redaction marks written into logs",
    "handlers/cli_korean.py": "the Hangul range of a regular expression",
    # Skill declarations: the commands members type.
    "bot/skills/ask.py": _COMMANDS,
    "bot/skills/consult.py": _COMMANDS,
    "bot/skills/console_login.py": _COMMANDS,
    "bot/skills/difficulties.py": _COMMANDS,
    "bot/skills/expert.py": _COMMANDS,
    "bot/skills/help.py": _COMMANDS,
    "bot/skills/link.py": _COMMANDS,
    "bot/skills/meetings.py": _COMMANDS,
    "bot/skills/network.py": _COMMANDS,
    "bot/skills/network_needs.py": _COMMANDS,
    "bot/skills/network_pairing.py": _COMMANDS,
    "bot/skills/network_profile.py": _COMMANDS,
}


def korean_literals(path: Path) -> Iterator[tuple[int, str]]:
    """Every string literal with Hangul in it that is not a docstring: (line, text)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and HANGUL.search(node.value)
        ):
            yield node.lineno, node.value


def sources() -> Iterator[str]:
    for top in SOURCES:
        for path in sorted((REPO_ROOT / top).rglob("*.py")):
            relative = path.relative_to(REPO_ROOT).as_posix()
            if not relative.startswith(TEXT_HOMES) and "/migrations/" not in relative:
                yield relative


def test_korean_copy_lives_in_the_text_modules() -> None:
    offences = [
        f"{relative}:{line} {text[:40]!r}"
        for relative in sources()
        if relative not in ALLOWED
        for line, text in korean_literals(REPO_ROOT / relative)
    ]

    assert offences == []


def test_every_allowed_module_still_needs_its_exception() -> None:
    needless = [
        relative
        for relative in ALLOWED
        if not (REPO_ROOT / relative).exists() or not any(korean_literals(REPO_ROOT / relative))
    ]

    assert needless == []


def test_the_check_sees_a_literal_but_not_a_docstring(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""모듈 설명."""\n\n\ndef f() -> str:\n    """함수."""\n    return "안녕하세요"\n'
    )

    assert list(korean_literals(module)) == [(6, "안녕하세요")]
