"""A workshop notebook redesigned as slides: the notebook's order, each part laid out for 16:9.

The deck follows the notebook cell by cell. A markdown cell gives a slide group its heading; each
code cell is one call (`page.key_points("steps")`, `TimelinePlanner(route=...)`) that has a slide
design here: the same renderers the widgets use, cut to fit a slide (`deck_layout`), with speaker
notes from the content (trainer notes, timings, model answers, answers with their sources). A call
with no design is an error naming the notebook and cell, so a new widget cannot slip into a deck
as a 17,000 px slide.
"""

from __future__ import annotations

import ast
import base64
import datetime as dt
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup

from workshop_kit.core.content import case_studies, orders_chart, workshop_plan
from workshop_kit.core.content import countries as load_countries
from workshop_kit.core.facts import SourcedFact
from workshop_kit.core.orders import compare
from workshop_kit.core.quiz import Question
from workshop_kit.core.workshop_plan import Section, WorkshopPlan
from workshop_kit.faces import deck_layout
from workshop_kit.faces.html import CONFIDENCE_LABELS, disclaimer_banner, long_date, tbc_badge


def interactive_calls() -> set[str]:
    """Calls that are widgets on the live page (every exported widget, and the knowledge check):
    the notebook's words about using them ("tick", "press Check") go to the speaker notes, not
    onto a static slide."""
    from workshop_kit.faces import widgets

    return {*widgets.__all__, "knowledge_check"}
CONTENT_WIDTH = 1180
IMAGE_MAX_HEIGHT = 430
"""Charts are scaled to fit under a slide title (the deck's CSS caps them at this height)."""


class DeckError(ValueError):
    """A notebook cell the deck has no slide design for."""


@dataclass
class Part:
    """Some HTML for the room, with what the trainer should see while it is up."""

    html: str
    notes: list[str] = field(default_factory=list)
    fragment: str = ""
    """Shown on the next key press (a knowledge-check answer)."""
    new_slide: bool = False
    new_group: str | None = None
    """Start a new horizontal slide group with this title (one case study per group)."""
    detail: bool = False
    """Only in the handout: detail a room does not need on the screen (each unavailable route's
    reasons, the full timeline table, where a case's full detail is printed)."""


@dataclass
class Slide:
    title: str
    body: str
    notes: list[str]
    fragment: str = ""


@dataclass
class Group:
    title: str
    level: int = 2
    slides: list[Slide] = field(default_factory=list)


@dataclass
class Deck:
    title: str
    groups: list[Group]
    styles: list[str]

    @property
    def slide_count(self) -> int:
        return sum(len(g.slides) for g in self.groups)


# --- compact pieces for slides ----------------------------------------------------------------


def fact_html(fact: SourcedFact) -> str:
    """A fact on a slide: the text, a 'to be confirmed' flag and caveat where unsettled, and the
    source in one short line (confidence and review date go to the notes)."""
    caveat = (f'<span class="wk-cite"><strong>Caveat:</strong> {escape(fact.caveat)}</span>'
              if fact.caveat and fact.to_be_confirmed else "")
    return (f"{escape(fact.text)}{tbc_badge(fact.to_be_confirmed)}{caveat}"
            f'<span class="wk-cite">Source: {escape(fact.source)}</span>')


def fact_note(fact: SourcedFact) -> str:
    return (f"{escape(fact.source)} — {escape(CONFIDENCE_LABELS[fact.confidence])}; last reviewed "
            f"{long_date(fact.last_reviewed)}.")


def compact_sources(markup: str) -> str:
    """Fold-away and printed-out sources become one 'Source: …' line; a slide has no room for
    four lines of provenance per cell, and a <details> cannot be opened on a projector."""
    soup = BeautifulSoup(markup, "html.parser")
    for block in soup.select("details.wk-source, div.wk-source"):
        lines = {}
        for para in block.find_all("p"):
            label = para.find("strong")
            if label:
                key = label.get_text(strip=True).rstrip(":")
                label.extract()
                lines[key] = para.get_text(" ", strip=True)
        cite = soup.new_tag("span", attrs={"class": "wk-cite"})
        cite.string = "Source: " + lines.get("Source", "")
        block.replace_with(cite)
    return str(soup)


