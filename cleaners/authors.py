"""Author names: from a byline or an author field to clean, split, de-duplicated names.

"By Jane Roe, MS, RD and John Doe | Reuters" -> ["Jane Roe", "John Doe"]. The vocabulary (what
opens a byline in several languages, job titles, credentials, agencies) is data in
`cleaners/data/authors.toml`; this module only knows the shape of a byline: names separated by
commas, "and", "&", ";" or "|", each maybe followed by a title or credentials.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from cleaners.data import load_toml

_MAX_NAME_WORDS = 6
_MAX_NAME_CHARS = 60
# Between two names: ",", ";", "&", "|", "/", "•", "·", the Arabic comma, "and", "و".
_SEPARATORS = re.compile(r"\s*(?:[,;&|•·●▪،]|\s/\s|\band\b|\bund\b|\bet\b|\by\b|(?<=\s)و(?=\s))\s*")
_EDGE = " \t.,:;-–—|•·●▪()[]\"'“”‘’"
EDGE_CHARACTERS = _EDGE  # what byline_rest strips from both ends of a byline
_NOT_A_NAME = re.compile(
    r"@|https?:|www\.|\w\.(com|org|net|info|news|io|co|in|uk|de|fr)\b|[{}<>=_#\\/]|\d{3,}"
    r"|\d{1,2}:\d{2}",
    re.IGNORECASE,
)
_NOT_ALNUM = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")
_BRACKETED = re.compile(r"\s*\([^()]*\)")
# An unlisted credential after a name: a short token in capitals ("DACVB", "E-RYT")
_CAPS_TOKEN = re.compile(r"^[A-Z][A-Z.\-®]{1,7}$")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    prefixes: tuple[str, ...]  # longest first
    roles: frozenset[str]
    modifiers: frozenset[str]
    credentials: frozenset[str]
    honorifics: frozenset[str]
    agencies: frozenset[str]
    not_name_words: frozenset[str]
    particles: frozenset[str]
    not_author_prefixes: tuple[str, ...]
    collective: frozenset[str]
    collective_openers: frozenset[str]


@cache
def vocabulary() -> Vocabulary:
    data = load_toml("authors.toml")
    return Vocabulary(
        prefixes=tuple(sorted(data["by_prefixes"], key=len, reverse=True)),
        roles=frozenset(data["roles"]),
        modifiers=frozenset(data["role_modifiers"]),
        credentials=frozenset(c.replace(".", "") for c in data["credentials"]),
        honorifics=frozenset(data["honorifics"]),
        agencies=frozenset(data["agencies"]),
        not_name_words=frozenset(data["not_name_words"]),
        particles=frozenset(data["name_particles"]),
        not_author_prefixes=tuple(data["not_author_prefixes"]),
        collective=frozenset(data["collective_words"]),
        collective_openers=frozenset(data["collective_openers"]),
    )


def _fold(token: str) -> str:
    return token.casefold().strip(".,:;()")


def byline_rest(text: str) -> str | None:
    """What follows a byline word: "By Jane Roe" / "Written by: Jane Roe" / "بقلم: ..." ->
    "Jane Roe"; "" for a bare label ("Written by"); None when no byline word opens the text."""
    text = text.strip(_EDGE)
    folded = text.casefold()
    prefixes = vocabulary().prefixes
    # most texts open with no byline word: one C-level test of them all before the loop
    # (the loop's `startswith` per prefix was 160,000 calls for the metadata of the 181
    # pages of the extraction benchmark; ~8 -> ~3 µs a call on their text pieces)
    if not folded.startswith(prefixes):
        return None
    for prefix in prefixes:
        if folded.startswith(prefix):
            rest = text[len(prefix) :]
            if not rest or rest[0] in " :\u00a0-–—" or not prefix.isascii():
                return rest.strip(_EDGE)
    return None


def strip_prefix(text: str) -> str:
    """The text without the byline word that opens it, if any."""
    rest = byline_rest(text)
    return text.strip(_EDGE) if rest is None else rest


def _is_credential(token: str) -> bool:
    """A listed credential written as one ("MA", "M.A.", "PhD"); "Ma" in "Rui Ma" is a name."""
    bare = token.strip(",()®™")
    plain = bare.replace(".", "")
    if plain.casefold() not in vocabulary().credentials:
        return False
    return "." in bare or not (len(plain) <= 3 and plain[:1].isupper() and plain[1:].islower())


def _is_role_run(tokens: list[str]) -> bool:
    """'Staff Writer', 'Senior Editor', 'Director of Operations': a job title, not a name."""
    v = vocabulary()
    folded = [_fold(t) for t in tokens]
    return (
        bool(folded)
        and any(f in v.roles for f in folded)
        and all(f in v.roles or f in v.modifiers for f in folded)
    )


def clean_name(part: str) -> str | None:
    """One name from one part of a byline, or None when the part is no name (a job title,
    credentials, an e-mail address, a URL, a date, a sentence)."""
    part = _BRACKETED.sub("", unicodedata.normalize("NFKC", part))
    part = _SPACES.sub(" ", part).strip(_EDGE)
    if part.casefold().startswith(vocabulary().not_author_prefixes):
        return None  # a reviewer, editor or photographer is not an author
    part = strip_prefix(part)
    if not part or _NOT_A_NAME.search(part):
        return None
    tokens = part.split()
    if _is_collective(tokens):
        return part  # "News Desk", "The Currency editors": the newsroom as a whole
    # "Jane Roe Updated Aug 14": a name ends where date or interface words begin
    stop = next((i for i, t in enumerate(tokens) if _fold(t) in vocabulary().not_name_words), None)
    if stop is not None:
        tokens = tokens[:stop]
    while tokens and _is_credential(tokens[-1]) and len(tokens) > 1:
        tokens.pop()
    if _is_role_run(tokens):
        return None
    # "Jane Roe Senior Editor": cut the job title that follows a name of two words or more
    for cut in range(2, len(tokens)):
        if _is_role_run(tokens[cut:]):
            tokens = tokens[:cut]
            break
    if not tokens or _is_role_run(tokens) or all(_is_credential(t) for t in tokens):
        return None
    name = " ".join(tokens).strip(_EDGE)
    if (
        not name
        or len(tokens) > _MAX_NAME_WORDS
        or len(name) > _MAX_NAME_CHARS
        or not any(c.isalpha() for c in name)
    ):
        return None
    return name


def _is_collective(tokens: list[str]) -> bool:
    """'News Desk', 'EcoCult Staff', 'Our Editors': a group byline (see authors.toml)."""
    v = vocabulary()
    if not 1 <= len(tokens) <= 4 or _fold(tokens[-1]) not in v.collective:
        return False
    before = [_fold(t) for t in tokens[:-1]]
    if before and before[0] in v.collective_openers:
        before = before[1:]
    return not any(t in v.not_name_words or not t.isalpha() for t in before)


def is_collective(name: str) -> bool:
    return _is_collective(name.split())


def split_names(text: str) -> list[str]:
    """'A, B & C', 'A and B', 'A; B', 'Jane Roe | Reuters' -> names in order (roles and
    credentials dropped; see `finalize` for agencies and duplicates)."""
    text = strip_prefix(_SPACES.sub(" ", _BRACKETED.sub("", html.unescape(text))))
    # "Jane Roe - Editorial Team", "Jane Roe – Reuters": after a spaced dash, the person's
    # team, desk or agency is where the name works, not a second author
    head, *tail = _SPACED_DASH.split(text, maxsplit=1)
    if tail and _is_affiliation(tail[0]):
        text = head
    names: list[str] = []
    roles = vocabulary().roles
    for part in _SEPARATORS.split(text):
        name = clean_name(part)
        if not name:
            continue
        if names and not is_agency(name):
            tokens = name.split()
            # after a name: "…, Shipping Expert" is a title, "…, DACVB" a credential
            if _fold(tokens[-1]) in roles or all(_CAPS_TOKEN.match(t) for t in tokens):
                continue
        names.append(name)
    return names


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")


def _is_affiliation(part: str) -> bool:
    tokens = part.strip(_EDGE).split()
    return bool(tokens) and (is_agency(part) or _is_collective(tokens) or _is_role_run(tokens))


def looks_like_person(name: str) -> bool:
    """Written as a name: every word capitalised (particles like "van", "de", "al-" aside),
    or in a script without capitals. For names read from page text, where "By clicking
    here" must not give an author; metadata fields are trusted as they are."""
    for token in name.split():
        bare = token.strip(".'’-")
        if not bare:
            continue
        if bare.casefold() in vocabulary().particles or bare.casefold().startswith(("al-", "el-")):
            continue
        first = bare[0]
        if not first.isalpha() or (first.islower() and first.upper() != first):
            return False
    return True


def is_agency(name: str) -> bool:
    return name.casefold().strip(_EDGE) in vocabulary().agencies


def name_key(name: str) -> str:
    """A name compared without case, spaces, punctuation or a leading honorific."""
    tokens = name.split()
    if len(tokens) > 1 and _fold(tokens[0]) in vocabulary().honorifics:
        tokens = tokens[1:]
    return _NOT_ALNUM.sub("", " ".join(tokens)).casefold()


def finalize(names: Iterable[str]) -> list[str]:
    """De-duplicated in order (the first spelling wins); agencies only when no person is
    named (a newsroom group named with people is a co-author: "Jane Roe and the Data
    Team")."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    people = [n for n in out if not is_agency(n)]
    return people or out
