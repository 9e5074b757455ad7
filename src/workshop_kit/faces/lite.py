"""`workshop-kit lite`: the workshops as a static JupyterLite site that runs in the attendee's browser
(Pyodide), offline: nothing is fetched at run time.

Inputs, all pinned: the Pyodide runtime from npm (`node_modules/pyodide`, see package.json), the
Python packages as wheels from PyPI (`lite/wheels.toml`: version and sha256 of each), and a wheel of
workshop-kit built from this repository. The Pyodide lock is written here from those wheels
(JupyterLite's own lock step treats an npm-only Pyodide as partial and falls back to the CDN).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import urllib.request
import zipfile
from dataclasses import dataclass
from email.parser import Parser
from importlib.util import find_spec
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from workshop_kit.core.content import REPO_ROOT

LITE_DIR = REPO_ROOT / "lite"
WHEELS_TOML = LITE_DIR / "wheels.toml"
CACHE_DIR = LITE_DIR / ".cache"
OUTPUT_DIR = LITE_DIR / "_output"
PYODIDE_NPM = REPO_ROOT / "node_modules" / "pyodide"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide.js")
KERNEL_PLUGIN = "@jupyterlite/pyodide-kernel-extension:kernel"
# Front-end-only packages ipywidgets requires: JupyterLite brings the widget front end itself.
FRONT_END_ONLY = {"widgetsnbextension", "jupyterlab-widgets"}
# In the site and its lock (micropip finds them) but not loaded when the kernel starts, and no
# package's dependency there: IPython's completer imports jedi whenever it is installed, which
# cost about 4 s of every kernel start in the browser and 5.5 MB of the first visit, for tab
# completion the workshop pages do not need (IPython completes without it).
NOT_AT_START = {"jedi", "parso"}
# How Pyodide's Python answers environment markers (sys_platform etc.) in Requires-Dist.
PYODIDE_MARKERS = {"sys_platform": "emscripten", "platform_system": "Emscripten",
                   "python_version": "3.14", "python_full_version": "3.14.2",
                   "implementation_name": "cpython", "platform_machine": "wasm32", "os_name": "posix",
                   "extra": ""}


class LiteError(Exception):
    """A build failure told in one line."""


@dataclass(frozen=True)
class PinnedWheel:
    name: str
    version: str
    file: str
    sha256: str
    sdist: bool = False


def pinned_wheels(path: Path = WHEELS_TOML) -> list[PinnedWheel]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [PinnedWheel(**entry) for entry in data["wheel"]]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _download(pin: PinnedWheel, cache: Path) -> Path:
    """The pinned file from PyPI (once: kept in `cache`), refused when its sha256 differs."""
    target = cache / pin.file
    if target.is_file() and _sha256(target) == pin.sha256:
        return target
    try:
        index = f"https://pypi.org/pypi/{pin.name}/json"
        with urllib.request.urlopen(index, timeout=60) as answer:
            releases = json.load(answer)["releases"]
        found = next(f["url"] for f in releases.get(pin.version, []) if f["filename"] == pin.file)
        url = urljoin(index, found)
        cache.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(url, timeout=300) as answer:
            target.write_bytes(answer.read())
    except (OSError, StopIteration, KeyError, ValueError) as error:
        raise LiteError(f"could not download {pin.file} from PyPI: {error or 'not in the release'}") from None
    if _sha256(target) != pin.sha256:
        target.unlink()
        raise LiteError(f"{pin.file}: sha256 differs from lite/wheels.toml")
    return target


def _pip_wheel(source: Path, dest: Path, env: dict[str, str] | None = None, isolated: bool = True) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                   "--disable-pip-version-check", "-w", tmp, str(source)]
        if not isolated:
            command.insert(4, "--no-build-isolation")
        done = subprocess.run(command, env={**os.environ, **(env or {})}, capture_output=True, text=True)
        built = sorted(Path(tmp).glob("*.whl"))
        if done.returncode or not built:
            errors = [line.strip() for line in done.stderr.splitlines() if "error" in line.lower()]
            last = (errors or ["no wheel"])[0]
            raise LiteError(f"could not build a wheel from {source.name}: {last}")
        dest.mkdir(parents=True, exist_ok=True)
        return Path(shutil.copy2(built[0], dest / built[0].name))


def _wheel_for(pin: PinnedWheel, cache: Path) -> Path:
    fetched = _download(pin, cache)
    if not pin.sdist:
        return fetched
    built_dir = cache / "built" / pin.sha256[:16]
    if existing := sorted(built_dir.glob("*-none-any.whl")):
        return existing[0]
    # PyYAML: without libyaml its setup makes a pure-Python wheel, which Pyodide can load.
    wheel = _pip_wheel(fetched, built_dir, env={"PYYAML_FORCE_LIBYAML": "0"})
    if not wheel.name.endswith("-none-any.whl"):
        raise LiteError(f"{wheel.name} is not a pure-Python wheel: Pyodide cannot load it")
    return wheel


def _metadata(wheel: Path) -> tuple[str, str, list[str], list[str]]:
    """Name, version, requirements (for Pyodide's markers) and top-level import names of a wheel."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        meta_name = next(n for n in names if n.count("/") == 1 and n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(archive.read(meta_name).decode("utf-8"))
    requires = []
    for line in meta.get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(PYODIDE_MARKERS):
            requires.append(str(canonicalize_name(requirement.name)))
    tops = set()
    for name in names:
        top = name.split("/")[0]
        if top.endswith((".dist-info", ".data")):
            continue
        if "/" in name:
            tops.add(top)
        elif name.endswith(".py"):
            tops.add(name[:-3])
    return meta["Name"], meta["Version"], requires, sorted(t for t in tops if t.isidentifier())


def pyodide_lock(wheels: list[Path], runtime_lock: dict[str, Any]) -> dict[str, Any]:
    """A pyodide-lock.json listing exactly `wheels` (files beside it), with the runtime's info."""
    entries: dict[str, dict[str, Any]] = {}
    for wheel in wheels:
        name, version, requires, imports = _metadata(wheel)
        entries[str(canonicalize_name(name))] = {
            "name": name, "version": version, "file_name": wheel.name, "install_dir": "site",
            "sha256": _sha256(wheel), "package_type": "package", "imports": imports,
            "depends": requires, "unvendored_tests": False, "tool": {},
        }
    for entry in entries.values():
        entry["depends"] = sorted(d for d in entry["depends"] if d in entries
                                  and d not in FRONT_END_ONLY and d not in NOT_AT_START)
    return {"info": runtime_lock["info"], "packages": dict(sorted(entries.items()))}


def _jupyter_lite_json(packages: list[str]) -> dict[str, Any]:
    return {
        "jupyter-lite-schema-version": 0,
        "jupyter-config-data": {
            "appName": "Network Days workshops",
            "litePluginSettings": {
                KERNEL_PLUGIN: {
                    "pyodideUrl": "./static/pyodide/pyodide.mjs",
                    "disablePyPIFallback": True,
                    "loadPyodideOptions": {"packages": packages},
                }
            },
        },
    }


SETTINGS_OVERRIDES = {
    # Every cell in the page, not only those on screen (JupyterLab's default "full" windowing):
    # the browser's find-in-page then finds any key point, and a workshop notebook is short.
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}


def build(output: Path = OUTPUT_DIR, cache: Path = CACHE_DIR) -> Path:
    """Build the site into `output` and return it. Raises LiteError with a one-line reason."""
    if not (PYODIDE_NPM / "pyodide-lock.json").is_file():
        raise LiteError("the Pyodide runtime is missing from node_modules/: run `make install`")
    if not all(find_spec(name) for name in ("jupyterlite_core", "jupyterlite_pyodide_kernel")):
        raise LiteError("jupyterlite-core is not installed: run `make install`")
    wheels = [_wheel_for(pin, cache) for pin in pinned_wheels()]
    wheels.append(_pip_wheel(REPO_ROOT, cache / "kit"))
    runtime_lock = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text(encoding="utf-8"))
    lock = pyodide_lock(wheels, runtime_lock)

    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp)
        contents = stage / "files"
        contents.mkdir()
        for notebook in sorted((REPO_ROOT / "notebooks").glob("*.ipynb")):
            shutil.copy2(notebook, contents / notebook.name)
        shutil.copytree(REPO_ROOT / "case_studies", contents / "case_studies")
        lite_dir = stage / "lite"
        lite_dir.mkdir()
        packages = sorted(set(lock["packages"]) - NOT_AT_START)
        (lite_dir / "jupyter-lite.json").write_text(json.dumps(_jupyter_lite_json(packages), indent=2))
        (lite_dir / "overrides.json").write_text(json.dumps(SETTINGS_OVERRIDES, indent=2))
        if output.exists():
            shutil.rmtree(output)
        done = subprocess.run(
            [sys.executable, "-m", "jupyterlite_core", "build", "--lite-dir", str(lite_dir),
             "--contents", str(contents), "--output-dir", str(output), "--no-sourcemaps"],
            capture_output=True, text=True, cwd=stage,
        )
        if done.returncode:
            last = (done.stderr.strip().splitlines() or done.stdout.strip().splitlines() or ["?"])[-1]
            raise LiteError(f"jupyter lite build failed: {last}")

    runtime = output / "static" / "pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copy2(PYODIDE_NPM / name, runtime / name)
    for wheel in wheels:
        shutil.copy2(wheel, runtime / wheel.name)
    (runtime / "pyodide-lock.json").write_text(json.dumps(lock, indent=1), encoding="utf-8")
    return output


def lite_handlers(base: str, site: Path = OUTPUT_DIR) -> list[tuple[str, Any, dict[str, Any]]]:
    """Tornado rules serving the built site at `{base}lite/` (static files only); none when unbuilt.
    For `faces/webapp.serve(extra_handlers=...)`."""
    if not (site / "index.html").is_file():
        return []
    from tornado.web import RedirectHandler, StaticFileHandler

    prefix = base.rstrip("/") + "/lite"
    return [
        (prefix, RedirectHandler, {"url": prefix + "/"}),
        (prefix + "/(.*)", StaticFileHandler, {"path": str(site), "default_filename": "index.html"}),
    ]
