"""The label scheme, declared once and configurable per campaign (with a version)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stancekit.errors import ConfigError

DEFAULT_LABELS: tuple[str, ...] = ("agree", "disagree", "discuss", "unrelated")
DEFAULT_DESCRIPTIONS: dict[str, str] = {
    "agree": "The unit asserts the claim or something that entails it.",
    "disagree": "The unit asserts the opposite of the claim or something incompatible with it.",
    "discuss": "The unit is about the claim's topic without taking a side on it.",
    "unrelated": "The unit says nothing about the claim.",
}
FLAGS: tuple[str, ...] = ("bad_segment", "wrong_claim")
_LABEL_RE = re.compile(r"^[a-z][a-z0-9_\-]*$")


@dataclass(frozen=True)
class LabelScheme:
    """An ordered set of labels with a name and version; ``id`` ("stance.v1") goes into every task and export."""

    labels: tuple[str, ...] = DEFAULT_LABELS
    name: str = "stance"
    version: int = 1
    descriptions: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_DESCRIPTIONS))

    def __post_init__(self) -> None:
        if len(self.labels) < 2:
            raise ConfigError("[labels] names: a label scheme needs at least two labels")
        if len(set(self.labels)) != len(self.labels):
            raise ConfigError(f"[labels] names: duplicate label in {list(self.labels)}")
        for lab in self.labels:
            if not _LABEL_RE.match(lab):
                raise ConfigError(
                    f"[labels] names: {lab!r} is not a valid label (lower-case letters, digits, _ or -, "
                    "starting with a letter)"
                )
        if self.version < 1:
            raise ConfigError("[labels] version must be a positive integer")

    @property
    def id(self) -> str:
        return f"{self.name}.v{self.version}"

    def index(self, label: str) -> int:
        return self.labels.index(label)

    def __contains__(self, label: object) -> bool:
        return label in self.labels

    def describe(self, label: str) -> str:
        return self.descriptions.get(label, "")


DEFAULT_SCHEME = LabelScheme()
