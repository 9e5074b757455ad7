"""An environment built from `binder/` alone, the way repo2docker builds one, without Docker.

repo2docker copies the repository, picks the Python named in `binder/runtime.txt`, runs
`pip install -r binder/requirements.txt` in the repository root, then `binder/postBuild`. This does
the same with a fresh virtual environment of that Python and a copy of the checkout; the Makefile
and the developer's `.venv` play no part. Used by the Binder and JupyterHub tests.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BINDER = REPO / "binder"
# What repo2docker would not find in a fresh clone: local environments, caches, build output.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache",
    ".hypothesis", ".ipynb_checkpoints", "build", "dist", "reports", "test-results",
)
PIP_INSTALL_SECONDS = 1200
POSTBUILD_SECONDS = 600
# This machine's pip configuration names local indexes that may be absent; pip warns about each
# on every run. That is the machine talking, not postBuild.
MACHINE_NOISE = re.compile(r"^WARNING: Location '.*' is ignored: it is neither a file nor a directory\.$")


class BinderBuildError(RuntimeError):
    """A step repo2docker would run failed; the message carries the step's output."""


@dataclass(frozen=True)
class BinderEnv:
    checkout: Path
    prefix: Path
    postbuild_output: str = ""

    @property
    def bin(self) -> Path:
        return self.prefix / "bin"

    def environ(self, jupyter_home: Path) -> dict[str, str]:
        """The environment a Binder container gives its processes: this env first on PATH, and
        no Jupyter settings leaking in from the developer's machine."""
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("JUPYTER", "VIRTUAL_ENV", "PYTHON", "CONDA"))}
        env["PATH"] = f"{self.bin}{os.pathsep}{os.environ.get('PATH', '')}"
        env["JUPYTER_CONFIG_DIR"] = str(jupyter_home / "config")
        env["JUPYTER_DATA_DIR"] = str(jupyter_home / "data")
        env["JUPYTER_RUNTIME_DIR"] = str(jupyter_home / "runtime")
        env["IPYTHONDIR"] = str(jupyter_home / "ipython")
        return env


def declared_python() -> str:
    """`binder/runtime.txt` says e.g. `python-3.11`; repo2docker installs that Python."""
    text = (BINDER / "runtime.txt").read_text().strip()
    match = re.fullmatch(r"python-(3\.\d+)", text)
    if not match:
        raise BinderBuildError(f"binder/runtime.txt: expected 'python-3.X', found {text!r}")
    return f"python{match.group(1)}"


def quiet_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip() and not MACHINE_NOISE.match(line)]


def run_step(argv: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> str:
    try:
        done = subprocess.run(argv, cwd=cwd, env=env, timeout=timeout, capture_output=True, text=True)
    except subprocess.TimeoutExpired as exc:
        raise BinderBuildError(f"{' '.join(argv)} took more than {timeout} s") from exc
    output = done.stdout + done.stderr
    if done.returncode != 0:
        raise BinderBuildError(f"{' '.join(argv)} exited {done.returncode}:\n"
                               + "\n".join(quiet_lines(output)[-40:]))
    return output


def build(workdir: Path, python: str) -> BinderEnv:
    """Build the environment, keeping what the first postBuild printed."""
    checkout = workdir / "repo"
    shutil.copytree(REPO, checkout, ignore=NOT_COPIED, symlinks=True)
    env = BinderEnv(checkout=checkout, prefix=workdir / "env")
    run_step([python, "-m", "venv", str(env.prefix)], cwd=workdir, env=dict(os.environ), timeout=120)
    environ = env.environ(workdir / "jupyter-home")
    run_step([str(env.bin / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
              "-r", "binder/requirements.txt"], cwd=checkout, env=environ, timeout=PIP_INSTALL_SECONDS)
    output = run_postbuild(env, environ)
    return BinderEnv(checkout=checkout, prefix=env.prefix, postbuild_output=output)


def run_postbuild(env: BinderEnv, environ: dict[str, str]) -> str:
    return run_step(["bash", "binder/postBuild"], cwd=env.checkout, env=environ, timeout=POSTBUILD_SECONDS)


def wait_for_port(port: int, process: subprocess.Popen, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
            return
        except OSError:
            if process.poll() is not None:
                raise BinderBuildError(f"{what} exited ({process.returncode}) before listening") from None
            if time.monotonic() > deadline:
                raise BinderBuildError(f"{what} did not listen on port {port} in {timeout} s") from None
            time.sleep(0.3)


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
