"""The command line explains itself."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from workshop_kit.cli import main
from workshop_kit.faces.webapp import voila_argv


@pytest.mark.parametrize("command, phrase", [
    ([], "Network Days"),
    (["serve"], "127.0.0.1"),
    (["slides"], "no internet"),
    (["report"], "--client"),
    (["validate"], "field"),
    (["assess"], "CASE_FILE"),
])
def test_every_command_has_help(command, phrase):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert phrase in result.output


def test_web_app_listens_on_loopback_only_and_hides_tracebacks(tmp_path):
    argv = voila_argv(tmp_path, 9999)
    assert "--Voila.ip=127.0.0.1" in argv
    assert "--show_tracebacks=False" in argv
    assert "--template=workshop" in argv
    assert any(a.startswith("--MappingKernelManager.cull_idle_timeout=") for a in argv)
