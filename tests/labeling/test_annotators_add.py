"""annotators.add: what it refuses before it talks to any server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from stancekit.errors import InputError
from stancekit.labeling import annotators

NO_SERVER: Any = object()  # any call on it would fail: these checks come first


def test_reset_password_needs_the_local_server(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--reset-password works only on the campaign's local server"):
        annotators.add(NO_SERVER, tmp_path, ["a@example.org"], invite=True, reset_password=True)


@pytest.mark.parametrize("emails", [[], ["not-an-address"], ["a@localhost"]])
def test_bad_or_missing_addresses(tmp_path: Path, emails: list[str]) -> None:
    with pytest.raises(InputError):
        annotators.add(NO_SERVER, tmp_path, emails, reset_password=True)
