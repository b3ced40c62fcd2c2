"""Readers' comment threads in the markup: the blocks of a thread below the story.

Old pages print readers' comments in the article's box or in a box of their own, with no
class word naming them (`markup_comments` catches those that have one). Each comment reads
like the story (sentences, stop words, paragraphs), so neither trafilatura nor the text rules
tell it apart. What a thread has and a story has not is its recurring structure: every comment
carries a stamp, an inline element of its own (a `<b>`, `<strong>`, `<cite>`...) at the same
place of the same markup, naming the commenter and often the minute of posting. The story's
own byline is printed once, above its first paragraph.

A stamp is either
- a credit line (a byline or a date line, as the text rules read them) stamped with the minute
  of posting ("Posted by Paul on January 10, 2008 4:37 PM", "Posted by: Shaun 5:22pm"): the
  text path's separator (`cleaners.region.comment_thread_start`); or
- a bare name on a line of its own (a short bold or cited element followed by a line break),
  counted only under a comment heading ("Comments are now closed for this story", "Have your
  say"): alone, a run of bold names over paragraphs is as often a list of products or people.

A thread is `_MIN_STAMPS` or more stamps with the same markup (tag and class of the stamp and
of its two ancestors), each in a block of its own with a comment's text at the stamp or
between two stamps, below `_MIN_STORY_WORDS` words of the story. Its blocks run from the first
comment (or the comment heading just above it) to the last block inside the stamps' common
container.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from lxml.html import HtmlElement

from cleaners.dates import parse_date
from cleaners.region import posted_at_minute
from cleaners.textfeatures import ends_sentence, fold, is_prose, word_count

THREAD_RULE = "markup_comment_thread"  # the rule name of the thread's removals
_MIN_STAMPS = 3  # comments: one stamp each
_MIN_STORY_WORDS = 50  # prose words of the story above the thread
_MAX_STAMP_WORDS = 16  # a stamp is a line: "Posted by Name, Town on January 10, 2008 4:39 PM"
_MAX_NAME_WORDS = 5  # a bare commenter name ("Frank @ Toronto", "J-F (Ottawa)")
_COMMENT_WORDS = 4  # a comment's text: this many words beside its stamp
_HEADING_WORDS = 8  # a comment heading is short
_HEADING_REACH = 4  # elements before the first stamp, or blocks above it, searched for a heading
_STAMP_TAGS = frozenset(("b", "strong", "cite", "em", "i", "span", "small", "font"))
# a box of a few inline elements may be a stamp too ("<div>Posted by <a>Name</a> at 4:03 PM</div>");
# a box with more children holds more than a line (and reading its text is dear)
_BOX_TAGS = frozenset(("p", "div", "dt", "td"))
_BOX_CHILDREN = 3
_NAME_TAGS = frozenset(("b", "strong", "cite"))


@dataclass(frozen=True, slots=True)
class ThreadBlock:
    """A page block as the thread search sees it: its element and text, in document order."""

    element: HtmlElement  # the block element (for anonymous blocks: their parent)
    text: str


@dataclass(frozen=True, slots=True)
class _Stamp:
    element: HtmlElement
    block: int  # the index in the blocks given to `comment_thread` of the block holding it
    named: bool  # a bare name (needs a comment heading), not a minute-stamped credit


def _tag(element: HtmlElement) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _signature(element: HtmlElement) -> tuple[tuple[str, str], ...]:
    """The stamp's place in the markup: its tag and class and those of two ancestors."""
    chain: list[tuple[str, str]] = []
    node: HtmlElement | None = element
    for _ in range(3):
        if node is None:
            break
        chain.append((_tag(node), node.get("class") or ""))
        node = node.getparent()
    return tuple(chain)


def _own_line(element: HtmlElement) -> bool:
    """Whether the element ends its line: a line break (or nothing but space) right after it."""
    if (element.tail or "").strip():
        return False
    following = element.getnext()
    return following is None or _tag(following) in ("br", "hr", "p", "div")


