"""FAQ accordions in `clean_html`: questions and answers shipped closed (`_recover_toggles`)."""

from __future__ import annotations

from lxml import html as lxml_html

from cleaners import clean_html
from cleaners.html.extract import _toggle_panel

_BODY = (
    "<p>The council will repave the riverside path in three stages over the summer, starting"
    " with the stretch between the old mill and the footbridge near the school.</p>"
    "<p>Cyclists are asked to use the road along the park while the first stage is closed, and"
    " walkers can still reach the playground through the gate on Mill Lane.</p>"
    "<p>The second and third stages follow in July and August, once the drainage under the"
    " path has been replaced and the new lighting poles have been set up.</p>"
)


def _item(n: int, question: str, answer: str, closed: bool = True) -> str:
    hidden = " hidden" if closed else ""
    return (
        f'<div class="qa-item"><div class="qa-q"><button aria-expanded="false"'
        f' aria-controls="qa-{n}"><h3>{question}</h3></button></div>'
        f'<div id="qa-{n}" class="qa-panel{hidden}"><p>{answer}</p></div></div>'
    )


_QUESTIONS = [
    (
        "Will the path be closed at weekends too?",
        "No, the works stop on Friday evening and the path opens again until Monday morning.",
    ),
    (
        "Who pays for the new lighting along the river?",
        "The lighting is paid for by the regional fund for safer routes to school this year.",
    ),
]


_OPEN = (
    "When does the first stage of the works begin?",
    "The first stage begins on the second Monday of June and lasts about three weeks.",
)


def _page(items: str) -> str:
    return (
        "<html><body><article><h1>Riverside path to be repaved this summer</h1>"
        f'<div class="body">{_BODY}<div class="qa"><h2>Questions and answers</h2>'
        f"{_item(0, *_OPEN, closed=False)}"
        f"{items}</div></div></article></body></html>"
    )


def test_a_run_of_closed_answers_after_a_kept_one_is_the_article():
    items = "".join(_item(i + 1, q, a) for i, (q, a) in enumerate(_QUESTIONS))
    record = clean_html(_page(items))
    for question, answer in _QUESTIONS:
        assert question in record.text
        assert answer in record.text
    assert not [r for r in record.removed if r.text == _QUESTIONS[0][0]]


def test_a_single_closed_answer_is_not_recovered():
    question, answer = _QUESTIONS[0]
    record = clean_html(_page(_item(1, question, answer)))
    assert answer not in record.text
    assert question not in record.text
    # the question's button is interface text, as before
    assert ("ui_chrome", "markup_tools") in {
        (r.reason, r.rule) for r in record.removed if r.text == question
    }


def test_the_next_item_of_an_accordion_is_not_a_panel():
    # answers rendered by script: each item ships only its button
    tree = lxml_html.fromstring(
        '<div><div class="row"><button aria-expanded="false">How far does it go on a full'
        ' charge?</button></div><div class="row"><button aria-expanded="false">Can it be'
        " charged at home from an ordinary socket?</button></div></div>"
    )
    first = tree.find(".//button")
    assert _toggle_panel(first) is None


def test_a_panel_of_prose_after_its_button_is_found():
    tree = lxml_html.fromstring(
        '<div><div class="row"><button aria-controls="p1" aria-expanded="false">How far does'
        ' it go on a full charge?</button></div><div id="p1" class="panel hidden"><p>About'
        " sixty kilometres in the city, and less on hilly roads or in cold weather.</p></div>"
        "</div>"
    )
    panel = _toggle_panel(tree.find(".//button"))
    assert panel is not None and panel.get("id") == "p1"
