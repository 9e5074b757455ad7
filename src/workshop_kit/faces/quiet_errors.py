"""In the served web app, an error never sends a traceback to the browser.

ipywidgets reports an exception in a widget message handler with `showtraceback()`, which sends
the full traceback, with server paths, over the websocket to every page of that kernel (a hostile
`comm_msg` with a value of the wrong type is enough). In a served kernel the error message keeps
only a sentence in plain words; the details go to the server's terminal for the trainer.
"""

from __future__ import annotations

import sys
import traceback

PLAIN = "Something on this page could not do that. Reload the page if it stops responding."


def quiet_tracebacks() -> None:
    """Replace this kernel's traceback display with a plain sentence (idempotent)."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None or getattr(shell, "_workshop_kit_quiet", False):
        return

    def plain_traceback(etype, evalue, stb):
        last = traceback.format_exception_only(etype, evalue)[-1].strip()
        print(f"workshop-kit: an error in a page was hidden from the browser: {last}",
              file=sys.__stderr__, flush=True)
        shell.__class__._showtraceback(shell, RuntimeError, PLAIN, [PLAIN])

    shell._showtraceback = plain_traceback
    shell._workshop_kit_quiet = True
