"""Viability of family and friends abroad: the assessment domains, the SGO court-report
and support-plan headings, and a simple summary of a case's evidence.

There are no national regulations for viability assessments; the reference is the Family Rights
Group *Initial Family and Friends Care Assessment* good practice guide (2017, rev. 2022), which
asks whether the carer is a realistic option for full assessment. The summary here is a teaching
aid with deliberately simple rules, so a room can see why it came out as it did; it does not
replace the assessor's weighing of positives and negatives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator, model_validator

from workshop_kit.core.facts import SourcedFact, StrictModel
from workshop_kit.core.ids import find_by_id, repeated, require_unique
from workshop_kit.core.text import Identifier, Line, Text

DOMAIN_IDS: tuple[str, ...] = (
    "age_and_health", "employment_and_finances", "accommodation", "motivation_and_commitment",
    "relationship_with_child", "lifestyle_and_background", "ability_to_meet_needs", "immigration",
    "recognition_of_order", "art33_consent", "who_assesses", "language", "schooling",
    "health_care", "local_support", "contact", "travel", "funding",
)
"""The domain ids agreed with the case-study format (CaseStudy viability evidence)."""


class Rating(StrEnum):
    POSITIVE = "positive"
    CONCERN = "concern"
    SERIOUS_CONCERN = "serious_concern"
    UNKNOWN = "unknown"


class Evidence(StrictModel):
    """What a case says about one domain: a rating and, optionally, the assessor's note."""

    rating: Rating
    note: Text | None = None

    @field_validator("note", mode="before")
    @classmethod
    def _blank_note_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class SupportSuggestion(StrictModel):
    """What a support plan could offer when a domain raises a concern."""

    plan_heading: Identifier
    suggestion: Text
    legal_basis: SourcedFact | None = None


class ViabilityDomain(SourcedFact):
    """One thing a viability assessment looks at. `text` says why it matters, with its source."""

    id: Identifier
    label: Line
    questions: list[Text] = Field(min_length=1)
    overseas: bool
    essential: bool
    essential_because: Text | None = None
    support: SupportSuggestion

    @model_validator(mode="after")
    def _essential_is_justified(self) -> ViabilityDomain:
        if self.essential and not self.essential_because:
            raise ValueError(f"domain '{self.id}' is essential: say why in essential_because")
        if not self.essential and self.essential_because:
            raise ValueError(f"domain '{self.id}' has essential_because but essential: false")
        return self


class SupportPlanHeading(SourcedFact):
    """A heading of an SGO support plan; `text` says what goes under it."""

    id: Identifier
    heading: Line


class ReportHeading(SourcedFact):
    """A matter the local authority's SGO report to the court must cover; `text` explains it."""

    id: Identifier
    heading: Line
    added_2016: bool = False


class ViabilityFramework(StrictModel):
    """The whole of `content/viability.yaml`."""

    domains: list[ViabilityDomain]
    support_plan_headings: list[SupportPlanHeading] = Field(min_length=1)
    sgo_report_headings: list[ReportHeading] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete_and_linked(self) -> ViabilityFramework:
        ids = [d.id for d in self.domains]
        missing = [d for d in DOMAIN_IDS if d not in ids]
        unknown = [d for d in ids if d not in DOMAIN_IDS]
        dupes = repeated(ids)
        if missing or unknown or dupes:
            raise ValueError(f"domains must be exactly {list(DOMAIN_IDS)}; missing {missing}, "
                             f"unknown {unknown}, repeated {dupes}")
        headings = [h.id for h in self.support_plan_headings]
        for kind, items in (("support_plan_headings", headings),
                            ("sgo_report_headings", [h.id for h in self.sgo_report_headings])):
            require_unique(kind, items)
        for domain in self.domains:
            if domain.support.plan_heading not in headings:
                raise ValueError(f"domain '{domain.id}' files its support under "
                                 f"'{domain.support.plan_heading}', which is not one of the "
                                 f"support_plan_headings {headings}")
        return self

    def domain(self, domain_id: str) -> ViabilityDomain:
        return find_by_id(self.domains, domain_id, "viability domain")

    def heading(self, heading_id: str) -> SupportPlanHeading:
        return find_by_id(self.support_plan_headings, heading_id, "support plan heading")

    @property
    def essential_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.domains if d.essential)

    def all_facts(self) -> list[tuple[str, SourcedFact]]:
        """Every sourced statement with a readable location, for validation."""
        facts: list[tuple[str, SourcedFact]] = []
        for d in self.domains:
            facts.append((f"domains.{d.id}", d))
            if d.support.legal_basis is not None:
                facts.append((f"domains.{d.id}.support.legal_basis", d.support.legal_basis))
        facts += [(f"support_plan_headings.{h.id}", h) for h in self.support_plan_headings]
        facts += [(f"sgo_report_headings.{h.id}", h) for h in self.sgo_report_headings]
        return facts


# --- the summary --------------------------------------------------------------------------------


class Outcome(StrEnum):
    REALISTIC_OPTION = "realistic_option"
    NOT_REALISTIC = "not_realistic"
    MORE_INFORMATION_NEEDED = "more_information_needed"


OUTCOME_LABELS = {
    Outcome.REALISTIC_OPTION: "A realistic option: proceed to full assessment",
    Outcome.NOT_REALISTIC: "Not a realistic option on the evidence so far",
    Outcome.MORE_INFORMATION_NEEDED: "More information needed before deciding",
}


