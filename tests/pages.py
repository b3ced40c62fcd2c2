"""Small hand-written pages for the rule, field and page-level tests.

Every wording here is new (not taken from `fixtures/`): a Tunisian olive-harvest story used as a
neutral body into which one line of debris, or one line of legitimate text, is inserted.
"""

from __future__ import annotations

from cleaners import Article, Removal

TITLE = "Tunisian olive growers count losses after heatwave"

BODY = (
    "Olive farmers across central Tunisia say this year's harvest could be the smallest in a "
    "decade after weeks of extreme heat scorched the trees during the flowering season.",
    "The agriculture ministry estimates that production will fall by about a third compared "
    "with last season, pushing up the price of oil in local markets.",
    "Exporters warned that contracts signed with Spanish and Italian buyers may have to be "
    "renegotiated because the promised volumes will not be available.",
    "Growers in Sfax and Kairouan have asked the government for cheap loans to replace "
    "irrigation pumps that broke down during the summer.",
)


def page(*lines: str) -> str:
    """A text dump: one line per block."""
    return "\n".join(lines) + "\n"


def story_with(line: str, where: str = "middle") -> str:
    """The olive story with `line` at the top (under the title), in the middle or at the end."""
    if where == "top":
        return page(TITLE, line, *BODY)
    if where == "middle":
        return page(TITLE, *BODY[:2], line, *BODY[2:])
    if where == "end":
        return page(TITLE, *BODY, line)
    raise ValueError(where)


def removal_of(article: Article, text: str) -> Removal | None:
    """The removal entry of the block whose text is exactly `text`, if any."""
    found = [r for r in article.removed if r.text == text]
    assert len(found) <= 1, found
    return found[0] if found else None


def paragraphs(article: Article) -> list[str]:
    return article.text.split("\n\n") if article.text else []


def assert_body_intact(article: Article) -> None:
    """Every paragraph of the olive story survived, in order."""
    kept = paragraphs(article)
    positions = [kept.index(p) for p in BODY]
    assert positions == sorted(positions)
