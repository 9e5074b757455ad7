"""A legal fact with its provenance: the unit every content file is built from."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator

from workshop_kit.core.text import Line, Text

REVIEW_MAX_AGE = dt.timedelta(days=365)
"""A fact not reviewed within a year is flagged by `workshop-kit validate`."""


def _not_a_number(value: object) -> object:
    """Pydantic would read 1728000000 as a Unix timestamp; a trainer means a date or a mistake."""
    if isinstance(value, int | float):
        raise ValueError("must be a date written like 2026-11-23, not a number")
    return value


class Confidence(StrEnum):
    """How far a fact has been checked (docs/content.md says what each level means)."""

    VERIFIED = "verified"  # checked in the primary text or the judgment named
    SECONDARY = "secondary"  # from a secondary source only (law firm, council manual)
    UNVERIFIED = "unverified"  # widely stated, not checked in a source


class StrictModel(BaseModel):
    """Content models reject unknown fields so a misspelt key is an error, not silently lost."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class SourcedFact(StrictModel):
    """A statement of law or practice, with where it comes from and how sure we are of it."""

    text: Text
    source: Line
    confidence: Confidence
    uncertain: bool = False
    caveat: Text | None = None
    last_reviewed: Annotated[dt.date, BeforeValidator(_not_a_number)]

    @model_validator(mode="after")
    def _review_date_not_in_future(self) -> SourcedFact:
        if self.last_reviewed > dt.date.today() + dt.timedelta(days=1):
            raise ValueError(f"last_reviewed {self.last_reviewed} is in the future")
        return self

    @property
    def to_be_confirmed(self) -> bool:
        """Unverified or disputed facts are shown as 'to be confirmed', never as settled."""
        return self.uncertain or self.confidence is Confidence.UNVERIFIED

    def is_stale(self, today: dt.date | None = None) -> bool:
        return (today or dt.date.today()) - self.last_reviewed > REVIEW_MAX_AGE