def size_images(markup: str) -> str:
    """Tell the layout how tall each chart will be on the slide (from a PNG's header or an
    SVG's viewBox)."""
    soup = BeautifulSoup(markup, "html.parser")
    for img in soup.find_all(["img", "svg"]):
        width_px, height_px = 0, 0
        src, view_box = img.get("src"), img.get("viewBox") or img.get("viewbox")
        if isinstance(src, str) and src.startswith("data:image/png;base64,"):
            head = base64.b64decode(src.split(",", 1)[1][:44] + "==")[:24]
            width_px, height_px = struct.unpack(">II", head[16:24])
        elif isinstance(view_box, str) and len(view_box.split()) == 4:
            width_px, height_px = (int(float(v)) for v in view_box.split()[2:])
        height = (min(IMAGE_MAX_HEIGHT, height_px * min(1.0, CONTENT_WIDTH / max(width_px, 1)))
                  if height_px else IMAGE_MAX_HEIGHT)
        img["data-slide-height"] = str(int(height) + 20)
    return str(soup)


def split_routes(markup: str) -> tuple[str, list[tuple[str, str]]]:
    """The route finder's output as (the 'routes at a glance' table, [(verdict, one route's
    reasons)]), so the table can go on screen and each route's detail where it fits."""
    soup = BeautifulSoup(markup, "html.parser")
    blocks: list[tuple[str, str]] = []
    for block in soup.select("div.wk-route"):
        verdict = block.get("data-verdict")
        blocks.append((verdict if isinstance(verdict, str) else "",
                       f'<div class="wk wk-routes">{block.extract()}</div>'))
    return str(soup), blocks


def _list(items: list[str], tag: str = "ul", start: int = 1) -> str:
    first = f' start="{start}"' if tag == "ol" and start != 1 else ""
    return f"<{tag}{first}>" + "".join(f"<li>{i}</li>" for i in items) + f"</{tag}>"


def _notes_list(title: str, items: list[str]) -> str:
    return f"<p><strong>{escape(title)}</strong></p>" + _list([escape(i) for i in items])


# --- designs, one per call a notebook makes ---------------------------------------------------


@dataclass
class Context:
    plan: WorkshopPlan
    section: Section | None
    prose: str
    """The markdown cell's words when they describe using a widget: they belong in the notes."""
    today: dt.date
    cases: tuple[str, ...] | None = None
    """The case ids an event chose (`slides --event`): the explorer deck holds only those, in
    that order; None: every case."""


def _section_notes(ctx: Context) -> list[str]:
    notes = []
    if ctx.section is not None:
        notes.append(f"<p><strong>{escape(ctx.section.title)}</strong> — about "
                     f"{ctx.section.minutes} minutes.</p>")
        if ctx.section.trainer_notes:
            notes.append(_notes_list("Trainer notes", ctx.section.trainer_notes))
    if ctx.prose:
        notes.append(f"<p><strong>On the live page:</strong> {ctx.prose}</p>")
    return notes


def design_header(ctx: Context) -> list[Part]:
    plan = ctx.plan
    about = (disclaimer_banner()
             + f'<div class="wk"><p><strong>For:</strong> {escape(plan.audience)} · '
             f"<strong>Time to teach:</strong> about {plan.minutes} minutes</p></div>")
    timings = "".join(f"<tr><td>{escape(s.title)}</td><td>{s.minutes} min</td></tr>"
                      for s in plan.sections)
    notes = [f"<p><strong>Session timings</strong> (about {plan.minutes} minutes in all)</p>"
             f"<table>{timings}</table>", f"<p>{escape(plan.summary)}</p>"]
    parts = [Part(about, notes),
             Part('<div class="wk"><h3>Learning objectives</h3>'
                  + _list([escape(o) for o in plan.objectives]) + "</div>", notes, new_slide=True)]
    if plan.prerequisites:
        parts.append(Part('<div class="wk"><h3>Prerequisites</h3>'
                          + _list([escape(p) for p in plan.prerequisites]) + "</div>", notes))
    return parts


def design_key_points(ctx: Context, section_id: str) -> list[Part]:
    section = ctx.plan.section(section_id)
    ctx.section = section
    notes = _section_notes(ctx)
    if section.key_points:
        notes.append(_notes_list("Sources", []) + _list([fact_note(f) for f in section.key_points]))
    points = [f'<li class="wk-point">{fact_html(f)}</li>' for f in section.key_points]
    return [Part(f'<ul class="wk wk-points">{"".join(points)}</ul>', notes)] if points else []


