"""Slide decks: each workshop notebook, executed and exported as reveal.js that works offline."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from workshop_kit.core.content import REPO_ROOT
from workshop_kit.faces.kernels import LocalKernelManager
from workshop_kit.faces.webapp import LANDING_PAGE, TEMPLATES_DIR, notebooks_dir

NBCONVERT_TEMPLATES = TEMPLATES_DIR / "jupyter_data" / "nbconvert" / "templates"
DECK_FOOTER = "Training material, not legal advice. Case studies are fictional."
REVEAL_FOLDER = "reveal.js"
REVEAL_FILES = ("dist/reveal.js", "dist/reveal.css", "dist/theme/white.css",
                "dist/theme/fonts/source-sans-pro", "plugin/notes/notes.js", "LICENSE")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
STATIC_PRIORITY = ["text/html", "image/svg+xml", "image/png", "image/jpeg", "text/markdown",
                   "text/plain"]
"""Widgets cannot run in a static deck; they fall back to the HTML snapshot they provide."""


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


def drop_live_only_outputs(nb, resources):
    """Keep only what a deck can show without a widget manager: static HTML snapshots.

    Outputs with nothing but a live widget view are dropped; the saved widget state (which holds
    trainer-only text too) is removed.
    """
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                if "text/html" not in data:
                    continue
                del data[WIDGET_VIEW]
            kept.append(output)
        cell.outputs = kept
    return nb, resources


def build_deck(notebook: Path, out_dir: Path) -> Path:
    """Execute one notebook in a fresh kernel and write `<name>.slides.html` into out_dir."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import SlidesExporter

    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", kernel_manager_class=LocalKernelManager,
                   resources={"metadata": {"path": str(notebook.parent)}}).execute()
    exporter = SlidesExporter(
        extra_template_basedirs=[str(NBCONVERT_TEMPLATES)],
        template_name="workshop_slides",
        reveal_url_prefix=REVEAL_FOLDER,
        reveal_theme="white",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.display_data_priority = STATIC_PRIORITY
    exporter.register_preprocessor(drop_live_only_outputs, enabled=True)
    body, _ = exporter.from_notebook_node(
        nb, resources={"metadata": {"name": notebook.stem}, "workshop_footer": DECK_FOOTER}
    )
    return _write_atomically(out_dir / f"{notebook.stem}.slides.html", body)


def _write_atomically(path: Path, text: str) -> Path:
    """Write to a temporary file and rename, so a failed build never leaves half a deck."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                     suffix=".tmp") as handle:
        handle.write(text)
    os.chmod(handle.name, 0o644)  # readable when copied to a shared drive, like any other file
    os.replace(handle.name, path)
    return path


def build_decks(notebooks: list[Path] | None, out_dir: Path) -> list[Path]:
    reveal_source()  # fail before spending a minute executing notebooks
    notebooks = notebooks or default_notebooks()
    decks = [build_deck(nb, out_dir) for nb in notebooks]
    _copy_reveal(out_dir)
    return decks
