"""Question banks: the rules a trainer's file must meet, the shipped banks, and marking answers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from workshop_kit.core import content
from workshop_kit.core.content import CONTENT_KINDS, kind_for, question_bank
from workshop_kit.core.facts import Confidence
from workshop_kit.core.ids import UnknownId
from workshop_kit.core.loading import ContentError, load
from workshop_kit.core.quiz import QuestionBank, QuestionKind

SHIPPED = ["convention_adoption", "orders", "special_guardianship", "viability"]

FACT = {"text": "Because the statute says so.", "source": "Children Act 1989 s13(1)(b)",
        "confidence": "verified", "last_reviewed": "2026-11-23"}
MULTIPLE_CHOICE = {
    "id": "removal", "kind": "multiple_choice", "prompt": "How long may the holder remove the child?",
    "options": [{"id": "a", "text": "28 days"}, {"id": "b", "text": "Less than one month"},
                {"id": "c", "text": "Three months"}],
    "answer": "b", "explanation": FACT,
}
TRUE_FALSE = {"id": "leave", "kind": "true_false", "prompt": "True or false: leave is needed.",
              "answer": True, "explanation": FACT}
BANK = {"id": "sample", "title": "Sample", "questions": [MULTIPLE_CHOICE, TRUE_FALSE]}


def bank_data(**question_changes: Any) -> dict[str, Any]:
    """The sample bank with the first question changed."""
    data = copy.deepcopy(BANK)
    data["questions"][0].update(question_changes)
    return data


class _PlainDumper(yaml.SafeDumper):
    """Writes shared values out in full: content files may not use anchors or aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_bank(tmp_path: Path, data: dict[str, Any], name: str = "sample") -> Path:
    path = tmp_path / "quizzes" / f"{name}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(yaml.dump(data, Dumper=_PlainDumper, sort_keys=False), encoding="utf-8")
    return path


def problems(tmp_path: Path, data: dict[str, Any]) -> dict[str, str]:
    """Load a bad bank and return {field: message} for every problem reported."""
    with pytest.raises(ContentError) as caught:
        load(write_bank(tmp_path, data), QuestionBank)
    return {p.field: p.message for p in caught.value.problems}


# --- the model's rules ---------------------------------------------------------------------------

def test_a_well_formed_bank_loads(tmp_path):
    bank = load(write_bank(tmp_path, BANK), QuestionBank)
    assert [q.id for q in bank.questions] == ["removal", "leave"]


def test_multiple_choice_answer_must_be_one_of_the_options(tmp_path):
    found = problems(tmp_path, bank_data(answer="z"))
    assert "questions[0].answer" in found
    assert "['a', 'b', 'c']" in found["questions[0].answer"]


def test_option_ids_must_be_unique(tmp_path):
    options = [{"id": "a", "text": "One"}, {"id": "a", "text": "Two"}, {"id": "c", "text": "Three"}]
    found = problems(tmp_path, bank_data(options=options, answer="c"))
    assert "repeated: ['a']" in found["questions[0].options"]


def test_multiple_choice_needs_three_to_five_options(tmp_path):
    options = [{"id": "a", "text": "One"}, {"id": "b", "text": "Two"}]
    found = problems(tmp_path, bank_data(options=options, answer="a"))
    assert "3 to 5 options (got 2)" in found["questions[0].options"]


