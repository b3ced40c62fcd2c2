"""Page metadata: title, authors, dates, site and URL from every place a page states them.

Order of trust, the first source that gives a value wins (`PageMetadata` keeps which):

- **published / updated**: JSON-LD `datePublished` / `dateModified` of the article object (also
  inside `@graph` and arrays; else of the web page object) -> `<meta>` dates
  (`article:published_time`, OpenGraph, `pubdate`, `DC.date`, `parsely-pub-date`,
  `sailthru.date`... listed in `cleaners/data/metadata.toml`) -> `itemprop=datePublished` and
  `<time datetime>` in the headline's header -> the date lines by the headline (a reading
  time next to the date cut; a single "Updated …" date there, with no publication date in
  the metadata or the URL, is the page's date) -> a display date in a metadata field. One
  publication day printed by the headline before the JSON-LD/meta date is the publication
  (the metadata's is a later stamp), unless the gap is a UTC time zone; without a date in
  the header, the microformat classes (`<time class="published">`, `dt-published`) give
  it. A metadata time in UTC one day off the URL's date gives the URL's day (the
  publisher's own day). A page with no date so far gives its statement of the first
  publication ("This article was originally published on 26 Sep 2019"; labels in
  `metadata.toml`). The text rules then read byline and date lines
  (`cleaners.rules.bylines`); after them come `published_fallback` (htmldate: the URL's
  date, then its own markup and text heuristics) and last the update date. The headline
  is the `<h1>` that is the title, else an `<h2>`/`<h3>` that is (blog themes), else the
  first `<h1>`.
- **authors**: JSON-LD `author` (objects, arrays, `@id` references into the graph) -> `<meta>`
  author names -> the `twitter:labelN` "Written by" / `twitter:dataN` pair -> byline markup
  (`itemprop=author`, `rel=author`, `.byline`, `.author-name`..., author-page links, "By …"
  texts; an author box with a bio gives its first line, a byline's own date line and what
  follows it are cut), outside comments, related cards, sidebars and menus. A source
  naming only the site itself, an agency, a newsroom group ("News Desk") or a user name
  yields to a later source naming a person; byline markup naming every metadata person and
  more full names replaces the shorter list (with a person named, the "By …" text scan is
  skipped: it could only add names). The text rules add visible byline names.
- **title**: JSON-LD `headline` -> `og:title` -> `twitter:title` -> `<title>`, without the
  site's name before or after a separator.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, cached_property, lru_cache
from itertools import accumulate, count, islice
from operator import add
from typing import Any, cast

from lxml import etree
from lxml import html as lxml_html

from cleaners.authors import (
    EDGE_CHARACTERS,
    byline_rest,
    finalize,
    is_agency,
    is_collective,
    looks_like_person,
    name_key,
    split_names,
)
from cleaners.authors import vocabulary as author_vocabulary
from cleaners.data import load_toml
from cleaners.dates import (
    locale_reading,
    looks_like_date,
    numeric_readings,
    parse_date,
    url_full_date,
)
from cleaners.html.shown_headline import without_credits
from cleaners.normalize import normalize_line, repair_mojibake

_ARTICLE_TYPES = re.compile(r"(News)?Article|BlogPosting|Report|Posting", re.IGNORECASE)
_PAGE_TYPES = re.compile(r"WebPage|ItemPage|AboutPage|CollectionPage", re.IGNORECASE)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_WORDS = re.compile(r"\w+")
# a visible part of the metadata title taken for the headline: at least this many words and
# this share of the title's words (a part shorter than that is a name or a section label)
_MIN_PART_WORDS = 3
_MIN_PART_SHARE = 0.4
# where a page prints its headline whole: headings, paragraphs and bold type (older sites print
# it as <font size="+2"><b>…</b></font> or <strong>)
_LINE_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "b", "strong", "big")
_NOT_SHOWN = frozenset({"script", "style", "noscript", "title", "option", "textarea", "template"})
# Separators between a headline and the site's name: "Headline | Site", "Site - Headline"...
_SEPARATOR = r"\s+[|\-–—»«:·•/~]\s+|\s*[|»«·•]\s*|:\s+"
_UPDATE_MARK = re.compile(r"updat|modif|revis|edited", re.IGNORECASE)
_MAX_BYLINE_WORDS = 30
_HEADER_LEVELS = 4  # ancestors of the h1 searched for its <time>
# htmldate copies and walks the whole tree: on pages above this many elements (article pages
# have a few thousand) only the URL's date is asked for, and the markup searches for bylines
# and dates are skipped, so work per page stays bounded.
_HTMLDATE_MAX_ELEMENTS = 20_000


# `PageMetadata.sources["title"]` of a title read from the `<title>` element alone: the
# browser tab's text, which older and smaller sites fill with the site's or a section's name
TITLE_TAG = "title-tag"


@dataclass(slots=True)
class PageMetadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    updated: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None
    # after the byline and date lines: htmldate's date (URL, markup and text heuristics)
    published_fallback: str | None = None
    # where each value came from ("json-ld", "meta", "markup", "date-line", "url",
    # "statement", "htmldate"), for explain
    sources: dict[str, str] = field(default_factory=dict)
    # the page's JSON-LD as read here, passed on to `page_fields` (read once per page); None
    # when it could not be read (nested beyond reading)
    json_ld: JsonLd | None = field(default=None, repr=False, compare=False)
    # the page's elements of a few tags as read here (one walk), passed on to `page_fields`
    elements: PageElements | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    published_meta: tuple[str, ...]
    updated_meta: tuple[str, ...]
    author_meta: tuple[str, ...]
    scholarly_author_meta: frozenset[str]
    byline: re.Pattern[str]
    byline_discard: re.Pattern[str]
    byline_date: re.Pattern[str]
    author_link_paths: frozenset[str]
    foreign: re.Pattern[str]
    reading_time: re.Pattern[str]
    published_classes: frozenset[str]
    updated_classes: frozenset[str]
    original_publication: tuple[str, ...]


def _marks(words: list[str]) -> re.Pattern[str]:
    # whole words of the class/id names (see `_marks_of`), a plural "s" allowed
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})s?\b")


@cache
def _vocabulary() -> _Vocabulary:
    data = load_toml("metadata.toml")
    return _Vocabulary(
        published_meta=tuple(data["published_meta"]),
        updated_meta=tuple(data["updated_meta"]),
        author_meta=tuple(data["author_meta"]),
        scholarly_author_meta=frozenset(data["scholarly_author_meta"]),
        byline=_marks(data["byline_marks"]),
        byline_discard=_marks(data["byline_discard_marks"]),
        byline_date=_marks(data["byline_date_marks"]),
        author_link_paths=frozenset(data["author_link_paths"]),
        foreign=_marks(data["foreign_marks"]),
        reading_time=_reading_time(data["reading_time_units"], data["reading_time_separators"]),
        published_classes=frozenset(data["published_classes"]),
        updated_classes=frozenset(data["updated_classes"]),
        original_publication=tuple(data["original_publication_labels"]),
    )


def _reading_time(units: list[str], separators: str) -> re.Pattern[str]:
    """ "<number> <unit>" with the separators around it: "- 11 minutes", "・ 3 min read"."""
    alternatives = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    edge = f"[\\s{re.escape(separators)}]*"
    return re.compile(rf"{edge}\b\d{{1,3}}\s*(?:{alternatives})(?!\w){edge}", re.IGNORECASE)


# --------------------------------------------------------------------------- one walk


@dataclass(slots=True)
class PageElements:
    """The page's elements of the tags `extract_metadata` reads in lists, each in page order
    (as `root.iter(tag)` gives them). Speed: every `root.iter(tag)` walks the whole tree, about
    0.18 ms a page on the extraction benchmark whatever it finds; the JSON-LD, the meta
    tags, the canonical link, the `<title>`, the `<h1>`s (the visible title, the headline
    found up to three times) and the `<h2>`/`<h3>`s took seven walks or more, one walk
    (0.23 ms) serves them all, and `page_fields` (meta tags, links, `<base>`) too."""

    scripts: list[lxml_html.HtmlElement] = field(default_factory=list)
    metas: list[lxml_html.HtmlElement] = field(default_factory=list)
    links: list[lxml_html.HtmlElement] = field(default_factory=list)
    titles: list[lxml_html.HtmlElement] = field(default_factory=list)
    h1s: list[lxml_html.HtmlElement] = field(default_factory=list)
    h2_h3s: list[lxml_html.HtmlElement] = field(default_factory=list)  # as `iter("h2", "h3")`
    bodies: list[lxml_html.HtmlElement] = field(default_factory=list)
    bases: list[lxml_html.HtmlElement] = field(default_factory=list)  # for `page_fields`


def page_elements(root: lxml_html.HtmlElement) -> PageElements:
    found = PageElements()
    lists = {
        "script": found.scripts,
        "meta": found.metas,
        "link": found.links,
        "title": found.titles,
        "h1": found.h1s,
        "h2": found.h2_h3s,
        "h3": found.h2_h3s,
        "body": found.bodies,
        "base": found.bases,
    }
    for element in root.iter(*lists):
        lists[element.tag].append(element)
    return found


# --------------------------------------------------------------------------- JSON-LD


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object of a JSON-LD document, @graph and nesting included."""
    if isinstance(node, list):
        for item in node:
            yield from _objects(item)
    elif isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _objects(value)


