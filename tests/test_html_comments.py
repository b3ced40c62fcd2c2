"""Readers' comment threads in the markup (`cleaners.html.comments`), beyond the fixtures."""

from __future__ import annotations

from cleaners import clean_html

_STORY = "".join(
    f"<p>Paragraph {n} of the story tells what the council decided on the new bridge and "
    "why the works will take until the end of the summer, according to the mayor.</p>"
    for n in range(4)
)


def _page(after_story: str) -> str:
    return (
        "<html><head><title>Bridge works to last until summer</title></head><body>"
        f"<div class='story'><h1>Bridge works to last until summer</h1>{_STORY}"
        f"{after_story}</div></body></html>"
    )


def _thread_removals(html: str) -> list[str]:
    record = clean_html(html)
    return [r.text for r in record.removed if r.rule == "markup_comment_thread"]


def test_minute_stamps_with_names_are_a_thread() -> None:
    comments = "".join(
        f"<p>{text}<br><b>Posted by {name} on January 10, 2008 {time}</b></p>"
        for text, name, time in (
            ("I drive over that bridge every day and it is falling apart.", "Ann", "4:37 PM"),
            ("Summer is far too late, the ferry cannot carry everyone.", "Bob", "3:16 PM"),
            ("Good to see the money spent here for once, well done.", "Cy", "2:47 PM"),
        )
    )
    removed = _thread_removals(_page(comments))
    assert len(removed) == 3
    assert removed[0].startswith("I drive over that bridge")


def test_entries_stamped_alike_are_no_thread() -> None:
    """A live blog's entries: each stamped with a date and minute, but no commenter's name
    changes from one stamp to the next."""
    entries = "".join(
        f"<p><b>January 10, 2008 {time}</b><br>{text}</p>"
        for time, text in (
            ("4:37 PM", "The first lorries have crossed the temporary bridge this afternoon."),
            ("3:16 PM", "Engineers say the old piers will be taken down next week."),
            ("2:47 PM", "The mayor has opened the site to journalists for an hour."),
        )
    )
    assert _thread_removals(_page(entries)) == []


def test_bare_names_need_a_comment_heading() -> None:
    names = "".join(
        f"<b>{name}</b><br>{text}<br><hr>"
        for name, text in (
            ("Anna Berg", "Anna Berg chairs the works committee and signed the contract."),
            ("Tom Lind", "Tom Lind leads the engineering firm that won the tender."),
            ("Eva Holm", "Eva Holm speaks for the residents of the riverside streets."),
        )
    )
    assert _thread_removals(_page(f"<div>{names}</div>")) == []
    headed = _thread_removals(_page(f"<div><b>Comments are closed</b><br><br>{names}</div>"))
    assert len(headed) == 3
