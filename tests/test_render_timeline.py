"""The timeline renderers: what a report, a slide and the live widget print from one plan."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from workshop_kit.core.timeline import Milestone, Timeline, plan_timeline
from workshop_kit.core.timescales import TimescaleKind
from workshop_kit.faces.render.timeline import (
    delay_flags_html,
    missing_dates_html,
    reference_rules_html,
    timeline_chart_html,
    timeline_table,
)

LOOKED_AFTER = dt.date(2026, 2, 20)
ISSUED = dt.date(2026, 3, 2)
NOTICE = dt.date(2026, 5, 1)
SGO_CASE = {"became_looked_after": LOOKED_AFTER, "proceedings_issued": ISSUED,
            "sgo_notice_given": NOTICE}


def row_date(html: str, milestone_id: str) -> str | None:
    found = re.search(rf'<tr data-milestone="{milestone_id}"><td[^>]*>([^<]*)</td>', html)
    return found.group(1) if found else None


@pytest.fixture(scope="module")
def sgo() -> Timeline:
    return plan_timeline("sgo_abroad", SGO_CASE)


def test_table_gives_weekday_dates_with_rule_and_source(sgo):
    html = timeline_table(sgo)
    assert "<caption>" in html and "Special guardianship order" in html
    # 20 working days after Fri 20 Feb 2026 (CPPCR 2010 reg 33(1))
    assert row_date(html, "first_review") == "Fri 20 Mar 2026"
    assert "Within 20 working days" in html
    assert "Care Planning, Placement and Case Review (England) Regulations 2010" in html
    assert '<th scope="col">Source</th>' in html


def test_table_rows_run_in_date_order(sgo):
    html = timeline_table(sgo)
    ids = re.findall(r'<tr data-milestone="([^"]+)">', html)
    assert ids == [m.id for m in sgo.milestones]
    assert [m.due for m in sgo.milestones] == sorted(m.due for m in sgo.milestones)


def test_table_says_kind_in_words_not_colour(sgo):
    html = timeline_table(sgo)
    assert "<td>Earliest date allowed</td>" in html and "<td>Deadline</td>" in html


def test_uncertain_milestone_is_marked_to_be_confirmed_in_words():
    timeline = plan_timeline("s84_adoption", {"adm_decision": dt.date(2026, 6, 1)})
    html = timeline_table(timeline)
    row = html.split('data-milestone="adoption_register_referral"')[1].split("</tr>")[0]
    assert "⚠ To be confirmed" in row


def test_content_is_escaped():
    hostile = Milestone(id="x", label="<script>alert(1)</script>", due=dt.date(2026, 1, 5),
                        rule="r & r", source="<b>s</b>", to_be_confirmed=False,
                        kind=TimescaleKind.DEADLINE)
    timeline = Timeline(route="sgo_abroad", milestones=(hostile,), flags=(), missing=(), reference=())
    html = timeline_table(timeline) + timeline_chart_html(timeline)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>s</b>" not in html


def test_empty_timeline_says_so_rather_than_drawing_nothing():
    timeline = plan_timeline("sgo_abroad", {})
    assert "No milestones can be dated yet" in timeline_table(timeline)
    chart = timeline_chart_html(timeline)
    assert "<svg" not in chart and "No chart yet" in chart


def test_flags_say_severity_in_words_most_urgent_first():
    timeline = plan_timeline("sgo_abroad", SGO_CASE, today=dt.date(2026, 9, 1))
    html = delay_flags_html(timeline)
    assert "<strong>Urgent:</strong>" in html and "<strong>Warning:</strong>" in html
    assert "<strong>For information:</strong>" in html
    assert html.index("Urgent:") < html.index("Warning:") < html.index("For information:")
    assert "overdue" in html and "Source:" in html


def test_flags_mark_unsettled_risks_to_be_confirmed(sgo):
    html = delay_flags_html(sgo)
    article_33 = html.split("Article 33 consent may be needed")[1].split("</li>")[0]
    assert "⚠ To be confirmed" in article_33


def test_missing_dates_name_the_date_and_what_it_unlocks():
    html = missing_dates_html(plan_timeline("s84_adoption", {"proceedings_issued": ISSUED}))
    assert "Child became looked after" in html and "First looked-after review" in html
    assert "Child began living with the applicants" in html
    assert "Care proceedings issued" not in html


def test_no_hint_when_every_date_the_route_uses_is_given(sgo):
    assert missing_dates_html(sgo) == ""


def test_reference_rules_are_listed_beside_the_timeline():
    html = reference_rules_html(plan_timeline("convention_adoption", {}))
    assert "partner of a parent" in html and "local authority foster parents" in html


def test_chart_is_a_described_svg_with_one_marker_per_milestone(sgo):
    html = timeline_chart_html(sgo, today=dt.date(2026, 9, 1), known=SGO_CASE)
    svg = BeautifulSoup(html, "html.parser").find("svg")
    assert svg is not None and svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    description = svg.find(id=desc_id).get_text()
    first, last = sgo.milestones[0], sgo.milestones[-1]
    assert f"{len(sgo.milestones)} milestones" in description
    assert first.label in description and last.label in description
    assert "26-week window" in description and "Today" in description
    assert "Milestones:" in svg.find(id=title_id).get_text()
    markers = svg.find_all(["path", "circle"], recursive=False)
    assert len(markers) == len(sgo.milestones)
    labels = [t.get_text() for t in svg.find_all("text", attrs={"text-anchor": "end"})]
    assert labels == [m.label + (" ⚠" if m.to_be_confirmed else "") for m in sgo.milestones]
    assert svg.find("line", attrs={"stroke-dasharray": "6 4"}) is not None  # today
    assert "<figcaption>" in html


def test_milestones_are_placed_in_date_order_left_to_right(sgo):
    svg = BeautifulSoup(timeline_chart_html(sgo), "html.parser").find("svg")
    xs = [float(re.match(r"M([\d.]+)", p["d"]).group(1)) if p.name == "path" else float(p["cx"])
          for p in svg.find_all(["path", "circle"], recursive=False)]
    dues = [m.due for m in sgo.milestones]
    assert sorted(range(len(xs)), key=lambda i: (xs[i], i)) == sorted(
        range(len(dues)), key=lambda i: (dues[i], i))


def test_two_charts_on_one_page_do_not_share_ids(sgo):
    html = timeline_chart_html(sgo) + timeline_chart_html(sgo)
    ids = [tag["id"] for tag in BeautifulSoup(html, "html.parser").find_all(id=True)]
    assert len(ids) == len(set(ids)) == 6


def test_drawing_a_chart_imports_no_plotting_library():
    code = ("import datetime as dt, sys\n"
            "from workshop_kit.core.timeline import plan_timeline\n"
            "from workshop_kit.faces.render.timeline import timeline_chart_html\n"
            "timeline_chart_html(plan_timeline('sgo_abroad', {'proceedings_issued': "
            "dt.date(2026, 3, 2)}), today=dt.date(2026, 4, 1))\n"
            "print(sorted(m for m in ('matplotlib', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"



def test_a_chart_printed_without_its_table_does_not_point_to_one(sgo):
    """A handout prints the chart alone; its caption and description must not send the reader to
    a table that is not on the page."""
    beside = BeautifulSoup(timeline_chart_html(sgo), "html.parser")
    alone = BeautifulSoup(timeline_chart_html(sgo, table_follows=False), "html.parser")
    assert "table" in beside.figcaption.get_text() and "table" in beside.svg.get_text()
    assert "table" not in alone.figcaption.get_text() and "table" not in alone.svg.get_text()
