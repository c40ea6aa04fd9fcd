"""The compiled part of stancekit: Cython modules (``*.pyx``) under ``src/stancekit``, built by ``pip install``.

Every ``.pyx`` becomes an extension module of the same dotted name. Each is compiled with the SHA-256 of its own source
as the C macro ``SK_SOURCE_SHA256``, so stancekit can tell at import that a compiled module is older than the source
beside it (an editable install whose ``.pyx`` was edited and not rebuilt: ``make`` or ``pip install -e .``
rebuilds) and refuses it rather than running stale code (``stancekit.builder.segment.native``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from Cython.Build import cythonize
from setuptools import Extension, setup

ROOT = Path(__file__).resolve().parent
SRC = ROOT / "src"


def extensions() -> list[Extension]:
    out = []
    for pyx in sorted((SRC / "stancekit").rglob("*.pyx")):
        rel = pyx.relative_to(SRC)
        name = ".".join(rel.with_suffix("").parts)
        sha = hashlib.sha256(pyx.read_bytes()).hexdigest()
        out.append(Extension(
            name,
            [str(pyx.relative_to(ROOT).as_posix())],
            include_dirs=[str((SRC / "stancekit").relative_to(ROOT))],
            define_macros=[("SK_SOURCE_SHA256", f'"{sha}"')],
            extra_compile_args=["-O2"],
        ))
    return out


def compiled() -> list[Extension]:
    exts = cythonize(
        extensions(),
        compiler_directives={"language_level": 3, "boundscheck": False, "wraparound": False, "cdivision": True,
                             "initializedcheck": False},
        quiet=True,
    )
    for ext in exts:
        # a machine without a C/C++ compiler still installs: the Python rules run (slower), native.status() says
        # why, and CI's STANCEKIT_REQUIRE_NATIVE=1 makes that a test failure there (set after cythonize, which
        # does not carry the flag over)
        ext.optional = True
    return exts


setup(ext_modules=compiled())
