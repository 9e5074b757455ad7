"""`workshop-kit`: one command for trainers — serve the web app, build slides and client reports,
check the content."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click

from workshop_kit import DISCLAIMER, __version__
from workshop_kit.core.ids import UnknownId
from workshop_kit.core.loading import ContentError


class FriendlyGroup(click.Group):
    """Turn expected failures into one clear message and exit 1, never a traceback.

    Expected means named: bad content (`ContentError`), an id that names nothing (`UnknownId`),
    a missing file or a value the user gave wrongly. Anything else — a bare `KeyError` included —
    is a bug in the code and goes to the 'unexpected' branch, so it never looks like bad input.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ContentError as exc:
            for problem in exc.problems:
                click.echo(f"ERROR {problem}", err=True)
            sys.exit(1)
        except (UnknownId, FileNotFoundError, ValueError) as exc:
            click.echo(f"ERROR {exc}", err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("WORKSHOP_KIT_DEBUG"):
                raise
            click.echo(f"ERROR unexpected {type(exc).__name__}: {exc}\n"
                       "Nothing was written. Run again with WORKSHOP_KIT_DEBUG=1 to see the "
                       "technical details, and report them.", err=True)
            sys.exit(2)


@click.group(cls=FriendlyGroup, epilog=DISCLAIMER,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="workshop-kit")
def main() -> None:
    """Network Days workshop kit: permanence for looked-after children with family overseas.

    Start with `workshop-kit serve` and open the address it prints. Run
    `workshop-kit COMMAND --help` for each command's options.
    """


def _room_options(command):
    """Options shared by `serve` and `present`: where the web app runs and for how many."""
    for option in reversed([
        click.option("--port", default=8866, show_default=True, type=click.IntRange(1024, 65535),
                     help="Port to serve on."),
        click.option("--max-attendees", type=click.IntRange(1, 1000), default=None,
                     help="Most attendee pages open at once; past it, a 'room is full' page "
                     "(default: what this computer's memory holds)."),
        click.option("--pool-size", type=click.IntRange(0, 50), default=2, show_default=True,
                     help="Kernels kept warm per workshop page, so pages open fast (0: none)."),
        click.option("--expect", type=click.IntRange(1, 1000), default=None,
                     help="Attendees expected to open a page at the same moment: keeps that many "
                     "kernels warm per page, as far as memory allows (instead of --pool-size). "
                     f"With --room, {ROOM_EXPECT} unless --expect or --pool-size is given."),
        click.option("--room", is_flag=True, default=False,
                     help="Serve the venue network: attendees open the address (and QR code) "
                     "printed. Without it, only this computer can open the pages."),
        click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Folder for the room polls' answers, kept across restarts (default: "
                     "workshop-kit's folder in your user data directory)."),
        click.option("--event", "event_file", default=None,
                     type=click.Path(dir_okay=False, path_type=Path),
                     help="An event file (events/*.yaml): the landing page shows that day's "
                     "programme and the poll answers go to the event's own data folder."),
        click.option("--rehearsal", is_flag=True, default=False,
                     help="With --event: keep the poll answers in the event's rehearsal folder, "
                     "so they never reach the client's report."),
    ]):
        command = option(command)
    return command


ROOM_EXPECT = 30
"""What `--room` expects when the trainer does not say: a Network Day's room."""


def _expected(room: bool, expect: int | None) -> int | None:
    """`--expect`, or a room's worth with `--room` unless the pool size was chosen by hand."""
    if expect is not None or not room:
        return expect
    source = click.get_current_context().get_parameter_source("pool_size")
    return ROOM_EXPECT if source is click.core.ParameterSource.DEFAULT else None


