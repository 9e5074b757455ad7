"""Handouts a trainer can print: within the page budget for the example event and for every
workshop with every case, the count said by `slides --handout`, and nothing lost to the budget
(a case's long detail is in the training pack, and the handout says so)."""

from __future__ import annotations

import re
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

from workshop_kit.core.content import case_studies
from workshop_kit.core.event import load_event
from workshop_kit.faces.handout import CASE_MAX_PAGES, MAX_PAGES, design_handout

EVENT = Path("events/example-network-day.yaml")
EXPLORER = Path("notebooks/04_case_study_explorer.ipynb")
SAID = re.compile(r"^\s+(\S+\.handout\.pdf): (\d+) pages(?: \((\d+) cases, (\d+)(?:–(\d+))? "
                  r"pages each\))?(.*)$", re.M)
NOTICE = "Training material, not legal advice"
BUDGET, CASE_BUDGET = 40, 4
"""Issue 17's numbers, here and not only in the code, so the budget cannot drift with it."""


def test_the_code_keeps_the_budget_the_issue_set():
    assert (MAX_PAGES, CASE_MAX_PAGES) == (BUDGET, CASE_BUDGET)


def _slides(out: Path, *args: str) -> dict[str, tuple[int, int, int]]:
    """Run `workshop-kit slides --handout` as a trainer would; what it said of each handout:
    pages, cases, most pages a case took."""
    done = subprocess.run([sys.executable, "-m", "workshop_kit", "slides", "--handout",
                           "--out", str(out), *args],
                          capture_output=True, text=True, timeout=900, check=True)
    said = {}
    for name, pages, cases, low, high, rest in SAID.findall(done.stdout):
        assert "OVER BUDGET" not in rest, rest
        said[name] = (int(pages), int(cases or 0), int(high or low or 0))
    assert said, done.stdout
    return said


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    return {"event": (out / "event", _slides(out / "event", "--event", str(EVENT))),
            "all": (out / "all", _slides(out / "all"))}


def _pages(pdf: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(pdf).pages]


@pytest.mark.browser
@pytest.mark.parametrize("which", ["event", "all"])
def test_every_handout_is_within_the_page_budget_as_printed(printed, which):
    out, said = printed[which]
    event = load_event(EVENT)
    expected = ([f"{w}.handout.pdf" for w in event.workshop_ids] if which == "event"
                else [f"{p.stem}.handout.pdf" for p in sorted(Path("notebooks").glob("0*.ipynb"))])
    assert sorted(said) == sorted(expected)
    for name, (pages, cases, most) in said.items():
        texts = _pages(out / name)
        assert len(texts) == pages, f"{name}: said {pages} pages, printed {len(texts)}"
        assert pages <= BUDGET, f"{name}: {pages} pages"
        assert all(NOTICE in t for t in texts), f"{name}: a page without the notice"
        assert all(f"Page {n} of {pages}" in t for n, t in enumerate(texts, start=1)), name
        if name.startswith("04_"):
            assert cases == (len(event.cases) if which == "event" else len(case_studies()))
            assert 1 <= most <= CASE_BUDGET, f"{name}: a case takes {most} pages"


@pytest.mark.browser
def test_each_case_starts_on_its_own_page_in_the_event_order(printed):
    out, _ = printed["event"]
    texts = _pages(out / "04_case_study_explorer.handout.pdf")
    titles = {c.id: c.title for c in case_studies()}
    starts = [min(n for n, t in enumerate(texts) if n and f"Case: {titles[case]}" in t)
              for case in load_event(EVENT).cases]  # page 1 lists them all in its contents
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_a_case_in_the_handout_points_to_the_training_pack_which_carries_its_detail():
    from workshop_kit.core.balance_sheet import balance_sheet
    from workshop_kit.core.content import countries, orders_chart
    from workshop_kit.core.routes import find_routes
    from workshop_kit.faces.report_sections import case_html

    case = next(c for c in case_studies() if c.id == "leo-and-his-aunt-in-spain")
    handout = design_handout(EXPLORER, cases=(case.id,))
    section = next(s for s in handout.sections if s.case)
    assert "training pack" in section.body and f"--case {case.id}" in section.body

    class Printing:
        def unsettled(self, *_args) -> None:
            pass

    pack = case_html(case, Printing())
    assessments = find_routes(case, countries())
    sheet = balance_sheet(case, assessments, orders_chart())
    points = [p.text for o in sheet.options for p in (*o.positives, *o.negatives)]
    reasons = [r.text for a in assessments for r in a.reasons]
    assert points and reasons
    for text in points + reasons:
        assert escape(text) in pack or text in pack, text
    left_out = [t for t in points if escape(t) not in section.body and t not in section.body]
    assert left_out, "the handout gives the balance sheet at a glance, not every point"


def test_the_handout_holds_no_trainer_only_text():
    case = next(iter(case_studies()))
    body = "".join(s.body for s in design_handout(EXPLORER, cases=(case.id,)).sections)
    for note in case.trainer_notes:
        assert escape(note) not in body and note not in body
    for answer in case.model_answers:
        assert escape(answer.answer) not in body and answer.answer not in body
