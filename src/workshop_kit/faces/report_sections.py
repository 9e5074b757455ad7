"""The parts of a client report that depend on the client's choices: programme and case studies.

Each part is the same HTML the live pages show, frozen: the report says what the workshops say.
"""

from __future__ import annotations

from workshop_kit.faces.html import STYLE
from workshop_kit.faces.workshop_page import programme_html

__all__ = ["case_studies_html", "programme_html"]


def case_studies_html(case_ids: list[str]) -> str:
    """Each chosen case end to end, without trainer notes or model answers."""
    from workshop_kit.faces.widgets.case_explorer import CaseStudyExplorer

    if not case_ids:
        return ""
    parts = [STYLE + '<div class="wk"><h2>Case studies</h2><p>All case studies are fictional.</p></div>']
    for case_id in case_ids:
        explorer = CaseStudyExplorer(case_id)
        # The case card carries the title; <div>, not <section>, which reveal.js reads as a slide.
        parts.append(f'<div class="wk-case">{explorer.static_html()}</div>')
    return "".join(parts)
