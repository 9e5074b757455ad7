"""The parts of a client report that depend on the client's choices: programme and case studies.

Each part is the same HTML the live pages show, frozen: the report says what the workshops say.
"""

from __future__ import annotations

from html import escape

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
        parts.append(f'<section class="wk-case"><h3 class="wk">{escape(explorer.case.title)}</h3>'
                     f"{explorer.static_html()}</section>")
    return "".join(parts)
