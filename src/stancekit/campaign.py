"""The campaign directory layout (DESIGN.md, "The campaign directory")."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Campaign:
    root: Path

    @classmethod
    def at(cls, path: str | os.PathLike[str]) -> Campaign:
        return cls(Path(path).expanduser().resolve())

    @property
    def config_path(self) -> Path:
        return self.root / "stancekit.toml"

    @property
    def tables(self) -> Path:
        return self.root / "tables"

    @property
    def rejects(self) -> Path:
        return self.root / "rejects"

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def studio(self) -> Path:
        return self.root / "studio"

    @property
    def export(self) -> Path:
        return self.root / "export"

    @property
    def state(self) -> Path:
        """Run markers of `stancekit run` (stage fingerprints)."""
        return self.root / ".stancekit"

    def table(self, name: str) -> Path:
        """``tables/<name>.parquet``: a file, or a directory of Parquet shards of the same name."""
        return self.tables / f"{name}.parquet"

    def rejects_path(self, stage: str) -> Path:
        return self.rejects / f"{stage}.parquet"

    def ensure(self) -> None:
        for d in (self.tables, self.rejects, self.raw, self.reports, self.export):
            d.mkdir(parents=True, exist_ok=True)
        self.studio.mkdir(parents=True, exist_ok=True)
        os.chmod(self.studio, 0o700)