def design_discussion(ctx: Context) -> list[Part]:
    parts = []
    for number, item in enumerate(ctx.plan.discussion, start=1):
        notes = [f"<p><strong>Model answer to {number}:</strong> {escape(item.model_answer)}</p>"
                 if item.model_answer else f"<p>No model answer for question {number}.</p>"]
        parts.append(Part(f'<ol class="wk" start="{number}"><li>{escape(item.prompt)}</li></ol>',
                          notes))
    return parts


def question_slide(question: Question, number: int, total: int) -> Part:
    """One question per slide; its answer and why come on the next key press."""
    letters = "ABCDE"
    choices = "".join(f'<li><span class="wk-letter">{letters[i]}.</span> {escape(label)}</li>'
                      for i, (label, _) in enumerate(question.choices))
    answer_letter = next(letters[i] for i, (_, value) in enumerate(question.choices)
                         if value == question.answer and type(value) is type(question.answer))
    body = (f'<div class="wk wk-question"><p class="wk-qnum">Question {number} of {total}</p>'
            f'<p class="wk-prompt">{escape(question.prompt)}</p>'
            f'<ul class="wk-choices">{choices}</ul></div>')
    answer = (f'<div class="wk wk-answer"><p><strong>Answer: {answer_letter}. '
              f"{escape(question.answer_text)}</strong></p>"
              f"<p>{fact_html(question.explanation)}</p></div>")
    notes = [f"<p><strong>Answer:</strong> {answer_letter}. {escape(question.answer_text)}</p>",
             f"<p>{escape(question.explanation.text)}</p><p>{fact_note(question.explanation)}</p>",
             "<p>Let the room choose (hands up or a room poll) before revealing the answer.</p>"]
    return Part(body, notes, fragment=answer, new_slide=True)


def design_knowledge_check(ctx: Context) -> list[Part]:
    from workshop_kit.core.content import question_bank

    if not ctx.plan.quiz:
        return [Part('<div class="wk"><p>This workshop has no knowledge check.</p></div>',
                     _section_notes(ctx))]
    bank = question_bank(ctx.plan.quiz)
    total = len(bank.questions)
    return [question_slide(q, n, total) for n, q in enumerate(bank.questions, start=1)]


def design_further_reading(ctx: Context) -> list[Part]:
    from workshop_kit.faces.render.workshop import further_reading_html

    notes = ["<p>Point the room to the handout: every source here is listed there in full.</p>"]
    return [Part(further_reading_html(ctx.plan), notes)]


def design_orders(ctx: Context, selected: list[str] | None = None) -> list[Part]:
    from workshop_kit.core.orders import DEFAULT_SELECTION
    from workshop_kit.faces.render.orders import comparison_table

    comparison = compare(orders_chart(), list(selected or DEFAULT_SELECTION))
    return [Part(compact_sources(comparison_table(comparison)), _section_notes(ctx))]


def design_timeline(ctx: Context, route: str = "sgo_abroad") -> list[Part]:
    from workshop_kit.core.content import timescales
    from workshop_kit.core.timeline import EXAMPLE_DATES, dates_for_route, plan_timeline
    from workshop_kit.faces.render.timeline import (
        delay_flags_html,
        reference_rules_html,
        timeline_chart_html,
        timeline_table,
    )

    known = dates_for_route(route, EXAMPLE_DATES, timescales())  # as the live planner starts
    timeline = plan_timeline(route, known)
    notes = _section_notes(ctx)
    return [Part(size_images(timeline_chart_html(timeline, today=ctx.today, known=known)),
                 notes),
            Part(timeline_table(timeline), notes, new_slide=True, detail=True),
            Part(delay_flags_html(timeline) + reference_rules_html(timeline), notes,
                 new_slide=True)]


def design_countries(ctx: Context, country_id: str | None = None) -> list[Part]:
    from workshop_kit.faces.render.country import country_status_html

    countries = load_countries()
    country = countries.country(country_id) if country_id else countries.by_name()[0]
    return [Part(compact_sources(country_status_html(country)), _section_notes(ctx))]


def worked_example():
    """The case the route finder is shown for: the first case (by id) with carers in a country
    party to the 1996 Convention, where the route choice has most to teach; else the first."""
    cases = sorted(case_studies(), key=lambda c: c.id)
    countries = load_countries()
    for case in cases:
        country = countries.country(case.carers.country)
        if country.child_protection_1996.status.value == "in_force":
            return case
    return cases[0]


