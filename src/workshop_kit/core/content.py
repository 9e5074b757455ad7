"""Where content lives, which model validates each kind, and loading it once per process.

Package data (orders, countries, timescales, viability, quizzes) ships inside the package; case
studies live in the repository's `case_studies/` folder so trainers find them at the top level.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel

from workshop_kit.core.loading import load
from workshop_kit.core.orders import OrdersChart

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
REPO_ROOT = Path(__file__).resolve().parents[3]


def case_studies_dir() -> Path:
    """`$WORKSHOP_KIT_CASE_STUDIES`, else the repository's `case_studies/`, else `./case_studies`."""
    if env := os.environ.get("WORKSHOP_KIT_CASE_STUDIES"):
        return Path(env)
    in_repo = REPO_ROOT / "case_studies"
    return in_repo if in_repo.is_dir() else Path.cwd() / "case_studies"


@dataclass(frozen=True)
class ContentKind:
    """One kind of content file: its name, the model that validates it, and its shipped files."""

    name: str
    model: type[BaseModel]
    default_files: Callable[[], list[Path]]
    matches: Callable[[Path], bool]


CONTENT_KINDS: list[ContentKind] = [
    ContentKind(
        "orders",
        OrdersChart,
        lambda: [CONTENT_DIR / "orders.yaml"],
        lambda p: p.name == "orders.yaml",
    ),
    # Each new kind registers here: ContentKind(name, Model, default files, which paths it owns).
]


def kind_for(path: Path) -> ContentKind | None:
    for kind in CONTENT_KINDS:
        if kind.matches(path):
            return kind
    return None


@cache
def orders_chart(path: Path | None = None) -> OrdersChart:
    return load(path or CONTENT_DIR / "orders.yaml", OrdersChart)
