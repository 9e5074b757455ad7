"""The route finder: which legal routes could secure a child's placement with carers abroad.

Pure functions: a case and the country table in, an assessment per route out. Each rule is a small
function that decides which of its outcomes applies; what the outcome *says* — its wording, its
citation, whether it closes the route or sets a condition, how sure we are of it — is content, in
`content/findings.yaml` (see `core.findings`). A rule's docstring names the law it models so a
reader can follow the logic; no legal sentence is written here. Training material, not legal
advice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from workshop_kit.core.calendar import long_date
from workshop_kit.core.case_study import (
    APerson,
    Art33Consent,
    Authority,
    CaseFacts,
    Connection,
    Consent,
    LegalStatus,
    ProceedingsStage,
    RightOfEntry,
    Route,
    Stance,
    Understanding,
    Verdict,
)
from workshop_kit.core.countries import (
    AdoptionInLawStatus,
    ConventionEntry,
    ConventionStatus,
    Countries,
    Country,
)
from workshop_kit.core.findings import Effect, FindingsBook
from workshop_kit.core.ids import UnknownId
from workshop_kit.core.viability import Rating

__all__ = ["Effect", "Finding", "Reason", "Route", "RouteAssessment", "Verdict", "find_routes"]

ADOPTION_ROUTES = (Route.CONVENTION_ADOPTION, Route.S84_ADOPTION)
KINSHIP_ORDER_ROUTES = (Route.SGO_ABROAD, Route.CAO_ABROAD)


@dataclass(frozen=True)
class Reason:
    """A finding's words as shown: text and citation, with how sure we are of them."""

    text: str
    citation: str
    to_be_confirmed: bool = False
    caveat: str | None = None
    confidence: str = ""
    last_reviewed: dt.date | None = None


@dataclass(frozen=True)
class Finding:
    effect: Effect
    reason: Reason
    rule: str = ""
    outcome: str = ""


@dataclass(frozen=True)
class RouteAssessment:
    route: Route
    verdict: Verdict
    findings: tuple[Finding, ...]

    def _of(self, *effects: Effect) -> tuple[Reason, ...]:
        return tuple(f.reason for f in self.findings if f.effect in effects)

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """Why the verdict: what supports the route and what bars it."""
        return self._of(Effect.SUPPORTS, Effect.CLOSES)

    @property
    def conditions(self) -> tuple[Reason, ...]:
        """What must be resolved before the route is realistic."""
        return self._of(Effect.CONDITION)

    @property
    def steps(self) -> tuple[Reason, ...]:
        """What the route needs in any case, and notes worth knowing."""
        return self._of(Effect.STEP, Effect.NOTE)

    @property
    def to_be_confirmed(self) -> bool:
        return any(f.reason.to_be_confirmed for f in self.findings)


@dataclass(frozen=True)
class Situation:
    """What every rule reads: the case's facts, the countries involved, and the day of the
    question."""

    case: CaseFacts
    country: Country
    uk: Country
    child_country: Country
    today: dt.date

    @property
    def authority(self) -> Authority:
        return self.case.authority

    def both_in_force(self, which: str, country: Country | None = None) -> tuple[bool, bool]:
        """(in force for `country` (default: the carers') and the UK today, whether in doubt)."""
        entries: list[ConventionEntry] = [getattr(country or self.country, which), getattr(self.uk, which)]
        return (all(e.in_force_on(self.today) for e in entries),
                any(e.in_doubt_on(self.today) for e in entries))

    def status_unknown(self, which: str) -> bool:
        return getattr(self.country, which).status is ConventionStatus.UNKNOWN

    @property
    def placed_abroad_in_care(self) -> bool:
        """Living in the carers' country on a placement made while in care (para 19 approval)."""
        return self.in_care and self.case.child.lives_in == self.country.id

    @property
    def in_care(self) -> bool:
        """In the authority's care under a care order, interim or final: the court approves any
        move abroad (CA 1989 Sch 2 para 19; in Wales SSWWA 2014 s124(1))."""
        return self.case.legal_status in (LegalStatus.CARE_ORDER, LegalStatus.INTERIM_CARE_ORDER)


