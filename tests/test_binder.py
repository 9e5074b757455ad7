"""Binder as repo2docker would build it from binder/ alone: it builds, postBuild can run again
quietly, every notebook runs, and `voila/render/...` through the Jupyter server extension shows the
workshop template with live widgets and nothing fetched from outside this computer."""

from __future__ import annotations

import re
import secrets
import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from binder_build import REPO, quiet_lines, run_postbuild, stop, wait_for_port
from conftest import free_port, outside_requests

pytestmark = pytest.mark.deploy

TIMEOUT = 90_000
NOTEBOOK_SECONDS = 300
SCREENSHOTS = REPO / "build" / "screenshots"
NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("*.ipynb"))


def test_binder_declares_the_python_the_package_needs():
    assert (REPO / "binder" / "runtime.txt").read_text().strip() == "python-3.11"
    assert "-r ../requirements/constraints.txt" in (REPO / "binder" / "requirements.txt").read_text()


def test_postbuild_prints_nothing_and_can_run_again(binder_env, tmp_path):
    assert quiet_lines(binder_env.postbuild_output) == []
    again = run_postbuild(binder_env, binder_env.environ(tmp_path))
    assert quiet_lines(again) == []
    template = binder_env.prefix / "share/jupyter/voila/templates/workshop/index.html.j2"
    assert template.is_file(), "postBuild must put the workshop template on the Jupyter data path"


def test_binder_environment_has_the_pinned_versions(binder_env):
    pins = dict(line.split("==", 1) for line in
                (REPO / "requirements/constraints.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    done = subprocess.run([str(binder_env.bin / "python"), "-m", "pip", "freeze", "--exclude-editable"],
                          capture_output=True, text=True, timeout=120, check=True)
    frozen = dict(line.split("==", 1) for line in done.stdout.splitlines() if "==" in line)
    for name in ("voila", "ipywidgets", "jupyter_server", "jupyterhub", "nbconvert"):
        key = next(k for k in pins if k.lower().replace("-", "_") == name)
        assert frozen.get(key) == pins[key], name


def readme_binder_paths() -> list[str]:
    """The `urlpath` of every Binder launch link in the README."""
    readme = (REPO / "README.md").read_text()
    return [unquote(p) for p in re.findall(r"mybinder\.org/v2/gh/[^)\s]*?\?urlpath=([^)\s]+)", readme)]


def test_readme_has_both_binder_links_for_every_notebook():
    paths = set(readme_binder_paths())
    for notebook in NOTEBOOKS:
        assert f"lab/tree/notebooks/{notebook}" in paths, notebook
        assert f"voila/render/notebooks/{notebook}" in paths, notebook


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_notebook_runs_top_to_bottom_in_the_binder_environment(binder_env, tmp_path, notebook):
    out = tmp_path / notebook
    done = subprocess.run(
        [str(binder_env.bin / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
         f"--ExecutePreprocessor.timeout={NOTEBOOK_SECONDS}", "--output", str(out), notebook],
        cwd=binder_env.checkout / "notebooks", env=binder_env.environ(tmp_path / "home"),
        capture_output=True, text=True, timeout=NOTEBOOK_SECONDS + 60)
    assert done.returncode == 0, "\n".join(quiet_lines(done.stderr)[-20:])
    text = out.read_text()
    assert '"output_type": "error"' not in text
    assert "Training material, not legal advice" in text


@pytest.fixture(scope="module")
def binder_server(binder_env, tmp_path_factory):
    """`jupyter server` from the Binder environment on loopback, serving the checkout as Binder
    serves the repository (root = repository, token login)."""
    home = tmp_path_factory.mktemp("binder-server")
    port, token = free_port(), secrets.token_hex(16)
    log = (home / "server.log").open("w")
    process = subprocess.Popen(
        [str(binder_env.bin / "jupyter"), "server", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={binder_env.checkout}", "--ServerApp.allow_root=True"],
        cwd=binder_env.checkout, env=binder_env.environ(home), stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, process, "jupyter server")
        yield f"http://127.0.0.1:{port}", token
    finally:
        stop(process)
        log.close()


def test_every_readme_binder_link_opens_in_the_binder_server(binder_server):
    base, token = binder_server
    for path in readme_binder_paths():
        with urllib.request.urlopen(f"{base}/{path}?token={token}", timeout=300) as response:
            assert response.status == 200, path


def assert_workshop_template(html: str) -> None:
    """Voila's stock `lab` template links two Font Awesome stylesheets from a CDN; ours links none."""
    assert not re.search(r'<link[^>]+href="https?://', html), "the stock template, not the workshop one"


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path), full_page=False)
    return path


@pytest.mark.browser
def test_server_extension_serves_the_landing_page_with_the_workshop_template(binder_server, page):
    base, token = binder_server
    page.goto(f"{base}/voila/render/notebooks/index.ipynb?token={token}")
    expect(page.get_by_role("heading", name=re.compile("Network Days"))).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Training material, not legal advice").first).to_be_visible()
    # The workshop list is a widget: it appears once the kernel has answered.
    expect(page.get_by_role("link", name="Orders compared")).to_be_visible(timeout=TIMEOUT)
    html = page.content()
    assert_workshop_template(html)
    assert "page_setup()" not in html, "sources are stripped as in the web app"
    screenshot(page, "binder-index.png")
    # Trainer view has text Voila typesets as maths: MathJax must come from this computer too.
    page.goto(f"{base}/voila/render/notebooks/index.ipynb?view=trainer")
    expect(page.get_by_role("heading", name=re.compile("Network Days"))).to_be_visible(timeout=TIMEOUT)
    page.wait_for_load_state("networkidle")
    assert outside_requests(page.requests) == []
    assert page.errors == []


@pytest.mark.browser
def test_workshop_page_widgets_work_through_the_server_extension(binder_server, page):
    base, token = binder_server
    page.goto(f"{base}/voila/render/notebooks/index.ipynb?token={token}")
    page.get_by_role("link", name="Orders compared").click()
    page.wait_for_url(re.compile(r"/voila/render/notebooks/00_orders_compared\.ipynb"))
    header = page.locator(".wk-orders-comparison .wk-table thead th")
    expect(header.first).to_be_visible(timeout=TIMEOUT)
    count = header.count()
    page.get_by_label("Child Arrangements Order (lives with)", exact=True).check()
    expect(header).to_have_count(count + 1)
    expect(page.get_by_text("Trainer: session timings")).to_be_hidden()
    assert_workshop_template(page.content())
    screenshot(page, "binder-00_orders_compared.png")
    assert page.locator("[data-mime-type*='stderr']").count() == 0
    assert outside_requests(page.requests) == []
    assert page.errors == []
