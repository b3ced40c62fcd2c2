"""`--split-stories`: an unrelated story cut off a page becomes its own record."""

from __future__ import annotations

from dataclasses import replace

from cleaners.pipeline import clean_text
from cleaners.record import Article

SECOND_STORY = "second_story"
# A page rarely carries more than a few appended stories; the bound keeps the work finite.
MAX_STORIES = 10


def split_stories(article: Article) -> list[Article]:
    """The page's main story, then each further story as a record with story_index 1, 2…

    The further stories are rebuilt from the blocks the second-story rule removed (the main
    record keeps listing them, so its audit trail is unchanged) and cleaned like a text dump
    of their own: their headline becomes the title, their debris is removed with reasons.
    A cut-off story that cleans into nothing (no article text) is not emitted.
    """
    stories = [article]
    current = article
    while len(stories) < MAX_STORIES:
        tail = [r.text for r in current.removed if r.reason == SECOND_STORY]
        if not tail:
            break
        story = clean_text(
            "\n\n".join(tail), source=article.source, url=article.url, site=article.site
        )
        if not story.ok:
            break
        # The page's address and site are the story's; what the page states about its main
        # article (description, image, tags, section) is not.
        current = replace(
            story,
            story_index=len(stories),
            canonical_url=article.canonical_url,
            site_name=article.site_name,
            fetched_at=article.fetched_at,
        )
        stories.append(current)
    return stories