Hit = tuple[str, dict[str, str]]
"""A rule's answer: the outcome that applies, and any placeholder values only the rule knows."""


@dataclass(frozen=True)
class Rule:
    name: str
    outcomes: tuple[str, ...]
    decide: Callable[..., list[Hit]]
    per_child: bool = False
    """Run once for each child in the plan, each with their own age, understanding and views."""


RULES_BY_NAME: dict[str, Rule] = {}


def rule(*outcomes: str, per_child: bool = False) -> Callable[[Callable[..., list[Hit]]], Rule]:
    """Register a rule and the outcomes it can reach: every one must be worded in content."""

    def register(decide: Callable[..., list[Hit]]) -> Rule:
        registered = Rule(decide.__name__, outcomes, decide, per_child)
        RULES_BY_NAME[registered.name] = registered
        return registered

    return register


def hit(outcome: str, **values: str) -> list[Hit]:
    return [(outcome, values)]


# --- rules for every route ------------------------------------------------------------------------


@rule("refused", "unknown", "confirmed")
def right_of_entry(s: Situation, route: Route) -> list[Hit]:
    """The child must be allowed to enter and live in the carers' country, whatever the order:
    AFER 2005 reg 10 (s84), 1993 Convention Art 17(d), para 19 reception arrangements."""
    match s.case.carers.right_of_child_to_enter:
        case RightOfEntry.REFUSED:
            return hit("refused")
        case RightOfEntry.UNKNOWN:
            return hit("unknown")
    return hit("confirmed")


@rule("serious")
def no_serious_viability_concern(s: Situation, route: Route) -> list[Hit]:
    """A carer with a serious concern is not a realistic option (FRG viability guide; Re R [2014]
    EWCA Civ 1625). Art 33 consent does not bear on adoption (1996 Convention Art 4(b))."""
    serious = [d for d, e in s.case.viability_evidence.items()
               if e.rating is Rating.SERIOUS_CONCERN
               and not (d == "art33_consent" and route in ADOPTION_ROUTES)]
    if not serious:
        return []
    return hit("serious", domains=", ".join(d.replace("_", " ") for d in serious))


@rule("separated")
def siblings_together(s: Situation, route: Route) -> list[Hit]:
    """A plan that separates siblings is flagged: looked-after siblings are to live together so
    far as reasonably practicable (CA 1989 s22C(8)(c))."""
    staying = s.case.siblings_staying
    if not staying:
        return []
    return hit("separated", siblings=_names([p.first_name for p in staying]))


@rule("wales")
def welsh_authority(s: Situation, route: Route) -> list[Hit]:
    """SSWWA 2014 Part 6 replaces much of CA 1989 Part 3 and Sch 2 for a Welsh authority."""
    return hit("wales") if s.authority is Authority.WALES else []


@rule("near_eighteen", per_child=True)
def approaching_eighteen(s: Situation, route: Route, child: APerson) -> list[Hit]:
    """Orders and applications that end or close at 18: an SGO, a CAO and a care order end at 18
    (CA 1989 s91(12), (13), s9(6B)); an adoption application must be made before 18 and the order
    before 19 (ACA 2002 s49(4), s47(9)); Convention agreements before 18 (1993 Convention Art 3)."""
    return hit("near_eighteen") if child.age >= 16 else []


