"""Answer a few questions about a new, hypothetical case and see at once which routes abroad are
open, which are possible with conditions, and which are not available, with the reasons.

For a room to ask "what if the child's right to enter were refused?" and see every verdict change.
The law is all in `core.routes`, and the answers become case facts in `core.route_questions`;
this module asks the questions and shows the verdicts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
    DISCLOSURE_STYLE,
    BuiltOnFirstUse,
    Disclosure,
    HTMLPart,
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


SECTIONS = {
    "The carers": ("country", "habitually_resident", "connection", "domiciled"),
    "The child": ("first_name", "age", "understanding", "british_citizen", "settled_abroad",
                  "legal_status", "trial_placement", "right_of_entry", "view_moving",
                  "view_adoption"),
    "Consents": ("consent_placement", "consent_adoption", "art33"),
}
"""The questions after the local authority, in groups; each group opens under its own button."""


def _questions_on(title: str, names: Sequence[str],
                  controls: BuiltOnFirstUse[widgets.ValueWidget]) -> Disclosure:
    """A group of the route finder's questions, closed at first, built when first opened."""
    what = f"{title[:1].lower()}{title[1:]}"
    return Disclosure(f"Show the questions on {what} ({len(names)})",
                      f"Hide the questions on {what}", lambda: [controls[n] for n in names])


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

        # What each question is and its choices, so a question is built when it is first shown
        # and the answers can be said in words without building it (issue 16).
        self._questions: dict[str, tuple[str, list[tuple[str, str]] | None]] = {
            "authority": ("The local authority is in", words(AUTHORITY_WORDS)),
            "country": ("Country where the carers live",
                        [(option_label(c), c.id) for c in abroad]),
            "habitually_resident": ("The carers are habitually resident in that country", None),
            "connection": ("The carers are", words(CONNECTION_WORDS)),
            "domiciled": ("A carer domiciled in the British Islands?", DOMICILE_OPTIONS),
            "first_name": ("Child's first name (fictional)", None),
            "age": ("Child's age (0 to 17)", None),
            "understanding": ("Child's understanding of the plan", words(UNDERSTANDING_WORDS)),
            "british_citizen": ("The child is a British citizen", None),
            "settled_abroad": ("The child already lives, settled, in the carers' country", None),
            "legal_status": ("Child's legal status", words(LEGAL_STATUS_WORDS)),
            "trial_placement": ("The plan moves the child abroad before the final order", None),
            "right_of_entry": ("Child's right to enter and live there",
                               words(RIGHT_OF_ENTRY_WORDS)),
            "view_moving": ("Child's view of moving abroad", words(STANCE_WORDS)),
            "view_adoption": ("Child's view of adoption", words(STANCE_WORDS)),
            "consent_placement": ("Parents' consent to living abroad", words(CONSENT_WORDS)),
            "consent_adoption": ("Parents' consent to adoption", words(CONSENT_WORDS)),
            "art33": ("Art 33 consent (1996 Convention)", words(ART33_WORDS)),
        }
        self._start = start
        self.controls: BuiltOnFirstUse[widgets.ValueWidget] = BuiltOnFirstUse(
            self._questions, self._control)
        self.case: CaseFacts | None = None
        self.result: list[RouteAssessment] = []
        self.status, self.output = HTMLPart(), HTMLPart()
        self.shown = fixed_html()  # the summary line above the verdicts, one widget
        self.intro = fixed_html(
            STYLE + DISCLOSURE_STYLE + '<div class="wk"><p><strong>Find the routes for a new '
            "case.</strong> Answer the questions below about a hypothetical child and carers "
            "abroad; the verdict for every route, and why, updates as you change an answer. "
            "Training material, not legal advice.</p></div>"
        )
        self.sections = {title: _questions_on(title, names, self.controls)
                         for title, names in SECTIONS.items()}
        super().__init__(
            [self.intro, self.controls["authority"],
             *(section.toggle for section in self.sections.values()), self.shown],
            alert_at=-1, **kwargs,
        )
        for section in self.sections.values():
            section.place_in(self)
        self.add_class("wk-route-finder")
        self._update()

    def _control(self, name: str) -> widgets.ValueWidget:
        label, options = self._questions[name]
        value = self._start[name]
        control: widgets.ValueWidget
        if options is not None:
            control = _dropdown(label, options, value)
        elif name == "first_name":
            control = widgets.Text(value=value, description=label,
                                   style=shared_style(widgets.Text, **_LABEL),
                                   layout=shared_layout(**_WIDE), continuous_update=False)
        elif name == "age":
            # Not a BoundedIntText: that silently clamps 18 to 17; an age out of range is
            # refused in words instead.
            control = widgets.IntText(value=value, description=label,
                                      style=shared_style(widgets.Dropdown, **_LABEL),
                                      layout=shared_layout(width="28em"))
        else:
            control = _checkbox(label, value)
        # Looked up when called: a control built later still runs this widget's `_update` now.
        self.react([control], lambda change: self._update(change))
        return control

    @property
    def answers(self) -> dict[str, Any]:
        built = self.controls.built
        return {name: built[name].value if name in built else self._start[name]
                for name in self._questions}

    def verdicts(self) -> dict[Route, Verdict]:
        return {a.route: a.verdict for a in self.result}

    def _update(self, _change: object = None) -> None:
        try:
            self.case = hypothetical_case(self.answers)
        except ValidationError as error:
            self.case, self.result = None, []
            self.status.value = _problems(error)
            self.output.value = ""
            self.shown.value = self.status.value
            self.results = {"verdicts": {}}
            return
        self.result = find_routes(self.case, self.countries, today=self.today)
        self.status.value = verdict_summary_html(self.result)
        self.output.value = route_verdicts_html(self.result)
        self.shown.value = self.status.value + self.output.value
        self.results = {"verdicts": {a.route.value: a.verdict.value for a in self.result}}

    def answers_html(self) -> str:
        """The answers in words, so a frozen copy says which case its verdicts are for."""
        rows = []
        for name, value in self.answers.items():  # from the answers: builds no control
            label, options = self._questions[name]
            if isinstance(value, bool):
                shown = "Yes" if value else "No"
            elif options is not None:
                shown = next((text for text, key in options if key == value), "")
            else:
                shown = str(value)
            rows.append(f'<tr><th scope="row">{escape(label)}</th>'
                        f"<td>{escape(shown)}</td></tr>")
        return ('<table class="wk wk-table wk-narrow"><caption>The hypothetical case</caption>'
                f"<tbody>{''.join(rows)}</tbody></table>")

    def static_html(self) -> str:
        """The answers and the verdicts as they stand, with the notice, for slides and reports."""
        return self.intro.value + self.answers_html() + self.status.value + self.output.value
