"""The speed shortcuts of `cleaners.html.metadata`'s author search give what the plain way
gives: each is checked against the plain code on varied inputs and on every HTML fixture."""

from __future__ import annotations

import random
import re
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from cleaners.html import metadata
from cleaners.html.page_fields import base_url, page_fields

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# letters a case-blind search treats specially: dotted and dotless i, long s, the Kelvin sign,
# sharp s (lower-cased as itself, upper-cased to two letters)
_EXOTIC = "\u0130\u0131\u017f\u212a\u00df"


def _random_values(rng: random.Random, words: tuple[str, ...], count: int) -> list[str]:
    """Attribute-like values: pieces of the words in mixed case, exotic letters, separators,
    line breaks and empty values."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_ :/\n" + _EXOTIC
    values = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randrange(0, 4)):
            if rng.random() < 0.5:
                word = rng.choice(words)
                cut = word[: rng.randrange(1, len(word) + 1)] if rng.random() < 0.3 else word
                parts.append("".join(c.upper() if rng.random() < 0.3 else c for c in cut))
            else:
                parts.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8))))
        values.append("".join(parts))
    return values


def _plain_holding(values: list[str], words: tuple[str, ...]) -> list[int]:
    pattern = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
    return [i for i, value in enumerate(values) if pattern.search(value)]


def test_holding_equals_a_case_blind_search_of_each_value() -> None:
    rng = random.Random(12)
    words = metadata._mark_words()
    hits = 0
    for _ in range(300):
        values = _random_values(rng, words, rng.randrange(0, 30))
        expected = _plain_holding(values, words)
        assert metadata._holding(values, words) == expected, values
        hits += len(expected)
    assert hits > 1000  # the comparison is not vacuous
    # letters lower-cased or matched specially: "wrİter" and "poſted" hold the words for a
    # case-blind search; "İ" alone lower-cases to two letters
    assert metadata._holding(["x", "WRİTER", "poſted", "AUTHOR"], words) == [1, 2, 3]
    assert metadata._holding(["x", "\u212a" + "author"], ("kauthor",)) == [1]  # Kelvin sign
    assert metadata._holding(["İ", "byl", "ß"], words) == [1]
    assert metadata._holding([], words) == []


def test_marked_elements_equal_the_per_value_search_on_every_html_fixture() -> None:
    pattern = re.compile("|".join(map(re.escape, metadata._mark_words())), re.IGNORECASE)
    marked_pages = 0
    for page in sorted(FIXTURES.rglob("*.html")):
        root = lxml_html.document_fromstring(page.read_bytes())
        # the plain way: every element under the body, each of its four marked attributes
        expected = [
            element
            for element in root.xpath("//body//*")
            if any(
                pattern.search(element.get(name) or "")
                for name in ("class", "id", "itemprop", "rel")
            )
        ]
        assert metadata._marked_elements(root) == expected, page
        marked_pages += bool(expected)
    assert marked_pages >= 5


def _random_page(rng: random.Random) -> str:
    """A body of nested boxes whose texts open with byline words or not, after spaces of
    every kind (indentation, no-break, ideographic), edge characters or nothing."""
    openers = [
        "By",
        "by",
        "BY",
        "Written",
        "written by",
        "Von",
        "بقلم",
        "Автор",
        "Posted",
        "Bylines",
    ]
    texts = ["Jane Roe", "the council met", "2 hours ago", "Ünal Öz", "", "ß and ſ", "İstanbul"]
    spaces = ["", " ", "\n    ", "\u00a0", "\u3000", "\t", " \u2003 "]
    edges = ["", "|", "— ", "(", "•"]
    tags = ["div", "p", "span", "b", "a", "li", "script", "font"]

    def box(depth: int) -> str:
        inner = []
        for _ in range(rng.randrange(1, 4)):
            if depth < 3 and rng.random() < 0.4:
                inner.append(box(depth + 1))
            else:
                words = rng.choice(openers) + " " + rng.choice(texts) if rng.random() < 0.5 else ""
                inner.append(rng.choice(spaces) + rng.choice(edges) + words + rng.choice(spaces))
        tag = rng.choice(tags)
        return f"<{tag}>{''.join(inner)}</{tag}>"

    return "<html><body>" + "".join(box(0) for _ in range(rng.randrange(1, 6))) + "</body></html>"


def test_short_text_elements_equal_the_plain_xpath_on_varied_pages() -> None:
    from cleaners.authors import byline_rest

    rng = random.Random(7)
    found = 0
    for _ in range(400):
        root = lxml_html.document_fromstring(_random_page(rng))

        def opens(element: lxml_html.HtmlElement) -> bool:
            return byline_rest(metadata._text(element)) is not None

        plain = [e for e in root.xpath(metadata._SHORT_TEXT) if opens(e)]
        assert [e for e in metadata._short_text_elements(root) if opens(e)] == plain
        found += len(plain)
    assert found > 200  # the comparison is not vacuous


def _plain_header_date_lines(
    root: lxml_html.HtmlElement, title: str | None, day_order: metadata._DayOrder
) -> list[tuple[str, str]]:
    """`_header_date_lines` the plain way: every short leaf of each of the headline's
    ancestors read in turn, in and out of links, ordered by a walk of the ancestor's box."""
    from cleaners.rules.bylines import BylineRule, DateLineRule

    headline = metadata._headline(root, title)
    if headline is None:
        return []
    reading_time = metadata._vocabulary().reading_time
    node = headline
    seen: set[lxml_html.HtmlElement] = set()
    for _ in range(metadata._HEADER_LEVELS):
        if node.getparent() is None:
            break
        node = node.getparent()
        order = {e: i for i, e in enumerate(node.iter())}
        at = order[headline]
        found = []
        for element in node.xpath(metadata._SHORT_LEAF):
            if element in seen:
                continue
            seen.add(element)
            if element is headline:
                continue
            if element.tag == "a" or any(a.tag == "a" for a in element.iterancestors()):
                continue
            text = metadata._text(element)
            if any(metadata._text(a) == text for a in element.iter("a")):
                continue
            text = reading_time.sub(" ", text).strip() or text
            parsed = BylineRule().parse(text)
            dates = parsed[1] if parsed else DateLineRule().parse(text)
            if dates and not metadata._is_foreign(element):
                dates = [(kind, day_order.read(text, iso)) for kind, iso in dates]
                found.append((abs(order[element] - at), dates))
        if found:
            return [d for _, dates in sorted(found, key=lambda f: f[0]) for d in dates]
    return []