def _credit(text: str) -> bool:
    from cleaners.rules.region import is_credit  # the rules import the HTML page: no cycle

    return is_credit(text)


def _timestamp(text: str) -> bool:
    """A full date with its time of day: the moment of posting. Read in the whole line, else
    from its first figure on (after the commenter's name, which can stop the date parser:
    "Posté par Marie le 8 janvier 2008 à 17:22"; the byline reading fails on the time between
    the name and the date in "Shaun 5:22pm January 08, 2008")."""
    if "T" in (parse_date(text) or ""):
        return True
    first = next((i for i, c in enumerate(text) if c.isdigit()), None)
    return bool(first) and "T" in (parse_date(text[first:]) or "")


def _key(text: str) -> str:
    """A stamp's words without its numbers: the commenter (and what every stamp prints)."""
    return fold("".join(c for c in text if not c.isdigit()))


def _stamp_kind(element: HtmlElement) -> bool | None:
    """Whether `element` is a stamp: False for a minute-stamped credit, True for a bare name
    on its own line, None for no stamp."""
    tag = _tag(element)
    if tag not in _STAMP_TAGS and (tag not in _BOX_TAGS or len(element) > _BOX_CHILDREN):
        return None
    text = _text(element)
    words = word_count(text)
    if not words or words > _MAX_STAMP_WORDS:
        return None
    if posted_at_minute(text) and (_credit(text) or _timestamp(text)):
        return False
    if (
        tag in _NAME_TAGS
        and words <= _MAX_NAME_WORDS
        and not ends_sentence(text)
        and not text.endswith(":")
        and _own_line(element)
        and not _is_heading(text)
    ):
        return True
    return None


def _is_heading(text: str) -> bool:
    from cleaners.rules.line_patterns import classify_line

    return 0 < word_count(text) <= _HEADING_WORDS and classify_line(text) == "comment_prompt"


def _heading_before(stamp: HtmlElement) -> bool:
    """A comment heading among the few elements printed just before the stamp."""
    for sibling in stamp.itersiblings(preceding=True):
        if _tag(sibling) == "br":
            continue
        return _is_heading(_text(sibling))
    return False


def _stamps(blocks: Sequence[ThreadBlock], first: int) -> list[_Stamp]:
    found: list[_Stamp] = []
    seen: set[HtmlElement] = set()
    taken: Counter[tuple[int, str]] = Counter()  # stamp texts given to each block so far
    for index in range(first, len(blocks)):
        element = blocks[index].element
        if element in seen:
            continue  # anonymous blocks share their parent: walked once
        seen.add(element)
        after = index  # stamps come in document order: each in the last one's block or later
        for node in element.iter():
            kind = _stamp_kind(node)
            if kind is None:
                continue
            holder = _holder(blocks, after, node, taken)
            if holder is not None:
                found.append(_Stamp(node, holder, kind))
                after = holder
    return found


def _holder(
    blocks: Sequence[ThreadBlock],
    start: int,
    node: HtmlElement,
    taken: Counter[tuple[int, str]],
) -> int | None:
    """The block (from `start` on) that prints `node`: the first whose element holds it and
    whose text holds its text once more than the stamps already given to it (a commenter who
    writes twice)."""
    text = _text(node)
    ancestors = set(node.iterancestors())
    ancestors.add(node)
    for index in range(start, len(blocks)):
        block = blocks[index]
        if block.element in ancestors and block.text.count(text) > taken[index, text]:
            taken[index, text] += 1
            return index
    return None


def _story_end(blocks: Sequence[ThreadBlock]) -> int | None:
    """The index of the first block after `_MIN_STORY_WORDS` prose words of the story."""
    words = 0
    for index, block in enumerate(blocks):
        if is_prose(block.text):
            words += word_count(block.text)
            if words >= _MIN_STORY_WORDS:
                return index + 1
    return None


