"""Knowledge checks: banks of questions whose explanations are sourced facts.

A question is only as good as the law behind its answer, so every explanation is a `SourcedFact`
(text, source, confidence, review date). The kit's rule for legal content is enforced here: a
question may rest on an unverified or disputed point only if it says so (`uncertain: true` and a
`caveat`), so the answer is shown as "to be confirmed", never as settled.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pydantic import Field, StrictBool, ValidationInfo, field_validator, model_validator

from workshop_kit.core.facts import Confidence, SourcedFact, StrictModel
from workshop_kit.core.ids import find_by_id, require_unique
from workshop_kit.core.text import Identifier, Line, Text

MIN_OPTIONS, MAX_OPTIONS = 3, 5
"""Fewer than three choices is a coin toss; more than five does not fit a projected slide."""

TRUE_FALSE_LABELS = {True: "True", False: "False"}


class QuestionKind(StrEnum):
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"


class Option(StrictModel):
    """One choice in a multiple-choice question; `id` is what `answer` refers to."""

    id: Identifier
    text: Line


class Question(StrictModel):
    """One question, its right answer, and the sourced fact that explains it.

    Fields are validated in the order written, so the `options` and `answer` checks can see
    `kind` and report the problem against the field a trainer has to fix.
    """

    id: Identifier
    kind: QuestionKind
    prompt: Text
    options: list[Option] = []
    answer: StrictBool | Identifier
    explanation: SourcedFact

    @field_validator("options")
    @classmethod
    def _options_fit_the_kind(cls, options: list[Option], info: ValidationInfo) -> list[Option]:
        kind = info.data.get("kind")
        if kind is QuestionKind.TRUE_FALSE and options:
            raise ValueError("a true_false question has no options; remove them "
                             "(the choices are always True and False)")
        if kind is QuestionKind.MULTIPLE_CHOICE:
            if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
                raise ValueError(f"a multiple_choice question needs {MIN_OPTIONS} to {MAX_OPTIONS} "
                                 f"options (got {len(options)})")
            require_unique("option", [o.id for o in options])
        return options

    @field_validator("answer")
    @classmethod
    def _answer_is_a_choice(cls, answer: bool | str, info: ValidationInfo) -> bool | str:
        kind = info.data.get("kind")
        if kind is QuestionKind.TRUE_FALSE and not isinstance(answer, bool):
            raise ValueError(f"a true_false answer must be true or false (got '{answer}')")
        if kind is QuestionKind.MULTIPLE_CHOICE and "options" in info.data:
            ids = [o.id for o in info.data["options"]]
            if isinstance(answer, bool) or answer not in ids:
                hint = (" (YAML reads yes/no/on/off/true/false as true or false; quote the id)"
                        if isinstance(answer, bool) else "")
                raise ValueError(f"answer '{answer}' must be one of the option ids {ids}{hint}")
        return answer

    @model_validator(mode="after")
    def _unsettled_answers_say_so(self) -> Question:
        # Never build a question on an unverified or disputed fact unless the answer IS that it
        # is uncertain, so such a question must be marked and say why.
        fact = self.explanation
        if fact.confidence is Confidence.UNVERIFIED and not fact.uncertain:
            raise ValueError(f"question '{self.id}' rests on an unverified fact; mark "
                             "explanation.uncertain: true and say why in explanation.caveat, "
                             "or find a source")
        if fact.uncertain and not fact.caveat:
            raise ValueError(f"question '{self.id}' is marked uncertain; say why in "
                             "explanation.caveat")
        return self

    @property
    def choices(self) -> list[tuple[str, bool | str]]:
        """(label, value) pairs in display order, the same for every face."""
        if self.kind is QuestionKind.TRUE_FALSE:
            return [(TRUE_FALSE_LABELS[True], True), (TRUE_FALSE_LABELS[False], False)]
        return [(o.text, o.id) for o in self.options]

    @property
    def answer_text(self) -> str:
        """The right answer in words, as a person would say it."""
        return next(label for label, value in self.choices if _same(value, self.answer))

    def is_choice(self, given: object) -> bool:
        return any(_same(value, given) for _, value in self.choices)


@dataclass(frozen=True)
class Feedback:
    """What to tell someone who has answered: right or not, the right answer, and why."""

    correct: bool
    answer: str
    explanation: str
    source: str
    to_be_confirmed: bool
    caveat: str | None = None


class QuestionBank(StrictModel):
    """One file of questions, e.g. `content/quizzes/orders.yaml`; `id` is the file name."""

    id: Identifier
    title: Line
    questions: list[Question] = Field(min_length=1)

    @field_validator("questions")
    @classmethod
    def _question_ids_unique(cls, questions: list[Question]) -> list[Question]:
        require_unique("question", [q.id for q in questions])
        return questions

    def question(self, question_id: str) -> Question:
        return find_by_id(self.questions, question_id, "question", f"in bank '{self.id}'")

    def all_facts(self) -> list[tuple[str, SourcedFact]]:
        """Every explanation with a readable location, for `workshop-kit validate`."""
        return [(f"questions.{q.id}.explanation", q.explanation) for q in self.questions]

    def check(self, question_id: str, given: bool | str) -> Feedback:
        """Mark one answer. `given` is an option id, or True/False for a true_false question."""
        question = self.question(question_id)
        if not question.is_choice(given):
            allowed = [value for _, value in question.choices]
            raise ValueError(f"'{given}' is not a choice for question '{question_id}'; "
                             f"choose one of {allowed}")
        fact = question.explanation
        return Feedback(
            correct=_same(given, question.answer),
            answer=question.answer_text,
            explanation=fact.text,
            source=fact.source,
            to_be_confirmed=fact.to_be_confirmed,
            caveat=fact.caveat,
        )


def _same(a: object, b: object) -> bool:
    """Equal and of the same type, so True never matches an option id, nor 1 match True."""
    return type(a) is type(b) and a == b
