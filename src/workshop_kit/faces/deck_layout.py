"""Fitting rendered HTML onto 1280×720 slides: split it at block boundaries and re-wrap each piece.

The renderers in `faces/` write HTML for a page that scrolls. A slide cannot scroll, so a long
table is split between rows (its caption and header repeated, the caption marked "continued"), a
long list between items (numbering carried on), and any other block between its children. Heights
are estimated from text length; the browser test in tests/test_slides.py measures every slide of
every deck, so an estimate that is too hopeful fails a test, not a trainer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import count

from bs4 import BeautifulSoup, NavigableString, Tag

SLIDE_WIDTH, SLIDE_HEIGHT = 1280, 720
BODY_HEIGHT = 480
"""Room for content under a slide's title and above the footer notice, in px (kept with margin)."""
LINE_PX, CHARS_PER_LINE = 27, 110
"""Body text at 20px: a line is about 28px tall and holds about 110 characters of prose."""
TABLE_LINE_PX, TABLE_CHARS_PER_LINE = 22, 118
"""Tables at 17px: a line across the full table width holds about 118 characters."""
SPLITTABLE = {"div", "section", "ul", "ol", "table", "tbody"}
STICKY = {"h1", "h2", "h3", "h4", "h5", "h6"}
"""A heading is never left alone at the bottom of a slide."""
BLOCKS = {"p", "li", "h3", "h4", "h5", "h6", "div", "br", "tr", "figcaption", "caption"}

_ids = count()


@dataclass
class Shell:
    """An element that wraps atoms: re-opened on every slide its children land on."""

    tag: str
    attrs: dict
    prefix: str = ""
    """HTML kept at the head of every piece: a table's caption and header."""
    uid: int = field(default_factory=lambda: next(_ids))
    caption: str = ""

    def open(self, first_index: int) -> str:
        attrs = dict(self.attrs)
        if self.tag == "ol" and first_index:
            attrs["start"] = str(int(attrs.get("start", 1)) + first_index)
        rendered = "".join(
            f' {k}="{_attr(v)}"' for k, v in attrs.items()
        )
        prefix = self.prefix
        if self.caption:
            caption = self.caption + (" (continued)" if first_index else "")
            prefix = f"<caption>{caption}</caption>" + prefix
        return f"<{self.tag}{rendered}>{prefix}"

    def close(self) -> str:
        return f"</{self.tag}>"


def _attr(value: object) -> str:
    text = " ".join(value) if isinstance(value, list) else str(value)
    return text.replace("&", "&amp;").replace('"', "&quot;")


def _slide_height(img: Tag) -> float:
    """The height size_images() wrote on an image (300px if it did not)."""
    value = img.get("data-slide-height")
    return float(value) if isinstance(value, str) else 300.0


@dataclass
class Atom:
    """A block that is never split: a paragraph, a list item, a table row, an image."""

    html: str
    height: float
    chain: list[tuple[Shell, int]]
    """The wrapping shells, outermost first, each with this atom's index among its children."""
    sticky: bool = False


def estimate_height(element: Tag | NavigableString, *, chars: float = CHARS_PER_LINE,
                    line: float = LINE_PX) -> float:
    """Rough rendered height in px: wrapped lines of text, plus a line per nested block."""
    if isinstance(element, NavigableString):
        return math.ceil(len(element.strip()) / chars) * line
    if element.name in {"img", "svg"}:
        return _slide_height(element)
    if element.name == "tr":
        cells = element.find_all(["th", "td"], recursive=False)
        widths = _column_shares(len(cells))
        heights = [estimate_height(c, chars=TABLE_CHARS_PER_LINE * w, line=TABLE_LINE_PX)
                   for c, w in zip(cells, widths, strict=True)]
        return max(heights, default=TABLE_LINE_PX) + 12
    pictures = element.find_all(["img", "svg"])
    text = element.get_text(" ", strip=True)
    drawn = sum(len(p.get_text(" ", strip=True)) for p in pictures if p.name == "svg")
    text = text[: max(0, len(text) - drawn)]  # an SVG's labels are part of its picture
    nested = len(element.find_all(BLOCKS))
    lines = math.ceil(len(text) / max(chars, 8)) + 0.5 * nested
    margin = line * 0.5 if element.name in {"p", "ul", "ol", "h3", "h4", "h5", "div"} else 4
    images = sum(_slide_height(i) for i in pictures)
    return max(lines, 1) * line + margin + images


def _column_shares(columns: int) -> list[float]:
    if columns <= 1:
        return [1.0] * columns
    if columns == 2:
        return [0.3, 0.7]
    first = 0.18
    return [first] + [(1 - first) / (columns - 1)] * (columns - 1)


def atoms(markup: str) -> tuple[list[Atom], list[str]]:
    """Split rendered HTML into atoms; return them with the <style> blocks found on the way."""
    soup = BeautifulSoup(markup, "html.parser")
    styles: list[str] = []
    found: list[Atom] = []
    _walk(soup, [], found, styles)
    return found, styles


