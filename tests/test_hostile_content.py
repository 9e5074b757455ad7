"""Every file in tests/content/hostile is refused by `workshop-kit validate`: exit 1, a message
naming the file (and the field, where there is one), no traceback and no side effect."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

HOSTILE = Path(__file__).parent / "content" / "hostile"
SIDE_EFFECT = "pwned_by_yaml"
"""The file the python-tag cases try to create in the working folder."""

FACT = "orders[0].features.duration"
EXPECTED_FIELD: dict[str, str | None] = {
    # wrong types
    "wrong_type_text_is_a_number": f"{FACT}.text",
    "wrong_type_text_is_nan": f"{FACT}.text",
    "wrong_type_features_is_a_list": "orders[0].features",
    "wrong_type_uncertain_not_a_bool": f"{FACT}.uncertain",
    "top_level_list": None,
    "top_level_scalar": None,
    "null_document": None,
    # missing and unknown fields
    "missing_source": f"{FACT}.source",
    "missing_orders_list": "orders",
    "unknown_field_misspelt_source": f"{FACT}.sorce",
    "unknown_top_level_field": "author",
    "integer_key": "[1]",
    "only_one_order": "orders",
    "order_missing_a_feature": "orders",
    # confidence and dates
    "misspelt_confidence": f"{FACT}.confidence",
    "confidence_in_capitals": f"{FACT}.confidence",
    "confidence_with_cyrillic_homoglyph": f"{FACT}.confidence",
    "bad_date_thirtieth_of_february": f"{FACT}.last_reviewed",
    "date_in_words": f"{FACT}.last_reviewed",
    "datetime_instead_of_date": f"{FACT}.last_reviewed",
    "future_last_reviewed": FACT,
    # code execution through YAML tags
    "python_tag_os_system": None,
    "python_tag_open_file": None,
    "python_tag_subprocess_popen": None,
    "python_tag_name": None,
    "custom_local_tag": None,
    # resource exhaustion
    "alias_bomb_billion_laughs": None,
    "alias_reused_fact": None,
    "deep_nesting": None,
    "absurdly_long_text": f"{FACT}.text",
    "absurdly_long_name": "orders[0].name",
    "huge_key": None,
    # text that would render or read as something else
    "html_script_in_text": f"{FACT}.text",
    "html_img_onerror_in_name": "orders[0].name",
    "control_char_bell_in_text": f"{FACT}.text",
    "ansi_escape_in_text": f"{FACT}.text",
    "bidi_override_in_source": f"{FACT}.source",
    "zero_width_space_in_text": f"{FACT}.text",
    "lone_surrogate_in_text": f"{FACT}.text",
    "empty_text": f"{FACT}.text",
    "whitespace_only_text": f"{FACT}.text",
    "empty_caveat": f"{FACT}.caveat",
    # ids that could escape a folder or collide
    "id_with_dot_dot": "orders[0].id",
    "id_with_path_separator": "orders[1].id",
    "id_with_zero_width_space": "orders[0].id",
    "feature_key_with_path_separator": "orders[0].features",
    "duplicate_order_ids": "orders",
    # broken YAML and bytes
    "duplicate_keys": None,
    "complex_key": None,
    "two_documents": None,
    "tabs_for_indentation": None,
    "empty_file": None,
    "comments_only": None,
    "non_utf8_latin1_bytes": None,
    "utf16_with_bom": None,
    "binary_junk": None,
    "nul_byte_in_utf8": None,
}
TAG_CASES = sorted(c for c in EXPECTED_FIELD if "tag" in c)


def validate_copy(case: str, workdir: Path) -> tuple[int, str]:
    """Run `python -m workshop_kit validate` on a copy of the case, from `workdir`, as a trainer
    would; a copy so that anything the file manages to write lands in `workdir`, where we look."""
    target = workdir / case / "orders.yaml"
    target.parent.mkdir(parents=True)
    shutil.copyfile(HOSTILE / case / "orders.yaml", target)
    env = {**os.environ, "PYTHONUTF8": "1"}
    env.pop("WORKSHOP_KIT_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "workshop_kit", "validate", str(target)],
        cwd=workdir, capture_output=True, timeout=120, env=env,
    )
    out = (result.stdout + result.stderr).decode("utf-8", errors="replace")
    return result.returncode, out


def test_the_corpus_has_at_least_thirty_cases_and_each_is_listed_here():
    cases = {p.name for p in HOSTILE.iterdir() if p.is_dir()}
    assert len(cases) >= 30
    assert cases == set(EXPECTED_FIELD), "every folder needs an EXPECTED_FIELD entry, and back"
    assert all((HOSTILE / c / "orders.yaml").is_file() for c in cases)


@pytest.mark.parametrize("case", sorted(EXPECTED_FIELD))
def test_hostile_file_is_refused_naming_file_and_field_without_a_traceback(case, tmp_path):
    code, out = validate_copy(case, tmp_path)
    assert code == 1, out
    assert "Traceback" not in out
    assert f"ERROR {case}/orders.yaml" in out, out
    if (field := EXPECTED_FIELD[case]) is not None:
        assert f"[{field}" in out, out
    assert not (tmp_path / SIDE_EFFECT).exists()
    for line in out.splitlines():
        assert line.isprintable(), f"raw control or bidi character reached the terminal: {line!r}"


@pytest.mark.parametrize("case", TAG_CASES)
def test_python_tags_are_refused_and_run_nothing(case, tmp_path):
    code, out = validate_copy(case, tmp_path)
    assert code == 1
    assert "tag" in out
    assert not (tmp_path / SIDE_EFFECT).exists(), "the YAML tag ran code"
    assert list((tmp_path / case).iterdir()) == [tmp_path / case / "orders.yaml"]


def test_the_open_file_payload_would_work_on_an_unsafe_loader(tmp_path, monkeypatch):
    """Proves the side-effect check above can fail: the same file does write under yaml.unsafe_load."""
    monkeypatch.chdir(tmp_path)
    data = yaml.unsafe_load((HOSTILE / "python_tag_open_file" / "orders.yaml").read_text())
    data["orders"][0]["features"]["duration"]["text"].close()
    assert (tmp_path / SIDE_EFFECT).exists()
