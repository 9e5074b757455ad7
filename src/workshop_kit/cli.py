"""`workshop-kit`: one command for trainers — serve the web app, build slides and client reports,
check the content."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from workshop_kit import DISCLAIMER, __version__
from workshop_kit.core.loading import ContentError


class FriendlyGroup(click.Group):
    """Turn expected failures into one clear message and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ContentError as exc:
            for problem in exc.problems:
                click.echo(f"ERROR {problem}", err=True)
            sys.exit(1)
        except (FileNotFoundError, ValueError, KeyError) as exc:
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


@main.command()
@click.option("--port", default=8866, show_default=True, type=click.IntRange(1024, 65535),
              help="Port to serve on.")
@click.option("--open/--no-open", "open_browser", default=False, show_default=True,
              help="Open the landing page in this computer's browser.")
@click.option("--max-attendees", type=click.IntRange(1, 1000), default=None,
              help="Most attendee pages open at once; past it, a 'room is full' page "
              "(default: what this computer's memory holds).")
@click.option("--pool-size", type=click.IntRange(0, 50), default=2, show_default=True,
              help="Kernels kept warm per workshop page, so pages open fast (0: none).")
@click.option("--room", is_flag=True, default=False,
              help="Serve the venue network: attendees open the address (and QR code) printed. "
              "Without it, only this computer can open the pages.")
def serve(port: int, open_browser: bool, max_attendees: int | None, pool_size: int,
          room: bool) -> None:
    """Serve the workshops as a web app at http://127.0.0.1:PORT/.

    Checks every content file first (as `workshop-kit validate` does) and does not start while
    one is broken. Prints a trainer link: the browser that opens it sees trainer view (timings,
    trainer notes, model answers) until the server stops; every other browser sees attendee
    view. Works with no internet: nothing is fetched from outside this computer. Code is hidden
    and errors are shown without technical detail. Stop it with Ctrl+C.
    """
    from workshop_kit.faces.webapp import ContentProblems, RoomSettings
    from workshop_kit.faces.webapp import serve as run

    settings = RoomSettings(port=port, pool_size=pool_size, room=room,
                            open_browser=open_browser)
    if max_attendees is not None:
        settings.max_attendees = max_attendees
    try:
        run(settings)
    except ContentProblems as exc:
        for line in exc.lines:
            click.echo(line, err=True)
        click.echo("workshop-kit serve did not start: fix the content above (run "
                   "`workshop-kit validate` to check again).", err=True)
        sys.exit(1)


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("slides/build"), show_default=True,
              help="Folder to write the decks into (created if needed).")
@click.argument("notebooks", nargs=-1, type=click.Path(exists=True, dir_okay=False,
                                                       path_type=Path))
def slides(out_dir: Path, notebooks: tuple[Path, ...]) -> None:
    """Build reveal.js slide decks from the workshop notebooks.

    Decks work with no internet. Each is an HTML file that loads reveal.js from the folder
    beside it: copy the whole output folder to a laptop or USB stick. With no NOTEBOOKS,
    builds a deck for every workshop notebook.
    """
    from workshop_kit.faces.slides import build_decks

    for deck in build_decks(list(notebooks) or None, out_dir):
        click.echo(f"wrote {deck}")


@main.command()
@click.option("--client", required=True, help="The commissioning organisation's name, shown on "
              "the cover. Do not put a child's or family's name here.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              required=True, help="Folder to write the report into (created if needed).")
@click.option("--date", "course_date", default=None, metavar="YYYY-MM-DD",
              help="Date of the training (default: today).")
@click.option("--module", "modules", multiple=True, metavar="ID",
              help="A workshop to include, e.g. 01_special_guardianship (repeat for more; "
              "default: all).")
@click.option("--case", "cases", multiple=True, metavar="ID",
              help="A fictional case study to work through, e.g. leo-and-his-aunt-in-spain "
              "(repeat for more; default: none).")
@click.option("--pdf/--no-pdf", default=False, show_default=True,
              help="Also write a PDF (needs Chromium installed).")
def report(client: str, out_dir: Path, course_date: str | None, modules: tuple[str, ...],
           cases: tuple[str, ...], pdf: bool) -> None:
    """Make a self-contained HTML report for a training client.

    The report names the client and the training date, summarises the chosen workshops with
    their sourced key points, carries the orders comparison chart, and works through the chosen
    case studies. It has no scripts and loads nothing from outside, so it can be emailed or
    archived as one file. An unknown id is reported with the list of known ones.
    """
    from workshop_kit.faces.report import ReportRequest, make_report

    request = ReportRequest.from_cli(client=client, course_date=course_date, modules=modules,
                                     cases=cases)
    for path in make_report(request, out_dir, pdf=pdf):
        click.echo(f"wrote {path}")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check content files: the shipped ones, or the files and folders given.

    Errors name the file, the field and the line, and make the exit status 1. Warnings (a fact
    not reviewed for 12 months, an uncertain fact with no caveat) are printed but do not fail.
    """
    from workshop_kit.core.validation import run_validation

    sys.exit(run_validation(list(paths), click.echo))
