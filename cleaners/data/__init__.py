"""The vocabulary and patterns the rules read, and the one loader of every file here.

Each file is read once per process (the rules ask for their data on every document, so the
loaders are cached) and the caller gets the parsed data, read only by convention. Every
``reason`` in a TOML file, at any depth, must be a block reason code of the closed set
(`cleaners.reasons.BLOCK_REASONS`): a typo fails when the file is loaded, with the file, the
entry and the code in the message, instead of shipping removals with an undocumented reason.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from cleaners.reasons import BLOCK_REASONS


class DataFileError(ValueError):
    """A data file that cannot be used; the message starts with the file's name."""


@cache
def load_toml(name: str) -> dict[str, Any]:
    """``cleaners/data/<name>``, parsed, its reason codes checked."""
    return read_toml(resources.files(__name__).joinpath(name), f"cleaners/data/{name}")


@cache
def load_json(name: str) -> Any:
    """``cleaners/data/<name>``, parsed."""
    return json.loads(resources.files(__name__).joinpath(name).read_text("utf-8"))


@cache
def load_text(name: str) -> str:
    """``cleaners/data/<name>`` as text (word lists)."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def read_toml(path: Traversable | Path, label: str | None = None) -> dict[str, Any]:
    """A TOML data file at any path (``label`` names it in errors), its reason codes checked."""
    label = label or str(path)
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{label}: not valid TOML: {exc}") from None
    check_reasons(data, label)
    return data


def check_reasons(data: Any, label: str, where: str = "") -> None:
    """Raise `DataFileError` for the first ``reason`` that is not a block reason code."""
    if isinstance(data, Mapping):
        reason = data.get("reason")
        if "reason" in data and reason not in BLOCK_REASONS:
            name = f" (name {data['name']!r})" if isinstance(data.get("name"), str) else ""
            raise DataFileError(
                f"{label}: {where or 'top level'}{name}: reason {reason!r} is not a reason "
                "code (the closed set is in cleaners/reasons.py)"
            )
        for key, value in data.items():
            check_reasons(value, label, f"{where}.{key}" if where else str(key))
    elif isinstance(data, list):
        for number, value in enumerate(data):
            check_reasons(value, label, f"{where}[{number}]")