@rule("in_care", "accommodated", "s85_disapplied", "placement_order")
def trial_placement_abroad(s: Situation, route: Route) -> list[Hit]:
    """Any move abroad of a child in care before a final order needs the court's approval (CA 1989
    Sch 2 para 19, interim care orders included; Wales: SSWWA 2014 s124); an accommodated child's
    needs every PR holder's approval. Para 19(6): no s85 offence for a child so placed, but para
    19(9): para 19 cannot be used to place for adoption. Under a placement order the care order
    has no effect (ACA 2002 s29(1)): removal needs the court's leave (s28(2)(b))."""
    if not s.case.trial_placement_abroad or route is Route.FOSTERING_ABROAD:
        return []
    if s.case.legal_status is LegalStatus.PLACEMENT_ORDER:
        return hit("placement_order")
    if s.in_care:
        found = hit("in_care")
        if route in ADOPTION_ROUTES:
            found += hit("s85_disapplied")
        return found
    if s.case.legal_status is LegalStatus.ACCOMMODATED_S20:
        return hit("accommodated")
    return []


# --- the child's own voice --------------------------------------------------------------------------


@rule("objects", "unsure", "supports", per_child=True)
def child_view_of_moving(s: Situation, route: Route, child: APerson) -> list[Hit]:
    """Wishes and feelings weigh in the light of age and understanding (CA 1989 s1(3)(a); ACA 2002
    s1(4)(a)). Where English law needs no consent from the child, an objection is a heavy welfare
    factor — a condition, never a bar on age alone."""
    return _view(child.views.moving_abroad)


def _view(stance: Stance) -> list[Hit]:
    """A view the child gave is an outcome of the same name; a child unable to say gives none."""
    return [] if stance is Stance.NOT_ABLE_TO_SAY else hit(stance.value)


@rule("objects", "unsure", "supports", per_child=True)
def child_view_of_adoption(s: Situation, route: Route, child: APerson) -> list[Hit]:
    """ACA 2002 s1(4)(a): the child's wishes about adoption itself, which ends the legal tie to the
    birth family; English law does not require the child's consent (weighed, Re B [2013] UKSC 33)."""
    return _view(child.views.adoption)


@rule("consents", "lacks_understanding", "refuses_with_understanding", "refuses_understanding_unknown",
      "objects_lacks_understanding", "unsure", "refuses_trial_placement", "understanding_to_record",
      per_child=True)
def child_consent_under_para_19(s: Situation, route: Route, child: APerson) -> list[Hit]:
    """Para 19 (Wales: s124(3)(c), (4)): the child must consent; the court may dispense with it only
    where the child lacks understanding and goes to a parent, guardian, special guardian or other
    suitable person. A refusal by a child who understands is a bar at any age."""
    if not s.in_care or (route is not Route.FOSTERING_ABROAD and not s.case.trial_placement_abroad):
        return []  # after an SGO, CAO or s84 order the child is no longer in care
    view, understanding = child.views.moving_abroad, child.understanding
    if understanding is Understanding.NOT_SUFFICIENT:  # para 19(4): consent is disregarded
        return hit("objects_lacks_understanding" if view is Stance.OBJECTS else "lacks_understanding")
    if view is Stance.OBJECTS and route is not Route.FOSTERING_ABROAD:
        return hit("refuses_trial_placement")
    match view, understanding:
        case Stance.SUPPORTS, Understanding.SUFFICIENT:
            return hit("consents")
        case Stance.SUPPORTS, _:
            return hit("understanding_to_record")
        case Stance.OBJECTS, Understanding.SUFFICIENT:
            return hit("refuses_with_understanding")
        case Stance.OBJECTS, _:
            return hit("refuses_understanding_unknown")
    return hit("unsure")


# --- adoption ---------------------------------------------------------------------------------------


@rule("given", "refused", "unknown", "cannot_be_found_or_incapable")
def parents_consent_to_adoption(s: Situation, route: Route) -> list[Hit]:
    """Without the parents' consent the court must dispense with it (ACA 2002 s52); adoption without
    consent is a last resort, where nothing else will do (Re B [2013] UKSC 33)."""
    match s.case.consents.adoption:
        case Consent.GIVEN:
            return hit("given")
        case Consent.REFUSED:
            return hit("refused")
        case Consent.UNKNOWN:
            return hit("unknown")
    return hit("cannot_be_found_or_incapable")


