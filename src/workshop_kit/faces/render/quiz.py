"""A knowledge check as static HTML: the feedback on an answer, the running score, and the whole
bank frozen for slides and reports. Every answer and explanation comes from the question bank
(`content/quizzes/`); the verdict is carried by words and a symbol, never by colour alone."""

from __future__ import annotations

from html import escape

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


def quiz_html(bank: QuestionBank, *, show_answers: bool = False) -> str:
    """The bank frozen for slides and reports: questions and choices, answers only if asked for."""
    items = []
    for question in bank.questions:
        choices = "".join(f"<li>{escape(label)}</li>" for label, _ in question.choices)
        answer = answer_html(question) if show_answers else ""
        items.append(f"<li><p>{escape(question.prompt)}</p><ol type=\"A\">{choices}</ol>{answer}</li>")
    return (STYLE + f'<div class="wk wk-quiz"><h3>Knowledge check: {escape(bank.title)}</h3>'
            '<p class="wk-note">Training material, not legal advice.</p>'
            f'<ol>{"".join(items)}</ol></div>')


def try_again_html(chosen: str) -> str:
    """A wrong answer names what was chosen and invites a second go, without giving the answer
    away; "Show the answer" is there when the room is stuck."""
    return (f'<div class="wk wk-feedback" role="status"><p><strong>{TRY_AGAIN}</strong> '
            f"“{escape(chosen)}” is not the answer. Choose another answer and check again, or "
            "show the answer.</p></div>")


def score_html(answered: int, total: int, correct: int) -> str:
    return (f'<div class="wk" role="status"><p><strong>You have answered {answered} of {total}; '
            f"{correct} correct.</strong></p></div>")