def _has_type(obj: dict[str, Any], pattern: re.Pattern[str]) -> bool:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and pattern.search(k) for k in kinds)


def _load_json(text: str) -> Any:
    """JSON-LD as pages write it: raw newlines inside strings, trailing commas, HTML comment
    markers around the script are common, and the meta tags still serve when it fails."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return None


@dataclass(slots=True)
class JsonLd:
    article: dict[str, Any] | None = None
    page: dict[str, Any] | None = None
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)


def json_ld(
    root: lxml_html.HtmlElement, scripts: list[lxml_html.HtmlElement] | None = None
) -> JsonLd:
    """The article object, the web page object and every object with an `@id` of the page's
    JSON-LD scripts (`scripts`: the page's `<script>` elements, when the caller has them)."""
    found = JsonLd()
    for script in root.iter("script") if scripts is None else scripts:
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        for obj in _objects(_load_json(script.text)):
            if isinstance(obj.get("@id"), str) and len(obj) > 1:
                found.by_id.setdefault(obj["@id"], obj)
            if found.article is None and _has_type(obj, _ARTICLE_TYPES):
                found.article = obj
            elif found.page is None and _has_type(obj, _PAGE_TYPES):
                found.page = obj
    return found


def _ld_names(value: Any, ld: JsonLd, depth: int = 0) -> list[str]:
    """Author names of a JSON-LD author value: a string, a Person/Organization object, an
    @id reference into the graph, or a list of those."""
    if depth > 3:
        return []
    if isinstance(value, str):
        return [value] if value.strip() and not value.startswith(("http", "/")) else []
    if isinstance(value, list):
        return [n for item in value for n in _ld_names(item, ld, depth + 1)]
    if isinstance(value, dict):
        name = value.get("name")
        if name is None and isinstance(value.get("@id"), str) and value["@id"] in ld.by_id:
            return _ld_names(ld.by_id[value["@id"]], ld, depth + 1)
        if name is None and isinstance(value.get("givenName"), str):
            name = f"{value['givenName']} {value.get('familyName') or ''}".strip()
        return _ld_names(name, ld, depth + 1) if name is not None else []
    return []


# --------------------------------------------------------------------------- meta tags


def _meta(metas: list[lxml_html.HtmlElement]) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in metas:
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and content.strip() and key not in found:
            found[key] = content.strip()
    return found


def _date(value: Any) -> str | None:
    return parse_date(value.strip()) if isinstance(value, str) and value.strip() else None


def _first_date(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((d for k in keys if (d := _date(meta.get(k)))), None)


def _first_raw(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    """The first of these meta values that holds a date, as written."""
    return next((meta[k] for k in keys if _date(meta.get(k))), None)


def _is_machine_date(value: Any) -> bool:
    """ISO 8601 ("2024-05-01", "2024-05-01T10:00:00Z", "2024-05-01 10:00:00")."""
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- markup


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z]+")


def _marks_of(element: lxml_html.HtmlElement) -> str:
    """The words of an element's class and id: "c-byline__authorName" -> "c byline author
    name" (a class word "jobber" is not the word "job"). Utility classes with a variant or
    an arbitrary value ("md:[grid-area:sidebar]") say where a box is drawn, not what it is."""
    return _marks_of_names(element.get("class"), element.get("id"))


# Remembered by the names: a page repeats its class names, and the foreign test asks them of
# every ancestor of each candidate (11,600 calls for the 181 pages of the extraction benchmark)
@lru_cache(maxsize=4096)
def _marks_of_names(class_names: str | None, element_id: str | None) -> str:
    classes = [c for c in (class_names or "").split() if ":" not in c and "[" not in c]
    names = f"{' '.join(classes)} {element_id or ''}"
    return _NON_WORD.sub(" ", _CAMEL.sub(" ", names).lower()).strip()


@lru_cache(maxsize=4096)
def _foreign_names(class_names: str | None, element_id: str | None) -> bool:
    return bool(_vocabulary().foreign.search(_marks_of_names(class_names, element_id)))


def _is_foreign(element: lxml_html.HtmlElement) -> bool:
    """Inside comments, related cards, sidebars, menus or the site footer."""
    node = element
    while node is not None and isinstance(node.tag, str):
        if node.tag in ("nav", "footer") and not any(
            a.tag == "article" for a in node.iterancestors()
        ):
            return True
        # the page itself, its main column or article is never a card or a menu, whatever its
        # classes (themes set the body's on the root too: "no-sidebars")
        if node.tag not in ("html", "body", "main", "article") and _foreign_names(
            node.get("class"), node.get("id")
        ):
            return True
        node = node.getparent()
    return False


def _text(element: lxml_html.HtmlElement) -> str:
    # block children are separate words: "Written by<div>Jane Roe</div>" is not "byJane"
    return " ".join(" ".join(element.itertext()).split())


_LINE_BREAKING = frozenset({"br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})


def _first_line(element: lxml_html.HtmlElement) -> str:
    """The element's text up to its first line break (`<br>` or a block child): "By Jane
    Roe<br>Courier staff writer" holds the name on its first line, the role on the next."""
    parts: list[str] = [element.text or ""]
    for node in element.iterdescendants():
        if node.tag in _LINE_BREAKING:
            break
        parts.append(node.text or "")
        parts.append(node.tail or "")
    return " ".join("".join(parts).split())


def _byline_elements(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Elements marked as bylines: itemprop=author, rel=author, byline class/id words."""
    v = _vocabulary()
    found = []
    dated = []  # marked as a byline and a date
    marked_elements = _marked_elements(root)
    for element in marked_elements:
        if element.tag in ("script", "style", "meta", "img", "link"):
            continue
        itemprop = (element.get("itemprop") or "").lower()
        rel = (element.get("rel") or "").lower()
        marks = _marks_of(element)
        marked = v.byline.search(marks) and not v.byline_discard.search(marks)
        if "author" in itemprop or "author" in rel.split():
            found.append(element)
        elif marked and v.byline_date.search(marks):
            dated.append(element)
        elif marked:
            found.append(element)
    inner = set(found)
    around: set[lxml_html.HtmlElement] = set()  # the byline elements and their ancestors
    for element in found:
        around.add(element)
        for ancestor in element.iterancestors():
            inner.discard(ancestor)
            around.add(ancestor)
    # a date-and-byline line counts when no byline element is in it or around it (a
    # "byline-date" inside "byline" is the byline's date)
    for element in dated:
        if element not in around and not any(a in inner for a in element.iterancestors()):
            inner.add(element)
            found.append(element)
    if dated:
        order = {e: i for i, e in enumerate(marked_elements)}
        found.sort(key=order.__getitem__)
    return [e for e in found if e in inner]


# `/html/body/descendant::*` rather than `//body//*`: the same nodes (the parser always puts the
# body under the root `html`), without the per-step node sets `//` makes libxml2 build, merge
# and sort (`_marked_elements` on the 181 ScrapingHub pages, CPU, best of 5: 1.44 -> 1.20 ms a
# page; the same values on all 1,486 pages of the three development corpora).
_MARKED_ATTRIBUTES = " | ".join(
    f"/html/body/descendant::*/@{name}" for name in ("class", "id", "itemprop", "rel")
)


def _compiled(expression: str) -> Callable[[lxml_html.HtmlElement], Any]:
    """An XPath compiled once: `root.xpath(text)` sets up an evaluator on every call (0.4 ms
    a page for `_MARKED_ATTRIBUTES`); its result typed as `root.xpath`'s."""
    return cast(Callable[[lxml_html.HtmlElement], Any], etree.XPath(expression))


_MARKED_VALUES = _compiled(_MARKED_ATTRIBUTES)


def _marked_elements(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The elements of `//body//*[@class or @id or @itemprop or @rel]` whose attribute holds
    the first word of a byline mark (or "author"), in any case, in document order. Speed:
    libxml2 lists the attribute values and one search screens them; only these elements
    are split into words (`_marks_of`), not the page's thousands (the same bylines: tested
    on every HTML fixture)."""
    values = _MARKED_VALUES(root)
    found: list[lxml_html.HtmlElement] = []
    for i in _holding(values, _mark_words()):
        element = values[i].getparent()
        if not found or found[-1] is not element:
            found.append(element)
    return found


@cache
def _mark_words() -> tuple[str, ...]:
    firsts = {mark.split()[0] for mark in load_toml("metadata.toml")["byline_marks"]} | {"author"}
    return tuple(sorted(firsts))


# the letters that a lower-case ASCII letter matches under re.IGNORECASE besides its capital
# (and the Kelvin sign, which str.lower() maps to "k")
_CASE_EXTRAS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _holding(values: list[str], words: tuple[str, ...]) -> list[int]:
    """The positions of the values that hold one of `words` (lower-case ASCII) in any case,
    ascending: `[i for i, v in enumerate(values) if pattern.search(v)]` with `pattern` the
    words as alternatives under re.IGNORECASE. Speed: one `str.find` per word over the
    values joined and lower-cased, where a case-blind pattern tries every position of every
    value; on the extraction benchmark's ~470 class/id values a page this cuts
    `_marked_elements` from 3.0 to 1.2 ms a page (tested equal to the pattern on varied
    values in tests/test_metadata.py)."""
    text = "\n".join(values)
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_CASE_EXTRAS)
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter lower-cased to two: positions would shift
        pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
        return [i for i, value in enumerate(values) if pattern.search(value)]
    # starts[i]: where value i begins in the joined text (its length and a newline each before)
    starts = list(map(add, accumulate(map(len, values), initial=0), count()))
    found: set[int] = set()
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            found.add(bisect_right(starts, at) - 1)
            at = lowered.find(word, at + 1)
    return sorted(found)


_NAME_MARK = re.compile(r"\bname\b")


def _element_names(element: lxml_html.HtmlElement) -> list[str]:
    """Names in a byline element: its `itemprop=name` or `.name` part when it has one (an
    author box also holds a job title and a bio), one per author link when it links several
    authors ("<a>A</a><a>B</a>" without separators), else its text split."""
    if "author" in (element.get("itemprop") or "").lower():
        named = element.find(".//*[@itemprop='name']")
        if named is not None:
            element = named
        if element.get("content"):
            return split_names(element.get("content"))
    else:
        # (not a date marked so: CSS modules mark every piece "__className_…")
        named = next(
            (
                d
                for d in element.iterdescendants()
                if _NAME_MARK.search(_marks_of(d)) and not _is_date_piece(_text(d))
            ),
            None,
        )
        if named is not None and _text(named):
            element = named
    links = [_text(a) for a in element.iter("a")]
    if len(links) > 1 and all(1 <= len(t.split()) <= 5 for t in links):
        names = [n for t in links for n in split_names(t)]
        if names and all(looks_like_person(n) for n in names):
            return names
    pieces = [" ".join(p.split()) for p in element.itertext()]
    pieces = [p for p in pieces if p]
    if not pieces:
        return []
    if sum(len(p.split()) for p in pieces) > _MAX_BYLINE_WORDS:
        # an author box: the name, then a bio paragraph ("<h4>Jane Roe</h4><p>Jane is a
        # software developer…</p>"); its first text is the name when written as one
        first = pieces[0]
        return [first] if len(first.split()) <= 4 and _full_name(first, set()) else []
    # the byline's date on its own line ("Jane Roe<br>4 August 2010") is no part of a name,
    # nor what follows it ("Published: …<br>Location: …"): the name is before the date, or
    # after it when the date opens the byline
    dated = next((i for i, p in enumerate(pieces) if _is_date_piece(p)), None)
    if dated is not None:
        pieces = pieces[:dated] or pieces[dated + 1 :] or pieces
    text = " ".join(pieces)
    names = split_names(text)
    # a one-word name with the text's last words cut is a label ("Insights from")
    one_word = len(names) == 1 and len(names[0].split()) == 1
    if one_word and not text.endswith(names[0]) and not _written_as_name(text):
        return []
    # a phrase in lower case ("Personal finance") is a label; a one-word handle may be a name
    return [n for n in names if len(n.split()) == 1 or _written_as_name(n)]


def _is_date_piece(text: str) -> bool:
    return len(text.split()) <= 6 and looks_like_date(text) and parse_date(text) is not None


def _written_as_name(name: str) -> bool:
    """A person's name as people write it, or a newsroom group ("The Currency editors")."""
    return looks_like_person(name) or is_collective(name)


# the addresses of `//body//a[@href]`, in page order (the descendant axis as in
# `_MARKED_ATTRIBUTES`)
_HREFS = _compiled("/html/body/descendant::a/@href")


def _author_links(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Links to an author's page ("/author/jane-roe"): their text is a name. Speed: a
    page has hundreds of links and a few hold a path word; the addresses that hold one
    anywhere, in any case, are found in one search of them all (`_holding`), and only those
    are split into path parts (a part equal to a word lower-cased holds it for the case-blind
    search: tested equal to the test of every link in tests/test_metadata_shortcuts.py). On
    the extraction benchmark's 181 pages, 0.6-0.8 -> 0.5 ms a page (CPU, best of 5)."""
    words = _vocabulary().author_link_paths
    hrefs = _HREFS(root)
    found = []
    for i in _holding(hrefs, _link_words()):
        link = hrefs[i].getparent()
        path = hrefs[i].split("?")[0].lower().split("/")
        if any(p in words for p in path[:-1]) and 1 <= len(_text(link).split()) <= 5:
            found.append(link)
    return found


@cache
def _link_words() -> tuple[str, ...]:
    return tuple(sorted(_vocabulary().author_link_paths))


def _prefixed_bylines(
    root: lxml_html.HtmlElement, tags: PageElements | None = None
) -> list[tuple[lxml_html.HtmlElement, str]]:
    """Short elements whose text opens with a byline word ("By Jane Roe", "Posted by Jane
    Roe on …"), and a label element ("Written by", "Author") followed by the name."""
    found: list[tuple[lxml_html.HtmlElement, str]] = []
    separated: list[tuple[lxml_html.HtmlElement, str]] = []
    for element in _short_text_elements(root, tags, separated):
        text = _text(element)
        rest = byline_rest(text)
        if rest is None:
            continue
        first = _first_line(element)
        if rest and first != text and byline_rest(first):
            rest = byline_rest(first)  # the lines after the name are a role or the outlet
        if rest:
            found.append((element, rest))
            continue
        # the name after the label: its text ("<b>Contributors:</b> Jane Roe"), else the next
        # element ("<span>By</span><a>Jane Roe</a>")
        tail = " ".join((element.tail or "").split()).strip(EDGE_CHARACTERS)
        following = element.getnext()
        if 1 <= len(tail.split()) <= 8:
            found.append((element, tail))
        elif following is not None and 1 <= len(_text(following).split()) <= 8:
            found.append((following, _text(following)))
    known = {e for e, _ in found}
    return found + [(e, rest) for e, rest in separated if e not in known]


def _short_text_elements(
    root: lxml_html.HtmlElement,
    tags: PageElements | None = None,
    separated: list[tuple[lxml_html.HtmlElement, str]] | None = None,
) -> list[lxml_html.HtmlElement]:
    """The elements `_SHORT_TEXT` selects whose text may open with a byline word, in document
    order. Speed: the XPath weighs every element's whole text (about 10 ms a page on the
    extraction benchmark). An element's text opens with its first text piece that is not
    punctuation or space, so only the pieces that open with a byline word (or are the first
    words of one, "Written" + "<b>by</b>") are looked at, with the elements that hold them,
    up to the first ancestor too long to be a byline; of those, the first characters of the
    text are read and the XPath's conditions asked (tested equal to the XPath filtered the
    same way in tests/test_metadata.py)."""
    longest = max((len(p) for p in author_vocabulary().prefixes), default=0) + 1
    opens, first_words = _byline_screens()
    lead = _LEADING_EDGE  # spaces and edge characters before the first word
    seen: set[lxml_html.HtmlElement] = set()
    found = []
    for body in (tags or page_elements(root)).bodies:
        for piece in _SHOWN_PIECES(body):
            start = lead.match(piece).end()  # type: ignore[union-attr]  # `*`: always matches
            head = " ".join(piece[start : start + 200].split()).casefold()
            if not (head.startswith(opens) or head in first_words):
                continue
            owner = piece.getparent()
            element = owner if piece.is_text else owner.getparent()
            if separated is not None and piece.is_tail and _is_separator(owner):
                # "March 15, 2022 <span>·</span> By Jane Roe": a byline after a separator
                # in a date line, which opens with the date
                rest = byline_rest(" ".join(piece.split()))
                if rest and len(rest.split()) <= 6 and element is not None:
                    separated.append((element, rest))
            while element is not None and element is not body:
                if element in seen:
                    break  # this element and its ancestors were weighed for an earlier piece
                seen.add(element)
                if _text_size(element) >= 80:
                    break  # and so are its ancestors
                if sum(1 for _ in islice(element.iterdescendants(etree.Element), 12)) >= 12:
                    break
                if element.tag not in _NOT_SHORT_TEXT and isinstance(element.tag, str):
                    opening = _text_head(element, longest)
                    opens_byline = opening is not None and byline_rest(opening) is not None
                    if opens_byline and _text_size(element) > 1:
                        found.append(element)
                element = element.getparent()
    if len(found) > 1:
        order = {e: i for i, e in enumerate(root.iter())}
        found.sort(key=order.__getitem__)
    return found


def _is_separator(element: lxml_html.HtmlElement) -> bool:
    """An element printing only a separator between the parts of a line ("·", "|", "•")."""
    if len(element):
        return False
    text = (element.text or "").strip()
    return 0 < len(text) <= 2 and not any(c.isalnum() for c in text)


@cache
def _byline_screens() -> tuple[tuple[str, ...], frozenset[str]]:
    """(the byline words, the first words of those of several words): what a text piece,
    edge characters and spaces aside, opens with or is."""
    prefixes = author_vocabulary().prefixes
    heads = {" ".join(p.split()[:n]) for p in prefixes for n in range(1, len(p.split()))}
    return tuple(prefixes), frozenset(heads)


_LEADING_EDGE = re.compile(f"[\\s{re.escape(EDGE_CHARACTERS)}]*")


def _text_size(element: lxml_html.HtmlElement) -> int:
    """The length of the element's text with spaces collapsed, counted up to 80."""
    parts: list[str] = []
    for piece in element.itertext():
        parts.append(piece)
        size = len(_XML_SPACE.sub(" ", "".join(parts)).strip(" \t\r\n"))
        if size >= 80:
            return size
    return len(_XML_SPACE.sub(" ", "".join(parts)).strip(" \t\r\n"))


# the text pieces with more than spaces (a page's indentation is about two thirds of its
# pieces, and a piece of spaces opens with no byline word): 1.6 -> 0.7 ms a page
_SHOWN_PIECES = _compiled(".//text()[normalize-space()]")
_NOT_SHORT_TEXT = frozenset({"script", "style", "a", "option"})
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _text_head(element: lxml_html.HtmlElement, need: int) -> str | None:
    """The start of `_text(element)`: at least `need` characters after the edge characters
    byline_rest strips (the whole text when shorter); None for an element without text."""
    parts: list[str] = []
    for piece in element.itertext():
        parts.append(piece)
        head = " ".join(" ".join(parts).split())
        if len(head.lstrip(EDGE_CHARACTERS)) > need:
            return head
    head = " ".join(" ".join(parts).split())
    return head or None


# elements of 4 to 80 characters of text without many children: byline candidates
_SHORT_TEXT = (
    "//body//*[not(self::script or self::style or self::a or self::option)]"
    "[string-length(normalize-space(.)) > 1 and string-length(normalize-space(.)) < 80]"
    "[count(.//*) < 12]"
)


_ELEMENT_COUNT = _compiled("count(//*)")


def _is_large(root: lxml_html.HtmlElement) -> bool:
    """More elements than `_HTMLDATE_MAX_ELEMENTS`: bounded work on huge pages."""
    return bool(_ELEMENT_COUNT(root) > _HTMLDATE_MAX_ELEMENTS)


def _markup_authors(
    root: lxml_html.HtmlElement,
    title: str | None,
    marked_only: bool = False,
    large: bool | None = None,
    tags: PageElements | None = None,
) -> list[str]:
    """Names of the byline nearest to the headline (in page order), from byline markup,
    author-page links, or "By …" text (`marked_only`: not the texts); byline elements
    next to it (one `a` per author in one byline) add their names. `large`: whether the page
    has more than `_HTMLDATE_MAX_ELEMENTS` elements, when the caller knows; `tags`: the
    page's `_tags`, when the caller has them."""
    if large if large is not None else _is_large(root):
        return []
    # outside comments, cards and menus (asked first: reading a byline's names may parse
    # its date pieces, and those of the cards are many)
    candidates: list[tuple[lxml_html.HtmlElement, list[str]]] = []
    for element in _byline_elements(root):
        if not _is_foreign(element):
            candidates.append((element, _element_names(element)))
    for link in _author_links(root):
        if not _is_foreign(link):
            named = [n for n in split_names(_text(link)) if _written_as_name(n)]
            candidates.append((link, named))
    if not marked_only:
        for element, text in _prefixed_bylines(root, tags):
            if not _is_foreign(element):
                named = [n for n in split_names(text) if _written_as_name(n)]
                candidates.append((element, named))
    candidates = [(e, named) for e, named in candidates if named]
    if not candidates:
        return []
    if len(candidates) == 1:
        return finalize(candidates[0][1])  # the nearest, and no other to group with it
    body = root.find("body")
    headline = _headline(root, title, tags)
    order = _positions(body if body is not None else root, [e for e, _ in candidates], headline)
    at = order.get(headline, 0) if headline is not None else 0
    candidates.sort(key=lambda c: order.get(c[0], 0))
    nearest = min(candidates, key=lambda c: abs(order.get(c[0], 0) - at))
    parent = nearest[0].getparent()
    group = {parent, parent.getparent() if parent is not None else None} - {None}
    names: list[str] = []
    for element, found in candidates:
        up = element.getparent()
        if element is nearest[0] or up in group or (up is not None and up.getparent() in group):
            names.extend(found)
    return finalize(names)


def _positions(
    top: lxml_html.HtmlElement,
    elements: list[lxml_html.HtmlElement],
    headline: lxml_html.HtmlElement | None,
) -> dict[lxml_html.HtmlElement, int]:
    """The places in `top.iter()` of these elements and the headline (those outside it left
    out): `{e: i for i, e in enumerate(top.iter())}` for them alone, the walk stopped once
    all are met (bylines are near the top; the rest of the page is not walked)."""
    wanted = set(elements)
    if headline is not None:
        wanted.add(headline)
    found: dict[lxml_html.HtmlElement, int] = {}
    for i, element in enumerate(top.iter()):
        if element in wanted:
            found[element] = i
            if len(found) == len(wanted):
                break
    return found


def _headline(
    root: lxml_html.HtmlElement, title: str | None, tags: PageElements | None = None
) -> lxml_html.HtmlElement | None:
    """The `<h1>` that is the title, else a lower heading that is (blog themes set the site's
    name as the `<h1>` and each post's title as an `<h2>`), else the first `<h1>`."""
    tags = tags or page_elements(root)
    h1s = tags.h1s
    if title:
        key = normalize_line(title).casefold()
        for h1 in h1s:
            if normalize_line(h1.text_content()).casefold() == key:
                return h1
        for heading in tags.h2_h3s:
            if normalize_line(heading.text_content()).casefold() == key:
                return heading
    return h1s[0] if h1s else None


class _DayOrder:
    """Which reading of an all-numeric date whose day and month could be either ("03/10/2023")
    the page means, from what the page itself says, asked only when such a date is met: the
    date in its address ("/2023/october/03/"), else the same day stated in machine form
    elsewhere on the page (a `datetime` attribute, the metadata), else its locale (`html
    lang`, `og:locale`: en-US writes the month first, other languages and English regions
    the day first, see `calendar_words.toml`). Never a per-site rule."""

    def __init__(self, root: lxml_html.HtmlElement, url: str | None, locale: str | None):
        self._root, self._url, self._locale = root, url, locale

    def read(self, text: str, iso: str) -> str:
        """`iso` as parsed from `text`, with day and month swapped when the page means the
        other reading."""
        readings = numeric_readings(text)
        if readings is None or iso[:10] not in readings:
            return iso
        chosen = self._choose(*readings)
        return iso if chosen is None or chosen == iso[:10] else chosen + iso[10:]

    def _choose(self, month_first: str, day_first: str) -> str | None:
        url_day = url_full_date(self._url)
        if url_day in (month_first, day_first):
            return url_day
        stated = self._machine_days
        if (month_first in stated) != (day_first in stated):
            return month_first if month_first in stated else day_first
        return locale_reading(self._locale, month_first, day_first)

    @cached_property
    def _machine_days(self) -> frozenset[str]:
        """The days the page states in machine form (`datetime` attributes, `<meta>`)."""
        days = set()
        for value in self._root.xpath("//@datetime | //meta/@content"):
            value = str(value).strip()
            if _is_machine_date(value) and len(value) >= 10:
                days.add(value[:10])
        return frozenset(days)


def _markup_dates(
    root: lxml_html.HtmlElement,
    title: str | None,
    order: _DayOrder,
    tags: PageElements | None = None,
) -> tuple[str | None, str | None]:
    """(published, updated) from `itemprop=datePublished|dateModified`, from the `<time
    datetime>` elements of the headline's header (its nearest ancestors), then from the
    microformat date classes, never from a related card or a comment."""
    published = updated = None
    for element in root.xpath("//*[@itemprop='datePublished' or @itemprop='dateModified']"):
        value = _date(element.get("datetime") or element.get("content") or _text(element))
        if value and not _is_foreign(element):
            if element.get("itemprop") == "datePublished":
                published = published or value
            else:
                updated = updated or value
    if published:
        return published, updated
    headline = _headline(root, title, tags)
    node = headline
    for _ in range(_HEADER_LEVELS):
        if node is None or node.getparent() is None:
            break
        node = node.getparent()
        times = [t for t in node.iter("time") if t.get("datetime") and not _is_foreign(t)]
        if not times:
            continue
        for element in times:
            raw = element.get("datetime") or ""
            value = _date(raw)
            if not value:
                continue
            value = order.read(raw, value)  # "02-12-2025" is no ISO date: either reading
            parent = element.getparent()
            # its own marks, and its parent's words when the parent holds only this date
            # ("<span>Updated <time>…</time></span>")
            alone = parent is not None and len(list(parent.iter("time"))) == 1
            label = f"{_marks_of(element)} {_text(parent) if alone else ''}"
            if _UPDATE_MARK.search(label):
                updated = updated or value
            else:
                published = published or value
        break
    if published is None:
        # no date in the header: the microformat classes of the post's own date elements
        marked_published, marked_updated = _microformat_dates(root)
        published, updated = marked_published, updated or marked_updated
    return published, updated


def _microformat_dates(root: lxml_html.HtmlElement) -> tuple[str | None, str | None]:
    """(published, updated) from the microformat class names (hAtom, microformats2) of the
    first such elements outside related cards and comments: `<time class="entry-date
    published" datetime="…">`, `<abbr class="published" title="…">`, `<span
    class="dt-published">…</span>`."""
    v = _vocabulary()
    published = updated = None
    for element in root.xpath(
        "//body//*[contains(@class, 'published') or contains(@class, 'updated')]"
    ):
        classes = set((element.get("class") or "").split())
        is_published = bool(classes & v.published_classes)
        if not is_published and not classes & v.updated_classes:
            continue
        if (published if is_published else updated) or _is_foreign(element):
            continue
        raw = element.get("datetime") or element.get("title") or _text(element)
        value = _date(raw) if len(raw) < 90 else None
        if value and is_published:
            published = value
        elif value:
            updated = value
        if published and updated:
            break
    # an entry's `updated` goes with its `published`: alone, the class marks a site-wide
    # status bar ("UPDATED: 9:17 a.m. CT, January 15, 2008" above the masthead)
    return published, updated if published else None


# what follows a date in a statement of it: "… on 26 Sep 2019 at 4:12pm but has been …"
_STATEMENT_END = re.compile(r"[.;!?]\s|\s(?:but|and|et|mais|y|pero|und|aber|e|ma|en)\s")


def _stated_first_publication(root: lxml_html.HtmlElement) -> str | None:
    """The date of a page's statement of its first publication ("This article was
    originally published on 26 Sep 2019 at 4:12pm"), outside related cards and comments.
    Asked only of pages that state their date nowhere else."""
    labels = _vocabulary().original_publication
    for node in root.xpath("//body//text()[not(ancestor::script or ancestor::style)]"):
        low = " ".join(str(node).split()).lower()
        label = next((x for x in labels if x in low), None)
        if label is None:
            continue
        parent = node.getparent()
        if parent is None or _is_foreign(parent):
            continue
        rest = low[low.index(label) + len(label) :][:60]
        rest = _STATEMENT_END.split(rest, maxsplit=1)[0]
        value = _date(rest)
        if value:
            return value
    return None


def _header_date_lines(
    root: lxml_html.HtmlElement,
    title: str | None,
    day_order: _DayOrder,
    tags: PageElements | None = None,
) -> list[tuple[str, str]]:
    """(kind, date) of the date lines by the headline that are not in the article
    region the text rules read ("February 4, 2025 - 11 minutes" above the `<h1>`,
    "Published: January 3, 2024" in a header box): short leaf texts in the headline's
    nearest ancestors, read by the text rules' own byline and date-line parsers, nearest to
    the headline first."""
    from cleaners.rules.bylines import BylineRule, DateLineRule

    headline = _headline(root, title, tags)
    if headline is None:
        return []
    date_line, byline = DateLineRule(), BylineRule()
    reading_time = _vocabulary().reading_time
    node = headline
    for level in range(_HEADER_LEVELS):
        if node.getparent() is None:
            break
        # the elements of this ancestor's box not read at a nearer level (each gave no date,
        # else the search stopped there): at the first, the parent's descendants; then the
        # nearer ancestor and its siblings with their descendants (a date in a link dates the
        # page it leads to: elements in or of a link are left out)
        elements = _SHORT_LEAVES(node.getparent()) if level == 0 else _SIDE_LEAVES(node)
        node = node.getparent()
        found: list[tuple[lxml_html.HtmlElement, list[tuple[str, str]]]] = []
        for element in elements:
            if element is headline:
                continue
            text = _text(element)
            if not _FOUR_DIGITS.search(text):
                # no date: `parse_date` reads none without four digits in a row (a year, a
                # numeric date: `looks_like_date`), and the parsers cut the text, join its
                # pieces and delete words and marks between them, they add no digit
                continue
            if any(_text(a) == text for a in element.iter("a")):
                continue
            # the reading time next to the date ("May 1, 2025 - 11 minutes") is no date part
            text = reading_time.sub(" ", text).strip() or text
            parsed = byline.parse(text)
            dates = parsed[1] if parsed else date_line.parse(text)
            if dates and not _is_foreign(element):  # (the costlier test last)
                dates = [(kind, day_order.read(text, iso)) for kind, iso in dates]
                found.append((element, dates))
        if len(found) > 1:  # nearest to the headline first (page order among equals)
            order = {e: i for i, e in enumerate(node.iter())}
            at = order[headline]
            found.sort(key=lambda f: abs(order[f[0]] - at))
        if found:
            return [d for _, dates in found for d in dates]
    return []


def _first_kinds(dates: list[tuple[str, str]]) -> tuple[str | None, str | None]:
    """(published, updated): the first date line of each kind."""
    published = next((iso for kind, iso in dates if kind != "updated"), None)
    updated = next((iso for kind, iso in dates if kind == "updated"), None)
    return published, updated


def _printed_earlier(published: str, dates: list[tuple[str, str]]) -> str | None:
    """The publication date the page prints by its headline when it is earlier than the
    metadata's `published`: nothing is shown published before it was, so the metadata's
    date is a later stamp (a JSON-LD build time, a re-import, a republished copy) and the
    printed day is the publication's. Only when the header prints one publication day (a
    header listing other stories' bylines, or "Received"/"Published" dates of a paper, is no
    statement of this page's date) and the gap is no time zone: a UTC time early in the day
    is the previous evening west of Greenwich, the same moment as the printed day."""
    days = {iso[:10] for kind, iso in dates if kind != "updated"}
    if len(days) != 1:
        return None
    day = days.pop()
    if day >= published[:10]:
        return None
    if _utc_next_day(published, day):
        return None
    return day


# a short text (a date line: at most ~80 characters) in an element with few children
_SHORT_LEAF = (
    ".//*[not(self::script or self::style or self::option)]"
    "[string-length(normalize-space(.)) > 5 and string-length(normalize-space(.)) < 90]"
    "[count(.//*) < 6]"
)
# `_SHORT_LEAF` outside links, as `_header_date_lines` reads it: the few-children test first,
# as "no sixth descendant" (libxml2 stops at the sixth), so the text is joined only for small
# elements, and the link test in C rather than a walk up in Python. With `_SIDE_LEAVES` (each
# ancestor's box read without the nearer one's, not again) and the digit screen (of the ~4,500
# texts a run over the extraction benchmark reads, 85 % hold fewer than four digits, and every
# date the parsers read holds four), `_header_date_lines` costs 1.4 instead of 4.9 ms a page
# there (CPU, best of 5: the 175 calls one `extract_metadata` pass over the 181 pages makes,
# recorded and re-run; tested equal to the plain reading, `_SHORT_LEAF` on each ancestor, in
# tests/test_metadata_shortcuts.py)
_SHORT_LEAVES = _compiled(
    ".//*[not(self::script or self::style or self::option)][not(descendant::*[6])]"
    "[string-length(normalize-space(.)) > 5 and string-length(normalize-space(.)) < 90]"
    "[not(ancestor-or-self::a)]"
)
# the same of the nearer ancestor and its siblings, with their descendants, in page order
_SIDE_LEAVES = _compiled(
    "(preceding-sibling::*/descendant-or-self::* | self::*"
    " | following-sibling::*/descendant-or-self::*)"
    "[not(self::script or self::style or self::option)][not(descendant::*[6])]"
    "[string-length(normalize-space(.)) > 5 and string-length(normalize-space(.)) < 90]"
    "[not(ancestor-or-self::a)]"
)
_FOUR_DIGITS = re.compile(r"\d(?:\D*\d){3}")  # four digits, anywhere in the text


def _htmldate(
    root: lxml_html.HtmlElement, url: str | None, large: bool | None = None
) -> str | None:
    """htmldate's publication date: the URL's date, its meta/markup list, then its text
    heuristics. Well kept and broad, so the last source before the update date."""
    from htmldate import find_date

    if large if large is not None else _is_large(root):
        root = lxml_html.fromstring("<html><body></body></html>")
    before = datetime.now()
    try:
        found = find_date(root, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError):  # htmldate raises on odd markup
        return None
    if not found or (found.endswith("-01-01") and f"{found[:4]}/01/01" not in (url or "")):
        # htmldate gives a bare year ("© 2024") as January 1: no day is known
        return None
    if _may_be_todays_day(found, (before, datetime.now())) and not _states_day(root, url, found):
        return None
    return parse_date(found)


def _may_be_todays_day(iso: str, now: tuple[datetime, datetime]) -> bool:
    """Whether a day htmldate gives may be today's day of the month rather than the page's.
    htmldate reads a year and month alone ("2007/12") with dateutil, which fills the missing
    day from today (clamped to the month's last day): the same page would then be dated
    differently on each day it is cleaned. Such a day is kept only when the page states it."""
    try:
        day = datetime.fromisoformat(iso[:10])
    except ValueError:
        return False
    last = calendar.monthrange(day.year, day.month)[1]
    return any(day.day == min(moment.day, last) for moment in now)


def _states_day(root: lxml_html.HtmlElement, url: str | None, iso: str) -> bool:
    """Whether the page's address, a text or an attribute value that holds the date's year
    also holds its day as a number of its own ("publiziert am 30. Juli 2018",
    "2007-12-30"): "2007/12", which htmldate completes with today's day, does not."""
    year, month, day = iso[:4], int(iso[5:7]), int(iso[8:10])
    # the year and its month written as numbers beside it ("2007/12", "12.2007") are cut
    # first, so that a month number is not read as the day
    year_month = re.compile(rf"{year}[-/.]0?{month}(?!\d)|(?<!\d)0?{month}[-/.]{year}|{year}")
    day_number = re.compile(rf"(?<!\d)0?{day}(?!\d)")
    strings = [url or ""]
    strings += (str(t) for t in root.itertext() if year in t)
    for element in root.iter():
        strings += (v for v in element.values() if year in v)
    return any(day_number.search(year_month.sub(" ", s)) for s in strings if year in s)


def _url_day(url: str | None) -> str | None:
    """The full date in the page's address ("/2025/12/18/"), read by htmldate."""
    from htmldate.extractors import extract_url_date

    if not url:
        return None
    try:
        return extract_url_date(url, _url_date_options())
    except ValueError:
        return None


@cache
def _url_date_options() -> Any:
    from htmldate.utils import Extractor

    return Extractor(False, datetime(2100, 1, 1), datetime(1990, 1, 1), True, "%Y-%m-%d")


def _utc_next_day(published: str, url_day: str) -> bool:
    """A metadata time in UTC one day off the address's date: CMSs write the time in UTC
    ("2025-12-19T02:41:41+00:00") while the address, like the date the page shows, has the
    publisher's own day (an evening story west of Greenwich is the next day in UTC, a morning
    one east of it the day before). The address's day is then the day the story came out."""
    if len(published) <= 10 or not published.endswith(("+00:00", "Z")):
        return False
    try:
        moment = datetime.fromisoformat(published.replace("Z", "+00:00"))
        shift = (moment.date() - datetime.fromisoformat(url_day).date()).days
    except ValueError:
        return False
    # the offsets publishers keep run from about UTC-10 (Hawaii) to UTC+10 (Sydney): the
    # next day before 10:00 UTC, the day before from 14:00 UTC
    return (shift == 1 and moment.hour < 10) or (shift == -1 and moment.hour >= 14)


# --------------------------------------------------------------------------- title


def strip_site_suffix(title: str, site: str | None) -> str:
    """'Headline | Site' or 'Site - Headline' -> 'Headline'. With the site's name known, it is
    cut wherever it stands at an end behind a separator; without it, a last short segment
    after ' | ' is."""
    if site:
        site_key = _key(site)
        parts = re.split(f"({_SEPARATOR})", title)
        texts = parts[::2]
        if len(texts) > 1:
            if _key(texts[-1]) == site_key or _key(texts[-1]) in _site_variants(site_key):
                return "".join(parts[:-2]).strip() or title
            if _key(texts[0]) == site_key or _key(texts[0]) in _site_variants(site_key):
                return "".join(parts[2:]).strip() or title
        if title.endswith(site) and len(title) > len(site):
            stripped = title[: -len(site)].rstrip(" |-–—»:·•")
            if stripped != title[: -len(site)]:
                return stripped
    return title


def strip_host_parts(title: str, url: str | None) -> str:
    """'News & Observer | newsobserver.com | Headline' -> 'Headline' on newsobserver.com: the
    parts at the title's ends that name the site by its address ("newsobserver.com"), or by
    the words of its address ("News & Observer", "Bridgestone Tires" on
    tires.bridgestone.com), for pages that state no site name."""
    labels = _host_labels(url)
    if not labels:
        return title
    parts = re.split(f"({_SEPARATOR})", title)
    texts = parts[::2]
    start, end = 0, len(texts)
    while end - start > 1 and _names_host(texts[end - 1], labels):
        end -= 1
    while end - start > 1 and _names_host(texts[start], labels):
        start += 1
    if (start, end) == (0, len(texts)):
        return title
    return "".join(parts[2 * start : 2 * end - 1]).strip() or title


def _host_labels(url: str | None) -> list[str]:
    """The labels of the URL's host without "www" ("tires.bridgestone.com" -> tires,
    bridgestone, com)."""
    if not url or "://" not in url:
        return []
    host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    return [label for label in host.split(".") if label and label != "www"]


def _names_host(part: str, labels: list[str]) -> bool:
    """The title part is the host ("newsobserver.com"), a label of it, or spells labels of it
    in words ("News & Observer", "Bridgestone Tires")."""
    key = _key(part)
    if len(key) < 3 or len(labels) < 2:
        return False
    names = labels[:-1]  # the top-level domain names no site
    joined = {"".join(names), "".join(labels), "".join(reversed(names)), *names}
    if key in joined:
        return True
    words = _WORDS.findall(part.casefold())
    return len(words) > 1 and all(w in names for w in words)


def _key(text: str) -> str:
    return "".join(_WORDS.findall(text.casefold()))


def _site_variants(site_key: str) -> set[str]:
    # "example.com" for "Example", "www.example.com"
    return {site_key.removeprefix("www"), site_key.removesuffix("com"), f"{site_key}com"}


def _words(text: str) -> set[str]:
    # one letter is no shared word: "s" of "Kid's TV" and "Camilla’s"
    return {w for w in _WORDS.findall(text.casefold()) if len(w) > 1}


def _title_part(text: str, raw: str | None) -> bool:
    """The heading is the whole title or its run of parts before or after a separator
    ("Headline" of "Headline - Section - Site", "Section: Headline"), of three words or more."""
    if not raw or len(text.split()) < 3:
        return False
    parts = [p for p in re.split(_SEPARATOR, raw) if p and p.strip()]
    keys = [_key(p) for p in parts]
    key = _key(text)
    return any(key == "".join(keys[:n]) or key == "".join(keys[n:]) for n in range(len(keys)))


def _visible_title(
    root: lxml_html.HtmlElement,
    title: str | None,
    raw: str | None,
    site: str | None,
    tags: PageElements | None = None,
    tab_only: bool = False,
    url: str | None = None,
) -> str | None:
    """The headline as the page shows it. The metadata title often carries the site's or
    section's name, a rewording for search engines or a social-media variant: the first
    `<h1>` of two words or more sharing a word with it wins, unless the `<h1>` is
    the title's site or section part ("Latest News" of "Headline - Latest News"); else a
    heading that is the title's longest part ("Headline - Section - Site" on pages without
    og:site_name); else the metadata title."""
    segments = [p.strip() for p in re.split(_SEPARATOR, raw or "") if p and p.strip()]
    longest = max(segments, key=len) if segments else ""
    # the title's last parts after its headline: the section's or site's name
    side_parts = {_key(p) for p in segments[1:] if p != longest}
    if site:
        side_parts.add(_key(site))  # the site's name set as an h1 logo
    words = _words(title) if title else set()
    shown: list[str] = []
    others: list[str] = []  # headings of three words or more sharing no word with the title
    for h1 in (tags or page_elements(root)).h1s:
        # "<h1><span>Wednesday, 09 January 2008</span> Headline</h1>": the date is no part of it
        text = without_credits(h1, " ".join(normalize_line(h1.text_content()).split()))
        if not text or _is_foreign(h1) or _key(text) in side_parts:
            continue
        if title is None:
            return text
        # the `<h1>` prints the whole tab title, the site's parts with it: cut at a separator
        # by the site's name, else by the site's address ("News & Observer | newsobserver.com
        # | Headline")
        if raw and title != raw and _key(text) == _key(raw) and _title_part(title, raw):
            return title
        if url and title == raw and len(text) > len(title) // 2:
            cut = strip_host_parts(text, url)
            if cut != text and _key(cut) == _key(strip_host_parts(title, url)):
                return cut
        if _title_part(text, raw):
            return text  # before a section's `<h1>` sharing a word with it ("NHL - Wire")
        if len(text.split()) >= 2 and _words(text) & words:
            shown.append(text)
        elif len(text.split()) >= 3:
            others.append(text)
    if shown:
        return shown[0]
    if tab_only and len(others) == 1 and len(segments) == 1:
        # the tab says only a section's or the site's name ("Lifestyle & Entertainment", "The
        # Independent on Saturday") and the page prints one headline: that is the title
        return others[0]
    if len(segments) > 1 and len(longest.split()) >= 3:
        key = _key(longest)
        for heading in root.xpath("//body//*[self::h1 or self::h2 or self::h3 or self::h4]"):
            if _key(heading.text_content()) == key and not _is_foreign(heading):
                return " ".join(normalize_line(heading.text_content()).split())
    return title


def _shown_part(root: lxml_html.HtmlElement, title: str) -> str | None:
    """The headline the page shows when the metadata title wraps it in site chrome.

    Titles of older and smaller sites carry the site's or section's name in forms
    `strip_site_suffix` cannot know without og:site_name ("Headline_English_Site",
    "Site : Headline", "Headline (from The Paper)", "=> Headline <="); the page itself then
    prints the headline alone, in an `<h1>` or in whatever element its theme uses. The longest
    visible text that is a part of the title (compared by letters and digits, case and
    punctuation aside: "Pakistans" for "Pakistan’s") of `_MIN_PART_WORDS` words and
    `_MIN_PART_SHARE` of the title's words or more is that headline; a shorter one when it is
    the title's parts before or after a separator ("Rocket down Eagles" of "Halifax, The Daily
    News: Sports | Rocket down Eagles")."""
    title_key = _key(title)
    title_words = len(title.split())
    if title_words <= _MIN_PART_WORDS:
        return None
    # a title the page prints whole is its headline, whatever parts of it it prints elsewhere
    # (a kicker, a section label or a shortened headline in a teaser)
    if any(_key(h.text_content()) == title_key for h in root.iter(*_LINE_TAGS)):
        return None
    best: str | None = None
    best_len = 0
    # short separator parts printed, one taken when no part of `_MIN_PART_SHARE` is and it
    # is the only one (the site's name or a section may be printed too, and which of the
    # title's ends holds the headline is not known)
    short: dict[str, str] = {}
    seen: set[int] = set()
    for node in root.xpath("//body//text()[normalize-space()]"):
        parent = node.getparent()
        if parent is None:
            continue
        # a text node is the headline or part of it ("<h1>Headline <i>in</i> italics</h1>")
        owner = parent.getparent() if node.is_tail else parent
        for element in (parent, owner):
            if element is None or id(element) in seen or not isinstance(element.tag, str):
                continue
            seen.add(id(element))
            if element.tag in _NOT_SHOWN:
                continue
            raw = element.text_content()
            if len(raw) > 2 * len(title):
                continue
            text = " ".join(normalize_line(raw).split())
            key = _key(text)
            words = len(text.split())
            if (
                words < _MIN_PART_WORDS
                or len(key) <= best_len
                or len(key) >= len(title_key)
                or key not in title_key
            ):
                continue
            if words >= _MIN_PART_SHARE * title_words:
                if not _is_foreign(element):
                    best, best_len = text, len(key)
            elif _title_part(text, title) and not _is_foreign(element):
                short.setdefault(key, text)
    if best is None and len(short) == 1:
        return next(iter(short.values()))
    return best


# --------------------------------------------------------------------------- the record


def _is_person(name: str, site_names: set[str]) -> bool:
    return not (
        _is_site(name, site_names) or is_agency(name) or is_collective(name) or _is_handle(name)
    )


def _is_handle(name: str) -> bool:
    """A user name ("andrew.keaveney", "q_admin"), not a name as people write it."""
    return " " not in name and (any(c in name for c in "._") or name.islower())


def _is_site(name: str, site_names: set[str]) -> bool:
    """The site or publisher itself ("USA" of "USA TODAY", "Morgan" of "Morgan & Morgan")."""
    key = name_key(name)
    return any(
        key == site or (len(key) >= 3 and (site.startswith(key) or site.endswith(key)))
        for site in site_names
    )


_GLUED = re.compile(r"[a-z][A-Z]")


def _full_name(name: str, site_names: set[str]) -> bool:
    """A person's full name: two words or more, written as a name, none of them a job,
    date or interface word, no two words glued together ("AnalystUpdated")."""
    tokens = name.split()
    words = author_vocabulary()
    return (
        len(tokens) >= 2
        and looks_like_person(name)
        and _is_person(name, site_names)
        and not _GLUED.search(name.replace("Mc", "").replace("Mac", ""))
        and all(t.isalpha() or t.strip(".'’-").isalpha() for t in tokens)
        and not any(
            t.casefold() in words.roles or t.casefold() in words.not_name_words for t in tokens
        )
    )


_INVERTED_NAME = re.compile(r"^\s*([^,]+?)\s*,\s*([^,]+?)\s*$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.\s*)+$")


def _scholarly_authors(metas: list[lxml_html.HtmlElement]) -> list[str]:
    """The authors of a paper's scholarly metadata: every `citation_author` (or Dublin Core
    creator) tag, in order, one name each (`_meta` keeps a key's first tag only), "Roe, Jane"
    read as "Jane Roe"."""
    keys = _vocabulary().scholarly_author_meta
    values: dict[str, list[str]] = {}
    for meta in metas:
        key = (meta.get("name") or meta.get("property") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if key in keys and content and not content.startswith(("http", "/", "@")):
            values.setdefault(key, []).append(content)
    if not values:
        return []
    names = []
    # the key with most tags: a page may also name its first author alone in a `DC.Creator`
    for value in max(values.values(), key=len):
        names.extend(split_names(_given_first(value)))
    return finalize(names)


def _given_first(value: str) -> str:
    """ "Roe, Jane" and "Roe, J. A." -> "Jane Roe", "J. A. Roe": a surname, a comma, given
    names or initials; a name with credentials ("Jane Roe, PhD", which `split_names` reads
    as one name) or several names are left as written."""
    inverted = _INVERTED_NAME.match(value)
    if inverted is None or not looks_like_person(value) or len(split_names(value)) != 2:
        return value
    surname, given = inverted.groups()
    # "Jane Roe, John Doe" is two names: one side is one word or initials
    one_side = len(surname.split()) == 1 or len(given.split()) == 1 or _INITIALS.match(given)
    if len(surname.split()) > 3 or len(given.split()) > 3 or not one_side:
        return value
    return f"{given} {surname}"


def _labelled_author(meta: dict[str, str]) -> str | None:
    """The value of a label/value meta pair whose label is a byline word: SEO plugins write
    `twitter:label1` "Written by" and `twitter:data1` "Jane Roe" (the author's display name)
    for the card of a shared link."""
    for n in range(1, 5):
        label = meta.get(f"twitter:label{n}")
        if label is not None and byline_rest(label) == "":
            return meta.get(f"twitter:data{n}")
    return None


def _authors(
    root: lxml_html.HtmlElement,
    ld: JsonLd,
    meta: dict[str, str],
    site_names: set[str],
    title: str | None,
    large: bool | None = None,
    tags: PageElements | None = None,
) -> tuple[list[str], str | None]:
    candidates: list[tuple[str, list[str]]] = []
    if ld.article is not None:
        raw = _ld_names(ld.article.get("author") or ld.article.get("creator"), ld)
        candidates.append(("json-ld", finalize(n for r in raw for n in split_names(r))))
    if ld.page is not None and not candidates:
        raw = _ld_names(ld.page.get("author"), ld)
        candidates.append(("json-ld", finalize(n for r in raw for n in split_names(r))))
    scholarly_keys = _vocabulary().scholarly_author_meta
    for key in _vocabulary().author_meta:
        value = meta.get(key)
        if key in scholarly_keys:
            continue  # all the key's tags, below
        if value and not value.startswith(("http", "/", "@")):
            candidates.append(("meta", finalize(split_names(value))))
            break
    scholarly = _scholarly_authors((tags or page_elements(root)).metas)
    if scholarly:
        candidates.append(("meta", scholarly))
    labelled = _labelled_author(meta)
    if labelled and not _is_handle(labelled):  # "admin" is the site's account, not a name
        candidates.append(("meta", finalize(split_names(labelled))))
    # Metadata naming a person leaves the markup one question: does the byline name more
    # authors (JSON-LD often lists only the first)? Byline elements and author links answer
    # it; "By …" texts (the dear part of the search) are read only when no person is named.
    named = any(_is_person(n, site_names) for _, names in candidates for n in names)
    markup = _markup_authors(root, title, marked_only=named, large=large, tags=tags)
    candidates.append(("markup", markup))
    chosen: tuple[str, list[str]] | None = None
    for source, names in candidates:
        if not names:
            continue
        people = [n for n in names if _is_person(n, site_names)]
        if chosen is None:
            chosen = (source, names)
            if people:
                continue
        elif not [n for n in chosen[1] if _is_person(n, site_names)]:
            if people:  # the site, an agency or a user name before, a person now
                chosen = (source, names)
            continue
        # a later source naming every chosen author and more is the fuller list
        keys = {name_key(n) for n in names}
        if len(names) > len(chosen[1]) and {name_key(n) for n in chosen[1]} <= keys:
            known = {name_key(n) for n in chosen[1]}
            extra = [n for n in names if name_key(n) not in known]
            # next to a named person, markup also holds job titles, the outlet's name and
            # glued texts ("PCWorld", "Fact Checked", "Meg JamesStaff"): the extra names
            # must be people's full names
            if all(_full_name(n, site_names) for n in extra):
                chosen = (source, names)
    return (chosen[1], chosen[0]) if chosen else ([], None)


def extract_metadata(root: lxml_html.HtmlElement, url: str | None = None) -> PageMetadata:
    data = PageMetadata()
    tags = page_elements(root)
    ld = json_ld(root, tags.scripts)
    data.json_ld, data.elements = ld, tags
    article = ld.article or {}
    meta = _meta(tags.metas)
    publisher = article.get("publisher")
    publisher_name = publisher.get("name") if isinstance(publisher, dict) else None
    data.site = meta.get("og:site_name") or publisher_name or meta.get("application-name")
    site_names = {name_key(s) for s in (data.site, publisher_name) if isinstance(s, str) and s}

    canonical = next(
        (
            link.get("href")
            for link in tags.links
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
        ),
        None,
    )
    data.url = canonical or meta.get("og:url") or url
    headline = article.get("headline") if isinstance(article.get("headline"), str) else None
    title = headline or meta.get("og:title") or meta.get("twitter:title")
    if not title:
        node = next((t for t in tags.titles if t is not root), None)  # `root.find(".//title")`
        title = node.text_content() if node is not None else None
    # JSON-LD and meta values are often HTML-escaped once or twice ("&#8211;", "&amp;#8230;")
    title = normalize_line(html.unescape(html.unescape(title))) if title else None
    stripped = strip_site_suffix(title, data.site) if title else None
    tab_only = not (headline or meta.get("og:title") or meta.get("twitter:title"))
    data.title = _visible_title(root, stripped, title, data.site, tags, tab_only, url or data.url)
    if data.title:
        data.title = _shown_part(root, data.title) or data.title
        if data.title != stripped:
            data.sources["title"] = "markup"  # a heading or part the page prints
        elif headline or meta.get("og:title") or meta.get("twitter:title"):
            data.sources["title"] = "json-ld" if headline else "meta"
        else:
            data.sources["title"] = TITLE_TAG  # the document's <title>, and nothing else
        # some pages write it from UTF-8 read as Latin-1 ("Investorâ\x80\x99s"): repaired as
        # the blocks' text is
        data.title = repair_mojibake(data.title)

    large = _is_large(root)  # bounded work on huge pages
    data.authors, source = _authors(root, ld, meta, site_names, data.title, large, tags)
    if source:
        data.sources["authors"] = source

    v = _vocabulary()
    page = ld.page or {}
    # Metadata dates in machine form (ISO 8601, as schema.org and OpenGraph ask) first; a
    # display date in a JSON-LD or meta field ("Jun 24, 2025") is a hand-filled template,
    # often with the page's last build date, and ranks after the page's visible date.
    loose: tuple[str, str] | None = None
    for name, raw in (
        ("json-ld", article.get("datePublished")),
        ("meta", _first_raw(meta, v.published_meta)),
        ("json-ld", page.get("datePublished")),
    ):
        value = _date(raw)
        if value and _is_machine_date(raw):
            data.published, data.sources["published"] = value, name
            break
        if value and loose is None:
            loose = (value, name)
    data.updated = (
        _date(article.get("dateModified"))
        or _first_date(meta, v.updated_meta)
        or _date(page.get("dateModified"))
    )
    # the locale with a region ("en" of html lang says less than og:locale "en_GB")
    locales = [x for x in (root.get("lang"), meta.get("og:locale")) if x]
    locale = next((x for x in locales if "-" in x or "_" in x), locales[0] if locales else None)
    day_order = _DayOrder(root, url or data.url, locale)
    if data.published is None and not large:
        published, updated = _markup_dates(root, data.title, day_order, tags)
        if published:
            data.published, data.sources["published"] = published, "markup"
        data.updated = data.updated or updated
    url_day = _url_day(url or data.url)
    # the header's date lines: the date of a page without one so far, or an earlier printed
    # day than the metadata's (a `<time>` whose datetime differs from its own text, source
    # "markup", is one statement: kept, so its header is not read)
    from_metadata = data.sources.get("published") in ("json-ld", "meta")
    read_header = not large and (data.published is None or from_metadata)
    header = _header_date_lines(root, data.title, day_order, tags) if read_header else []
    printed = _printed_earlier(data.published, header) if data.published else None
    if printed and from_metadata:
        data.published, data.sources["published"] = printed, "date-line"
    if data.published is None and not large:
        published, updated = _first_kinds(header)
        if published:
            data.published, data.sources["published"] = published, "date-line"
        elif updated and loose is None and url_day is None:
            # the page states one date by its headline, as an update ("Updated on October
            # 21, 2025"), and no publication date anywhere: to a reader that is its date
            # (before it, a date line of a card further down would be taken)
            data.published, data.sources["published"] = updated, "date-line"
        data.updated = data.updated or updated
    if data.published is None and loose is not None:
        data.published, data.sources["published"] = loose
    if data.published is None and not large:
        stated = _stated_first_publication(root)
        if stated:
            data.published, data.sources["published"] = stated, "statement"
    if data.published and url_day and _utc_next_day(data.published, url_day):
        data.published, data.sources["published"] = url_day, "url"
    if data.published is None:
        data.published_fallback = _htmldate(root, url or data.url, large)
    data.language = (root.get("lang") or "").split("-")[0].lower() or None
    return data
