"""The stancekit error hierarchy.

Every user-facing error derives from :class:`StancekitError` and also from the builtin it resembles, so callers can
catch either. The CLI prints ``str(error)`` and exits with status 2, without a traceback. Messages name the file,
line, row or field at fault and say what to do.
"""

from __future__ import annotations


class StancekitError(Exception):
    """Base of every error stancekit raises on purpose."""

    exit_code = 2


class ConfigError(StancekitError, ValueError):
    """A bad option, config key or value."""


class InputError(StancekitError, ValueError):
    """Input data that cannot be read (bad file, encoding, column)."""


class InputNotFoundError(InputError, FileNotFoundError):
    """A path the user named does not exist."""


class SchemaError(StancekitError, ValueError):
    """A frame does not match its table declaration."""


class ClaimsError(ConfigError):
    """The claims registry is invalid."""


class StageError(StancekitError, RuntimeError):
    """A stage cannot run (missing input table, upstream change that needs --force, ...)."""


class StudioError(StancekitError, RuntimeError):
    """Label Studio could not be reached or refused a request."""


class StudioAuthError(StudioError, PermissionError):
    """Label Studio refused the token."""


class StudioNotFoundError(StudioError, LookupError):
    """A Label Studio project or task does not exist."""


class MissingDependencyError(StancekitError, ImportError):
    """An optional dependency is not installed."""
