"""Route verdicts, the options balance sheet, a country's Convention status and a case card as
static HTML.

The route finder and case-study widgets show these live; the slides and the client reports show
them frozen. Every verdict, reason and citation comes from `core.routes` and `core.balance_sheet`,
every status from `countries.yaml`; this module only says them in words. A verdict is carried by
its words and a symbol, never by colour alone (WCAG 2.2 SC 1.4.1), and whatever the core marks
unsettled is shown "⚠ To be confirmed". Every piece of content text is escaped here.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from workshop_kit.core.balance_sheet import BalanceSheet, OptionSheet, Point
from workshop_kit.core.calendar import long_date
from workshop_kit.core.case_study import (
    Art33Consent,
    Authority,
    CaseStudy,
    Connection,
    Consent,
    LegalStatus,
    ProceedingsStage,
    RightOfEntry,
    Stance,
    Understanding,
    Verdict,
)
from workshop_kit.core.countries import (
    AdoptionInLaw,
    AdoptionInLawStatus,
    ConventionEntry,
    ConventionStatus,
    Countries,
    Country,
    DateBasis,
)
from workshop_kit.core.ids import UnknownId
from workshop_kit.core.routes import Effect, Reason, RouteAssessment
from workshop_kit.faces.html import STYLE, fact_cell, tbc_badge
from workshop_kit.faces.timeline_view import DATE_LABELS

VERDICT_SYMBOLS = {
    Verdict.REALISTIC: "✓",
    Verdict.CONDITIONAL: "?",
    Verdict.NOT_AVAILABLE: "✗",
}
"""A symbol of a different shape for each verdict, beside the words, so the verdict never rests on
colour: a tick, a question mark, a cross."""

EFFECT_WORDS = {
    Effect.SUPPORTS: "In favour",
    Effect.CLOSES: "Rules it out",
    Effect.CONDITION: "To resolve",
    Effect.STEP: "Step",
    Effect.NOTE: "Note",
}

STANCE_WORDS = {
    Stance.SUPPORTS: "Wants this",
    Stance.UNSURE: "Unsure",
    Stance.OBJECTS: "Objects",
    Stance.NOT_ABLE_TO_SAY: "Too young, or not able to give a view",
}

UNDERSTANDING_WORDS = {
    Understanding.SUFFICIENT: "Understands the plan well enough to agree or refuse",
    Understanding.NOT_SUFFICIENT: "Does not understand enough to agree or refuse",
    Understanding.NOT_ASSESSED: "Not yet assessed",
}

AUTHORITY_WORDS = {Authority.ENGLAND: "England", Authority.WALES: "Wales"}

CONSENT_WORDS = {
    Consent.GIVEN: "Given",
    Consent.REFUSED: "Refused",
    Consent.UNKNOWN: "Not yet known",
    Consent.CANNOT_BE_FOUND: "A parent cannot be found",
    Consent.LACKS_CAPACITY: "A parent lacks capacity to consent",
}

LEGAL_STATUS_WORDS = {
    LegalStatus.CARE_ORDER: "Care order",
    LegalStatus.INTERIM_CARE_ORDER: "Interim care order",
    LegalStatus.PLACEMENT_ORDER: "Placement order (for adoption)",
    LegalStatus.ACCOMMODATED_S20: "Accommodated under s20 CA 1989",
    LegalStatus.NONE: "Not looked after",
}

RIGHT_OF_ENTRY_WORDS = {
    RightOfEntry.CONFIRMED: "Confirmed",
    RightOfEntry.UNKNOWN: "Not yet known",
    RightOfEntry.REFUSED: "Refused",
}

ART33_WORDS = {
    Art33Consent.NOT_APPLICABLE: "Not applicable",
    Art33Consent.NOT_SOUGHT: "Not yet sought",
    Art33Consent.REQUESTED: "Requested, not yet given",
    Art33Consent.GIVEN: "Given",
    Art33Consent.REFUSED: "Refused",
}

CONNECTION_WORDS = {Connection.RELATIVE: "Relatives", Connection.FRIEND: "Friends, not relatives"}

PROCEEDINGS_WORDS = {
    ProceedingsStage.NONE: "None",
    ProceedingsStage.PRE_PROCEEDINGS: "Pre-proceedings",
    ProceedingsStage.ISSUED: "Issued",
    ProceedingsStage.CONCLUDED: "Concluded",
}

STATUS_WORDS = {
    ConventionStatus.IN_FORCE: "In force",
    ConventionStatus.NOT_PARTY: "Not a party",
    ConventionStatus.SIGNED_ONLY: "Signed, not in force",
    ConventionStatus.UNKNOWN: "Not known: check the HCCH status table",
}

DATE_BASIS_WORDS = {
    DateBasis.READ: "date read in the HCCH status table",
    DateBasis.COMPUTED_FROM_DEPOSIT: "date computed from the deposit date, not read",
    DateBasis.UNVERIFIED: "date widely stated, not checked in a source",
}

ADOPTION_IN_LAW_WORDS = {
    AdoptionInLawStatus.AVAILABLE: "Has adoption",
    AdoptionInLawStatus.GUARDIANSHIP_ONLY: "Guardianship only, no adoption",
    AdoptionInLawStatus.UNKNOWN: "Not known: find out",
}

CONVENTION_NAMES = {
    "adoption_1993": "1993 Hague Adoption Convention",
    "child_protection_1996": "1996 Hague Child Protection Convention",
}

VIEW_STYLE = """
<style>
.wk.wk-table.wk-verdicts tbody th { width: auto; }
.wk-verdict { display: inline-block; padding: .05em .5em; border: 2px solid #5f5f5f;
              font-weight: 700; white-space: nowrap; }
