"""An article as blocks (title, headings, paragraphs, list items), whatever it came
from: the common shape of the PDF and web-page readers. Blocks -> Markdown for the
builder; a compilation's blocks -> one article per title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Block:
    role: str  # title, heading, paragraph, item
    text: str  # Markdown inline text (**bold** kept)
    depth: int = 0  # list items: 0 for the outer list
    marker: str = "-"  # list items: "1." or "-"
    level: int = 0  # 1 title, 2 heading, 0 body
    size: float = 0.0  # the font size, where known
    page: int = 0  # the page it starts on, where known
    x0: float = 0.0  # its left edge on the page, where known


def markdown(blocks: list[Block]) -> str:
    """The blocks as Markdown: `#` title, `##` headings, list items on their own lines."""
    out: list[str] = []
    previous = ""
    for block in blocks:
        after, previous = previous, block.role
        if block.role == "item":
            if out and after != "item":
                out.append("")
            indent = "   " * block.depth
            lines = block.text.split("\n")  # a line of its own inside the item
            out.append(f"{indent}{block.marker} {lines[0]}")
            out += [f"{indent}   {line}" for line in lines[1:]]
            continue
        if out:
            out.append("")
        prefix = {"title": "# ", "heading": "## "}.get(block.role, "")
        out.append(prefix + block.text)
    return "\n".join(out).strip() + "\n"


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^(\s*)([-*+\u2022]|\d{1,2}[.)])\s+(.*)")


def from_markdown(text: str) -> list[Block]:
    """Markdown (as trafilatura writes it) -> blocks, one per heading, item or paragraph."""
    blocks: list[Block] = []
    for line in text.splitlines():
        if not line.strip():
            if blocks and blocks[-1].role == "paragraph":
                blocks.append(Block("break", ""))
            continue
        heading = _MD_HEADING.match(line)
        item = _MD_ITEM.match(line)
        if heading:
            level = min(len(heading[1]), 2)
            blocks.append(Block("title" if level == 1 else "heading", heading[2], level=level))
        elif item:
            marker = item[2] if item[2][0].isdigit() else "-"
            blocks.append(Block("item", item[3], depth=len(item[1]) // 2, marker=marker))
        elif blocks and blocks[-1].role in ("paragraph", "item"):
            blocks[-1].text += " " + line.strip()
        else:
            blocks.append(Block("paragraph", line.strip()))
    return [b for b in blocks if b.role != "break"]


def words(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)
