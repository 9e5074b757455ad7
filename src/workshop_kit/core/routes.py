"""The route finder: which legal routes could secure a child's placement with carers abroad.

Pure functions: a case and the country table in, an assessment per route out. Each rule is a small
function whose docstring names its source (FACTS.md sections in brackets). A rule returns findings:
a reason for the route, a step the route always needs, an open condition (the route is possible
only if it is met), or a bar (the route is not available). Where the law is unsettled the reason is
marked `to_be_confirmed`. Training material, not legal advice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop_kit.core.case_study import (
    Art33Consent,
    CaseStudy,
    Connection,
    Consent,
    LegalStatus,
    RightOfEntry,
    Route,
    Stance,
    Verdict,
)
from workshop_kit.core.countries import ConventionEntry, Countries, Country
from workshop_kit.core.viability import Rating

__all__ = ["Effect", "Finding", "Reason", "Route", "RouteAssessment", "Verdict", "find_routes"]

OLDER_CHILD_AGE = 12
"""No statute fixes an age; the weight given to a child's wishes grows with age and understanding
(CA 1989 s1(3)(a); ACA 2002 s1(4)(a)). From 12 the kit treats a clear objection as decisive for
whether a route is realistic, and a child's consent under Sch 2 para 19 as one only the child can
give (para 19(4) allows dispensing with it only where the child lacks understanding)."""

ADOPTION_ROUTES = (Route.CONVENTION_ADOPTION, Route.S84_ADOPTION)
KINSHIP_ORDER_ROUTES = (Route.SGO_ABROAD, Route.CAO_ABROAD)


@dataclass(frozen=True)
class Reason:
    text: str
    citation: str
    to_be_confirmed: bool = False


class Effect(StrEnum):
    SUPPORTS = "supports"  # a reason the route is open
    STEP = "step"  # what the route needs in any case; does not lower the verdict
    NOTE = "note"  # worth knowing; does not lower the verdict
    CONDITION = "condition"  # an open question: possible only if it is resolved
    CLOSES = "closes"  # the route is not available


@dataclass(frozen=True)
class Finding:
    effect: Effect
    reason: Reason


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
    """What every rule reads: the case, the carers' country, the UK, and the day of the question."""

    case: CaseStudy
    country: Country
    uk: Country
    today: dt.date

    @property
    def name(self) -> str:
        return self.case.child.first_name


Rule = Callable[[Situation, Route], list[Finding]]


def _f(effect: Effect, text: str, citation: str, tbc: bool = False) -> list[Finding]:
    return [Finding(effect, Reason(text, citation, tbc))]


def _in_care(s: Situation) -> bool:
    """In the care of the authority under a care order (interim or final): Sch 2 para 19 applies."""
    return s.case.legal_status in (LegalStatus.CARE_ORDER, LegalStatus.INTERIM_CARE_ORDER)


def _cap(text: str) -> str:
    """Capitalise the first letter only ("the United States" -> "The United States")."""
    return text[:1].upper() + text[1:]


def _both_in_force(s: Situation, which: str) -> tuple[bool, bool]:
    """(in force for the carers' country and the UK today, whether that answer is in doubt)."""
    entries: list[ConventionEntry] = [getattr(s.country, which), getattr(s.uk, which)]
    return (all(e.in_force_on(s.today) for e in entries),
            any(e.in_doubt_on(s.today) for e in entries))


# --- rules for every route ------------------------------------------------------------------------


def right_of_entry(s: Situation, route: Route) -> list[Finding]:
    """The child must be allowed to enter and live in the carers' country, whatever the order.

    Adoption: AFER 2005 reg 10 (s84) and 1993 Convention Art 17(d) (§1, §3). Other routes: the
    overseas viability domain 'immigration' (§6); para 19 needs suitable arrangements for reception.
    """
    citation = {Route.S84_ADOPTION: "AFER 2005 reg 10",
                Route.CONVENTION_ADOPTION: "1993 Hague Convention Art 17(d)",
                }.get(route, "Immigration law of the country; overseas viability: immigration")
    if route is Route.FOSTERING_ABROAD and _in_care(s):
        citation = "CA 1989 Sch 2 para 19; immigration law of the country"
    where = s.country.name_in_text
    match s.case.carers.right_of_child_to_enter:
        case RightOfEntry.REFUSED:
            return _f(Effect.CLOSES, f"{s.name} has been refused the right to enter and live in {where}; "
                      "no order made here can place a child where she or he may not live.", citation)
        case RightOfEntry.UNKNOWN:
            return _f(Effect.CONDITION, f"Confirm that {s.name} may enter and live in {where} "
                      "permanently before the plan relies on it.", citation)
    return _f(Effect.SUPPORTS, f"{s.name}'s right to enter and live in {where} is confirmed.", citation)


