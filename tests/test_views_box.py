"""A readers'-views box set inside a dump's story ("Have your say", a reader's quote, "Send us
your comments", then the story's paragraphs again) does not end the article region
(`cleaners.region.story_resumes`); a thread heading under which the story does not resume
still does."""

from __future__ import annotations

from cleaners import clean_text
from cleaners.region import is_box_call, thread_heading_cut
from tests.fixture_pairs import whole_page_lines


def test_the_story_resumes_below_a_views_box() -> None:
    for name, heading, resumed in (
        (
            "views_box_en_have_your_say.txt",
            "HAVE YOUR SAY",
            "Shopkeepers near the bridge said they would ask the council",
        ),
        (
            "views_box_de_schreiben_sie_uns.txt",
            "Diskutieren Sie mit",
            "Wer eine Saisonkarte für das Freibad gekauft hat",
        ),
    ):
        texts = whole_page_lines(name)
        assert texts.index(heading) > 0
        assert thread_heading_cut(texts, (0, len(texts))) is None, name
        record = clean_text("\n".join(texts))
        assert resumed in record.text, name
        removed = {r.text: (r.reason, r.rule) for r in record.removed}
        # the box's heading is still removed, as the comment prompt it is
        assert removed[heading][0] == "comment_prompt", name


def test_a_thread_heading_under_which_another_story_follows_ends_the_region() -> None:
    """The call is there, but the paragraphs below it are another story's (the harbour's
    flood defences, off the cycle lanes' vocabulary): the heading ends the region."""
    texts = whole_page_lines("views_box_en_thread_trap.txt")
    heading = texts.index("Have your say")
    assert thread_heading_cut(texts, (0, len(texts))) == heading
    record = clean_text("\n".join(texts))
    assert "Flood defences" not in record.text
    removed = {r.text: (r.reason, r.rule) for r in record.removed}
    assert removed["Send us your comments"] == ("navigation", "article_region")


def test_box_calls_are_whole_short_lines() -> None:
    assert is_box_call("Send us your comments")
    assert is_box_call("SCHREIBEN SIE UNS IHRE MEINUNG:")
    assert is_box_call("Envoyez-nous vos commentaires")
    assert not is_box_call("Readers can send us your comments on the plan by post.")
    assert not is_box_call("Comments")
