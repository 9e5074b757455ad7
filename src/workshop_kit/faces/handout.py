"""Printed handouts: a workshop's deck as an A4 document a trainer can print, within a page budget.

Slides are for a screen; the handout is for paper. It prints the attendee deck's parts (never
trainer-only text) as they are, flowing over A4 pages rather than one 16:9 page per slide, with
the detail the screen leaves out (`Part.detail`: the full timeline table, each unavailable
route's reasons, every quiz answer). A case study is given at a glance, on pages of its own: the
facts, the routes, the timeline chart, the viability and balance sheet summaries and the
questions; its long detail (each route's reasons, the timeline table, the evidence, every point
of the balance sheet) is in the client's training pack (`workshop-kit report`), and the handout
says so. The budget (issue 17): no handout over `MAX_PAGES`, no case over `CASE_MAX_PAGES`,
measured on the printed PDF and said by `workshop-kit slides --handout`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from workshop_kit.faces.chromium import headless_chromium
from workshop_kit.faces.deck import design_groups

MAX_PAGES = 40
CASE_MAX_PAGES = 4
CASE_PREFIX = "Case: "
"""The explorer's groups are one case each, titled "Case: …" (`deck.design_case_explorer`)."""
HANDOUT_TEMPLATE = Path(__file__).parent / "templates" / "deck" / "handout.html.j2"
STYLE_BLOCK = re.compile(r"<style[^>]*>.*?</style>", re.S)


@dataclass
class HandoutSection:
    title: str
    level: int
    anchor: str
    body: str
    case: bool = False


@dataclass
class Handout:
    title: str
    sections: list[HandoutSection]
    styles: list[str] = field(default_factory=list)


def _anchor(number: int, title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48]
    return f"part-{number}-{slug}"


def design_handout(notebook: Path, *, today: dt.date | None = None,
                   cases: tuple[str, ...] | None = None) -> Handout:
    """The deck's parts for paper: each slide group a section, its parts one after another, a
    quiz answer printed under its question."""
    title, groups = design_groups(notebook, today=today, handout=True, cases=cases)
    runs: list[tuple[str, int, list]] = []
    for group in groups:
        runs.append((group.title, group.level, []))
        for part in group.parts:
            if part.new_group:  # the explorer: a group of its own for each case
                runs.append((part.new_group, 2, []))
            runs[-1][2].append(part)
    styles: list[str] = []
    sections = []
    for number, (heading, level, parts) in enumerate(runs, start=1):
        if not parts:
            continue
        body = "".join(p.html + (f'<div class="wk-fragment">{p.fragment}</div>'
                                 if p.fragment else "") for p in parts)
        styles.extend(STYLE_BLOCK.findall(body))
        sections.append(HandoutSection(heading, level, _anchor(number, heading),
                                       STYLE_BLOCK.sub("", body),
                                       case=heading.startswith(CASE_PREFIX)))
    return Handout(title, sections, list(dict.fromkeys(styles)))


def render_handout(handout: Handout) -> str:
    from jinja2 import Environment

    from workshop_kit.faces.report import css_string
    from workshop_kit.faces.slides import DECK_FOOTER

    environment = Environment(autoescape=True)
    environment.filters["css_string"] = css_string
    template = environment.from_string(HANDOUT_TEMPLATE.read_text(encoding="utf-8"))
    return template.render(handout=handout, footer=DECK_FOOTER)


@dataclass
class HandoutPages:
    """What a printed handout came to: its pages, and the pages each case study takes."""

    pdf: Path
    pages: int
    cases: dict[str, int] = field(default_factory=dict)

    def over_budget(self) -> list[str]:
        """What breaks the budget, in words; empty when the handout is within it."""
        over = [f"{self.pages} pages, over the {MAX_PAGES}-page budget"] if self.pages > MAX_PAGES else []
        over += [f"'{case}' takes {pages} pages, over the {CASE_MAX_PAGES}-page budget for a case"
                 for case, pages in self.cases.items() if pages > CASE_MAX_PAGES]
        return over

    def line(self) -> str:
        """`NAME.handout.pdf: N pages`, with the pages per case for the explorer."""
        said = f"{self.pdf.name}: {self.pages} pages"
        if self.cases:
            counts = sorted(self.cases.values())
            said += (f" ({len(counts)} cases, {counts[0]}–{counts[-1]} pages each)"
                     if counts[0] != counts[-1] else
                     f" ({len(counts)} cases, {counts[0]} pages each)")
        over = self.over_budget()
        return said + (f" — OVER BUDGET: {'; '.join(over)}" if over else "")


def measure_handout(pdf: Path, handout: Handout) -> HandoutPages:
    """Count the printed pages, and each case's from the page its section starts on to the page
    the next section starts on (a case, and the section after one, start on a new page). The
    start pages are the named destinations Chromium writes for the handout's contents links."""
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    starts: dict[str, int] = {}
    for name, dest in reader.named_destinations.items():
        number = reader.get_destination_page_number(dest)
        if number is not None:
            starts[name.lstrip("/")] = number + 1
    total = len(reader.pages)
    cases: dict[str, int] = {}
    for index, section in enumerate(handout.sections):
        if not section.case:
            continue
        if section.anchor not in starts:
            raise ValueError(f"{pdf.name}: the printed PDF does not say where '{section.title}' "
                             "starts (no named destination for it)")
        following = [starts[s.anchor] for s in handout.sections[index + 1:] if s.anchor in starts]
        end = following[0] if following else total + 1
        cases[section.title.removeprefix(CASE_PREFIX)] = end - starts[section.anchor]
    return HandoutPages(pdf, total, cases)


def build_handout(notebook: Path, out_dir: Path, *, today: dt.date | None = None,
                  cases: tuple[str, ...] | None = None) -> HandoutPages:
    """Write `handout/<name>.handout.html` and print it to `<name>.handout.pdf` (A4), with
    the notice and "Page N of M" on every page; written beside and renamed, never half a file."""
    from workshop_kit.faces.slides import HANDOUT_FOLDER, write_atomically

    handout = design_handout(notebook, today=today, cases=cases)
    html = write_atomically(out_dir / HANDOUT_FOLDER / f"{notebook.stem}.handout.html",
                            render_handout(handout))
    pdf = out_dir / f"{notebook.stem}.handout.pdf"
    with tempfile.TemporaryDirectory(dir=html.parent, prefix=".print-") as tmp:
        printed = Path(tmp) / "handout.pdf"
        with headless_chromium("Handouts", "--handout") as browser:
            page = browser.new_page()
            page.goto(html.resolve().as_uri())
            page.pdf(path=str(printed), prefer_css_page_size=True, print_background=True,
                     tagged=True, outline=True)
        measured = measure_handout(printed, handout)
        os.replace(printed, pdf)
    measured.pdf = pdf
    return measured
