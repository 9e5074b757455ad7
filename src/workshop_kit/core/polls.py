"""Room polls: questions a trainer puts to the room, one file per workshop in `content/polls/`.

A poll asks for a view, not a fact, so it has no source; the law a discussion turns on stays in
the workshop plan and the quizzes. Every case study also gets "which route would you choose?",
built from the route vocabulary, so a new case needs no poll file.
"""

from __future__ import annotations

from pydantic import Field, model_validator

from workshop_kit.core.case_study import CaseStudy, Route
from workshop_kit.core.facts import StrictModel
from workshop_kit.core.text import Identifier, Line, Text

MIN_OPTIONS, MAX_OPTIONS = 2, 8
"""Two choices at least; more than eight does not fit a phone screen or a projected chart."""
UNDECIDED = "undecided"


class PollOption(StrictModel):
    id: Identifier
    text: Line


class Poll(StrictModel):
    """One question with fixed choices; an attendee answers with an option id, never free text,
    so nothing an attendee sends is ever shown to the room."""

    id: Identifier
    question: Text = Field(max_length=400)
    options: list[PollOption] = Field(min_length=MIN_OPTIONS, max_length=MAX_OPTIONS)

    @model_validator(mode="after")
    def _unique_options(self) -> Poll:
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError(f"option ids must be unique in a poll: {ids}")
        return self

    def option(self, option_id: str) -> PollOption | None:
        return next((o for o in self.options if o.id == option_id), None)


class PollSet(StrictModel):
    """The polls for one workshop; `id` is the workshop's id and the file's name."""

    id: Identifier
    title: Line
    polls: list[Poll] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_polls(self) -> PollSet:
        ids = [p.id for p in self.polls]
        if len(set(ids)) != len(ids):
            raise ValueError(f"poll ids must be unique in a file: {ids}")
        return self


def route_poll(case: CaseStudy) -> Poll:
    """"Which route would you choose?" for one case: every route, and "not decided yet"."""
    return Poll(
        id=f"route-{case.id}"[:64],
        question=f"Which route would you choose for {case.child.first_name}? ({case.title})",
        options=[PollOption(id=r.value, text=r.label) for r in Route]
        + [PollOption(id=UNDECIDED, text="Not decided yet: more information needed")],
    )