def no_serious_viability_concern(s: Situation, route: Route) -> list[Finding]:
    """A carer with a serious concern in the viability evidence is not a realistic option for full
    assessment (Family Rights Group viability guide, §6), and only realistic options are weighed
    (Re R [2014] EWCA Civ 1625, §7). Art 33 consent does not bear on adoption (outside the 1996
    Convention)."""
    serious = [d for d, e in s.case.viability_evidence.items()
               if e.rating is Rating.SERIOUS_CONCERN
               and not (d == "art33_consent" and route in ADOPTION_ROUTES)]
    if not serious:
        return []
    domains = ", ".join(d.replace("_", " ") for d in serious)
    return _f(Effect.CLOSES, f"The viability evidence rates {domains} a serious concern: on that "
              "evidence the carers are not a realistic option.",
              "Family Rights Group, Initial Family and Friends Care Assessment (2017, rev. 2022); "
              "Re R [2014] EWCA Civ 1625")


def child_view_of_moving(s: Situation, route: Route) -> list[Finding]:
    """The child's wishes and feelings, weighed in the light of age and understanding
    (CA 1989 s1(3)(a); ACA 2002 s1(4)(a); for an accommodated child the authority's own duty,
    CA 1989 s22(4), (5); weight rising with maturity: seed 004). A child in care placed abroad
    in foster care has its own consent rule (`child_consent_under_para_19`)."""
    child = s.case.child
    citation = ("ACA 2002 s1(4)(a)" if route in ADOPTION_ROUTES
                else "CA 1989 s22(4), (5)" if route is Route.FOSTERING_ABROAD
                else "CA 1989 s1(3)(a)")
    match child.views.moving_abroad:
        case Stance.OBJECTS if child.age >= OLDER_CHILD_AGE:
            return _f(Effect.CLOSES, f"At {child.age}, {s.name} clearly objects to moving abroad. A "
                      "placement against the settled wish of a child this age is unlikely to hold, "
                      "so this training treats it as not a realistic option while that is so (a rule "
                      "of thumb for discussion, not a rule of law).", citation)
        case Stance.OBJECTS:
            return _f(Effect.CONDITION, f"{s.name} objects to moving abroad; understand why through "
                      "direct work and weigh it for a child of this age.", citation)
        case Stance.UNSURE:
            return _f(Effect.CONDITION, f"{s.name} is unsure about moving abroad; the plan needs "
                      "direct work and introductions before the move.", citation)
        case Stance.SUPPORTS:
            return _f(Effect.SUPPORTS, f"{s.name} wants to live with the carers abroad.", citation)
    return []


def _rules_for_every_route() -> list[Rule]:
    return [right_of_entry, no_serious_viability_concern]


# --- adoption ---------------------------------------------------------------------------------------


def child_view_of_adoption(s: Situation, route: Route) -> list[Finding]:
    """ACA 2002 s1(4)(a): the child's wishes about adoption itself, which ends the legal tie to the
    birth family for life (§1). An older child's clear objection makes adoption unrealistic where
    another order can secure the placement: adoption must be necessary (Re B [2013] UKSC 33, §7)."""
    child = s.case.child
    match child.views.adoption:
        case Stance.OBJECTS if child.age >= OLDER_CHILD_AGE:
            return _f(Effect.CLOSES, f"At {child.age}, {s.name} clearly objects to being adopted. "
                      "Adoption ends the legal tie to the birth family for life; against the "
                      "settled view of a child this age this training treats it as not a realistic "
                      "option (a rule of thumb for discussion: English law does not require the "
                      "child's consent to adoption).",
                      "ACA 2002 s1(4)(a); Re B [2013] UKSC 33")
        case Stance.OBJECTS | Stance.UNSURE:
            view = "objects to" if child.views.adoption is Stance.OBJECTS else "is unsure about"
            return _f(Effect.CONDITION, f"{s.name} {view} adoption; explore what adoption would "
                      "mean to the child before relying on it.", "ACA 2002 s1(4)(a)")
        case Stance.SUPPORTS:
            return _f(Effect.SUPPORTS, f"{s.name} wants to be adopted by the carers.", "ACA 2002 s1(4)(a)")
    return []


