"""The `workshop_reveal` template's preprocessor (named in its conf.json): marks where each cell
goes on the slides, as `faces.present.slide_marks` decides."""

from __future__ import annotations

from nbconvert.preprocessors import Preprocessor

from workshop_kit.faces.present import SLIDE_MARK, opened_plan, slide_marks


def notes_only_sections(plan_id: str | None) -> set[str]:
    """Sections of the plan with trainer notes but no key points for the room. A plan that cannot
    be read now names none: its page says so itself (faces/content_notice.py)."""
    from workshop_kit.core.content import workshop_plan

    if plan_id is None:
        return set()
    try:
        plan = workshop_plan(plan_id)
    except Exception:  # a broken or unknown plan: the page reports it, the slides still come
        return set()
    return {s.id for s in plan.sections if not s.key_points}


class SectionSlides(Preprocessor):
    """Runs in Voilà's server on its copy of the notebook; the saved notebook is never changed."""

    def preprocess(self, nb, resources):
        hidden = notes_only_sections(opened_plan(nb.cells))
        for cell, mark in zip(nb.cells, slide_marks(nb.cells, hidden.__contains__), strict=True):
            cell.metadata[SLIDE_MARK] = mark
        return nb, resources