def _has_comment(blocks: Sequence[ThreadBlock], stamps: Sequence[_Stamp]) -> bool:
    """Every stamp but the last has a comment's text at its block or between it and the next."""
    for stamp, following in pairwise(stamps):
        if following.block == stamp.block:
            return False  # two stamps in one block: one comment's header lines
        own = word_count(blocks[stamp.block].text) - word_count(_text(stamp.element))
        between = any(
            word_count(blocks[i].text) >= _COMMENT_WORDS
            for i in range(stamp.block + 1, following.block)
        )
        if own < _COMMENT_WORDS and not between:
            return False
    return True


def _common(elements: Sequence[HtmlElement]) -> HtmlElement | None:
    """The innermost element holding all of `elements`."""
    shared = [elements[0], *elements[0].iterancestors()]
    for element in elements[1:]:
        mine = {element, *element.iterancestors()}
        shared = [a for a in shared if a in mine]
    return shared[0] if shared else None


def _box(stamp: _Stamp, others: set[HtmlElement]) -> HtmlElement:
    """The comment's box: the outermost element around the stamp holding no other stamp."""
    box = stamp.element
    while (parent := box.getparent()) is not None and not any(o in others for o in parent.iter()):
        box = parent
    return box


def _first_block(blocks: Sequence[ThreadBlock], index: int, box: HtmlElement) -> int:
    """The first block printed in `box`, going up from the block at `index` (the comment's
    box may print its text above its stamp)."""
    while index > 0:
        element = blocks[index - 1].element
        if element is not box and box not in element.iterancestors():
            break
        index -= 1
    return index


def _last_block(blocks: Sequence[ThreadBlock], index: int, box: HtmlElement) -> int:
    """The last block printed in `box`, going down from the block at `index`."""
    members = set(box.iter())
    while index + 1 < len(blocks) and blocks[index + 1].element in members:
        index += 1
    return index


def comment_thread(blocks: Sequence[ThreadBlock]) -> range | None:
    """The indices of the blocks of a readers' comment thread below the story, None if none."""
    story_end = _story_end(blocks)
    if story_end is None:
        return None
    groups: dict[tuple[tuple[str, str], ...], list[_Stamp]] = {}
    for stamp in _stamps(blocks, story_end):
        groups.setdefault(_signature(stamp.element), []).append(stamp)
    best: range | None = None
    for stamps in groups.values():
        found = _thread(blocks, stamps, story_end)
        if found is not None and (best is None or found.start < best.start):
            best = found
    return best


def _thread(blocks: Sequence[ThreadBlock], stamps: list[_Stamp], story_end: int) -> range | None:
    if len(stamps) < _MIN_STAMPS or not _has_comment(blocks, stamps):
        return None
    if len({_key(_text(s.element)) for s in stamps}) < 2:
        return None  # one name or label at every stamp: a live blog's entries, a schedule
    if any(s.named for s in stamps) and not _heading_before(stamps[0].element):
        return None
    elements = {s.element for s in stamps}
    first, last = stamps[0], stamps[-1]
    start = max(
        _first_block(blocks, first.block, _box(first, elements - {first.element})), story_end
    )
    # the comment heading and the short lines above the first comment ("Latest comments:")
    for index in range(start - 1, max(story_end, start - _HEADING_REACH) - 1, -1):
        text = blocks[index].text
        if _is_heading(text):
            start = index
            break
        if word_count(text) > _HEADING_WORDS or ends_sentence(text):
            break
    # The thread's own container (no block of the story in it) goes to its end: a comment
    # whose stamp was not read (posted on the hour) stays none the less. Else the thread
    # ends with the last comment read.
    common = _common(list(elements))
    members = set(common.iter()) if common is not None else set()
    if not any(blocks[i].element in members for i in range(start)):
        end = _last_block(blocks, last.block, common) if common is not None else last.block
    else:
        end = _last_block(blocks, last.block, _box(last, elements - {last.element}))
    return range(start, end + 1)
