"""Annotator pseudonyms: ``"ann-" + 10 hex`` of HMAC-SHA256(salt, Label Studio user id).

Stable for a campaign (the salt lives in ``DIR/studio/salt``, mode 0600, created on first use), not reversible
without the salt, and different between campaigns. Scrubbing identity out of task JSON is ``codec.scrub_task``.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from pathlib import Path
from typing import Any

PREFIX = "ann-"
# keys whose values are Label Studio user ids (an int, a list of ints, or {"id"/"user_id": int, ...})
USER_KEYS = frozenset({"completed_by", "updated_by", "last_created_by", "created_by", "annotators",
                       "comment_authors", "reviewed_by", "user", "user_id", "owner", "assignee", "assigned_to"})
# keys that name a person: dropped wherever they occur (outside task content)
DROP_KEYS = frozenset({"created_username", "created_ago", "email", "username", "first_name", "last_name",
                       "initials", "avatar", "phone", "active_organization_meta"})
# task content, written by stancekit itself: left as it is
CONTENT_KEYS = frozenset({"data", "meta", "result"})


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

    def _user(self, value: Any) -> Any:
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            return self(value)
        if isinstance(value, list):
            return [self._user(v) for v in value]
        if isinstance(value, dict):
            for id_key in ("user_id", "id"):
                if id_key in value and value[id_key] is not None:
                    return {id_key: self._user(value[id_key])}
            return {}
        return value  # already a pseudonym

    def scrub(self, obj: Any) -> Any:
        """A copy of ``obj`` with user ids replaced by pseudonyms and name/e-mail fields dropped (ids only; for
        exports that may carry e-mails as references use ``codec.scrub_task``, which pull uses)."""
        if isinstance(obj, list):
            return [self.scrub(v) for v in obj]
        if not isinstance(obj, dict):
            return obj
        out: dict[str, Any] = {}
        for k, v in obj.items():
            if k in DROP_KEYS:
                continue
            if k in CONTENT_KEYS:
                out[k] = v
            elif k in USER_KEYS:
                out[k] = self._user(v)
            else:
                out[k] = self.scrub(v)
        return out


def campaign_key(studio_dir: Path) -> bytes:
    """The campaign's pseudonym key (``DIR/studio/salt``), created on first use."""
    from stancekit.labeling.server import ensure_salt

    return ensure_salt(studio_dir)


def pseudonymiser(studio_dir: Path) -> Callable[[int | str], str]:
    """The campaign's pseudonym function for ids (and, for exports that carry only an e-mail, e-mails)."""
    from stancekit.labeling.codec import keyed_pseudonymiser

    return keyed_pseudonymiser(campaign_key(studio_dir))
