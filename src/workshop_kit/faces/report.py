"""Client documents: a parameterised notebook run with papermill, rendered by nbconvert as one
self-contained HTML file, and optionally printed to a tagged PDF by Chromium.

Two kinds: a *training pack* (chosen workshops and case studies) and a *case briefing* (one case
file worked up as a written options response). Everything is checked before a kernel starts, made
in a private temporary folder, and moved into place only when complete: a failure or Ctrl-C leaves
nothing behind, and an existing file is never replaced unless asked (`force`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from workshop_kit.core.content import case_studies, workshop_plans
from workshop_kit.core.loading import plain_message
from workshop_kit.core.text import Identifier, Line
from workshop_kit.faces.chromium import headless_chromium
from workshop_kit.faces.slides import NBCONVERT_TEMPLATES

NOTEBOOKS = Path(__file__).resolve().parent / "report_notebooks"
ROOM_ANSWERS_FILE = "room_answers.json"

CLI_OPTIONS = {"client": "--client", "course_date": "--date", "modules": "--module",
               "cases": "--case", "case_file": "CASE_FILE", "provider_file": "--provider",
               "room_answers": "--room-answers"}


class Kind(StrEnum):
    PACK = "pack"
    BRIEFING = "briefing"


KIND_WORDS = {Kind.PACK: "training pack", Kind.BRIEFING: "case briefing"}
"""What each kind is called; its title and file names follow from these words."""

KIND_NOTEBOOKS = {Kind.PACK: NOTEBOOKS / "client_report.ipynb",
                  Kind.BRIEFING: NOTEBOOKS / "case_briefing.ipynb"}
"""The parameterised notebook papermill runs for each kind."""


class RequestError(ValueError):
    """A request that cannot be made, said in words a trainer can act on."""


def parse_date(text: str | dt.date | None) -> dt.date:
    """A training date from the command line: YYYY-MM-DD, a real calendar day, not far-fetched.

    `--date 0` once made a report dated 1 January 1970: numbers are refused outright.
    """
    if text is None:
        return dt.date.today()
    if isinstance(text, dt.date):
        return text
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if not match:
        raise RequestError(f"'{text}' is not a date written as YYYY-MM-DD (for example 2026-12-01)")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise RequestError(f"'{text}': there is no month {month} (write the date as YYYY-MM-DD)")
    try:
        date = dt.date(year, month, day)
    except ValueError:
        month_name = dt.date(2000, month, 1).strftime("%B")
        raise RequestError(f"'{text}': {day} {month_name} {year} does not exist") from None
    if not 2000 <= year <= 2100:
        raise RequestError(f"'{text}': the year {year} looks like a typing mistake")
    return date


class ReportRequest(BaseModel):
    """What one document is made from. Checked before any kernel starts (papermill does not
    validate parameters itself, papermill#818). Parameters are stored in the executed notebook
    (papermill#416), so they never hold a case's details: a briefing's case file is copied into
    the private working folder and read there by the notebook."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    client: Line
    course_date: dt.date
    kind: Kind = Kind.PACK
    modules: tuple[Identifier, ...] = ()
    cases: tuple[Identifier, ...] = ()
    case_file: Path | None = None
    provider_file: Path | None = None
    room_answers: tuple[Path, ...] = ()
    """Room poll answers of the day (faces/room_answers.py): data folders, databases, CSVs."""

    @field_validator("course_date", mode="before")
    @classmethod
    def _date(cls, value: object) -> dt.date:
        if isinstance(value, int | float):
            raise RequestError(f"'{value}' is not a date written as YYYY-MM-DD (for example 2026-12-01)")
        return parse_date(value)  # type: ignore[arg-type]

    @field_validator("modules")
    @classmethod
    def _known_modules(cls, modules: tuple[str, ...]) -> tuple[str, ...]:
        known = [p.id for p in workshop_plans()]
        unknown = [m for m in modules if m not in known]
        if unknown:
            raise ValueError(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(known)}")
        return modules

    @field_validator("cases")
    @classmethod
    def _known_cases(cls, cases: tuple[str, ...]) -> tuple[str, ...]:
        known = [c.id for c in case_studies()]
        unknown = [c for c in cases if c not in known]
        if unknown:
            raise ValueError(f"unknown case study(ies) {', '.join(unknown)}; "
                             f"choose from {', '.join(known)}")
        return cases

    @field_validator("case_file", "provider_file")
    @classmethod
    def _readable_file(cls, path: Path | None) -> Path | None:
        if path is None:
            return None
        if not path.is_file():
            raise ValueError(f"'{path}' is not a file that exists")
        if path.suffix not in {".yaml", ".yml"}:
            raise ValueError(f"'{path}' is not a YAML file (.yaml)")
        return path.resolve()

    @field_validator("room_answers")
    @classmethod
    def _existing_answers(cls, paths: tuple[Path, ...]) -> tuple[Path, ...]:
        for path in paths:
            if not path.exists():
                raise ValueError(f"'{path}' does not exist (give the folder `workshop-kit serve "
                                 "--data-dir` used, its polls.sqlite3, or CSV exports of the polls)")
        return tuple(p.resolve() for p in paths)

    @model_validator(mode="after")
    def _fits_kind(self) -> ReportRequest:
        if self.kind is Kind.BRIEFING and self.room_answers:
            raise ValueError("what the room answered goes in a training pack (report), not a "
                             "case briefing")
        if self.kind is Kind.BRIEFING:
            if self.case_file is None:
                raise ValueError("a case briefing needs a case file (CASE_FILE)")
            if self.modules or self.cases:
                raise ValueError("a case briefing takes one case file, not --module or --case")
        elif self.case_file is not None:
            raise ValueError("a training pack takes --case ids, not a case file")
        if self.kind is Kind.PACK and not self.modules:
            object.__setattr__(self, "modules", tuple(p.id for p in workshop_plans()))
        return self

    @classmethod
    def from_cli(cls, *, client: str, course_date: str | None, modules: Sequence[str] = (),
                 cases: Sequence[str] = (), kind: str = "pack", case_file: Path | None = None,
                 provider_file: Path | None = None,
                 room_answers: Sequence[Path] = ()) -> ReportRequest:
        try:
            return cls(client=client, course_date=course_date, kind=kind, modules=tuple(modules),
                       cases=tuple(cases), case_file=case_file, provider_file=provider_file,
                       room_answers=tuple(room_answers))
        except ValidationError as exc:
            raise RequestError(plain_errors(exc)) from None

    def check_content(self) -> None:
        """Load what the notebook will load (case file, provider file), so a broken file is
        reported by name and field now, not as a kernel traceback later."""
        from workshop_kit.core.case_study import load_case_study
        from workshop_kit.core.content import countries, provider

        if self.case_file is not None:
            load_case_study(self.case_file, countries())
        if self.provider_file is not None:
            provider(self.provider_file)
        if self.room_answers:
            from workshop_kit.faces.room_answers import collect

            collect(self.room_answers, self.course_date)

    @property
    def file_stem(self) -> str:
        """Safe, readable, and unique per request: two requests that differ in anything get
        different names; the same request again gets the same name (refused unless `force`)."""
        slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in self.client.lower())
        slug = "-".join(part for part in slug.split("-") if part)[:50] or "client"
        digest = hashlib.sha256(self.model_dump_json().encode()).hexdigest()[:8]
        if self.case_file is not None:
            digest = hashlib.sha256(digest.encode() + self.case_file.read_bytes()).hexdigest()[:8]
        kind = KIND_WORDS[self.kind].replace(" ", "-")
        return f"{kind}-{slug}-{self.course_date.isoformat()}-{digest}"

    @property
    def title(self) -> str:
        return KIND_WORDS[self.kind].capitalize()

    def parameters(self) -> dict[str, object]:
        """Only what is not a case detail: the client, the date, ids and file names."""
        params: dict[str, object] = {"client": self.client,
                                     "course_date": self.course_date.isoformat(),
                                     "provider_file": "provider.yaml" if self.provider_file else ""}
        if self.kind is Kind.PACK:
            params |= {"modules": list(self.modules), "cases": list(self.cases)}
            if self.room_answers:  # the counts, in a file: no answer is ever a parameter
                params["room_answers_file"] = ROOM_ANSWERS_FILE
        else:
            params["case_file"] = f"case/{self.case_file.name}"  # type: ignore[union-attr]
        return params


def plain_errors(exc: ValidationError, names: dict[str, str] = CLI_OPTIONS) -> str:
    """Pydantic's errors, each led by the option (or batch field) a person typed."""
    messages = []
    for error in exc.errors(include_url=False):
        field = str(error["loc"][0]) if error["loc"] else ""
        option = names.get(field, field)
        message = plain_message(error, str(error["msg"]).removeprefix("Value error, "))
        messages.append(f"{option}: {message}" if option else message)
    return "; ".join(messages)


# --- where the files go -----------------------------------------------------------------------


def check_out_dir(out_dir: Path) -> bool:
    """Say now, in words, if `out_dir` cannot take the files; create it if missing.

    Returns whether it was created (so a failed run can remove it again)."""
    existing = out_dir
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise RequestError(f"--out: '{existing}' is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise RequestError(f"--out: cannot write into '{existing}' (no permission); choose "
                           "another folder")
    created = not out_dir.exists()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out_dir, prefix=".workshop-kit-probe-"):
            pass
    except OSError as exc:
        raise RequestError(f"--out: cannot write into '{out_dir}' ({exc.strerror})") from None
    return created


