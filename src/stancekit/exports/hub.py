"""``--push-to-hub REPO``: upload an export folder to the Hugging Face Hub as a dataset repository.

The only place stancekit talks to the Hub, and only when the user names a repository. The token comes from
``HF_TOKEN`` or ``huggingface-cli login`` (never from stancekit.toml). Offline mode or a missing token is a clear
error before anything is sent; Hub failures become :class:`HubError`.
"""

from __future__ import annotations

import os
from pathlib import Path

from stancekit.errors import StancekitError


class HubError(StancekitError, RuntimeError):
    """The Hub could not be reached, refused the token, or rejected the upload."""


_OFFLINE = ("HF_HUB_OFFLINE",)  # HF_DATASETS_OFFLINE (set by the CLI) only concerns `datasets` downloads


def push_folder(folder: Path, repo_id: str, *, private: bool = True, token: str | None = None) -> str:
    """Create (if needed) the dataset repo ``repo_id`` and upload ``folder``; return the repo URL."""
    if "/" not in repo_id or repo_id.count("/") != 1:
        raise HubError(f"--push-to-hub {repo_id!r}: give the repository as OWNER/NAME")
    offline = [v for v in _OFFLINE if os.environ.get(v, "").strip().lower() in ("1", "true", "yes", "on")]
    if offline:
        raise HubError(f"cannot push to the Hub: offline mode is on ({', '.join(offline)}=1); unset it to upload")
    from huggingface_hub import HfApi, get_token
    from huggingface_hub.errors import HfHubHTTPError

    token = token or get_token()
    if not token:
        raise HubError("cannot push to the Hub: no token; set HF_TOKEN or run `huggingface-cli login` first")
    api = HfApi(token=token)
    try:
        url = api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
        api.upload_folder(repo_id=repo_id, repo_type="dataset", folder_path=str(folder),
                          allow_patterns=["data/*", "annotations/*", "claims/*", "README.md", "manifest.json"],
                          # shards of an earlier export that this one no longer has would still be loaded
                          delete_patterns=["data/*", "annotations/*", "claims/*"],
                          commit_message="stancekit export")
    except HfHubHTTPError as exc:
        raise HubError(f"the Hub refused the upload to {repo_id}: {exc}") from None
    except OSError as exc:
        raise HubError(f"cannot reach the Hub to upload {repo_id}: {exc}") from None
    return str(url)