def _walk(parent: Tag, chain: list[tuple[Shell, int]], found: list[Atom], styles: list[str]) -> None:
    index = 0
    for child in list(parent.children):
        if isinstance(child, NavigableString):
            if child.strip():
                found.append(Atom(str(child), estimate_height(child), _indexed(chain, index)))
                index += 1
            continue
        if not isinstance(child, Tag):  # never: html.parser gives only strings and tags
            continue
        if child.name == "style":
            styles.append(str(child))
            continue
        here = _indexed(chain, index)
        index += 1
        if child.name == "table":
            shell = _table_shell(child)
            rows = child.find_all("tr", recursive=False) + [
                tr for body in child.find_all("tbody", recursive=False)
                for tr in body.find_all("tr", recursive=False)]
            header = _header_height(child)
            pieces = [piece for row in rows for piece in split_row(row)]
            for n, row in enumerate(pieces):
                found.append(Atom(str(row), estimate_height(row) + (header if n == 0 else 0),
                                  [*here, (shell, n)]))
            continue
        if child.name in SPLITTABLE:
            shell = Shell(child.name, dict(child.attrs))
            _walk(child, [*here, (shell, 0)], found, styles)
            continue
        found.append(Atom(str(child), estimate_height(child), here,
                          sticky=child.name in STICKY))


def split_row(row: Tag) -> list[Tag]:
    """A table row too tall for a slide, cut between the items of the lists in its cells (a
    balance sheet's 'weighs for' and 'weighs against'); the row heading is repeated."""
    height = estimate_height(row)
    if height <= BODY_HEIGHT * 0.75:
        return [row]
    cells = row.find_all(["th", "td"], recursive=False)
    items = [[li for ul in c.find_all(["ul", "ol"]) for li in ul.find_all("li", recursive=False)]
             for c in cells]
    pieces = math.ceil(height / (BODY_HEIGHT * 0.6))
    if max((len(i) for i in items), default=0) < 2 or pieces < 2:
        return [row]
    rows: list[Tag] = []
    for piece in range(pieces):
        copy = BeautifulSoup(str(row), "html.parser").find("tr")
        if copy is None:  # str() of a <tr> always parses back to one
            raise ValueError(f"a table row did not survive re-parsing: {str(row)[:80]}")
        copy_cells = copy.find_all(["th", "td"], recursive=False)
        for cell, cell_items in zip(copy_cells, items, strict=True):
            lists = cell.find_all(["ul", "ol"])
            if not cell_items:
                if piece and cell.name == "td":
                    cell.clear()
                continue
            share = math.ceil(len(cell_items) / pieces)
            keep = set(range(piece * share, (piece + 1) * share))
            n = 0
            for lst in lists:
                for li in lst.find_all("li", recursive=False):
                    if n not in keep:
                        li.decompose()
                    n += 1
        if piece:
            head = copy_cells[0]
            if head.name == "th":
                title = head.find(string=True)
                head.clear()
                head.append(f"{title or ''} (continued)")
        rows.append(copy)
    return rows


def _indexed(chain: list[tuple[Shell, int]], index: int) -> list[tuple[Shell, int]]:
    """The chain with the innermost shell's child index set (it numbers a list's items)."""
    if not chain:
        return []
    shell, _ = chain[-1]
    return [*chain[:-1], (shell, index)]


def _table_shell(table: Tag) -> Shell:
    caption = table.find("caption", recursive=False)
    head = table.find("thead", recursive=False)
    shell = Shell("table", dict(table.attrs), prefix=str(head) if head else "",
                  caption=caption.decode_contents() if caption else "")
    return shell


def _header_height(table: Tag) -> float:
    height = 0.0
    if table.find("caption", recursive=False):
        height += TABLE_LINE_PX + 10
    head = table.find("thead", recursive=False)
    if head:
        height += max((estimate_height(r) for r in head.find_all("tr")), default=0)
    return height


def paginate(items: list[Atom], budget: float) -> list[list[Atom]]:
    """Fill slides greedily; a heading that would end a slide moves to the next one."""
    pages: list[list[Atom]] = [[]]
    used = 0.0
    for atom in items:
        extra = atom.height + _reopen_cost(pages[-1], atom)
        if pages[-1] and used + extra > budget:
            carried: list[Atom] = []
            while pages[-1] and pages[-1][-1].sticky:
                carried.insert(0, pages[-1].pop())
            if not pages[-1]:
                pages[-1], carried = carried, []
            pages.append(carried)
            used = sum(a.height for a in carried) + _reopen_cost([], atom)
            extra = atom.height
        pages[-1].append(atom)
        used += extra
    return [p for p in pages if p]


def _reopen_cost(page: list[Atom], atom: Atom) -> float:
    """A table cut in two repeats its caption and header on the new slide."""
    if page:
        return 0.0
    cost = 0.0
    for shell, index in atom.chain:
        if shell.tag == "table" and index:
            cost += TABLE_LINE_PX * 2 + 20
    return cost


def render(page: list[Atom]) -> str:
    """One slide's atoms with their shells re-opened around them."""
    out: list[str] = []
    stack: list[Shell] = []
    for atom in page:
        shells = [s for s, _ in atom.chain]
        keep = 0
        while keep < min(len(stack), len(shells)) and stack[keep].uid == shells[keep].uid:
            keep += 1
        while len(stack) > keep:
            out.append(stack.pop().close())
        for shell, index in atom.chain[keep:]:
            out.append(shell.open(index))
            stack.append(shell)
        out.append(atom.html)
    while stack:
        out.append(stack.pop().close())
    return "".join(out)
