"""Slides: every deck built, designed for 16:9, notes only in the trainer build, handouts whole."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from conftest import outside_requests
from workshop_kit.core.content import case_studies
from workshop_kit.faces.deck import DeckError, design_deck, shown_call
from workshop_kit.faces.slides import build_decks, default_notebooks

DECKS = [p.stem for p in default_notebooks()]
FOOTER = "Training material, not legal advice"
FITS = """() => Reveal.getSlides().map((s, i) => {
  const stack = s.parentElement.closest('section');
  const was = [s.style.display, stack && stack.style.display];
  s.style.display = 'block'; if (stack) stack.style.display = 'block';
  let bottom = 0;
  for (const c of s.children) {
    if (c.matches('h1, h2, .wk-slide-body, .wk-fragment'))
      bottom = Math.max(bottom, c.offsetTop + c.scrollHeight);
  }
  const body = s.querySelector('.wk-slide-body');
  const r = {i, bottom, wide: body.scrollWidth - body.clientWidth,
             title: s.querySelector('h1, h2').textContent};
  s.style.display = was[0]; if (stack) stack.style.display = was[1];
  return r; })"""
"""Where each slide's content ends, measured with hidden slides laid out (fragments included)."""
BOTTOM_LIMIT = 690
"""A slide is 720 px tall; the notice runs along its last 30 px."""


@pytest.fixture(scope="module")
def deck_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    build_decks(None, out, trainer=True)
    return out


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _slides(path: Path):
    return _soup(path).select("section[data-deck-slide]")


def test_decks_carry_reveal_and_the_notes_plugin_and_nothing_external(deck_dir):
    for rel in ("dist/reveal.js", "plugin/notes/notes.js", "plugin/notes/speaker-view.html"):
        assert (deck_dir / "reveal.js" / rel).is_file(), rel
    for name in DECKS:
        for path in (deck_dir / f"{name}.slides.html", deck_dir / "trainer" / f"{name}.slides.html"):
            html = path.read_text()
            assert not re.search(r'(src|href)="https?:', html), path
            assert "@import url(http" not in html
            assert FOOTER in html


def test_attendee_decks_hold_no_trainer_text_and_trainer_decks_have_notes_on_every_slide(deck_dir):
    for name in DECKS:
        attendee = (deck_dir / f"{name}.slides.html").read_text()
        assert 'class="notes"' not in attendee
        for trainer_only in ("Trainer notes", "Model answer", "Session timings", "On the live page"):
            assert trainer_only not in attendee, (name, trainer_only)
        trainer = _slides(deck_dir / "trainer" / f"{name}.slides.html")
        assert len(trainer) == len(_slides(deck_dir / f"{name}.slides.html"))
        empty = [i for i, s in enumerate(trainer)
                 if not (s.find("aside", class_="notes") and s.find("aside").get_text(strip=True))]
        assert empty == [], f"{name}: slides without speaker notes: {empty}"


def test_speaker_notes_come_from_the_content():
    deck = design_deck(Path("notebooks/01_special_guardianship.ipynb"))
    notes = " ".join(n for g in deck.groups for s in g.slides for n in s.notes)
    assert "Use the comparison widget with SGO and CAO ticked" in notes  # a section's trainer note
    assert "Use the comparison widget with SGO and CAO ticked" in notes and "10 min" in notes
    assert "Model answer to 1:" in notes and "Article 33 consultation" in notes
    assert "Answer:" in notes  # knowledge check answers with their sources


def test_knowledge_check_is_one_question_per_slide_with_the_answer_as_a_fragment():
    deck = design_deck(Path("notebooks/00_orders_compared.ipynb"))
    check = next(g for g in deck.groups if g.title == "Knowledge check")
    assert [s.body.count("wk-question") for s in check.slides] == [1] * len(check.slides)
    assert all(s.fragment.startswith('<div class="wk wk-answer"><p><strong>Answer: ')
               for s in check.slides)
    assert "Check button" not in " ".join(s.body for s in check.slides)


def test_route_finder_is_shown_for_a_worked_example():
    deck = design_deck(Path("notebooks/01_special_guardianship.ipynb"))
    bodies = " ".join(s.body for g in deck.groups for s in g.slides)
    assert "Worked example:" in bodies and "Routes at a glance" in bodies


def test_explorer_deck_has_one_slide_group_per_case():
    deck = design_deck(Path("notebooks/04_case_study_explorer.ipynb"))
    titles = [g.title for g in deck.groups if g.title.startswith("Case: ")]
    assert titles == [f"Case: {c.title}" for c in case_studies()]


def test_handout_keeps_the_detail_the_slides_leave_out():
    notebook = Path("notebooks/01_special_guardianship.ipynb")
    shown, printed = design_deck(notebook), design_deck(notebook, handout=True)
    assert printed.slide_count > shown.slide_count
    bodies = ["".join(s.body for g in d.groups for s in g.slides) for d in (shown, printed)]
    assert bodies[1].count("wk-route ") > bodies[0].count("wk-route ")


