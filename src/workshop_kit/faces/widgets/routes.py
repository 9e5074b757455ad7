"""Answer a few questions about a new, hypothetical case and see at once which routes abroad are
open, which are possible with conditions, and which are not available, with the reasons.

For a room to ask "what if the child's right to enter were refused?" and see every verdict change.
The law is all in `core.routes`, and the answers become case facts in `core.route_questions`;
this module asks the questions and shows the verdicts.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

import ipywidgets as widgets
from pydantic import ValidationError

from workshop_kit.core.case_study import CaseFacts, Route, Verdict
from workshop_kit.core.content import countries as load_countries
from workshop_kit.core.countries import UK_ID, Countries
from workshop_kit.core.route_questions import DEFAULT_ANSWERS, hypothetical_case
from workshop_kit.core.routes import RouteAssessment, find_routes
from workshop_kit.faces.html import STYLE
from workshop_kit.faces.render.case_card import (
    ART33_WORDS,
    AUTHORITY_WORDS,
    CONNECTION_WORDS,
    CONSENT_WORDS,
    LEGAL_STATUS_WORDS,
    RIGHT_OF_ENTRY_WORDS,
    STANCE_WORDS,
    UNDERSTANDING_WORDS,
)
from workshop_kit.faces.render.country import option_label
from workshop_kit.faces.render.routes import route_verdicts_html, verdict_summary_html
from workshop_kit.faces.widgets.base import (
    WorkshopWidget,
    fixed_html,
    shared_layout,
    shared_style,
)

DOMICILE_OPTIONS = [
    ("No: not domiciled in the British Islands", "no"),
    ("Yes: a carer is domiciled in the British Islands", "yes"),
    ("Not known", "not_known"),
]


PLAIN_MESSAGES = {
    "string_pattern_mismatch": "write one first name with no spaces (for example Mary-Jane)",
    "greater_than_equal": "must be 0 or more: a child's age is 0 to 17",
    "less_than_equal": "must be 17 or less: the route finder is for children under 18",
    "int_type": "write a whole number of years, 0 to 17",
    "int_parsing": "write a whole number of years, 0 to 17",
    "string_too_short": "please fill this in",
    "string_too_long": "is too long",
}


def _plain(item) -> str:
    """Pydantic's wording is for developers; a trainer in front of a room needs plain words."""
    return PLAIN_MESSAGES.get(item["type"], item["msg"].removeprefix("Value error, "))


def _problems(error: ValidationError) -> str:
    """Say which answer is wrong, in words: the field paths map back to the finder's labels."""
    names = {"child.first_name": "Child's first name", "child.age": "Child's age",
             "child": "The child's views"}
    items = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"] if not str(p).startswith("function-"))
        items.append(f"<li>{escape(names.get(where, where))}: {escape(_plain(item))}</li>")
    return ('<div class="wk wk-banner" role="alert"><p><strong>Check your answers.</strong> The '
            f"route finder cannot assess this case yet:</p><ul>{''.join(items)}</ul></div>")


_LABEL = {"description_width": "20em"}
_WIDE = {"width": "44em", "max_width": "100%"}
# One Layout and one Style per kind of control, shared: the route finder's controls never change
# their layout or style (issue 16).


def _dropdown(label: str, options: list[tuple[str, str]], value: str) -> widgets.Dropdown:
    return widgets.Dropdown(options=options, value=value, description=label,
                            style=shared_style(widgets.Dropdown, **_LABEL),
                            layout=shared_layout(**_WIDE))


def _checkbox(label: str, value: bool) -> widgets.Checkbox:
    # Indented by the labels' width, so the tick box sits in the column of the other controls.
    return widgets.Checkbox(value=value, description=label, indent=True,
                            style=shared_style(widgets.Checkbox, **_LABEL),
                            layout=shared_layout(width="60em", max_width="100%"))


def _heading(text: str) -> widgets.HTML:
    return fixed_html(f'<div class="wk"><h4 style="margin:.6em 0 .2em">{escape(text)}</h4></div>')


