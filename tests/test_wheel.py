"""Installable: a wheel built from the repository carries everything the reports need (notebooks,
templates, content, a copy of case_studies/), and makes a training pack and a briefing when
installed (not editable) into a fresh virtual environment."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result


def test_a_wheel_installed_in_a_fresh_venv_makes_a_report_and_a_briefing(tmp_path):
    source = tmp_path / "source"  # a clean copy: what git tracks, no build/ or .venv
    files = _run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                 cwd=REPO).stdout.split("\0")
    for name in filter(None, files):
        if (REPO / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_bytes((REPO / name).read_bytes())
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)])
    [wheel] = wheels.glob("*.whl")

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    # The dependencies come from this environment (offline); the package itself only from the wheel.
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
                     ).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)])

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run([str(python), "-c", "import workshop_kit; print(workshop_kit.__file__)"],
                 cwd=elsewhere).stdout
    assert str(site) in where, "the installed copy, not the repository, is imported"
    out = tmp_path / "out"
    _run([str(python), "-m", "workshop_kit", "report", "--client", "Wheel Council",
          "--module", "00_orders_compared", "--case", "leo-and-his-aunt-in-spain",
          "--out", str(out)], cwd=elsewhere)
    draft = elsewhere / "tia-and-her-grandmother-in-jamaica.yaml"
    draft.write_bytes((REPO / "case_studies" / draft.name).read_bytes())
    _run([str(python), "-m", "workshop_kit", "briefing", str(draft), "--client", "Wheel Council",
          "--out", str(out)], cwd=elsewhere)
    made = sorted(p.name for p in out.glob("*.html"))
    assert [n.split("-wheel")[0] for n in made] == ["case-briefing", "training-pack"]
    pack = next(out.glob("training-pack-*.html")).read_text(encoding="utf-8")
    assert "Leo and his aunt" in pack