def parents_consent_to_adoption(s: Situation, route: Route) -> list[Finding]:
    """Without the parents' consent the court must dispense with it (ACA 2002 s52), and
    non-consensual adoption is a last resort, where nothing else will do (Re B [2013] UKSC 33, §7)."""
    consent = s.case.consents.adoption
    if consent is Consent.GIVEN:
        return _f(Effect.SUPPORTS, "The parents consent to adoption by the carers.", "ACA 2002 s47, s52")
    why = {Consent.REFUSED: "The parents do not consent to adoption",
           Consent.UNKNOWN: "The parents' consent to adoption is not known",
           Consent.CANNOT_BE_FOUND: "A parent cannot be found to give consent",
           Consent.LACKS_CAPACITY: "A parent lacks capacity to consent"}[consent]
    return _f(Effect.CONDITION, f"{why}. The court would have to dispense with consent, and adoption "
              "without it is a last resort, only where nothing else will do: necessary and "
              "proportionate under ECHR Art 8.", "Re B [2013] UKSC 33; ACA 2002 s52")


def _convention_applies(s: Situation) -> tuple[bool, bool]:
    """Whether an adoption by these carers falls within the 1993 Convention, and whether in doubt."""
    in_force, doubt = _both_in_force(s, "adoption_1993")
    resident = all(p.habitually_resident_in_country for p in s.case.carers.people)
    from_uk = s.case.child.habitual_residence == s.uk.id
    return in_force and resident and from_uk, doubt


def convention_needs_carers_in_a_1993_country(s: Situation, route: Route) -> list[Finding]:
    """A Convention adoption is for carers habitually resident in a State where the 1993 Convention
    is in force, as it is for the UK (1993 Convention Arts 2 and 14; UK from 1 June 2003, §3, §5)."""
    country, entry = s.country.name_in_text, s.country.adoption_1993
    citation = "1993 Hague Convention Arts 2, 14; HCCH status table"
    in_force, doubt = _both_in_force(s, "adoption_1993")
    if not in_force:
        return _f(Effect.CLOSES, f"The 1993 Adoption Convention is not in force for {country}, so "
                  "there can be no Convention adoption."
                  + (" That is to be confirmed: a later accession has not been checked." if doubt else ""),
                  citation, doubt)
    if not all(p.habitually_resident_in_country for p in s.case.carers.people):
        return _f(Effect.CLOSES, f"The carers are not all habitually resident in {country}; the "
                  "Convention follows where the adopters habitually live.", citation)
    if s.case.child.habitual_residence != s.uk.id:
        return _f(Effect.CLOSES, "The child is not habitually resident in the UK, so the UK is not "
                  "the State of origin this route assumes.", citation)
    since = entry.in_force_from
    date = f"{since.day} {since:%B %Y}" if since else ""
    effect = Effect.CONDITION if doubt else Effect.SUPPORTS
    return _f(effect, f"The 1993 Convention is in force for {country} (from {date}) and for the UK, "
              f"and the carers are habitually resident in {country}.", citation, doubt)


