"""The installed package's version, for `newsclean --version` and `newscrawl --version`."""

from __future__ import annotations

from importlib import metadata


def package_version() -> str:
    """The version pip installed (pyproject.toml's), or "unknown" when run from a bare tree."""
    try:
        return metadata.version("newscrawl")
    except metadata.PackageNotFoundError:
        return "unknown"