def _event_polls(event_file: Path | None, rehearsal: bool,
                 data_dir: Path | None) -> tuple[Path, list[str]] | None:
    """With --event: check the event file, hand it to the kernels (WORKSHOP_KIT_EVENT) and
    return its own poll data folder (or --data-dir), saying which, and the polls it runs;
    None without --event."""
    if event_file is None:
        if rehearsal:
            raise ValueError("--rehearsal goes with --event: give the event file")
        return None
    from workshop_kit.core.event import EVENT_ENV, load_event_file
    from workshop_kit.faces.event_day import event_data_dir

    loaded = load_event_file(event_file)
    os.environ[EVENT_ENV] = str(loaded.path)  # kernels inherit it: the landing page's programme
    polls_dir = data_dir or event_data_dir(loaded.event, rehearsal=rehearsal)
    what = "rehearsal of " if rehearsal else ""
    click.echo(f"  Event: {what}{loaded.event.title} — {loaded.event.client}, "
               f"{loaded.event.first_day.isoformat()}")
    click.echo(f"  Poll answers of this {'rehearsal' if rehearsal else 'event'} are kept in "
               f"{polls_dir}")
    return polls_dir, loaded.event.poll_ids()


def _run_web_app(settings, data_dir: Path | None, event_file: Path | None = None,
                 rehearsal: bool = False) -> None:
    """Start the web app (with the room polls) until Ctrl+C; bad content stops it with the
    messages `validate` prints."""
    from platformdirs import user_data_dir

    from workshop_kit.faces import trainer
    from workshop_kit.faces.lite import lite_handlers
    from workshop_kit.faces.polls import poll_handlers
    from workshop_kit.faces.webapp import ContentProblems
    from workshop_kit.faces.webapp import serve as run

    event = _event_polls(event_file, rehearsal, data_dir)
    polls_dir = event[0] if event else data_dir or Path(user_data_dir("workshop-kit")) / "polls"
    only = event[1] if event else None
    lite = lite_handlers("/")  # the in-browser edition at /lite/, when built (`make lite`)
    settings.lite = bool(lite)
    try:
        run(settings, extra_handlers=[
            *poll_handlers(polls_dir, trainer.is_trainer, "/", only=only), *lite])
    except ContentProblems as exc:
        for line in exc.lines:
            click.echo(line, err=True)
        click.echo("workshop-kit did not start: fix the content above (run "
                   "`workshop-kit validate` to check again).", err=True)
        sys.exit(1)


@main.command()
@_room_options
@click.option("--open/--no-open", "open_browser", default=False, show_default=True,
              help="Open the landing page in this computer's browser.")
def serve(port: int, open_browser: bool, max_attendees: int | None, pool_size: int,
          expect: int | None, room: bool, data_dir: Path | None,
          event_file: Path | None = None, rehearsal: bool = False) -> None:
    """Serve the workshops as a web app at http://127.0.0.1:PORT/.

    Checks every content file first (as `workshop-kit validate` does) and does not start while
    one is broken. Prints a trainer link: the browser that opens it sees trainer view (timings,
    trainer notes, model answers) until the server stops; every other browser sees attendee
    view. Works with no internet: nothing is fetched from outside this computer. Code is hidden
    and errors are shown without technical detail. Stop it with Ctrl+C.
    """
    from workshop_kit.faces.webapp import RoomSettings

    settings = RoomSettings(port=port, pool_size=pool_size, room=room,
                            expect=_expected(room, expect),
                            open_browser=open_browser)
    if max_attendees is not None:
        settings.max_attendees = max_attendees
    _run_web_app(settings, data_dir, event_file, rehearsal)


# --- live slides: the web app showing one workshop as reveal.js slides (faces/present.py) -----

@main.command()
@click.argument("workshop")
@_room_options
@click.option("--open/--no-open", "open_browser", default=True, show_default=True,
              help="Open the slides, in trainer view, in this computer's browser.")