def design_route_finder(ctx: Context) -> list[Part]:
    from workshop_kit.core.routes import find_routes
    from workshop_kit.faces.render.routes import route_verdicts_html

    case = worked_example()
    assessments = find_routes(case, load_countries(), today=ctx.today)
    notes = [*_section_notes(ctx),
             f"<p><strong>Worked example:</strong> {escape(case.title)} (case study "
             f"<code>{escape(case.id)}</code>). Live: enter its facts in the route finder, or open "
             "it in the case-study explorer.</p>"]
    intro = (f'<div class="wk"><p><strong>Worked example:</strong> {escape(case.title)}. '
             f"{escape(case.summary)}</p></div>")
    table, blocks = split_routes(route_verdicts_html(assessments))
    parts = [Part(intro + table, notes)]
    parts += [Part(block, notes, new_slide=True, detail=verdict == "not_available")
              for verdict, block in blocks]
    return parts


def where_the_detail_is(case_id: str) -> str:
    """The handout gives a case at a glance; this says where the rest of it is printed (the
    training pack carries every route's reasons, the timeline table, the viability evidence and
    the full balance sheet: `report_sections.case_html`)."""
    return ('<p class="wk wk-detail-elsewhere"><strong>More on this case:</strong> each '
            "route's reasons, the timeline table, the viability evidence and support plan, and "
            "every point for and against each option are in the client's training pack for the "
            "day (the trainer makes it with <code>workshop-kit report --event</code> or "
            f"<code>--case {escape(case_id)}</code>).</p>")


def design_case_explorer(ctx: Context, case_id: str | None = None) -> list[Part]:
    from workshop_kit.core.balance_sheet import balance_sheet
    from workshop_kit.core.content import viability_framework
    from workshop_kit.core.routes import find_routes
    from workshop_kit.core.viability import summarise_viability
    from workshop_kit.faces.render.balance_sheet import balance_sheet_summary_html
    from workshop_kit.faces.render.case_card import (
        case_card_html,
        case_timeline_html,
        discussion_html,
    )
    from workshop_kit.faces.render.routes import route_verdicts_html
    from workshop_kit.faces.render.viability import viability_summary_html

    parts = []
    countries = load_countries()
    chosen = list(case_studies())
    if ctx.cases is not None:
        rank = {c: i for i, c in enumerate(ctx.cases)}
        chosen = sorted((c for c in chosen if c.id in rank), key=lambda c: rank[c.id])
    for case in chosen:
        if case_id and case.id != case_id:
            continue
        notes = [_notes_list("Trainer notes", list(case.trainer_notes))]
        answers = [f"Question {a.question}: {a.answer}"
                   for a in sorted(case.model_answers, key=lambda a: a.question)]
        assessments = find_routes(case, countries, today=ctx.today)
        table, _ = split_routes(route_verdicts_html(assessments))
        chart = size_images(case_timeline_html(case, countries, chart_only=True))  # table: pack
        framework = viability_framework()
        evidence = case.viability_evidence
        sheet = balance_sheet(case, assessments, orders_chart())
        sections = [
            ("The case", case_card_html(case, countries), False),
            ("", where_the_detail_is(case.id), True),
            ("Routes and why", table, False),
            ("Timeline", chart, False),
            ("Viability", viability_summary_html(summarise_viability(evidence, framework)), False),
            ("Balance sheet", balance_sheet_summary_html(sheet), False),
            ("Discussion", discussion_html(case), False),
        ]
        for n, (title, body, detail) in enumerate(sections):
            if not body.strip():
                continue
            part_notes = notes + ([_notes_list("Model answers", answers)]
                                  if title == "Discussion" and answers else [])
            heading = f'<h3 class="wk-part">{escape(title)}</h3>' if title else ""
            parts.append(Part(heading + compact_sources(body),
                              part_notes, new_slide=bool(title), detail=detail,
                              new_group=f"Case: {case.title}" if n == 0 else None))
    return parts


def design_viability(ctx: Context, evidence: dict | None = None) -> list[Part]:
    """What the viability builder shows before anyone rates: the summary, the support plan and
    the evidence table, from the renderers the builder calls."""
    from workshop_kit.core.content import viability_framework
    from workshop_kit.core.viability import outline_support_plan, read_evidence, summarise_viability
    from workshop_kit.faces.html import STYLE
    from workshop_kit.faces.render.viability import (
        evidence_table_html,
        support_plan_html,
        viability_summary_html,
    )

    framework = viability_framework()
    given = {d.id: read_evidence((evidence or {}).get(d.id)) for d in framework.domains}
    body = (STYLE + viability_summary_html(summarise_viability(given, framework))
            + support_plan_html(outline_support_plan(given, framework))
            + evidence_table_html(given, framework))
    return [Part(compact_sources(body), _section_notes(ctx))]


