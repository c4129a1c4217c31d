"""HTML pages: visible text by block element, headings kept, scripts and navigation dropped."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from ingest.document import Block, text_blocks

_DROPPED = ("script", "style", "nav", "noscript", "template", "iframe", "svg")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Block elements end a line; inline ones (b, a, span …) must not break a sentence apart.
_BLOCKS = ("p", "div", "li", "tr", "dt", "dd", "pre", "blockquote", "section", "article", "table")


def load(path: Path) -> list[Block]:
    """Blocks of an HTML file (the parser honours the page's declared charset)."""
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    for tag in soup.find_all(_DROPPED):
        tag.decompose()
    for heading in soup.find_all(_HEADINGS):
        level = int(heading.name[1])
        heading.replace_with(f"\n{'#' * level} {heading.get_text(' ', strip=True)}\n")
    for item in soup.find_all("li"):
        # Items stay items, as in Markdown: the lines of a list never run into one sentence.
        parent = item.find_parent(("ol", "ul"))
        if parent is not None and parent.name == "ol":
            number = len(item.find_previous_siblings("li")) + 1
            item.insert(0, f"{number}. ")
        else:
            item.insert(0, "- ")
    for cell in soup.find_all(("td", "th")):
        cell.insert_after(" | ")
    for tag in soup.find_all(_BLOCKS):
        tag.insert_after("\n")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    root = soup.body or soup
    lines = (" ".join(line.split()).strip(" |") for line in root.get_text().splitlines())
    blocks = text_blocks("\n".join(lines))
    title = soup.title.get_text(strip=True) if soup.title else ""
    if title and not any(block.level is not None for block in blocks):
        blocks.insert(0, Block(title, level=1))
    return blocks
