"""A case study as static HTML: the card (who the case is about), its timeline and viability
parts, the discussion questions, and the trainer's notes (for trainer view only).

The case-study explorer shows these live; the slides and the client reports show them frozen.
Every fact comes from the case file and the core; this module only says them in words.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

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
)
from workshop_kit.core.case_timeline import plan_case_timeline
from workshop_kit.core.countries import Countries
from workshop_kit.core.ids import UnknownId
from workshop_kit.core.viability import ViabilityFramework, outline_support_plan, summarise_viability
from workshop_kit.faces.html import STYLE
from workshop_kit.faces.render.routes import ROUTES_STYLE
from workshop_kit.faces.render.timeline import (
    DATE_LABELS,
    delay_flags_html,
    missing_dates_html,
    timeline_chart_html,
    timeline_table,
)
from workshop_kit.faces.render.viability import (
    evidence_table_html,
    support_plan_html,
    viability_summary_html,
)

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
        STYLE + ROUTES_STYLE + f'<div class="wk wk-card" data-case="{escape(case.id)}">'
        f"<h3>{escape(case.title)}</h3>"
        '<p class="wk-note">A fictional case study. No real child, family or case.</p>'
        f"<p>{escape(case.summary)}</p>"
        + _facts_table("The child", child_items) + _facts_table("The carers", carer_items)
        + _facts_table("Legal position and consents", legal_items) + date_list + "</div>"
    )


def case_timeline_html(case: CaseStudy, countries: Countries | None = None, *,
                       chart_only: bool = False) -> str:
    """The chosen route's milestones from the case's own dates. Nothing is judged overdue: a case's
    dates are fictional, and 'overdue' against the real today would only distract. `chart_only`:
    the chart alone (a handout's case at a glance; the table and flags are in the pack)."""
    if case.chosen_route is None:
        return ('<div class="wk"><p>No route abroad is chosen in this case, so there is no '
                "timeline to plan. Which route, if any, could be made to work?</p></div>")
    if countries is None:
        from workshop_kit.core.content import countries as load_countries

        countries = load_countries()
    timeline = plan_case_timeline(case, countries)
    assert timeline is not None  # a chosen route always gives a timeline
    if chart_only:
        return timeline_chart_html(timeline, known=case.timeline_dates, table_follows=False)
    return (timeline_chart_html(timeline, known=case.timeline_dates) + timeline_table(timeline)
            + delay_flags_html(timeline) + missing_dates_html(timeline))


def case_viability_html(case: CaseStudy, framework: ViabilityFramework | None = None) -> str:
    """What the case's viability evidence comes to, the support it would need, and the evidence."""
    if framework is None:
        from workshop_kit.core.content import viability_framework

        framework = viability_framework()
    evidence = case.viability_evidence
    return (viability_summary_html(summarise_viability(evidence, framework))
            + support_plan_html(outline_support_plan(evidence, framework))
            + evidence_table_html(evidence, framework))


def discussion_html(case: CaseStudy) -> str:
    items = "".join(f"<li>{escape(q)}</li>" for q in case.discussion_questions)
    return f'<div class="wk"><p>Questions for your group:</p><ol>{items}</ol></div>'


def trainer_notes_html(case: CaseStudy) -> str:
    """For the trainer's eyes only: what to draw out, and the model answers by question. Call it
    only where trainer text may be shown (`page_mode.may_show_trainer_text`)."""
    notes = "".join(f"<li>{escape(n)}</li>" for n in case.trainer_notes)
    answers = "".join(
        f"<li><strong>Question {a.question}:</strong> {escape(a.answer)}</li>"
        for a in sorted(case.model_answers, key=lambda a: a.question)
    )
    body = f"<h4>Trainer notes (trainer view only)</h4><ul>{notes}</ul>"
    if answers:
        body += f"<h4>Model answers</h4><ul>{answers}</ul>"
    return (STYLE + '<div class="wk wk-trainer" style="border-left:6px solid #1d4f91;'
            f'padding:.2em 1em;background:#eef3fa">{body}</div>')
