"""The pieces every renderer shares: the stylesheet, a sourced fact in a cell, the "to be
confirmed" badge, the notice, the report cover. Renderers of domain things are in `faces/render/`.
Every piece of content text is escaped here, once."""

from __future__ import annotations

import datetime as dt
from contextvars import ContextVar
from html import escape
from typing import Protocol

from workshop_kit import DISCLAIMER
from workshop_kit.core.calendar import long_date
from workshop_kit.core.facts import Confidence, SourcedFact

TBC = "⚠ To be confirmed"
"""How every face marks an unverified or disputed point: in words, never by colour alone."""


class Printing(Protocol):
    """How a printed document (faces/document.py) shows a fact: its source as a numbered note and
    'to be confirmed' as a small mark, instead of both written out in every cell."""

    def fact(self, fact: SourcedFact) -> str: ...

    def tbc_mark(self) -> str: ...


PRINTING: ContextVar[Printing | None] = ContextVar("PRINTING", default=None)
"""Set while a printed document renders a part; every renderer below then prints in its style."""


def tbc_badge(flag: bool = True) -> str:
    if flag and (printing := PRINTING.get()) is not None:
        return printing.tbc_mark()
    return f' <span class="wk-tbc">{TBC}</span>' if flag else ""


CONFIDENCE_LABELS = {
    Confidence.VERIFIED: "checked in the primary source",
    Confidence.SECONDARY: "from a secondary source",
    Confidence.UNVERIFIED: "widely stated, not checked in a source",
}

# Colours meet WCAG 2.2 AA contrast on white (checked: text 4.5:1 or more); meaning is always
# carried by words too, never by colour alone.
STYLE = """
<style>
.wk { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
      color: #1b1b1b; line-height: 1.45; font-size: 15px; }
.wk a { color: #1d4f91; text-decoration: underline; }
.wk a:hover, .wk a:focus-visible { color: #0b2e5c; text-decoration-thickness: 2px; }
.wk-nowrap { white-space: nowrap; }
.wk-banner { border-left: 6px solid #1d4f91; background: #eef3fa; padding: .6em 1em;
             margin: .5em 0 1em; font-size: .95em; }
.wk-table { border-collapse: collapse; width: 100%; font-size: .95em; }
.wk.wk-table.wk-narrow { width: auto !important; min-width: 24em; }
.wk.wk-table.wk-narrow tbody th { width: auto; }
.wk-table caption { text-align: left; font-weight: 600; padding: .4em 0; }
.wk.wk-table th, .wk.wk-table td { border: 1px solid #8a8a8a; padding: .45em .6em; vertical-align: top;
                             text-align: left; }
.wk.wk-table thead th { background: #1d4f91; color: #ffffff; }
.wk.wk-table tbody th { background: #f3f3f3; width: 18%; }
.wk-tbc { display: inline-block; margin-top: .3em; padding: .05em .4em; border: 1px solid #8a5a00;
          background: #fff4e0; color: #5c3b00; font-weight: 600; font-size: .85em; }
.wk-source summary { cursor: pointer; color: #1d4f91; text-decoration: underline;
                     font-size: .85em; margin-top: .3em; }
.wk-source summary:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
.wk-source p { margin: .3em 0; font-size: .85em; color: #333333; }
.wk-note { color: #333333; font-style: italic; }
</style>
"""


def disclaimer_banner() -> str:
    return f'<div class="wk wk-banner" role="note"><strong>Please note:</strong> {escape(DISCLAIMER)}</div>'


def fact_cell(fact: SourcedFact, *, inline_sources: bool = False) -> str:
    """One fact: its text, a visible 'to be confirmed' flag where unsettled, and its source.

    Live pages fold the source away behind a 'Source' toggle; printed reports show it inline,
    since a folded source cannot be opened on paper.
    """
    if (printing := PRINTING.get()) is not None:
        return printing.fact(fact)
    parts = [f"<span>{escape(fact.text)}</span>"]
    if fact.to_be_confirmed:
        parts.append("<br>" + tbc_badge().strip())
    details = [
        f"<p><strong>Source:</strong> {escape(fact.source)}</p>",
        f"<p><strong>Confidence:</strong> {escape(CONFIDENCE_LABELS[fact.confidence])}</p>",
    ]
    if fact.caveat:
        details.append(f"<p><strong>Caveat:</strong> {escape(fact.caveat)}</p>")
    details.append(f"<p><strong>Last reviewed:</strong> {long_date(fact.last_reviewed)}</p>")
    if inline_sources:
        parts.append('<div class="wk-source">' + "".join(details) + "</div>")
    else:
        parts.append(
            '<details class="wk-source"><summary>Source</summary>' + "".join(details) + "</details>"
        )
    return "".join(parts)


def report_cover(client: str, course_date: dt.date) -> str:
    """The first thing a client reads: who it is for, when, and what it is not."""
    return (
        STYLE
        + '<div class="wk"><p class="wk-note">Network Days — bespoke training report</p>'
        + f"<h1>Prepared for {escape(client)}</h1>"
        + f"<p><strong>Training date:</strong> {long_date(course_date)}</p>"
        + disclaimer_banner()
        + "</div>"
    )

