"""A workshop's teaching plan: objectives, timings, sourced key points, trainer notes and reading.

Kept as content so a trainer edits a session without touching a notebook, and so every legal point
a notebook shows is a sourced fact that `workshop-kit validate` checks.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from workshop_kit.core.facts import SourcedFact, StrictModel
from workshop_kit.core.ids import find_by_id, require_unique
from workshop_kit.core.text import Identifier, Line, Text


class Section(StrictModel):
    id: Identifier
    title: Line
    minutes: int = Field(ge=1, le=240)
    key_points: list[SourcedFact] = []
    trainer_notes: list[Text] = []


class DiscussionPrompt(StrictModel):
    prompt: Text
    model_answer: Text | None = None


class ReadingKind(StrEnum):
    STATUTE = "statute"
    REGULATIONS = "regulations"
    CASE = "case"
    GUIDANCE = "guidance"


class Reading(StrictModel):
    kind: ReadingKind
    citation: Line
    why: Text | None = None


class WorkshopPlan(StrictModel):
    id: Identifier
    title: Line
    notebook: Line = Field(pattern=r"^[0-9a-z_]+\.ipynb$")
    audience: Line
    summary: Text
    objectives: list[Text] = Field(min_length=1)
    prerequisites: list[Line] = []
    sections: list[Section] = Field(min_length=1)
    discussion: list[DiscussionPrompt] = []
    further_reading: list[Reading] = []
    quiz: Identifier | None = None

    @model_validator(mode="after")
    def _unique_sections(self) -> WorkshopPlan:
        require_unique("section", [s.id for s in self.sections])
        return self

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.sections)

    def section(self, section_id: str) -> Section:
        return find_by_id(self.sections, section_id, "section", f"in workshop '{self.id}'")

    def all_facts(self) -> list[tuple[str, SourcedFact]]:
        return [(f"sections.{s.id}.key_points[{i}]", fact)
                for s in self.sections for i, fact in enumerate(s.key_points)]