def test_a_cell_with_no_slide_design_is_refused_by_name(tmp_path):
    assert shown_call("from x import y\nz = 1", "cell") is None
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## A heading"),
                                         nbformat.v4.new_code_cell("MysteryWidget()")])
    path = tmp_path / "00_orders_compared.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(DeckError, match=r"00_orders_compared\.ipynb, group 1 \('A heading'\), "
                       r"code cell 1: no slide design for 'MysteryWidget'"):
        design_deck(path)


@pytest.mark.browser
@pytest.mark.parametrize("name", DECKS)
def test_every_slide_fits_a_16_9_screen_offline(deck_dir, page, name):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto((deck_dir / f"{name}.slides.html").as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=20_000)
    measured = page.evaluate(FITS)
    assert len(measured) == len(_slides(deck_dir / f"{name}.slides.html"))
    too_tall = [m for m in measured if m["bottom"] > BOTTOM_LIMIT or m["wide"] > 1]
    assert too_tall == []
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 0 && Reveal.getIndices().v === 1 "
                           "|| Reveal.getIndices().h === 1")
    assert outside_requests(page.requests) == []
    assert page.errors == []


@pytest.mark.browser
def test_the_right_arrow_visits_every_slide_in_order(deck_dir, page):
    """A trainer walks a deck with → alone: continued slides, the worked example and every
    question are reached, not skipped as reveal.js's vertical slides are by default."""
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto((deck_dir / "01_special_guardianship.slides.html").as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=20_000)
    total = page.evaluate("Reveal.getTotalSlides()")
    visited = [page.evaluate("Reveal.getSlides().indexOf(Reveal.getCurrentSlide())")]
    for _ in range(total * 3):
        page.keyboard.press("ArrowRight")
        here = page.evaluate("Reveal.getSlides().indexOf(Reveal.getCurrentSlide())")
        if here != visited[-1]:
            visited.append(here)
        if here == total - 1:
            break
    assert visited == list(range(total))


@pytest.mark.browser
def test_the_fit_check_catches_a_slide_that_runs_off(deck_dir, page, tmp_path):
    """The measurement above must be able to fail: a slide with a too-long paragraph."""
    html = (deck_dir / "00_orders_compared.slides.html").read_text()
    html = html.replace('<div class="wk-slide-body">', '<div class="wk-slide-body"><p>'
                        + "A very long paragraph. " * 400 + "</p>", 1)
    broken = deck_dir / "broken.slides.html"
    broken.write_text(html)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(broken.as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=20_000)
    assert page.evaluate(FITS)[0]["bottom"] > BOTTOM_LIMIT
    broken.unlink()


@pytest.mark.browser
def test_knowledge_check_answer_appears_on_the_next_key_press(deck_dir, page):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto((deck_dir / "00_orders_compared.slides.html").as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=20_000)
    index = page.evaluate("Reveal.getSlides().findIndex(s => s.querySelector('.wk-question'))")
    page.evaluate(f"(() => {{ const ix = Reveal.getIndices(Reveal.getSlides()[{index}]); "
                  "Reveal.slide(ix.h, ix.v, -1); })()")
    answer = page.locator("section[data-deck-slide].present .wk-fragment")
    assert "visible" not in (answer.get_attribute("class") or "")
    before = page.evaluate("JSON.stringify([Reveal.getIndices().h, Reveal.getIndices().v])")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('section[data-deck-slide].present .wk-fragment.visible')")
    assert page.evaluate("JSON.stringify([Reveal.getIndices().h, Reveal.getIndices().v])") == before
    page.wait_for_function("getComputedStyle(document.querySelector("
                           "'section[data-deck-slide].present .wk-fragment')).visibility === 'visible'")
    assert answer.text_content().strip().startswith("Answer: ")


@pytest.mark.browser
def test_speaker_view_shows_the_notes_offline(deck_dir, page, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto((deck_dir / "trainer" / "01_special_guardianship.slides.html").as_uri() + "#/1")
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=20_000)
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    speaker = opened.value
    speaker.wait_for_function(
        "document.querySelector('.speaker-controls-notes .value') && "
        "document.querySelector('.speaker-controls-notes .value').textContent.length > 20",
        timeout=20_000)
    notes = speaker.locator(".speaker-controls-notes .value").inner_text()
    assert "Use the comparison widget with SGO and CAO ticked" in notes
    speaker.set_viewport_size({"width": 1280, "height": 720})
    speaker.wait_for_timeout(500)
    shots = Path(os.environ.get("WORKSHOP_KIT_SCREENSHOTS", tmp_path))
    speaker.screenshot(path=str(shots / "speaker-view.png"))
    page.screenshot(path=str(shots / "slide-with-speaker-view.png"))
    assert outside_requests(page.requests) == []


def test_cli_help_documents_trainer_and_handout():
    from click.testing import CliRunner

    from workshop_kit.cli import main

    result = CliRunner().invoke(main, ["slides", "--help"])
    assert "--trainer" in result.output and "--handout" in result.output


def test_notebooks_only_make_calls_the_deck_knows():
    for path in sorted(Path("notebooks").glob("0*.ipynb")):
        nb = json.loads(path.read_text())
        for n, cell in enumerate(nb["cells"]):
            if cell["cell_type"] == "code":
                shown_call("".join(cell["source"]), f"{path.name} cell {n}")