def present(workshop: str, port: int, open_browser: bool, max_attendees: int | None,
            pool_size: int, expect: int | None, room: bool, data_dir: Path | None,
            event_file: Path | None = None, rehearsal: bool = False) -> None:
    """Present WORKSHOP (e.g. 01_special_guardianship) as slides with live widgets.

    Starts the web app as `serve` does (same options, checks and trainer link) and opens the
    workshop as reveal.js slides in trainer view: → or Space for the next slide, ← back, S for a
    speaker window with the trainer notes, timings and model answers of the slide on screen,
    Esc for an overview. Widgets work as on the page; Esc hands the keyboard back to the slides.
    Attendees can follow the same slides (no notes) or the ordinary pages. Works offline.
    """
    from workshop_kit.faces import trainer
    from workshop_kit.faces.present import presentation_path, workshop_notebook
    from workshop_kit.faces.slides import reveal_source
    from workshop_kit.faces.webapp import RoomSettings, notebooks_dir

    reveal_source()  # says what to install when reveal.js is missing
    slides = presentation_path(workshop_notebook(workshop, notebooks_dir()))
    settings = RoomSettings(port=port, pool_size=pool_size, room=room,
                            expect=_expected(room, expect),
                            open_browser=open_browser)
    if max_attendees is not None:
        settings.max_attendees = max_attendees
    trainer_slides = trainer.trainer_path(settings.trainer_key, slides)
    settings.open_path = trainer_slides
    settings.announce = [
        f"  Live slides of {slides.rsplit('/', 1)[-1]} (trainer view, with speaker notes on S): "
        f"http://127.0.0.1:{port}{trainer_slides}",
        f"  The same slides for the room (no notes): http://{settings.public_host}:{port}{slides}",
    ]
    _run_web_app(settings, data_dir, event_file, rehearsal)


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Folder to write the decks into (created if needed; default: "
              "slides/build, or slides/build/EVENT_ID with --event).")
@click.option("--trainer", is_flag=True,
              help="Also build trainer decks with speaker notes (trainer notes, timings, model "
              "answers) into OUT/trainer/; press S in one for the speaker view. Keep that folder "
              "to yourself: the attendee decks in OUT hold no trainer-only text.")
@click.option("--handout", is_flag=True,
              help="Also print an A4 handout per deck (OUT/NAME.handout.pdf), with the detail the "
              "slides leave out (a case study at a glance; its full detail is in the training "
              "pack `report` makes), and say how many pages each came to. Needs Chromium "
              "(apt-get install chromium).")
@click.option("--event", "event_file", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="An event file (events/*.yaml): decks for that day's workshops only, the "
              "case-study explorer deck holding only the day's cases.")
@click.argument("notebooks", nargs=-1, type=click.Path(exists=True, dir_okay=False,
                                                       path_type=Path))
def slides(out_dir: Path | None, trainer: bool, handout: bool, notebooks: tuple[Path, ...],
           event_file: Path | None = None) -> None:
    """Build reveal.js slide decks (16:9) from the workshop notebooks.

    Decks work with no internet. Each is an HTML file that loads reveal.js from the folder
    beside it: copy the whole output folder to a laptop or USB stick. With no NOTEBOOKS,
    builds a deck for every workshop notebook.
    """
    from workshop_kit.faces.slides import build_decks

    cases: tuple[str, ...] | None = None
    chosen = list(notebooks) or None
    if event_file is not None:
        from workshop_kit.core.event import load_event
        from workshop_kit.faces.webapp import notebooks_dir

        if notebooks:
            raise ValueError("--event chooses the notebooks (the day's workshops): give one or "
                             "the other")
        event = load_event(event_file)
        chosen = [notebooks_dir() / f"{w}.ipynb" for w in event.workshop_ids]
        cases = tuple(event.cases)
        out_dir = out_dir or Path("slides/build") / event.id
    out_dir = out_dir or Path("slides/build")
    if handout:
        from workshop_kit.faces.chromium import require_chromium

        require_chromium("Handouts", "--handout")  # before any deck is written
    for made in build_decks(chosen, out_dir, trainer=trainer, cases=cases):
        click.echo(f"wrote {made}")
    if handout:
        from workshop_kit.faces.handout import CASE_MAX_PAGES, MAX_PAGES
        from workshop_kit.faces.slides import build_handouts

        click.echo(f"Handouts (A4; budget: {MAX_PAGES} pages each, {CASE_MAX_PAGES} a case):")
        for printed in build_handouts(chosen, out_dir, cases=cases):
            click.echo(f"  {printed.line()}")


# --- client documents: training packs, case briefings, batches (faces/report*.py) -----------