def _convention_applies(s: Situation) -> tuple[bool, bool]:
    """Whether an adoption by these carers falls within the 1993 Convention, and whether in doubt."""
    in_force, doubt = s.both_in_force("adoption_1993")
    resident = all(p.habitually_resident_in_country for p in s.case.carers.people)
    from_uk = s.case.child.habitual_residence == s.uk.id or s.placed_abroad_in_care
    return in_force and resident and from_uk, doubt


@rule("not_in_force", "not_in_force_to_confirm", "status_unknown", "carers_not_resident",
      "child_not_from_uk", "moved_under_para_19", "in_force", "in_force_to_confirm")
def convention_needs_carers_in_a_1993_country(s: Situation, route: Route) -> list[Hit]:
    """1993 Convention Arts 2, 14: carers habitually resident in a Contracting State, a child
    habitually resident in another (the UK, in force from 1 June 2003)."""
    if s.status_unknown("adoption_1993"):
        return hit("status_unknown")
    in_force, doubt = s.both_in_force("adoption_1993")
    if not in_force:
        return hit("not_in_force_to_confirm" if doubt else "not_in_force")
    if not all(p.habitually_resident_in_country for p in s.case.carers.people):
        return hit("carers_not_resident")
    if s.case.child.habitual_residence != s.uk.id:
        # Art 2(1) reaches a child who "has been" moved: a child in care placed abroad
        return hit("moved_under_para_19" if s.placed_abroad_in_care else "child_not_from_uk")
    since = s.country.adoption_1993.in_force_from
    return hit("in_force_to_confirm" if doubt else "in_force",
               since=long_date(since) if since else "")


def _could_adopt_here(s: Situation) -> str:
    """'domiciled' / 'resident' if the carers meet ACA 2002 s49 (so s84(2) bars a s84 order and the
    adoption is made here), 'unknown' if domicile is not known, '' if they could not adopt here."""
    people = s.case.carers.people
    if any(p.domiciled_in_british_islands for p in people):
        return "domiciled"
    if all(p.habitually_resident_in_british_islands_for_a_year for p in people):
        return "resident"
    if any(p.domiciled_in_british_islands is None for p in people):
        return "unknown"
    return ""


@rule("made_here", "completed_abroad", "domicile_unknown")
def where_the_convention_adoption_is_made(s: Situation, route: Route) -> list[Hit]:
    """Completed abroad, the carers need a s84 order before the child leaves (ACA 2002 s84, s85),
    with s84(4)'s ten weeks; s84(2) bars it where they meet s49, and the adoption is made here."""
    match _could_adopt_here(s):
        case "domiciled" | "resident":
            return hit("made_here")
        case "unknown":
            return hit("domicile_unknown")
    return hit("completed_abroad")


@rule("steps")
def convention_procedure(s: Situation, route: Route) -> list[Hit]:
    """Outbound Convention steps: Arts 14-17 and 19; AFER 2005 Part 3 Ch 2."""
    return hit("steps")


@rule("within_family", "not_family")
def contact_within_the_family(s: Situation, route: Route) -> list[Hit]:
    """1993 Convention Art 29: no contact before Arts 4 and 5 are met, unless within a family or on
    conditions set by the State of origin's competent authority."""
    return hit("within_family" if s.case.carers.connection is Connection.RELATIVE else "not_family")


@rule("not_british", "made_here_by_a_british_adopter")
def convention_adoption_and_nationality(s: Situation, route: Route) -> list[Hit]:
    """BNA 1981 s1(5A): a Convention adoption abroad makes a child British only where the adopters
    (both, if joint) are habitually resident in the UK or a designated territory; s1(5): an
    adoption order made here by a British adopter makes the child British."""
    if s.case.child.british_citizen:
        return []
    made_here = _could_adopt_here(s) in ("domiciled", "resident")
    if made_here and any(p.british_citizen for p in s.case.carers.people):
        return hit("made_here_by_a_british_adopter")
    return hit("not_british")


