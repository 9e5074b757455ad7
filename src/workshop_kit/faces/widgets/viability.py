"""Rate each viability domain for a carer abroad and see, on every change, what the simple rules
make of it and which concerns an outline support plan would need to answer."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from html import escape
from typing import Any

import ipywidgets as widgets
from pydantic import ValidationError

from workshop_kit.core.content import viability_framework
from workshop_kit.core.viability import (
    Evidence,
    Rating,
    SupportPlanOutline,
    ViabilityDomain,
    ViabilityFramework,
    ViabilitySummary,
    outline_support_plan,
    read_evidence,
    summarise_viability,
)
from workshop_kit.faces.html import STYLE, fact_cell
from workshop_kit.faces.render.viability import (
    RATING_WORDS,
    VIABILITY_STYLE,
    evidence_table_html,
    support_plan_html,
    viability_summary_html,
)
from workshop_kit.faces.widgets.base import (
    DISCLOSURE_STYLE,
    BuiltOnFirstUse,
    Disclosure,
    WorkshopWidget,
    fixed_html,
    shared_layout,
    shared_style,
)

GROUPS = (("General factors", False), ("Overseas factors", True))
"""The FRG guide's general factors first, then what a carer abroad adds (FRG viability guide)."""

_STICKY = """
<style>
/* Keep the summary in view while rating the domains further down the page. Widget boxes and
   Jupyter output areas clip or scroll their overflow, which stops an element sticking, so the
   ones holding this builder (only those) let it show. Where :has is unsupported the summary
   simply stays at the top of its column. */
.wk-viability-builder, .wk-viability-columns,
.jp-OutputArea:has(.wk-viability-builder), .jp-OutputArea-child:has(.wk-viability-builder),
.jp-OutputArea-output:has(.wk-viability-builder) { overflow: visible !important; }
.wk-viability-results { position: sticky; top: 0; align-self: flex-start;
                        max-height: 100vh; overflow-y: auto !important; }
</style>
"""

_RATING_OPTIONS = [(RATING_WORDS[r], r) for r in
                   (Rating.UNKNOWN, Rating.POSITIVE, Rating.CONCERN, Rating.SERIOUS_CONCERN)]


def domain_title(domain: ViabilityDomain) -> str:
    """The domain's name, with '(essential)' in words: no realistic option while it is unknown."""
    return domain.label + (" (essential)" if domain.essential else "")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class DomainRating(widgets.VBox):
    """One domain: its name, the assessor's questions (always visible), a rating and a note.

    The rating is a native select and the note a text area, each with its own visible label that
    names the domain, so a screen reader's list of form fields is unambiguous. Why the domain
    matters, and its source, sit in a <details> toggle, which opens with Enter or Space.
    """

    def __init__(self, domain: ViabilityDomain, given: Evidence):
        self.domain = domain
        rating, note = given.rating, given.note
        questions = "".join(f"<li>{escape(q)}</li>" for q in domain.questions)
        why = fact_cell(domain)
        if domain.essential_because:
            why += f"<p><strong>Why it is essential:</strong> {escape(domain.essential_because)}</p>"
        header = fixed_html(
            f'<div class="wk"><h4 style="margin:.2em 0">{escape(domain_title(domain))}</h4>'
            f'<p style="margin:.2em 0">Questions for the assessor:</p>'
            f'<ul style="margin:.2em 0">{questions}</ul>'
            f'<details class="wk-source"><summary>Why it matters</summary>{why}</details></div>'
        )
        name = _lower_first(domain.label)
        self.rating = widgets.Dropdown(
            options=_RATING_OPTIONS, value=rating, description=f"Rating for {name}",
            style=shared_style(widgets.Dropdown, description_width="initial"),
            layout=shared_layout(width="auto", max_width="100%"),
        )
        self.note = widgets.Textarea(
            value=note or "", description=f"Note on {name}", rows=2, continuous_update=False,
            placeholder="What the assessment found (optional)",
            style=shared_style(widgets.Text, description_width="initial"),
            layout=shared_layout(width="98%"),
        )
        self._problem: widgets.HTML | None = None
        super().__init__([header, self.rating, self.note],
                         # 4px below: the place of the problem line (2px margins), built later
                         layout=shared_layout(border="1px solid #8a8a8a",
                                              padding="0.2em 0.8em calc(0.2em + 4px)",
                                              margin="0 0 0.6em 0"))
        self.add_class("wk-domain")

    @property
    def problem(self) -> widgets.HTML:
        """The card's line saying why a note was not used, built the first time a note is refused:
        most pages never need it, and an unbuilt line sends nothing (issue 16). Its text has
        role="alert", so a screen reader says it when it appears."""
        if self._problem is None:
            self._problem = fixed_html()
            self.children = (*self.children, self._problem)  # type: ignore[has-type]
        return self._problem

    def evidence(self) -> Evidence:
        """The rating and note as evidence; a note that is not plain text is left out, and the
        card says why, rather than failing the whole summary."""
        try:
            found = Evidence(rating=self.rating.value, note=self.note.value)
            if self._problem is not None:
                self._problem.value = ""
        except ValidationError as error:
            message = error.errors()[0]["msg"].removeprefix("Value error, ")
            self.problem.value = (f'<div class="wk" role="alert"><p><strong>Note not used:</strong> '
                                  f"it {escape(message)}.</p></div>")
            found = Evidence(rating=self.rating.value)
        return found


