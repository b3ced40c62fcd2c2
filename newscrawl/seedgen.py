"""A draft seed file from what discovery found (``newscrawl seed new URL``).

The crawl of a site without a seed (``DISCOVERY_PATH``) reports the sitemaps, news sitemaps,
feeds and listing pages that gave article links, the pages that proved to be articles and those
that did not. From the article URLs this module proposes ``[articles].allow`` patterns and
writes a seed the user reviews: the article URLs become its ``examples`` and the other pages its
``counterexamples``, so the seed loader checks the proposal against them every time it loads.

How a pattern is proposed: the article paths are grouped by shape (the number of segments,
whether there is a trailing slash, and the kind of each segment: a year, a month or day, a
number, an id followed by a slug, a file name, a word). Each shape with enough URLs gives one
pattern: numbers become ``\\d+`` (``\\d{4}`` for years), slugs ``[^/?#]+`` (any characters up to
the next separator: real slugs carry percent-encoded quotes and other scripts), and words stay
literal (an alternation) where the URLs share a few of them, which is what tells articles from
the site's other pages when no number does.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from newscrawl.urls import matches_article

SLUG = "[^/?#]+"
MAX_PATTERNS = 4
MAX_EXAMPLES = 8
MAX_LITERALS = 6  # a word position with more distinct values than this becomes a slug class
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_MONTH_DAY = re.compile(r"^(?:0[1-9]|[12]\d|3[01])$")
_NUMBER = re.compile(r"^\d+$")
_ID_SLUG = re.compile(r"^\d{3,}-.+$")
_FILE = re.compile(r"^(.+)(\.[A-Za-z0-9]{2,5})$")


@dataclass(frozen=True, slots=True)
class Draft:
    """A proposed seed: the TOML text and what it was made of."""

    text: str
    allow: tuple[str, ...]
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...]


def _kind(segment: str, last: bool) -> str:
    if _YEAR.match(segment):
        return "year"
    if _MONTH_DAY.match(segment):
        return "md"
    if _NUMBER.match(segment):
        return "num"
    if _ID_SLUG.match(segment):
        return "idslug"
    file = _FILE.match(segment)
    if file and not re.search(r"\d", file.group(2)):
        return "file" + file.group(2).lower()
    return "slug" if last else "word"


def _shape(path: str) -> tuple[tuple[str, ...], bool]:
    segments = [s for s in path.split("/") if s]
    kinds = tuple(_kind(s, i == len(segments) - 1) for i, s in enumerate(segments))
    return kinds, path.endswith("/") and bool(segments)


def _escape(text: str) -> str:
    """``re.escape`` without escaping '-' (readable section names: ``arts-culture``)."""
    return re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", text)


def _segment_pattern(
    kind: str, values: Sequence[str], *, first_word: bool, has_number: bool
) -> str:
    if kind == "year":
        return r"\d{4}"
    if kind == "md":
        return r"\d{2}" if all(len(v) == 2 for v in values) else r"\d{1,2}"
    if kind == "num":
        return r"\d+"
    if kind == "idslug":
        return rf"\d+-{SLUG}"
    if kind.startswith("file"):
        ext = _escape(kind[4:])
        stems = [_FILE.match(v).group(1) for v in values]  # type: ignore[union-attr]
        return (r"\d+" if all(s.isdigit() for s in stems) else SLUG) + ext
    if kind == "slug":
        return SLUG
    # A word: literal when every URL has the same one (/archives/, /NewsContent/); the first
    # word (the site's top-level kind of page: /news/, /opinion/) also when the URLs share a
    # few and no number in the path says "article". Otherwise any word: sections come and go.
    distinct = sorted(set(values))
    if len(distinct) == 1:
        return _escape(distinct[0])
    if first_word and not has_number and len(distinct) <= MAX_LITERALS:
        return "(?:" + "|".join(_escape(v) for v in distinct) + ")"
    return SLUG


def infer_patterns(article_urls: Iterable[str], min_share: float = 0.1) -> list[str]:
    """Allow patterns covering the article URLs: one per URL shape holding at least
    ``min_share`` of them (and two URLs), most common first, at most ``MAX_PATTERNS``."""
    groups: dict[tuple[tuple[str, ...], bool], list[list[str]]] = defaultdict(list)
    paths = [urlsplit(u).path or "/" for u in article_urls]
    for path in paths:
        kinds, slash = _shape(path)
        if kinds:
            groups[(kinds, slash)].append([s for s in path.split("/") if s])
    # One shape with and without a trailing slash is one pattern ending in '/?'.
    merged: dict[tuple[str, ...], tuple[list[list[str]], set[bool]]] = {}
    for (kinds, slash), members in groups.items():
        rows, slashes = merged.setdefault(kinds, ([], set()))
        rows.extend(members)
        slashes.add(slash)
    total = len(paths)
    patterns: list[tuple[int, str]] = []
    for kinds, (rows, slashes) in merged.items():
        if (len(rows) < 2 and total > 1) or len(rows) < min_share * total:
            continue
        has_number = any(k in ("year", "num", "idslug") or k.startswith("file") for k in kinds)
        first_word = kinds.index("word") if "word" in kinds else -1
        parts = [
            _segment_pattern(
                kind, [row[i] for row in rows], first_word=i == first_word, has_number=has_number
            )
            for i, kind in enumerate(kinds)
        ]
        end = "/?" if len(slashes) == 2 else ("/" if True in slashes else "")
        patterns.append((len(rows), "^/" + "/".join(parts) + end + "$"))
    patterns.sort(key=lambda item: (-item[0], item[1]))
    return [p for _, p in patterns[:MAX_PATTERNS]]


def seed_name(domain: str) -> str:
    """A seed file name for a registered domain: ``thenationalnews.com`` -> ``thenationalnews``."""
    label = domain.split(".")[0] if not re.fullmatch(r"[\d.]+", domain) else domain
    return re.sub(r"[^a-z0-9_-]+", "-", label.lower()).strip("-") or "site"


def draft_seed(report: dict[str, Any], name: str) -> Draft:
    """The TOML text of a draft seed from a discovery report (``DISCOVERY_PATH``)."""
    articles: list[str] = list(dict.fromkeys(report.get("articles", [])))
    others: list[str] = list(dict.fromkeys(report.get("not_articles", [])))
    listings = list(report.get("listings", []))
    allow = infer_patterns(articles)
    compiled = tuple(re.compile(p) for p in allow)
    covered = [u for u in articles if matches_article(u, compiled, ())]
    # Counterexamples: pages that proved not to be articles, and the listing pages, which the
    # proposed patterns refuse (the ones they accept are flagged for review below).
    refused = [u for u in [*others, *listings] if not matches_article(u, compiled, ())]
    accepted_others = [u for u in others if matches_article(u, compiled, ())]
    domains = report.get("domains") or []
    display = report.get("site_name") or (domains[0] if domains else name)

    lines = [
        f"# Draft seed for {report.get('start')}, written by `newscrawl seed new` from what the",
        "# site's robots.txt, sitemaps, feeds and section pages led to. Review it before crawling:",
        "# the start points, the proposed article URL patterns (checked against the examples",
        "# below every time the seed is loaded) and the site's rule pack.",
        f"# Articles seen: {len(articles)}; matched by the patterns: {len(covered)}; other pages: "
        f"{len(others)}.",
    ]
    for url in accepted_others[:5]:
        lines.append(f"# REVIEW: the patterns also accept {url}, which is not an article page")
    for url in [u for u in articles if u not in covered][:5]:
        lines.append(f"# REVIEW: an article page of a shape seen once, not covered: {url}")
    lines += [f"name = {_string(display)}", f"domains = {_array(domains)}", "", "[start]"]
    for kind in ("sitemaps", "news_sitemaps", "feeds"):
        if report.get(kind):
            lines.append(f"{kind} = {_array(report[kind])}")
    start = report.get("start")
    if listings or start:
        lines.append(f"listings = {_array(listings or [start])}")
    lines += ["", "[articles]"]
    if allow:
        lines.append(f"allow = {_array(allow, regex=True)}")
    else:
        lines.append("# No article URL was seen: write the site's article URL pattern here.")
        lines.append("allow = []")
    if covered:
        lines.append(f"examples = {_array(covered[:MAX_EXAMPLES])}")
    if refused:
        lines.append(f"counterexamples = {_array(refused[:MAX_EXAMPLES])}")
    lines += ["", "[listing]", "max_pages = 3", ""]
    return Draft("\n".join(lines), tuple(allow), tuple(covered[:MAX_EXAMPLES]), tuple(refused))


def _string(value: str, *, regex: bool = False) -> str:
    """A TOML string: a literal one ('...') for patterns when it can be (no escapes to read)."""
    if regex and "'" not in value and "\n" not in value:
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


def _array(values: Sequence[str], *, regex: bool = False) -> str:
    items = [_string(v, regex=regex) for v in values]
    one_line = "[" + ", ".join(items) + "]"
    if len(one_line) <= 90:
        return one_line
    return "[\n" + "".join(f"    {item},\n" for item in items) + "]"