def targets(request: ReportRequest, out_dir: Path, *, pdf: bool) -> list[Path]:
    names = [f"{request.file_stem}.html"] + ([f"{request.file_stem}.pdf"] if pdf else [])
    return [out_dir / name for name in names]


def refuse_existing(paths: Sequence[Path]) -> None:
    existing = [p for p in paths if p.exists()]
    if existing:
        raise RequestError(f"{existing[0]} already exists (the same request was made before); "
                           "add --force to replace it, or choose another --out")


def publish(made: Sequence[Path], final: Sequence[Path], *, force: bool) -> list[Path]:
    """Move finished files into place atomically: each appears whole or not at all, and without
    `force` an existing file is never replaced, even by a run started at the same moment."""
    placed: list[Path] = []
    try:
        for source, target in zip(made, final, strict=True):
            staged = target.with_name(f".{target.name}.partial-{os.getpid()}")
            shutil.copyfile(source, staged)
            try:
                if force:
                    os.replace(staged, target)
                else:
                    os.link(staged, target)  # fails if target exists: no silent overwrite
            except FileExistsError:
                raise RequestError(f"{target} already exists (made by another run just now); "
                                   "add --force to replace it") from None
            finally:
                staged.unlink(missing_ok=True)
            placed.append(target)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    return placed


