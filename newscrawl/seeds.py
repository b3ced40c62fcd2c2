"""Seed files: one TOML file per site (``seeds/<site>.toml``), validated on load.

A seed says where a site's articles are found and how to recognise them; see README
"Adding a site". Every error names the file and the key, e.g.
``seeds/ahram.toml: [articles].allow[1]: invalid regex '(': missing ), unterminated subpattern``.
This module has no Scrapy import: it is plain data plus validation.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

from cleaners.reasons import BLOCK_REASONS
from newscrawl.urls import canonical_url, matches_article, path_forms

DEFAULT_SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

START_KINDS = ("sitemaps", "news_sitemaps", "feeds", "listings")
_TOP_KEYS = {"name", "domains", "since", "start", "articles", "listing", "rules"}
_ARTICLE_KEYS = {"allow", "deny", "examples", "counterexamples"}
_LISTING_KEYS = {"max_pages", "next"}
_RULE_KEYS = {"drop_patterns", "drop_selectors", "disable"}
_SITE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class SeedError(ValueError):
    """A seed file is missing, unreadable or invalid; the message names the file and key."""


@dataclass(frozen=True, slots=True)
class Seed:
    """One site, as read from ``seeds/<site>.toml``."""

    site: str  # file stem: the name used on the command line and in records
    name: str  # display name
    domains: tuple[str, ...]
    sitemaps: tuple[str, ...] = ()
    news_sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    allow: tuple[re.Pattern[str], ...] = ()
    deny: tuple[re.Pattern[str], ...] = ()
    # URLs the patterns were checked against when the seed was loaded (README "Adding a site")
    examples: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    listing_max_pages: int = 3
    listing_next: tuple[re.Pattern[str], ...] = ()
    since: date | None = None
    rules: Mapping[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def start_urls(self) -> list[tuple[str, str]]:
        """(kind, url) for every start point, in file order."""
        out: list[tuple[str, str]] = []
        for kind in START_KINDS:
            out.extend((kind, url) for url in getattr(self, kind))
        return out


def load_seed(path: Path) -> Seed:
    """Read and validate one seed file."""
    label = _label(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SeedError(f"{label}: no such seed file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SeedError(f"{label}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SeedError(f"{label}: not valid TOML: {exc}") from None
    return parse_seed(raw, site=path.stem, label=label, path=path)


def load_seeds(names: str | Sequence[str], seeds_dir: Path | str | None = None) -> list[Seed]:
    """Seeds by site name; ``"all"`` (or ``["all"]``) loads every ``*.toml`` in the folder.

    A comma-separated string is accepted too: ``"thenational,ahram"``.
    """
    directory = Path(seeds_dir) if seeds_dir else DEFAULT_SEEDS_DIR
    if isinstance(names, str):
        names = [n.strip() for n in names.split(",") if n.strip()]
    if not names:
        raise SeedError(
            "no site given: use -a site=NAME (a file in seeds/), -a site=all, "
            "or -a start=URL (a site without a seed file)"
        )
    if list(names) == ["all"]:
        paths = sorted(directory.glob("*.toml"))
        if not paths:
            raise SeedError(f"{directory}: no seed files (*.toml) found")
    else:
        paths = []
        for name in names:
            path = directory / f"{name}.toml"
            if not path.is_file():
                known = ", ".join(sorted(p.stem for p in directory.glob("*.toml"))) or "none"
                raise SeedError(f"{_label(path)}: no such seed file (known sites: {known})")
            paths.append(path)
    return [load_seed(p) for p in paths]


def parse_seed(
    raw: Mapping[str, Any], *, site: str, label: str | None = None, path: Path | None = None
) -> Seed:
    """Validate the parsed TOML of one seed; ``label`` prefixes every error."""
    where = label or f"seeds/{site}.toml"
    v = _Validator(where)
    if not _SITE_NAME.match(site):
        v.fail("", f"site name {site!r} must be lower case letters, digits, '-' or '_'")
    v.no_unknown_keys(raw, _TOP_KEYS, "")

    name = v.string(raw, "name", required=True)
    domains = tuple(d.lower().lstrip(".") for d in v.string_list(raw, "domains", required=True))
    if not domains:
        v.fail("domains", "must list at least one domain")
    for i, dom in enumerate(domains):
        if "/" in dom or ":" in dom or " " in dom:
            v.fail(f"domains[{i}]", f"{dom!r} is not a bare domain name (no scheme, port or path)")

    start = v.table(raw, "start", required=True)
    v.no_unknown_keys(start, set(START_KINDS), "start")
    starts: dict[str, tuple[str, ...]] = {}
    for kind in START_KINDS:
        urls = v.string_list(start, kind, prefix="start")
        for i, url in enumerate(urls):
            v.url_in_domains(url, domains, f"[start].{kind}[{i}]")
        starts[kind] = tuple(urls)
    if not any(starts.values()):
        v.fail("[start]", f"needs at least one start point ({', '.join(START_KINDS)})")

    articles = v.table(raw, "articles", required=True)
    v.no_unknown_keys(articles, _ARTICLE_KEYS, "articles")
    allow = v.regex_list(articles, "allow", prefix="articles", required=True)
    if not allow:
        v.fail("[articles].allow", "must list at least one article URL pattern")
    deny = v.regex_list(articles, "deny", prefix="articles")
    examples = tuple(v.string_list(articles, "examples", prefix="articles"))
    counterexamples = tuple(v.string_list(articles, "counterexamples", prefix="articles"))
    for key, listed, wanted in (
        ("examples", examples, True),
        ("counterexamples", counterexamples, False),
    ):
        for i, url in enumerate(listed):
            at = f"[articles].{key}[{i}]"
            v.url_in_domains(url, domains, at)
            v.article_url(url, allow, deny, wanted, at)

    listing = v.table(raw, "listing")
    v.no_unknown_keys(listing, _LISTING_KEYS, "listing")
    max_pages = listing.get("max_pages", 3)
    if not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1:
        v.fail("[listing].max_pages", f"must be a whole number >= 1, got {max_pages!r}")
    listing_next = v.regex_list(listing, "next", prefix="listing")

    since = parse_since(raw["since"], where=f"{where}: since") if "since" in raw else None
    rules = validate_rules(v.table(raw, "rules"), v)

    return Seed(
        site=site,
        name=name,
        domains=domains,
        allow=allow,
        deny=deny,
        examples=examples,
        counterexamples=counterexamples,
        listing_max_pages=max_pages,
        listing_next=listing_next,
        since=since,
        rules=rules,
        path=path,
        **starts,
    )


def parse_since(value: Any, *, where: str = "since") -> date:
    """``since`` as an ISO date (``"2024-05-01"``) or a number of days back (``7``, ``"7d"``)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return datetime.now(UTC).date() - timedelta(days=value)
    if isinstance(value, str):
        text = value.strip()
        days = re.fullmatch(r"(\d+)\s*d(?:ays?)?", text)
        if days:
            return datetime.now(UTC).date() - timedelta(days=int(days.group(1)))
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
    raise SeedError(f"{where}: expected an ISO date like 2024-05-01 or days like 7d, got {value!r}")