def _document_options(command):
    """Options shared by `report` and `briefing`."""
    for option in reversed([
        click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
                     required=True, help="Folder to write into (created if needed)."),
        click.option("--date", "course_date", default=None, metavar="YYYY-MM-DD",
                     help="Date of the training (default: today)."),
        click.option("--pdf/--no-pdf", default=False, show_default=True,
                     help="Also write a tagged PDF with contents and page numbers (needs Chromium)."),
        click.option("--force", is_flag=True, default=False,
                     help="Replace a file the same request made before (default: refuse)."),
        click.option("--provider", "provider_file", default=None,
                     type=click.Path(dir_okay=False, path_type=Path),
                     help="Your own provider.yaml: name, contact and next steps for the ending."),
    ]):
        command = option(command)
    return command


def _wrote(paths: list[Path]) -> None:
    for path in paths:
        click.echo(f"wrote {path}")


@main.command()
@click.option("--client", default=None, help="The commissioning organisation's name, shown on "
              "the cover. Do not put a child's or family's name here.")
@_document_options
@click.option("--module", "modules", multiple=True, metavar="ID",
              help="A workshop to include, e.g. 01_special_guardianship (repeat for more; "
              "default: all).")
@click.option("--case", "cases", multiple=True, metavar="ID",
              help="A fictional case study to work through, e.g. leo-and-his-aunt-in-spain "
              "(repeat for more; default: none).")
@click.option("--room-answers", "room_answers", multiple=True, metavar="PATH",
              type=click.Path(path_type=Path),
              help="Add 'What the room answered': the room polls' answers given on --date, from "
              "the folder `serve` kept them in (its --data-dir; without one, polls/ in "
              "workshop-kit's user data folder, e.g. ~/.local/share/workshop-kit/polls), its "
              "polls.sqlite3, or CSV files exported from the trainer's poll page (a file or a "
              "folder of them; repeat for more).")
@click.option("--batch", "batch_file", default=None, type=click.Path(dir_okay=False, path_type=Path),
              help="A YAML list of documents to make (client, date, kind, modules, cases, "
              "case_file, room_answers); replaces --client, --module and --case.")
@click.option("--event", "event_file", default=None,
              type=click.Path(dir_okay=False, path_type=Path),
              help="An event file (events/*.yaml): the pack of that day's workshops and cases, "
              "with its client, date and provider, and what the room answered from the event's "
              "own data folder when `serve --event` recorded any; replaces --client, --module, "
              "--case, --provider and --room-answers (--date: which of its days; default: the "
              "first).")
@click.option("--dry-run", is_flag=True, default=False,
              help="With --batch: check every entry and stop before making anything.")
@click.option("--workers", default=None, type=click.IntRange(1, 64),
              help="With --batch: documents made at once (default: this computer's cores).")
def report(client: str | None, out_dir: Path, course_date: str | None, pdf: bool, force: bool,
           provider_file: Path | None, modules: tuple[str, ...], cases: tuple[str, ...],
           room_answers: tuple[Path, ...], batch_file: Path | None, dry_run: bool,
           workers: int | None, event_file: Path | None = None) -> None:
    """Make a training pack for a client: a self-contained HTML document (and PDF).

    Cover, contents, each chosen workshop with its sourced key points, the orders compared, the
    chosen case studies, what the room answered in its polls (with --room-answers), the points
    still to be confirmed, and next steps with the provider's contact details. No scripts,
    nothing loaded from outside: it can be emailed or archived as one file. An existing file is
    never replaced without --force; a failure leaves nothing.
    """
    from workshop_kit.faces.report import ReportRequest, make_report

    if event_file is not None:
        if client or modules or cases or room_answers or provider_file or batch_file:
            raise ValueError("--event replaces --client, --module, --case, --provider, "
                             "--room-answers and --batch: the event file says them")
        _event_report(event_file, out_dir, pdf=pdf, force=force, day=course_date)
        return
    if batch_file is not None:
        if client or modules or cases or room_answers:
            raise ValueError("--batch replaces --client, --module, --case and --room-answers: "
                             "give one or the other")
        _batch(batch_file, out_dir, pdf=pdf, force=force, dry_run=dry_run, workers=workers)
        return
    if not client:
        raise ValueError("--client: give the commissioning organisation's name (or use --batch)")
    request = ReportRequest.from_cli(client=client, course_date=course_date, modules=modules,
                                     cases=cases, provider_file=provider_file,
                                     room_answers=room_answers)
    _wrote(make_report(request, out_dir, pdf=pdf, force=force))
    _warn_if_example_provider(provider_file)


