"""`workshop-kit validate`: errors fail, warnings do not, every kind gets a summary line, and
nothing a file contains produces a traceback."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import BaseModel

from workshop_kit.core import content
from workshop_kit.core.content import ContentKind
from workshop_kit.core.facts import SourcedFact
from workshop_kit.core.loading import MAX_FILE_BYTES, ContentError, Problem
from workshop_kit.core.validation import fact_warnings, run_validation

REVIEWED = dt.date(2026, 11, 1)
ERROR_LINE = re.compile(r"^ERROR \S.*?(, line \d+)?( \[[^\]]+\])?: \S.*$")


def chart(extra: str = "", confidence: str = "secondary", reviewed: dt.date = REVIEWED) -> str:
    """A small valid orders chart; `extra` lines (e.g. "uncertain: true") go into the first fact."""
    extra_lines = "".join(f"        {line}\n" for line in extra.splitlines())
    return f"""\
features:
  - id: duration
    label: How long it lasts
    question: When does the order end?
orders:
  - id: sgo
    name: Special Guardianship Order
    short_name: SGO
    legislation: Children Act 1989 s14A
    summary: A named carer becomes special guardian.
    features:
      duration:
        text: Until 18.
        source: CA 1989 s91
        confidence: {confidence}
        last_reviewed: {reviewed.isoformat()}
{extra_lines}  - id: cao
    name: Child Arrangements Order
    short_name: CAO
    legislation: Children Act 1989 s8
    summary: The court settles with whom the child lives.
    features:
      duration:
        text: To 18.
        source: CA 1989 s91(10)
        confidence: secondary
        last_reviewed: 2026-11-20