def convention_procedure(s: Situation, route: Route) -> list[Finding]:
    """Outbound Convention steps: Arts 14–17 and 19 (§3); an adoption completed abroad needs a s84
    order first, since removal for adoption without one is an offence (ACA 2002 s85, §1)."""
    return [
        *_f(Effect.STEP, "The carers apply to the Central Authority where they live; it reports on "
            "them and the UK reports on the child; both Central Authorities must agree, and the "
            "child be authorised to enter and stay, before the child moves.",
            "1993 Hague Convention Arts 14-17, 19; AFER 2005 Part 3 Ch 2"),
        *_f(Effect.STEP, "If the adoption is to be completed abroad, the carers need a s84 order "
            "before the child leaves: removing a child for adoption without one is an offence.",
            "ACA 2002 s84, s85"),
    ]


def contact_within_the_family(s: Situation, route: Route) -> list[Finding]:
    """1993 Convention Art 29: no contact between adopters and parents before Arts 4 and 5 are met,
    unless the adoption takes place within a family (§3)."""
    if s.case.carers.connection is Connection.RELATIVE:
        return _f(Effect.SUPPORTS, "An adoption within the family: the Art 29 bar on contact between "
                  "the carers and the parents does not apply.", "1993 Hague Convention Art 29")
    return _f(Effect.STEP, "The carers are not relatives: no contact between them and the parents "
              "until the Art 4 and 5 conditions are met.", "1993 Hague Convention Art 29")


def convention_adoption_and_nationality(s: Situation, route: Route) -> list[Finding]:
    """A Convention adoption makes a child British only if the adopters are habitually resident in
    the UK (British Nationality Act 1981 s1(5A), §1)."""
    if s.case.child.british_citizen:
        return []
    return _f(Effect.NOTE, f"{s.name} is not British, and a Convention adoption by carers living "
              "abroad will not make the child British.", "British Nationality Act 1981 s1(5A)")


def s84_only_outside_the_convention(s: Situation, route: Route) -> list[Finding]:
    """Where the carers live in a State for which the 1993 Convention is in force, the adoption
    falls within the Convention (Art 2) and follows its procedure; the non-Convention route is for
    the rest (ACA 2002 s84, s85, §1)."""
    applies, doubt = _convention_applies(s)
    country = s.country.name_in_text
    if applies:
        return _f(Effect.CLOSES, f"The carers live in {country}, a 1993 Convention country: the "
                  "adoption must follow the Convention route instead.",
                  "1993 Hague Convention Art 2; AFER 2005 Part 3 Ch 2", doubt)
    found = _f(Effect.SUPPORTS, "Outside the Convention, the carers can take the child abroad to "
               "adopt only once a s84 order gives them parental responsibility; removal for adoption "
               "without one is an offence.", "ACA 2002 s84, s85")
    if s.country.adoption_1993.in_doubt_on(s.today):
        found += _f(Effect.CONDITION, f"Confirm that {country} has not since acceded to the 1993 "
                    "Convention; if it has, the Convention route applies instead.",
                    "HCCH status table", True)
    return found


def s84_not_for_carers_who_could_adopt_here(s: Situation, route: Route) -> list[Finding]:
    """No s84 order where the applicants could adopt in England and Wales (ACA 2002 s84, §1); one
    applicant domiciled in the British Islands can (ACA 2002 s49, [S] in §2)."""
    domiciled = [p.domiciled_in_british_islands for p in s.case.carers.people]
    citation = "ACA 2002 s84(1), s49"
    if any(d is True for d in domiciled):
        return _f(Effect.CLOSES, "A carer is domiciled in the British Islands, so the carers could "
                  "adopt in England and Wales and a s84 order is not available; seek advice on a "
                  "domestic adoption instead.", citation, True)
    if any(d is None for d in domiciled):
        return _f(Effect.CONDITION, "Establish the carers' domicile: if one of them is domiciled in "
                  "the British Islands they could adopt here, and s84 would not be available.",
                  citation, True)
    return _f(Effect.SUPPORTS, "Neither carer is domiciled in the British Islands, so they could not "
              "adopt in England and Wales.", citation)


