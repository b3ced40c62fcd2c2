"""An author's biography closing a post ("Jane Doe is a freelance writer based in ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cleaners.blocks import Block, Page
from cleaners.data import load_toml
from cleaners.textfeatures import fold, word_count

# The last paragraphs of the story looked at: a bio closes the post, sometimes followed by
# a second one (a co-author) or a short credit line.
_TAIL = 3
_MIN_WORDS = 6  # a paragraph shorter than this is a credit line, not a bio
_MAX_WORDS = 200
# Words of story above a bio: a page that is only a bio (an author's page) keeps it.
_STORY_BEFORE = 80
# An author box under its heading: the heading, a name line, a bio, a contact line.
_BOX_BLOCKS = 3
_HEADING_WORDS = 6
# Words between the copula and the role noun ("is a full-time freelance travel writer",
# "is AIHR's Chief HR Scientist").
_ROLE_WITHIN = 4

# A person's name: two to four capitalised words (particles allowed inside), optionally after
# an opening bracket or an honorific; an article or a pronoun does not open a name ("The
# Times is ...", "Our team is ...").
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]+"
_PARTICLE = r"(?:van|von|de|da|del|der|den|di|du|la|le|dos|das|bin|al|el)"
_NOT_NAME = (
    r"(?!(?:The|This|That|These|Those|Our|Its|His|Her|Their|My|Your|A|An|It|We|He|She|They|"
    r"Le|La|Les|Der|Die|Das|Ein|Eine|El|Los|Las|Il|Lo|Gli|De|Het|Een|O|Os|As|Um|Uma)\s)"
)
_NAME = (
    rf"^[(*]?\s*(?:(?:Dr|Mr|Mrs|Ms|Prof|Dra|Sr|Sra)\.?\s)?{_NOT_NAME}"
    rf"(?P<name>{_CAP}(?:\s(?:{_PARTICLE}\s)?{_CAP}){{1,3}}),?\s"
)


@cache
def bio_regex() -> re.Pattern[str]:
    """A bio's opening: a name, then a copula and a role noun, or a verb of the beat
    (`cleaners/data/author_bios.toml`, every language at once)."""
    data = load_toml("author_bios.toml")
    copulas = sorted({c for lang in data.values() for c in lang["copulas"]}, key=len, reverse=True)
    roles = sorted({r for lang in data.values() for r in lang["roles"]}, key=len, reverse=True)
    beats = sorted({b for lang in data.values() for b in lang["beats"]}, key=len, reverse=True)

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in words)

    role = (
        rf"(?:{alt(copulas)})\s(?:[^\s.;:!?]+\s){{0,{_ROLE_WITHIN}}}?"
        rf"(?:{alt(roles)})(?:s|es|nen|innen)?\b"
    )
    return re.compile(rf"{_NAME}(?i:(?:\([^)]{{1,40}}\)\s)?(?:{role}|(?:{alt(beats)})\s))")


@cache
def _headings() -> frozenset[str]:
    data = load_toml("author_bios.toml")
    return frozenset(fold(h) for lang in data.values() for h in lang.get("headings", []))


def is_bio_heading(text: str) -> bool:
    """The heading over an author box ("About the author", "Über den Autor")."""
    return word_count(text) <= _HEADING_WORDS and fold(text) in _headings()


def is_bio(text: str) -> bool:
    """A paragraph opening like an author's biography (see `bio_regex`)."""
    return bio_regex().match(text) is not None


@dataclass(frozen=True, slots=True)
class AuthorBioRule:
    """Removes an author's box under its heading ("About the author") and an author's bio
    among the last paragraphs of the story."""

    name: str = "author_bio"
    reason: str = "author_bio"

    def apply(self, page: Page) -> None:
        body = _story_blocks(page)
        self._remove_box(body)
        body = [b for b in body if b.kept]
        tail = [b for b in body if b.n_words >= _MIN_WORDS][-_TAIL:]
        if not tail:
            return
        before = {id(b): 0 for b in tail}
        words = 0
        for block in body:
            if id(block) in before:
                before[id(block)] = words
            words += block.n_words
        names: set[str] = set()  # the words of the names of the bios removed so far
        bylined = {word for author in page.authors for word in author.split()}
        for block in tail:
            if block.n_words > _MAX_WORDS or before[id(block)] < _STORY_BEFORE:
                continue
            match = bio_regex().match(block.text)
            if (
                match is not None
                and match.group("name").split()[-1] not in bylined
                and _named_before(match.group("name"), body, block)
            ):
                # a person the story has already named in its sentences ("Abbas said ...",
                # then "Mahmoud Abbas is the president of ...") is the story's subject or
                # source, not its author; a name the byline gave is the author's
                continue
            if match is not None:
                names.update(match.group("name").split())
                block.remove(self.reason, self.name)
            elif names and block.text.split(maxsplit=1)[0] in names:
                # the bio goes on in a paragraph of its own ("Karina holds an MBA from ...")
                block.remove(self.reason, self.name)

    def _remove_box(self, body: list[Block]) -> None:
        """An author box under its heading, below the story's first `_STORY_BEFORE` words:
        the heading and the `_BOX_BLOCKS` blocks under it (a name, a bio, a contact line)."""
        words = 0
        for k, block in enumerate(body):
            if words >= _STORY_BEFORE and is_bio_heading(block.text):
                block.remove(self.reason, self.name)
                for following in body[k + 1 : k + 1 + _BOX_BLOCKS]:
                    if following.n_words > _MAX_WORDS or is_bio_heading(following.text):
                        break
                    following.remove(self.reason, self.name)
                return
            words += block.n_words


def _named_before(name: str, body: list[Block], block: Block) -> bool:
    """Whether a sentence of the story above `block` holds the name's last word (a surname);
    a short line (an author box's name line, "Jane Doe / Contributing Writer") is none."""
    surname = re.compile(rf"\b{re.escape(name.split()[-1])}\b")
    for earlier in body:
        if earlier is block:
            return False
        if earlier.n_words > _NAME_LINE_WORDS and surname.search(earlier.text):
            return True
    return False


_NAME_LINE_WORDS = 6


def _story_blocks(page: Page) -> list[Block]:
    """The kept blocks of the article: inside the dump's region, not the page's template."""
    return [
        b
        for b in page.blocks
        if b.kept and page.in_region(b) and b.index not in page.outside and not page.is_field(b)
    ]
