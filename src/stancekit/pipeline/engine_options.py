"""The engine of the corpus stages: ``--engine`` / ``--ray-address`` over ``[engine] name`` / ``ray_address``."""

from __future__ import annotations

from typing import Any

from stancekit.config import Config
from stancekit.engine import ENGINES
from stancekit.errors import ConfigError


def engine_options(cfg: Config, engine: str | None = None, ray_address: str | None = None) -> dict[str, Any]:
    """``{"engine": ..., "ray_address": ...}`` for :func:`stancekit.engine.map_table`; flags win over the config."""
    name = str(engine if engine is not None else cfg.get("engine", "name"))
    if name not in ENGINES:
        raise ConfigError(f"--engine must be one of {', '.join(ENGINES)}, got {name!r}")
    if ray_address and name != "ray":
        raise ConfigError(f"--ray-address {ray_address} is given but the engine is {name}: add --engine ray "
                          "(or set [engine] name = \"ray\")")
    address = str(ray_address if ray_address is not None else cfg.get("engine", "ray_address")) or None
    return {"engine": name, "ray_address": address}
