"""The semantic channel's model for tests: found, or the test is skipped (failed when STANCEKIT_REQUIRE_SEMANTIC is
set, as in CI, which installs it with `make venv`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stancekit.builder.minilm import INSTALL_HINT, find_model_dir

REQUIRE_SEMANTIC = os.environ.get("STANCEKIT_REQUIRE_SEMANTIC", "") not in ("", "0")


def model_dir() -> Path:
    found = find_model_dir()
    if found is None:
        if REQUIRE_SEMANTIC:
            pytest.fail(f"STANCEKIT_REQUIRE_SEMANTIC is set but all-MiniLM-L6-v2 is not installed: {INSTALL_HINT}")
        pytest.skip(f"all-MiniLM-L6-v2 is not installed ({INSTALL_HINT}); set STANCEKIT_REQUIRE_SEMANTIC=1 to fail")
    return found
