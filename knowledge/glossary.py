"""The domain glossary: groups of interchangeable words members and documents use.

Members write "강퇴" where the rules say "제명", or "세금 돌려받기" for "관세환급". The glossary
ships with the package (``knowledge/glossary.toml``) and the secretariat can extend or override it
with its own file of the same form, without touching code::

    [groups]
    "제명" = ["제명", "강퇴", "퇴출"]

A group in the override file replaces the packaged group of the same name; new names add groups.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import tomlkit

from knowledge.lexical import normalize

if TYPE_CHECKING:
    from knowledge.settings import KnowledgeSettings

FILE_NAME = "glossary.toml"


class GlossaryError(ValueError):
    """A glossary file that cannot be used; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Glossary:
    """Synonym groups, looked up by any member word."""

    groups: tuple[tuple[str, ...], ...]
    _index: dict[str, tuple[str, ...]] = field(
        init=False, repr=False, compare=False, hash=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        # The answer layer asks for synonyms of every question term against every candidate
        # sentence; scanning all groups each time was most of the CPU of an answer.
        index: dict[str, dict[str, None]] = {}
        for group in self.groups:
            keys = [_key(member) for member in group]
            for key in dict.fromkeys(keys):
                found = index.setdefault(key, {})
                found.update((m, None) for m, k in zip(group, keys, strict=True) if k != key)
        object.__setattr__(self, "_index", {key: tuple(words) for key, words in index.items()})

    @classmethod
    def from_groups(cls, groups: Iterable[Iterable[str]]) -> Glossary:
        """Build a glossary from groups of words (blank words and one-word groups are dropped)."""
        cleaned = []
        for group in groups:
            words = tuple(dict.fromkeys(word.strip() for word in group if word.strip()))
            if len(words) > 1:
                cleaned.append(words)
        return cls(tuple(cleaned))

    @classmethod
    def default(cls) -> Glossary:
        """The glossary shipped with the package."""
        return cls.from_groups(_packaged().values())

    @classmethod
    def load(cls, settings: KnowledgeSettings) -> Glossary:
        """The packaged glossary merged with the override file, if there is one.

        The override is ``settings.glossary_path`` when set (it must exist), else
        ``<data_dir>/glossary.toml`` when present.
        """
        groups = _packaged()
        path = override_path(settings)
        if settings.glossary_path is not None or path.exists():
            groups.update(_read(path))
        return cls.from_groups(groups.values())

    def synonyms(self, word: str) -> tuple[str, ...]:
        """The other words of every group that contains ``word`` (empty when it has none)."""
        return self._index.get(_key(word), ())

    def expansions(self, text: str) -> tuple[str, ...]:
        """Synonyms of every glossary word that occurs in ``text``, minus words already there.

        Words are matched on morpheme boundaries, regardless of spaces (see
        :mod:`knowledge.matching`): "강퇴는" and "PL 보험" match, while "구성원" does not bring in
        정족수 and "누구인가" does not bring in 인력.
        """
        from knowledge.matching import analyse  # loads Kiwi on first use

        analysed = analyse(text)
        found: dict[str, None] = {}
        for group in self.groups:
            present = [analysed.contains(member) for member in group]
            if any(present):
                found.update(
                    (member, None)
                    for member, there in zip(group, present, strict=True)
                    if not there
                )
        return tuple(found)

    def matches(self, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each glossary word found in ``text`` with the other words of its group.

        The answer layer uses it for phrases ("혼자 방", "우리 돈"): the words of the phrase
        count as found in a sentence that holds another word of the group ("1인 1실").
        """
        from knowledge.matching import analyse

        analysed = analyse(text)
        found: list[tuple[str, tuple[str, ...]]] = []
        for group in self.groups:
            for member in group:
                if analysed.contains(member):
                    found.append((member, tuple(other for other in group if other != member)))
        return tuple(found)


def override_path(settings: KnowledgeSettings) -> Path:
    """The secretariat's glossary file: ``GYORYU_GLOSSARY``, else ``<data_dir>/glossary.toml``."""
    return settings.glossary_path or settings.data_dir / FILE_NAME


def add_words(settings: KnowledgeSettings, words: Sequence[str]) -> tuple[str, ...]:
    """Make ``words`` interchangeable by writing them into the secretariat's glossary file.

    The group (packaged or the secretariat's) that already holds one of the words grows, as an
    override of the same name; otherwise a new group named after the first word is added. The
    file keeps everything else written in it (other groups, comments, layout) and is replaced
    atomically. Returns the group's words. The running bot sees them once it reloads
    (``DocumentQA.refresh``).
    """
    path = override_path(settings)
    own = _read(path) if path.exists() else {}
    known = {**_packaged(), **own}
    wanted = {_key(word) for word in words}
    label = next(
        (name for name, group in known.items() if any(_key(w) in wanted for w in group)),
        words[0],
    )
    group = list(known.get(label, []))
    for word in words:
        if _key(word) not in {_key(member) for member in group}:
            group.append(word)
    # tomlkit edits the file as written: a comment the secretariat left beside a group stays.
    document = (
        tomlkit.parse(path.read_text(encoding="utf-8"))
        if path.exists()
        else tomlkit.document().add(tomlkit.comment(_HEADER.removeprefix("# ")))
    )
    if "groups" not in document:
        document.add("groups", tomlkit.table())
    table = document["groups"]
    assert isinstance(table, MutableMapping)  # _read checked that [groups] is a table
    table[label] = group
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = path.with_name(path.name + ".new")
    fresh.write_text(tomlkit.dumps(document), encoding="utf-8")
    os.replace(fresh, path)
    return tuple(group)


_HEADER = (
    "# Gyoryu glossary additions (see knowledge/glossary.py); the web console adds groups here."
)


def _packaged() -> dict[str, list[str]]:
    text = resources.files("knowledge").joinpath(FILE_NAME).read_text(encoding="utf-8")
    return _parse(text, "knowledge/glossary.toml")


def _key(word: str) -> str:
    """A word as compared: normalised, without spaces."""
    return "".join(normalize(word).split())


def _read(path: Path) -> dict[str, list[str]]:
    """Groups of one override file, with a clear error when it is missing or malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GlossaryError(f"{path}: 용어집 파일을 읽을 수 없습니다 ({error}).") from error
    return _parse(text, str(path))


def _parse(text: str, name: str) -> dict[str, list[str]]:
    """The ``[groups]`` table of a glossary file, validated."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already ends with "(at line N, column M)".
        raise GlossaryError(f"{name}: 용어집 형식이 잘못되었습니다: {error}") from error
    groups = data.get("groups")
    if not isinstance(groups, Mapping):
        raise GlossaryError(f'{name}: [groups] 표가 없습니다 (예: "제명" = ["제명", "강퇴"]).')
    parsed: dict[str, list[str]] = {}
    for label, words in groups.items():
        if not isinstance(words, list) or not all(isinstance(word, str) for word in words):
            raise GlossaryError(
                f"{name}, {_line_of(text, label)}번째 줄: '{label}' 묶음은 "
                '["말1", "말2"]처럼 문자열 목록이어야 합니다.'
            )
        parsed[label] = words
    return parsed


def _line_of(text: str, label: str) -> int:
    """The 1-based line where a group is defined (0 when it cannot be found)."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip().strip('"').strip("'")
        if stripped.startswith(label) or line.strip().startswith((f'"{label}"', f"'{label}'")):
            return number
    return 0
