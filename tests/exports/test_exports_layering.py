"""exports/ stays a leaf beside builder/ and labeling/: it never imports them (the pipeline passes data in)."""

from __future__ import annotations

import ast
from pathlib import Path

import stancekit.exports

FORBIDDEN = ("stancekit.builder", "stancekit.labeling", "stancekit.pipeline", "stancekit.cli", "label_studio_sdk")


def test_exports_import_no_builder_labeling_or_pipeline() -> None:
    root = Path(stancekit.exports.__file__).parent
    for path in sorted(root.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(FORBIDDEN), f"{path.name} imports {name}"