@rule("convention_applies", "outside", "accession_to_confirm", "status_unknown")
def s84_only_outside_the_convention(s: Situation, route: Route) -> list[Hit]:
    """Carers habitually resident in a 1993 Convention State adopt through the Convention (Art 2);
    the non-Convention s84 route is for the rest (ACA 2002 s84, s85)."""
    if s.case.child.habitual_residence != s.uk.id and not s.placed_abroad_in_care:
        return []  # not a removal from the UK at all: `s84_child_leaving_the_uk` says so
    if s.status_unknown("adoption_1993"):
        return hit("status_unknown")
    applies, _ = _convention_applies(s)
    if applies:
        return hit("convention_applies")
    found = hit("outside")
    if s.country.adoption_1993.in_doubt_on(s.today):
        found += hit("accession_to_confirm")
    return found


@rule("settled_abroad", "abroad_under_para_19")
def s84_child_leaving_the_uk(s: Situation, route: Route) -> list[Hit]:
    """s84 gives PR so the carers may take the child *out of* the UK (s85): a child already settled
    abroad is not an s84 case — unless placed there while in care with para 19 approval, when the
    ten weeks may be spent abroad (Re A [2009] EWCA Civ 41)."""
    if s.placed_abroad_in_care:
        return hit("abroad_under_para_19")
    return hit("settled_abroad") if s.case.child.habitual_residence != s.uk.id else []


@rule("no_adoption_in_law", "to_find_out", "available")
def s84_adoption_under_their_law(s: Situation, route: Route) -> list[Hit]:
    """s84(1): only for carers who intend to adopt under the law of their country; where that law
    has no adoption (guardianship only), there is nothing to adopt under."""
    fact = s.country.adoption_in_law
    status = fact.status if fact else AdoptionInLawStatus.UNKNOWN
    if status is AdoptionInLawStatus.GUARDIANSHIP_ONLY:
        return hit("no_adoption_in_law")
    return hit("available" if status is AdoptionInLawStatus.AVAILABLE else "to_find_out")


@rule("domiciled_here", "resident_here_a_year", "domicile_unknown", "could_not_adopt_here")
def s84_not_for_carers_who_could_adopt_here(s: Situation, route: Route) -> list[Hit]:
    """s84(2) with s49: no s84 order for carers domiciled in the British Islands, or (a couple, both)
    habitually resident there for a year; the adoption must then be made here."""
    match _could_adopt_here(s):
        case "domiciled":
            return hit("domiciled_here")
        case "resident":
            return hit("resident_here_a_year")
        case "unknown":
            return hit("domicile_unknown")
    return hit("could_not_adopt_here")


@rule("ten_weeks", "local_authority_visits", "effect_of_order")
def s84_application(s: Situation, route: Route) -> list[Hit]:
    """s84(4) ten weeks (Re G [2008] EWCA Civ 105; abroad after para 19 approval, Re A [2009] EWCA
    Civ 41); AFER reg 11 applying s42(7); s84(5) applying s46(2)-(4)."""
    return [*hit("ten_weeks"), *hit("local_authority_visits"), *hit("effect_of_order")]


# --- orders that keep the child's legal family: SGO, CAO, care order --------------------------------


@rule("habitually_resident_here", "trial_abroad_may_move_jurisdiction", "move_may_move_jurisdiction",
      "trial_abroad_outside_1996", "settled_in_convention_state", "settled_abroad_present_here",
      "settled_abroad_not_present")
