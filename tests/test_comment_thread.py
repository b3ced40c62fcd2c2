"""A readers' comment thread below a dump's story is cut off the region
(`cleaners.region.comment_thread_start`), and what only looks like one stays."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.region import comment_thread_start, is_thread_heading, thread_heading_cut
from cleaners.rules.region import is_credit

STORY = [
    "Harbour Lights",
    "Ferry service to the islands resumes after a month of repairs to the pier",
    "The ferry to the outer islands sailed again on Monday morning after a month in which "
    "islanders had to rely on a single water taxi and a weekly supply boat.",
    "Engineers replaced two of the pier's steel piles, which had been cracked by a storm in "
    "January, and strengthened the ramp that cars use to board the ship.",
    "The operator said timetables would return to normal by the end of the week, with an "
    "extra evening crossing on Fridays until the summer season begins.",
]
COMMENTS = [
    "Comments",
    "About time too. My mother lives on the far island and has not been able to get to her "
    "hospital appointments for weeks because the water taxi was always full.",
    "Posted by: Ian Grant | March 10, 2025 9:41 AM",
    "Will the Friday crossing carry cars as well, or only foot passengers? The article does "
    "not say and the operator's website has not been updated yet.",
    "Posted by: Sarah | March 10, 2025 11:07 AM",
    "The pier was in a bad state long before the storm and everyone on the island knew it. "
    "Let us hope the council has learned something from this whole episode.",
    "Posted by: Tom Reilly | March 10, 2025 1:52 PM",
    "Great news for the shops on the quay, who have had a terrible month without visitors "
    "and were starting to talk about closing until Easter.",
    "Posted by: M. Doyle | March 11, 2025 8:13 AM",
]
FOOTER = ["Leave a comment", "Contact us", "© 2025 Harbour Lights"]


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n\n") if line]


def test_a_thread_of_dated_comments_is_cut_at_its_heading() -> None:
    texts = STORY + COMMENTS + FOOTER
    assert comment_thread_start(texts, (0, len(texts)), is_credit) == len(STORY)
    record = clean_text("\n".join(texts))
    assert _lines(record.text) == STORY[2:]
    removed = {r.text: r.reason for r in record.removed}
    assert removed["Posted by: Sarah | March 10, 2025 11:07 AM"] == "byline"
    assert removed[COMMENTS[1]] == "navigation"  # outside the article region


def test_without_a_heading_the_thread_starts_at_its_first_credit() -> None:
    texts = STORY + COMMENTS[1:]
    assert comment_thread_start(texts, (0, len(texts)), is_credit) == len(STORY) + 1


def test_a_control_printed_under_every_comment_marks_a_thread_under_its_heading() -> None:
    thread = ["Comments"]
    for text in (COMMENTS[1], COMMENTS[3], COMMENTS[5], COMMENTS[7]):
        thread += [text, "Report this comment"]
    texts = STORY + thread
    assert comment_thread_start(texts, (0, len(texts)), is_credit) == len(STORY)
    # the same recurring line without a comment heading above it: no thread
    assert comment_thread_start(STORY + thread[1:], (0, len(texts) - 1), is_credit) is None


def test_a_programme_of_events_at_round_times_is_not_a_thread() -> None:
    programme = [
        "Friday 13 June 2025 at 19:00",
        "The festival opens with the conservatory's brass band marching from the market.",
        "Friday 13 June 2025 at 21:30",
        "A concert by the local band Low Tide, with songs from their third album.",
        "Saturday 14 June 2025 at 18:00",
        "A folk dance on the acoustic stage, with lessons open to every age.",
        "Saturday 14 June 2025 at 22:15",
        "The night's main concert, followed by a light show on the old stone bridge.",
    ]
    texts = STORY + programme
    assert comment_thread_start(texts, (0, len(texts)), is_credit) is None


def test_dated_teasers_and_a_story_of_credits_only_are_not_threads() -> None:
    teasers = []
    for day, title in (
        ("March 4, 2026", "Regulators publish the first draft rules for stablecoins"),
        ("March 2, 2026", "Three steps for compliance teams as sanctions widen"),
        ("February 27, 2026", "What the new travel rule means for small exchanges"),
    ):
        teasers += [day, title, "A summary of the week's main changes in four short points."]
    texts = STORY + teasers
    assert comment_thread_start(texts, (0, len(texts)), is_credit) is None


def test_a_thread_below_the_region_is_left_alone() -> None:
    texts = STORY + COMMENTS
    assert comment_thread_start(texts, (0, len(STORY)), is_credit) is None


def test_two_header_lines_of_one_comment_count_once() -> None:
    thread = []
    for name, when, text in (
        ("Ian Grant", "March 10, 2025 at 9:41 am", COMMENTS[1]),
        ("Sarah", "March 10, 2025 at 11:07 am", COMMENTS[3]),
    ):
        thread += [f"Posted by: {name} | {when}", when, text]
    texts = STORY + thread
    # two comments, each with two dated lines back to back: two separators, not four
    assert comment_thread_start(texts, (0, len(texts)), is_credit) is None


# --------------------------------------------------------------------------- thread headings

LONG_STORY = [
    *STORY,
    "The islands' council said it would ask the operator to publish a plan for repairs to the "
    "other two piers before next winter, so that a single storm cannot again cut the service.",
    "Residents who missed appointments during the closure can ask the health board to refund "
    "their water taxi fares, a spokeswoman said, as long as they keep their tickets.",
    "The shops on the quay, which lost most of their visitors during the closure, will hold a "
    "market on the first Saturday of the month to win them back, with music on the slipway.",
]


def test_thread_headings_in_several_languages() -> None:
    for line in (
        "Comments",
        "[ 167 comments ]",
        "7 Comments »",
        "Reader views (5)",
        "Comments are now closed for this story",
        "Kommentare (12)",
        "12 commentaires",
        "Comentarios:",
        "コメント",
    ):
        assert is_thread_heading(line), line
    for line in (
        "Comment",  # an opinion piece's label
        "Kommentar",
        "Recent Comments",  # a sidebar's teasers: the story may go on below
        "Name*",  # a comment form's field
        "Reply",
        "Public comments on the plan were mostly in favour, the council said.",
        "Discussion",
    ):
        assert not is_thread_heading(line), line


def test_the_thread_headings_are_the_comment_rules_headings() -> None:
    """One vocabulary: every heading the region ends at is a line the comment rules remove
    (and the thread finders of both paths know as a heading), in every language; the rules'
    own prompts (a form's field, "Reply", a "Comment" label) are no thread heading."""
    from cleaners.rules.line_patterns import classify_line

    for line in (
        "Reader views (5)",
        "Readers' comments",
        "Discuss this article",
        "[ 167 comments ]",
        "Leserkommentare",
        "Vos réactions",
        "Deja un comentario",
        "Коментарі (3)",
        "评论（12）",
        "التعليقات",
    ):
        assert is_thread_heading(line), line
        assert classify_line(line) == "comment_prompt", line
    for line in ("Name*", "Reply", "Comment", "Kommentieren", "Your comment:"):
        assert classify_line(line) == "comment_prompt", line
        assert not is_thread_heading(line), line


def test_a_thread_heading_below_the_story_ends_the_region() -> None:
    """Commenters signed with bare names (no credit line to read a separator from): the
    heading alone ends the article."""
    thread = ["Reader views (3)"]
    for text, name in zip(
        (COMMENTS[1], COMMENTS[3], COMMENTS[5]), ("Margaret, Island", "Tom", "Ellie W"), strict=True
    ):
        thread += [text, name]
    texts = LONG_STORY + thread
    assert thread_heading_cut(texts, (0, len(texts))) == len(LONG_STORY)
    assert comment_thread_start(texts, (0, len(texts)), is_credit) is None


def test_a_comment_counter_over_the_story_is_no_thread_heading() -> None:
    """ "12 Comments" under the byline: the story follows it, it is not cut there."""
    texts = [*STORY[:2], "12 Comments", *LONG_STORY[2:]]
    assert thread_heading_cut(texts, (0, len(texts))) is None
    # the same counter at the story's end ends it
    texts = [*LONG_STORY, "12 Comments", *COMMENTS[1:2]]
    assert thread_heading_cut(texts, (0, len(texts))) == len(LONG_STORY)