@dataclass(frozen=True)
class Reason:
    """One domain that drove the outcome, and what the case said about it."""

    domain_id: str
    label: str
    rating: Rating
    note: str | None
    why: str


@dataclass(frozen=True)
class ViabilitySummary:
    outcome: Outcome
    reasons: tuple[Reason, ...]
    concerns: tuple[str, ...]
    """Domain ids rated 'concern': with a realistic option these become support-plan items."""
    unknown: tuple[str, ...]
    """Domain ids with no evidence yet (unknown or not given), essential or not."""

    @property
    def headline(self) -> str:
        return OUTCOME_LABELS[self.outcome]


def summarise_viability(evidence: Mapping[str, Evidence | Mapping[str, Any]],
                        domains: ViabilityFramework) -> ViabilitySummary:
    """Apply three rules, in order, and say which domains decided it:

    1. any domain rated serious_concern -> not_realistic (those domains are the reasons);
    2. otherwise any essential domain unknown or not given -> more_information_needed
       (essential: relationship with the child, ability to meet the child's needs, immigration;
       see `essential_because` in viability.yaml);
    3. otherwise realistic_option; domains rated concern become support-plan items.

    The FRG guide asks for a weighed analysis, not a score: use this to structure discussion.
    """
    given = _evidence(evidence)
    ratings = {d.id: given[d.id].rating if d.id in given else Rating.UNKNOWN for d in domains.domains}
    concerns = tuple(i for i, r in ratings.items() if r is Rating.CONCERN)
    unknown = tuple(i for i, r in ratings.items() if r is Rating.UNKNOWN)

    def reason(domain_id: str, why: str) -> Reason:
        item = given.get(domain_id)
        return Reason(domain_id, domains.domain(domain_id).label, ratings[domain_id],
                      item.note if item else None, why)

    serious = [i for i, r in ratings.items() if r is Rating.SERIOUS_CONCERN]
    if serious:
        return ViabilitySummary(
            Outcome.NOT_REALISTIC,
            tuple(reason(i, "rated a serious concern") for i in serious), concerns, unknown)
    gaps = [i for i in domains.essential_ids if ratings[i] is Rating.UNKNOWN]
    if gaps:
        return ViabilitySummary(
            Outcome.MORE_INFORMATION_NEEDED,
            tuple(reason(i, "essential, and not yet known" if i in given else
                         "essential, and no evidence given") for i in gaps),
            concerns, unknown)
    why = [reason(i, "a concern that support could address") for i in concerns]
    return ViabilitySummary(Outcome.REALISTIC_OPTION, tuple(why), concerns, unknown)


@dataclass(frozen=True)
class SupportItem:
    domain_id: str
    domain_label: str
    rating: Rating
    heading_id: str
    heading: str
    suggestion: str
    note: str | None
    legal_basis: SourcedFact | None


@dataclass(frozen=True)
class SupportPlanOutline:
    """Support items grouped in the order of the support plan headings."""

    items: tuple[SupportItem, ...]

    def by_heading(self) -> dict[str, list[SupportItem]]:
        grouped: dict[str, list[SupportItem]] = {}
        for item in self.items:
            grouped.setdefault(item.heading, []).append(item)
        return grouped


def outline_support_plan(evidence: Mapping[str, Evidence | Mapping[str, Any]],
                         domains: ViabilityFramework) -> SupportPlanOutline:
    """One support item for each domain rated concern or serious_concern, filed under the
    support plan heading the domain names (e.g. funding recognition or a mirror order abroad,
    which an SGO support plan may cover, per the secondary sources cited in viability.yaml). A
    serious concern is listed too, since the question for the court is whether support could
    meet it."""
    given = _evidence(evidence)
    order = {h.id: n for n, h in enumerate(domains.support_plan_headings)}
    items = []
    for domain in domains.domains:
        item = given.get(domain.id)
        if item is None or item.rating not in (Rating.CONCERN, Rating.SERIOUS_CONCERN):
            continue
        heading = domains.heading(domain.support.plan_heading)
        items.append(SupportItem(
            domain.id, domain.label, item.rating, heading.id, heading.heading,
            domain.support.suggestion, item.note, domain.support.legal_basis))
    items.sort(key=lambda i: order[i.heading_id])
    return SupportPlanOutline(tuple(items))


def _evidence(evidence: Mapping[str, Evidence | Mapping[str, Any]]) -> dict[str, Evidence]:
    """Accept our Evidence, a plain mapping, or any object with `rating` and `note` (such as the
    case-study model's own evidence entries); refuse domain ids we do not know."""
    unknown = sorted(k for k in evidence if k not in DOMAIN_IDS)
    if unknown:
        raise ValueError(f"unknown viability domain(s) {unknown}; known: {', '.join(DOMAIN_IDS)}")
    return {key: read_evidence(value) for key, value in evidence.items()}


def read_evidence(value: Evidence | Mapping[str, Any] | Any) -> Evidence:
    """One domain's evidence from our Evidence, a plain mapping, or any object with `rating` and
    `note` (such as the case-study model's own evidence entries); None is 'not yet known'."""
    if value is None:
        return Evidence(rating=Rating.UNKNOWN)
    if isinstance(value, Evidence):
        return value
    if isinstance(value, Mapping):
        return Evidence.model_validate({"rating": Rating.UNKNOWN, **value})
    return Evidence.model_validate({"rating": str(value.rating), "note": getattr(value, "note", None)})
