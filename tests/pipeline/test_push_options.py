"""push checks its options (and the baseline model they may need) before it looks for Label Studio."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stancekit import cli
from stancekit.errors import ConfigError, StageError
from stancekit.pipeline.push import run_push
from studio_helpers import make_campaign


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """A campaign with pairs and no Label Studio anywhere (connecting would fail with 'no Label Studio server')."""
    monkeypatch.delenv("LABEL_STUDIO_URL", raising=False)
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    return make_campaign(tmp_path / "camp", n_docs=1)


@pytest.mark.parametrize(("options", "error", "says"), [
    ({"strategy": "bogus"}, ConfigError, "push strategy 'bogus' is not available"),
    ({"sample": -1}, ConfigError, "--sample must be 0"),
    ({"per_claim": -2}, ConfigError, "--per-claim must be 0"),
    ({"strategy": "uncertainty"}, StageError, "no baseline model yet"),
    ({"predictions": True}, StageError, "no baseline model yet"),
])
def test_bad_options_are_reported_before_the_missing_server(no_server: Any, options: dict[str, Any],
                                                            error: type[Exception], says: str) -> None:
    with pytest.raises(error, match=says):
        run_push(no_server, **options)
    assert not (no_server.studio / "projects.json").exists()


def test_good_options_then_meet_the_missing_server(no_server: Any) -> None:
    with pytest.raises(Exception, match="no Label Studio server"):
        run_push(no_server, strategy="stratified", sample=3)


def test_cli_names_the_bad_strategy(no_server: Any, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.argv", ["stancekit", "push", "--strategy", "bogus", "--campaign", str(no_server.root)])
    with pytest.raises(SystemExit) as done:
        cli.main()
    err = capsys.readouterr().err
    assert done.value.code == 2 and "bogus" in err and "Label Studio server" not in err
