"""Client reports: parameters checked first, then one self-contained HTML file."""

from __future__ import annotations

from html import escape, unescape

import pytest
from click.testing import CliRunner

from workshop_kit.cli import main
from workshop_kit.core.content import case_study, orders_chart
from workshop_kit.faces.report import ReportRequest, make_report

CLIENT = "O'Neill < Smith & \"Partners\" Borough Council"


@pytest.fixture(scope="module")
def report_html(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    request = ReportRequest.from_cli(client=CLIENT, course_date="2026-12-01",
                                     modules=["01_special_guardianship"],
                                     cases=["leo-and-his-aunt-in-spain"])
    [path] = make_report(request, out)
    return path.read_text(encoding="utf-8")


def test_report_names_the_client_html_escaped(report_html):
    # nbconvert re-serialises the HTML, so quotes may come back unescaped in text; what matters is
    # that '<' and '&' are escaped and the name is there.
    assert "Prepared for O'Neill &lt; Smith &amp; \"Partners\" Borough Council" in report_html
    assert "1 December 2026" in report_html


def test_report_contains_every_order_of_the_chart_as_a_static_table(report_html):
    assert report_html.count('<table class="wk wk-table">') >= 2
    for order in orders_chart().orders:
        assert f'<th scope="col">{escape(order.short_name)}</th>' in report_html


def test_report_is_self_contained(report_html):
    assert "<script" not in report_html
    assert 'src="http' not in report_html and 'href="http' not in report_html
    assert "Training material, not legal advice" in report_html


@pytest.mark.parametrize("args, message", [
    (["--client", ""], "--client"),
    (["--client", "x" * 300], "--client"),
    (["--client", "Council\u202e"], "bidirectional"),
    (["--client", "<script>alert(1)</script>"], "HTML"),
    (["--client", "Ok Council", "--date", "31/12/2026"], "--date"),
    (["--client", "Ok Council", "--module", "99_nope"], "01_special_guardianship"),
    (["--client", "Ok Council", "--case", "../../etc/passwd"], "--case"),
])
def test_invalid_parameters_are_rejected_before_any_kernel_starts(
        args, message, tmp_path, monkeypatch):
    def no_kernel(*_args, **_kwargs):
        raise AssertionError("papermill must not run for an invalid request")

    monkeypatch.setattr("papermill.execute_notebook", no_kernel)
    result = CliRunner().invoke(main, ["report", *args, "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_report_carries_the_chosen_module_with_sourced_key_points(report_html):
    assert "Special Guardianship with carers overseas" in report_html
    assert "Children Act 1989 s14C" in report_html
    assert "Adoption by family overseas" not in report_html, "only the chosen modules"


def test_report_works_through_the_chosen_case_without_trainer_notes(report_html):
    case = case_study("leo-and-his-aunt-in-spain")
    text = unescape(report_html)
    assert case.title in text
    assert "All case studies are fictional" in text
    assert case.discussion_questions[0] in text
    for note in case.trainer_notes:
        assert note not in text


def test_report_command_runs_end_to_end_quietly(tmp_path):
    """What a trainer types: one line per file written, no alarming kernel warnings."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "workshop_kit", "report", "--client", "Quiet Council",
         "--module", "00_orders_compared", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("wrote ")
    assert "without encryption" not in result.stderr
    assert "Traceback" not in result.stderr
    assert len(list(tmp_path.glob("*.html"))) == 1
