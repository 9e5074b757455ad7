"""The engine's law as content: every finding the route finder can give, and the balance-sheet
principles, each a sourced fact in `content/findings.yaml`.

The route finder (`core.routes`) decides *which* finding applies — a rule and one of its outcomes;
this module supplies *what it says*: the wording (with placeholders such as `{child}`), the
citation, the confidence, the review date, and whether the point is to be confirmed. So a trainer
can reword a finding, and a reviewer can check and date it, without touching Python, and
`workshop-kit validate` reviews it like every other fact.
"""

from __future__ import annotations

import string
from collections import Counter
from enum import StrEnum

from pydantic import Field, model_validator

from workshop_kit.core.case_study import Authority, Route
from workshop_kit.core.facts import SourcedFact, StrictModel
from workshop_kit.core.ids import UnknownId, find_by_id, require_unique
from workshop_kit.core.text import Identifier, Line


class Effect(StrEnum):
    """What a finding does to its route's verdict."""

    SUPPORTS = "supports"  # a reason the route is open
    STEP = "step"  # what the route needs in any case; does not lower the verdict
    NOTE = "note"  # worth knowing; does not lower the verdict
    CONDITION = "condition"  # an open question: possible only if it is resolved
    CLOSES = "closes"  # the route is not available


PLACEHOLDERS: dict[str, str] = {
    "child": "the child's first name (each child in turn, where siblings move together)",
    "age": "the child's age in years",
    "country": "the carers' country as it reads mid-sentence (\"Spain\", \"the United States\")",
    "Country": "the same, with a capital first letter, to start a sentence",
    "child_country": "the country where the child is habitually resident",
    "since": "the date the 1993 Convention came into force for the carers' country",
    "domains": "the viability domains rated a serious concern",
    "siblings": "the names of the siblings who would not move with the child",
}
"""Every placeholder a finding may use; `validate` refuses any other, so a typo such as
`{chlid}` is caught before a room sees it."""


class FindingText(SourcedFact):
    """One finding: the wording the engine gives for one outcome of one rule.

    `source` is the citation shown beside the finding. `routes` and `authority` narrow an entry
    to some routes or to a Welsh (or English) authority; the most specific entry that matches is
    used, and every rule outcome must also have an entry without them (the default).
    """

    rule: Identifier
    outcome: Identifier
    effect: Effect
    routes: list[Route] = []
    authority: Authority | None = None

    @model_validator(mode="after")
    def _known_placeholders(self) -> FindingText:
        for field in ("text", "caveat"):
            for name in placeholders_in(getattr(self, field) or ""):
                if name not in PLACEHOLDERS:
                    raise ValueError(f"{field} uses {{{name}}}, which the engine does not fill; "
                                     f"use one of {', '.join('{' + p + '}' for p in PLACEHOLDERS)}")
        return self

    @property
    def key(self) -> tuple[str, str]:
        return (self.rule, self.outcome)

    @property
    def specificity(self) -> int:
        """A Welsh entry beats a route entry: Welsh law replacing English law matters more than
        a route's wording."""
        return bool(self.routes) + 2 * (self.authority is not None)

    def applies(self, route: Route, authority: Authority) -> bool:
        return ((not self.routes or route in self.routes)
                and (self.authority is None or self.authority is authority))

    def render(self, values: dict[str, str]) -> tuple[str, str | None]:
        """(text, caveat) with the placeholders filled."""
        fill = _Fill(values)
        caveat = string.Formatter().vformat(self.caveat, (), fill) if self.caveat else None
        return string.Formatter().vformat(self.text, (), fill), caveat


class Principle(SourcedFact):
    """A principle the balance sheet states before the options (how options are to be weighed)."""

    id: Identifier


class FindingsBook(StrictModel):
    """Everything in `content/findings.yaml`."""

    route_labels: dict[Route, Line] = Field(description="How each route is named on every face")
    findings: list[FindingText] = Field(min_length=1)
    principles: list[Principle] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete_and_unambiguous(self) -> FindingsBook:
        missing = [r.value for r in Route if r not in self.route_labels]
        if missing:
            raise ValueError(f"route_labels must name every route; missing {missing}")
        selectors = Counter((f.rule, f.outcome, tuple(sorted(f.routes)), f.authority)
                            for f in self.findings)
        twice = [f"{r}/{o}" for (r, o, _, _), n in selectors.items() if n > 1]
        if twice:
            raise ValueError(f"these rule/outcome entries appear twice with the same routes and "
                             f"authority: {', '.join(sorted(set(twice)))}")
        no_default = sorted({f"{f.rule}/{f.outcome}" for f in self.findings}
                            - {f"{f.rule}/{f.outcome}" for f in self.findings if not f.specificity})
        if no_default:
            raise ValueError("every rule outcome needs one entry without routes or authority (the "
                             f"default); missing for {', '.join(no_default)}")
        require_unique("principle", [p.id for p in self.principles])
        return self

    @property
    def keys(self) -> set[tuple[str, str]]:
        return {f.key for f in self.findings}

    def finding(self, rule: str, outcome: str, route: Route, authority: Authority) -> FindingText:
        """The most specific entry for this rule outcome on this route and authority."""
        matches = [f for f in self.findings if f.key == (rule, outcome) and f.applies(route, authority)]
        if not matches:
            raise UnknownFinding(rule, outcome)
        return max(matches, key=lambda f: f.specificity)

    def principle(self, principle_id: str) -> Principle:
        return find_by_id(self.principles, principle_id, "principle", "in content/findings.yaml")

    def summary(self) -> dict[str, int]:
        return {"findings": len(self.findings), "principles": len(self.principles)}

    def all_facts(self) -> list[tuple[str, SourcedFact]]:
        return ([(f"findings[{i}] {f.rule}/{f.outcome}", f) for i, f in enumerate(self.findings)]
                + [(f"principles.{p.id}", p) for p in self.principles])


class UnknownFinding(UnknownId):
    """The engine reached a rule outcome that `content/findings.yaml` does not word."""

    def __init__(self, rule: str, outcome: str):
        self.rule, self.outcome = rule, outcome
        super().__init__("finding", f"{rule}/{outcome}", (), "in content/findings.yaml")

    def __str__(self) -> str:
        return (f"content/findings.yaml has no finding for rule '{self.rule}', outcome "
                f"'{self.outcome}'; add one (see docs/content.md)")


def placeholders_in(text: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:  # an unmatched brace
        raise ValueError(f"has an unmatched {{ or }} ({exc}); placeholders look like {{child}}") \
            from None


class _Fill(dict):
    """Placeholders the engine has no value for stay visible rather than failing a page."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
