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

from workshop_kit.core.case_study import CaseStudy, load_case_study
from workshop_kit.core.countries import Countries
from workshop_kit.core.loading import (
    ContentError,
    Model,
    Problem,
    display_name,
    load,
    read_yaml,
    validate_document,
)
from workshop_kit.core.orders import OrdersChart
from workshop_kit.core.quiz import QuestionBank
from workshop_kit.core.timescales import TimescaleTable
from workshop_kit.core.viability import ViabilityFramework
from workshop_kit.core.workshop_plan import WorkshopPlan

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
    load: Callable[[Path], BaseModel] | None = None
    """Checks beyond the model (an id that must match the file name, countries that must exist);
    `workshop-kit validate` and the app both load through it."""


def load_named(path: Path, model: type[Model]) -> Model:
    """Load a file whose `id` must equal its file name, so links by id always find it."""
    doc = read_yaml(path)
    item = validate_document(doc, model)
    if item.id != path.stem:
        raise ContentError([Problem(display_name(path), "id",
                                    f"is '{item.id}' but must match the file name '{path.stem}' "
                                    "(rename one of them)", doc.line_of(("id",)))])
    return item


CONTENT_KINDS: list[ContentKind] = [
    ContentKind(
        "orders",
        OrdersChart,
        lambda: [CONTENT_DIR / "orders.yaml"],
        # quizzes/orders.yaml is a question bank about orders, not the chart
        lambda p: p.name == "orders.yaml" and p.parent.name not in {"quizzes", "workshops"},
    ),
    ContentKind("workshops", WorkshopPlan,
                lambda: sorted((CONTENT_DIR / "workshops").glob("*.yaml")),
                lambda p: p.parent.name == "workshops",
                lambda p: load_named(p, WorkshopPlan)),
    ContentKind("quizzes", QuestionBank,
                lambda: sorted((CONTENT_DIR / "quizzes").glob("*.yaml")),
                lambda p: p.parent.name == "quizzes",
                lambda p: load_named(p, QuestionBank)),
    ContentKind(
        "timescales",
        TimescaleTable,
        lambda: [CONTENT_DIR / "timescales.yaml"],
        lambda p: p.name == "timescales.yaml",
    ),
    ContentKind(
        "viability",
        ViabilityFramework,
        lambda: [CONTENT_DIR / "viability.yaml"],
        lambda p: p.name == "viability.yaml",
    ),
    ContentKind("countries", Countries, lambda: [CONTENT_DIR / "countries.yaml"],
                lambda p: p.name == "countries.yaml"),
    ContentKind("case_studies", CaseStudy, lambda: sorted(case_studies_dir().glob("*.yaml")),
                lambda p: p.parent.name == "case_studies",
                lambda p: load_case_study(p, countries())),
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


@cache
def workshop_plans() -> tuple[WorkshopPlan, ...]:
    """Every workshop plan, in file-name order (which is teaching order)."""
    return tuple(load_named(p, WorkshopPlan)
                 for p in sorted((CONTENT_DIR / "workshops").glob("*.yaml")))


def workshop_plan(plan_id: str) -> WorkshopPlan:
    for plan in workshop_plans():
        if plan.id == plan_id:
            return plan
    raise KeyError(f"no workshop '{plan_id}' in {CONTENT_DIR / 'workshops'}")


@cache
def question_bank(bank_id: str) -> QuestionBank:
    """One knowledge-check bank by its file name, e.g. 'orders'; only shipped files can be named."""
    files = {p.stem: p for p in sorted((CONTENT_DIR / "quizzes").glob("*.yaml"))}
    if bank_id not in files:
        raise KeyError(f"no question bank '{bank_id}' (known: {', '.join(files)})")
    return load_named(files[bank_id], QuestionBank)


@cache
def timescales(path: Path | None = None) -> TimescaleTable:
    return load(path or CONTENT_DIR / "timescales.yaml", TimescaleTable)


@cache
def viability_framework(path: Path | None = None) -> ViabilityFramework:
    return load(path or CONTENT_DIR / "viability.yaml", ViabilityFramework)


@cache
def countries(path: Path | None = None) -> Countries:
    return load(path or CONTENT_DIR / "countries.yaml", Countries)


@cache
def case_studies() -> tuple[CaseStudy, ...]:
    """Every case study in `case_studies_dir()`, sorted by id; each file's id must be its name and
    every country it names must be in countries.yaml."""
    cases, problems = readable_case_studies()
    if problems:
        raise ContentError(list(problems))
    return cases


@cache
def readable_case_studies() -> tuple[tuple[CaseStudy, ...], tuple[Problem, ...]]:
    """The case studies that load, sorted by id, and the problems of the files that do not: while
    a room is being taught, one broken file must not hide every other case."""
    cases, problems = [], []
    for path in case_studies_dir().glob("*.yaml"):
        try:
            cases.append(load_case_study(path, countries()))
        except ContentError as exc:
            problems.extend(exc.problems)
    return tuple(sorted(cases, key=lambda c: c.id)), tuple(problems)


def case_study(case_id: str) -> CaseStudy:
    for case in case_studies():
        if case.id == case_id:
            return case
    raise KeyError(f"no case study '{case_id}' in {case_studies_dir()}")
