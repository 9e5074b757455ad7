"""Client documents: requests checked first, a real document (cover, contents, parts, notes, one
list of points to be confirmed, an ending), nothing overwritten or half-written."""

from __future__ import annotations

import re
import shutil
from html import escape, unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from workshop_kit.cli import main
from workshop_kit.core.content import case_study, orders_chart, provider
from workshop_kit.faces.report import (
    ReportRequest,
    RequestError,
    make_report,
    parse_date,
    publish,
)

CLIENT = "O'Neill < Smith & \"Partners\" Borough Council"
REPO = Path(__file__).resolve().parents[1]
WELSH_FLAG = "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F"


@pytest.fixture(scope="module")
def report_html(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    request = ReportRequest.from_cli(client=CLIENT, course_date="2026-12-01",
                                     modules=["01_special_guardianship"],
                                     cases=["leo-and-his-aunt-in-spain"])
    [path] = make_report(request, out)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def briefing_html(tmp_path_factory):
    """A trainer's own draft, kept outside the repository."""
    drafts = tmp_path_factory.mktemp("drafts")
    case_file = drafts / "kemi-and-her-aunt-in-nigeria.yaml"
    shutil.copyfile(REPO / "case_studies" / case_file.name, case_file)
    out = tmp_path_factory.mktemp("briefing")
    result = CliRunner().invoke(main, ["briefing", str(case_file), "--client", "Ok Council",
                                       "--date", "2026-12-01", "--out", str(out)])
    assert result.exit_code == 0, result.output
    [path] = out.glob("*.html")
    return path.read_text(encoding="utf-8")


def test_report_names_the_client_html_escaped_on_the_cover(report_html):
    assert f"<dt>Prepared for</dt><dd>{escape(CLIENT, quote=False)}" in report_html.replace(
        "&#x27;", "'").replace("&quot;", '"')
    assert "1 December 2026" in report_html


def test_report_is_an_english_document_with_a_title(report_html):
    assert '<html lang="en-GB">' in report_html
    assert re.search(r"<title>Training pack — O'Neill &lt; Smith", report_html.replace("&#39;", "'"))


def test_report_contains_every_order_of_the_chart_as_a_static_table(report_html):
    assert report_html.count('<table class="wk wk-table">') >= 2
    for order in orders_chart().orders:
        assert f'<th scope="col">{escape(order.short_name)}</th>' in report_html


def test_report_is_self_contained(report_html):
    assert "<script" not in report_html
    assert 'src="http' not in report_html and 'href="http' not in report_html
    assert "Training material, not legal advice" in report_html


def test_each_module_and_case_starts_a_new_page_listed_in_the_contents(report_html):
    for part in ("module-01_special_guardianship", "orders-compared",
                 "case-leo-and-his-aunt-in-spain", "to-be-confirmed", "next-steps"):
        assert f'class="wk-part wk-new-page" id="{part}"' in report_html
        assert f'<a href="#{part}">' in report_html


def test_sources_are_numbered_notes_per_part_not_repeated_in_every_cell(report_html):
    assert "<strong>Source:</strong>" not in report_html
    chart = report_html.split('id="orders-compared"')[1].split("</section>")[0]
    assert 'href="#orders-compared-note-1"' in chart and 'id="orders-compared-note-1"' in chart
    notes = re.findall(r'<li id="orders-compared-note-\d+">(.*?)</li>', chart)
    assert len(notes) == len(set(notes)), "a source cited twice in a part gets one note"


def test_points_to_be_confirmed_are_marked_small_and_listed_once(report_html):
    assert "⚠ To be confirmed</span>" not in report_html, "no badge in every cell"
    assert report_html.count('class="wk-tbc-mark"') > 5
    summary = report_html.split('id="to-be-confirmed"')[1].split("</section>")[0]
    rows = re.findall(r"<tr><td>(.*?)</td>", summary)
    assert rows and len(rows) == len(set(rows))


def test_report_ends_with_next_steps_and_the_providers_contact(report_html):
    ending = report_html.split('id="next-steps"')[1]
    who = provider()
    assert escape(who.name) in ending and escape(who.contact.email) in ending
    assert escape(who.next_steps[0]) in ending
    assert "Training material, not legal advice" in ending


@pytest.mark.parametrize("args, message", [
    (["--client", ""], "--client"),
    (["--client", "x" * 300], "--client"),
    (["--client", "Council\u202e"], "bidirectional"),
    (["--client", "<script>alert(1)</script>"], "HTML"),
    (["--client", "Ok Council", "--date", "31/12/2026"], "YYYY-MM-DD"),
    (["--client", "Ok Council", "--date", "2026-02-30"], "30 February 2026 does not exist"),
    (["--client", "Ok Council", "--date", "0"], "YYYY-MM-DD"),
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


def test_an_out_that_cannot_be_written_is_reported_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setattr("papermill.execute_notebook", lambda *a, **k: pytest.fail("ran"))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["report", "--client", "Ok Council", "--out",
                                       str(blocker / "reports")])
    assert result.exit_code == 1
    assert "is a file, not a folder" in result.output
    assert "unexpected" not in result.output


def test_the_same_request_twice_is_refused_without_force(tmp_path, monkeypatch):
    monkeypatch.setattr("papermill.execute_notebook", lambda *a, **k: pytest.fail("ran"))
    request = ReportRequest.from_cli(client="Ok Council", course_date="2026-12-01")
    existing = tmp_path / f"{request.file_stem}.html"
    existing.write_text("the first report")
    result = CliRunner().invoke(main, ["report", "--client", "Ok Council", "--date", "2026-12-01",
                                       "--out", str(tmp_path)])
    assert result.exit_code == 1 and "--force" in result.output
    assert existing.read_text() == "the first report"


def test_different_requests_for_the_same_client_and_date_get_different_names():
    one = ReportRequest.from_cli(client="Ok Council", course_date="2026-12-01",
                                 modules=["00_orders_compared"])
    two = ReportRequest.from_cli(client="Ok Council", course_date="2026-12-01",
                                 modules=["01_special_guardianship"])
    assert one.file_stem != two.file_stem
    assert re.fullmatch(r"[a-z0-9-]+", one.file_stem)


def test_publishing_never_replaces_a_file_a_concurrent_run_made(tmp_path):
    made = tmp_path / "made.html"
    made.write_text("new")
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    target.write_text("old")
    with pytest.raises(RequestError, match="already exists"):
        publish([made], [target], force=False)
    assert target.read_text() == "old"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.html"], "no partial left"
    publish([made], [target], force=True)
    assert target.read_text() == "new"


def test_a_client_name_with_the_welsh_flag_is_accepted():
    request = ReportRequest.from_cli(client=f"Cyngor Sir {WELSH_FLAG} Council", course_date=None)
    assert WELSH_FLAG in request.client
    assert request.file_stem.startswith("training-pack-cyngor-sir-council-")


@pytest.mark.parametrize("text, message", [
    ("2026-13-01", "no month 13"), ("2025-02-29", "29 February 2025 does not exist"),
    ("1970-01-01", "typing mistake"), ("tomorrow", "YYYY-MM-DD"),
])
def test_bad_dates_say_what_is_wrong(text, message):
    with pytest.raises(RequestError, match=message):
        parse_date(text)


def test_report_works_through_the_chosen_case_without_trainer_notes(report_html):
    case = case_study("leo-and-his-aunt-in-spain")
    text = unescape(report_html)
    assert case.title in text
    assert case.discussion_questions[0] in text
    for note in case.trainer_notes:
        assert note not in text


def test_briefing_gives_every_part_of_an_options_response(briefing_html):
    for part in ("situation", "routes", "timeline", "viability", "balance-sheet", "questions",
                 "to-be-confirmed", "next-steps"):
        assert f'id="{part}"' in briefing_html
    case = case_study("kemi-and-her-aunt-in-nigeria")
    assert escape(case.title) in briefing_html
    for note in case.trainer_notes:
        assert note not in unescape(briefing_html)


def test_briefing_parameters_hold_no_case_detail(tmp_path):
    case_file = REPO / "case_studies" / "kemi-and-her-aunt-in-nigeria.yaml"
    request = ReportRequest.from_cli(client="Ok Council", course_date="2026-12-01",
                                     kind="briefing", case_file=case_file)
    params = request.parameters()
    assert params["case_file"] == "case/kemi-and-her-aunt-in-nigeria.yaml"
    case = case_study("kemi-and-her-aunt-in-nigeria")
    assert case.child.first_name not in repr(params) and case.summary not in repr(params)


def test_batch_dry_run_names_the_broken_entry_and_makes_nothing(tmp_path):
    batch = tmp_path / "clients.yaml"
    batch.write_text("- client: Good Council\n  date: 2026-12-01\n"
                     "- client: Bad Council\n  date: 2026-02-30\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", "--batch", str(batch), "--dry-run", "--out", str(out)])
    assert result.exit_code == 1
    assert "entry 2" in result.output and "30 February 2026 does not exist" in result.output
    assert "1 of 2 entries can be made" in result.output
    assert not out.exists()


def test_batch_makes_the_good_entries_and_reports_the_broken_ones(tmp_path, monkeypatch):
    """One entry invalid (never run), one failing while it runs (its worker, forked from here,
    inherits the patched papermill): the others are made, nothing partial is left."""
    import papermill

    run = papermill.execute_notebook

    def crash_for_one_client(notebook, output, parameters, **kwargs):
        if parameters["client"] == "Good Council":
            raise RuntimeError("the kernel died")
        return run(notebook, output, parameters=parameters, **kwargs)

    monkeypatch.setattr(papermill, "execute_notebook", crash_for_one_client)
    batch = tmp_path / "clients.yaml"
    batch.write_text("- client: Good Council\n  date: 2026-12-01\n  modules: [00_orders_compared]\n"
                     "- client: Broken Council\n  modules: [99_nope]\n"
                     "- client: Other Council\n  kind: briefing\n"
                     f"  case_file: {REPO / 'case_studies' / 'leo-and-his-aunt-in-spain.yaml'}\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["report", "--batch", str(batch), "--out", str(out),
                                       "--workers", "2"])
    assert result.exit_code == 1, result.output
    assert "1 made, 2 failed" in result.output
    assert re.search(r"Broken Council .*FAILED: .*99_nope", result.output)
    assert re.search(r"Good Council .*FAILED: the kernel died", result.output)
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 1 and names[0].startswith("case-briefing-other-council"), names
    assert not any(n.startswith(".") for n in names)


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


