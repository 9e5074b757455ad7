"""A knowledge check a room can answer together: one question at a time, with Previous and Next,
each with its own "Check" button, immediate feedback in words, a second try after a wrong answer,
and a running score. Built to be projected: a checked answer stays in full-contrast text.

A question's controls are built the first time it is shown (issue 16: every widget model's state
goes over the websocket when a page opens, so a page opens with one question's, not seven)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from html import escape

import ipywidgets as widgets

from workshop_kit.core.content import question_bank
from workshop_kit.core.quiz import Feedback, Question, QuestionBank
from workshop_kit.faces.html import STYLE
from workshop_kit.faces.render.quiz import (
    QUESTION_STYLE,
    answer_html,
    quiz_html,
    score_html,
    try_again_html,
)
from workshop_kit.faces.widgets.base import (
    WorkshopWidget,
    fixed_html,
    shared_layout,
    shared_style,
)


def _call(owner: object, method: str) -> None:
    getattr(owner, method)()


class QuestionCheck(widgets.VBox):
    """One question: its text, the choices as radio buttons, a Check button and the feedback.

    A wrong answer can be tried again; a right answer (or a shown one) locks the question so the
    score means something in a room. "Try again" on the whole check unlocks everything.
    """

    def __init__(self, bank: QuestionBank, question: Question, number: int, total: int, *,
                 show_answer: bool = False, on_checked: Callable[[], None] | None = None):
        self.bank = bank
        self.question = question
        self.number = number
        self.show_answer = show_answer
        self.result: Feedback | None = None
        self._on_checked = on_checked
        prompt = fixed_html(STYLE + QUESTION_STYLE + f'<div class="wk"><p><strong>Question {number} of '
                              f"{total}.</strong> {escape(question.prompt)}</p></div>")
        # RadioButtons render their labels as plain text (textContent), so labels are not
        # HTML-escaped here: escaping would show "&amp;" to the room.
        self.choice = widgets.RadioButtons(
            options=question.choices, value=None, description=f"Answer {number}:",
            style=shared_style(widgets.Dropdown, description_width="initial"),
            layout=shared_layout(width="auto"),
        )
        self.check_button = widgets.Button(
            description=f"Check question {number}", tooltip=f"Check your answer to question {number}",
            icon="check", layout=shared_layout(width="auto"),
            style=shared_style(widgets.Button),
        )
        self.show_button = widgets.Button(
            description=f"Show the answer to {number}", icon="eye",
            tooltip=f"Show the answer to question {number}", layout=shared_layout(width="auto"),
            style=shared_style(widgets.Button))
        self.attempts = 0
        self._feedback: widgets.HTML | None = None
        buttons = widgets.HBox([self.check_button, self.show_button], layout=shared_layout())
        super().__init__([prompt, self.choice, buttons],
                         layout=shared_layout(border="1px solid #8a8a8a", padding="0.3em 0.8em",
                                              margin="0 0 1em 0"))
        self.add_class("wk-question")
        self.reset()

    @property
    def feedback(self) -> widgets.HTML:
        """The line under the buttons that says how the answer went, built the first time there
        is something to say (issue 16); its text has role="status", so a screen reader says it."""
        if self._feedback is None:
            self._feedback = fixed_html()
            self.children = (*self.children, self._feedback)  # type: ignore[has-type]
        return self._feedback

    def check(self) -> Feedback | None:
        """Mark the chosen answer and show why; with nothing chosen, say so and change nothing."""
        if self.locked:
            return self.result
        if self.choice.value is None:
            self.feedback.value = ('<div class="wk" role="status"><p>Choose an answer first, then '
                                   "press the Check button.</p></div>")
            return None
        self.attempts += 1
        self.result = self.bank.check(self.question.id, self.choice.value)
        if self.result.correct:
            self.feedback.value = answer_html(self.question, self.result)
            self._lock()
        else:
            self.feedback.value = try_again_html(self.choice.label or "")
            self.check_button.description = f"Check question {self.number} again"
        if self._on_checked:
            self._on_checked()
        return self.result

    def reveal(self) -> None:
        """Give the answer and why, and lock the question; the score is not changed by it."""
        if self.locked:
            return
        self.feedback.value = answer_html(self.question)
        self._lock()

    @property
    def locked(self) -> bool:
        return self.check_button.disabled

    def _lock(self) -> None:
        self.choice.disabled = self.check_button.disabled = self.show_button.disabled = True

    def reset(self) -> None:
        self.result = None
        self.attempts = 0
        self.choice.value = None
        self.choice.disabled = self.check_button.disabled = self.show_button.disabled = False
        self.check_button.description = f"Check question {self.number}"
        if self.show_answer:
            self.feedback.value = answer_html(self.question)
        elif self._feedback is not None:
            self._feedback.value = ""


class _Questions(Sequence[QuestionCheck]):
    """The check's questions in order, each built the first time it is asked for."""

    def __init__(self, build: Callable[[int], QuestionCheck], total: int):
        self._build = build
        self._total = total
        self.built: dict[int, QuestionCheck] = {}

    def __len__(self) -> int:
        return self._total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._total))]
        if index < 0:
            index += self._total
        if not 0 <= index < self._total:
            raise IndexError(f"question {index + 1} of {self._total}")
        if index not in self.built:
            self.built[index] = self._build(index)
        return self.built[index]

    def __iter__(self) -> Iterator[QuestionCheck]:
        return (self[i] for i in range(self._total))


