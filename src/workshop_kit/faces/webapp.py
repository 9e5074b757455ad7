"""The web app: Voilà serving the workshop notebooks, offline, with code and tracebacks hidden."""

from __future__ import annotations

import os
from pathlib import Path

from workshop_kit.core.content import REPO_ROOT

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
LANDING_PAGE = "index.ipynb"
KERNEL_CULL_SECONDS = 600
"""A tab closed without shutting its kernel down (voila#1458) frees its memory after this long
idle. Long enough that a trainer who pauses for discussion keeps a working page."""


def notebooks_dir() -> Path:
    """`$WORKSHOP_KIT_NOTEBOOKS`, else the repository's `notebooks/`, else `./notebooks`."""
    if env := os.environ.get("WORKSHOP_KIT_NOTEBOOKS"):
        return Path(env)
    in_repo = REPO_ROOT / "notebooks"
    return in_repo if in_repo.is_dir() else Path.cwd() / "notebooks"


def voila_argv(root: Path, port: int, *, open_browser: bool = False) -> list[str]:
    """Command-line arguments for Voilà; kept separate so tests can check the security settings."""
    return [
        str(root),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        f"--Voila.open_browser={open_browser}",
        "--template=workshop",
        "--theme=light",
        "--show_tracebacks=False",
        "--strip_sources=True",
        f"--MappingKernelManager.cull_idle_timeout={KERNEL_CULL_SECONDS}",
        "--MappingKernelManager.cull_interval=60",
        "--MappingKernelManager.cull_connected=False",
    ]


def serve(port: int = 8866, *, root: Path | None = None, open_browser: bool = False) -> None:
    """Run the web app in this process until interrupted."""
    from tornado.web import RedirectHandler
    from voila.app import Voila

    root = root or notebooks_dir()
    if not (root / LANDING_PAGE).is_file():
        raise FileNotFoundError(f"no landing page {root / LANDING_PAGE}; "
                                "run from the workshop-kit folder or set WORKSHOP_KIT_NOTEBOOKS")

    class WorkshopVoila(Voila):
        """Voilà with `/` opening the landing page instead of a file listing."""

        def init_handlers(self):
            handlers = super().init_handlers()
            landing = self.server_url.rstrip("/") + "/voila/render/" + LANDING_PAGE
            return [(self.server_url.rstrip("/") + "/?", RedirectHandler, {"url": landing}),
                    *handlers]

    # Voilà finds templates on the Jupyter data path; ours is put first.
    data_path = TEMPLATES_DIR / "jupyter_data"
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(data_path), os.environ.get("JUPYTER_PATH", "")) if p)
    print(f"workshop-kit: serving the web app at http://127.0.0.1:{port}/  (Ctrl+C to stop)",
          flush=True)
    WorkshopVoila.launch_instance(argv=voila_argv(root, port, open_browser=open_browser))