_DATE_TEXTS = [
    "Published: January 3, 2024",
    "By Jane Roe | March 5, 2023",
    "Updated 12/03/2024 10:15",
    "May 1, 2025 - 11 minutes",
    "Publié le 12 avril 2023",
    "3 de marzo de 2024",
    "2024年3月12日 17時45分",
    "2024년 3월 12일",
    "١٢ مارس ٢٠٢٤",
    "12 марта 2024 года",
    "२०२४-०३-१२",
    "05.01.2008",
    "Sept. 9, 2019",
    "Jane Roe",
    "2 hours ago",
    "Share this story",
    "12 comments",
    "Photo: Reuters",
]


def _random_header_page(rng: random.Random) -> str:
    """A headline in nested boxes among short texts: date lines of many languages and
    scripts, with and without digits, in links, around links, beside comments and scripts."""
    tags = ["div", "p", "span", "time", "li", "a", "b", "script", "header"]

    def leaf() -> str:
        text = rng.choice(_DATE_TEXTS)
        tag = rng.choice(tags)
        if rng.random() < 0.15:
            text = f"<a href='/x'>{text}</a>"
        elif rng.random() < 0.1:
            text = f"{text} <a href='/y'>{rng.choice(_DATE_TEXTS)}</a>"
        extra = "<!-- c -->" if rng.random() < 0.2 else ""
        cls = " class='related-posts'" if rng.random() < 0.1 else ""
        return f"{extra}<{tag}{cls}>{text}</{tag}>"

    def box(depth: int, inner: str) -> str:
        parts = [leaf() for _ in range(rng.randrange(0, 4))]
        parts.insert(rng.randrange(0, len(parts) + 1), inner)
        if rng.random() < 0.3:
            many = "".join(f"<span>{rng.choice(_DATE_TEXTS)}</span>" for _ in range(7))
            parts.append(f"<div>{many}</div>")  # too many children to be a date line
        tag = rng.choice(["div", "section", "header", "article", "a"])
        return f"<{tag}>{''.join(parts)}</{tag}>"

    inner = "<h1>The council <span>met</span> on budget day</h1>"
    for depth in range(rng.randrange(1, 7)):
        inner = box(depth, inner)
    return f"<html><body>{leaf()}{inner}{leaf()}</body></html>"


