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

from workshop_kit.core.content import REPO_ROOT
from workshop_kit.faces.chromium import headless_chromium, require_chromium
from workshop_kit.faces.deck import IMAGE_MAX_HEIGHT, Deck, design_deck
from workshop_kit.faces.deck_layout import SLIDE_HEIGHT, SLIDE_WIDTH
from workshop_kit.faces.webapp import LANDING_PAGE, TEMPLATES_DIR, notebooks_dir

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


def render_deck(deck: Deck, *, trainer: bool, reveal_prefix: str = REVEAL_FOLDER,
                pages: int = 0) -> str:
    from jinja2 import Environment

    template = Environment(autoescape=False).from_string(DECK_TEMPLATE.read_text(encoding="utf-8"))
    return template.render(deck=deck, trainer=trainer, reveal=reveal_prefix, footer=DECK_FOOTER,
                           pages=pages,
                           width=SLIDE_WIDTH, height=SLIDE_HEIGHT, image_max=IMAGE_MAX_HEIGHT)


def build_deck(notebook: Path, out_dir: Path, *, trainer: bool = False,
               today: dt.date | None = None, cases: tuple[str, ...] | None = None) -> Path:
    """Write `<name>.slides.html` into out_dir (the trainer deck into out_dir/trainer/)."""
    deck = design_deck(notebook, today=today, cases=cases)
    if trainer:
        html = render_deck(deck, trainer=True, reveal_prefix=f"../{REVEAL_FOLDER}")
        return _write_atomically(out_dir / TRAINER_FOLDER / f"{notebook.stem}.slides.html", html)
    return _write_atomically(out_dir / f"{notebook.stem}.slides.html",
                             render_deck(deck, trainer=False))


HANDOUT_PART = 40
"""Slides per print job: Chromium runs out of memory printing a 300-slide deck in one go."""


def build_handout(notebook: Path, out_dir: Path, *, today: dt.date | None = None,
                  cases: tuple[str, ...] | None = None) -> Path:
    """Print the deck, with the detail the screen leaves out, to `<name>.handout.pdf`.

    The handout is the attendee deck (no trainer-only text) plus its detail slides, printed by
    Debian's Chromium in reveal.js's print mode (`?print-pdf`): one 1280×720 page per slide,
    every fragment shown, the notice and a page number on every page. A long deck is printed a
    few slide groups at a time and the parts joined.
    """
    from pypdf import PdfWriter

    deck = design_deck(notebook, today=today, handout=True, cases=cases)
    for number, slide in enumerate((s for g in deck.groups for s in g.slides), start=1):
        slide.page = number
    folder = out_dir / HANDOUT_FOLDER
    _write_atomically(folder / f"{notebook.stem}.handout.html",
                      render_deck(deck, trainer=False, reveal_prefix=f"../{REVEAL_FOLDER}",
                                  pages=deck.slide_count))
    pdf = out_dir / f"{notebook.stem}.handout.pdf"
    with tempfile.TemporaryDirectory(dir=folder, prefix=".print-") as tmp:
        parts = []
        for index, groups in enumerate(_parts(deck.groups, HANDOUT_PART)):
            html = Path(tmp) / f"part{index}.html"
            part = Deck(deck.title, groups, deck.styles)
            html.write_text(render_deck(part, trainer=False, reveal_prefix=f"../../{REVEAL_FOLDER}",
                                        pages=deck.slide_count), encoding="utf-8")
            parts.append(print_deck(html, html.with_suffix(".pdf")))
        writer = PdfWriter()
        for part_pdf in parts:
            writer.append(str(part_pdf))
        joined = Path(tmp) / "handout.pdf"
        with joined.open("wb") as handle:
            writer.write(handle)
        os.replace(joined, pdf)
    return pdf


def _parts(groups: list, size: int) -> list[list]:
    parts: list[list] = [[]]
    count = 0
    for group in groups:
        if parts[-1] and count + len(group.slides) > size:
            parts.append([])
            count = 0
        parts[-1].append(group)
        count += len(group.slides)
    return parts


def print_deck(html: Path, pdf: Path) -> Path:
    """reveal.js print mode to PDF with Chromium; written beside and renamed, never half a file."""
    with headless_chromium("Handouts", "--handout") as browser:
        page = browser.new_page(viewport={"width": SLIDE_WIDTH, "height": SLIDE_HEIGHT})
        page.goto(html.resolve().as_uri() + "?print-pdf")
        page.wait_for_function("window.Reveal && Reveal.isReady() && "
                               "document.querySelectorAll('.pdf-page').length > 0",
                               timeout=60_000)
        tmp = pdf.with_suffix(".pdf.tmp")
        page.pdf(path=str(tmp), prefer_css_page_size=True, print_background=True)
        os.replace(tmp, pdf)
    return pdf


def _write_atomically(path: Path, text: str) -> Path:
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
        made += [build_handout(nb, out_dir, today=today, cases=cases) for nb in notebooks]
    return made
