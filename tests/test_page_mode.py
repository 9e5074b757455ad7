"""Attendee view by default; trainer view from the address or the switch."""

from __future__ import annotations

import os

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


def test_content_edited_while_a_kernel_waits_in_the_pool_is_read_again(tmp_path):
    """A preheated kernel reads content before its visitor comes; a file edited meanwhile (a
    trainer's fix, or a new mistake) must be what the visitor's page reads. Run in a process of
    its own: it empties the content caches other tests share."""
    import shutil
    import subprocess
    import sys

    from workshop_kit.core.content import REPO_ROOT

    cases = tmp_path / "case_studies"
    shutil.copytree(REPO_ROOT / "case_studies", cases)
    script = f"""
from pathlib import Path
from workshop_kit.core import content
from workshop_kit.faces import page_mode
cases = Path({str(cases)!r})
page_mode.before_visitor()  # what a pool kernel does before anyone asks
before = {{c.id for c in content.readable_case_studies()[0]}}
leo = (cases / "leo-and-his-aunt-in-spain.yaml").read_text()
(cases / "leo-copy-for-tuesday.yaml").write_text(leo)  # id no longer matches its file name
print("stale", any("leo-copy" in str(p) for p in content.readable_case_studies()[1]))
page_mode._reread_content_if_edited()
readable, problems = content.readable_case_studies()
print("same cases", {{c.id for c in readable}} == before)
print("problem said", any("leo-copy-for-tuesday" in str(p) for p in problems))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, env={**os.environ, "WORKSHOP_KIT_CASE_STUDIES": str(cases)})
    assert out.stdout.split("\n")[:3] == ["stale False", "same cases True", "problem said True"]
