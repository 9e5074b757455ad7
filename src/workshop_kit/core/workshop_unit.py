"""A workshop is one unit: its plan (`content/workshops/<id>.yaml`) and its notebook
(`notebooks/<id>.ipynb`), joined by ids. This checks the joins, so a section whose notebook never
shows it (its key points and trainer notes silently missing) is an error, not a surprise in a room.

A notebook opens its plan with `page = WorkshopPage("<plan id>")` and shows each section with
`page.key_points("<section id>")` (see `faces.workshop_page`). The notebook is read as data — its
code cells parsed, never run.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from pathlib import Path

from workshop_kit.core.loading import Document, Problem, display_name
from workshop_kit.core.workshop_plan import WorkshopPlan

OPENS_PLAN = "WorkshopPage"
SHOWS_SECTION = "key_points"


@dataclass
class NotebookUse:
    """What a notebook names: the plans it opens and the sections it shows, by cell number."""

    plans: list[tuple[int, str]] = field(default_factory=list)
    sections: list[tuple[int, str]] = field(default_factory=list)
    unreadable_cells: list[int] = field(default_factory=list)


def notebook_use(path: Path) -> NotebookUse:
    """Read a notebook's code cells for `WorkshopPage("…")` and `….key_points("…")` calls.

    Cells are numbered from 1 as JupyterLab counts them (markdown cells included). Raises
    ValueError if the file is not a notebook."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise ValueError(f"is not a readable notebook ({type(exc).__name__})") from None
    use = NotebookUse()
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", []))
        plain = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!")))
        try:
            tree = ast.parse(plain)
        except SyntaxError:
            use.unreadable_cells.append(number)
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else (
                node.func.attr if isinstance(node.func, ast.Attribute) else "")
            if name == OPENS_PLAN:
                use.plans.append((number, first.value))
            elif name == SHOWS_SECTION:
                use.sections.append((number, first.value))
    return use


def check_workshop_unit(plan: WorkshopPlan, doc: Document, notebooks: Path) -> list[Problem]:
    """Every problem joining `plan` to its notebook in the folder `notebooks`."""
    plan_file = display_name(doc.path)
    path = notebooks / plan.notebook
    notebook_file = display_name(path)
    if not path.is_file():
        return [Problem(plan_file, "notebook", f"names {plan.notebook}, which is not in "
                        f"{display_name(notebooks)}; create it (workshop-kit new-workshop makes "
                        "a plan and a notebook together) or correct the name",
                        doc.line_of(("notebook",)))]
    try:
        use = notebook_use(path)
    except ValueError as exc:
        return [Problem(notebook_file, "", str(exc))]
    problems = [Problem(notebook_file, f"cell {n}", "is not plain Python, so the sections it "
                        "names cannot be checked") for n in use.unreadable_cells]
    opened = {plan_id for _, plan_id in use.plans}
    if not use.plans:
        problems.append(Problem(notebook_file, "", f"never opens its plan: add a code cell "
                                f"`page = WorkshopPage(\"{plan.id}\")`"))
    for number, plan_id in use.plans:
        if plan_id != plan.id:
            problems.append(Problem(notebook_file, f"cell {number}", f"opens workshop "
                                    f"'{plan_id}', but this notebook belongs to '{plan.id}' "
                                    f"({plan_file})"))
    known = [s.id for s in plan.sections]
    shown = {section_id for _, section_id in use.sections}
    for number, section_id in use.sections:
        if section_id not in known:
            problems.append(Problem(notebook_file, f"cell {number}", f"shows section "
                                    f"'{section_id}', which {plan_file} does not have (known: "
                                    f"{', '.join(known)})"))
    if opened <= {plan.id}:  # with the wrong plan opened, the sections above say enough
        for index, section in enumerate(plan.sections):
            if section.id not in shown:
                problems.append(Problem(
                    plan_file, f"sections[{index}]", f"section '{section.id}' is never shown: "
                    f"{notebook_file} has no cell calling page.{SHOWS_SECTION}(\"{section.id}\"), "
                    "so its key points and trainer notes never appear",
                    doc.line_of(("sections", index))))
    return problems