def s84_application(s: Situation, route: Route) -> list[Finding]:
    """ACA 2002 s84(4): 10 weeks' home with the applicants (Re G [2008] EWCA Civ 105; abroad after
    para 19 approval, Re A [2009] EWCA Civ 41); AFER 2005 reg 11 applies s42(7) (§1, §2). Which court
    hears s84 applications, and whether the order ends the parents' PR, are unsettled (§1 ⚠)."""
    return [
        *_f(Effect.STEP, "The child's home must have been with the carers at all times in the 10 "
            "weeks before the application; each carer's presence is a matter of fact and degree. "
            "Those weeks may be spent abroad after a placement approved under Sch 2 para 19.",
            "ACA 2002 s84(4); Re G [2008] EWCA Civ 105; Re A [2009] EWCA Civ 41"),
        *_f(Effect.STEP, "The local authority must have had sufficient opportunities to see the "
            "child with the carers in their home environment.", "AFER 2005 reg 11; ACA 2002 s42(7)"),
        *_f(Effect.NOTE, "Which court hears s84 applications now, and whether a s84 order ends the "
            "parents' parental responsibility, are to be confirmed.", "ACA 2002 s84", True),
    ]


# --- orders that keep the child's legal family: SGO, CAO, care order --------------------------------


def recognition_abroad(s: Situation, route: Route) -> list[Finding]:
    """An order made here is recognised by operation of law in another 1996 Convention State
    (Art 23, §4); elsewhere it has no automatic effect and a mirror order is needed (§6 [S])."""
    in_force, doubt = _both_in_force(s, "child_protection_1996")
    country = s.country.name_in_text
    if in_force:
        effect = Effect.CONDITION if doubt else Effect.SUPPORTS
        return _f(effect, f"An order or placement decision made here would be recognised in {country} "
                  "by operation of law under the 1996 Convention; recognition can be refused if "
                  "Art 33 was not complied with.",
                  "1996 Hague Convention Art 23, Art 23(2)(f)", doubt)
    return _f(Effect.CONDITION, f"{_cap(country)} is not a party to the 1996 Convention, so the order has no "
              f"automatic effect there: find out whether {country}'s courts can make a mirror order "
              "and plan (and fund) it.",
              "1996 Hague Convention Art 23 (not in force there); overseas viability: recognition",
              True)


def art33_consent(s: Situation, route: Route) -> list[Finding]:
    """1996 Convention Art 33 (§4): before placing a child in foster or institutional care or kafala
    in another Contracting State, consult its Central Authority (via ICACU from England) and decide
    only once it consents. Certain for long-term fostering; whether a placement with relatives under
    an SGO or CAO is 'foster care' is unsettled, so those findings are marked to be confirmed."""
    in_force, _ = _both_in_force(s, "child_protection_1996")
    if not in_force:
        return []
    settled = route is Route.FOSTERING_ABROAD
    tbc = not settled
    country = s.country.name_in_text
    citation = "1996 Hague Convention Art 33; President's Guidance (January 2024)"
    scope = "" if settled else (" Whether Art 33 reaches a placement with relatives under this "
                                "order is to be confirmed; treat it as needed.")
    match s.case.art33_consent:
        case Art33Consent.GIVEN:
            return _f(Effect.SUPPORTS, f"{_cap(country)}'s Central Authority has agreed to the placement "
                      "under Art 33.", citation)
        case Art33Consent.REFUSED:
            return _f(Effect.CLOSES, f"{_cap(country)}'s Central Authority has refused consent under Art 33, "
                      "so the placement cannot be decided." + scope, citation, tbc)
    asked = " (requested, not yet given)" if s.case.art33_consent is Art33Consent.REQUESTED else ""
    return _f(Effect.CONDITION, f"Art 33 consent from {country}'s Central Authority is needed before "
              f"the placement is decided{asked}; ask early through ICACU, since a missing consent has "
              "delayed final hearings." + scope, citation, tbc)


def sgo_needs_leave_to_remove(s: Situation, route: Route) -> list[Finding]:
    """CA 1989 s14C: a special guardian may remove the child for less than 3 months without consent
    or leave; the court may give general leave when it makes the order, s14B(2)(b) (§1)."""
    return _f(Effect.STEP, "A special guardian may take the child out of the UK for less than 3 "
              "months; for the child to live abroad, ask the court for leave to remove when it makes "
              "the order.", "CA 1989 s14C, s14B(2)(b)")


