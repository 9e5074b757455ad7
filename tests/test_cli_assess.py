"""`workshop-kit assess`: any case file, shipped or a draft kept anywhere, in words and in JSON."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from workshop_kit.cli import main
from workshop_kit.core.content import case_studies_dir

CASE = "andrei-11-and-his-grandparents-in-romania.yaml"


def run(*args: str):
    return CliRunner().invoke(main, ["assess", *args])


def draft(tmp_path, text_change: tuple[str, str] | None = None):
    """A trainer's draft: a shipped case copied outside the repository, optionally edited."""
    path = tmp_path / "drafts" / "my-case.yaml"
    path.parent.mkdir()
    shutil.copy(case_studies_dir() / CASE, path)
    if text_change:
        text = path.read_text(encoding="utf-8")
        assert text_change[0] in text
        path.write_text(text.replace(*text_change), encoding="utf-8")
    return path


def test_assess_a_file_outside_case_studies_in_words(tmp_path):
    path = draft(tmp_path, ("id: andrei-11-and-his-grandparents-in-romania", "id: my-case"))
    result = run(str(path), "--today", "2026-11-23")
    assert result.exit_code == 0, result.output
    assert "Training material, not legal advice" in result.output
    assert "Long-term fostering abroad (child in care or accommodated): NOT AVAILABLE" in result.output
    assert "CA 1989 Sch 2 para 19(3)(c), (4)" in result.output
    assert "Special guardianship order, carers abroad: POSSIBLE WITH CONDITIONS" in result.output


def test_assess_json_has_the_documented_shape(tmp_path):
    path = draft(tmp_path, ("id: andrei-11-and-his-grandparents-in-romania", "id: my-case"))
    result = run(str(path), "--today", "2026-11-23", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema_version"] == 1 and data["case"] == "my-case" and data["today"] == "2026-11-23"
    assert "not legal advice" in data["notice"]
    routes = {r["route"]: r for r in data["routes"]}
    assert set(routes) == {"sgo_abroad", "convention_adoption", "s84_adoption", "fostering_abroad",
                           "cao_abroad"}
    fostering = routes["fostering_abroad"]
    assert fostering["verdict"] == "not_available" == fostering["expected"]
    finding = next(f for f in fostering["findings"] if f["effect"] == "closes")
    assert set(finding) == {"rule", "outcome", "effect", "text", "citation", "confidence",
                            "to_be_confirmed", "caveat", "last_reviewed"}
    assert finding["rule"] == "child_consent_under_para_19"
    assert data["timeline"] is None  # no route abroad chosen


def test_assess_shows_the_timeline_of_the_chosen_route():
    path = case_studies_dir() / "kemi-and-her-aunt-in-nigeria.yaml"
    data = json.loads(run(str(path), "--today", "2026-11-23", "--json").output)
    timeline = data["timeline"]
    assert timeline["route"] == "s84_adoption"
    assert any(m["id"] == "s84_home_with_applicants" and m["due"] == "2026-12-07"
               for m in timeline["milestones"])
    assert all({"label", "text", "source", "severity"} <= set(f) for f in timeline["flags"])


def test_assess_a_bad_file_gets_the_same_clear_errors_as_validate(tmp_path):
    path = draft(tmp_path, ("country: romania", "country: Romania"))
    result = run(str(path))
    assert result.exit_code == 1
    assert "[carers.country]" in result.output and "use 'romania'" in result.output
    assert "Traceback" not in result.output


def test_assess_refuses_an_impossible_today_in_words(tmp_path):
    result = run(str(case_studies_dir() / CASE), "--today", "2026-02-30")
    assert result.exit_code == 2
    assert "30 February 2026 does not exist" in result.output
