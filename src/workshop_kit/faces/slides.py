"""Slide decks: each workshop notebook redesigned as reveal.js slides that work offline.

Two builds. The attendee deck (the default) is what the room sees and what may be copied to
attendees: it holds no trainer-only text at all. The trainer deck (`--trainer`) is the same
slides with speaker notes (trainer notes, timings, model answers, answers with sources) for
reveal.js's speaker view (`S`). Notes live in the HTML source of a deck, where anyone given the
file could read them, so they go only into the trainer build, in its own folder.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from workshop_kit.core.content import REPO_ROOT
from workshop_kit.faces.chromium import require_chromium
from workshop_kit.faces.deck import IMAGE_MAX_HEIGHT, Deck, design_deck
from workshop_kit.faces.deck_layout import SLIDE_HEIGHT, SLIDE_WIDTH
from workshop_kit.faces.webapp import LANDING_PAGE, TEMPLATES_DIR, notebooks_dir

if TYPE_CHECKING:
    from workshop_kit.faces.handout import HandoutPages

NBCONVERT_TEMPLATES = TEMPLATES_DIR / "jupyter_data" / "nbconvert" / "templates"
DECK_TEMPLATE = TEMPLATES_DIR / "deck" / "deck.html.j2"
DECK_FOOTER = "Training material, not legal advice. Case studies are fictional."
REVEAL_FOLDER = "reveal.js"
TRAINER_FOLDER = "trainer"
HANDOUT_FOLDER = "handout"
REVEAL_FILES = ("dist/reveal.js", "dist/reveal.css", "dist/theme/white.css",
                "dist/theme/fonts/source-sans-pro", "plugin/notes/notes.js",
                "plugin/notes/speaker-view.html", "LICENSE")


def reveal_source() -> Path:
    """reveal.js as installed from npm by `make` (package.json pins the version nbconvert targets)."""
    candidates = [Path(p) for p in (os.environ.get("WORKSHOP_KIT_REVEAL"),) if p]
    candidates.append(REPO_ROOT / "node_modules" / "reveal.js")
    for path in candidates:
        if (path / "dist" / "reveal.js").is_file():
            return path
    raise FileNotFoundError(
        "reveal.js is not installed, so slides cannot be built to work offline. "
        "Run `npm ci` in the workshop-kit folder (make does this), or set WORKSHOP_KIT_REVEAL "
        "to a reveal.js 4 folder."
    )


def default_notebooks() -> list[Path]:
    return sorted(p for p in notebooks_dir().glob("*.ipynb") if p.name != LANDING_PAGE)


def _copy_reveal(out_dir: Path) -> None:
    source, target = reveal_source(), out_dir / REVEAL_FOLDER
    for rel in REVEAL_FILES:
        src, dst = source / rel, target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dst)


def render_deck(deck: Deck, *, trainer: bool, reveal_prefix: str = REVEAL_FOLDER) -> str:
    from jinja2 import Environment

    template = Environment(autoescape=False).from_string(DECK_TEMPLATE.read_text(encoding="utf-8"))
    return template.render(deck=deck, trainer=trainer, reveal=reveal_prefix, footer=DECK_FOOTER,
                           width=SLIDE_WIDTH, height=SLIDE_HEIGHT, image_max=IMAGE_MAX_HEIGHT)


def build_deck(notebook: Path, out_dir: Path, *, trainer: bool = False,
               today: dt.date | None = None, cases: tuple[str, ...] | None = None) -> Path:
    """Write `<name>.slides.html` into out_dir (the trainer deck into out_dir/trainer/)."""
    deck = design_deck(notebook, today=today, cases=cases)
    if trainer:
        html = render_deck(deck, trainer=True, reveal_prefix=f"../{REVEAL_FOLDER}")
        return write_atomically(out_dir / TRAINER_FOLDER / f"{notebook.stem}.slides.html", html)
    return write_atomically(out_dir / f"{notebook.stem}.slides.html",
                             render_deck(deck, trainer=False))


def write_atomically(path: Path, text: str) -> Path:
    """Write to a temporary file and rename, so a failed build never leaves half a deck."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                     suffix=".tmp") as handle:
        handle.write(text)
    os.chmod(handle.name, 0o644)  # readable when copied to a shared drive, like any other file
    os.replace(handle.name, path)
    return path


def build_decks(notebooks: list[Path] | None, out_dir: Path, *, trainer: bool = False,
                handout: bool = False, today: dt.date | None = None,
                cases: tuple[str, ...] | None = None) -> list[Path]:
    """Attendee decks; with `trainer` the trainer decks too; with `handout` a PDF per deck.
    reveal.js is copied beside them. `cases`: an event's chosen cases for the explorer deck."""
    reveal_source()  # fail before laying out any deck
    if handout:
        require_chromium("Handouts", "--handout")
    notebooks = notebooks or default_notebooks()
    made = [build_deck(nb, out_dir, today=today, cases=cases) for nb in notebooks]
    if trainer:
        made += [build_deck(nb, out_dir, trainer=True, today=today, cases=cases)
                 for nb in notebooks]
    _copy_reveal(out_dir)
    if handout:
        made += [printed.pdf for printed in build_handouts(notebooks, out_dir, today=today,
                                                           cases=cases)]
    return made


def build_handouts(notebooks: list[Path] | None, out_dir: Path, *, today: dt.date | None = None,
                   cases: tuple[str, ...] | None = None) -> list[HandoutPages]:
    """A printed A4 handout per deck (`faces/handout.py`), each with its page count."""
    from workshop_kit.faces.handout import build_handout

    require_chromium("Handouts", "--handout")
    return [build_handout(nb, out_dir, today=today, cases=cases)
            for nb in notebooks or default_notebooks()]
