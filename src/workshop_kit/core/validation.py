"""`workshop-kit validate`: check content files and tell a trainer, in plain lines, what to fix.

Errors (the file cannot be used) make the exit status 1; warnings (a fact not reviewed for a year,
a to-be-confirmed fact with no caveat saying what is to be confirmed) are printed but do not fail,
so an overdue review never blocks a workshop. Whatever is in a file, the result is lines of text
and an exit code, never a traceback.

Works for every kind in `CONTENT_KINDS` without knowing any of them: a file is read with the
kind's `load(path)` if it has one (for checks across files, such as an id that must match the file
name), else with the kind's model; facts are collected through the model's `all_facts()` method;
and the summary line uses its `summary()` method (a mapping of counts, e.g. ``{"orders": 6}``, or a
short string) or else the length of its first required list field.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from workshop_kit.core import content
from workshop_kit.core.content import ContentKind
from workshop_kit.core.facts import SourcedFact
from workshop_kit.core.loading import ContentError, Problem, display_name, load

CONTENT_SUFFIXES = (".yaml", ".yml")
Echo = Callable[[str], None]


@dataclass
class KindReport:
    """What was found in the files of one content kind."""

    name: str
    files: int = 0
    errors: int = 0
    warnings: int = 0
    facts: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        parts = [_plural(self.files, "file")]
        parts += [_plural(n, _singular(label)) for label, n in self.counts.items()]
        parts += self.notes
        parts.append(_plural(self.facts, "fact"))
        verdict = f"{_plural(self.errors, 'error')}" if self.errors else "ok"
        if self.warnings:
            verdict += f" ({_plural(self.warnings, 'warning')})"
        return f"{self.name}: {', '.join(parts)} — {verdict}"


def run_validation(paths: list[Path], echo: Echo, today: dt.date | None = None) -> int:
    """Validate the files or folders given (or every shipped content file); return the exit code."""
    today = today or dt.date.today()
    # Checking everything: every kind gets a line, even one with no files yet.
    reports = {} if paths else {k.name: KindReport(k.name) for k in content.CONTENT_KINDS}
    unknown = KindReport("paths not checked")
    targets, problems = _targets(paths)
    for problem in problems:
        _error(echo, problem)
        unknown.errors += 1
    for path, kind in targets:
        if kind is None:
            unknown.files += 1
            unknown.errors += 1
            _error(echo, Problem(display_name(path), "", _unknown_kind_message()))
            continue
        report = reports.setdefault(kind.name, KindReport(kind.name))
        report.files += 1
        _validate_file(path, kind, report, echo, today)
    order = [k.name for k in content.CONTENT_KINDS]
    for report in sorted(reports.values(), key=lambda r: order.index(r.name)):
        echo(report.line())
    if unknown.errors:
        echo(f"{unknown.name}: {_plural(unknown.errors, 'error')}")
    files = sum(r.files for r in reports.values()) + unknown.files
    errors = sum(r.errors for r in reports.values()) + unknown.errors
    warnings = sum(r.warnings for r in reports.values())
    verdict = "FAILED" if errors else "OK"
    echo(f"{verdict}: {_plural(files, 'file')} checked, {_plural(errors, 'error')}, "
         f"{_plural(warnings, 'warning')}.")
    return 1 if errors else 0


def _targets(paths: list[Path]) -> tuple[list[tuple[Path, ContentKind | None]], list[Problem]]:
    """The files to check, each with its kind (None if no kind claims it), and path problems."""
    problems: list[Problem] = []
    files: list[Path] = []
    if not paths:
        targets: list[tuple[Path, ContentKind | None]] = []
        for kind in content.CONTENT_KINDS:
            try:
                targets += [(p, kind) for p in kind.default_files()]
            except Exception as exc:  # a broken registry entry must not hide the other kinds
                problems.append(Problem(kind.name, "", f"cannot list its files ({exc})"))
        return targets, problems
    for path in paths:
        try:
            if path.is_dir():
                found = sorted(p for p in path.rglob("*")
                               if p.suffix.lower() in CONTENT_SUFFIXES and p.is_file())
                if not found:
                    problems.append(Problem(display_name(path), "",
                                            "is a folder with no .yaml or .yml files in it"))
                files += found
            elif path.is_file():
                files.append(path)
            else:
                problems.append(Problem(display_name(path), "", "does not exist"))
        except OSError as exc:
            problems.append(Problem(display_name(path), "", f"cannot be read: {exc.strerror}"))
    unique = list(dict.fromkeys(p.resolve() for p in files))  # a file named twice is checked once
    return [(p, _kind_of(p)) for p in unique], problems


def _kind_of(path: Path) -> ContentKind | None:
    try:
        return content.kind_for(path)
    except Exception:  # a kind's matcher failing on an odd path is the same as no match
        return None


def _unknown_kind_message() -> str:
    examples = []
    for kind in content.CONTENT_KINDS:
        try:
            sample = next(iter(kind.default_files()), None)
        except Exception:
            sample = None
        where = f"{sample.parent.name}/{sample.name}" if sample else "see docs/content.md"
        examples.append(f"{kind.name} (like {where})")
    return ("is not a kind of content file workshop-kit knows, from its name and folder; "
            "it could be one of: " + "; ".join(examples))


def _validate_file(path: Path, kind: ContentKind, report: KindReport, echo: Echo,
                   today: dt.date) -> None:
    """Load one file; print its errors and warnings; add what it holds to the kind's report."""
    name = display_name(path)
    try:
        model = _load(path, kind)
    except ContentError as exc:
        for problem in exc.problems:
            _error(echo, problem)
        report.errors += max(1, len(exc.problems))
        return
    except RecursionError:
        _error(echo, Problem(name, "", "is nested too deeply"))
        report.errors += 1
        return
    except Exception as exc:  # never a traceback: whatever went wrong, name the file
        _error(echo, Problem(name, "", f"could not be checked ({type(exc).__name__}: {exc})"))
        report.errors += 1
        return
    try:
        facts = _facts_of(model)
        _add_counts(report, model)
    except Exception as exc:
        _error(echo, Problem(name, "", f"could not be summarised ({type(exc).__name__}: {exc})"))
        report.errors += 1
        return
    report.facts += len(facts)
    for location, fact in facts:
        for message in fact_warnings(fact, today):
            echo(_clean(f"WARNING {name} [{location}]: {message}"))
            report.warnings += 1


