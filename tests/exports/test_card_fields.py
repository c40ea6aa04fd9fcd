"""The card's Data fields section documents exactly the columns the export writes, in both text modes."""

from __future__ import annotations

import re

import pytest

from stancekit.exports.card_fields import field_lines
from stancekit.exports.hf import annotation_features, default_features

LABELS = ("agree", "disagree", "discuss", "unrelated")


def _documented(lines: list[str], config: str) -> set[str]:
    """Column names in the first table after the line that introduces ``config``."""
    start = next(i for i, line in enumerate(lines) if line.startswith(f"`{config}`"))
    names: set[str] = set()
    for line in lines[start + 4:]:
        if not line.startswith("| `"):
            break
        names |= set(re.findall(r"`([a-z_0-9]+)`", line.split(" | ")[0]))
    return names


@pytest.mark.parametrize("mode", ["full", "none"])
def test_every_exported_column_is_documented_and_nothing_else(mode: str) -> None:
    lines = field_lines(mode, LABELS)
    assert _documented(lines, "default") == set(default_features(LABELS, text=mode))
    assert _documented(lines, "annotations") == set(annotation_features(LABELS))


def test_offsets_are_explained_and_text_none_says_what_is_left_out() -> None:
    full = "\n".join(field_lines("full", LABELS))
    assert "Unicode code points" in full and "end exclusive" in full and "not in this dataset" in full
    assert "0 = agree, 1 = disagree, 2 = discuss, 3 = unrelated" in full
    bare = "\n".join(field_lines("none", LABELS))
    assert "hydrate" in bare and "speaker" in bare and "doc_sha256" in bare
    assert "| `text` |" not in bare and "| `speaker` |" not in bare
