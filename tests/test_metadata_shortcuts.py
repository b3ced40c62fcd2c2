"""The speed shortcuts of `cleaners.html.metadata`'s author search give what the plain way
gives: each is checked against the plain code on varied inputs and on every HTML fixture."""

from __future__ import annotations

import random
import re
from pathlib import Path

from lxml import html as lxml_html

from cleaners.html import metadata

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
        expected: list[lxml_html.HtmlElement] = []
        for value in root.xpath(metadata._MARKED_ATTRIBUTES):
            if pattern.search(value) and (not expected or expected[-1] is not value.getparent()):
                expected.append(value.getparent())
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
