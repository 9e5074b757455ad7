"""Attendee view by default; trainer view from the address or the switch."""

from __future__ import annotations

import pytest

from workshop_kit.faces.page_mode import (
    ATTENDEE,
    PAGE_MODE,
    TRAINER,
    TrainerOnly,
    mode_from_query,
    mode_switch,
)
from workshop_kit.faces.workshop_page import WorkshopPage, workshop_index


@pytest.fixture(autouse=True)
def attendee_view():
    PAGE_MODE.mode = ATTENDEE
    yield
    PAGE_MODE.mode = ATTENDEE


@pytest.mark.parametrize("query, view", [
    ("", ATTENDEE), (None, ATTENDEE), ("view=trainer", TRAINER), ("view=Trainer", TRAINER),
    ("theme=light&view=trainer", TRAINER), ("view=admin", ATTENDEE), ("view=", ATTENDEE),
])
def test_view_comes_from_the_query_string(query, view):
    assert mode_from_query(query) == view


def test_trainer_only_blocks_follow_the_switch():
    block = TrainerOnly([])
    switch = mode_switch()
    assert not block.shown
    switch.value = TRAINER
    assert block.shown and PAGE_MODE.mode == TRAINER
    switch.value = ATTENDEE
    assert not block.shown


def test_model_answers_are_trainer_only():
    discussion = WorkshopPage("01_special_guardianship").discussion()
    hidden = [c for c in discussion.children if isinstance(c, TrainerOnly)]
    assert hidden and all("Model answer" in h.children[0].value for h in hidden)
    assert not any(h.shown for h in hidden)


def test_key_points_show_sources_and_flag_unsettled_points():
    points = WorkshopPage("01_special_guardianship").key_points("recognition").children[0].value
    assert "Art 33" in points and "⚠ To be confirmed" in points


def test_landing_index_lists_every_workshop_with_its_time():
    index = workshop_index().value
    assert 'href="00_orders_compared.ipynb"' in index
    assert 'href="01_special_guardianship.ipynb"' in index
    assert "70 min" in index


def test_landing_links_keep_trainer_view():
    index = workshop_index()
    assert "?view=trainer" not in index.value
    PAGE_MODE.mode = TRAINER
    assert 'href="01_special_guardianship.ipynb?view=trainer"' in index.value


def test_content_edited_while_a_kernel_waits_in_the_pool_is_read_again(tmp_path, monkeypatch):
    """A preheated kernel reads content before its visitor comes; a file edited meanwhile (a
    trainer's fix, or a new mistake) must be what the visitor's page reads."""
    import shutil

    from workshop_kit.core import content
    from workshop_kit.faces import page_mode

    cases = tmp_path / "case_studies"
    shutil.copytree(content.REPO_ROOT / "case_studies", cases)
    monkeypatch.setenv("WORKSHOP_KIT_CASE_STUDIES", str(cases))
    monkeypatch.setattr(page_mode, "_CONTENT_AT_START", None)
    content.forget_loaded_content()
    page_mode.before_visitor()  # what a pool kernel does before anyone asks
    before = {c.id for c in content.readable_case_studies()[0]}
    leo = (cases / "leo-and-his-aunt-in-spain.yaml").read_text()
    (cases / "leo-copy-for-tuesday.yaml").write_text(leo)  # id no longer matches its file name

    page_mode._reread_content_if_edited()
    readable, problems = content.readable_case_studies()
    assert {c.id for c in readable} == before
    assert any("leo-copy-for-tuesday" in str(p) for p in problems)
    content.forget_loaded_content()