def validate_rules(rules: Mapping[str, Any], v: _Validator) -> dict[str, Any]:
    """The ``[rules]`` pack, checked for shape and returned as a plain dict for the cleaner."""
    v.no_unknown_keys(rules, _RULE_KEYS, "rules")
    out: dict[str, Any] = {}
    for key, field_name, check in (
        ("drop_patterns", "pattern", _check_regex),
        ("drop_selectors", "css", _check_css),
    ):
        entries = rules.get(key, [])
        if not isinstance(entries, list):
            v.fail(f"[rules].{key}", "must be an array of tables")
        for i, entry in enumerate(entries):
            at = f"[rules].{key}[{i}]"
            if not isinstance(entry, dict):
                v.fail(at, 'must be a table like {reason = "...", ' + field_name + ' = "..."}')
            v.no_unknown_keys(entry, {"reason", field_name}, at, bracket=False)
            reason = entry.get("reason")
            if reason not in BLOCK_REASONS:
                v.fail(f"{at}.reason", f"{reason!r} is not a known reason code")
            value = entry.get(field_name)
            if not isinstance(value, str) or not value:
                v.fail(f"{at}.{field_name}", "must be a non-empty string")
            problem = check(value)
            if problem:
                v.fail(f"{at}.{field_name}", problem)
        if entries:
            out[key] = [dict(e) for e in entries]
    disable = v.string_list(rules, "disable", prefix="rules")
    if disable:
        out["disable"] = list(disable)
    return out


def _check_regex(pattern: str) -> str | None:
    try:
        re.compile(pattern)
    except re.error as exc:
        return f"invalid regex {pattern!r}: {exc}"
    return None


