"""Optional packages, installed with the project's extras (``pyproject.toml``).

The core install cleans dumps and pages (``newsclean clean``, ``clean_html``, ``clean_text``);
Parquet, ``--dedup``, Dask and the crawler each need packages that a user who only cleans
JSONL does not. They are imported where used, through :func:`require`, so that a missing one
fails with the extra to install instead of a bare ``ModuleNotFoundError``.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType

# top-level module -> (extra, what needs it)
EXTRAS: dict[str, tuple[str, str]] = {
    "pyarrow": ("parquet", "Parquet files and the record's Arrow schema"),
    "numpy": ("dedup", "--dedup (near-duplicate detection)"),
    "distributed": ("dask", "--scheduler (cleaning on a Dask cluster)"),
    "dask": ("dask", "--scheduler (cleaning on a Dask cluster)"),
    "scrapy": ("crawl", "the crawler (newscrawl, scrapy crawl news)"),
    "redis": ("redis", "crawling through Redis (REDIS_URL, newscrawl seed-push…)"),
    "readability": ("eval", "make eval's readability-lxml column"),
}


class MissingExtra(ModuleNotFoundError):
    """An optional package is not installed; the message names the extra that brings it."""


def message(module: str) -> str:
    top = module.split(".", 1)[0]
    extra, what = EXTRAS.get(top, ("all", "this feature"))
    return (
        f"{what} needs {top}, which is not installed: pip install 'newscrawl[{extra}]' "
        f"(in a checkout: pip install -e '.[{extra}]'; make install installs every extra)"
    )


def require(module: str) -> ModuleType:
    """``importlib.import_module(module)``, or :class:`MissingExtra` naming the extra."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        top = module.split(".", 1)[0]
        if (exc.name or "").split(".", 1)[0] != top:
            raise  # something the package itself imports is missing: not ours to explain
        raise MissingExtra(message(module), name=top) from exc


def installed(module: str) -> bool:
    """Whether ``module``'s package can be imported, without importing it."""
    top = module.split(".", 1)[0]
    if top in sys.modules:
        return sys.modules[top] is not None  # None: imports of it are blocked
    return importlib.util.find_spec(top) is not None


def check(module: str) -> None:
    """Raise :class:`MissingExtra` when ``module`` cannot be imported (a command checks its
    options before it starts)."""
    if not installed(module):
        raise MissingExtra(message(module), name=module.split(".", 1)[0])
