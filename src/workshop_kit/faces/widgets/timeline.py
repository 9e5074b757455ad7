"""Choose a route and enter a case's dates; see the statutory milestones, where delay is likely,
and which missing dates would add more. For the room to ask "what if notice had gone in a month
earlier?" and see the answer at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape

import ipywidgets as widgets

from workshop_kit.core.case_study import Route
from workshop_kit.core.content import timescales as load_timescales
from workshop_kit.core.timeline import (
    EXAMPLE_DATES,
    Timeline,
    dates_for_route,
    dates_used_by,
    plan_timeline,
)
from workshop_kit.core.timescales import KNOWN_DATES, DelaySeverity
from workshop_kit.faces.html import STYLE
from workshop_kit.faces.render.timeline import (
    DATE_LABELS,
    delay_flags_html,
    missing_dates_html,
    reference_rules_html,
    route_label,
    timeline_chart_html,
    timeline_table,
)
from workshop_kit.faces.widgets.base import (
    BuiltOnFirstUse,
    HTMLPart,
    WorkshopWidget,
    fixed_html,
    shared_layout,
    shared_style,
)

_LABEL_STYLE = {"description_width": "24em"}  # the longest date name must not be cut off
_PICKER_LAYOUT = {"width": "40em", "max_width": "100%", "margin": "2px 0"}


class TimelinePlanner(WorkshopWidget):
    """The timeline planner as a widget a trainer drives live and attendees try on Binder.

    Every control is a labelled native form field (a select and date inputs), so it is reachable
    with Tab and usable without a mouse; every change re-plans at once. Leave a date empty to see
    what it would unlock.
    """

    part_name = "The timeline planner"
    what_to_try = ("Check the date you just entered (a date between 1990 and 2100 works), or "
                   "clear it and try again.")

    def __init__(self, route: str = "sgo_abroad", known: Mapping[str, dt.date | None] | None = None,
                 today: dt.date | None = None, **kwargs):
        routes = [r.value for r in Route]
        if str(route) not in routes:
            raise ValueError(f"unknown route '{route}'; known routes are {', '.join(routes)}")
        given = dict(EXAMPLE_DATES if known is None else known)
        unknown = sorted(k for k in given if k not in KNOWN_DATES)
        if unknown:
            raise ValueError(f"unknown date name(s) {unknown}; the planner takes "
                             f"{', '.join(KNOWN_DATES)}")
        self.route = widgets.Dropdown(
            options=[(route_label(r), r) for r in routes], value=str(route),
            description="Permanence route",
            style=shared_style(widgets.Dropdown, **_LABEL_STYLE),
            layout=shared_layout(width="58em", max_width="100%"),
        )
        self._given = given
        # A picker is built when the chosen route first uses it: a page opens with its route's
        # pickers only (issue 16); a date entered stays when the route changes and back.
        self.dates: BuiltOnFirstUse[widgets.DatePicker] = BuiltOnFirstUse(KNOWN_DATES,
                                                                          self._picker)
        self.today = widgets.DatePicker(
            value=today, description="Today (to check what is overdue)",
            style=shared_style(widgets.Dropdown, **_LABEL_STYLE),
            layout=shared_layout(**_PICKER_LAYOUT),
        )
        self.status, self.hints, self.chart = HTMLPart(), HTMLPart(), HTMLPart()
        self.table, self.flags, self.reference = HTMLPart(), HTMLPart(), HTMLPart()
        self.plan = fixed_html()
        self.timeline: Timeline | None = None
        self.react([self.route, self.today], self._update)
        self._intro = fixed_html(
            STYLE + '<div class="wk"><p><strong>Plan the statutory milestones.</strong> Choose a '
            "route and enter the dates the case knows; leave a date empty if it has not happened. "
            "Everything below updates as you change them. The example dates are fictional.</p></div>"
        )
        self._dates_heading = fixed_html('<div class="wk"><strong>Dates in the case</strong></div>')
        super().__init__(self._shown(), alert_at=-1, **kwargs)
        self.add_class("wk-timeline-planner")
        self._update()

    def _picker(self, date_id: str) -> widgets.DatePicker:
        picker = widgets.DatePicker(
            value=self._given.get(date_id), description=DATE_LABELS[date_id],
            style=shared_style(widgets.Dropdown, **_LABEL_STYLE),
            layout=shared_layout(**_PICKER_LAYOUT),
        )
        # Looked up when called: a control built later still runs this widget's `_update` now.
        self.react([picker], lambda change: self._update(change))
        return picker

    def _shown(self) -> list[widgets.Widget]:
        """The controls in order, with a date picker for each date the chosen route uses only."""
        used = dates_used_by(self.route.value, load_timescales())
        pickers = [self.dates[date_id] for date_id in KNOWN_DATES if date_id in used]
        alert = [self.alert] if "_alert_line" in self.__dict__ else []
        return [self._intro, self.route, self._dates_heading, *pickers, self.today, *alert,
                self.plan]

    @property
    def known(self) -> dict[str, dt.date | None]:
        """The dates as entered that the chosen route uses (empty pickers give None)."""
        entered = {date_id: (self.dates.built[date_id].value if date_id in self.dates.built
                             else self._given.get(date_id)) for date_id in KNOWN_DATES}
        return dates_for_route(self.route.value, entered, load_timescales())

    def _update(self, _change: object = None) -> None:
        today = self.today.value
        shown = self._shown()  # ask only for the dates this route uses
        if list(self.children) != shown:
            self.children = tuple(shown)
        timeline = plan_timeline(self.route.value, self.known, today=today)
        self.timeline = timeline
        urgent = sum(f.severity is DelaySeverity.URGENT for f in timeline.flags)
        words = (f"{len(timeline.milestones)} dated milestone(s) for "
                 f"{route_label(timeline.route)}; {len(timeline.flags)} point(s) where delay is "
                 f"likely" + (f", {urgent} urgent" if urgent else "") + ".")
        self.status.value = f'<div class="wk" role="status"><p>{escape(words)}</p></div>'
        self.hints.value = missing_dates_html(timeline)
        self.chart.value = timeline_chart_html(timeline, today=today, known=self.known)
        self.table.value = timeline_table(timeline)
        self.flags.value = delay_flags_html(timeline)
        self.reference.value = reference_rules_html(timeline)
        # 4px apart, as the parts were when each was a widget of its own
        self.plan.value = "".join(f'<div style="margin-top:4px">{part.value}</div>'
                                  for part in (self.status, self.hints, self.chart, self.table,
                                               self.flags, self.reference) if part.value)
        self.results = {"route": timeline.route,
                        "dates": {m.id: m.due.isoformat() for m in timeline.milestones},
                        "flags": len(timeline.flags), "urgent": urgent}

    def static_html(self) -> str:
        """The current plan frozen: chart, table, flags and hints, for slides and reports."""
        return STYLE + "".join(w.value for w in (self.status, self.chart, self.table, self.flags,
                                                  self.hints, self.reference))
