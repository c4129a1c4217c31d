"""Build the sample corpus's PDF, DOCX and HWPX files from the plain-text sources in corpus_src/.

Dev-time only: run once after editing a source, then commit the outputs in samples/corpus/.

    python samples/make_binary_docs.py            # build every binary document
    python samples/make_binary_docs.py --check    # build, then read each file back and compare

Source format (one file per document, UTF-8): the first line is ``# 제목``, lines starting with
``## `` are section headings, every other non-blank line is one paragraph. The output format is
the source's second suffix: ``operating_rules.docx.txt`` becomes ``corpus/operating_rules.docx``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
SRC_DIR = HERE / "corpus_src"
OUT_DIR = HERE / "corpus"
FONT_DIR = Path("/usr/share/fonts/truetype/nanum")  # Debian's fonts-nanum
FONT_REGULAR = FONT_DIR / "NanumGothic.ttf"
FONT_BOLD = FONT_DIR / "NanumGothicBold.ttf"
# A fixed timestamp keeps rebuilt files byte-stable where the library lets us choose.
FIXED_TIME = dt.datetime(2026, 1, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
MAX_BYTES = 200_000


@dataclass(frozen=True)
class Block:
    """One unit of a source document: the title, a section heading or a paragraph."""

    kind: str  # "title" | "heading" | "para"
    text: str


def parse_source(path: Path) -> list[Block]:
    """Split a corpus_src file into title, headings and paragraphs."""
    blocks: list[Block] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("## "):
            blocks.append(Block("heading", line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(Block("title", line[2:].strip()))
        else:
            blocks.append(Block("para", line))
    if not blocks or blocks[0].kind != "title":
        raise ValueError(f"{path.name}: the first line must be '# 제목'")
    return blocks


def write_pdf(blocks: list[Block], out: Path) -> None:
    """Write a PDF with an embedded, subsetted NanumGothic so pypdf extracts the Korean text."""
    from fpdf import FPDF

    # fontTools reports every OpenType table it leaves out of the subset; that is expected noise.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_font("Nanum", "", str(FONT_REGULAR))
    pdf.add_font("Nanum", "B", str(FONT_BOLD))
    pdf.set_title(blocks[0].text)
    pdf.set_author("(사)한빛중소기업이업종교류연합회 사무국")
    pdf.set_creation_date(FIXED_TIME)
    pdf.add_page()
    for block in blocks:
        if block.kind == "title":
            pdf.set_font("Nanum", "B", 17)
            pdf.multi_cell(0, 10, block.text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif block.kind == "heading":
            pdf.ln(3)
            pdf.set_font("Nanum", "B", 12.5)
            pdf.multi_cell(0, 8, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Nanum", "", 10.5)
            pdf.multi_cell(0, 6.5, block.text, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
    pdf.output(str(out))


def write_docx(blocks: list[Block], out: Path) -> None:
    """Write a Word document whose headings use Word's own heading styles."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = blocks[0].text
    props.author = "(사)한빛중소기업이업종교류연합회 사무국"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    for block in blocks:
        if block.kind == "title":
            document.add_heading(block.text, level=0)
        elif block.kind == "heading":
            document.add_heading(block.text, level=1)
        else:
            document.add_paragraph(block.text)
    document.save(str(out))


def write_hwpx(blocks: list[Block], out: Path) -> None:
    """Write a Hangul (HWPX) document through python-hwpx."""
    from hwpx.document import HwpxDocument

    document = HwpxDocument.new()
    for block in blocks:
        if block.kind == "title":
            document.add_heading(block.text, 1)
        elif block.kind == "heading":
            document.add_heading(block.text, 2)
        else:
            document.add_paragraph(block.text)
    document.save_to_path(str(out))


WRITERS = {".pdf": write_pdf, ".docx": write_docx, ".hwpx": write_hwpx}


def read_back(path: Path) -> str:
    """Extract the text of a built file the way an ingester would, to prove it round-trips."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(path).pages)
    if path.suffix == ".docx":
        import docx

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    texts: list[str] = []
    with zipfile.ZipFile(path) as archive:
        sections = sorted(n for n in archive.namelist() if n.startswith("Contents/section"))
        for name in sections:
            root = ElementTree.fromstring(archive.read(name))
            # HWPX keeps running text in <hp:t> elements, whatever the namespace prefix.
            texts.extend(el.text or "" for el in root.iter() if el.tag.endswith("}t"))
    return "\n".join(texts)


def squash(text: str) -> str:
    """Drop all whitespace so line wrapping in a PDF does not fail the comparison."""
    return "".join(text.split())


def check(blocks: list[Block], out: Path) -> list[str]:
    """Return the problems found when the built file is read back (empty when it is good)."""
    problems: list[str] = []
    size = out.stat().st_size
    if size > MAX_BYTES:
        problems.append(f"{out.name}: {size} bytes is over {MAX_BYTES}")
    extracted = squash(read_back(out))
    missing = [b.text for b in blocks if squash(b.text) not in extracted]
    if missing:
        problems.append(f"{out.name}: {len(missing)} blocks not extractable, e.g. {missing[0]!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Build every binary document from corpus_src/ and optionally verify the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="read each file back and compare")
    args = parser.parse_args(argv)

    OUT_DIR.mkdir(exist_ok=True)
    problems: list[str] = []
    for src in sorted(SRC_DIR.glob("*.txt")):
        target = OUT_DIR / src.stem  # "x.pdf.txt" -> "x.pdf"
        writer = WRITERS.get(target.suffix)
        if writer is None:
            problems.append(f"{src.name}: unknown output format {target.suffix!r}")
            continue
        blocks = parse_source(src)
        writer(blocks, target)
        sys.stdout.write(f"built {target.relative_to(HERE)} ({target.stat().st_size:,} bytes)\n")
        if args.check:
            problems.extend(check(blocks, target))
    for problem in problems:
        sys.stderr.write(f"PROBLEM {problem}\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