# --- making one document ----------------------------------------------------------------------


def css_string(value: object) -> str:
    """A value inside a CSS string in the template's <style> (the running header)."""
    out = []
    for char in str(value):
        if char in '"\\<>' or ord(char) < 32:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return "".join(out)


def render_html(executed_notebook: Path, request: ReportRequest) -> str:
    import nbformat
    from nbconvert import HTMLExporter

    from workshop_kit.core.content import provider

    exporter = HTMLExporter(
        extra_template_basedirs=[str(NBCONVERT_TEMPLATES)],
        template_name="workshop_document",
        exclude_input=True,
        filters={"css_string": css_string},
    )
    nb = nbformat.read(executed_notebook, as_version=4)
    nb.metadata.pop("widgets", None)
    nb.metadata.pop("papermill", None)  # the parameters stay out of the document
    nb.metadata["workshop_kit"] = {
        "title": f"{request.title} — {request.client}",
        "kind": request.title,
        "running_head": f"{request.client} · {request.course_date:%-d %B %Y}",
        "provider": provider(request.provider_file).name,
    }
    body, _ = exporter.from_notebook_node(nb)
    return body


def print_pdf(html_path: Path, pdf_path: Path) -> int:
    """Print with Debian's Chromium, twice: the first printing finds the page each part starts
    on, the second puts those numbers into the contents. Tagged (accessible) PDF with an outline.
    Returns the number of pages."""
    from workshop_kit.faces.document import fill_page_numbers

    with headless_chromium("A PDF", "--pdf") as browser:
        page = browser.new_page()

        def print_once() -> None:
            page.goto(html_path.resolve().as_uri())
            page.pdf(path=str(pdf_path), prefer_css_page_size=True, print_background=True,
                     tagged=True, outline=True)

        print_once()
        html = fill_page_numbers(html_path.read_text(encoding="utf-8"), part_pages(pdf_path))
        html_path.write_text(html, encoding="utf-8")
        print_once()
    return count_pages(pdf_path)


def part_pages(pdf_path: Path) -> dict[str, int]:
    """Each part's first page (1-based), from the named destinations Chromium writes for the
    contents' links."""
    from pypdf import PdfReader

    reader = PdfReader(pdf_path)
    pages: dict[str, int] = {}
    for name, dest in reader.named_destinations.items():
        number = reader.get_destination_page_number(dest)
        if number is not None:  # a destination on no page: its contents entry keeps no number
            pages[name.lstrip("/")] = number + 1
    return pages


def count_pages(pdf_path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf_path).pages)


def make_report(request: ReportRequest, out_dir: Path, *, pdf: bool = False,
                force: bool = False) -> list[Path]:
    """Make one document; write the HTML (and PDF) into out_dir. See the module docstring."""
    return make_document(request, out_dir, pdf=pdf, force=force)[0]


def make_document(request: ReportRequest, out_dir: Path, *, pdf: bool = False,
                  force: bool = False) -> tuple[list[Path], int | None]:
    """As `make_report`, also returning the PDF's page count (None without a PDF)."""
    import papermill

    request.check_content()
    created = check_out_dir(out_dir)
    final = targets(request, out_dir, pdf=pdf)
    if not force:
        refuse_existing(final)
    try:
        with tempfile.TemporaryDirectory(prefix="workshop-kit-report-") as tmp:
            work = Path(tmp)
            if request.case_file is not None:
                (work / "case").mkdir()
                shutil.copyfile(request.case_file, work / "case" / request.case_file.name)
            if request.provider_file is not None:
                shutil.copyfile(request.provider_file, work / "provider.yaml")
            if request.room_answers:
                from workshop_kit.faces.room_answers import write_for_report

                write_for_report(request.room_answers, request.course_date,
                                 work / ROOM_ANSWERS_FILE)
            notebook = KIND_NOTEBOOKS[request.kind]
            executed = work / "executed.ipynb"
            papermill.execute_notebook(
                str(notebook), str(executed), parameters=request.parameters(),
                kernel_name="python3", progress_bar=False, cwd=str(work),
                kernel_manager_class="workshop_kit.faces.kernels.LocalKernelManager",
            )
            made = [work / final[0].name]
            made[0].write_text(render_html(executed, request), encoding="utf-8")
            pages = None
            if pdf:
                made.append(work / final[1].name)
                pages = print_pdf(made[0], made[1])
            return publish(made, final, force=force), pages
    except BaseException:
        if created and out_dir.is_dir() and not any(out_dir.iterdir()):
            out_dir.rmdir()
        raise
