"""The knowledge check widget, driven in Python as a room would drive it with mouse and keyboard."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from workshop_kit.core.content import workshop_plans
from workshop_kit.core.quiz import QuestionBank
from workshop_kit.faces.widgets import KnowledgeCheck

FACT = {"text": "The holder may remove the child for less than one month.",
        "source": "Children Act 1989 s13(1)(b), (2)", "confidence": "verified",
        "last_reviewed": "2026-11-23"}
BANK = QuestionBank.model_validate({
    "id": "sample", "title": "Orders & removal",
    "questions": [
        {"id": "removal", "kind": "multiple_choice",
         "prompt": "How long may a lives-with holder remove the child? (a < b & c)",
         "options": [{"id": "a", "text": "Up to 28 days"}, {"id": "b", "text": "Less than one month"},
                     {"id": "c", "text": "Less than three months"}],
         "answer": "b", "explanation": FACT},
        {"id": "leave", "kind": "true_false", "prompt": "True or false: a parent needs leave.",
         "answer": False,
         "explanation": {**FACT, "text": "Not settled here.", "confidence": "unverified",
                         "uncertain": True, "caveat": "Not checked in a source."}},
    ],
})

def _answer_correctly(quiz: KnowledgeCheck, index: int) -> None:
    card = quiz.questions[index]
    card.choice.value = card.question.answer
    card.check_button.click()


CONTRACT = {
    "widget": "KnowledgeCheck",
    "build": lambda: KnowledgeCheck(next(p.quiz for p in workshop_plans() if p.quiz)),
    "change": lambda w: _answer_correctly(w, 0),
    "again": lambda w: _answer_correctly(w, 1),
}
"""How `test_widget_contract.py` builds this widget, one change a person makes, and a second
valid change after a failed one."""


@pytest.fixture
def quiz() -> KnowledgeCheck:
    return KnowledgeCheck(BANK)


def test_the_right_answer_says_correct_and_explains_with_its_source(quiz):
    card = quiz.questions[0]
    card.choice.value = "b"
    card.check_button.click()
    assert "✓ Correct" in card.feedback.value
    assert FACT["text"] in card.feedback.value
    assert "Children Act 1989 s13(1)(b), (2)" in card.feedback.value


def test_a_wrong_answer_says_not_quite_and_can_be_tried_again(quiz):
    card = quiz.questions[0]
    card.choice.value = "a"
    feedback = card.check()
    assert feedback is not None and not feedback.correct
    assert "✗ Not quite." in card.feedback.value
    assert "“Up to 28 days” is not the answer" in card.feedback.value
    assert "Less than one month" not in card.feedback.value, "a second try must not be given away"
    assert not card.choice.disabled and not card.check_button.disabled
    assert card.check_button.description == "Check question 1 again"
    card.choice.value = "b"
    assert card.check().correct
    assert "✓ Correct" in card.feedback.value and card.attempts == 2
    assert "You have answered 1 of 2; 1 correct" in quiz.score.value


def test_show_the_answer_gives_it_and_locks_the_question(quiz):
    card = quiz.questions[0]
    card.choice.value = "a"
    card.check()
    card.show_button.click()
    assert "Answer: Less than one month." in card.feedback.value
    assert card.choice.disabled and card.check_button.disabled and card.show_button.disabled
    assert "1 of 2; 0 correct" in quiz.score.value


def test_a_checked_answer_stays_named_in_words(quiz):
    card = quiz.questions[0]
    card.choice.value = "b"
    card.check()
    assert "Your answer: “Less than one month”" in card.feedback.value


def test_heading_and_instructions_can_be_left_to_the_page():
    assert "Knowledge check: Orders &amp; removal" in KnowledgeCheck(BANK).children[0].value
    bare = "".join(c.value for c in KnowledgeCheck(BANK, heading=False).children
                   if isinstance(c, widgets.HTML))
    assert "Knowledge check" not in bare and "Check button" not in bare


def test_true_false_false_is_a_real_answer_not_no_answer(quiz):
    card = quiz.questions[1]
    card.choice.value = False
    assert card.check().correct
    assert "✓ Correct" in card.feedback.value


def test_an_uncertain_answer_is_shown_as_to_be_confirmed(quiz):
    card = quiz.questions[1]
    card.choice.value = False
    card.check()
    assert "⚠ To be confirmed" in card.feedback.value
    assert "Not checked in a source." in card.feedback.value


def test_checking_with_nothing_chosen_asks_for_an_answer_and_scores_nothing(quiz):
    assert quiz.questions[0].check() is None
    assert "Choose an answer first" in quiz.questions[0].feedback.value
    assert "answered 0 of 2" in quiz.score.value


def test_the_score_counts_answers_and_correct_ones(quiz):
    assert "You have answered 0 of 2; 0 correct" in quiz.score.value
    quiz.questions[0].choice.value = "b"
    quiz.questions[0].check()
    assert "You have answered 1 of 2; 1 correct" in quiz.score.value
    quiz.questions[1].choice.value = True
    quiz.questions[1].check()
    assert "You have answered 2 of 2; 1 correct" in quiz.score.value


def test_a_right_answer_is_locked_until_try_again(quiz):
    card = quiz.questions[0]
    card.choice.value = "b"
    card.check()
    assert card.choice.disabled and card.check_button.disabled
    card.choice.value = "a"  # a program can still set it; the room cannot, and the mark stands
    assert card.check().correct


def test_try_again_clears_every_answer_and_the_score(quiz):
    for card, value in zip(quiz.questions, ["b", False], strict=True):
        card.choice.value = value
        card.check()
    quiz.try_again.click()
    assert "You have answered 0 of 2; 0 correct" in quiz.score.value
    for card in quiz.questions:
        assert card.choice.value is None and not card.choice.disabled
        assert card.feedback.value == "" and card.result is None


def test_content_text_is_escaped(quiz):
    heading = quiz.children[0].value
    assert "Orders &amp; removal" in heading
    prompt = quiz.questions[0].children[0].value
    assert "(a &lt; b &amp; c)" in prompt


def test_controls_have_visible_labels(quiz):
    card = quiz.questions[0]
    assert card.choice.description == "Answer 1:"
    assert card.check_button.description == "Check question 1"
    assert [label for label, _ in quiz.questions[1].choice.options] == ["True", "False"]
    assert quiz.try_again.description == "Try again"


def test_the_static_copy_shows_questions_and_choices_but_no_answers(quiz):
    html = quiz._repr_mimebundle_()["text/html"]
    assert "Knowledge check: Orders &amp; removal" in html
    assert "Up to 28 days" in html and "Less than one month" in html
    assert FACT["text"] not in html and "Answer:" not in html


def test_trainer_view_shows_every_answer_from_the_start():
    quiz = KnowledgeCheck(BANK, show_answers=True)
    assert "Answer: Less than one month." in quiz.questions[0].feedback.value
    assert FACT["text"] in quiz.questions[0].feedback.value
    assert "Answer: Less than one month." in quiz._repr_mimebundle_()["text/html"]


def test_a_shipped_bank_can_be_named_by_id():
    quiz = KnowledgeCheck("orders")
    assert quiz.bank.id == "orders"
    assert len(quiz.questions) == len(quiz.bank.questions)


def test_one_question_is_shown_at_a_time_and_next_and_previous_move_through_them(quiz):
    assert quiz.shown.children == (quiz.questions[0],)
    assert "Showing question 1 of 2" in quiz.score.value and 'role="status"' in quiz.score.value
    quiz.next.click()
    assert quiz.shown.children == (quiz.questions[1],)
    assert "Showing question 2 of 2" in quiz.score.value
    quiz.next.click()  # from the last, Next goes back to the first
    assert quiz.shown.children == (quiz.questions[0],)
    quiz.previous.click()
    assert quiz.shown.children == (quiz.questions[1],)


def test_a_question_is_built_when_first_shown_and_keeps_its_answer_when_left(quiz):
    assert list(quiz.questions.built) == [0], "the page opens with one question's controls"
    quiz.questions[0].choice.value = "b"
    quiz.questions[0].check_button.click()
    quiz.next.click()
    assert list(quiz.questions.built) == [0, 1]
    quiz.previous.click()
    assert "✓ Correct" in quiz.questions[0].feedback.value
    assert "You have answered 1 of 2; 1 correct" in quiz.score.value


def test_try_again_goes_back_to_the_first_question(quiz):
    quiz.next.click()
    quiz.try_again.click()
    assert quiz.shown.children == (quiz.questions[0],) and "Showing question 1 of 2" in quiz.score.value