DESIGNS: dict[str, Callable[..., list[Part]]] = {
    "header": design_header,
    "key_points": design_key_points,
    "discussion": design_discussion,
    "knowledge_check": design_knowledge_check,
    "further_reading": design_further_reading,
    "OrdersComparison": design_orders,
    "TimelinePlanner": design_timeline,
    "CountryConventions": design_countries,
    "RouteFinder": design_route_finder,
    "CaseStudyExplorer": design_case_explorer,
    "ViabilityBuilder": design_viability,
}


def design_for(name: str) -> Callable[..., list[Part]]:
    """The slide design for a call: a bespoke one above, else the widget's own `slide_html`
    (renderers only: a slide never builds a widget), so a new widget needs no edit here."""
    if name in DESIGNS:
        return DESIGNS[name]
    from workshop_kit.faces import widgets

    widget = getattr(widgets, name)

    def design(ctx: Context, *args, **kwargs) -> list[Part]:
        return [Part(compact_sources(widget.slide_html(*args, **kwargs)), _section_notes(ctx))]

    return design


# --- reading the notebook ---------------------------------------------------------------------


@dataclass
class Call:
    name: str
    args: list
    kwargs: dict


def shown_call(source: str, where: str) -> Call | None:
    """The call whose result a code cell shows (its last expression), with literal arguments.

    Cells that only import or assign show nothing and give None.
    """
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        raise DeckError(f"{where}: the cell is not valid Python ({error.msg})") from None
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        return None
    node = tree.body[-1].value
    if not isinstance(node, ast.Call):
        raise DeckError(f"{where}: the cell shows something that is not a call; slides only know "
                        f"calls ({', '.join(DESIGNS)})")
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    arguments = list(node.args)
    if name == "show" and arguments and isinstance(arguments[0], ast.Name):
        # `page.show(Widget, ...)` (the web app's guarded widget): the slide is the widget's
        name, arguments = arguments[0].id, arguments[1:]
    if name not in DESIGNS and name not in interactive_calls():
        raise DeckError(f"{where}: no slide design for '{name}'; add one to "
                        f"workshop_kit/faces/deck.py (known: {', '.join(DESIGNS)})")
    try:
        args = [ast.literal_eval(a) for a in arguments]
        kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
    except ValueError:
        raise DeckError(f"{where}: '{name}' is called with a value slides cannot read; use "
                        "literal values (strings, numbers, lists)") from None
    return Call(name, args, kwargs)


HEADING = re.compile(r"^(#{1,3})\s+(.*)$")
NOTEBOOK_LINK = re.compile(r'href="(?!https?:)([0-9a-z_]+)\.ipynb"')


def _split_markdown(source: str) -> tuple[int, str, str]:
    """(heading level, heading text, the rest) of a markdown cell."""
    lines = source.strip().splitlines()
    match = HEADING.match(lines[0]) if lines else None
    if not match:
        return 0, "", source
    return len(match.group(1)), match.group(2).strip(), "\n".join(lines[1:]).strip()


