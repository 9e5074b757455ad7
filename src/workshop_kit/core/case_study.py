"""A fictional case study: a looked-after child, carers abroad, and what the law makes of it.

One YAML file per case in `case_studies/`. The case gives facts only; the route finder
(`core.routes`) supplies the law, and each case records the verdicts a trainer expects so the
engine is tested against them. Every case is fictional: `fictional: true` is required.
"""

from __future__ import annotations

import datetime as dt
import difflib
from enum import StrEnum
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from workshop_kit.core.countries import UK_ID, Countries
from workshop_kit.core.facts import StrictModel
from workshop_kit.core.loading import (
    ContentError,
    Document,
    Problem,
    display_name,
    read_yaml,
    validate_document,
)
from workshop_kit.core.text import Identifier, Line, Text
from workshop_kit.core.viability import DOMAIN_IDS, Evidence

# --- the route vocabulary (here because a case names its route; re-exported by core.routes) -----


class Route(StrEnum):
    """The five ways of securing a placement with carers abroad that the workshops compare."""

    SGO_ABROAD = "sgo_abroad"
    CONVENTION_ADOPTION = "convention_adoption"
    S84_ADOPTION = "s84_adoption"
    FOSTERING_ABROAD = "fostering_abroad"
    CAO_ABROAD = "cao_abroad"

    @property
    def label(self) -> str:
        """The route's name on every face, from `content/findings.yaml` (a name can cite law)."""
        from workshop_kit.core.content import findings_book  # content imports this module

        return findings_book().route_labels[self]


class Authority(StrEnum):
    """Where the local authority is: Welsh law differs (Social Services and Well-being (Wales)
    Act 2014 Part 6 and the Welsh regulations), so the engine must know."""

    ENGLAND = "england"
    WALES = "wales"


class Verdict(StrEnum):
    REALISTIC = "realistic"
    CONDITIONAL = "conditional"
    NOT_AVAILABLE = "not_available"

    @property
    def label(self) -> str:
        return {"realistic": "Realistic", "conditional": "Possible with conditions",
                "not_available": "Not available"}[self.value]


# --- the case's facts ---------------------------------------------------------------------------


class Stance(StrEnum):
    """A child's view of a plan, as recorded from direct work."""

    SUPPORTS = "supports"
    UNSURE = "unsure"
    OBJECTS = "objects"
    NOT_ABLE_TO_SAY = "not_able_to_say"  # too young, or lacks the understanding to give a view


class ChildViews(StrictModel):
    moving_abroad: Stance
    adoption: Stance


class Understanding(StrEnum):
    """Whether the child understands the plan well enough to agree or refuse: the law asks about
    understanding, not age (a refusal by a child who understands can bar a move abroad)."""

    SUFFICIENT = "sufficient"
    NOT_SUFFICIENT = "not_sufficient"
    NOT_ASSESSED = "not_assessed"


OLDEST_AGE_TOO_YOUNG_TO_SAY = 11
"""Above this age `not_able_to_say` is accepted only with `understanding: not_sufficient`: a
data check against "too young to give a view" for an older child, not a rule of law."""


class APerson(StrictModel):
    """What the route finder reads of every child in a plan: each is assessed on their own."""

    first_name: Line = Field(pattern=r"^\S+$", description="First name only, and fictional")
    age: int = Field(ge=0, le=17, description="Age in whole years, 0 to 17")
    understanding: Understanding
    views: ChildViews

    @model_validator(mode="after")
    def _views_fit_understanding(self) -> APerson:
        silent = [k for k, v in self.views.model_dump().items() if v == Stance.NOT_ABLE_TO_SAY]
        if not silent:
            return self
        if self.understanding is Understanding.SUFFICIENT:
            raise ValueError(f"{self.first_name} has sufficient understanding, so can give a view: "
                             f"record supports, unsure or objects for {', '.join(silent)}")
        if self.age > OLDEST_AGE_TOO_YOUNG_TO_SAY and self.understanding is not Understanding.NOT_SUFFICIENT:
            raise ValueError(f"at {self.age}, {self.first_name} is not too young to give a view: "
                             f"record the view for {', '.join(silent)}, or understanding: "
                             "not_sufficient if the child lacks the understanding to give one")
        return self


class Child(APerson):
    needs: Text
    wishes_and_feelings: Text
    british_citizen: bool
    other_nationalities: list[Line] = []
    habitual_residence: Identifier = Field(
        UK_ID, description="Country id where the child is habitually resident (settled)")
    lives_in: Identifier = Field(UK_ID, description="Country id where the child is living now")


