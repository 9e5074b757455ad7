"""What every exported widget promises, checked over `faces.widgets.__all__`: it builds with its
defaults, offers a static snapshot, keeps trainer-only text out of the attendee view, reports its
result as a trait that follows an interaction, and says an error in a callback in words.

A new widget added to `faces/widgets/__init__.py` fails here until its own test file,
tests/test_widget_<thing>.py, has a `CONTRACT`: how to build it, one change a person makes, and a
second valid change (see any widget's test file).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

import ipywidgets as widgets
import pytest

import workshop_kit.faces.widgets as exported
from workshop_kit.core.content import case_studies, workshop_plans
from workshop_kit.faces.page_mode import ATTENDEE, PAGE_MODE
from workshop_kit.faces.widgets.base import WorkshopWidget

TODAY = dt.date(2026, 11, 23)


def _contracts() -> dict[str, dict]:
    """Each widget's `CONTRACT`, from its own test file (tests/test_widget_<thing>.py)."""
    found = {}
    for path in sorted(Path(__file__).parent.glob("test_widget_*.py")):
        module = importlib.import_module(path.stem)
        contract = getattr(module, "CONTRACT", None)
        if contract is not None:
            found[contract["widget"]] = contract
    return found


CONTRACTS = _contracts()
BUILD: dict[str, Callable[[], WorkshopWidget]] = {n: c["build"] for n, c in CONTRACTS.items()}
INTERACTIONS: dict[str, Callable[[WorkshopWidget], None]] = {
    n: c["change"] for n, c in CONTRACTS.items()}
AGAIN: dict[str, Callable[[WorkshopWidget], None]] = {n: c["again"] for n, c in CONTRACTS.items()}

NAMES = sorted(exported.__all__)


def trainer_only_texts() -> list[str]:
    """Sentences content marks for the trainer: case notes and model answers, section notes."""
    texts = []
    for case in case_studies():
        texts += list(case.trainer_notes) + [a.answer for a in case.model_answers]
    for plan in workshop_plans():
        texts += [n for s in plan.sections for n in s.trainer_notes]
        texts += [d.model_answer for d in plan.discussion if d.model_answer]
    return [t for t in texts if len(t) > 20]


def all_html(widget: widgets.Widget) -> Iterator[str]:
    """Every HTML value in a widget tree, trainer-only blocks included: what the browser gets."""
    if isinstance(widget, widgets.HTML):
        yield widget.value
    if isinstance(widget, widgets.Box):
        for child in widget.children:
            yield from all_html(child)


@pytest.fixture(autouse=True)
def attendee_mode():
    PAGE_MODE.mode = ATTENDEE
    yield
    PAGE_MODE.mode = ATTENDEE
    PAGE_MODE.locked = False


def test_every_exported_widget_is_in_the_contract():
    assert set(NAMES) == set(CONTRACTS), "give each widget's test file a CONTRACT"


@pytest.mark.parametrize("name", NAMES)
def test_builds_with_defaults_on_the_shared_base(name):
    widget = BUILD[name]()
    assert isinstance(widget, WorkshopWidget)
    assert widget.part_name != WorkshopWidget.part_name, "say what the widget is called"
    assert widget.results, "the result is set on the first render"
    assert widget.problem == ""


@pytest.mark.parametrize("name", NAMES)
def test_static_snapshot_is_offered_and_carries_the_notice_where_the_page_does(name):
    widget = BUILD[name]()
    static = widget.static_html()
    assert len(static) > 200
    assert widget._repr_mimebundle_()["text/html"] == static
    live = "".join(all_html(widget))
    if "not legal advice" in live:
        assert "not legal advice" in static


@pytest.mark.parametrize("name", NAMES)
def test_no_trainer_only_text_in_the_attendee_view(name):
    PAGE_MODE.locked = True  # as served to an attendee: trainer blocks are never built
    widget = BUILD[name]()
    INTERACTIONS[name](widget)
    shown = widget.static_html() + "".join(all_html(widget))
    leaked = [t for t in trainer_only_texts() if t in shown]
    assert leaked == []


