"""`workshop-kit assess`: one case file to the route finder's verdicts and the timeline, in words
for a person or as JSON for a reviewer's script.

The JSON shape is stable (documented in docs/assess.md); add keys, never rename or remove them.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path
from typing import Any

from workshop_kit import DISCLAIMER
from workshop_kit.core.case_study import CaseStudy, load_case_study
from workshop_kit.core.case_timeline import plan_case_timeline
from workshop_kit.core.countries import Countries
from workshop_kit.core.routes import RouteAssessment, find_routes
from workshop_kit.core.timeline import Timeline

SCHEMA_VERSION = 1


def load_case(path: Path, countries: Countries) -> CaseStudy:
    """Any case file by path: shipped, or a trainer's own draft kept anywhere."""
    return load_case_study(path, countries)


def assessment_data(case: CaseStudy, countries: Countries, today: dt.date) -> dict[str, Any]:
    routes = find_routes(case, countries, today=today)
    timeline = plan_case_timeline(case, countries, today=today)
    return {
        "schema_version": SCHEMA_VERSION,
        "case": case.id,
        "title": case.title,
        "authority": case.authority.value,
        "today": today.isoformat(),
        "notice": DISCLAIMER,
        "routes": [_route(a, case) for a in routes],
        "timeline": _timeline(timeline) if timeline else None,
    }


def _route(a: RouteAssessment, case: CaseStudy) -> dict[str, Any]:
    return {
        "route": a.route.value,
        "label": a.route.label,
        "verdict": a.verdict.value,
        "expected": case.expected_routes[a.route].value,
        "findings": [{
            "rule": f.rule, "outcome": f.outcome, "effect": f.effect.value, "text": f.reason.text,
            "citation": f.reason.citation, "confidence": f.reason.confidence,
            "to_be_confirmed": f.reason.to_be_confirmed, "caveat": f.reason.caveat,
            "last_reviewed": f.reason.last_reviewed.isoformat() if f.reason.last_reviewed else None,
        } for f in a.findings],
    }


def _timeline(t: Timeline) -> dict[str, Any]:
    return {
        "route": t.route,
        "milestones": [{"id": m.id, "label": m.label, "due": m.due.isoformat(), "rule": m.rule,
                        "source": m.source, "to_be_confirmed": m.to_be_confirmed}
                       for m in t.milestones],
        "flags": [{"label": f.label, "text": f.text, "source": f.source, "severity": f.severity.value,
                   "to_be_confirmed": f.to_be_confirmed} for f in t.flags],
        "missing": [{"date": m.date_id, "would_plan": list(m.would_plan), "hint": m.hint}
                    for m in t.missing],
    }


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


MARK = {"supports": "+", "closes": "x", "condition": "?", "step": "-", "note": "i"}
VERDICT_WORDS = {"realistic": "REALISTIC", "conditional": "POSSIBLE WITH CONDITIONS",
                 "not_available": "NOT AVAILABLE"}


def as_text(data: dict[str, Any], width: int = 100) -> str:
    """The assessment as a person reads it in a terminal: verdicts first, then why."""
    authority = {"england": "English", "wales": "Welsh"}.get(data["authority"], data["authority"])
    out = [f"{data['title']} ({data['case']}), {authority} authority, "
           f"assessed on {data['today']}", data["notice"], ""]
    wrap = textwrap.TextWrapper(width=width, initial_indent="    ", subsequent_indent="      ")
    for route in data["routes"]:
        differs = "" if route["expected"] == route["verdict"] else \
            f"  [the case file expects {route['expected']}]"
        out.append(f"{route['label']}: {VERDICT_WORDS[route['verdict']]}{differs}")
        for f in route["findings"]:
            tbc = " [to be confirmed]" if f["to_be_confirmed"] else ""
            out += wrap.wrap(f"{MARK[f['effect']]} {f['text']} ({f['citation']}){tbc}")
        out.append("")
    timeline = data["timeline"]
    if timeline is None:
        out.append("Timeline: the case chooses no route abroad, so there is no timeline to plan.")
        return "\n".join(out)
    out.append(f"Timeline ({timeline['route']}):")
    for m in timeline["milestones"]:
        tbc = " [to be confirmed]" if m["to_be_confirmed"] else ""
        out.append(f"    {m['due']}  {m['label']}{tbc}")
    if timeline["flags"]:
        out.append("Where delay is likely:")
        for f in timeline["flags"]:
            out += wrap.wrap(f"! {f['label']}: {f['text']}")
    for m in timeline["missing"]:
        out += wrap.wrap(f"Missing: {m['hint']}")
    out.append("Legend: + for the route, x rules it out, ? to resolve, - a step, i a note.")
    return "\n".join(out)
