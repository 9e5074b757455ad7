"""The timeline planner widget, driven in Python as a trainer drives it in the room."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from workshop_kit.core.timeline import plan_timeline
from workshop_kit.core.timescales import KNOWN_DATES
from workshop_kit.faces.widgets import TimelinePlanner

CONTRACT = {
    "widget": "TimelinePlanner",
    "build": TimelinePlanner,
    "change": lambda w: setattr(w.route, "value", "s84_adoption"),
    "again": lambda w: setattr(w.dates["sgo_notice_given"], "value", dt.date(2026, 6, 1)),
}
"""How `test_widget_contract.py` builds this widget, one change a person makes, and a second
valid change after a failed one."""


def row_date(html: str, milestone_id: str) -> str | None:
    found = re.search(rf'<tr data-milestone="{milestone_id}"><td[^>]*>([^<]*)</td>', html)
    return found.group(1) if found else None


def test_shows_a_worked_example_on_first_render():
    widget = TimelinePlanner()
    assert widget.route.value == "sgo_abroad"
    assert widget.timeline is not None and len(widget.timeline.milestones) >= 5
    assert row_date(widget.table.value, "care_proceedings_decided")
    assert "<svg" in widget.chart.value and "Where delay is likely" in widget.flags.value


def test_moving_the_sgo_notice_moves_the_earliest_application():
    widget = TimelinePlanner()
    widget.dates["sgo_notice_given"].value = dt.date(2026, 5, 1)
    assert row_date(widget.table.value, "sgo_notice_period") == "Sat 1 Aug 2026"
    widget.dates["sgo_notice_given"].value = dt.date(2026, 6, 1)
    assert row_date(widget.table.value, "sgo_notice_period") == "Tue 1 Sep 2026"


def test_switching_to_s84_shows_ten_weeks_home_and_drops_the_sgo_row():
    widget = TimelinePlanner()
    assert row_date(widget.table.value, "sgo_notice_period")
    widget.route.value = "s84_adoption"
    assert row_date(widget.table.value, "sgo_notice_period") is None
    assert row_date(widget.table.value, "s84_home_with_applicants")
    assert "10 weeks" in widget.table.value
    assert "Adoption abroad after a s84 order" in widget.status.value


def test_clearing_the_looked_after_date_removes_reviews_and_says_what_it_would_unlock():
    widget = TimelinePlanner()
    assert row_date(widget.table.value, "first_review")
    widget.dates["became_looked_after"].value = None
    assert row_date(widget.table.value, "first_review") is None
    assert "later_reviews" not in widget.table.value
    assert "Child became looked after" in widget.hints.value
    assert "First looked-after review" in widget.hints.value


def test_today_after_a_deadline_shows_an_urgent_overdue_flag_in_words():
    widget = TimelinePlanner()
    assert "Urgent:" not in widget.flags.value
    widget.today.value = dt.date(2026, 9, 1)
    assert "<strong>Urgent:</strong>" in widget.flags.value
    assert "overdue" in widget.flags.value
    assert "urgent" in widget.status.value
    assert "Today" in re.search(r"<desc[^>]*>([^<]+)</desc>", widget.chart.value).group(1)


def test_chart_follows_the_dates_and_always_has_alt_text():
    widget = TimelinePlanner()
    before = widget.chart.value
    widget.dates["proceedings_issued"].value = dt.date(2026, 4, 1)
    assert widget.chart.value != before
    assert re.search(r'<svg [^>]*role="img".*<desc[^>]*>Timeline chart for [^<]+</desc>',
                     widget.chart.value)


def test_shows_what_the_planner_plans_for_the_same_dates():
    known = {"proceedings_issued": dt.date(2026, 1, 12), "placement_began": dt.date(2026, 3, 2)}
    widget = TimelinePlanner("convention_adoption", known, today=dt.date(2026, 2, 1))
    expected = plan_timeline("convention_adoption", known, today=dt.date(2026, 2, 1))
    assert widget.timeline == expected
    assert widget.known["became_looked_after"] is None


def test_no_dates_gives_hints_not_an_error():
    widget = TimelinePlanner(known={})
    assert widget.timeline.milestones == ()
    assert "No milestones can be dated yet" in widget.table.value
    assert widget.hints.value.count("<li>") >= 2


def test_every_control_has_a_visible_label():
    widget = TimelinePlanner()
    controls = [widget.route, *widget.dates.values(), widget.today]
    assert set(widget.dates) == set(KNOWN_DATES)
    for control in controls:
        assert control.description.strip(), control
    assert len({c.description for c in controls}) == len(controls)
    assert widget.dates["became_looked_after"].description == "Child became looked after"


def test_route_choices_show_human_labels():
    labels = [label for label, _ in TimelinePlanner().route.options]
    assert "Special guardianship order, carers abroad" in labels
    assert not any("_" in label for label in labels)


def test_unknown_route_or_date_is_refused_with_what_is_allowed():
    with pytest.raises(ValueError, match="known routes"):
        TimelinePlanner("sgo")
    with pytest.raises(ValueError, match="became_looked_after"):
        TimelinePlanner(known={"birthday": dt.date(2020, 1, 1)})


def test_static_copy_has_chart_table_and_flags_for_slides_and_reports():
    bundle = TimelinePlanner(today=dt.date(2026, 9, 1))._repr_mimebundle_()
    html = bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "<svg" in html and "<table" in html and "Urgent:" in html


def test_only_the_dates_the_route_uses_are_built_and_a_new_route_builds_its_own():
    from workshop_kit.core.content import timescales
    from workshop_kit.core.timeline import dates_used_by

    widget = TimelinePlanner("sgo_abroad")
    sgo = set(dates_used_by("sgo_abroad", timescales()))
    assert set(widget.dates.built) == sgo, "a page opens with the route's own pickers only"
    widget.dates["sgo_notice_given"].value = dt.date(2026, 6, 1)
    widget.route.value = "s84_adoption"
    adoption = set(dates_used_by("s84_adoption", timescales()))
    shown = {d for d, p in widget.dates.built.items() if p in widget.children}
    assert shown == adoption
    widget.route.value = "sgo_abroad"
    assert widget.dates["sgo_notice_given"].value == dt.date(2026, 6, 1), "kept while away"