.wk-verdict-realistic { border-color: #1e6b35; background: #edf7ef; color: #14482a; }
.wk-verdict-conditional { border-color: #8a4b00; background: #fff4e0; color: #5c3b00;
                          border-style: dashed; }
.wk-verdict-not_available { border-color: #a4000f; background: #fdeeee; color: #7a000b;
                            border-style: double; border-width: 3px; }
.wk-route { border: 1px solid #8a8a8a; border-left: 8px solid #5f5f5f; padding: .4em 1em;
            margin: .8em 0; }
.wk-route.wk-route-realistic { border-left-color: #1e6b35; }
.wk-route.wk-route-conditional { border-left-color: #8a4b00; }
.wk-route.wk-route-not_available { border-left-color: #a4000f; }
.wk-route h4 { margin: .3em 0; font-size: 1.05em; }
.wk-route h5 { margin: .6em 0 .2em; font-size: .95em; }
.wk-route ul, .wk-sheet ul { margin: .2em 0 .4em; padding-left: 1.3em; }
.wk-route li, .wk-sheet li { margin-bottom: .25em; }
.wk-cite { display: block; font-size: .85em; color: #333333; }
.wk-caveat { font-size: .9em; margin: .4em 0 0; }
.wk.wk-table.wk-card-table { margin-bottom: .8em; }
.wk.wk-table.wk-card-table tbody th { width: 16em; }
</style>
"""


def verdict_badge(verdict: Verdict) -> str:
    """The verdict in words with a symbol; the symbol is decoration for screen readers."""
    return (f'<span class="wk-verdict wk-verdict-{verdict.value}">'
            f'<span aria-hidden="true">{VERDICT_SYMBOLS[verdict]} </span>{escape(verdict.label)}</span>')


def _reason_item(reason: Reason, word: str | None = None) -> str:
    lead = f"<strong>{escape(word)}:</strong> " if word else ""
    return (f"<li>{lead}{escape(reason.text)}{tbc_badge(reason.to_be_confirmed)}"
            f'<span class="wk-cite">{escape(reason.citation)}</span></li>')


def _route_block(assessment: RouteAssessment) -> str:
    """One route: its label and verdict, then why, what to resolve, and the steps it needs."""
    # What rules a route out comes first: a room reading "Not available" looks for why.
    reasons = [_reason_item(f.reason, EFFECT_WORDS[f.effect])
               for effect in (Effect.CLOSES, Effect.SUPPORTS)
               for f in assessment.findings if f.effect is effect]
    conditions = [_reason_item(r) for r in assessment.conditions]
    steps = [_reason_item(f.reason, EFFECT_WORDS[f.effect]) for f in assessment.findings
             if f.effect in (Effect.STEP, Effect.NOTE)]
    parts = [f"<h4>{escape(assessment.route.label)}: {verdict_badge(assessment.verdict)}</h4>"]
    for heading, items in (("Why", reasons), ("Conditions to resolve", conditions),
                           ("What the route needs in any case", steps)):
        if items:
            parts.append(f"<h5>{heading}</h5><ul>{''.join(items)}</ul>")
    return (f'<div class="wk-route wk-route-{assessment.verdict.value}" '
            f'data-route="{assessment.route.value}" data-verdict="{assessment.verdict.value}">'
            + "".join(parts) + "</div>")


def route_verdicts_html(assessments: Sequence[RouteAssessment]) -> str:
    """Every route at a glance (a table a room can read from the back), then each route with its
    reasons, conditions and steps, each citing where the rule comes from."""
    rows = "".join(
        f'<tr data-route="{a.route.value}"><th scope="row">{escape(a.route.label)}</th>'
        f"<td>{verdict_badge(a.verdict)}{tbc_badge(a.to_be_confirmed)}</td></tr>"
        for a in assessments
    )
    table = ('<table class="wk wk-table wk-narrow wk-verdicts"><caption>Routes at a glance</caption><thead>'
             '<tr><th scope="col">Route</th><th scope="col">Verdict</th></tr></thead>'
             f"<tbody>{rows}</tbody></table>")
    blocks = "".join(_route_block(a) for a in assessments)
    return STYLE + VIEW_STYLE + f'<div class="wk wk-routes">{table}{blocks}</div>'


# --- the balance sheet ------------------------------------------------------------------------


def _point_item(point: Point) -> str:
    return (f"<li>{escape(point.text)}{tbc_badge(point.to_be_confirmed)}"
            f'<span class="wk-cite">{escape(point.source)}</span></li>')


def _points(points: Sequence[Point], empty: str) -> str:
    if not points:
        return f'<p class="wk-note">{empty}</p>'
    return f"<ul>{''.join(_point_item(p) for p in points)}</ul>"


def _option_row(option: OptionSheet) -> str:
    order = (f'<br><span class="wk-note">General points from: {escape(option.order_name)}</span>'
             if option.order_name else "")
    return (f'<tr data-route="{option.route.value}"><th scope="row">{escape(option.route.label)}'
            f"<br>{verdict_badge(option.verdict)}{order}</th>"
            f"<td>{_points(option.positives, 'Nothing recorded.')}</td>"
            f"<td>{_points(option.negatives, 'Nothing recorded.')}</td></tr>")


def balance_sheet_html(sheet: BalanceSheet) -> str:
    """The realistic and conditional options side by side, each with what weighs for and against
    it; the routes not available are listed with why, not weighed (Re R). The principles the
    sheet carries (Re B-S, Re G, Re R, and Re B where adoption lacks consent) head it."""
    principles = "".join(_point_item(p) for p in sheet.principles)
    parts = [f"<h4>How to weigh the options</h4><ul>{principles}</ul>"]
    if sheet.options:
        rows = "".join(_option_row(o) for o in sheet.options)
        parts.append(
            '<table class="wk wk-table wk-sheet"><caption>Options balance sheet: each realistic '
            "option, what weighs for it and what weighs against it</caption><thead><tr>"
            '<th scope="col">Option</th><th scope="col">Weighs for</th>'
            f'<th scope="col">Weighs against</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    else:
        parts.append("<p><strong>No route is realistic or possible on these facts, so there is no "
                     "option to weigh.</strong></p>")
    if sheet.not_weighed:
        items = "".join(
            f"<li><strong>{escape(a.route.label)}</strong> ({escape(a.verdict.label.lower())}): "
            + " ".join(escape(f.reason.text) for f in a.findings if f.effect is Effect.CLOSES)
            + "</li>"
            for a in sheet.not_weighed
        )
        parts.append(f"<h4>Not weighed: not available on these facts</h4><ul>{items}</ul>")
    return STYLE + VIEW_STYLE + f'<div class="wk wk-sheet">{"".join(parts)}</div>'


# --- a country's Convention status ------------------------------------------------------------


def _status_words(entry: ConventionEntry) -> str:
    words = STATUS_WORDS[entry.status]
    if entry.status is ConventionStatus.IN_FORCE and entry.in_force_from is not None:
        words += f" from {long_date(entry.in_force_from)}"
        if entry.date_basis is not None:
            words += f" ({DATE_BASIS_WORDS[entry.date_basis]})"
    return words


def _entry_cells(entry: ConventionEntry, inline_sources: bool) -> str:
    """Status in words, then the sourced sentence; an uncertain entry shows its caveat openly,
    since 'to be confirmed against the HCCH status table' must not hide behind a toggle."""
    caveat = ""
    if entry.to_be_confirmed and entry.caveat and not inline_sources:
        caveat = (f'<p class="wk-caveat"><strong>Why it is to be confirmed:</strong> '
                  f"{escape(entry.caveat)}</p>")
    return (f"<td><strong>{escape(_status_words(entry))}</strong>{caveat}</td>"
            f"<td>{fact_cell(entry, inline_sources=inline_sources)}</td>")


def _adoption_in_law_row(law: AdoptionInLaw, inline_sources: bool) -> str:
    """ACA 2002 s84(1): whether the country's own law has adoption, shown beside the Conventions."""
    caveat = ""
    if law.to_be_confirmed and law.caveat and not inline_sources:
        caveat = (f'<p class="wk-caveat"><strong>Why it is to be confirmed:</strong> '
                  f"{escape(law.caveat)}</p>")
    return (f'<tr data-adoption-in-law="{law.status}"><th scope="row">Adoption in its own law</th>'
            f"<td><strong>{escape(ADOPTION_IN_LAW_WORDS[law.status])}</strong>{caveat}</td>"
            f"<td>{fact_cell(law, inline_sources=inline_sources)}</td></tr>")


def country_status_html(country: Country, *, inline_sources: bool = False) -> str:
    """Where the carers live, under the two Conventions that shape a placement there, whether its
    law has adoption, and any other sourced note the content gives about the country."""
    rows = "".join(
        f'<tr data-convention="{key}"><th scope="row">{name}</th>'
        f"{_entry_cells(getattr(country, key), inline_sources)}</tr>"
        for key, name in CONVENTION_NAMES.items()
    ) + _adoption_in_law_row(country.adoption_in_law, inline_sources)
    notes = ""
    if country.notes:
        items = "".join(f"<li>{fact_cell(n, inline_sources=inline_sources)}</li>" for n in country.notes)
        notes = f"<h4>Also worth knowing</h4><ul>{items}</ul>"
    return (
        STYLE + VIEW_STYLE + f'<div class="wk wk-country" data-country="{escape(country.id)}">'
        f'<table class="wk wk-table"><caption>{escape(country.name[:1].upper() + country.name[1:])}: '
        'Hague Convention status and adoption in its law'
        '</caption><thead><tr><th scope="col">Convention</th><th scope="col">Status</th>'
        f'<th scope="col">What the source says</th></tr></thead><tbody>{rows}</tbody></table>'
        f"{notes}</div>"
    )


# --- the case card ------------------------------------------------------------------------------


def _facts_table(caption: str, items: Sequence[tuple[str, str]]) -> str:
    """A two-column table from (label, already-escaped value) pairs: tables read the same in a
    notebook, a slide and a printed report, and a screen reader announces each row's label."""
    rows = "".join(f'<tr><th scope="row">{escape(t)}</th><td>{d}</td></tr>' for t, d in items)
    return (f'<table class="wk wk-table wk-card-table"><caption>{escape(caption)}</caption>'
            f"<tbody>{rows}</tbody></table>")


def _yes_no(value: bool | None) -> str:
    return "Not known" if value is None else ("Yes" if value else "No")


def case_card_html(case: CaseStudy, countries: Countries | None = None) -> str:
    """Who the case is about, in the order a trainer introduces it: the child, the carers and
    where they live, the legal position, the consents, and the dates the case knows."""
    if countries is None:
        from workshop_kit.core.content import countries as load_countries

        countries = load_countries()
    try:
        country_name = countries.country(case.carers.country).name
    except UnknownId:
        country_name = case.carers.country
    child = case.child
    nationality = "British" if child.british_citizen else "Not British"
    if child.other_nationalities:
        nationality += "; also " + ", ".join(child.other_nationalities)
    child_items = [
        ("First name", escape(child.first_name)),
        ("Age", f"{child.age}"),
        ("Needs", escape(child.needs)),
        ("Wishes and feelings", escape(child.wishes_and_feelings)),
        ("View of moving abroad", escape(STANCE_WORDS[child.views.moving_abroad])),
        ("View of adoption", escape(STANCE_WORDS[child.views.adoption])),
        ("Nationality", escape(nationality)),
    ]
    if case.siblings:
        child_items.append(("Siblings", "; ".join(
            f"{escape(s.first_name)}, {s.age}" + (" (same plan)" if s.same_plan else "")
            + (f": {escape(s.note)}" if s.note else "") for s in case.siblings)))
    carers = case.carers
    people = "".join(
        f"<li><strong>{escape(p.name)}</strong>, {escape(p.relationship_to_child)}. Habitually "
        f"resident in {escape(country_name)}: {_yes_no(p.habitually_resident_in_country)}. "
        f"British citizen: {_yes_no(p.british_citizen)}. Domiciled in the British Islands: "
        f"{_yes_no(p.domiciled_in_british_islands)}.</li>"
        for p in carers.people
    )
    entry = escape(RIGHT_OF_ENTRY_WORDS[carers.right_of_child_to_enter])
    if carers.right_of_entry_note:
        entry += f'<br><span class="wk-note">{escape(carers.right_of_entry_note)}</span>'
    carer_items = [
        ("Country", escape(country_name)),
        ("Relationship", escape(CONNECTION_WORDS[carers.connection])),
        ("Carers", f"<ul>{people}</ul>"),
        (f"Child's right to enter and live in {country_name}", entry),
    ]
    proceedings = escape(PROCEEDINGS_WORDS[case.proceedings.stage])
    if case.proceedings.stage is ProceedingsStage.ISSUED and case.proceedings.issued:
        proceedings = f"Issued on {long_date(case.proceedings.issued)}"
    elif case.proceedings.issued:
        proceedings += f" (issued on {long_date(case.proceedings.issued)})"
    consents = case.consents
    legal_items = [
        ("Legal status", escape(LEGAL_STATUS_WORDS[case.legal_status])),
        ("Care proceedings", proceedings),
        ("Parents' consent to the placement abroad", escape(CONSENT_WORDS[consents.placement_abroad])),
        ("Parents' consent to adoption", escape(CONSENT_WORDS[consents.adoption])),
    ]
    if consents.note:
        legal_items.append(("About the consents", escape(consents.note)))
    legal_items.append(("Art 33 consent (1996 Convention)", escape(ART33_WORDS[case.art33_consent])))
    legal_items.append(("Route the plan follows",
                        escape(case.chosen_route.label) if case.chosen_route
                        else "None chosen: no route abroad is planned"))
    dates = [(DATE_LABELS.get(name, name), long_date(day))
             for name, day in case.timeline_dates.items() if day is not None]
    date_list = (_facts_table("Key dates", dates) if dates
                 else '<p class="wk-note">Key dates: the case gives none.</p>')
    return (
        STYLE + VIEW_STYLE + f'<div class="wk wk-card" data-case="{escape(case.id)}">'
        f"<h3>{escape(case.title)}</h3>"
        '<p class="wk-note">A fictional case study. No real child, family or case.</p>'
        f"<p>{escape(case.summary)}</p>"
        + _facts_table("The child", child_items) + _facts_table("The carers", carer_items)
        + _facts_table("Legal position and consents", legal_items) + date_list + "</div>"
    )