@pytest.mark.browser
def test_pdf_is_tagged_with_page_numbers_in_its_contents(tmp_path, browser):
    """Through the command (a subprocess: one sync Playwright per thread, and the session's
    browser fixture may hold this one)."""
    import subprocess
    import sys

    from pypdf import PdfReader

    result = subprocess.run(
        [sys.executable, "-m", "workshop_kit", "report", "--client", f"Cyngor {WELSH_FLAG} Council",
         "--date", "2026-12-01", "--module", "00_orders_compared", "--pdf", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    [html] = tmp_path.glob("*.html")
    [pdf] = tmp_path.glob("*.pdf")
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root and root["/Lang"] == "en-GB"
    pages = re.findall(r'data-part="orders-compared">(\d+)<', html.read_text(encoding="utf-8"))
    assert pages and int(pages[0]) >= 3, "cover, contents, then the first part"
    text = reader.pages[int(pages[0]) - 1].extract_text()
    assert "The orders compared" in text and f"Page {pages[0]} of {len(reader.pages)}" in text
    assert "Page 1 of" not in reader.pages[0].extract_text(), "no running footer on the cover"


AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["report", "briefing"])
def test_html_documents_have_no_axe_violations(kind, report_html, briefing_html, page, tmp_path):
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    path = tmp_path / f"{kind}.html"
    path.write_text(report_html if kind == "report" else briefing_html, encoding="utf-8")
    page.goto(path.as_uri())
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', "
                           "'wcag21aa', 'wcag22aa', 'best-practice']})")
    assert [(v["id"], v["nodes"][0]["html"][:120]) for v in result["violations"]] == []
    assert [r for r in page.requests if not r.startswith("file:")] == []


def test_an_id_typed_as_a_file_name_or_capitalised_is_refused_with_the_id_to_use():
    from workshop_kit.faces.report import ReportRequest, RequestError

    with pytest.raises(RequestError) as refused:
        ReportRequest.from_cli(client="Wessex County Council", course_date=None,
                               modules=("01_special_guardianship.ipynb",),
                               cases=("Leo-and-his-aunt-in-spain",), provider_file=None,
                               room_answers=())
    said = str(refused.value)
    assert "--module: '01_special_guardianship.ipynb' is not a valid id" in said
    assert "use '01_special_guardianship'" in said
    assert "--case: 'Leo-and-his-aunt-in-spain' is not a valid id" in said
    assert "use 'leo-and-his-aunt-in-spain'" in said
    assert "pattern" not in said
