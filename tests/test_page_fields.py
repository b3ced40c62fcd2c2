"""The record's page fields (image, description, tags, section), its address fields (url as
given, canonical_url as stated), its site key and display name, and its id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

import cleaners.cli
from cleaners import clean_html, clean_text
from cleaners.document import Document
from cleaners.html.page_fields import page_fields, region_image
from cleaners.pipeline import clean_document
from cleaners.record import identity, record_id, registered_domain, site_key
from cleaners.schema import SCHEMA_VERSION_KEY, record_schema, schema_version
from tests.fixture_pairs import FIXTURES, fixture_pairs
from tests.pages import BODY, TITLE, page

PAGES = FIXTURES / "html" / "page_fields"
AMMAN = PAGES / "amman-water-tariffs.html"
AQABA = PAGES / "aqaba-reef-festival.html"
# fetched from the mobile host with tracking parameters; the page's canonical link differs
AMMAN_FETCHED = (
    "https://m.levantcourier.com/economy/2025/04/08/amman-water-tariffs-rise-for-heavy-users"
    "?utm_source=newsletter&utm_medium=email"
)
AMMAN_CANONICAL = (
    "https://www.levantcourier.com/economy/2025/04/08/amman-water-tariffs-rise-for-heavy-users"
)
AQABA_FETCHED = "https://redseaweekly.net/travel/2025/06/19/aqaba-reef-festival-returns?ref=home"


def test_page_fields_of_a_page_fetched_from_another_address_than_its_canonical_link() -> None:
    record = clean_html(AMMAN.read_bytes(), AMMAN_FETCHED, source="amman").to_dict()
    assert record["url"] == AMMAN_FETCHED  # what the page was fetched from, kept
    assert record["canonical_url"] == AMMAN_CANONICAL
    assert record["site"] == "levantcourier.com"  # registered domain (m. and www. alike)
    assert record["site_name"] == "The Levant Courier"
    # og:description before the shorter <meta name=description>
    assert record["description"] == (
        "Households using more than 18 cubic metres a quarter will pay up to a third more, the"
        " Water Ministry said, as pumping to the capital is cut to two days a week."
    )
    # og:image before JSON-LD's ImageObject, twitter:image and the figure
    assert (
        record["image"] == "https://cdn.levantcourier.com/images/2025/04/amman-water-tank-roofs.jpg"
    )
    assert record["section"] == "Economy"
    # article:tag, then JSON-LD keywords (a list), news_keywords, keywords; "Jordan" and
    # "water" only once, as first spelled
    assert record["tags"] == [
        "Water",
        "Jordan",
        "Water tariffs",
        "Ministry of Water and Irrigation",
        "Amman",
        "subsidies",
        "Jordan news",
        "Levant Courier",
    ]
    assert record["id"] == record_id(AMMAN_FETCHED, "amman", 0, AMMAN_CANONICAL)


def test_page_fields_from_json_ld_strings_and_the_article_picture() -> None:
    record = clean_html(AQABA.read_bytes(), AQABA_FETCHED, source="aqaba").to_dict()
    assert record["url"] == AQABA_FETCHED
    # a relative canonical link, made absolute against the fetched URL
    assert record["canonical_url"] == (
        "https://redseaweekly.net/travel/2025/06/19/aqaba-reef-festival-returns"
    )
    assert (record["site"], record["site_name"]) == ("redseaweekly.net", "Red Sea Weekly")
    # JSON-LD keywords as one comma string, then the keywords <meta> split at ";"
    assert record["tags"] == ["Aqaba", "coral reefs", "diving", "Red Sea"]
    assert record["section"] == "Travel"  # the first of JSON-LD's articleSection list
    # nothing stated: the article's figure (its lazy-loading address, resolved), not the
    # byline's avatar nor the 1-pixel spacer before it
    assert (
        record["image"] == "https://redseaweekly.net/media/2025/06/aqaba-japanese-garden-reef.jpg"
    )


def test_without_a_url_relative_addresses_stay_unresolved() -> None:
    record = clean_html(AQABA.read_bytes(), source="aqaba").to_dict()
    assert (record["url"], record["canonical_url"], record["image"]) == (None, None, None)
    assert record["site"] is None  # no URL known: no registered domain
    assert record["site_name"] == "Red Sea Weekly"


def test_the_seed_name_is_the_site_key_whatever_the_page_says() -> None:
    article = clean_html(AMMAN.read_bytes(), AMMAN_FETCHED, site="levantcourier")
    assert (article.site, article.site_name) == ("levantcourier", "The Levant Courier")


def test_a_rejected_page_keeps_its_address_and_site_but_no_page_fields() -> None:
    raw = (FIXTURES / "html" / "enabbaladi" / "video-only-post.html").read_bytes()
    fetched = "https://english.enabbaladi.net/?p=181220"
    record = clean_html(raw, fetched).to_dict()
    assert (record["status"], record["reject_reason"]) == ("rejected", "empty")
    assert record["url"] == fetched
    assert record["canonical_url"] == (
        "https://english.enabbaladi.net/archives/2025/01/"
        "video-aleppos-citadel-lit-up-for-the-first-time-in-a-decade/"
    )
    assert (record["site"], record["site_name"]) == ("enabbaladi.net", "Enab Baladi")
    assert (record["description"], record["image"], record["section"]) == (None, None, None)
    assert record["tags"] == []


def _fields(head: str, body: str = "", url: str | None = "https://news.example/a/b.html"):
    root = lxml_html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    return page_fields(root, url)


def _ld(value: object) -> str:
    obj = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "H"}
    obj.update(value)  # type: ignore[arg-type]
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("https://cdn.example/a.jpg", "https://cdn.example/a.jpg"),
        ({"@type": "ImageObject", "url": "/img/b.jpg"}, "https://news.example/img/b.jpg"),
        ({"@type": "ImageObject", "contentUrl": "c.jpg"}, "https://news.example/a/c.jpg"),
        (
            [{"url": "https://cdn.example/1.jpg"}, {"url": "https://cdn.example/2.jpg"}],
            "https://cdn.example/1.jpg",
        ),
        (["https://cdn.example/x.jpg", "https://cdn.example/y.jpg"], "https://cdn.example/x.jpg"),
        ({"@type": "ImageObject", "url": "data:image/png;base64,AAAA"}, None),
    ],
    ids=["string", "object", "content-url", "list-of-objects", "list-of-strings", "data-uri"],
)
def test_json_ld_image_forms(image: object, expected: str | None) -> None:
    assert _fields(_ld({"image": image})).image == expected


def test_json_ld_image_by_graph_reference() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "ImageObject", "@id": "#primary", "url": "https://cdn.example/p.jpg"},
            {"@type": "NewsArticle", "headline": "H", "image": {"@id": "#primary"}},
        ],
    }
    script = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    assert _fields(script).image == "https://cdn.example/p.jpg"


def test_image_sources_in_order() -> None:
    og = '<meta property="og:image" content="/og.jpg">'
    twitter = '<meta name="twitter:image" content="https://cdn.example/tw.jpg">'
    ld = _ld({"image": "https://cdn.example/ld.jpg"})
    figure = '<article><figure><img src="/fig.jpg" width="800"></figure></article>'
    assert _fields(og + twitter + ld, figure).image == "https://news.example/og.jpg"
    assert _fields(twitter + ld, figure).image == "https://cdn.example/ld.jpg"
    assert _fields(twitter, figure).image == "https://cdn.example/tw.jpg"
    # <base href> is what relative addresses resolve against
    base = '<base href="https://static.example/assets/">'
    assert _fields(base + og).image == "https://static.example/og.jpg"


def test_tags_from_every_source_once_in_order() -> None:
    head = (
        '<meta property="article:tag" content="Oil">'
        '<meta property="article:tag" content="OPEC+">'
        + _ld({"keywords": "oil, Saudi Arabia ,  , Energy"})
        + '<meta name="news_keywords" content="نفط، أوبك">'
        + '<meta name="keywords" content="energy;'
        + "x" * 81
        + '">'
    )
    # case-insensitive duplicates and empty items go; a sentence-long item is no tag
    assert _fields(head).tags == ("Oil", "OPEC+", "Saudi Arabia", "Energy", "نفط", "أوبك")


def test_description_and_section_sources() -> None:
    fields = _fields(
        '<meta name="description" content="Plain &amp;amp; short.">'
        + _ld({"description": "From JSON-LD", "articleSection": "World"})
        + '<meta name="parsely-section" content="Later">'
    )
    # entities escaped twice are decoded
    assert (fields.description, fields.section) == ("Plain & short.", "World")
    fields = _fields(_ld({"description": "From JSON-LD"}) + '<meta name="section" content="X">')
    assert (fields.description, fields.section) == ("From JSON-LD", "X")


def test_pictures_that_are_not_the_lead_image() -> None:
    body = (
        '<article class="post ad-free"><p>Text</p>'
        '<div class="byline"><img src="/avatar.jpg"></div>'
        '<p><img src="/icon.png" width="16" height="16"></p>'
        '<div class="share"><img src="/share.png"></div>'
        # page furniture and adverts by their address: a GIF button, an ad server's slot
        '<p><img src="/images/storytools/print.gif"></p>'
        '<p><img src="https://ad.doubleclick.net/ad/news;sz=300x250"></p>'
        '<p><img src="/common/logos/masthead.png"></p>'
        '<p><img src="/inline.jpg"></p>'
        '<figure><img src="data:image/gif;base64,R0l="'
        ' srcset="/lead-800.jpg 800w, /lead.jpg 1600w">'
        "</figure></article>"
    )
    root = lxml_html.document_fromstring(f"<html><body>{body}</body></html>")
    region = root.find(".//article")
    # a picture in a <figure> first; the region's own classes ("ad-free") do not count
    assert (
        region_image(region, root, "https://news.example/a") == "https://news.example/lead-800.jpg"
    )
    region.remove(region.find("figure"))
    assert region_image(region, root, "https://news.example/a") == "https://news.example/inline.jpg"


def test_text_input_states_no_page_fields() -> None:
    article = clean_text(page(TITLE, *BODY), source="dump.txt")
    record = article.to_dict()
    assert {k: record[k] for k in ("url", "canonical_url", "site", "site_name")} == dict.fromkeys(
        ("url", "canonical_url", "site", "site_name")
    )
    assert (record["description"], record["image"], record["section"], record["tags"]) == (
        None,
        None,
        None,
        [],
    )
    with_url = clean_text(page(TITLE, *BODY), url="https://www.aawsat.com/node/1")
    assert (with_url.url, with_url.site, with_url.canonical_url) == (
        "https://www.aawsat.com/node/1",
        "aawsat.com",
        None,
    )


def test_documents_keep_their_url_and_site_on_every_path() -> None:
    html = AMMAN.read_bytes()
    jsonl_page = clean_document(Document(source="pages.jsonl:3", url=AMMAN_FETCHED, html=html))
    assert (jsonl_page.url, jsonl_page.canonical_url) == (AMMAN_FETCHED, AMMAN_CANONICAL)
    assert jsonl_page.site == "levantcourier.com"
    crawled = clean_document(
        Document(source=AMMAN_FETCHED, url=AMMAN_FETCHED, html=html, site="levantcourier")
    )
    assert (crawled.site, crawled.site_name) == ("levantcourier", "The Levant Courier")
    assert crawled.id == jsonl_page.id  # one page, one id, whichever way it came
    text = clean_document(
        Document(source="x.wet@0", url="https://news.bbc.co.uk/x", text=page(TITLE, *BODY))
    )
    assert (text.url, text.site) == ("https://news.bbc.co.uk/x", "bbc.co.uk")
    named = clean_document(Document(source="x:1", text=page(TITLE, *BODY), site="olivenews"))
    assert named.site == "olivenews"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.thenationalnews.com/news/uae/2024/a", "thenationalnews.com"),
        ("https://english.aawsat.com/gulf/5087361-x", "aawsat.com"),
        ("https://news.bbc.co.uk/a", "bbc.co.uk"),
        ("https://someone.github.io/blog/post", "someone.github.io"),  # private suffix
        ("https://WWW.Example.COM:8443/a", "example.com"),
        ("http://localhost:8080/a", "localhost"),  # no public suffix: the host
        ("http://127.0.0.1:9/a", "127.0.0.1"),
        ("http://[bad/a", None),
    ],
)
def test_registered_domain(url: str, expected: str | None) -> None:
    assert registered_domain(url) == expected


def test_site_key_order() -> None:
    assert site_key("thenational", "https://www.thenationalnews.com/a") == "thenational"
    assert site_key(None, "https://www.thenationalnews.com/a") == "thenationalnews.com"
    assert site_key("  ", None, "https://www.thenationalnews.com/a") == "thenationalnews.com"
    assert site_key(None, None, None) is None


def test_what_makes_two_records_share_an_id() -> None:
    canonical = "https://news.example/2025/06/story"
    # the canonical link first: two addresses of one article are one id
    assert identity("https://m.news.example/2025/06/story?utm=x", "a", canonical) == canonical
    assert record_id("https://a/1", "a", 0, canonical) == record_id(
        "https://b/2", "b", 0, canonical
    )
    assert record_id(None, "a", 0, canonical) != record_id(None, "a", 1, canonical)  # story
    # no canonical link: the URL, else the source
    assert identity("https://news.example/x", "a.html") == "https://news.example/x"
    assert identity(None, "a.html") == "a.html"
    # a canonical link to the home page from an article with its own URL is a template error
    assert identity("https://news.example/x", "a", "https://news.example/") == (
        "https://news.example/x"
    )
    assert identity(None, "a", "https://news.example/") == "https://news.example/"
    # the id as it was before url was kept: sha1 of the page's canonical link and the index
    assert record_id(None, "src", 0, canonical) == record_id(canonical, "other", 0)


def test_every_fixture_record_matches_the_schema() -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(record_schema())
    keys = list(record_schema()["properties"])
    pairs = fixture_pairs("txt") + fixture_pairs("html")
    assert len(pairs) > 80
    for raw, expected in pairs:
        body = json.loads(expected.read_text(encoding="utf-8"))
        record = {"id": "0123456789abcdef", "source": str(raw), **body}
        validator.validate(record)
        assert sorted(record) == sorted(keys), raw


def test_new_fields_round_trip_through_jsonl_and_parquet(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from cleaners.schema.loaders import read_jsonl

    pages = tmp_path / "pages.jsonl"
    pages.write_text(
        "".join(
            json.dumps({"url": url, "html": path.read_text(encoding="utf-8"), "site": site}) + "\n"
            for path, url, site in (
                (AMMAN, AMMAN_FETCHED, None),
                (AQABA, AQABA_FETCHED, "redseaweekly"),
            )
        ),
        encoding="utf-8",
    )
    jsonl, parquet = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    for out in (jsonl, parquet):
        assert cleaners.cli.main(["clean", str(pages), "-o", str(out), "-q", "-j", "1"]) == 0
    records = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert [(r["url"], r["site"]) for r in records] == [
        (AMMAN_FETCHED, "levantcourier.com"),
        (AQABA_FETCHED, "redseaweekly"),
    ]
    assert records[0]["tags"][:2] == ["Water", "Jordan"] and records[1]["section"] == "Travel"
    table = pq.read_table(parquet)
    assert table.to_pylist() == records  # every field, the new ones included
    assert read_jsonl(jsonl).equals(table)
    # the schema version lives in the Parquet file's metadata, not in the JSONL records
    metadata = pq.read_metadata(parquet).schema.to_arrow_schema().metadata
    assert metadata[SCHEMA_VERSION_KEY.encode()] == str(schema_version()).encode()
    assert schema_version() == record_schema()["schema_version"] == 2
    assert "schema_version" not in records[0]


def test_every_input_path_keeps_the_given_url_and_one_site_key(tmp_path: Path) -> None:
    """One page read as an HTML file, a JSONL line with its URL and a WARC response; a text
    dump as a WET record: url is what each input gave, site one key, one id per page."""
    from tests.test_batch import _warc
    from tests.test_wet import _wet

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "amman.html").write_bytes(AMMAN.read_bytes())
    (folder / "pages.jsonl").write_text(
        json.dumps({"url": AMMAN_FETCHED, "html": AMMAN.read_text(encoding="utf-8")}) + "\n",
        encoding="utf-8",
    )
    _warc(folder / "crawl.warc.gz", [(AMMAN_FETCHED, AMMAN.read_bytes())])
    wet_url = "https://www.thenationalnews.com/gulf-news/2025/01/02/story/"
    _wet(
        folder / "cc.warc.wet.gz", [(wet_url, "2025-01-03T00:00:00Z", page(TITLE, *BODY).encode())]
    )
    out = tmp_path / "out.jsonl"
    assert cleaners.cli.main(["clean", str(folder), "-o", str(out), "-q", "-j", "1"]) == 0
    records = {
        Path(r["source"].split(":")[0]).name if "/in/" in r["source"] else r["source"]: r
        for r in (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    }
    fields = ("url", "canonical_url", "site", "site_name")
    got = {source: tuple(r[k] for k in fields) for source, r in records.items()}
    assert got == {
        "amman.html": (None, AMMAN_CANONICAL, "levantcourier.com", "The Levant Courier"),
        "pages.jsonl": (AMMAN_FETCHED, AMMAN_CANONICAL, "levantcourier.com", "The Levant Courier"),
        AMMAN_FETCHED: (AMMAN_FETCHED, AMMAN_CANONICAL, "levantcourier.com", "The Levant Courier"),
        wet_url: (wet_url, None, "thenationalnews.com", None),
    }
    # the page's three copies are one id (its canonical link names it)
    assert len({records[s]["id"] for s in ("amman.html", "pages.jsonl", AMMAN_FETCHED)}) == 1


def test_json_ld_nested_beyond_reading_leaves_the_meta_tags() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    head = (
        f'<script type="application/ld+json">{deep}</script>'
        '<meta property="og:image" content="https://news.example/lead.jpg">'
        '<meta property="article:tag" content="Ports">'
    )
    fields = _fields(head)
    assert (fields.image, fields.tags) == ("https://news.example/lead.jpg", ("Ports",))