def _event_report(event_file: Path, out_dir: Path, *, pdf: bool, force: bool,
                  day: str | None = None) -> None:
    from workshop_kit.core.event import load_event_file
    from workshop_kit.faces.event_day import event_data_dir, report_request
    from workshop_kit.faces.report import make_report

    loaded = load_event_file(event_file)
    request = report_request(loaded, day)
    if request.room_answers:
        click.echo(f"What the room answered: from {event_data_dir(loaded.event)}", err=True)
    else:
        click.echo(f"No room answers yet in {event_data_dir(loaded.event)}: the pack has no "
                   "'What the room answered' part.", err=True)
    _wrote(make_report(request, out_dir, pdf=pdf, force=force))
    _warn_if_example_provider(loaded.provider_file)


@main.command()
@click.argument("case_file", type=click.Path(path_type=Path))
@click.option("--client", required=True, help="The commissioning organisation's name, shown on "
              "the cover. Do not put a child's or family's name here.")
@_document_options
def briefing(case_file: Path, client: str, out_dir: Path, course_date: str | None, pdf: bool,
             force: bool, provider_file: Path | None) -> None:
    """Work one case file up as a written options response (HTML, and PDF with --pdf).

    CASE_FILE is a case study's YAML file: a shipped one (case_studies/) or your own draft kept
    anywhere. The briefing gives the situation, each route's verdict with reasons and citations,
    the timeline and its risks, the viability evidence and gaps, the balance sheet of the
    realistic options, and the questions to resolve next. The file is checked first (a problem
    is reported by file, field and line); the case is read from the file, never passed on as a
    parameter.
    """
    from workshop_kit.faces.report import ReportRequest, make_report

    request = ReportRequest.from_cli(client=client, course_date=course_date, kind="briefing",
                                     case_file=case_file, provider_file=provider_file)
    _wrote(make_report(request, out_dir, pdf=pdf, force=force))
    _warn_if_example_provider(provider_file)


EXAMPLE_PROVIDER_MARK = "(example provider)"
"""How the shipped provider.yaml names itself: its address and phone number are made up."""


def _warn_if_example_provider(provider_file: Path | None) -> None:
    """A document for a client must not go out under the shipped example's made-up contact
    details: say so after writing it, with what to do."""
    from workshop_kit.core.content import CONTENT_DIR, provider

    name = provider(provider_file).name
    if EXAMPLE_PROVIDER_MARK not in name:
        return
    click.echo(f"NOTE: this document names the example provider ({name}: "
               "made-up address, email and phone). Before sending it to a client, copy "
               f"{CONTENT_DIR / 'provider.yaml'} , put in your own details, and make it again "
               "with --provider YOUR_FILE.", err=True)


def _batch(batch_file: Path, out_dir: Path, *, pdf: bool, force: bool, dry_run: bool,
           workers: int | None) -> None:
    from workshop_kit.faces.report import check_out_dir
    from workshop_kit.faces.report_batch import check_targets, read_batch, run_batch, summary_rows

    jobs = read_batch(batch_file)
    runnable = [j for j in jobs if j.request]
    for job in jobs:
        if job.rejected:
            click.echo(f"ERROR {job.rejected}", err=True)
    click.echo(f"{len(runnable)} of {len(jobs)} entries can be made.")
    if dry_run:
        sys.exit(0 if len(runnable) == len(jobs) else 1)
    if runnable:
        created = check_out_dir(out_dir)
        try:
            check_targets(jobs, out_dir, pdf=pdf, force=force)
        except ValueError:
            if created:
                out_dir.rmdir()
            raise
    with click.progressbar(length=len(runnable), label="Making documents",
                           file=sys.stderr) as bar:
        outcomes = run_batch(jobs, out_dir, pdf=pdf, force=force, workers=workers,
                             on_done=lambda o: bar.update(1) if o.job.request else None)
    rows = [("Client", "Kind", "File", "Pages", "Result"), *summary_rows(outcomes)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True))
                   + "  " + row[4])
    failed = sum(not o.ok for o in outcomes)
    click.echo(f"{len(outcomes) - failed} made, {failed} failed.")
    if failed:
        sys.exit(1)


