"""A printed document from renderer output: cover, contents, parts each with its own numbered
notes, one list of the points to be confirmed, and an ending with the provider's details.

While a part renders, `html.PRINTING` is set, so every shared renderer (facts, verdicts, balance
sheet) writes a fact's source as a note number and 'to be confirmed' as a small mark instead of
spelling both out in every cell. The document holds no legal text: it only arranges what the
renderers and content files say.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape, unescape

from workshop_kit import DISCLAIMER
from workshop_kit.core.facts import SourcedFact
from workshop_kit.core.provider import Provider
from workshop_kit.faces.html import CONFIDENCE_LABELS, PRINTING, TBC, long_date

TBC_ID = "to-be-confirmed"
TBC_SYMBOL = "⚠"
PAGE_PLACEHOLDER = "00"
"""What the contents show before the page numbers are known: as wide as a real number, so
filling them in cannot move anything."""

_CITE = re.compile(r'<span class="wk-(?:cite|flag-source)">(?:Source: )?(.*?)</span>', re.S)


@dataclass
class Part:
    """One chapter: starts on a new page (unless `new_page` is off), has an id the contents link
    to, and ends with the notes its body cited."""

    id: str
    title: str
    body: str = ""
    notes: list[str] = field(default_factory=list)
    new_page: bool = True


@dataclass(frozen=True)
class Unsettled:
    """A point shown with the 'to be confirmed' mark, for the summary section."""

    text: str
    caveat: str | None
    where: str


class _PartPrinting:
    """`html.Printing` for one part: notes numbered within the part, deduplicated."""

    def __init__(self, part: Part, register: list[Unsettled]):
        self.part = part
        self.register = register
        self.numbers: dict[str, int] = {}

    def note(self, text: str) -> str:
        number = self.numbers.setdefault(text, len(self.numbers) + 1)
        if number > len(self.part.notes):
            self.part.notes.append(text)
        return (f'<sup class="wk-ref"><a href="#{self.part.id}-note-{number}" '
                f'aria-label="note {number}">{number}</a></sup>')

    def tbc_mark(self) -> str:
        return (f'<a class="wk-tbc-mark" href="#{TBC_ID}"><span aria-hidden="true">{TBC_SYMBOL}'
                f'</span><span class="wk-sr"> (to be confirmed)</span></a>')

    def fact(self, fact: SourcedFact) -> str:
        detail = f"{fact.source}. {CONFIDENCE_LABELS[fact.confidence].capitalize()}"
        if fact.caveat:
            detail += f". {fact.caveat}"
        detail += f". Last reviewed {long_date(fact.last_reviewed)}."
        mark = ""
        if fact.to_be_confirmed:
            mark = self.tbc_mark()
            self.unsettled(fact.text, fact.caveat)
        return f"<span>{escape(fact.text)}</span>{mark}{self.note(detail)}"

    def unsettled(self, text: str, caveat: str | None = None) -> None:
        if all(u.text != text for u in self.register):
            self.register.append(Unsettled(text, caveat, self.part.title))


class Document:
    """Parts in order; `html()` is the body a report template wraps."""

    def __init__(self, title: str, client: str, day: dt.date, provider: Provider):
        self.title, self.client, self.day, self.provider = title, client, day, provider
        self.parts: list[Part] = []
        self.unsettled: list[Unsettled] = []

    def add(self, part_id: str, title: str, render: Callable[[_PartPrinting], str], *,
            new_page: bool = True) -> Part:
        """Render one part with notes and marks; inline citations become notes too."""
        part = Part(part_id, title, new_page=new_page)
        printing = _PartPrinting(part, self.unsettled)
        token = PRINTING.set(printing)
        try:
            body = render(printing)
        finally:
            PRINTING.reset(token)
        part.body = _CITE.sub(lambda m: printing.note(unescape(m.group(1)).strip()), body)
        self.parts.append(part)
        return part

    # --- the fixed pieces -------------------------------------------------------------------

    def cover(self, kind: str, subtitle: str | None = None) -> str:
        sub = f'<p class="wk-cover-sub">{escape(subtitle)}</p>' if subtitle else ""
        return (
            '<header class="wk-cover">'
            f'<p class="wk-cover-kind">{escape(kind)}</p>'
            f"<h1>{escape(self.title)}</h1>{sub}"
            '<dl class="wk-cover-facts">'
            f"<dt>Prepared for</dt><dd>{escape(self.client)}</dd>"
            f"<dt>Date</dt><dd>{long_date(self.day)}</dd>"
            f"<dt>Provided by</dt><dd>{escape(self.provider.name)}</dd></dl>"
            f'<div class="wk-notice" role="note"><strong>Please note.</strong> {escape(DISCLAIMER)}'
            "</div></header>"
        )

    def contents(self) -> str:
        items = "".join(
            f'<li><a href="#{p.id}"><span class="wk-toc-title">{escape(p.title)}</span>'
            f'<span class="wk-toc-page" data-part="{p.id}">{PAGE_PLACEHOLDER}</span></a></li>'
            for p in self.parts
        )
        return (f'<nav class="wk-contents" aria-labelledby="contents"><h2 id="contents">Contents</h2>'
                f"<ol>{items}</ol></nav>")

    def add_unsettled_summary(self) -> None:
        """The points marked with the symbol, each once, with what is to be checked."""
        def render(_printing: _PartPrinting) -> str:
            if not self.unsettled:
                return "<p>Nothing in this document is marked as to be confirmed.</p>"
            rows = "".join(
                f"<tr><td>{escape(u.text)}</td><td>{escape(u.caveat or '—')}</td>"
                f"<td>{escape(u.where)}</td></tr>"
                for u in self.unsettled
            )
            return (f"<p>Points marked <span aria-hidden=\"true\">{TBC_SYMBOL}</span> in this "
                    f"document are not settled: they are disputed, unsettled or not yet checked "
                    f"in a primary source ({escape(TBC)}). Check each against current sources "
                    "before relying on it.</p>"
                    '<table class="wk-table"><caption>Points to be confirmed</caption><thead><tr>'
                    '<th scope="col">Point</th><th scope="col">What to check</th>'
                    f'<th scope="col">Where</th></tr></thead><tbody>{rows}</tbody></table>')
        self.add(TBC_ID, "Points to be confirmed", render)

    def add_ending(self, next_steps: list[str], reading: list[str]) -> None:
        provider = self.provider

        def render(_printing: _PartPrinting) -> str:
            steps = "".join(f"<li>{escape(s)}</li>" for s in next_steps)
            books = "".join(f"<li>{escape(r)}</li>" for r in reading)
            contact = provider.contact
            lines = [escape(line) for line in contact.address]
            for label, value in (("Email", contact.email), ("Telephone", contact.phone),
                                 ("Web", contact.website)):
                if value:
                    lines.append(f"{label}: {escape(value)}")
            return (f"<h3>Next steps</h3><ol>{steps}</ol>"
                    + (f"<h3>Further reading</h3><ul>{books}</ul>" if books else "")
                    + f"<h3>Contact</h3><address><strong>{escape(provider.name)}</strong><br>"
                    + "<br>".join(lines) + "</address>"
                    + f'<div class="wk-notice" role="note"><strong>Please note.</strong> '
                      f"{escape(DISCLAIMER)}</div>")
        self.add("next-steps", "Next steps and contact", render)

    # --- the whole ----------------------------------------------------------------------------

    def html(self, kind: str, subtitle: str | None = None) -> str:
        return self.cover(kind, subtitle) + self.contents() + "".join(_part_html(p) for p in self.parts)


def _part_html(part: Part) -> str:
    notes = ""
    if part.notes:
        items = "".join(f'<li id="{part.id}-note-{n}">{escape(text)}</li>'
                        for n, text in enumerate(part.notes, start=1))
        notes = (f'<aside class="wk-notes" aria-label="Notes to {escape(part.title)}">'
                 f"<h3>Notes</h3><ol>{items}</ol></aside>")
    page = " wk-new-page" if part.new_page else ""
    return (f'<section class="wk-part{page}" id="{part.id}" aria-labelledby="{part.id}-h">'
            f'<h2 id="{part.id}-h">{escape(part.title)}</h2>{part.body}{notes}</section>')


def fill_page_numbers(html: str, pages: dict[str, int]) -> str:
    """Put each part's first page into the contents (after a first printing found them)."""
    def number(match: re.Match[str]) -> str:
        page = pages.get(match.group(1))
        return match.group(0) if page is None else match.group(0).replace(
            f">{PAGE_PLACEHOLDER}<", f">{page}<")
    return re.sub(r'<span class="wk-toc-page" data-part="([^"]+)">\d+<', number, html)
