"""A file cache of text analyses, so a restarting bot does not run Kiwi over every chunk again.

Kiwi analyses about 150–200k characters a second on two cores: 10k chunks take half a minute,
while loading their cached analyses takes a second or two. Entries are keyed by a hash of the
analysed text, so an edited chunk is analysed afresh and removed chunks are dropped on save.
The file is ours alone (pickle); an unreadable or outdated one is ignored and rebuilt.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Sequence
from pathlib import Path

from knowledge.lexical import Analysis, analyze_many

_VERSION = "gyoryu-lexical-1"  # bump when analysis changes, so old caches are ignored
_log = logging.getLogger(__name__)


def cached_analyses(texts: Sequence[str], path: Path, *, prune: bool = True) -> list[Analysis]:
    """Analyses of ``texts``, reusing those stored at ``path`` and saving new ones there.

    ``prune`` rewrites the file with exactly these texts' analyses, dropping those of removed
    chunks (a bot loading every chunk); without it new analyses are added to what the file holds
    (a bot loading only the chunks that changed).
    """
    stored = _load(path)
    keys = [_key(text) for text in texts]
    missing = {key: text for key, text in zip(keys, texts, strict=True) if key not in stored}
    fresh = dict(zip(missing, analyze_many(list(missing.values())), strict=True)) if missing else {}
    found = {key: stored.get(key) or fresh[key] for key in keys}
    if prune and (fresh or len(found) != len(stored)):
        _save(path, found)
    elif fresh:
        _save(path, {**_load(path), **fresh})  # read again: an ingest may have added some
    return [found[key] for key in keys]


def add_analyses(texts: Sequence[str], path: Path) -> None:
    """Analyse ``texts`` not yet cached at ``path`` and add them, keeping every other entry.

    Ingest calls this so the bot finds new chunks already analysed; entries of removed chunks
    are dropped later, by the next :func:`cached_analyses` over the full set.
    """
    stored = _load(path)
    missing = {
        key: text for key, text in ((_key(text), text) for text in texts) if key not in stored
    }
    if not missing:
        return
    stored.update(zip(missing, analyze_many(list(missing.values())), strict=True))
    _save(path, stored)


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _load(path: Path) -> dict[str, Analysis]:
    """The stored analyses, or nothing when the file is missing, unreadable or outdated."""
    try:
        with path.open("rb") as file:
            version, entries = pickle.load(file)
    except FileNotFoundError:
        return {}
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError) as error:
        _log.warning("Ignoring unreadable lexical cache %s: %s", path, error)
        return {}
    if version != _VERSION or not isinstance(entries, dict):
        return {}
    return {key: Analysis(terms, sentences) for key, (terms, sentences) in entries.items()}


def _save(path: Path, analyses: dict[str, Analysis]) -> None:
    """Write atomically, so a second process never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    entries = {key: (a.terms, a.sentences) for key, a in analyses.items()}
    with temporary.open("wb") as file:
        pickle.dump((_VERSION, entries), file, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)