@pytest.mark.parametrize("name", NAMES)
def test_results_trait_follows_an_interaction(name):
    widget = BUILD[name]()
    seen = []
    widget.observe(lambda change: seen.append(change["new"]), names="results")
    before = dict(widget.results)
    INTERACTIONS[name](widget)
    assert seen, "observers of `results` hear of the change"
    assert widget.results != before


@pytest.mark.parametrize("name", NAMES)
def test_an_error_in_a_callback_is_said_in_the_widget_and_the_next_change_works(name, monkeypatch):
    widget = BUILD[name]()
    calls = []

    def failing(*_args, **_kwargs):
        calls.append(1)
        raise IndexError("list index out of range: /srv/secret/path.py")

    monkeypatch.setattr(type(widget), "_update", failing)
    INTERACTIONS[name](widget)  # nothing raised
    assert calls
    assert 'role="alert"' in widget.problem
    assert widget.part_name in widget.problem
    assert "/srv/secret" not in widget.problem and "IndexError" not in widget.problem
    assert widget.alert.layout.display != "none"

    monkeypatch.undo()
    before = dict(widget.results)
    AGAIN[name](widget)
    assert widget.problem == "" and widget.alert.layout.display == "none"
    assert widget.results != before, "the next valid change is shown"


def test_a_date_in_the_year_9999_is_said_in_words_and_the_planner_keeps_working():
    planner = exported.TimelinePlanner()
    planner.dates["sgo_notice_given"].value = dt.date(9999, 12, 31)  # 13 weeks on is year 10000
    assert 'role="alert"' in planner.problem and "The timeline planner" in planner.problem
    assert "year 10000" not in planner.problem and "Traceback" not in planner.problem
    planner.dates["sgo_notice_given"].value = dt.date(2026, 6, 1)
    assert planner.problem == ""
    assert planner.results["dates"]["sgo_notice_period"] == "2026-09-01"


def test_an_index_out_of_range_in_a_button_is_said_in_words(monkeypatch):
    quiz = BUILD["KnowledgeCheck"]()
    card = quiz.questions[0]
    monkeypatch.setattr(card, "check", lambda: [][0])
    card.choice.value = card.question.answer
    card.check_button.click()  # nothing raised
    assert 'role="alert"' in quiz.problem and "Try again" in quiz.problem
    quiz.try_again.click()
    assert quiz.problem == "" and quiz.results["answered"] == 0


def test_the_country_widget_does_not_import_matplotlib():
    """Heavy imports only when a chart is drawn: a page with the country status starts fast."""
    import subprocess
    import sys

    code = ("import sys; from workshop_kit.faces.widgets import CountryConventions; "
            "CountryConventions(); print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("name", NAMES)
def test_every_widget_has_a_slide_made_from_renderers(name):
    from workshop_kit.faces import deck

    widget = getattr(exported, name)
    assert name in deck.DESIGNS or widget.slide_html is not WorkshopWidget.slide_html


def test_a_widget_without_a_design_gets_its_slide_from_slide_html(monkeypatch):
    """A newcomer's widget reaches the slides with no edit to deck.py."""
    from workshop_kit.faces import deck

    class Newcomer(WorkshopWidget):
        @classmethod
        def slide_html(cls, greeting: str = "hello") -> str:
            return f'<div class="wk"><p>{greeting} from renderers</p></div>'

    monkeypatch.setattr(exported, "Newcomer", Newcomer, raising=False)
    monkeypatch.setattr(exported, "__all__", [*exported.__all__, "Newcomer"])
    call = deck.shown_call('page.show(Newcomer, greeting="hi")', "a test cell")
    assert call is not None and "Newcomer" in deck.interactive_calls()
    plan = workshop_plans()[0]
    parts = deck.design_for(call.name)(deck.Context(plan, None, "", TODAY), *call.args,
                                      **call.kwargs)
    assert "hi from renderers" in parts[0].html
