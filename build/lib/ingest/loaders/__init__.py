"""Read a file of any supported format into a ``Document``, or say in Korean why not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest import texts
from ingest.document import Block, Document, build_document
from ingest.loaders import docx, html, hwpx, pdf, text
from ingest.loaders.errors import LoadError

__all__ = ["SUPPORTED_SUFFIXES", "LoadError", "load_document"]

_LOADERS: dict[str, Callable[[Path], list[Block]]] = {
    ".txt": text.load,
    ".md": text.load,
    ".markdown": text.load,
    ".html": html.load,
    ".htm": html.load,
    ".pdf": pdf.load,
    ".docx": docx.load,
    ".hwpx": hwpx.load,
}
SUPPORTED_SUFFIXES = frozenset(_LOADERS)


def load_document(path: Path) -> Document:
    """Load ``path``; raise ``LoadError`` with a Korean reason when it cannot be used."""
    suffix = path.suffix.lower()
    if suffix == ".hwp":
        raise LoadError(texts.HWP_LEGACY)
    loader = _LOADERS.get(suffix)
    if loader is None:
        raise LoadError(texts.UNSUPPORTED)
    try:
        if path.stat().st_size == 0:
            raise LoadError(texts.EMPTY_FILE)
        blocks = loader(path)
    except LoadError:
        raise
    except OSError as error:
        raise LoadError(texts.UNREADABLE) from error
    except Exception as error:
        # Parsers raise a zoo of exception types on damaged files; to the user they all mean
        # the same thing, and one bad file must not stop the batch.
        raise LoadError(texts.CORRUPT) from error
    document = build_document(blocks, fallback_title=path.stem)
    if not document.text.strip():
        raise LoadError(texts.NO_TEXT)
    return document