def _check_css(css: str) -> str | None:
    from cssselect import GenericTranslator, SelectorError

    try:
        GenericTranslator().css_to_xpath(css)
    except SelectorError as exc:
        return f"invalid CSS selector {css!r}: {exc}"
    return None


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class _Validator:
    """Small helpers that raise :class:`SeedError` with ``file: key: message``."""

    def __init__(self, where: str) -> None:
        self.where = where

    def fail(self, key: str, message: str) -> NoReturn:
        raise SeedError(f"{self.where}: {key}: {message}" if key else f"{self.where}: {message}")

    def no_unknown_keys(
        self, table: Mapping[str, Any], known: set[str], prefix: str, *, bracket: bool = True
    ) -> None:
        for key in table:
            if key not in known:
                at = (f"[{prefix}].{key}" if bracket else f"{prefix}.{key}") if prefix else key
                self.fail(at, f"unknown key (expected one of: {', '.join(sorted(known))})")

    def table(self, raw: Mapping[str, Any], key: str, *, required: bool = False) -> dict[str, Any]:
        if key not in raw:
            if required:
                self.fail(f"[{key}]", "missing table")
            return {}
        value = raw[key]
        if not isinstance(value, dict):
            self.fail(f"[{key}]", f"must be a table, got {type(value).__name__}")
        return value

    def string(self, raw: Mapping[str, Any], key: str, *, required: bool = False) -> Any:
        if key not in raw:
            if required:
                self.fail(key, "missing")
            return None
        value = raw[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"must be a non-empty string, got {value!r}")
        return value.strip()

    def string_list(
        self, raw: Mapping[str, Any], key: str, *, prefix: str = "", required: bool = False
    ) -> list[str]:
        at = f"[{prefix}].{key}" if prefix else key
        if key not in raw:
            if required:
                self.fail(at, "missing")
            return []
        value = raw[key]
        if not isinstance(value, list):
            self.fail(at, f"must be an array of strings, got {type(value).__name__}")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{at}[{i}]", f"must be a non-empty string, got {item!r}")
        return [s.strip() for s in value]

    def regex_list(
        self, raw: Mapping[str, Any], key: str, *, prefix: str, required: bool = False
    ) -> tuple[re.Pattern[str], ...]:
        patterns = []
        for i, text in enumerate(self.string_list(raw, key, prefix=prefix, required=required)):
            try:
                patterns.append(re.compile(text))
            except re.error as exc:
                self.fail(f"[{prefix}].{key}[{i}]", f"invalid regex {text!r}: {exc}")
        return tuple(patterns)

    def article_url(
        self,
        url: str,
        allow: Sequence[re.Pattern[str]],
        deny: Sequence[re.Pattern[str]],
        wanted: bool,
        at: str,
    ) -> None:
        """``url`` is (``wanted``) or is not an article URL in the canonical form the crawler
        requests (percent-encoded, tracking parameters dropped)."""
        form = canonical_url(url)
        if matches_article(form, allow, deny) == wanted:
            return
        if wanted and not any(p.search(f) for p in allow for f in path_forms(form)):
            why = "matches no [articles].allow pattern"
        elif wanted:
            why = "matches an [articles].deny pattern"
        else:
            why = "is accepted by the [articles] patterns but is listed as not an article"
        shown = repr(url) if form == url else f"{url!r} (requested as {form!r})"
        self.fail(at, f"{shown} {why}")

    def url_in_domains(self, url: str, domains: Sequence[str], at: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            self.fail(at, f"{url!r} is not an absolute http(s) URL")
        host = parts.hostname or ""
        if not any(host == d or host.endswith("." + d) for d in domains):
            self.fail(at, f"{url!r} is not on the site's domains ({', '.join(domains)})")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newscrawl.seeds [NAME ...]``: validate seed files and summarise them."""
    import sys

    names = list(argv if argv is not None else sys.argv[1:]) or ["all"]
    try:
        seeds = load_seeds(names)
    except SeedError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for seed in seeds:
        starts = ", ".join(f"{len(getattr(seed, k))} {k}" for k in START_KINDS if getattr(seed, k))
        rules = sum(len(v) for v in seed.rules.values())
        since = f", since {seed.since}" if seed.since else ""
        print(
            f"{seed.site}: {seed.name} ({', '.join(seed.domains)}): {starts}; "
            f"{len(seed.allow)} allow / {len(seed.deny)} deny patterns; {rules} rules{since}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
