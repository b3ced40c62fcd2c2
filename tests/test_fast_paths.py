"""Shortcuts taken for speed give what the long way gives.

Each cheap screen or shortcut in the HTML path is checked here against the code it skips, on
the fixture pages and on made-up inputs aimed at its edges (case folds, other scripts,
separators).
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from cleaners.html.extract import _parse
from tests.fixture_pairs import FIXTURES

_HTML_FIXTURES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".html", ".htm"))


def test_ascii_fold_is_the_regex_fold() -> None:
    from cleaners.textfeatures import WORD, fold

    texts = [chr(c) for c in range(128)]
    texts += [f"a{chr(c)}B{chr(c)}9_" for c in range(128)]
    texts += ["", "  ", "Hello, World!", "e-mail_address 2024-01-02", "\x1cA\x1fb\x7f", "ÉTÉ"]
    for path in FIXTURES.rglob("*"):
        if path.suffix in (".txt", ".html", ".htm"):
            texts += path.read_text("utf-8", "replace").splitlines()
    assert sum(t.isascii() for t in texts) > 1000
    for text in texts:
        assert fold.__wrapped__(text) == " ".join(WORD.findall(text.casefold())), text


def test_mojibake_in_one_block_of_a_page_is_repaired() -> None:
    """Blocks are repaired only on pages whose text shows a trace of mojibake: such a trace in
    any one block still gets that block repaired, and the others stay as they are."""
    from cleaners import clean_html

    body = (
        "<p>The ministry said the new terminal would open in March after three years of "
        "work on the runway and the control tower.</p>"
        "<p>Officials said the cafÃ© and the duty-free shops would open later in the "
        "year, once the contracts were signed.</p>"
        "<p>Passengers will reach the terminal by a new rail link from the city centre, "
        "which the ministry said would run every ten minutes.</p>"
    )
    head = "<head><title>A new terminal</title></head>"
    article = clean_html(
        f"<html>{head}<body><article><h1>A new terminal</h1>{body}</article></body></html>"
    )
    assert "café and the duty-free" in article.text
    assert "Ã" not in article.text


@pytest.mark.parametrize("index", range(len(_HTML_FIXTURES)))
def test_prose_counted_once_is_prose_counted_each_time(index: int) -> None:
    """`_Prose` counts each block's prose words once per page; any set of blocks then sums to
    what counting its blocks' prose the plain way gives."""
    from cleaners.html.dom import iter_blocks
    from cleaners.html.extract import _Prose
    from cleaners.textfeatures import is_prose, word_count

    root = _parse(_HTML_FIXTURES[index].read_text(encoding="utf-8", errors="replace"))
    blocks = iter_blocks(root)
    prose = _Prose(blocks)
    for positions in (range(len(blocks)), range(0, len(blocks), 2), [], range(len(blocks) // 2)):
        plain = sum(word_count(b.text) for b in (blocks[i] for i in positions) if is_prose(b.text))
        assert prose.words(positions) == plain


def test_attribute_screens_agree_with_the_prune_patterns() -> None:
    """`_may_hold` says "cannot match" only for values the hidden-style and on-demand
    patterns do not match: every case variant, the characters re.IGNORECASE folds to ASCII
    letters, separators, and the fixtures' class and style values."""
    from cleaners.html import prune

    words = prune._STYLE_WORDS + prune._ON_DEMAND_WORDS
    values = [
        "",
        "display:none",
        "DISPLAY : NONE",
        "visibility:hidden",
        "visibility: h\u0131dden",
        "visibility: H\u0130DDEN",
        "display: nonE; color: red",
        "color: red",
        "tooltip",
        "user-TOOLTIP",
        "nav_popover",
        "x-rollover-box",
        "hovercard",
        "t\u0131ooltip",
        "tool tip",
        "popovers",
        "card hover",
    ]
    for word in words:
        values += [word, word.upper(), word.title(), word.replace("i", "\u0131"), f"a {word}-b"]
        values += [word.replace("i", "\u0130"), word[:-1], f"x_{word.swapcase()}"]
    for path in _HTML_FIXTURES:
        root = _parse(path.read_text(encoding="utf-8", errors="replace"))
        values += [e.get("class") or "" for e in root.iter() if isinstance(e.tag, str)]
        values += [e.get("style") or "" for e in root.iter() if isinstance(e.tag, str)]
    screened = 0
    for value in values:
        for words_of, pattern in (
            (prune._STYLE_WORDS, prune._STYLE_HIDDEN),
            (prune._ON_DEMAND_WORDS, prune._ON_DEMAND),
        ):
            if not prune._may_hold(value, words_of):
                screened += 1
                assert pattern.search(value) is None, value
    assert screened > 100
    assert any(prune._ON_DEMAND.search(v) for v in values)
    assert any(prune._STYLE_HIDDEN.search(v) for v in values)


def test_any_signal_screen_agrees_with_the_signals_one_by_one() -> None:
    """`_AnySignal.may_match` says "no signal" only for elements no signal matches: the
    fixtures' elements, and made-up class and id values in every case, camelCase, with
    separators and with characters that lowercase to ASCII letters."""
    from lxml import html as lxml_html

    from cleaners.html import signals

    screen = signals._any_signal()
    pieces = {p for s in signals.markup_signals() for p in (*s.class_stems, *s.class_words)}
    values = ["", "x", "main-content", "articleBody", "shareBar", "Share_Tools", "ad", "AD"]
    values += ["head-ad", "adx", "\u212aomments", "Comm\u0130nts", "caption\u03a3", "σ share"]
    for piece in sorted(pieces):
        camel = "".join(w.title() for w in piece.split("-"))
        values += [piece, piece.upper(), f"x-{piece}-y", f"x_{piece}", camel, f"my{camel}"]
        values += [piece[:-1], piece.replace("a", "\u0430"), piece.replace("k", "\u212a")]
    elements = []
    for tag in ("div", "nav", "figcaption", "button", "section", "span"):
        for value in values:
            elements.append(lxml_html.fromstring(f'<{tag} class="{value}"></{tag}>'))
            elements.append(lxml_html.fromstring(f'<{tag} id="{value}" class="a b"></{tag}>'))
    for path in _HTML_FIXTURES:
        root = _parse(path.read_text(encoding="utf-8", errors="replace"))
        elements += [e for e in root.iter() if isinstance(e.tag, str)]
    told = 0
    for element in elements:
        tag = element.tag.lower()
        raw = signals._raw_marks(element)
        if not screen.may_match(tag, raw):
            told += 1
            marks, words = signals._marks(element)
            assert not any(s.matches(tag, marks, words) for s in signals.markup_signals()), raw
    assert told > 1000


@pytest.mark.parametrize("index", range(len(_HTML_FIXTURES)))
def test_region_scope_by_members_is_scope_by_ancestors(index: int) -> None:
    """`_Region.scope` (a look-up in the sets of elements under the region and the later
    articles) names the scope the climb through a block's ancestors (`_contains`) names, for
    regions big and small, with and without later articles."""
    from cleaners.html.dom import iter_blocks
    from cleaners.html.extract import _contains, _Region

    root = _parse(_HTML_FIXTURES[index].read_text(encoding="utf-8", errors="replace"))
    blocks = iter_blocks(root)
    elements = [e for e in root.iter() if isinstance(e.tag, str)]
    outers = [root, *elements[:: max(1, len(elements) // 12)]]
    for number, outer in enumerate(outers):
        later = [e for e in outers[number + 1 :: 3] if e is not outer]
        region = _Region(outer, later, None)
        for block in blocks:
            plain = outer if _contains(outer, block.element) else None
            if plain is None:
                plain = next((s for s in later if _contains(s, block.element)), None)
            assert region.scope(block.element) is plain


def _random_page(rng: random.Random, depth: int = 0) -> str:
    """A page of random markup: blocks and inline elements nested at random, rows and
    layout rows, line breaks, skipped elements, comments, hidden and on-demand boxes, texts
    in several scripts with odd whitespace."""
    texts = ["", " ", "word", "Zwei Wörter", "日本語の文。", "مرحبا بالعالم", "สวัสดี"]
    texts += ["a\u00a0b", "\n\t x "]
    tags = ["p", "div", "span", "a", "b", "li", "ul", "td", "tr", "table", "h2", "br", "section"]
    tags += ["script", "style", "img", "svg", "figcaption", "em", "DIV", "Span", "article"]
    attributes = ["", ' class="x"', " hidden", ' style="display:none"', ' class="tooltip"']
    attributes += [' style="color: red"', ' class="hovercard inner"', ' id="S:1" hidden']
    parts = [rng.choice(texts)]
    for _ in range(rng.randint(0, 4 if depth < 6 else 1)):
        tag = rng.choice(tags)
        attribute = rng.choice(attributes) if rng.random() < 0.3 else ""
        inner = _random_page(rng, depth + 1) if depth < 8 and rng.random() < 0.7 else ""
        if rng.random() < 0.1:
            parts.append("<!-- a comment -->")
        parts.append(f"<{tag}{attribute}>{inner}{rng.choice(texts)}</{tag}>{rng.choice(texts)}")
    return "".join(parts)


def _walk_answer(blocks: list) -> list[tuple[str, str, str]]:
    return [(b.element.getroottree().getpath(b.element), b.text, b.tag) for b in blocks]


def _pages_for_the_walk() -> list[str]:
    rng = random.Random(12)
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in _HTML_FIXTURES]
    pages += [f"<html><body>{_random_page(rng)}</body></html>" for _ in range(400)]
    deep = "<div><span>x</span>" * 240 + "<p>deep <b>text</b></p>" + "</div>" * 240
    pages += [f"<html><body>{deep}</body></html>", "<html><body>only text</body></html>"]
    pages.append("<html><body><br>a<br/>b<tr><td>loose</td></tr></body></html>")
    return pages


@pytest.mark.parametrize("keep_comments", [False, True])
def test_one_pass_walk_is_the_two_pass_walk(keep_comments: bool) -> None:
    """`iter_blocks` (one pass over each element's children, the prune test screened by
    `Pruner.suspect`) gives the blocks, and prunes the tree, as the plain two-pass walk
    asking `drops` of every element does: fixture pages, random markup in several scripts
    with hidden and on-demand boxes and comments, a deep tree."""
    from lxml import etree
    from lxml import html as lxml_html

    from cleaners.html.dom import iter_blocks
    from tests.plain_paths import plain_iter_blocks

    parser = lxml_html.HTMLParser(remove_comments=not keep_comments)
    pages = _pages_for_the_walk()
    dropped = 0
    for text in pages:
        for prune_tree in (True, False):
            fast_root = lxml_html.document_fromstring(text, parser=parser)
            plain_root = lxml_html.document_fromstring(text, parser=parser)
            fast = _walk_answer(iter_blocks(fast_root, prune=prune_tree))
            plain = _walk_answer(plain_iter_blocks(plain_root, prune_tree=prune_tree))
            assert fast == plain, text
            assert etree.tostring(fast_root) == etree.tostring(plain_root), text
            if prune_tree:
                dropped += len(etree.tostring(lxml_html.document_fromstring(text, parser=parser)))
                dropped -= len(etree.tostring(fast_root))
    assert dropped > 0  # some pages had boxes taken out


def test_suspect_screen_never_hides_a_drop() -> None:
    """`Pruner.suspect` says no only of elements `drops` does not take: every element of the
    fixtures and of random markup, and made-up class values in every case and script."""
    from lxml import html as lxml_html

    from cleaners.html.prune import Pruner

    values = ["tooltip", "x-TOOLTIP", "t\u0131ooltip", "tool\u0130p", "popover_a", "a-rollover"]
    values += ["hovercard", "HoverCard", "hover card", "tooltips", "ρopover", "card"]
    pages = _pages_for_the_walk()
    pages += [f'<html><body><div class="{v}"><p>text {v}</p></div></body></html>' for v in values]
    told = 0
    for text in pages:
        root = lxml_html.document_fromstring(text)
        pruner = Pruner(root)
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            if not pruner.suspect(element):
                told += 1
                assert not pruner.drops(element), lxml_html.tostring(element)
    assert told > 1000


def test_donation_boxes_grown_around_calls_are_the_boxes_tried_from_every_line() -> None:
    """`DonationAppealRule.apply` grows boxes around the calls to action; `plain_apply` tries
    a box from every kept line. On random pages of appeal lines, calls, plain short lines,
    long paragraphs and lines other rules removed (lead-ins then count), in several scripts,
    both remove the same blocks."""

    from cleaners.rules.donation import DonationAppealRule

    calls = ["Donate now", "Support us", "Поддержать", "支持我们", "Wesprzyj nas", "Faire un don"]
    appeals = [
        "Independent journalism needs your support.",
        "Give €5 a month and help us report from the ground",
        "Every contribution keeps our correspondents in the field.",
        "Мы делаем независимую журналистику",
        "Ваша поддержка важна",
        "독립 언론을 지켜 주세요",
    ]
    plain = [
        "Propaganda distorts the truth.",
        "The council met on Tuesday.",
        "Photo: Reuters",
        "Главная новость дня",
        "今日のニュース",
    ]
    long = " ".join(["The minister said the plan would be ready by the end of the year."] * 3)
    pool = calls + appeals + plain + [long]
    boxes = _pages_where_fast_equals_plain(
        DonationAppealRule(), pool, seed=12, pages=400, most_blocks=14, gone_share=0.15
    )
    assert boxes > 50


def _pages_where_fast_equals_plain(
    rule: Any, pool: list[str], seed: int, pages: int, most_blocks: int, gone_share: float
) -> int:
    """Random pages of `pool` lines (some already removed by another rule): the rule's
    `apply` removes what its `plain_apply` removes on each. Returns how many pages it
    removed something on (a test asserts the pages exercised the rule)."""
    from cleaners.blocks import Block, Page
    from cleaners.record import Removal

    rng = random.Random(seed)
    acted = 0
    for _ in range(pages):
        texts = [rng.choice(pool) for _ in range(rng.randint(0, most_blocks))]
        gone = {i for i in range(len(texts)) if rng.random() < gone_share}
        fast, slow = (Page([Block(i, t) for i, t in enumerate(texts)], "test") for _ in "ab")
        for i in gone:
            fast.blocks[i].removal = slow.blocks[i].removal = Removal("other", "other", texts[i])
        rule.apply(fast)
        rule.plain_apply(slow)
        assert [b.removal for b in fast.blocks] == [b.removal for b in slow.blocks], texts
        acted += any(b.removal and b.removal.rule == rule.name for b in fast.blocks)
    return acted


def _byline_texts() -> list[str]:
    """Lines of the fixtures and made-up bylines, credits and dates in several scripts."""
    from tests.fixture_pairs import FIXTURES

    texts = [
        "By Jane Doe, Staff Writer • 4 min read",
        "ByNina Smith Published: 3 June 2024",
        "By Name SurnameUpdated: 12 May 2023",
        "Name SurnamePublished 12 June 2024",
        "Meg Kinnard and Errin Haines, Associated Press",
        "Posted 2 hours ago",
        "5 minutes ago",
        "来源：新华社",
        "Il y a 3 heures",
        "Lesezeit: 4 Min.",
        "hace 2 horas",
        "JOSÉ ÁLVAREZ ² ③ ٣",
        "Ahmed al-Ragheb ١٢",
        "SVENSKA DAGBLADET",
        "Jean-Luc Picard et Beverly Crusher",
        "Straße ß Σίσυφος ΣΊΣΥΦΟΣ İstanbul ıi ſ",
        "",
    ]
    for path in sorted(FIXTURES.rglob("*.txt")):
        texts += path.read_text("utf-8").splitlines()
    return texts + [t.upper() for t in texts] + [t.swapcase() for t in texts]


def test_byline_screens_agree_with_the_plain_tests() -> None:
    """The byline rule's screens say "cannot" only where the plain test says no: digits,
    the trailing clause, the glued lead and date prefix, and the bare known-author line."""
    from cleaners.rules import bylines

    vocabulary = bylines._vocabulary()
    texts = _byline_texts()
    assert len(texts) > 3000
    cut = 0
    for text in texts:
        assert bylines._has_digit(text) == any(ch.isdigit() for ch in text), text
        plain = vocabulary.trailing_clause.search(text)
        expected = text if plain is None or plain.start() == 0 else text[: plain.start()]
        assert bylines.without_trailing_clause(text) == expected, text
        cut += expected != text
        if not vocabulary.lead_glued.match(text):
            assert vocabulary.lead_glued.sub(r"\g<lead> ", text, count=1) == text
        if not any(word in text for word in vocabulary.prefix_glued_words):
            assert vocabulary.prefix_glued.sub(" | ", text, count=1) == text
        names = bylines._names(text)
        if names:
            known = {n.casefold() for n in names}
            assert bylines._may_name_known(text, [k.split() for k in known]), text
            assert not bylines._may_name_known(text, [[*k.split(), "zqxj"] for k in known])
    assert cut >= 5


def test_remembered_signals_are_the_signals_tried_one_by_one() -> None:
    """`marked_ancestor` (each tag and marks' signal remembered across elements and pages)
    finds what trying the signals in file order on each ancestor finds: every element of
    the fixtures, each page asked twice, with made-up marks in several cases and scripts."""
    from lxml import html as lxml_html

    from cleaners.html import signals

    def plain(element: lxml_html.HtmlElement) -> tuple[str, lxml_html.HtmlElement] | None:
        node = element
        while node is not None:
            tag = node.tag.lower() if isinstance(node.tag, str) else ""
            marks, words = signals._marks(node)
            if marks or tag in ("figcaption", "nav", "button"):
                for signal in signals.markup_signals():
                    if signal.matches(tag, marks, words):
                        return signal.name, node
            node = node.getparent()
        return None

    pages = [path.read_text(encoding="utf-8", errors="replace") for path in _HTML_FIXTURES]
    values = ["share-bar", "ShareBar", "Comm\u0130nts", "\u212aomments", "σ share", "x"]
    pages.append(
        "<html><body>"
        + "".join(
            f'<div class="{v}"><p id="{v}">t</p><figcaption>c</figcaption></div>' for v in values
        )
        + "</body></html>"
    )
    found = 0
    for text in pages:
        root = _parse(text)
        for _ in range(2):
            cache: dict = {}
            for element in root.iter():
                if not isinstance(element.tag, str):
                    continue
                got = signals.marked_ancestor(element, None, cache)  # type: ignore[arg-type]
                answer = (got[0].name, got[1]) if got is not None else None
                assert answer == plain(element), lxml_html.tostring(element)[:200]
                found += answer is not None
    assert found > 100


def test_latin_letter_ranges_hold_latin_letters_only() -> None:
    """Every letter (as `script_counts` counts letters) that the foreign-script rule's screen
    lets pass as Latin is counted LATIN by `script_counts`; every other letter is not."""
    from cleaners.rules.script import _NON_LATIN_LETTER
    from cleaners.textfeatures import script_counts

    checked = 0
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        counts = script_counts(ch)
        if not counts:
            continue  # not a letter
        checked += 1
        if _NON_LATIN_LETTER.search(ch) is None:
            assert counts == {"LATIN": 1}, (hex(code), counts)
    assert checked > 100_000


def test_foreign_script_screen_removes_what_the_plain_rule_removes() -> None:
    """`ForeignScriptRule.apply` skips pages whose letters are all Latin; `plain_apply` counts
    every block. On random pages mixing scripts (Latin with accents, Cyrillic, Arabic, CJK,
    Greek, ordinal signs, fractions), both remove the same blocks."""
    from cleaners.rules.script import ForeignScriptRule

    pool = [
        "The council met on Tuesday to discuss the budget.",
        "Café Zürich, Łódź, Ærøskøbing and São Paulo — “quoted”",
        "Ştefan Đorđević visited Hà Nội in the 1ª round",
        "Read this story in Arabic: اقرأ هذه القصة بالعربية",
        "اقرأ هذه القصة بالعربية",
        "Читать на русском",
        "中文版",
        "Ελληνικά",
        "µ ½ ² º",
        "1, 2, 3 — 4",
        "",
    ]
    removed = _pages_where_fast_equals_plain(
        ForeignScriptRule(), pool, seed=7, pages=600, most_blocks=12, gone_share=0.1
    )
    assert removed > 50


def test_no_credit_name_folds_to_ascii() -> None:
    """The caption screen compares only the credit names written in ASCII with a line's ASCII
    end: no character of the other names matches an ASCII character under re.IGNORECASE."""
    from cleaners.data import load_toml

    data = load_toml("credits.toml")
    others = {ch for n in data["agencies"] + data["wire_services"] if not n.isascii() for ch in n}
    assert others
    ascii_chars = "".join(chr(c) for c in range(128))
    for ch in sorted(others - set(ascii_chars)):
        assert not re.findall(re.escape(ch), ascii_chars, re.IGNORECASE), ch


def test_caption_screen_agrees_with_the_plain_searches() -> None:
    """`is_caption` skips the credit searches on lines whose end cannot be a credit; on the
    fixtures' lines and made-up captions (credits after a sentence, a dash, a bar, in
    brackets, with a photographer after "/", "," or ";", other scripts, case folds) it says
    what the plain searches say."""
    from cleaners.data import load_toml
    from cleaners.rules.captions import is_caption
    from tests.plain_paths import plain_is_caption

    data = load_toml("credits.toml")
    names = data["agencies"] + data["wire_services"]
    texts = _byline_texts()
    rng = random.Random(5)
    stems = [
        "Protesters gather outside the parliament on Monday.",
        "Rescue workers search the rubble",
        "المتظاهرون أمام البرلمان.",
        "Участники акции у здания парламента.",
        "抗议者聚集在议会外。",
    ]
    joins = [" ", ". ", " — ", " - ", " | Photo: ", " (", " /", "। ", "。", "\n"]
    tails = [
        "",
        "/John Smith",
        ", Jane Doe",
        ";Jane Doe",
        "; File",
        " / Getty",
        ")",
        "\u212a",
        " ı",
        "\u017f",
    ]
    for _ in range(6000):
        name = rng.choice(names)
        name = rng.choice([name, name.upper(), name.title()])
        texts.append(rng.choice(stems) + rng.choice(joins) + name + rng.choice(tails))
    found = 0
    for text in texts:
        plain = plain_is_caption(text)
        assert is_caption(text) == plain, text
        found += plain
    assert found > 1000


def _code_laden_pages() -> list[str]:
    """Fixture pages, and made-up ones with code, styles and head data between the words of
    paragraphs, inside lists and tables, and JSON-LD naming a forum page."""
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in _HTML_FIXTURES]
    sentence = "Residents of the valley voted on the new ferry timetable on Sunday evening"
    code = [
        "<script>var a = '<p>not text</p>';</script>",
        "<style>p { color: red }</style>",
        '<meta itemprop="datePublished" content="2024-05-01">',
        '<link rel="preload" href="/x.css">',
        '<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>',
    ]
    rng = random.Random(7)
    for _ in range(40):
        paragraphs = []
        for _ in range(rng.randint(3, 9)):
            words = sentence.split()
            for _ in range(rng.randint(0, 3)):
                words.insert(rng.randint(0, len(words)), rng.choice(code))
            paragraphs.append(f"<p>{' '.join(words)}.</p>{rng.choice(code)}")
        items = "".join(f"<li>{rng.choice(code)}item {i} of the list</li>" for i in range(4))
        row = f"<table><tr><td>{rng.choice(code)}12:40</td><td>Harbour</td></tr></table>"
        head = "".join(rng.sample(code, 3))
        body = "".join(paragraphs) + f"<ul>{items}</ul>{row}"
        pages.append(f"<html><head>{head}</head><body><article>{body}</article></body></html>")
    return pages


@pytest.mark.parametrize("fast", [True, False])
def test_trafilatura_answers_alike_with_the_code_dropped(fast: bool) -> None:
    """`drop_code` (scripts, styles, <meta> and <link> taken out before trafilatura runs,
    JSON-LD kept) leaves trafilatura's paragraphs as they are with them, in fast mode and in
    its full cascade."""
    from copy import copy

    from cleaners.html.main_content import extracted_texts
    from cleaners.html.prune import drop_code

    pages = _code_laden_pages()
    dropped = 0
    for text in pages:
        root = _parse(text)
        slim = copy(root)
        drop_code(slim)
        assert slim.find(".//style") is None and slim.find(".//meta") is None, text
        assert all(s.get("type") == "application/ld+json" for s in slim.iter("script")), text
        dropped += sum(1 for _ in root.iter()) - sum(1 for _ in slim.iter())
        assert extracted_texts(slim, fast=fast) == extracted_texts(root, fast=fast), text
    assert dropped > 0


def test_dropped_code_keeps_the_text_around_it() -> None:
    from cleaners.html.prune import drop_code

    root = _parse(
        "<html><head><meta name='x' content='y'><style>b{}</style></head><body>"
        "<p>Before <script>x()</script>after, <style>i{}</style>still one line.</p>"
        '<script type="Application/LD+JSON">{"@type": "NewsArticle"}</script></body></html>'
    )
    drop_code(root)
    paragraph = root.find(".//p")
    assert paragraph.text_content() == "Before after, still one line."
    assert [s.get("type") for s in root.iter("script")] == ["Application/LD+JSON"]
    assert root.find(".//meta") is None and root.find(".//style") is None


def _article_beside_long_teasers(rng: random.Random, teasers: int) -> str:
    """A short article in its box, and more prose than it in a column of teaser cards."""
    text = (
        "the council said on monday that the new ferry timetable would start in spring and "
        "residents could comment on the plans until the end of the month at the town hall"
    )
    words = text.split()

    def sentence(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."

    body = "".join(f"<p>{sentence(20)} {sentence(18)}</p>" for _ in range(4))
    cards = "".join(
        f"<div class='card'><h3>{sentence(6)}</h3><p>{sentence(25)} {sentence(25)}</p></div>"
        for _ in range(teasers)
    )
    return (
        f"<html><body><main><article><h1>{sentence(7)}</h1>{body}</article></main>"
        f"<section>{cards}</section></body></html>"
    )


def test_listicle_bound_skips_only_answers_that_would_not_be_taken(monkeypatch: Any) -> None:
    """Where `_may_gain_listing` says the full cascade cannot be taken as a listicle's answer
    (so it is not asked), asking it anyway gives the same choice: fixture pages and pages
    of a short article beside long teaser cards."""
    import cleaners.html.extract as extract

    rng = random.Random(5)
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in _HTML_FIXTURES]
    pages += [_article_beside_long_teasers(rng, n) for n in range(4, 12)]
    bound = extract._may_gain_listing
    refused = 0

    def counted(*args: Any) -> bool:
        nonlocal refused
        answer = bound(*args)
        refused += not answer
        return answer

    for text in pages:
        try:
            extract._read(text, None, None)
        except extract._Rejected:  # a bot wall, an error page: no extraction asked
            continue
        answers = []
        for may_gain in (counted, lambda *args: True):
            monkeypatch.setattr(extract, "_may_gain_listing", may_gain)
            parsed = extract._read(text, None, None)
            answers.append(extract._main_content(parsed.root, parsed.dom).matched)
        assert answers[0] == answers[1], text
    assert refused >= 4