def test_an_answer_yaml_reads_as_a_boolean_gets_a_hint(tmp_path):
    path = write_bank(tmp_path, bank_data())
    path.write_text(path.read_text(encoding="utf-8").replace("answer: b", "answer: yes", 1),
                    encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load(path, QuestionBank)
    assert "quote the id" in str(caught.value)


def test_true_false_question_has_no_options(tmp_path):
    data = copy.deepcopy(BANK)
    data["questions"][1]["options"] = MULTIPLE_CHOICE["options"]
    found = problems(tmp_path, data)
    assert "has no options" in found["questions[1].options"]


def test_true_false_answer_must_be_true_or_false(tmp_path):
    data = copy.deepcopy(BANK)
    data["questions"][1]["answer"] = "a"
    found = problems(tmp_path, data)
    assert "true or false" in found["questions[1].answer"]


def test_question_ids_must_be_unique(tmp_path):
    data = copy.deepcopy(BANK)
    data["questions"][1]["id"] = "removal"
    assert "repeated: ['removal']" in problems(tmp_path, data)["questions"]


def test_a_misspelt_field_is_named(tmp_path):
    data = bank_data()
    data["questions"][0]["explaination"] = data["questions"][0].pop("explanation")
    found = problems(tmp_path, data)
    assert "misspelt" in found["questions[0].explaination"]
    assert found["questions[0].explanation"] == "is required but missing"


def test_a_question_on_an_unverified_fact_must_be_marked_uncertain(tmp_path):
    fact = {**FACT, "confidence": "unverified"}
    found = problems(tmp_path, bank_data(explanation=fact))
    assert "unverified fact" in found["questions[0]"]


def test_an_uncertain_question_must_say_why(tmp_path):
    fact = {**FACT, "confidence": "unverified", "uncertain": True}
    found = problems(tmp_path, bank_data(explanation=fact))
    assert "explanation.caveat" in found["questions[0]"]


def test_an_unverified_question_marked_with_a_caveat_is_allowed(tmp_path):
    fact = {**FACT, "confidence": "unverified", "uncertain": True,
            "caveat": "Not checked in a source; to be confirmed."}
    bank = load(write_bank(tmp_path, bank_data(explanation=fact)), QuestionBank)
    assert bank.check("removal", "b").to_be_confirmed


def test_problems_name_the_line(tmp_path):
    with pytest.raises(ContentError) as caught:
        load(write_bank(tmp_path, bank_data(answer="z")), QuestionBank)
    (problem,) = caught.value.problems
    assert problem.line is not None and problem.file.endswith("sample.yaml")


# --- marking ------------------------------------------------------------------------------------

def test_check_marks_the_right_option_correct():
    bank = QuestionBank.model_validate(BANK)
    feedback = bank.check("removal", "b")
    assert feedback.correct
    assert feedback.answer == "Less than one month"
    assert feedback.source == FACT["source"]
    assert feedback.explanation == FACT["text"]
    assert not feedback.to_be_confirmed


def test_check_marks_a_wrong_option_and_names_the_right_one():
    feedback = QuestionBank.model_validate(BANK).check("removal", "a")
    assert not feedback.correct
    assert feedback.answer == "Less than one month"


def test_check_true_false():
    bank = QuestionBank.model_validate(BANK)
    assert bank.check("leave", True).correct
    wrong = bank.check("leave", False)
    assert not wrong.correct and wrong.answer == "True"


def test_check_rejects_something_that_is_not_a_choice():
    bank = QuestionBank.model_validate(BANK)
    with pytest.raises(ValueError, match="not a choice"):
        bank.check("removal", "z")
    with pytest.raises(ValueError, match="not a choice"):
        bank.check("leave", "true")
    with pytest.raises(UnknownId, match="no question"):
        bank.check("nope", "a")


def test_all_facts_locates_each_explanation():
    facts = QuestionBank.model_validate(BANK).all_facts()
    assert [loc for loc, _ in facts] == ["questions.removal.explanation",
                                         "questions.leave.explanation"]


# --- registration and loading -------------------------------------------------------------------

def test_quizzes_are_a_registered_content_kind():
    kind = next(k for k in CONTENT_KINDS if k.name == "quizzes")
    assert kind.model is QuestionBank
    assert [p.stem for p in kind.default_files()] == SHIPPED
    assert kind_for(Path("anywhere/quizzes/new.yaml")) is kind


def test_bank_id_must_match_its_file_name(tmp_path, monkeypatch):
    write_bank(tmp_path, BANK, name="renamed")
    monkeypatch.setattr(content, "CONTENT_DIR", tmp_path)
    question_bank.cache_clear()
    try:
        with pytest.raises(ContentError) as caught:
            question_bank("renamed")
        assert caught.value.problems[0].field == "id"
        assert "renamed" in caught.value.problems[0].message
    finally:
        question_bank.cache_clear()


@pytest.mark.parametrize("bank_id", ["nope", "../orders", "quizzes/orders", ""])
def test_only_shipped_banks_can_be_named(bank_id):
    with pytest.raises(UnknownId):
        question_bank(bank_id)


# --- the shipped banks --------------------------------------------------------------------------

@pytest.fixture(params=SHIPPED)
def shipped(request) -> QuestionBank:
    return question_bank(request.param)


def test_every_shipped_bank_loads_with_five_to_seven_questions_of_both_kinds(shipped):
    assert 5 <= len(shipped.questions) <= 7
    assert {q.kind for q in shipped.questions} == set(QuestionKind)


def test_every_shipped_answer_is_one_of_its_choices(shipped):
    for question in shipped.questions:
        assert question.is_choice(question.answer), question.id
        assert shipped.check(question.id, question.answer).correct, question.id


def test_every_wrong_choice_is_marked_wrong(shipped):
    for question in shipped.questions:
        wrong = [value for _, value in question.choices if value != question.answer]
        assert wrong and not any(shipped.check(question.id, v).correct for v in wrong), question.id


def test_no_shipped_question_rests_on_an_unverified_fact_without_being_marked(shipped):
    for location, fact in shipped.all_facts():
        if fact.confidence is Confidence.UNVERIFIED or fact.uncertain:
            assert fact.uncertain and fact.caveat, location


def test_shipped_explanations_name_a_source_and_are_not_stale(shipped):
    for location, fact in shipped.all_facts():
        assert len(fact.source) > 5 and not fact.is_stale(), location


def test_child_arrangements_removal_is_less_than_one_month_not_28_days():
    bank = question_bank("orders")
    assert bank.check("cao_removal_from_uk", "b").answer == "For less than one month"
    assert not bank.check("cao_removal_from_uk", "a").correct


def test_special_guardian_may_remove_for_less_than_three_months():
    feedback = question_bank("special_guardianship").check("guardian_removal_from_uk",
                                                           "less_than_three_months")
    assert feedback.correct and "s14C" in feedback.source


def test_convention_adoption_abroad_needs_uk_habitual_residence_for_nationality():
    feedback = question_bank("convention_adoption").check("convention_adoption_nationality",
                                                          "yes_adopter_british")
    assert not feedback.correct and "habitually resident" in feedback.answer


# --- the law after the legal review of 2026-11-23 ----------------------------------------------

def _explanation(bank_id: str, question_id: str) -> str:
    bank = question_bank(bank_id)
    (question,) = [q for q in bank.questions if q.id == question_id]
    return question.explanation.text


def test_leave_to_discharge_an_sgo_needs_more_than_a_change_in_circumstances():
    """Re M [2021] EWCA Civ 442: the change is necessary, not sufficient."""
    assert "necessary but not sufficient" in _explanation("special_guardianship", "leave_to_discharge")


def test_article_29_has_two_exceptions():
    """1993 Convention Art 29: within a family, or on the State of origin's conditions."""
    text = _explanation("convention_adoption", "article_29_family_exception")
    assert "two exceptions" in text and "competent authority of the State of origin" in text


def test_convention_adoption_nationality_needs_both_joint_adopters_resident():
    """BNA 1981 s1(5A)."""
    assert "both joint adopters" in _explanation("convention_adoption", "convention_adoption_nationality")


def test_s85_offence_is_disapplied_for_a_court_approved_move_abroad():
    """CA 1989 Sch 2 para 19(6)."""
    assert "paragraph 19" in _explanation("convention_adoption", "s85_offence")


def test_sgo_notice_is_for_an_individuals_own_application():
    """CA 1989 s14A(6)(b), (7), (11)."""
    text = _explanation("special_guardianship", "notice_before_applying")
    assert "own motion" in text and "report" in text


def test_no_quiz_teaches_revocation_of_an_adoption_order():
    for bank_id in ("orders", "special_guardianship", "convention_adoption", "viability"):
        for question in question_bank(bank_id).questions:
            said = (question.explanation.text + " " + (question.explanation.caveat or "")).lower()
            assert "highly exceptional" not in said and "revoked" not in said, question.id
