"""Stage summaries are printed as plain text: a [section] option they name is not taken for rich markup."""

from __future__ import annotations

import pytest

from stancekit import cli


def test_summary_keeps_config_section_names(capsys: pytest.CaptureFixture[str]) -> None:
    cli.emit({}, False, "10 pair(s) not pushed ([push] duplicates = copy); see [bold]x[/bold]")
    err = capsys.readouterr().err
    assert "([push] duplicates = copy)" in err and "[bold]x[/bold]" in err


def test_json_summary_goes_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    cli.emit({"copies_not_pushed": 10}, True, "ignored [push]")
    out = capsys.readouterr()
    assert '"copies_not_pushed": 10' in out.out and "ignored" not in out.err
