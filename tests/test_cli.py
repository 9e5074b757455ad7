"""The command line explains itself."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from workshop_kit.cli import main
from workshop_kit.core import validation
from workshop_kit.core.ids import UnknownId
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


def test_an_unknown_id_is_a_message_naming_the_known_ids(monkeypatch):
    def unknown(paths, echo):
        raise UnknownId("country", "atlantis", ["spain", "ghana"])

    monkeypatch.setattr(validation, "run_validation", unknown)
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1
    assert "ERROR no country 'atlantis' (known: spain, ghana)" in result.output
    assert "unexpected" not in result.output


def test_a_bare_key_error_is_a_bug_not_bad_input(monkeypatch):
    def bug(paths, echo):
        return {}["oops"]

    monkeypatch.setattr(validation, "run_validation", bug)
    monkeypatch.delenv("WORKSHOP_KIT_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 2
    assert "unexpected KeyError" in result.output


def test_a_document_made_with_the_example_provider_says_to_give_your_own(capsys, tmp_path):
    from workshop_kit.cli import _warn_if_example_provider
    from workshop_kit.core.content import CONTENT_DIR

    _warn_if_example_provider(None)
    said = capsys.readouterr().err
    assert "example provider" in said and "--provider" in said and "provider.yaml" in said

    own = tmp_path / "provider.yaml"
    own.write_text((CONTENT_DIR / "provider.yaml").read_text().replace(
        "Network Days Training (example provider)", "Wessex Family Law Training"))
    _warn_if_example_provider(own)
    assert capsys.readouterr().err == ""