def jurisdiction_for_sgo_or_cao(s: Situation, route: Route) -> list[Hit]:
    """An English court makes an SGO or CAO only with jurisdiction: 1996 Convention Arts 5-7 (the
    child's habitual residence) where it applies, otherwise FLA 1986 ss2-3 (habitual residence in
    England and Wales, or presence here and no habitual residence in any part of the UK). Between
    Contracting States a move of habitual residence moves jurisdiction (Art 5(2))."""
    child = s.case.child
    if child.habitual_residence != s.uk.id:
        in_force, _ = s.both_in_force("child_protection_1996", s.child_country)
        if in_force:
            return hit("settled_in_convention_state")
        if child.lives_in == s.uk.id:
            return hit("settled_abroad_present_here")
        return hit("settled_abroad_not_present")
    found = hit("habitually_resident_here")
    in_force, _ = s.both_in_force("child_protection_1996")
    moving_first = s.case.trial_placement_abroad or child.lives_in == s.country.id
    if in_force:
        found += hit("trial_abroad_may_move_jurisdiction" if moving_first else "move_may_move_jurisdiction")
    elif moving_first:
        found += hit("trial_abroad_outside_1996")
    return found


@rule("consent_in_writing", "leave_needed", "short_absences_sgo", "short_absences_cao")
def removal_from_the_uk(s: Situation, route: Route) -> list[Hit]:
    """SGO and CAO alike: living abroad needs the written consent of every PR holder or the court's
    leave (CA 1989 s13(1)(b), s14C(3)(b)); short absences (CAO under one month, SGO under three
    months) need neither (s13(2), s14C(4))."""
    found = hit("short_absences_sgo" if route is Route.SGO_ABROAD else "short_absences_cao")
    if s.case.consents.placement_abroad is Consent.GIVEN:
        return found + hit("consent_in_writing")
    return found + hit("leave_needed")


@rule("notice_for_own_application", "own_motion_in_proceedings", "overseas_assessment_time")
def sgo_notice_and_report(s: Situation, route: Route) -> list[Hit]:
    """CA 1989 s14A: notice for an individual's own application (7); the court may make an SGO of
    its own motion in proceedings (6)(b); the local authority's report always (8), (11)."""
    in_proceedings = s.case.proceedings.stage is ProceedingsStage.ISSUED
    return [*hit("own_motion_in_proceedings" if in_proceedings else "notice_for_own_application"),
            *hit("overseas_assessment_time")]


@rule("recognised", "recognition_limits", "in_force_to_confirm", "not_party", "status_unknown")
def recognition_abroad(s: Situation, route: Route) -> list[Hit]:
    """1996 Convention: recognition by operation of law (Art 23(1)), refusable on the Art 23(2)
    grounds, enforcement after a declaration or registration (Art 26), continuing after a move
    (Art 14) while jurisdiction passes (Art 5(2)); elsewhere a mirror order is needed."""
    if s.status_unknown("child_protection_1996"):
        return hit("status_unknown")
    in_force, doubt = s.both_in_force("child_protection_1996")
    if in_force:
        return [*hit("in_force_to_confirm" if doubt else "recognised"), *hit("recognition_limits")]
    return hit("not_party")


@rule("given", "refused", "needed", "requested")
def art33_consent(s: Situation, route: Route) -> list[Hit]:
    """1996 Convention Art 33: consult the receiving State's Central Authority and decide only once
    it consents. Certain for foster care; whether it reaches a kinship SGO or CAO placement is
    unsettled, and the content marks those findings to be confirmed."""
    in_force, _ = s.both_in_force("child_protection_1996")
    if not in_force:
        return []
    match s.case.art33_consent:
        case Art33Consent.GIVEN:
            return hit("given")
        case Art33Consent.REFUSED:
            return hit("refused")
        case Art33Consent.REQUESTED:
            return hit("requested")
    return hit("needed")


# --- long-term fostering abroad -------------------------------------------------------------------


@rule("care_order", "interim_care_order", "accommodated_refused", "approval_withdrawn", "accommodated",
      "placement_order", "not_looked_after")
