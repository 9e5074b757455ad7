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
from workshop_kit.core.event import Event, load_event, looks_like_a_provider, looks_like_an_event
from workshop_kit.core.findings import FindingsBook
from workshop_kit.core.ids import UnknownId, find_by_id
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
from workshop_kit.core.polls import PollSet
from workshop_kit.core.provider import Provider
from workshop_kit.core.quiz import QuestionBank
from workshop_kit.core.timescales import TimescaleTable
from workshop_kit.core.viability import ViabilityFramework
from workshop_kit.core.workshop_plan import WorkshopPlan
from workshop_kit.core.workshop_unit import check_workshop_unit

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
REPO_ROOT = Path(__file__).resolve().parents[3]


def case_studies_dir() -> Path:
    """`$WORKSHOP_KIT_CASE_STUDIES`, else the repository's `case_studies/`, else the copy shipped in
    the wheel, else `./case_studies`."""
    if env := os.environ.get("WORKSHOP_KIT_CASE_STUDIES"):
        return Path(env)
    in_repo = REPO_ROOT / "case_studies"
    if in_repo.is_dir():
        return in_repo
    shipped = CONTENT_DIR / "case_studies"  # the copy a wheel carries (see setup.py)
    return shipped if shipped.is_dir() else Path.cwd() / "case_studies"


def content_fingerprint() -> tuple[tuple[str, int, int], ...]:
    """Every content file with its modification time and size: changes when a trainer edits,
    adds or removes one."""
    files = [*CONTENT_DIR.rglob("*.yaml"), *case_studies_dir().glob("*.yaml")]
    stamps = []
    for path in sorted(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def forget_loaded_content() -> None:
    """Drop every file read so far, so the next read sees the files as they are now (a
    preheated kernel read them before its visitor came)."""
    for value in list(globals().values()):
        if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == __name__:
            value.cache_clear()


def events_dir() -> Path:
    """The repository's `events/` (the shipped example days), else `./events`."""
    in_repo = REPO_ROOT / "events"
    return in_repo if in_repo.is_dir() else Path.cwd() / "events"


def notebooks_dir() -> Path:
    """`$WORKSHOP_KIT_NOTEBOOKS`, else the repository's `notebooks/`, else `./notebooks`."""
    if env := os.environ.get("WORKSHOP_KIT_NOTEBOOKS"):
        return Path(env)
    in_repo = REPO_ROOT / "notebooks"
    return in_repo if in_repo.is_dir() else Path.cwd() / "notebooks"


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
    item_id = getattr(item, "id", None)  # every named model has an `id` field
    if item_id != path.stem:
        raise ContentError([Problem(display_name(path), "id",
                                    f"is '{item_id}' but must match the file name '{path.stem}' "
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
                lambda p: load_workshop_checked_against_notebook(p)),
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
    ContentKind("findings", FindingsBook, lambda: [CONTENT_DIR / "findings.yaml"],
                lambda p: p.name == "findings.yaml"),
    ContentKind("case_studies", CaseStudy, lambda: sorted(case_studies_dir().glob("*.yaml")),
                lambda p: p.parent.name == "case_studies" or looks_like_a_case(p),
                lambda p: load_case_checked_against_engine(p)),
    ContentKind("provider", Provider, lambda: [CONTENT_DIR / "provider.yaml"],
                lambda p: p.name == "provider.yaml" or looks_like_a_provider(p)),
    ContentKind("polls", PollSet,  # room polls, one file per workshop
                lambda: sorted((CONTENT_DIR / "polls").glob("*.yaml")),
                lambda p: p.parent.name == "polls",
                lambda p: load_named(p, PollSet)),
    ContentKind("events", Event,  # a Network Day: client, date, workshops, cases (core/event.py)
                lambda: sorted(p for p in events_dir().glob("*.yaml")
                               if not looks_like_a_provider(p)),  # an event's own provider file
                lambda p: looks_like_an_event(p)
                or (p.parent.name == "events" and not looks_like_a_provider(p)),
                lambda p: load_event(p)),
    # Each new kind registers here: ContentKind(name, Model, default files, which paths it owns).
]


def load_workshop_checked_against_notebook(path: Path) -> WorkshopPlan:
    """Load a plan, then check it with its notebook as one unit (`core.workshop_unit`): the
    notebook exists, opens this plan, shows every section, and names no section the plan lacks.
    Where there is no notebooks folder at all (the package installed on its own), the plan is
    checked alone."""
    plan = load_named(path, WorkshopPlan)
    folder = notebooks_dir()
    if folder.is_dir() and (problems := check_workshop_unit(plan, read_yaml(path), folder)):
        raise ContentError(problems)
    return plan


def looks_like_a_case(path: Path) -> bool:
    """A trainer's own draft case kept anywhere: a YAML file whose top level says `fictional:`
    and `expected_routes:` (read cheaply; the full check comes later)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    keys = {line.split(":", 1)[0] for line in head.splitlines() if line[:1].isalpha()}
    return {"fictional", "expected_routes"} <= keys


def load_case_checked_against_engine(path: Path) -> CaseStudy:
    """Load a case, then check that the verdicts its author recorded are the engine's: a case that
    teaches a verdict the route finder does not give is an error naming the route and both."""
    from workshop_kit.core.routes import find_routes  # routes imports content lazily too

    case = load_case_study(path, countries())
    doc = read_yaml(path)
    problems = []
    for assessment in find_routes(case, countries()):
        expected = case.expected_routes[assessment.route]
        if expected is not assessment.verdict:
            because = f" ({_why(assessment)})"
            problems.append(Problem(
                display_name(path), f"expected_routes.{assessment.route.value}",
                f"case '{case.id}' records {expected.value} for {assessment.route.value}, but the "
                f"route finder gives {assessment.verdict.value}{because}; correct the case, or the "
                "finding in findings.yaml if the law is wrong",
                doc.line_of(("expected_routes", assessment.route.value))))
    if problems:
        raise ContentError(problems)
    return case


def _why(assessment) -> str:
    from workshop_kit.core.findings import Effect

    decisive = {"not_available": Effect.CLOSES, "conditional": Effect.CONDITION}.get(
        assessment.verdict.value)
    reason = next((f.reason for f in assessment.findings if f.effect is decisive), None)
    return f"because: {reason.text}" if reason else "no condition or bar applies"


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
    return find_by_id(workshop_plans(), plan_id, "workshop", f"in {CONTENT_DIR / 'workshops'}")


@cache
def question_bank(bank_id: str) -> QuestionBank:
    """One knowledge-check bank by its file name, e.g. 'orders'; only shipped files can be named."""
    files = {p.stem: p for p in sorted((CONTENT_DIR / "quizzes").glob("*.yaml"))}
    if bank_id not in files:
        raise UnknownId("question bank", bank_id, files)
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
def findings_book(path: Path | None = None) -> FindingsBook:
    return load(path or CONTENT_DIR / "findings.yaml", FindingsBook)


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


@cache
def provider(path: Path | None = None) -> Provider:
    """The training provider for a report's cover and ending: `path`, else the shipped file."""
    return load(path or CONTENT_DIR / "provider.yaml", Provider)


def case_study(case_id: str) -> CaseStudy:
    return find_by_id(case_studies(), case_id, "case study", f"in {case_studies_dir()}")


def poll_sets() -> tuple[PollSet, ...]:
    """Every workshop's room polls (content/polls/*.yaml)."""
    return tuple(load_named(p, PollSet) for p in sorted((CONTENT_DIR / "polls").glob("*.yaml")))
