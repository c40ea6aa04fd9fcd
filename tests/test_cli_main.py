"""The CLI's exit codes: Ctrl-C is 130 with a word (not a silent 0), a missing campaign is an error (not a new one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancekit import cli


def run_main(monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    monkeypatch.setattr("sys.argv", ["stancekit", *argv])
    with pytest.raises(SystemExit) as done:
        cli.main()
        raise SystemExit(0)
    return int(done.value.code or 0)


def test_ctrl_c_exits_130_and_says_so(monkeypatch: pytest.MonkeyPatch, campaign: object,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("stancekit.pipeline.status.campaign_status", interrupted)
    root = str(campaign.root)  # type: ignore[attr-defined]
    assert run_main(monkeypatch, "status", "--campaign", root) == 130
    assert "interrupted" in capsys.readouterr().err


def test_success_exits_0(monkeypatch: pytest.MonkeyPatch, campaign: object) -> None:
    assert run_main(monkeypatch, "status", "--campaign", str(campaign.root)) == 0  # type: ignore[attr-defined]


def test_a_missing_campaign_is_an_error_and_is_not_created(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert run_main(monkeypatch, "status", "--campaign", str(tmp_path / "nope")) == 2
    err = capsys.readouterr().err
    assert "is not a stancekit campaign" in err and "stancekit init" in err
    assert not (tmp_path / "nope").exists()


def test_help_keeps_config_section_names() -> None:
    from typer.testing import CliRunner

    out = CliRunner().invoke(cli.app, ["match", "--help"]).output
    assert "[match] units" in out and "[match] workers" in out
    assert "stancekit[ray]" in CliRunner().invoke(cli.app, ["segment", "--help"]).output
