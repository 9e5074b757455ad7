"""A knowledge check a room can answer together: every question stacked, each with its own
"Check" button, immediate feedback in words, a second try after a wrong answer, and a running
score. Built to be projected: a checked answer stays in full-contrast text."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as widgets

from workshop_kit.core.content import question_bank
from workshop_kit.core.quiz import Feedback, Question, QuestionBank
from workshop_kit.faces.html import STYLE, fact_cell

CORRECT = "✓ Correct."
NOT_QUITE = "✗ Not quite — the answer is"
TRY_AGAIN = "✗ Not quite."
QUESTION_STYLE = """
<style>
/* A checked question is locked, but must stay readable on a projector: ipywidgets fades disabled
   controls to about 2.5:1; WCAG AA needs 4.5:1 for text. */
.wk-question .widget-radio-box label, .wk-question .widget-radio-box input:disabled,
.wk-question .widget-radio.jupyter-widgets:disabled, .wk-question .widget-radio-box,
.wk-question .jupyter-widgets.mod-disabled, .wk-question .widget-radio.mod-disabled {
  opacity: 1 !important; color: #1b1b1b !important; }
.wk-question .widget-radio-box label:has(input:checked) { font-weight: 700; }
</style>
"""


def answer_html(question: Question, feedback: Feedback | None = None) -> str:
    """The verdict (if answered) or the plain answer (trainer view), then the sourced explanation.

    The verdict is carried by words and a symbol, never by colour alone; the source is shown
    inline because feedback is read once, in the moment, not explored.
    """
    if feedback is None:
        verdict = f"<strong>Answer: {escape(question.answer_text)}.</strong>"
    elif feedback.correct:
        verdict = f"<strong>{CORRECT}</strong> Your answer: “{escape(question.answer_text)}”."
    else:
        verdict = f"<strong>{NOT_QUITE} “{escape(feedback.answer)}”.</strong>"
    return (f'<div class="wk wk-feedback" role="status"><p>{verdict}</p>'
            f"{fact_cell(question.explanation, inline_sources=True)}</div>")


def static_html(bank: QuestionBank, *, show_answers: bool = False) -> str:
    """The bank frozen for slides and reports: questions and choices, answers only if asked for."""
    items = []
    for question in bank.questions:
        choices = "".join(f"<li>{escape(label)}</li>" for label, _ in question.choices)
        answer = answer_html(question) if show_answers else ""
        items.append(f"<li><p>{escape(question.prompt)}</p><ol type=\"A\">{choices}</ol>{answer}</li>")
    return (STYLE + f'<div class="wk wk-quiz"><h3>Knowledge check: {escape(bank.title)}</h3>'
            f'<ol>{"".join(items)}</ol></div>')


def try_again_html(chosen: str) -> str:
    """A wrong answer names what was chosen and invites a second go, without giving the answer
    away; "Show the answer" is there when the room is stuck."""
    return (f'<div class="wk wk-feedback" role="status"><p><strong>{TRY_AGAIN}</strong> '
            f"“{escape(chosen)}” is not the answer. Choose another answer and check again, or "
            "show the answer.</p></div>")


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
        prompt = widgets.HTML(QUESTION_STYLE + f'<div class="wk"><p><strong>Question {number} of '
                              f"{total}.</strong> {escape(question.prompt)}</p></div>")
        # RadioButtons render their labels as plain text (textContent), so labels are not
        # HTML-escaped here: escaping would show "&amp;" to the room.
        self.choice = widgets.RadioButtons(
            options=question.choices, value=None, description=f"Answer {number}:",
            style={"description_width": "initial"}, layout=widgets.Layout(width="auto"),
        )
        self.check_button = widgets.Button(
            description=f"Check question {number}", tooltip=f"Check your answer to question {number}",
            icon="check", layout=widgets.Layout(width="auto"),
        )
        self.check_button.on_click(lambda _button: self.check())
        self.show_button = widgets.Button(
            description=f"Show the answer to {number}", icon="eye",
            tooltip=f"Show the answer to question {number}", layout=widgets.Layout(width="auto"))
        self.show_button.on_click(lambda _button: self.reveal())
        self.attempts = 0
        self.feedback = widgets.HTML()
        buttons = widgets.HBox([self.check_button, self.show_button])
        super().__init__([prompt, self.choice, buttons, self.feedback],
                         layout=widgets.Layout(border="1px solid #8a8a8a", padding="0.3em 0.8em",
                                               margin="0 0 1em 0"))
        self.add_class("wk-question")
        self.reset()

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
        self.feedback.value = answer_html(self.question) if self.show_answer else ""


class KnowledgeCheck(widgets.VBox):
    """A bank of questions, all on one page so a trainer can scroll through them with the room.

    `show_answers=True` is the trainer's view: every answer and explanation is visible from the
    start (and in the static copy), for preparing or for going through the answers together.
    """

    part_name = "The knowledge check"
    """What a page calls this widget when its content cannot be shown."""

    def __init__(self, bank_id_or_bank: str | QuestionBank, show_answers: bool = False, *,
                 heading: bool = True, **kwargs):
        self.bank = (bank_id_or_bank if isinstance(bank_id_or_bank, QuestionBank)
                     else question_bank(bank_id_or_bank))
        self.show_answers = show_answers
        total = len(self.bank.questions)
        self.questions = [
            QuestionCheck(self.bank, q, n, total, show_answer=show_answers,
                          on_checked=self._update_score)
            for n, q in enumerate(self.bank.questions, start=1)
        ]
        # A notebook that gives its own heading and instructions passes heading=False, so a
        # projected page says them once.
        title = (f'<h3>Knowledge check: {escape(self.bank.title)}</h3><p class="wk-note">Choose '
                 "an answer to each question, then press its Check button. Training material, "
                 "not legal advice.</p>" if heading else "")
        heading_html = widgets.HTML(STYLE + f'<div class="wk">{title}</div>')
        self.score = widgets.HTML()
        self.try_again = widgets.Button(description="Try again", icon="refresh",
                                        tooltip="Clear every answer and start again")
        self.try_again.on_click(lambda _button: self.reset())
        super().__init__([heading_html, self.score, *self.questions, self.try_again], **kwargs)
        self.add_class("wk-knowledge-check")
        self._update_score()

    @property
    def answered(self) -> int:
        return sum(q.result is not None for q in self.questions)

    @property
    def correct(self) -> int:
        return sum(q.result is not None and q.result.correct for q in self.questions)

    def reset(self) -> None:
        for question in self.questions:
            question.reset()
        self._update_score()

    def _update_score(self) -> None:
        self.score.value = (f'<div class="wk" role="status"><p><strong>You have answered '
                            f"{self.answered} of {len(self.questions)}; {self.correct} correct."
                            "</strong></p></div>")

    def _repr_mimebundle_(self, **kwargs):
        """Add a static HTML copy (questions and choices) for slides and reports."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/html"] = static_html(self.bank, show_answers=self.show_answers)
        return bundle