class ViabilityBuilder(WorkshopWidget):
    """The viability domains as a form, with a live summary and outline support plan beside it.

    For a room to see why the rules come out as they do: change one rating and the outcome and
    its named reasons change with it. A teaching aid, not the assessor's weighing of the evidence.
    """

    part_name = "The viability builder"
    what_to_try = "Change the rating or note you just changed back, or try another."

    def __init__(self, evidence: Mapping[str, Evidence | Mapping[str, Any] | Any] | None = None,
                 framework: ViabilityFramework | None = None, **kwargs):
        self.framework = framework or viability_framework()
        given = dict(evidence or {})
        unknown = sorted(k for k in given if k not in {d.id for d in self.framework.domains})
        if unknown:
            raise ValueError(f"unknown viability domain(s) {unknown}; known: "
                             f"{', '.join(d.id for d in self.framework.domains)}")
        ids = [d.id for d in self.framework.domains]
        self._given = {domain_id: read_evidence(given.get(domain_id)) for domain_id in ids}
        # A domain's card is built the first time it is shown (its group opened) or set by a
        # program: a page opens with no card's controls (issue 16).
        self.domains: BuiltOnFirstUse[DomainRating] = BuiltOnFirstUse(ids, self._card)
        self.ratings: BuiltOnFirstUse[widgets.Dropdown] = BuiltOnFirstUse(
            ids, lambda domain_id: self.domains[domain_id].rating)
        self.notes: BuiltOnFirstUse[widgets.Textarea] = BuiltOnFirstUse(
            ids, lambda domain_id: self.domains[domain_id].note)
        self.summary = fixed_html()
        self.plan = fixed_html()
        self.result: ViabilitySummary | None = None
        self.support: SupportPlanOutline | None = None
        form: list[widgets.Widget] = []
        self.groups: dict[str, Disclosure] = {}
        for title, overseas in GROUPS:
            ids_in = [d.id for d in self.framework.domains if d.overseas is overseas]
            what = title[:1].lower() + title[1:]
            form.append(fixed_html(f'<div class="wk"><h3>{title} ({len(ids_in)})</h3></div>'))
            self.groups[title] = Disclosure(
                f"Show the {len(ids_in)} domains: {what}", f"Hide the domains: {what}",
                partial(self._cards, ids_in))
            form.append(self.groups[title].toggle)
        intro = fixed_html(
            STYLE + VIABILITY_STYLE + _STICKY + DISCLOSURE_STYLE
            + '<div class="wk"><p><strong>Build a viability summary.</strong> '
            "Rate each domain from what the assessment found, and add a note if you wish. The "
            "summary and the outline support plan update as you go. Domains marked (essential) "
            "must be known before a carer can be called a realistic option.</p></div>"
        )
        self._results = results = widgets.VBox(
                                [fixed_html('<div class="wk"><h3>Summary</h3></div>'),
                                 self.summary, self.plan],
                               layout=widgets.Layout(flex="2 1 22em", min_width="18em",
                                                     padding="0 0 0 1em"))
        results.add_class("wk-viability-results")
        columns = widgets.HBox(
            [form_box := widgets.VBox(form, layout=widgets.Layout(flex="3 1 30em",
                                                                  min_width="20em")), results],
            layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start", width="100%"),
        )
        columns.add_class("wk-viability-columns")
        for group in self.groups.values():
            group.place_in(form_box)
        super().__init__([intro, columns], **kwargs)
        self.add_class("wk-viability-builder")
        self._update()

    def _cards(self, domain_ids: list[str]) -> list[widgets.Widget]:
        return [self.domains[domain_id] for domain_id in domain_ids]

    def _card(self, domain_id: str) -> DomainRating:
        card = DomainRating(self.framework.domain(domain_id), self._given[domain_id])
        # Looked up when called: a card built later still runs this widget's `_update` now.
        self.react([card.rating, card.note], lambda change: self._update(change))
        return card

    def _place_alert(self, line: widgets.HTML) -> None:
        """The alert line goes under the summary's heading, where the change is seen."""
        heading, *rest = self._results.children
        self._results.children = (heading, line, *rest)

    @property
    def evidence(self) -> dict[str, Evidence]:
        """Every domain's evidence as the core reads it."""
        built = self.domains.built
        return {domain_id: built[domain_id].evidence() if domain_id in built else evidence
                for domain_id, evidence in self._given.items()}

    def _update(self, _change: object = None) -> None:
        evidence = self.evidence
        self.result = summarise_viability(evidence, self.framework)
        self.support = outline_support_plan(evidence, self.framework)
        self.summary.value = viability_summary_html(self.result)
        self.plan.value = support_plan_html(self.support)
        self.results = {"outcome": self.result.outcome.value,
                        "reasons": [r.domain_id for r in self.result.reasons],
                        "unknown": list(self.result.unknown)}

    def static_html(self) -> str:
        """The summary, the support plan and the evidence table, for slides and reports."""
        return (STYLE + self.summary.value + self.plan.value
                + evidence_table_html(self.evidence, self.framework))
