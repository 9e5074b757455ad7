"""Many client documents from one YAML file: every entry checked before any kernel starts, then
made on worker processes, each on its own (one failure does not stop the rest and leaves no
file), with a summary at the end.

papermill runs one kernel per process and races on ports and working folders when shared
(papermill#239, #473): each document gets its own process and its own temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from workshop_kit.core.loading import ContentError, Problem, display_name, read_yaml
from workshop_kit.faces.report import (
    KIND_WORDS,
    ReportRequest,
    RequestError,
    plain_errors,
    targets,
)

ENTRY_NAMES = {"client": "client", "course_date": "date", "modules": "modules", "cases": "cases",
               "case_file": "case_file", "provider_file": "provider", "kind": "kind",
               "room_answers": "room_answers"}
ENTRY_FIELDS = {"client", "date", "kind", "modules", "cases", "case_file", "provider",
                "room_answers"}


@dataclass(frozen=True)
class Job:
    """One entry: a checked request, or why it cannot be made (it is then not run)."""

    number: int
    client: str
    request: ReportRequest | None = None
    rejected: str | None = None


@dataclass(frozen=True)
class Outcome:
    job: Job
    files: tuple[Path, ...] = ()
    pages: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def read_batch(path: Path) -> list[Job]:
    """Every entry as a checked request or with the reason it is rejected (naming the entry and
    field); a file that is not a list of entries at all is a ContentError.

    Entries: client, date (YYYY-MM-DD), kind (pack or briefing), modules and cases (lists of
    ids) for a pack, case_file (relative to the batch file) for a briefing, provider (optional),
    room_answers (optional, a pack: one path or a list, relative to the batch file)."""
    doc = read_yaml(path)
    name = display_name(path)
    data = doc.data.get("reports") if isinstance(doc.data, dict) else doc.data
    if not isinstance(data, list) or not data:
        raise ContentError([Problem(name, "reports", "must be a list of entries, each with at "
                                    "least a client")])
    jobs: list[Job] = []
    base = path.resolve().parent
    prefix = ("reports",) if isinstance(doc.data, dict) else ()
    for index, entry in enumerate(data):
        line = doc.line_of((*prefix, index))
        client = str(entry.get("client", "")) if isinstance(entry, dict) else ""

        def reject(message: str, index: int = index, client: str = client,
                   line: int | None = line) -> None:
            where = f"{name}, entry {index + 1}" + (f" (line {line})" if line else "")
            jobs.append(Job(index + 1, client or "—", rejected=f"{where}: {message}"))

        if not isinstance(entry, dict):
            reject("must be a mapping with client, date, ...")
            continue
        unknown = sorted(set(entry) - ENTRY_FIELDS)
        if unknown:
            reject(f"'{unknown[0]}' is not a field of an entry; use {', '.join(sorted(ENTRY_FIELDS))}")
            continue
        date = entry.get("date")
        try:
            request = ReportRequest(
                client=entry.get("client", ""),
                course_date=date.isoformat() if isinstance(date, dt.date) else date,
                kind=entry.get("kind", "pack"),
                modules=tuple(entry.get("modules") or ()),
                cases=tuple(entry.get("cases") or ()),
                case_file=(base / entry["case_file"]) if entry.get("case_file") else None,
                provider_file=(base / entry["provider"]) if entry.get("provider") else None,
                room_answers=tuple(base / str(p) for p in _paths(entry.get("room_answers"))),
            )
            request.check_content()
        except ContentError as exc:
            reject("; ".join(str(p) for p in exc.problems))
            continue
        except ValidationError as exc:
            reject(plain_errors(exc, ENTRY_NAMES))
            continue
        except ValueError as exc:
            reject(str(exc))
            continue
        stems = {j.request.file_stem: j.number for j in jobs if j.request}
        if request.file_stem in stems:
            reject(f"asks for the same document as entry {stems[request.file_stem]}")
            continue
        jobs.append(Job(index + 1, request.client, request))
    return jobs


def _paths(value: object) -> list[object]:
    """One path or a list of them; a path is a string, never a mapping or a number."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) and item for item in items):
        raise ValueError("room_answers: give a path (or a list of paths) to the serve data "
                         "folder, its polls.sqlite3 or CSV exports of the polls")
    return list(items)


def check_targets(jobs: list[Job], out_dir: Path, *, pdf: bool, force: bool) -> None:
    if force:
        return
    existing = [p for job in jobs if job.request
                for p in targets(job.request, out_dir, pdf=pdf) if p.exists()]
    if existing:
        raise RequestError(f"{len(existing)} file(s) already exist in {out_dir}, e.g. "
                           f"{existing[0].name}; add --force to replace them")


def _run(job: Job, out_dir: Path, pdf: bool, force: bool) -> Outcome:
    """In a worker process: one document, every failure turned into a reason."""
    from workshop_kit.faces.report import make_document

    if job.request is None:
        return Outcome(job, error=job.rejected)
    try:
        files, pages = make_document(job.request, out_dir, pdf=pdf, force=force)
        return Outcome(job, tuple(files), pages)
    except ContentError as exc:
        return Outcome(job, error="; ".join(str(p) for p in exc.problems))
    except Exception as exc:
        return Outcome(job, error=_reason(exc))


def _reason(exc: Exception) -> str:
    name = type(exc).__name__
    if name == "PapermillExecutionError":
        lines = [f"{getattr(exc, 'ename', 'Error')}: {getattr(exc, 'evalue', '')}"]
        return "the report notebook failed: " + lines[0][:300]
    return f"{exc}"[:300] or name


def run_batch(jobs: list[Job], out_dir: Path, *, pdf: bool, force: bool, workers: int | None = None,
              on_done: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Make every job on `workers` processes (default: the machine's cores); outcomes in entry
    order. Ctrl-C cancels what has not started and lets the workers clean up after themselves."""
    outcomes: dict[int, Outcome] = {j.number: Outcome(j, error=j.rejected) for j in jobs if j.rejected}
    runnable = [j for j in jobs if j.request is not None]
    if not runnable:
        return [outcomes[job.number] for job in jobs]
    workers = max(1, min(workers or os.cpu_count() or 1, len(runnable)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: dict[Future[Outcome], Job] = {
            pool.submit(_run, job, out_dir, pdf, force): job for job in runnable}
        try:
            for outcome in _as_done(pending):
                outcomes[outcome.job.number] = outcome
                if on_done:
                    on_done(outcome)
        except BaseException:
            for future in pending:
                future.cancel()
            raise
    return [outcomes[job.number] for job in jobs]


def _as_done(pending: dict[Future[Outcome], Job]) -> Iterator[Outcome]:
    waiting = set(pending)
    while waiting:
        done, waiting = wait(waiting, return_when=FIRST_COMPLETED)
        for future in done:
            try:
                yield future.result()
            except Exception as exc:  # a worker that died (killed, out of memory)
                yield Outcome(pending[future], error=f"the worker stopped: {_reason(exc)}")


def summary_rows(outcomes: list[Outcome]) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for o in outcomes:
        request = o.job.request
        kind = KIND_WORDS[request.kind] if request else "—"
        shown = next((f for f in o.files if f.suffix == ".pdf"), o.files[0] if o.files else None)
        rows.append((o.job.client, kind, shown.name if shown else "—",
                     str(o.pages) if o.pages is not None else "—",
                     "ok" if o.ok else f"FAILED: {o.error}"))
    return rows