def sgo_needs_a_report(s: Situation, route: Route) -> list[Finding]:
    """CA 1989 s14A(7), (8), (11): notice, the local authority's report, and no SGO without it;
    overseas assessments should not be squeezed into the 26 weeks (FJC 2019; PLWG 2021) (§2)."""
    return _f(Effect.STEP, "The court cannot make an SGO without the local authority's report on the "
              "carers; plan the overseas assessment early rather than squeeze it into the 26-week "
              "timetable.", "CA 1989 s14A(8), (11); FJC interim guidance 2019; PLWG SGO best "
              "practice 2021")


def cao_removal_needs_consent_or_leave(s: Situation, route: Route) -> list[Finding]:
    """CA 1989 s13(1)(b), (2): the person the child lives with may remove the child for less than
    one month; otherwise every PR holder's written consent or the court's leave is needed (§1)."""
    citation = "CA 1989 s13(1)(b), (2)"
    step = _f(Effect.STEP, "The person the child lives with may take the child abroad for less than "
              "one month; living abroad needs the written consent of everyone with PR, or the court's "
              "leave.", citation)
    if s.case.consents.placement_abroad is Consent.GIVEN:
        return step + _f(Effect.SUPPORTS, "The parents agree to the child living abroad; record it "
                         "in writing from every PR holder.", citation)
    return step + _f(Effect.CONDITION, "The parents' written consent to the child living abroad is "
                     "not available, so the court's leave to remove is needed.", citation)


# --- long-term fostering abroad -------------------------------------------------------------------


def fostering_needs_a_child_in_care(s: Situation, route: Route) -> list[Finding]:
    """CA 1989 Sch 2 para 19: court approval for a child in care to live abroad; for an
    accommodated (s20) child every PR holder's approval suffices (Re C [2019] EWCA Civ 1714) (§1)."""
    match s.case.legal_status:
        case LegalStatus.CARE_ORDER:
            return _f(Effect.SUPPORTS, f"{s.name} is in care, so the court can approve living abroad "
                      "under Sch 2 para 19.", "CA 1989 Sch 2 para 19")
        case LegalStatus.INTERIM_CARE_ORDER:
            return _f(Effect.CONDITION, "Long-term fostering rests on a final care order, which has "
                      "not yet been made; para 19 approval would follow the care plan.",
                      "CA 1989 s31; Sch 2 para 19")
        case LegalStatus.ACCOMMODATED_S20:
            if s.case.consents.placement_abroad is Consent.REFUSED:
                return _f(Effect.CLOSES, "The child is accommodated, and a parent does not approve "
                          "the placement abroad.", "Re C [2019] EWCA Civ 1714")
            return _f(Effect.CONDITION, "The child is accommodated under s20: no court approval is "
                      "needed, but every PR holder must approve, and the placement rests on that "
                      "approval continuing.", "CA 1989 s20; Re C [2019] EWCA Civ 1714")
    return _f(Effect.CLOSES, f"{s.name} is not looked after, so there is no fostering placement to "
              "approve.", "CA 1989 Sch 2 para 19")


def parents_consent_under_para_19(s: Situation, route: Route) -> list[Finding]:
    """Sch 2 para 19: every PR holder consents, or the court dispenses with it because the person
    cannot be found, is incapable, or is withholding consent unreasonably (§1)."""
    if not _in_care(s):
        return []
    citation = "CA 1989 Sch 2 para 19"
    match s.case.consents.placement_abroad:
        case Consent.GIVEN:
            return _f(Effect.SUPPORTS, "Every parent with PR consents to the placement abroad.", citation)
        case Consent.CANNOT_BE_FOUND | Consent.LACKS_CAPACITY:
            return _f(Effect.STEP, "A parent cannot be found or is incapable of consenting; ask the "
                      "court to dispense with that consent.", citation)
        case Consent.REFUSED:
            return _f(Effect.CONDITION, "A parent refuses consent; the court may dispense with it only "
                      "if it is being withheld unreasonably.", citation)
    return _f(Effect.CONDITION, "The parents' consent to the placement abroad is not yet known.", citation)


