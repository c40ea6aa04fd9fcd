"""Fixtures of the integration tests: a real Label Studio (see ``ls_fixture``)."""

from ls_fixture import Server, ls_server, studio_env, studio_python

__all__ = ["Server", "ls_server", "studio_env", "studio_python"]
