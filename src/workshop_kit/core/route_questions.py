"""The route finder's questions about a new, hypothetical case, and the case facts they give.

Only what `core.routes` reads is asked; the answers become `CaseFacts`, validated like a case
file's facts, so the route finder needs no author's expectations, titles or questions.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workshop_kit.core.case_study import (
    Art33Consent,
    Authority,
    CaseFacts,
    Connection,
    Consent,
    LegalStatus,
    RightOfEntry,
    Stance,
    Understanding,
)
from workshop_kit.core.countries import UK_ID

NOT_GIVEN = "Not given: a hypothetical case built in the route finder."

DOMICILE = {"no": False, "yes": True, "not_known": None}
"""The domicile answer: whether a carer is domiciled in the British Islands (None: not known)."""

DEFAULT_ANSWERS: dict[str, Any] = {
    "authority": Authority.ENGLAND.value,
    "first_name": "Sam",
    "country": "spain",
    "habitually_resident": True,
    "connection": Connection.RELATIVE.value,
    "domiciled": "no",
    "age": 6,
    "british_citizen": True,
    "settled_abroad": False,
    "understanding": Understanding.NOT_SUFFICIENT.value,
    "legal_status": LegalStatus.CARE_ORDER.value,
    "trial_placement": False,
    "right_of_entry": RightOfEntry.CONFIRMED.value,
    "consent_placement": Consent.GIVEN.value,
    "consent_adoption": Consent.UNKNOWN.value,
    "view_moving": Stance.NOT_ABLE_TO_SAY.value,
    "view_adoption": Stance.NOT_ABLE_TO_SAY.value,
    "art33": Art33Consent.NOT_SOUGHT.value,
}
"""A fictional starting point, so the finder shows verdicts before anyone changes a thing; the
keys are the route finder's questions."""


def hypothetical_case(answers: Mapping[str, Any]) -> CaseFacts:
    """The facts the route finder assesses, from its answers, validated like any case's facts
    (a pydantic `ValidationError` names the answer that is wrong). The child's needs and wishes
    say they were not given; there are no proceedings (the route finder does not read them)."""
    connection = Connection(answers["connection"])
    data = {
        "authority": answers["authority"],
        "child": {
            "first_name": answers["first_name"], "age": answers["age"],
            "understanding": answers["understanding"],
            "habitual_residence": answers["country"] if answers["settled_abroad"] else UK_ID,
            "lives_in": answers["country"] if answers["settled_abroad"] else UK_ID,
            "needs": NOT_GIVEN, "wishes_and_feelings": NOT_GIVEN,
            "views": {"moving_abroad": answers["view_moving"], "adoption": answers["view_adoption"]},
            "british_citizen": answers["british_citizen"],
        },
        "carers": {
            "country": answers["country"], "connection": connection.value,
            "right_of_child_to_enter": answers["right_of_entry"],
            "people": [{
                "name": "The carer",
                "relationship_to_child": "relative" if connection is Connection.RELATIVE else "friend",
                "habitually_resident_in_country": answers["habitually_resident"],
                "british_citizen": False,
                "domiciled_in_british_islands": DOMICILE[answers["domiciled"]],
            }],
        },
        "legal_status": answers["legal_status"],
        "proceedings": {"stage": "none"},
        "consents": {"placement_abroad": answers["consent_placement"],
                     "adoption": answers["consent_adoption"]},
        "art33_consent": answers["art33"],
        "trial_placement_abroad": answers["trial_placement"],
    }
    return CaseFacts.model_validate(data)
