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