class Sibling(APerson):
    same_plan: bool = Field(description="Whether the sibling is to move to the same carers")
    note: Text | None = None


class RightOfEntry(StrEnum):
    CONFIRMED = "confirmed"
    UNKNOWN = "unknown"
    REFUSED = "refused"


class Connection(StrEnum):
    RELATIVE = "relative"
    FRIEND = "friend"


class Carer(StrictModel):
    name: Line
    relationship_to_child: Line
    habitually_resident_in_country: bool
    british_citizen: bool
    domiciled_in_british_islands: bool | None = Field(
        description="null when not known; decides whether the carers could adopt here")
    habitually_resident_in_british_islands_for_a_year: bool = Field(
        False, description="true if the carer has lived in the British Islands for the last year")


class Carers(StrictModel):
    """The household abroad: everything that is the same for all its members."""

    country: Identifier
    connection: Connection
    right_of_child_to_enter: RightOfEntry
    right_of_entry_note: Text | None = None
    people: list[Carer] = Field(min_length=1, max_length=2)


class LegalStatus(StrEnum):
    CARE_ORDER = "care_order"
    INTERIM_CARE_ORDER = "interim_care_order"
    PLACEMENT_ORDER = "placement_order"  # the care order does not have effect while it is in force
    ACCOMMODATED_S20 = "accommodated_s20"
    NONE = "none"


class ProceedingsStage(StrEnum):
    NONE = "none"
    PRE_PROCEEDINGS = "pre_proceedings"
    ISSUED = "issued"
    CONCLUDED = "concluded"


class Proceedings(StrictModel):
    stage: ProceedingsStage
    issued: dt.date | None = None

    @model_validator(mode="after")
    def _issued_date_fits_stage(self) -> Proceedings:
        needs_date = self.stage in (ProceedingsStage.ISSUED, ProceedingsStage.CONCLUDED)
        if needs_date != (self.issued is not None):
            raise ValueError("give an issued date exactly when the stage is issued or concluded")
        return self


class Consent(StrEnum):
    """The parents' position; where they differ, record the least consenting and explain in the note."""

    GIVEN = "given"
    REFUSED = "refused"
    UNKNOWN = "unknown"
    CANNOT_BE_FOUND = "cannot_be_found"
    LACKS_CAPACITY = "lacks_capacity"


class Consents(StrictModel):
    placement_abroad: Consent
    adoption: Consent
    note: Text | None = None


class Art33Consent(StrEnum):
    """Where the 1996 Convention applies: has the receiving State's Central Authority agreed?"""

    NOT_APPLICABLE = "not_applicable"
    NOT_SOUGHT = "not_sought"
    REQUESTED = "requested"
    GIVEN = "given"
    REFUSED = "refused"


class KeyDates(StrictModel):
    """The dates the timeline planner reads, by these exact names."""

    became_looked_after: dt.date | None = None
    proceedings_issued: dt.date | None = None
    sgo_notice_given: dt.date | None = None
    placement_began: dt.date | None = None
    adm_decision: dt.date | None = None


class ModelAnswer(StrictModel):
    question: int = Field(ge=1, description="1-based number of the discussion question")
    answer: Text


class CaseFacts(StrictModel):
    """The facts of a case that the route finder (`core.routes`) reads: a case file's, or the
    answers given for a hypothetical case (`core.route_questions`). No author's expectations."""

    authority: Authority = Field(description="england or wales: where the local authority is")
    child: Child
    siblings: list[Sibling] = []
    carers: Carers
    legal_status: LegalStatus
    proceedings: Proceedings
    consents: Consents
    art33_consent: Art33Consent = Art33Consent.NOT_APPLICABLE
    trial_placement_abroad: bool = Field(
        False, description="true if the plan moves the child abroad before the final order")
    key_dates: KeyDates = KeyDates()
    viability_evidence: dict[str, Evidence] = {}

    @field_validator("viability_evidence")
    @classmethod
    def _known_domains(cls, value: dict[str, Evidence]) -> dict[str, Evidence]:
        unknown = sorted(k for k in value if k not in DOMAIN_IDS)
        if unknown:
            raise ValueError(f"unknown viability domain(s) {unknown}; known: {', '.join(DOMAIN_IDS)}")
        return value

    @property
    def name(self) -> str:
        """How an error names the case: its id where it has one."""
        return "a hypothetical case"

    @property
    def country_id(self) -> str:
        return self.carers.country

    @property
    def children_moving(self) -> tuple[APerson, ...]:
        """The child and every sibling who is to move to the same carers, each assessed alone."""
        return (self.child, *(s for s in self.siblings if s.same_plan))

    @property
    def siblings_staying(self) -> tuple[Sibling, ...]:
        return tuple(s for s in self.siblings if not s.same_plan)

    @property
    def timeline_dates(self) -> dict[str, dt.date | None]:
        """The key dates by name, with proceedings.issued filling in proceedings_issued.

        Once care proceedings have concluded, the 26-week timetable (CA s32(1)(a)(ii)) no longer
        runs, so their issue date is left out: a later SGO, s84 or para 19 application is not
        'beyond the 26 weeks'."""
        dates = self.key_dates.model_dump()
        dates["proceedings_issued"] = dates["proceedings_issued"] or self.proceedings.issued
        if self.proceedings.stage is ProceedingsStage.CONCLUDED:
            dates["proceedings_issued"] = None
        return dates


