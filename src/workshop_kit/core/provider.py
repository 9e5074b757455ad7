"""Who provides the training, and what a client is invited to do next: the ending of every
report and briefing. A trainer edits `content/provider.yaml` (or passes their own with
`--provider`); no contact detail or advice lives in Python."""

from __future__ import annotations

from pydantic import Field

from workshop_kit.core.facts import StrictModel
from workshop_kit.core.text import Line, Text


class Contact(StrictModel):
    address: list[Line] = []
    email: Line | None = None
    phone: Line | None = None
    website: Line | None = None


class Provider(StrictModel):
    """The training provider named on a report's cover and at its end."""

    name: Line
    contact: Contact
    next_steps: list[Text] = Field(min_length=1, description="What the client might do next")
    briefing_next_steps: list[Text] = Field(
        min_length=1, description="What to do next with an options briefing")
    further_reading: list[Line] = []
    """General reading beyond each workshop's own list (which the report adds itself)."""
