"""A site's rule pack adds patterns and selectors and switches generic rules off."""

from __future__ import annotations

import pytest

from cleaners import clean_html
from cleaners.rules import html_rules
from cleaners.sitepack import SitePack, SitePackError

PAGE = b"""<html><head><title>Port reopens</title></head><body><article>
<h1>Port reopens after storm</h1>
<p>The port of Aqaba reopened on Tuesday after a storm closed it for two days, officials said.</p>
<div class="promo-slot"><p>Win a cruise on the Red Sea this summer with our partners</p></div>
<p>Shipping agents said around forty vessels had waited offshore while the storm passed.</p>
<p>Permalink code: AQ-2291</p>
<p>The authority said inspections of the quays would continue through the week.</p>
</article></body></html>"""


def test_site_patterns_and_selectors_remove_with_their_reason() -> None:
    pack = {
        "drop_patterns": [{"reason": "share_bar", "pattern": r"^Permalink code:"}],
        "drop_selectors": [{"reason": "advertisement", "css": "div.promo-slot"}],
    }
    article = clean_html(PAGE, rules=pack)
    removed = [(r.reason, r.rule, r.text) for r in article.removed]
    assert ("share_bar", "site_pattern_0", "Permalink code: AQ-2291") in removed
    assert (
        "advertisement",
        "site_selector",
        "Win a cruise on the Red Sea this summer with our partners",
    ) in removed
    assert "Permalink" not in article.text and "cruise" not in article.text


def test_without_the_pack_the_site_specific_line_stays() -> None:
    assert "Permalink code: AQ-2291" in clean_html(PAGE).text


def test_disable_switches_a_generic_rule_off() -> None:
    pack = SitePack.from_mapping({"disable": ["printed_twice", "caption_credit"]})
    plain = html_rules()
    switched = html_rules(pack)
    assert plain.rules_in("duplicates") != switched.rules_in("duplicates")
    assert [r.name for r in switched.rules_in("duplicates")] == ["duplicate_paragraph"]
    # a rule wrapped for the HTML path (BodyGuard) is switched off by its own name
    assert "caption_credit" in [r.name for r in plain.rules_in("passages")]
    assert [r.name for r in switched] == [
        r.name for r in plain if r.name not in ("printed_twice", "caption_credit")
    ]


@pytest.mark.parametrize(
    ("pack", "message"),
    [
        ({"drop_patterns": [{"reason": "nonsense", "pattern": "x"}]}, "is not a reason code"),
        ({"drop_patterns": [{"reason": "share_bar", "pattern": "("}]}, "drop_patterns[0].pattern"),
        ({"drop_selectors": [{"reason": "advertisement"}]}, "missing CSS selector"),
    ],
)
def test_bad_pack_is_reported_with_its_key(pack: dict, message: str) -> None:
    with pytest.raises(SitePackError, match=message.replace("[", r"\[").replace("(", r"\(")):
        SitePack.from_mapping(pack)
