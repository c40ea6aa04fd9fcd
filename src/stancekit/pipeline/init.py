"""``stancekit init``: lay out a campaign directory (DESIGN.md)."""

from __future__ import annotations

from pathlib import Path

from stancekit.campaign import Campaign
from stancekit.config import default_config_text
from stancekit.errors import ConfigError
from stancekit.io import atomic_write_text

SEED_CLAIMS = """\
# The claims this campaign tracks (stancekit claims registry).
# Each claim: claim_id (stable, used in every table), text per language (ISO 639-1), and optionally aliases,
# keywords, an active period, and notes that annotators see (what counts as agree / disagree).
claims:
  - claim_id: us-troops-stay-iraq
    text:
      en: "US troops will stay in Iraq"
      ar: "القوات الأمريكية ستبقى في العراق"
    aliases:
      en: ["US forces will remain in Iraq", "American troops will not leave Iraq"]
      ar: ["القوات الأمريكية لن تغادر العراق", "بقاء القوات الأمريكية في العراق"]
    keywords:
      en: ["US troops", "Iraq"]
      ar: ["القوات الأمريكية", "العراق"]
    active: {from: 2021-01-01, to: null}
    notes: >-
      agree: the unit says US forces will remain (in any role, advisory included); disagree: it says they will
      leave or be withdrawn entirely; discuss: it reports on the question without taking a side.
"""


def init_campaign(campaign: Campaign, *, name: str | None = None, force: bool = False) -> list[Path]:
    root = campaign.root
    if root.exists() and not root.is_dir():
        raise ConfigError(f"{root} exists and is not a directory")
    written: list[Path] = []
    campaign.ensure()
    cfg = campaign.config_path
    if cfg.exists() and not force:
        raise ConfigError(f"{cfg} already exists; this is a campaign already (use --force to overwrite its config)")
    atomic_write_text(cfg, default_config_text(name or root.name or "stance-campaign"))
    written.append(cfg)
    claims = root / "claims.yaml"
    if not claims.exists() or force:
        atomic_write_text(claims, SEED_CLAIMS)
        written.append(claims)
    return written