"""


def write(folder: Path, text: str, name: str = "orders.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(paths: list[Path], today: dt.date = dt.date(2026, 11, 23)) -> tuple[int, list[str]]:
    lines: list[str] = []
    code = run_validation(paths, lines.append, today=today)
    return code, lines


def warnings(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("WARNING")]


# --- shipped content --------------------------------------------------------------------------

def test_shipped_content_is_valid_and_every_kind_has_a_summary_line():
    code, lines = run([], today=dt.date.today())
    assert code == 0, "\n".join(lines)
    for kind in content.CONTENT_KINDS:
        assert any(line.startswith(f"{kind.name}: ") for line in lines), kind.name
    assert lines[-1].startswith("OK: ")


def test_shipped_orders_summary_counts_orders_and_facts():
    _, lines = run([content.CONTENT_DIR / "orders.yaml"], today=dt.date.today())
    [line] = [line for line in lines if line.startswith("orders: ")]
    assert re.fullmatch(r"orders: 1 file, 6 orders, 7 features, \d+ facts — ok.*", line), line


# --- warnings ---------------------------------------------------------------------------------

def test_fact_reviewed_over_a_year_ago_is_flagged_but_does_not_fail(tmp_path):
    path = write(tmp_path, chart())
    code, lines = run([path], today=REVIEWED + dt.timedelta(days=366))
    assert code == 0
    [warning] = warnings(lines)
    assert "[orders.sgo.features.duration]" in warning
    assert "last reviewed 2026-11-01, more than 12 months ago" in warning
    assert "orders: 1 file, 2 orders, 1 feature, 2 facts — ok (1 warning)" in lines


def test_fact_reviewed_exactly_a_year_ago_is_not_yet_flagged(tmp_path):
    path = write(tmp_path, chart())
    code, lines = run([path], today=REVIEWED + dt.timedelta(days=365))
    assert code == 0
    assert warnings(lines) == []


def test_unverified_fact_without_a_caveat_is_flagged(tmp_path):
    code, lines = run([write(tmp_path, chart(confidence="unverified"))])
    assert code == 0
    [warning] = warnings(lines)
    assert "[orders.sgo.features.duration]" in warning
    assert "'to be confirmed' but has no caveat" in warning


def test_uncertain_fact_without_a_caveat_is_flagged(tmp_path):
    code, lines = run([write(tmp_path, chart("uncertain: true"))])
    assert code == 0
    assert len(warnings(lines)) == 1


def test_uncertain_fact_with_a_caveat_is_not_flagged(tmp_path):
    code, lines = run([write(tmp_path, chart("uncertain: true\ncaveat: Which court is unclear."))])
    assert (code, warnings(lines)) == (0, [])


def test_fact_warnings_lists_both_problems_of_one_fact():
    fact = SourcedFact(text="x", source="y", confidence="unverified", last_reviewed=REVIEWED)
    assert len(fact_warnings(fact, REVIEWED + dt.timedelta(days=400))) == 2


# --- errors -----------------------------------------------------------------------------------

def test_a_broken_file_exits_1_with_one_error_per_line_naming_file_line_and_field(tmp_path):
    path = write(tmp_path, chart(confidence="sure").replace("source: CA 1989 s91(10)",
                                                            "sorce: CA 1989 s91(10)"))
    code, lines = run([path])
    assert code == 1
    errors = [line for line in lines if line.startswith("ERROR")]
    assert len(errors) == 3
    assert all(ERROR_LINE.match(line) for line in errors), errors
    assert any(", line 15 [orders[0].features.duration.confidence]: " in e for e in errors)
    assert any("[orders[1].features.duration.sorce]: is not a field" in e for e in errors)
    assert "orders: 1 file, 0 facts — 3 errors" in lines
    assert lines[-1] == "FAILED: 1 file checked, 3 errors, 0 warnings."


def test_one_bad_file_does_not_stop_the_others_being_checked(tmp_path):
    good = write(tmp_path / "good", chart())
    bad = write(tmp_path / "bad", "features: [")
    code, lines = run([bad, good])
    assert code == 1
    assert "orders: 2 files, 2 orders, 1 feature, 2 facts — 1 error" in lines


def test_a_folder_is_searched_recursively_for_yaml_and_yml_files(tmp_path):
    write(tmp_path / "a", chart())
    write(tmp_path / "b" / "c", chart(), name="orders.yml")
    write(tmp_path, "not content", name="notes.txt")
    code, lines = run([tmp_path])
    assert code == 1, "orders.yml is not a name any kind claims, so it is reported"
    assert any("b/c/orders.yml: is not a kind of content file" in line for line in lines)
    assert "orders: 1 file, 2 orders, 1 feature, 2 facts — ok" in lines


def test_an_unknown_file_is_an_error_naming_the_kinds_it_could_be(tmp_path):
    code, lines = run([write(tmp_path, chart(), name="my_orders.yaml")])
    assert code == 1
    [error] = [line for line in lines if line.startswith("ERROR")]
    assert "my_orders.yaml" in error
    for kind in content.CONTENT_KINDS:
        assert kind.name in error


def test_a_path_that_does_not_exist_is_an_error(tmp_path):
    code, lines = run([tmp_path / "nowhere.yaml"])
    assert code == 1
    assert any("nowhere.yaml: does not exist" in line for line in lines)


def test_an_empty_folder_is_an_error_not_a_silent_pass(tmp_path):
    code, lines = run([tmp_path])
    assert code == 1
    assert any("no .yaml or .yml files" in line for line in lines)


def test_a_file_over_the_size_cap_is_refused(tmp_path):
    path = write(tmp_path, chart() + "#" * MAX_FILE_BYTES)
    code, lines = run([path])
    assert code == 1
    assert any("content files are limited to" in line for line in lines)


def test_control_and_bidi_characters_from_a_file_are_escaped_in_the_output(tmp_path):
    path = write(tmp_path, "te\u202ext: 1\nte\u202ext: 2\n")
    code, lines = run([path])
    assert code == 1
    assert all(line.isprintable() for line in lines)
    assert any("te\\u202ext" in line for line in lines)


# --- generic over kinds -----------------------------------------------------------------------

class _Boom(BaseModel):
    @classmethod
    def model_validate(cls, *args, **kwargs):
        raise RuntimeError("the model itself is broken")


class _Plain(BaseModel):
    title: str
    items: list[str]


class _Summarised(_Plain):
    def summary(self) -> str:
        return "a note"


class _Optional(BaseModel):
    notes: list[str] = []
    items: list[str]


@dataclass(frozen=True)
class _KindWithLoader(ContentKind):
    load: Callable[[Path], BaseModel]


def kind(name: str, model: type[BaseModel]) -> ContentKind:
    return ContentKind(name, model, lambda: [], lambda p: p.name == f"{name}.yaml")


def test_an_unexpected_exception_becomes_an_error_line_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setattr(content, "CONTENT_KINDS", [kind("boom", _Boom)])
    code, lines = run([write(tmp_path, "a: 1\n", name="boom.yaml")])
    assert code == 1
    assert any("boom.yaml: could not be checked (RuntimeError: the model itself is broken)"
               in line for line in lines)


def test_without_a_summary_method_the_first_list_field_is_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(content, "CONTENT_KINDS", [kind("plain", _Plain)])
    code, lines = run([write(tmp_path, "title: t\nitems: [a, b, c]\n", name="plain.yaml")])
    assert code == 0
    assert "plain: 1 file, 3 items, 0 facts — ok" in lines


def test_an_optional_list_field_is_not_what_is_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(content, "CONTENT_KINDS", [kind("opt", _Optional)])
    code, lines = run([write(tmp_path, "notes: [x]\nitems: [a, b]\n", name="opt.yaml")])
    assert code == 0
    assert "opt: 1 file, 2 items, 0 facts — ok" in lines


def test_a_kind_with_its_own_loader_is_checked_with_it(tmp_path, monkeypatch):
    """Some checks need more than the model (an id matching the file name, a known country)."""
    def strict_load(path: Path) -> _Plain:
        raise ContentError([Problem(path.name, "id", "must match the file name")])

    custom = _KindWithLoader("plain", _Plain, lambda: [], lambda p: p.name == "plain.yaml",
                             strict_load)
    monkeypatch.setattr(content, "CONTENT_KINDS", [custom])
    code, lines = run([write(tmp_path, "title: t\nitems: []\n", name="plain.yaml")])
    assert code == 1
    assert "ERROR plain.yaml [id]: must match the file name" in lines


def test_a_summary_string_is_shown_as_it_is(tmp_path, monkeypatch):
    monkeypatch.setattr(content, "CONTENT_KINDS", [kind("noted", _Summarised)])
    code, lines = run([write(tmp_path, "title: t\nitems: []\n", name="noted.yaml")])
    assert code == 0
    assert "noted: 1 file, a note, 0 facts — ok" in lines


@pytest.mark.parametrize("junk", [b"\xff\xfe\x00", b"", b"- [", b"a: !!python/name:os.system"])
def test_junk_never_raises(tmp_path, junk):
    path = tmp_path / "orders.yaml"
    path.write_bytes(junk)
    code, lines = run([path])
    assert code == 1
    assert lines[-1].startswith("FAILED")
