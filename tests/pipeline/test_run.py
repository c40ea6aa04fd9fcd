"""The runner's bookkeeping: skip unchanged stages, re-run on change or --force, resume after a crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stancekit.campaign import Campaign
from stancekit.errors import ConfigError
from stancekit.pipeline.run import STAGES, load_state, run


class Boom(RuntimeError):
    pass


def fake_runners(calls: list[str], crash_at: str | None = None) -> dict[str, Callable[[Campaign], Any]]:
    """Each stage writes its outputs from its inputs' bytes, so a changed input changes what follows."""

    def make(stage: Any) -> Callable[[Campaign], Any]:
        def fn(c: Campaign) -> dict[str, Any]:
            calls.append(stage.name)
            if stage.name == crash_at:
                raise Boom(stage.name)
            data = b"".join((c.root / i).read_bytes() for i in stage.inputs if not i.startswith("@")
                            and (c.root / i).exists())
            for o in stage.outputs:
                p = c.root / o
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes(stage.name.encode() + data[:100])
            return {"rows": len(data)}

        return fn

    return {s.name: make(s) for s in STAGES}


def test_second_run_skips_everything_but_pull(campaign: Campaign) -> None:
    calls: list[str] = []
    run(campaign, runners=fake_runners(calls))
    assert calls == [s.name for s in STAGES]
    calls.clear()
    results = run(campaign, runners=fake_runners(calls))
    assert calls == ["pull"]
    assert [r["status"] for r in results].count("skipped") == len(STAGES) - 1


def test_config_change_reruns_the_stages_that_read_it(campaign: Campaign) -> None:
    calls: list[str] = []
    run(campaign, runners=fake_runners(calls))
    text = campaign.config_path.read_text().replace("top_k = 5", "top_k = 3")
    campaign.config_path.write_text(text)
    calls.clear()
    run(campaign, runners=fake_runners(calls))
    assert calls[:2] == ["match", "pull"]  # match re-ran; its output is byte-identical so push stays skipped
    assert "segment" not in calls


def test_force_and_until(campaign: Campaign) -> None:
    calls: list[str] = []
    run(campaign, until="match", runners=fake_runners(calls))
    assert calls == ["ingest", "segment", "match"]
    calls.clear()
    run(campaign, until="match", force=("segment",), runners=fake_runners(calls))
    assert calls == ["segment"]
    with pytest.raises(ConfigError, match="unknown stage 'nope'"):
        run(campaign, until="nope", runners=fake_runners(calls))


def test_a_crash_resumes_at_the_stage_that_failed(campaign: Campaign) -> None:
    calls: list[str] = []
    with pytest.raises(Boom):
        run(campaign, runners=fake_runners(calls, crash_at="merge"))
    assert set(load_state(campaign)) == {"ingest", "segment", "match", "push", "pull"}
    calls.clear()
    run(campaign, runners=fake_runners(calls))
    assert calls == ["pull", "merge", "split", "export", "track", "report"]


def test_a_lost_output_reruns_its_stage(campaign: Campaign) -> None:
    calls: list[str] = []
    run(campaign, runners=fake_runners(calls))
    Path(campaign.root / "tables" / "splits.parquet").unlink()
    calls.clear()
    run(campaign, runners=fake_runners(calls))
    assert "split" in calls and "segment" not in calls