def test_header_date_lines_equal_the_plain_reading_on_varied_pages() -> None:
    rng = random.Random(5)
    dated = 0
    for _ in range(300):
        root = lxml_html.document_fromstring(_random_header_page(rng))
        title = "The council met on budget day"
        order = metadata._DayOrder(root, None, rng.choice([None, "en-US", "fr"]))
        expected = _plain_header_date_lines(root, title, order)
        assert metadata._header_date_lines(root, title, order) == expected
        dated += len(expected) > 1
    assert dated > 50  # the comparison is not vacuous: pages with dates to order


def test_header_date_lines_equal_the_plain_reading_on_every_html_fixture() -> None:
    dated = 0
    for page in sorted(FIXTURES.rglob("*.html")):
        root = lxml_html.document_fromstring(page.read_bytes())
        headline = next(root.iter("h1"), None)
        title = headline.text_content() if headline is not None else None
        order = metadata._DayOrder(root, None, root.get("lang"))
        expected = _plain_header_date_lines(root, title, order)
        assert metadata._header_date_lines(root, title, order) == expected, page
        dated += bool(expected)
    assert dated >= 5


def _plain_author_links(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    words = metadata._vocabulary().author_link_paths
    found = []
    for link in root.xpath("//body//a[@href]"):
        path = (link.get("href") or "").split("?")[0].lower().split("/")
        if any(p in words for p in path[:-1]) and 1 <= len(metadata._text(link).split()) <= 5:
            found.append(link)
    return found


def _random_links_page(rng: random.Random) -> str:
    """Links whose addresses hold path words in any case, with letters a case-blind search
    treats specially, in queries, as the last part or glued to other words."""
    words = sorted(metadata._vocabulary().author_link_paths)
    texts = ["Jane Roe", "", "More", "Jane Roe and John Doe of the Daily Courier", "Ünal Öz"]

    def href() -> str:
        parts = []
        for _ in range(rng.randrange(0, 5)):
            word = rng.choice([*words, "news", "2024", "x"])
            word = "".join(c.upper() if rng.random() < 0.3 else c for c in word)
            if rng.random() < 0.1:
                word = word.replace("k", "\u212a").replace("i", "\u0130").replace("s", "\u017f")
            parts.append(word + rng.choice(["", "", "s", "-desk"]))
        path = "/".join(parts)
        return rng.choice(["", "/", "https://example.com/"]) + path + rng.choice(["", "/", "?a=1/"])

    links = "".join(
        f'<a href="{href()}">{rng.choice(texts)}</a>' if rng.random() < 0.9 else "<a>no href</a>"
        for _ in range(rng.randrange(0, 25))
    )
    return f"<html><head><a href='/author/x'>Head</a></head><body><p>{links}</p></body></html>"


def test_author_links_equal_the_test_of_every_link() -> None:
    rng = random.Random(3)
    found = 0
    for _ in range(300):
        root = lxml_html.document_fromstring(_random_links_page(rng))
        expected = _plain_author_links(root)
        assert metadata._author_links(root) == expected
        found += len(expected)
    assert found > 300  # the comparison is not vacuous
    for page in sorted(FIXTURES.rglob("*.html")):
        root = lxml_html.document_fromstring(page.read_bytes())
        assert metadata._author_links(root) == _plain_author_links(root), page


def test_positions_equal_the_places_of_a_whole_walk() -> None:
    rng = random.Random(9)
    for page in sorted(FIXTURES.rglob("*.html")):
        root = lxml_html.document_fromstring(page.read_bytes())
        body = root.find("body")
        top = body if body is not None else root
        order = {e: i for i, e in enumerate(top.iter())}
        everything = list(root.iter())  # the head's elements are outside `top`
        for _ in range(5):
            elements = rng.sample(everything, min(len(everything), rng.randrange(1, 6)))
            headline = rng.choice([None, *everything])
            expected = {e: order[e] for e in [*elements, headline] if e in order}
            assert metadata._positions(top, elements, headline) == expected, page


def _plain_marks(element: lxml_html.HtmlElement) -> str:
    classes = [c for c in (element.get("class") or "").split() if ":" not in c and "[" not in c]
    names = f"{' '.join(classes)} {element.get('id') or ''}"
    return re.sub(r"[^a-z]+", " ", re.sub(r"(?<=[a-z])(?=[A-Z])", " ", names).lower()).strip()


def _plain_is_foreign(element: lxml_html.HtmlElement) -> bool:
    foreign = metadata._vocabulary().foreign
    node = element
    while node is not None and isinstance(node.tag, str):
        if node.tag in ("nav", "footer") and not any(
            a.tag == "article" for a in node.iterancestors()
        ):
            return True
        page_parts = ("html", "body", "main", "article")
        if node.tag not in page_parts and foreign.search(_plain_marks(node)):
            return True
        node = node.getparent()
    return False


def test_remembered_marks_equal_the_plain_reading_on_every_html_fixture() -> None:
    foreign = 0
    for page in sorted(FIXTURES.rglob("*.html")):
        root = lxml_html.document_fromstring(page.read_bytes())
        for element in root.iter(etree.Element):
            assert metadata._marks_of(element) == _plain_marks(element), page
            expected = _plain_is_foreign(element)
            assert metadata._is_foreign(element) == expected, page
            foreign += expected
    assert foreign > 100  # the comparison is not vacuous


def test_one_walk_gives_each_tag_as_its_own_walk_on_every_html_fixture() -> None:
    """`page_elements` (one walk for several tags) lists each tag's elements as
    `root.iter(tag)` does, and its `<title>` is `root.find(".//title")`; the headline found
    from it is the same, and so are the page fields read from it."""
    pages = sorted(FIXTURES.rglob("*.html"))
    odd = (
        "<html><head><title>T</title><META name=a content=b></head><body><h3>x</h3>"
        "<svg:meta xmlns:svg='http://www.w3.org/2000/svg'/><h2>y</h2><h1>z</h1>"
        "<o:p>w</o:p><script type='application/ld+json'>{}</script><link rel=x href=y>"
        "<base target=_top><base href='/a/'><link rel=canonical href=c><meta property="
        "og:image content=i.png>"
        "<body><title>second</title></body></body></html>"
    )
    roots = [lxml_html.document_fromstring(p.read_bytes()) for p in pages]
    roots.append(lxml_html.document_fromstring(odd))
    for root in roots:
        tags = metadata.page_elements(root)
        assert tags.scripts == list(root.iter("script"))
        assert tags.metas == list(root.iter("meta"))
        assert tags.links == list(root.iter("link"))
        assert tags.h1s == list(root.iter("h1"))
        assert tags.h2_h3s == list(root.iter("h2", "h3"))
        assert tags.bodies == list(root.iter("body"))
        assert tags.bases == list(root.iter("base"))
        for url in (None, "https://example.com/x/y.html"):
            assert page_fields(root, url, None, tags) == page_fields(root, url)
            assert base_url(root, url, tags) == base_url(root, url)
        assert next(iter(tags.titles), None) is root.find(".//title")
        title = metadata.extract_metadata(root).title
        assert metadata._headline(root, title, tags) is metadata._headline(root, title)
    assert sum(bool(metadata.page_elements(r).h2_h3s) for r in roots) >= 5