def _markdown_html(text: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    soup = BeautifulSoup(markdown2html_mistune(text), "html.parser")
    for anchor in soup.select("a.anchor-link"):
        anchor.decompose()
    for link in soup.find_all("a", href=True):
        if link["href"] == "index.ipynb":
            link.unwrap()  # the landing page has no deck
    return NOTEBOOK_LINK.sub(r'href="\1.slides.html"', str(soup))


def _cell_groups(nb) -> list[tuple[str, list]]:
    """The notebook's cells grouped under each markdown heading that starts a slide."""
    groups: list[tuple[str, list]] = []
    for cell in nb.cells:
        starts = cell.metadata.get("slideshow", {}).get("slide_type")
        if starts == "skip" and cell.cell_type == "markdown":
            continue
        if cell.cell_type == "markdown" or not groups:
            if cell.cell_type == "markdown" and (not groups or starts in {"slide", "subslide"}
                                                 or _split_markdown(cell.source)[0]):
                groups.append((cell.source, []))
                continue
            if not groups:
                groups.append(("", []))
        groups[-1][1].append(cell)
    return groups


@dataclass
class DesignedGroup:
    """A slide group before it is cut into slides: its heading and its parts in order. The deck
    flows the parts onto slides (`_lay_out`); the handout prints them as they are."""

    title: str
    level: int
    parts: list[Part]
    fallback: list[str]


def design_groups(notebook: Path, *, today: dt.date | None = None, handout: bool = False,
                  cases: tuple[str, ...] | None = None) -> tuple[str, list[DesignedGroup]]:
    """The notebook's title and its groups of parts, in its order; `handout` keeps the detail
    parts the presented deck leaves out. `cases`: an event's chosen cases (default: all)."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    plan = workshop_plan(notebook.stem)
    today = today or dt.date.today()
    designed: list[DesignedGroup] = []
    for number, (markdown, cells) in enumerate(_cell_groups(nb), start=1):
        level, heading, prose = _split_markdown(markdown)
        calls = []
        for index, cell in enumerate(cells):
            if cell.cell_type != "code":
                continue
            where = f"{notebook.name}, group {number} ('{heading}'), code cell {index + 1}"
            call = shown_call(cell.source, where)
            if call:
                calls.append(call)
        interactive = any(c.name in interactive_calls() for c in calls)
        section = _section_for(plan, heading, calls)
        ctx = Context(plan, section, _markdown_html(prose) if interactive and prose else "", today,
                      cases)
        parts: list[Part] = []
        if prose and not interactive:
            parts.append(Part(f'<div class="wk wk-prose">{_markdown_html(prose)}</div>',
                              _section_notes(ctx)))
        for call in calls:
            parts.extend(p for p in design_for(call.name)(ctx, *call.args, **call.kwargs)
                         if handout or not p.detail)
        fallback = [f"<p>{escape(plan.title)}: about {plan.minutes} minutes in all.</p>"]
        if ctx.prose:
            fallback.append(f"<p><strong>On the live page:</strong> {ctx.prose}</p>")
        designed.append(DesignedGroup(heading or plan.title, level or 2, parts, fallback))
    return plan.title, designed


def design_deck(notebook: Path, *, today: dt.date | None = None, handout: bool = False,
                cases: tuple[str, ...] | None = None) -> Deck:
    """Read the notebook and lay every part of it out as slides; the handout keeps the detail
    parts the presented deck leaves out. `cases`: an event's chosen cases (default: all)."""
    title, designed = design_groups(notebook, today=today, handout=handout, cases=cases)
    groups: list[Group] = []
    styles: list[str] = []
    for group in designed:
        groups.extend(_lay_out(group.title, group.level, group.parts, group.fallback, styles))
    return Deck(title, groups, list(dict.fromkeys(styles)))


def _section_for(plan: WorkshopPlan, heading: str, calls: list[Call]) -> Section | None:
    for call in calls:
        if call.name == "key_points" and call.args:
            return plan.section(call.args[0])
    return next((s for s in plan.sections if s.title.lower() == heading.lower()), None)


def _lay_out(title: str, level: int, parts: list[Part], fallback: list[str],
             styles: list[str]) -> list[Group]:
    """Flow the parts onto slides: a part starts a slide or a group when it asks to, and
    otherwise follows on; each slide carries the notes of every part on it."""
    groups = [Group(title, level)]
    runs: list[list[Part]] = [[]]
    for part in parts:
        if part.new_group:
            groups.append(Group(part.new_group, 2))
            runs.append([])
        runs[-1].append(part)
    for group, run in zip(groups, runs, strict=True):
        pending: list[tuple[deck_layout.Atom, int]] = []
        batches: list[list[tuple[deck_layout.Atom, int]]] = [pending]
        for index, part in enumerate(run):
            if part.new_slide and pending:
                pending = []
                batches.append(pending)
            found, found_styles = deck_layout.atoms(part.html)
            styles.extend(found_styles)
            pending.extend((atom, index) for atom in found)
        for batch in batches:
            budget = deck_layout.BODY_HEIGHT - (80 if group.level == 1 else 0)
            pages = deck_layout.paginate([a for a, _ in batch], budget) or [[]]
            owner = {id(a): i for a, i in batch}
            for page in pages:
                owners = sorted({owner[id(a)] for a in page}) if page else []
                notes = list(dict.fromkeys(n for i in owners for n in run[i].notes)) or fallback
                fragment = "".join(run[i].fragment for i in owners)
                group.slides.append(Slide(group.title, deck_layout.render(page), notes, fragment))
    return [g for g in groups if g.slides]
