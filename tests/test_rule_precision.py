"""tools/rule_precision.py: removed words split into reference body and debris, per rule."""

from __future__ import annotations

from tools.extraction_metric import shingles
from tools.rule_precision import RuleRow, body_words_of, rule_precision

BODY = (
    "The harbour authority in Sohar opened a second container terminal on Monday, doubling the "
    "port's capacity for ships arriving from Asia.",
    "Cranes built in China were installed over the winter, and the first vessel unloaded two "
    "thousand containers on the opening day.",
    "Officials said the terminal would employ about four hundred people once all berths are in "
    "service next year.",
)


def test_body_words_of_splits_by_shingles_held() -> None:
    reference = "one two three four five six"
    assert body_words_of("one two three four five six", shingles(reference)) == (6.0, 0.0)
    assert body_words_of("seven eight nine ten", shingles(reference)) == (0.0, 4.0)
    body, debris = body_words_of("three four five six seven eight", shingles(reference))
    assert (body, debris) == (6 * 1 / 3, 6 * 2 / 3)  # 1 of its 3 shingles is held


def test_a_shingle_counts_as_body_once() -> None:
    """The second copy of a paragraph the record lacks: only one copy is body."""
    missing = shingles("one two three four five six")
    assert body_words_of("one two three four five six", missing) == (6.0, 0.0)
    assert body_words_of("one two three four five six", missing) == (0.0, 6.0)


def test_rule_precision_counts_debris_and_body_per_rule() -> None:
    page = (
        "<html><head><title>Sohar opens a second terminal</title></head><body><article>"
        "<h1>Sohar opens a second terminal</h1>"
        + "".join(f"<p>{t}</p>" for t in BODY[:2])
        + "<figure><img src='c.jpg'><figcaption>Cranes at the new terminal in Sohar on "
        "Monday.</figcaption></figure>" + f"<p>{BODY[2]}</p></article></body></html>"
    )
    # the reference body holds the caption's words: that removal counts as body
    rows = rule_precision(
        [
            (page, "\n\n".join(BODY)),
            (page, "\n\n".join((*BODY, "Cranes at the new terminal in Sohar on Monday."))),
        ]
    )
    by_rule = {r.rule: r for r in rows}
    caption = by_rule["markup_caption"]
    assert caption.reason == "caption"
    assert caption.removals == 2 and caption.pages == 2
    assert caption.debris_words == 9.0 and caption.body_words == 9.0
    assert not caption.cuts_body


def test_cuts_body_when_body_outweighs_debris() -> None:
    row = RuleRow(rule="r", reason="caption", body_words=10, debris_words=5)
    assert row.cuts_body and round(row.body_share, 3) == 0.667