def _load(path: Path, kind: ContentKind) -> BaseModel:
    custom = getattr(kind, "load", None)
    model = custom(path) if callable(custom) else load(path, kind.model)
    if not isinstance(model, BaseModel):
        raise TypeError(f"the '{kind.name}' loader returned {type(model).__name__}, not a model")
    return model


def fact_warnings(fact: SourcedFact, today: dt.date) -> list[str]:
    """What a reviewer should look at in one fact; none of it stops the file being used."""
    warnings = []
    if fact.is_stale(today):
        warnings.append(f"last reviewed {fact.last_reviewed.isoformat()}, more than 12 months "
                        "ago; check it is still right, then update last_reviewed")
    if fact.to_be_confirmed and not fact.caveat:
        warnings.append("is shown as 'to be confirmed' but has no caveat; add one saying what "
                        "is to be confirmed")
    return warnings


def _facts_of(model: BaseModel) -> list[tuple[str, SourcedFact]]:
    all_facts = getattr(model, "all_facts", None)
    if not callable(all_facts):
        return []
    return [(str(loc), fact) for loc, fact in all_facts() if isinstance(fact, SourcedFact)]


def _add_counts(report: KindReport, model: BaseModel) -> None:
    """Add this file's counts: its `summary()` if it has one, else the length of its first
    required list field (an optional list, such as a case's siblings, says little about a file)."""
    summary = getattr(model, "summary", None)
    if callable(summary):
        result = summary()
        if isinstance(result, Mapping):
            for label, n in result.items():
                report.counts[str(label)] = report.counts.get(str(label), 0) + int(n)
            return
        if isinstance(result, str):
            report.notes.append(result)
            return
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if info.is_required() and isinstance(value, list | tuple):
            report.counts[name] = report.counts.get(name, 0) + len(value)
            return


def _error(echo: Echo, problem: Problem) -> None:
    echo(_clean(f"ERROR {problem}"))


def _clean(line: str) -> str:
    """Make a line safe for a terminal: a hostile file's key or name could carry control or
    bidirectional characters that would hide or reorder what the trainer reads."""
    out = []
    for char in line:
        if char == "\n":
            out.append(" ")
        elif unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"}:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"{n} {word}"
    return f"{n} {word[:-1]}ies" if word.endswith("y") else f"{n} {word}s"


def _singular(label: str) -> str:
    """'orders' -> 'order', 'case_studies' -> 'case_study': summary labels are plural nouns."""
    label = label.replace("_", " ")
    if label.endswith("ies"):
        return label[:-3] + "y"
    return label[:-1] if label.endswith("s") else label