class KnowledgeCheck(WorkshopWidget):
    """A bank of questions, one shown at a time: Previous and Next move through them (from the
    last, Next goes back to the first), so a trainer can take the room through them in turn.

    `show_answers=True` is the trainer's view: every answer and explanation is visible from the
    start (and in the static copy), for preparing or for going through the answers together.
    """

    part_name = "The knowledge check"
    what_to_try = "Choose an answer and press Check again, or press Try again to start over."

    def __init__(self, bank_id_or_bank: str | QuestionBank, show_answers: bool = False, *,
                 heading: bool = True, **kwargs):
        self.bank = (bank_id_or_bank if isinstance(bank_id_or_bank, QuestionBank)
                     else question_bank(bank_id_or_bank))
        self.show_answers = show_answers
        self.questions = _Questions(self._build_question, len(self.bank.questions))
        self.current = 0
        # A notebook that gives its own heading and instructions passes heading=False, so a
        # projected page says them once.
        title = (f'<h3>Knowledge check: {escape(self.bank.title)}</h3><p class="wk-note">Choose '
                 "an answer to each question, then press its Check button. Training material, "
                 "not legal advice.</p>" if heading else "")
        heading_html = [fixed_html(STYLE + f'<div class="wk">{title}</div>')] if heading else []
        self.score = fixed_html()
        button = {"layout": shared_layout(width="auto"), "style": shared_style(widgets.Button)}
        self.previous = widgets.Button(description="Previous question", icon="arrow-left",
                                       tooltip="Show the question before this one", **button)
        self.next = widgets.Button(description="Next question", icon="arrow-right",
                                   tooltip="Show the next question", **button)
        self.try_again = widgets.Button(description="Try again", icon="refresh",
                                        tooltip="Clear every answer and start again",
                                        layout=shared_layout(),
                                        style=shared_style(widgets.Button))
        self.on_click(self.previous, partial(self.go_to_offset, -1))
        self.on_click(self.next, partial(self.go_to_offset, 1))
        self.on_click(self.try_again, partial(_call, self, "reset"))
        # The question sits in a box of its own, so moving on redraws only the question: the
        # Previous and Next buttons below it keep the keyboard's focus.
        self.shown = widgets.VBox([self.questions[0]], layout=shared_layout())
        navigation = widgets.HBox([self.previous, self.next], layout=shared_layout())
        super().__init__([*heading_html, self.score, self.shown, navigation, self.try_again],
                         alert_at=len(heading_html) + 1, **kwargs)
        self.add_class("wk-knowledge-check")
        self.show_question(0)

    def _build_question(self, index: int) -> QuestionCheck:
        card = QuestionCheck(self.bank, self.bank.questions[index], index + 1,
                             len(self.bank.questions), show_answer=self.show_answers,
                             on_checked=lambda: self._update())
        # looked up on each click, so an override is what runs
        self.on_click(card.check_button, partial(_call, card, "check"))
        self.on_click(card.show_button, partial(_call, card, "reveal"))
        return card

    def show_question(self, index: int) -> None:
        """Show question `index` (from 0), built now if it has not been shown before."""
        card = self.questions[index]
        self.current = index % len(self.questions)
        if self.shown.children != (card,):
            self.shown.children = (card,)
        self._update()

    def go_to_offset(self, step: int) -> None:
        self.show_question((self.current + step) % len(self.questions))

    @property
    def answered(self) -> int:
        return sum(q.result is not None for q in self.questions.built.values())

    @property
    def correct(self) -> int:
        return sum(q.result is not None and q.result.correct
                   for q in self.questions.built.values())

    def reset(self) -> None:
        for question in self.questions.built.values():
            question.reset()
        self.show_question(0)
        self._update()

    def _update(self) -> None:
        total = len(self.questions)
        # One status line: the score, and which question is shown (said when Next is pressed).
        self.score.value = score_html(self.answered, total, self.correct).replace(
            "</div>", f'<p class="wk-note">Showing question {self.current + 1} of {total}.</p>'
            "</div>", 1)
        self.results = {"answered": self.answered, "correct": self.correct, "total": total}

    def static_html(self) -> str:
        """Questions and choices (answers too in the trainer's copy), for slides and reports."""
        return quiz_html(self.bank, show_answers=self.show_answers)
