"""A content file that breaks while a room is being taught breaks one part of a page, in words.

`workshop-kit serve` validates everything before it starts; this is for a file edited (or added)
while it serves. The page shows everything else; the part that needs the broken file says so in
plain words, and in trainer view names the file, field and line. The server's log gets one line.
Never Voilà's red error box, never a traceback or a server path in the browser.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from html import escape
from pathlib import PurePath
from typing import TypeVar

import ipywidgets as widgets

from workshop_kit.core.loading import ContentError, Problem
from workshop_kit.faces.html import STYLE
from workshop_kit.faces.page_mode import TRAINER, visitor_mode

Shown = TypeVar("Shown")

NOTICE_STYLE = """
<style>
.wk-content-problem { border-left: 6px solid #8a5a00; background: #fff8e6; padding: .4em 1em;
    color: #1b1b1b; }
</style>
"""


def short_file_name(file: str) -> str:
    """`case_studies/x.yaml`, never the server's full path."""
    path = PurePath(file)
    return str(PurePath(path.parent.name, path.name)) if path.parent.name else path.name


def where(problem: Problem) -> str:
    line = f", line {problem.line}" if problem.line else ""
    field = f" [{problem.field}]" if problem.field else ""
    return f"{short_file_name(problem.file)}{line}{field}: {problem.message}"


def log_problems(what: str, problems: Iterable[Problem]) -> None:
    """One line per problem on the server's terminal (a kernel's stderr goes there)."""
    for problem in problems:
        print(f"workshop-kit: content problem in {what[0].lower() + what[1:]}: {where(problem)}",
              file=sys.__stderr__, flush=True)


def notice_html(what: str, problems: Iterable[Problem], *, rest_shown: bool = False) -> str:
    """Plain words for the room; file, field and line for the trainer."""
    problems = list(problems)
    rest = " The others are below." if rest_shown else " Everything else on this page works."
    trainer = visitor_mode() == TRAINER
    told = "" if trainer else " The trainer has been told."
    body = (f"<p><strong>{escape(what)} cannot be shown right now</strong>: a content file it "
            f"needs has a mistake in it.{rest}{told}</p>")
    if trainer:
        items = "".join(f"<li>{escape(where(p))}</li>" for p in problems)
        body += (f"<p>Trainer: fix this, then run <code>workshop-kit validate</code> and reload "
                 f"the page.</p><ul>{items}</ul>")
    return STYLE + NOTICE_STYLE + f'<div class="wk wk-content-problem" role="status">{body}</div>'


def shown_or_notice(build: Callable[[], Shown], what: str) -> Shown | widgets.HTML:
    """`build()`, or a plain-words notice when the content it reads is broken."""
    try:
        return build()
    except ContentError as exc:
        log_problems(what, exc.problems)
        return widgets.HTML(notice_html(what, exc.problems))