class CaseStudy(CaseFacts):
    """One fictional case, as in `case_studies/<id>.yaml`: its facts, and what its author wrote
    around them (summary, questions, trainer notes, the verdicts the author expects)."""

    id: Identifier
    title: Line
    fictional: Literal[True] = Field(description="Required: every case study is fictional")
    summary: Text
    chosen_route: Route | None = Field(
        description="The route the plan follows (drives the timeline); null if none abroad")
    discussion_questions: list[Text] = Field(min_length=1)
    trainer_notes: list[Text] = Field(min_length=1)
    model_answers: list[ModelAnswer] = []
    expected_routes: dict[Route, Verdict]

    @property
    def name(self) -> str:
        return f"case '{self.id}'"

    @model_validator(mode="after")
    def _consistent(self) -> CaseStudy:
        missing = [r.value for r in Route if r not in self.expected_routes]
        if missing:
            raise ValueError(f"expected_routes must give a verdict for every route; missing {missing}")
        if self.chosen_route and self.expected_routes[self.chosen_route] is Verdict.NOT_AVAILABLE:
            raise ValueError(f"chosen_route '{self.chosen_route}' is expected to be not_available")
        issued, key = self.proceedings.issued, self.key_dates.proceedings_issued
        if issued and key and issued != key:
            raise ValueError(f"key_dates.proceedings_issued ({key}) differs from proceedings.issued "
                             f"({issued})")
        too_far = [a.question for a in self.model_answers if a.question > len(self.discussion_questions)]
        if too_far:
            raise ValueError(f"model_answers refer to question(s) {too_far}, but there are only "
                             f"{len(self.discussion_questions)} discussion questions")
        return self


def load_case_study(path: Path, countries: Countries) -> CaseStudy:
    """Load one case file, then check what the model alone cannot: the id is the file's name, and
    every country it names is in `countries.yaml`."""
    doc = read_yaml(path)
    case = validate_document(doc, CaseStudy)
    problems = cross_check(case, doc, countries)
    if problems:
        raise ContentError(problems)
    return case


def cross_check(case: CaseStudy, doc: Document, countries: Countries) -> list[Problem]:
    name = display_name(doc.path)
    problems = []
    if case.id != doc.path.stem:
        problems.append(Problem(name, "id", f"is '{case.id}' but must match the file name "
                                f"'{doc.path.stem}' (rename one of them)", doc.line_of(("id",))))
    for field, country_id in (("carers.country", case.carers.country),
                              ("child.habitual_residence", case.child.habitual_residence),
                              ("child.lives_in", case.child.lives_in)):
        if country_id not in countries.ids:
            loc = tuple(field.split("."))
            problems.append(Problem(name, field, unknown_country_message(country_id, countries),
                                    doc.line_of(loc)))
    return problems


def unknown_country_message(given: str, countries: Countries) -> str:
    """Say what to write instead: the id that matches the name a trainer probably meant."""
    wanted = given.strip().lower().replace(" ", "_").replace("-", "_")
    by_name = {c.name.lower().replace(" ", "_"): c.id for c in countries.countries}
    near = wanted if wanted in countries.ids else by_name.get(wanted)
    if near is None:
        near = next(iter(difflib.get_close_matches(wanted, countries.ids, n=1, cutoff=0.75)), None)
    hint = f"use '{near}'" if near else f"known ids: {', '.join(countries.ids)}"
    return f"country '{given}' is not a known country id — {hint} (see countries.yaml)"
