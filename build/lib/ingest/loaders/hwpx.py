"""HWPX (OWPML) files: a zip of XML parts; paragraph text from Contents/section*.xml."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from ingest.document import Block, promote_title_line

_SECTION = re.compile(r"^Contents/section(\d+)\.xml$")


def load(path: Path) -> list[Block]:
    """Blocks of a .hwpx file, one per paragraph (table cells included), in reading order."""
    with zipfile.ZipFile(path) as archive:
        names = sorted(
            (int(match.group(1)), name)
            for name in archive.namelist()
            if (match := _SECTION.match(name))
        )
        # The standard parser never fetches external entities, and expat refuses entity
        # expansion bombs, so untrusted XML is safe to parse here.
        roots = [ElementTree.fromstring(archive.read(name)) for _, name in names]
    blocks = [Block(text) for root in roots for text in _paragraphs(root)]
    return promote_title_line(blocks)


def _paragraphs(root: ElementTree.Element) -> list[str]:
    """Text of every ``p`` element, counting only its own runs (not nested table cells)."""
    collected: list[list[str]] = []
    _walk(root, None, collected)
    return [text for parts in collected if (text := "".join(parts).strip())]


def _walk(
    element: ElementTree.Element, parts: list[str] | None, collected: list[list[str]]
) -> None:
    """Depth-first walk giving each ``t`` text to its closest enclosing paragraph."""
    name = element.tag.rsplit("}", 1)[-1]
    if name == "p":
        parts = []
        collected.append(parts)
    elif name == "t" and parts is not None:
        parts.append("".join(element.itertext()))
        return
    for child in element:
        _walk(child, parts, collected)
