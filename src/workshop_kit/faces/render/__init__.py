"""Renderers: one module per domain thing, each turning core models into HTML.

`orders`, `routes`, `balance_sheet`, `country`, `case_card`, `timeline`, `viability`, `quiz`,
`workshop` (the list of workshops, further reading, the programme).
Widgets call them live; slides (`faces/deck.py`) and reports (`faces/report_sections.py`) call
them frozen, never a widget. Shared pieces (`STYLE`, `fact_cell`, `tbc_badge`) are in
`faces/html.py`. A renderer states no law and does no date arithmetic: that is the core's.
"""