def fostering_needs_a_child_in_care(s: Situation, route: Route) -> list[Hit]:
    """Para 19 (Wales: s124(1)): court approval for a child in care to live abroad; for an
    accommodated child every PR holder's approval (Re C [2019] EWCA Civ 1714; Wales: s124(2))."""
    match s.case.legal_status:
        case LegalStatus.CARE_ORDER:
            return hit("care_order")
        case LegalStatus.INTERIM_CARE_ORDER:
            return hit("interim_care_order")
        case LegalStatus.ACCOMMODATED_S20:
            if s.case.consents.placement_abroad is not Consent.REFUSED:
                return hit("accommodated")
            already_there = s.case.child.lives_in == s.country.id
            return hit("approval_withdrawn" if already_there else "accommodated_refused")
        case LegalStatus.PLACEMENT_ORDER:
            return hit("placement_order")
    return hit("not_looked_after")


@rule("given", "dispense_absent_or_incapable", "refused", "unknown")
def parents_consent_under_para_19(s: Situation, route: Route) -> list[Hit]:
    """Para 19 (Wales: s124(3)(d), (5)): every PR holder consents, or the court dispenses with it
    (cannot be found, incapable, or withholding unreasonably)."""
    if not s.in_care or (route is not Route.FOSTERING_ABROAD and not s.case.trial_placement_abroad):
        return []  # a move after an SGO, CAO or s84 order is not a para 19 move
    match s.case.consents.placement_abroad:
        case Consent.GIVEN:
            return hit("given")
        case Consent.CANNOT_BE_FOUND | Consent.LACKS_CAPACITY:
            return hit("dispense_absent_or_incapable")
        case Consent.REFUSED:
            return hit("refused")
    return hit("unknown")


@rule("best_interests_and_reception")
def fostering_reception_and_welfare(s: Situation, route: Route) -> list[Hit]:
    """Para 19 (Wales: s124(3)(a), (b)): best interests, and suitable arrangements for reception and
    welfare abroad. Only for a child in care."""
    return hit("best_interests_and_reception") if s.in_care else []


def _accommodated_child_view(s: Situation, route: Route, child: APerson) -> list[Hit]:
    """For an accommodated child para 19 does not apply: the view is weighed as for any plan."""
    return [] if s.in_care else child_view_of_moving.decide(s, route, child)


# --- putting it together ----------------------------------------------------------------------------

EVERY_ROUTE: list[Rule] = [right_of_entry, no_serious_viability_concern, siblings_together,
                           welsh_authority, approaching_eighteen, trial_placement_abroad]

RULES: dict[Route, list[Rule]] = {
    Route.SGO_ABROAD: [jurisdiction_for_sgo_or_cao, child_view_of_moving, child_consent_under_para_19,
                       parents_consent_under_para_19, removal_from_the_uk, sgo_notice_and_report,
                       recognition_abroad, art33_consent],
    Route.CONVENTION_ADOPTION: [convention_needs_carers_in_a_1993_country, child_view_of_moving,
                                child_view_of_adoption, child_consent_under_para_19,
                                parents_consent_under_para_19, parents_consent_to_adoption,
                                where_the_convention_adoption_is_made, contact_within_the_family,
                                convention_procedure, convention_adoption_and_nationality],
    Route.S84_ADOPTION: [s84_only_outside_the_convention, s84_child_leaving_the_uk,
                         s84_adoption_under_their_law, s84_not_for_carers_who_could_adopt_here,
                         child_view_of_moving, child_view_of_adoption, child_consent_under_para_19,
                         parents_consent_under_para_19, parents_consent_to_adoption, s84_application],
    Route.FOSTERING_ABROAD: [fostering_needs_a_child_in_care, child_consent_under_para_19,
                             parents_consent_under_para_19, recognition_abroad, art33_consent,
                             fostering_reception_and_welfare],
    Route.CAO_ABROAD: [jurisdiction_for_sgo_or_cao, child_view_of_moving, child_consent_under_para_19,
                       parents_consent_under_para_19, removal_from_the_uk, recognition_abroad,
                       art33_consent],
}
"""Which rules apply to which route; every route also gets `EVERY_ROUTE` first. For long-term
fostering of an accommodated child, the child's view is weighed as for any plan (below)."""


