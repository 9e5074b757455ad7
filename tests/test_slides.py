"""Slides: built from the orders notebook, opened from disk with no network, navigable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import outside_requests
from workshop_kit.faces.slides import build_decks


@pytest.fixture(scope="module")
def deck_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    build_decks([Path("notebooks/00_orders_compared.ipynb")], out)
    return out


def test_deck_carries_reveal_and_no_external_script_or_style(deck_dir):
    html = (deck_dir / "00_orders_compared.slides.html").read_text()
    assert (deck_dir / "reveal.js" / "dist" / "reveal.js").is_file()
    assert 'src="http' not in html and 'href="http' not in html
    assert "@import url(http" not in html
    assert "Features of orders compared" in html, "the widget's static table is in the deck"
    assert "Learning objectives" in html
    assert "widget-view+json" not in html and "widget-state+json" not in html


def test_deck_leaves_out_trainer_notes_and_model_answers(deck_dir):
    html = (deck_dir / "00_orders_compared.slides.html").read_text()
    assert "Trainer: session timings" not in html
    assert "Model answer" not in html


@pytest.mark.browser
def test_deck_opens_and_navigates_offline(deck_dir, page):
    page.goto((deck_dir / "00_orders_compared.slides.html").as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=20_000)
    nb = json.loads(Path("notebooks/00_orders_compared.ipynb").read_text())
    starts = sum(c["metadata"].get("slideshow", {}).get("slide_type") in {"slide", "subslide"}
                 for c in nb["cells"])
    # Content must never add slides of its own (an HTML <section> would).
    assert page.evaluate("Reveal.getTotalSlides()") == starts
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1")
    assert page.locator(".slide-number").inner_text().startswith("2")
    assert outside_requests(page.requests) == []
    assert page.errors == []
