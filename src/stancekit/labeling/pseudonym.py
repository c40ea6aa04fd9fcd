"""Annotator pseudonyms: ``"ann-" + 10 hex`` of HMAC-SHA256(salt, Label Studio user id).

Stable for a campaign (the salt lives in ``DIR/studio/salt``, mode 0600, created on first use), not reversible
without the salt, and different between campaigns. Scrubbing identity out of task JSON is ``codec.scrub_task``.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from pathlib import Path

PREFIX = "ann-"


def pseudonym(user_id: int | str, key: bytes) -> str:
    digest = hmac.new(key, str(int(user_id)).encode("ascii"), hashlib.sha256).hexdigest()
    return PREFIX + digest[:10]


class Pseudonymizer:
    """``Pseudonymizer(key)(user_id) -> "ann-<10 hex>"``."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("the pseudonym key must be at least 16 bytes")
        self._key = key

    def __call__(self, user_id: int | str) -> str:
        return pseudonym(user_id, self._key)


def campaign_key(studio_dir: Path) -> bytes:
    """The campaign's pseudonym key (``DIR/studio/salt``), created on first use."""
    from stancekit.labeling.server import ensure_salt

    return ensure_salt(studio_dir)


def pseudonymiser(studio_dir: Path) -> Callable[[int | str], str]:
    """The campaign's pseudonym function for ids (and, for exports that carry only an e-mail, e-mails)."""
    from stancekit.labeling.codec import keyed_pseudonymiser

    return keyed_pseudonymiser(campaign_key(studio_dir))