def rules_for(route: Route) -> list[Rule]:
    rules = [*EVERY_ROUTE, *RULES[route]]
    if route is Route.FOSTERING_ABROAD:
        rules.insert(rules.index(child_consent_under_para_19),
                     Rule("child_view_of_moving", child_view_of_moving.outcomes, _accommodated_child_view,
                          per_child=True))
    return rules


def verdict_of(findings: Sequence[Finding]) -> Verdict:
    """Any bar closes the route; otherwise any open condition makes it conditional."""
    effects = {f.effect for f in findings}
    if Effect.CLOSES in effects:
        return Verdict.NOT_AVAILABLE
    if Effect.CONDITION in effects:
        return Verdict.CONDITIONAL
    return Verdict.REALISTIC


@dataclass
class _Words:
    """Turns a rule's outcome into a worded finding, filling the placeholders."""

    book: FindingsBook
    situation: Situation
    base: dict[str, str] = field(default_factory=dict)

    def finding(self, rule_name: str, outcome: str, route: Route, values: dict[str, str]) -> Finding:
        entry = self.book.finding(rule_name, outcome, route, self.situation.authority)
        text, caveat = entry.render({**self.base, **values})
        reason = Reason(text, entry.source, entry.to_be_confirmed, caveat, entry.confidence.value,
                        entry.last_reviewed)
        return Finding(entry.effect, reason, rule_name, outcome)


def _base_values(s: Situation) -> dict[str, str]:
    country = s.country.name_in_text
    return {"child": s.case.child.first_name, "age": str(s.case.child.age), "country": country,
            "Country": country[:1].upper() + country[1:], "child_country": s.child_country.name_in_text,
            "siblings": "", "domains": "", "since": ""}


def assess_route(route: Route, situation: Situation, book: FindingsBook) -> RouteAssessment:
    words = _Words(book, situation, _base_values(situation))
    findings: list[Finding] = []
    for r in rules_for(route):
        if r.name not in RULES_BY_NAME or RULES_BY_NAME[r.name].outcomes != r.outcomes:
            raise AssertionError(f"rule {r.name} is not registered with its outcomes")
        people = situation.case.children_moving if r.per_child else (None,)
        for person in people:
            hits = r.decide(situation, route, person) if person else r.decide(situation, route)
            extra = {"child": person.first_name, "age": str(person.age)} if person else {}
            for outcome, values in hits:
                if outcome not in r.outcomes:
                    raise AssertionError(f"rule {r.name} gave undeclared outcome '{outcome}'")
                findings.append(words.finding(r.name, outcome, route, {**extra, **values}))
    verdict = verdict_of(findings)
    if verdict is Verdict.NOT_AVAILABLE:  # the steps of a route that is not open only confuse
        findings = [f for f in findings if f.effect is not Effect.STEP]
    return RouteAssessment(route, verdict, tuple(findings))


def find_routes(case: CaseFacts, countries: Countries, today: dt.date | None = None,
                book: FindingsBook | None = None) -> list[RouteAssessment]:
    """Assess every route for the case, in `Route` order. `today` decides which Conventions are in
    force (default: the real today); `book` the wording (default: the shipped findings.yaml)."""
    if book is None:
        from workshop_kit.core.content import findings_book  # content imports this module's models

        book = findings_book()
    try:
        country = countries.country(case.carers.country)
        child_country = countries.country(case.child.habitual_residence)
    except UnknownId as exc:
        raise ValueError(f"{case.name}: {exc}") from None
    situation = Situation(case, country, countries.uk, child_country, today or dt.date.today())
    return [assess_route(route, situation, book) for route in Route]


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