class RouteFinder(WorkshopWidget):
    """The route finder as a widget: labelled native form fields (selects, a number box, tick
    boxes and a text box), each reachable with Tab; every change re-assesses every route.

    `today` decides which Conventions are in force (default: the real today), so a test or a
    workshop can fix it.
    """

    part_name = "The route finder"
    what_to_try = "Change your last answer back, or try another answer."

    def __init__(self, countries: Countries | None = None, today: dt.date | None = None,
                 answers: dict[str, Any] | None = None, **kwargs):
        self.countries = countries or load_countries()
        self.today = today
        start = {**DEFAULT_ANSWERS, **(answers or {})}
        unknown = sorted(set(start) - set(DEFAULT_ANSWERS))
        if unknown:
            raise ValueError(f"unknown answer(s) {unknown}; the route finder asks "
                             f"{', '.join(DEFAULT_ANSWERS)}")
        abroad = [c for c in self.countries.by_name() if c.id != UK_ID]
        if start["country"] not in {c.id for c in abroad}:
            start["country"] = abroad[0].id

        def words(mapping: dict[Any, str]) -> list[tuple[str, str]]:
            return [(text, key.value) for key, text in mapping.items()]

        self.controls: dict[str, widgets.ValueWidget] = {
            "authority": _dropdown("The local authority is in", words(AUTHORITY_WORDS),
                                   start["authority"]),
            "country": _dropdown("Country where the carers live",
                                 [(option_label(c), c.id) for c in abroad], start["country"]),
            "habitually_resident": _checkbox("The carers are habitually resident in that country",
                                             start["habitually_resident"]),
            "connection": _dropdown("The carers are", words(CONNECTION_WORDS), start["connection"]),
            "domiciled": _dropdown("A carer domiciled in the British Islands?", DOMICILE_OPTIONS,
                                   start["domiciled"]),
            "first_name": widgets.Text(value=start["first_name"],
                                       description="Child's first name (fictional)",
                                       style=shared_style(widgets.Text, **_LABEL),
                                       layout=shared_layout(**_WIDE), continuous_update=False),
            # Not a BoundedIntText: that silently clamps 18 to 17; an age out of range is refused
            # in words instead.
            "age": widgets.IntText(value=start["age"], description="Child's age (0 to 17)",
                                   style=shared_style(widgets.Dropdown, **_LABEL),
                                   layout=shared_layout(width="28em")),
            "understanding": _dropdown("Child's understanding of the plan",
                                       words(UNDERSTANDING_WORDS), start["understanding"]),
            "british_citizen": _checkbox("The child is a British citizen", start["british_citizen"]),
            "settled_abroad": _checkbox("The child already lives, settled, in the carers' country",
                                        start["settled_abroad"]),
            "legal_status": _dropdown("Child's legal status", words(LEGAL_STATUS_WORDS),
                                      start["legal_status"]),
            "trial_placement": _checkbox("The plan moves the child abroad before the final order",
                                         start["trial_placement"]),
            "right_of_entry": _dropdown("Child's right to enter and live there",
                                        words(RIGHT_OF_ENTRY_WORDS), start["right_of_entry"]),
            "view_moving": _dropdown("Child's view of moving abroad", words(STANCE_WORDS),
                                     start["view_moving"]),
            "view_adoption": _dropdown("Child's view of adoption", words(STANCE_WORDS),
                                       start["view_adoption"]),
            "consent_placement": _dropdown("Parents' consent to living abroad",
                                           words(CONSENT_WORDS), start["consent_placement"]),
            "consent_adoption": _dropdown("Parents' consent to adoption", words(CONSENT_WORDS),
                                          start["consent_adoption"]),
            "art33": _dropdown("Art 33 consent (1996 Convention)", words(ART33_WORDS),
                               start["art33"]),
        }
        self.case: CaseFacts | None = None
        self.result: list[RouteAssessment] = []
        self.status = fixed_html()
        self.output = fixed_html()
        self.react(self.controls.values(), self._update)
        c = self.controls
        self.intro = fixed_html(
            STYLE + '<div class="wk"><p><strong>Find the routes for a new case.</strong> Answer the '
            "questions below about a hypothetical child and carers abroad; the verdict for every "
            "route, and why, updates as you change an answer. Training material, not legal "
            "advice.</p></div>"
        )
        super().__init__(
            [self.intro, c["authority"],
             _heading("The carers"), c["country"], c["habitually_resident"], c["connection"],
             c["domiciled"],
             _heading("The child"), c["first_name"], c["age"], c["understanding"],
             c["british_citizen"], c["settled_abroad"], c["legal_status"], c["trial_placement"],
             c["right_of_entry"], c["view_moving"], c["view_adoption"],
             _heading("Consents"), c["consent_placement"], c["consent_adoption"], c["art33"],
             self.status, self.output],
            alert_at=-2, **kwargs,
        )
        self.add_class("wk-route-finder")
        self._update()

    @property
    def answers(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def verdicts(self) -> dict[Route, Verdict]:
        return {a.route: a.verdict for a in self.result}

    def _update(self, _change: object = None) -> None:
        try:
            self.case = hypothetical_case(self.answers)
        except ValidationError as error:
            self.case, self.result = None, []
            self.status.value = _problems(error)
            self.output.value = ""
            self.results = {"verdicts": {}}
            return
        self.result = find_routes(self.case, self.countries, today=self.today)
        self.status.value = verdict_summary_html(self.result)
        self.output.value = route_verdicts_html(self.result)
        self.results = {"verdicts": {a.route.value: a.verdict.value for a in self.result}}

    def answers_html(self) -> str:
        """The answers in words, so a frozen copy says which case its verdicts are for."""
        rows = []
        for control in self.controls.values():
            if isinstance(control, widgets.Checkbox):
                shown = "Yes" if control.value else "No"
            elif isinstance(control, widgets.Dropdown):
                shown = control.label or ""
            else:
                shown = str(control.value)
            rows.append(f'<tr><th scope="row">{escape(control.description)}</th>'
                        f"<td>{escape(shown)}</td></tr>")
        return ('<table class="wk wk-table wk-narrow"><caption>The hypothetical case</caption>'
                f"<tbody>{''.join(rows)}</tbody></table>")

    def static_html(self) -> str:
        """The answers and the verdicts as they stand, with the notice, for slides and reports."""
        return self.intro.value + self.answers_html() + self.status.value + self.output.value
