"""Client reports: a parameterised notebook run with papermill, rendered by nbconvert as one
self-contained HTML file (and optionally a PDF printed from it by Chromium)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from workshop_kit.core.content import case_studies, workshop_plans
from workshop_kit.core.text import Identifier, Line
from workshop_kit.faces.slides import NBCONVERT_TEMPLATES

REPORT_NOTEBOOK = Path(__file__).resolve().parent / "report_notebooks" / "client_report.ipynb"
CHROMIUM = Path("/usr/bin/chromium")


CLI_OPTIONS = {"client": "--client", "course_date": "--date", "modules": "--module",
               "cases": "--case"}


class ReportRequest(BaseModel):
    """What a client's report is made from. Checked before any kernel starts (papermill does not
    validate parameters itself, papermill#818). Parameters are stored in the executed notebook
    (papermill#416), so they must never hold a child's or family's details."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    client: Line
    course_date: dt.date
    modules: tuple[Identifier, ...] = ()
    cases: tuple[Identifier, ...] = ()

    @field_validator("modules")
    @classmethod
    def _known_modules(cls, modules: tuple[str, ...]) -> tuple[str, ...]:
        known = [p.id for p in workshop_plans()]
        unknown = [m for m in modules if m not in known]
        if unknown:
            raise ValueError(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(known)}")
        return modules or tuple(known)

    @field_validator("cases")
    @classmethod
    def _known_cases(cls, cases: tuple[str, ...]) -> tuple[str, ...]:
        known = [c.id for c in case_studies()]
        unknown = [c for c in cases if c not in known]
        if unknown:
            raise ValueError(f"unknown case study(ies) {', '.join(unknown)}; "
                             f"choose from {', '.join(known)}")
        return cases

    @classmethod
    def from_cli(cls, *, client: str, course_date: str | None, modules: Sequence[str] = (),
                 cases: Sequence[str] = ()) -> ReportRequest:
        try:
            return cls(client=client, course_date=course_date or dt.date.today(),
                       modules=tuple(modules), cases=tuple(cases))
        except ValidationError as exc:
            messages = []
            for error in exc.errors(include_url=False):
                option = CLI_OPTIONS.get(str(error["loc"][0]), str(error["loc"][0]))
                messages.append(f"{option}: {error['msg'].removeprefix('Value error, ')}")
            raise ValueError("; ".join(messages)) from None

    @property
    def file_stem(self) -> str:
        slug = "".join(c if c.isalnum() else "-" for c in self.client.lower()).strip("-")
        slug = "-".join(part for part in slug.split("-") if part)[:60] or "client"
        return f"network-days-report-{slug}-{self.course_date.isoformat()}"

    def parameters(self) -> dict[str, object]:
        return {"client": self.client, "course_date": self.course_date.isoformat(),
                "modules": list(self.modules), "cases": list(self.cases)}


def render_html(executed_notebook: Path) -> str:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_template_basedirs=[str(NBCONVERT_TEMPLATES)],
        template_name="workshop_report",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    nb = nbformat.read(executed_notebook, as_version=4)
    nb.metadata.pop("widgets", None)  # live widget state: nothing in a static report can use it
    body, _ = exporter.from_notebook_node(nb)
    return body


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    """Print the HTML with Debian's Chromium (nbconvert's webpdf cannot be pointed at it)."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise FileNotFoundError("PDF needs Chromium: install it with `apt-get install chromium`, "
                                "or leave out --pdf")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_page()
            page.goto(html_path.resolve().as_uri())
            page.pdf(path=str(pdf_path), format="A4", print_background=True,
                     margin={"top": "18mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
        finally:
            browser.close()


def make_report(request: ReportRequest, out_dir: Path, *, pdf: bool = False) -> list[Path]:
    """Run the report notebook for one client; write the HTML (and PDF) into out_dir.

    Everything is made in a temporary folder first, so a failure leaves out_dir untouched.
    """
    import papermill

    with tempfile.TemporaryDirectory(prefix="workshop-kit-report-") as tmp:
        work = Path(tmp)
        executed = work / "report.ipynb"
        papermill.execute_notebook(
            str(REPORT_NOTEBOOK), str(executed), parameters=request.parameters(),
            kernel_name="python3", progress_bar=False, cwd=str(work),
            kernel_manager_class="workshop_kit.faces.kernels.LocalKernelManager",
        )
        made = [work / f"{request.file_stem}.html"]
        made[0].write_text(render_html(executed), encoding="utf-8")
        if pdf:
            made.append(work / f"{request.file_stem}.pdf")
            print_pdf(made[0], made[1])
        out_dir.mkdir(parents=True, exist_ok=True)
        return [Path(shutil.move(path, out_dir / path.name)) for path in made]
