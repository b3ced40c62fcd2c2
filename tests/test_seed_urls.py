"""Article URL patterns against real URL shapes: every seed in ``seeds/`` carries article URLs
(``[articles].examples``) and other pages of its site (``counterexamples``) in the forms the
site really uses (percent-encoded quotes, non-ASCII slugs, AMP and share variants), and the
seed loader checks them; these tests read each seed file and check them again, plus the
loader's error messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newscrawl.seeds import DEFAULT_SEEDS_DIR, SeedError, load_seed
from newscrawl.urls import canonical_url, matches_article, path_forms

SEED_FILES = sorted(DEFAULT_SEEDS_DIR.glob("*.toml"))


def test_there_are_seed_files() -> None:
    assert len(SEED_FILES) >= 5


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_patterns_accept_its_article_urls_and_refuse_the_rest(path: Path) -> None:
    seed = load_seed(path)
    # Every seed states real URL shapes of its site, both kinds, including an encoded slug.
    assert len(seed.examples) >= 5, f"{path.name}: give at least 5 article URL examples"
    assert len(seed.counterexamples) >= 5, f"{path.name}: give at least 5 counterexamples"
    assert any("%" in url for url in seed.examples), f"{path.name}: no percent-encoded slug"
    for url in seed.examples:
        # as written, and as the crawler requests it (canonical, percent-encoded)
        assert matches_article(url, seed.allow, seed.deny), url
        assert matches_article(canonical_url(url), seed.allow, seed.deny), url
    for url in seed.counterexamples:
        assert not matches_article(url, seed.allow, seed.deny), url
        assert not matches_article(canonical_url(url), seed.allow, seed.deny), url


def test_asharq_al_awsat_slug_with_an_encoded_apostrophe() -> None:
    """The bug: ``%E2%80%99`` (’) in a real Asharq Al-Awsat slug failed the allow pattern."""
    seed = load_seed(DEFAULT_SEEDS_DIR / "aawsat.toml")
    encoded = "https://english.aawsat.com/arab-world/5063456-lebanon%E2%80%99s-parliament-fails"
    written = "https://english.aawsat.com/arab-world/5063456-lebanon’s-parliament-fails"
    assert canonical_url(written) == encoded
    assert matches_article(encoded, seed.allow, seed.deny)
    assert matches_article(written, seed.allow, seed.deny)
    # the seed's old pattern, kept here to show what failed
    old = (re.compile(r"^/[a-z-]+(?:/[a-z-]+)?/\d{5,}-[a-z0-9-]+$"),)
    assert not matches_article(encoded, old, ())


def test_patterns_match_the_decoded_form_too() -> None:
    """A pattern written with the characters themselves matches the percent-encoded URL."""
    allow = (re.compile(r"^/ar/[\w’-]+/?$"),)
    deny = (re.compile(r"/تصنيف/"),)
    assert matches_article(canonical_url("https://example.com/ar/سوريا-اليوم/"), allow, ())
    assert matches_article("https://example.com/ar/lebanon%E2%80%99s-vote", allow, deny)
    assert not matches_article(
        "https://example.com/ar/%D8%AA%D8%B5%D9%86%D9%8A%D9%81/x/", allow, deny
    )
    assert not matches_article(
        canonical_url("https://example.com/ar/تصنيف/سوريا/"), (re.compile("^/ar/"),), deny
    )


def test_path_forms_keep_separators_encoded() -> None:
    # An encoded slash or question mark is part of a segment: decoding must not split it.
    assert path_forms("https://example.com/a%2Fb/c%3Fd?q=%23") == ("/a%2Fb/c%3Fd?q=%23",)
    assert path_forms("https://example.com/x/caf%C3%A9%2F") == ("/x/caf%C3%A9%2F", "/x/café%2F")
    # invalid UTF-8 decodes to U+FFFD instead of failing
    assert path_forms("https://example.com/%FF") == ("/%FF", "/\ufffd")


SEED = """
name = "Example"
domains = ["example.com"]
[start]
feeds = ["https://www.example.com/feed"]
[articles]
allow = ['^/news/\\d+-[a-z0-9-]+$']
deny = ['^/news/\\d+-live-']
"""


def _seed(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "example.toml"
    path.write_text(SEED + extra, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            'examples = ["https://www.example.com/news/12-lebanon%E2%80%99s-vote"]',
            r"example\.toml: \[articles\]\.examples\[0\]: 'https://www\.example\.com/news/"
            r"12-lebanon%E2%80%99s-vote' matches no \[articles\]\.allow pattern",
        ),
        (
            'examples = ["https://www.example.com/news/12-a", "https://www.example.com/news/13-live-b"]',
            r"\[articles\]\.examples\[1\]: .* matches an \[articles\]\.deny pattern",
        ),
        (
            'counterexamples = ["https://www.example.com/news/14-c"]',
            r"\[articles\]\.counterexamples\[0\]: 'https://www\.example\.com/news/14-c' is "
            r"accepted by the \[articles\] patterns but is listed as not an article",
        ),
        (
            'examples = ["https://other.org/news/12-a"]',
            r"\[articles\]\.examples\[0\]: 'https://other\.org/news/12-a' is not on the site's",
        ),
        (
            # Written in Unicode, requested percent-encoded: the canonical form is named.
            'examples = ["https://www.example.com/news/15-café"]',
            r"\[articles\]\.examples\[0\]: 'https://www\.example\.com/news/15-café' "
            r"(?:\(requested as '.*15-caf%C3%A9'\) )?matches no \[articles\]\.allow pattern",
        ),
    ],
)
def test_seed_examples_are_checked_on_load(tmp_path: Path, extra: str, message: str) -> None:
    with pytest.raises(SeedError, match=message):
        load_seed(_seed(tmp_path, extra))


def test_seed_examples_load(tmp_path: Path) -> None:
    seed = load_seed(
        _seed(
            tmp_path,
            'examples = ["https://www.example.com/news/12-a?utm_source=rss"]\n'
            'counterexamples = ["https://www.example.com/news/"]\n',
        )
    )
    assert seed.examples == ("https://www.example.com/news/12-a?utm_source=rss",)
    assert seed.counterexamples == ("https://www.example.com/news/",)
