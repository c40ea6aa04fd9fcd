"""The adapter's error translation and retries, on recorded failure shapes (no server needed)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from label_studio_sdk.core.api_error import ApiError

from stancekit.errors import StudioAuthError, StudioError, StudioNotFoundError
from stancekit.labeling.client import Studio, resolve, translate

URL = "http://127.0.0.1:9"
HEADERS = {"set-cookie": "sessionid=SECRET", "server": "WSGIServer"}


def test_401_is_one_line_without_headers_or_token() -> None:
    err = translate(ApiError(status_code=401, headers=HEADERS, body={"detail": "Invalid token."}), URL, "the user")
    assert isinstance(err, StudioAuthError)
    text = str(err)
    assert "\n" not in text and "SECRET" not in text and "Invalid token" in text and "LABEL_STUDIO_API_KEY" in text


def test_404_400_and_html_bodies() -> None:
    nf = translate(ApiError(status_code=404, headers=HEADERS, body="<html>Not Found</html>"), URL, "project 9")
    assert isinstance(nf, StudioNotFoundError) and "project 9 not found" in str(nf)
    body = {"validation_errors": {"label_config": ['toName="x" not found in names: []']}}
    bad = translate(ApiError(status_code=400, headers=HEADERS, body=body), URL, "creating project")
    assert type(bad) is StudioError and "label_config: toName=" in str(bad)
    html = translate(ApiError(status_code=500, headers=HEADERS, body="<!doctype html><p>boom"), URL, "x")
    assert "(HTML error page)" in str(html)


def test_connect_and_timeout_errors() -> None:
    down = translate(httpx.ConnectError("refused"), URL, "the user")
    assert isinstance(down, StudioError) and "cannot reach Label Studio" in str(down)
    slow = translate(httpx.ReadTimeout("slow"), URL, "listing")
    assert "did not answer in time" in str(slow)


def test_retries_5xx_and_timeouts_but_not_posts() -> None:
    studio = Studio(URL, "token", backoff=(0, 0, 0))
    calls: list[int] = []

    def flaky(*_: Any, **__: Any) -> str:
        calls.append(1)
        if len(calls) < 3:
            raise ApiError(status_code=503, body="busy") if len(calls) == 1 else httpx.ReadTimeout("slow")
        return "ok"

    assert studio.call("listing", flaky) == "ok" and len(calls) == 3
    calls.clear()
    with pytest.raises(StudioError, match="503"):
        studio.call("importing", flaky, retry=False)
    assert len(calls) == 1

    def forbidden(*_: Any, **__: Any) -> None:
        calls.append(1)
        raise ApiError(status_code=401, body={"detail": "no"})

    calls.clear()
    with pytest.raises(StudioAuthError):
        studio.call("listing", forbidden)
    assert len(calls) == 1


def test_resolve_prefers_environment(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LABEL_STUDIO_URL", "http://127.0.0.1:8080/")
    monkeypatch.setenv("LABEL_STUDIO_API_KEY", "abc")
    conn = resolve(tmp_path)
    assert conn.url == "http://127.0.0.1:8080" and conn.token == "abc"
    monkeypatch.delenv("LABEL_STUDIO_API_KEY")
    with pytest.raises(StudioAuthError, match="LABEL_STUDIO_API_KEY"):
        resolve(tmp_path)
    monkeypatch.delenv("LABEL_STUDIO_URL")
    with pytest.raises(StudioError, match="studio up"):
        resolve(tmp_path)