@main.command()
@click.argument("case_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--today", default=None, metavar="YYYY-MM-DD",
              help="The day to assess on: decides which Conventions are in force and what is "
              "overdue (default: today).")
@click.option("--json", "as_json", is_flag=True, help="Write JSON in the documented shape "
              "(docs/assess.md) instead of words.")
def assess(case_file: Path, today: str | None, as_json: bool) -> None:
    """Assess one case file: each route's verdict with its findings and citations, then the
    timeline and where delay is likely.

    CASE_FILE may be a shipped case or your own draft kept anywhere; it is checked as
    `workshop-kit validate` checks it, with the same messages.
    """
    from workshop_kit.core.content import countries
    from workshop_kit.core.loading import date_problem
    from workshop_kit.faces import assessment

    day = dt.date.today()
    if today is not None:
        try:
            day = dt.date.fromisoformat(today)
        except ValueError:
            raise click.BadParameter(date_problem(today), param_hint="--today") from None
    case = assessment.load_case(case_file, countries())
    data = assessment.assessment_data(case, countries(), day)
    click.echo(assessment.as_json(data) if as_json else assessment.as_text(data))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check content files: the shipped ones, or the files and folders given.

    Errors name the file, the field and the line, and make the exit status 1. Warnings (a fact
    not reviewed for 12 months, an uncertain fact with no caveat) are printed but do not fail.
    """
    from workshop_kit.core.validation import run_validation

    sys.exit(run_validation(list(paths), click.echo))


@main.command("new-event")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def new_event(path: Path) -> None:
    """Start an event file at PATH (e.g. events/borsetshire-2026-12-01.yaml): a Network Day's
    client, date, venue, trainers, workshops with start times and case studies.

    An existing file is never overwritten. Edit it, then run `workshop-kit validate PATH`.
    """
    from workshop_kit.core.event import new_event as scaffold

    click.echo(f"wrote {scaffold(path)}")
    click.echo(f"Next: edit it, then run `workshop-kit validate {path}`.")


@main.command("new-workshop")
@click.argument("workshop_id", metavar="ID")
@click.option("--title", default=None, help="The workshop's title (default: from the ID).")
@click.option("--plans", "plans_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the plan (default: the package's content/workshops/).")
@click.option("--notebooks", "notebooks_dir", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Folder for the notebook (default: the repository's notebooks/).")
def new_workshop(workshop_id: str, title: str | None, plans_dir: Path | None,
                 notebooks_dir: Path | None) -> None:
    """Start a new workshop: a plan and a thin notebook that pass `workshop-kit validate`.

    ID is also the notebook's name, e.g. 05_contact_abroad (the number sets its place on the
    landing page). Existing files are never overwritten. Then edit the plan's text, add sections
    (each shown in the notebook with page.key_points("<id>")) and run `workshop-kit validate`.
    """
    from workshop_kit.core.content import CONTENT_DIR
    from workshop_kit.core.content import notebooks_dir as default_notebooks
    from workshop_kit.faces.new_workshop import new_workshop as scaffold

    for path in scaffold(workshop_id, plans_dir or CONTENT_DIR / "workshops",
                         notebooks_dir or default_notebooks(), title):
        click.echo(f"wrote {path}")
    click.echo("Next: edit the plan's text and sections, then run `workshop-kit validate`.")


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to build the site into (default: lite/_output; replaced).")
def lite(out_dir: Path | None) -> None:
    """Build the workshops as a JupyterLite site that runs in the attendee's browser, offline.

    Python runs in the browser (Pyodide): host the folder on any static web server, or
    `workshop-kit serve` shows it at /lite/. Needs `make install` (Pyodide from npm).
    """
    from workshop_kit.faces.lite import OUTPUT_DIR, LiteError, build

    try:
        click.echo(f"wrote {build(out_dir or OUTPUT_DIR)}")
    except LiteError as error:
        raise click.ClickException(str(error)) from None
