"""Every case study loads, is fictional, and gets the verdicts its author expects from the route
finder; together the cases cover every route and at least six countries."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from workshop_kit.core.case_study import CaseStudy, Route, Verdict, load_case_study
from workshop_kit.core.content import case_studies, case_studies_dir, countries, kind_for
from workshop_kit.core.loading import ContentError
from workshop_kit.core.routes import find_routes

CASE_FILES = sorted(case_studies_dir().glob("*.yaml"))
TODAY = dt.date(2026, 11, 23)
"""Verdicts depend on which Conventions are in force, so they are checked on a fixed day."""


def test_there_are_at_least_eight_case_studies_in_six_countries():
    cases = case_studies()
    assert len(cases) >= 8
    assert len({c.country_id for c in cases}) >= 6


def test_case_studies_are_sorted_by_id():
    ids = [c.id for c in case_studies()]
    assert ids == sorted(ids)


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case_study_loads_and_is_fictional(path: Path):
    case = load_case_study(path, countries())
    assert case.fictional is True
    assert case.id == path.stem
    assert 3 <= len(case.discussion_questions) <= 5
    assert 2 <= len(case.trainer_notes) <= 4


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_route_finder_agrees_with_the_case_authors_expected_verdicts(path: Path):
    case = load_case_study(path, countries())
    found = {a.route: a.verdict for a in find_routes(case, countries(), today=TODAY)}
    assert found == case.expected_routes


def test_every_route_is_realistic_or_conditional_in_at_least_one_case():
    open_routes = {r for c in case_studies() for r, v in c.expected_routes.items()
                   if v is not Verdict.NOT_AVAILABLE}
    assert open_routes == set(Route)


def test_every_route_is_the_chosen_route_of_some_case():
    assert {c.chosen_route for c in case_studies()} >= set(Route)


def test_the_cases_cover_the_situations_the_workshops_need():
    cases = case_studies()
    assert any(c.siblings and all(s.same_plan for s in c.siblings) for c in cases), "sibling group"
    assert any(13 <= c.child.age <= 15 for c in cases), "an older child"
    assert any(c.art33_consent in ("requested", "not_sought") and
               countries().country(c.country_id).child_protection_convention_in_force(TODAY)
               for c in cases), "a 1996 Convention country needing Art 33 consent"
    assert any(not countries().country(c.country_id).adoption_convention_in_force(TODAY) and
               not countries().country(c.country_id).child_protection_convention_in_force(TODAY)
               for c in cases), "a country party to neither Convention"
    assert any(set(c.expected_routes.values()) == {Verdict.NOT_AVAILABLE} for c in cases), \
        "a case with no realistic overseas route"


def test_case_studies_kind_is_registered():
    kind = kind_for(CASE_FILES[0])
    assert kind is not None and kind.name == "case_studies" and kind.model is CaseStudy


def _copy(tmp_path: Path, new_name: str) -> Path:
    target = tmp_path / "case_studies" / new_name
    target.parent.mkdir()
    shutil.copy(CASE_FILES[0], target)
    return target


def test_an_id_that_differs_from_the_file_name_is_an_error(tmp_path: Path):
    path = _copy(tmp_path, "renamed.yaml")
    with pytest.raises(ContentError, match=r"\[id\].*must match the file name 'renamed'"):
        load_case_study(path, countries())


def test_a_country_not_in_the_table_is_an_error(tmp_path: Path):
    path = _copy(tmp_path, CASE_FILES[0].name)
    text = path.read_text(encoding="utf-8")
    country = load_case_study(CASE_FILES[0], countries()).country_id
    path.write_text(text.replace(f"country: {country}", "country: atlantis"), encoding="utf-8")
    with pytest.raises(ContentError, match=r"carers\.country.*country 'atlantis' is not a known country id"):
        load_case_study(path, countries())


def test_a_case_not_marked_fictional_is_rejected(tmp_path: Path):
    path = _copy(tmp_path, CASE_FILES[0].name)
    path.write_text(path.read_text(encoding="utf-8").replace("fictional: true", "fictional: false"),
                    encoding="utf-8")
    with pytest.raises(ContentError, match="fictional"):
        load_case_study(path, countries())


def test_a_chosen_route_the_author_expects_to_be_closed_is_rejected(tmp_path: Path):
    case = case_studies()[0]
    data = case.model_dump(mode="json")
    data["expected_routes"][data["chosen_route"]] = "not_available"
    with pytest.raises(ValueError, match="chosen_route"):
        CaseStudy.model_validate(data)


def test_concluded_proceedings_do_not_run_against_the_26_weeks():
    """CA s32(1)(a)(ii): the 26 weeks bind care proceedings while they run, not a later
    application once they have concluded."""
    from workshop_kit.core.case_study import ProceedingsStage
    from workshop_kit.core.content import case_studies

    concluded = [c for c in case_studies() if c.proceedings.stage is ProceedingsStage.CONCLUDED]
    assert concluded
    assert all(c.timeline_dates["proceedings_issued"] is None for c in concluded)


def test_a_capitalised_country_id_is_refused_with_the_id_to_write_instead(tmp_path):
    """A trainer writes 'Romania'; the message says to write 'romania', not a regular expression."""
    folder = tmp_path / "case_studies"
    folder.mkdir()
    source = case_studies_dir() / "leo-and-his-aunt-in-spain.yaml"
    path = folder / source.name
    path.write_text(source.read_text(encoding="utf-8").replace("country: spain", "country: Spain"),
                    encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_case_study(path, countries())
    message = str(caught.value)
    assert "use 'spain'" in message and "pattern" not in message


def test_an_impossible_date_is_refused_in_plain_words(tmp_path):
    folder = tmp_path / "case_studies"
    folder.mkdir()
    source = case_studies_dir() / "leo-and-his-aunt-in-spain.yaml"
    text = source.read_text(encoding="utf-8")
    assert "became_looked_after: 2026-03-02" in text
    path = folder / source.name
    path.write_text(text.replace("became_looked_after: 2026-03-02", "became_looked_after: 2026-11-31"),
                    encoding="utf-8")
    with pytest.raises(ContentError, match="31 November 2026 does not exist"):
        load_case_study(path, countries())