def child_consent_under_para_19(s: Situation, route: Route) -> list[Finding]:
    """Sch 2 para 19: the child must consent; the court may dispense with it only where the child
    lacks understanding and is going to a parent, guardian, special guardian or other suitable
    person (§1). Para 19 is for a child in care; for an accommodated child the child's view is
    weighed as for any plan (`child_view_of_moving`)."""
    if not _in_care(s):
        return child_view_of_moving(s, route)
    citation = "CA 1989 Sch 2 para 19"
    match s.case.child.views.moving_abroad:
        case Stance.SUPPORTS:
            return _f(Effect.SUPPORTS, f"{s.name} consents to living abroad.", citation)
        case Stance.NOT_ABLE_TO_SAY:
            return _f(Effect.STEP, f"{s.name} cannot yet understand enough to consent; the court may "
                      "dispense with the child's consent because the child is going to suitable "
                      "carers.", citation)
        case Stance.OBJECTS if s.case.child.age >= OLDER_CHILD_AGE:
            return _f(Effect.CLOSES, f"At {s.case.child.age}, {s.name} understands the plan and does "
                      "not consent; the court cannot dispense with the consent of a child who "
                      "understands.", citation)
    return _f(Effect.CONDITION, f"{s.name} does not yet consent; the court can approve only with the "
              "child's consent, or without it only if the child lacks understanding.", citation)


def fostering_reception_and_welfare(s: Situation, route: Route) -> list[Finding]:
    """Sch 2 para 19: living abroad must be in the child's best interests, with suitable arrangements
    for reception and welfare there (§1). Only for a child in care (para 19 does not govern s20)."""
    if not _in_care(s):
        return []
    return _f(Effect.STEP, "Show the court that living abroad is in the child's best interests and "
              "that suitable arrangements have been made for the child's reception and welfare.",
              "CA 1989 Sch 2 para 19")


# --- putting it together ----------------------------------------------------------------------------

RULES: dict[Route, list[Rule]] = {
    Route.SGO_ABROAD: [child_view_of_moving, recognition_abroad, art33_consent,
                       sgo_needs_leave_to_remove, sgo_needs_a_report],
    Route.CONVENTION_ADOPTION: [convention_needs_carers_in_a_1993_country, child_view_of_moving,
                                child_view_of_adoption, parents_consent_to_adoption,
                                contact_within_the_family, convention_procedure,
                                convention_adoption_and_nationality],
    Route.S84_ADOPTION: [s84_only_outside_the_convention, s84_not_for_carers_who_could_adopt_here,
                         child_view_of_moving, child_view_of_adoption, parents_consent_to_adoption,
                         s84_application],
    Route.FOSTERING_ABROAD: [fostering_needs_a_child_in_care, child_consent_under_para_19,
                             parents_consent_under_para_19, recognition_abroad, art33_consent,
                             fostering_reception_and_welfare],
    Route.CAO_ABROAD: [child_view_of_moving, cao_removal_needs_consent_or_leave, recognition_abroad,
                       art33_consent],
}
"""Which rules apply to which route; every route also gets `_rules_for_every_route()` first."""


def verdict_of(findings: Sequence[Finding]) -> Verdict:
    """Any bar closes the route; otherwise any open condition makes it conditional."""
    effects = {f.effect for f in findings}
    if Effect.CLOSES in effects:
        return Verdict.NOT_AVAILABLE
    if Effect.CONDITION in effects:
        return Verdict.CONDITIONAL
    return Verdict.REALISTIC


def assess_route(route: Route, situation: Situation) -> RouteAssessment:
    findings = [f for rule in [*_rules_for_every_route(), *RULES[route]]
                for f in rule(situation, route)]
    return RouteAssessment(route, verdict_of(findings), tuple(findings))


def find_routes(case: CaseStudy, countries: Countries,
                today: dt.date | None = None) -> list[RouteAssessment]:
    """Assess every route for the case, in `Route` order. `today` decides which Conventions are in
    force (default: the real today)."""
    try:
        country = countries.country(case.carers.country)
    except KeyError as exc:
        raise ValueError(f"case '{case.id}': {exc.args[0]}") from None
    situation = Situation(case, country, countries.uk, today or dt.date.today())
    return [assess_route(route, situation) for route in Route]
