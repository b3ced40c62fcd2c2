"""The page fields of an HTML record: canonical URL, lead image, description, tags, section.

Read from what the page states for sharing and search (OpenGraph and other `<meta>` tags,
`<link rel>`, the article's JSON-LD), and for the image, when none is stated, the first
picture inside the article region. Vocabulary: `cleaners/data/page_fields.toml`.

Written here rather than taken from trafilatura's `extract_metadata`: that one parses the
page again, keeps only some of these fields (no section, image only from meta tags), and its
tags mix in `rel=tag` links of sidebars. The article's JSON-LD object is read by
`cleaners.html.metadata` (one reader for every field).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from cleaners.data import load_toml
from cleaners.html.metadata import (  # the article's JSON-LD object, one reader
    JsonLd,
    PageElements,
    json_ld,
    page_elements,
)
from cleaners.normalize import normalize_line


@dataclass(frozen=True, slots=True)
class PageFields:
    canonical_url: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    section: str | None = None


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    canonical_links: frozenset[str]
    canonical_meta: tuple[str, ...]
    image_meta: tuple[str, ...]
    image_meta_after_json_ld: tuple[str, ...]
    image_links: frozenset[str]
    image_attributes: tuple[str, ...]
    image_min_pixels: int
    image_skip: re.Pattern[str]
    image_skip_extensions: tuple[str, ...]
    image_skip_url_words: frozenset[str]
    description_meta: tuple[str, ...]
    tag_meta: tuple[str, ...]
    keyword_meta: tuple[str, ...]
    keyword_split: re.Pattern[str]
    tag_max_chars: int
    section_meta: tuple[str, ...]
    section_meta_after_json_ld: tuple[str, ...]


@cache
def _vocabulary() -> _Vocabulary:
    data = load_toml("page_fields.toml")
    skip = "|".join(re.escape(w) for w in sorted(data["image_skip_marks"], key=len, reverse=True))
    separators = "".join(re.escape(s) for s in data["keyword_separators"])
    return _Vocabulary(
        canonical_links=frozenset(data["canonical_links"]),
        canonical_meta=tuple(data["canonical_meta"]),
        image_meta=tuple(data["image_meta"]),
        image_meta_after_json_ld=tuple(data["image_meta_after_json_ld"]),
        image_links=frozenset(data["image_links"]),
        image_attributes=tuple(data["image_attributes"]),
        image_min_pixels=int(data["image_min_pixels"]),
        image_skip=re.compile(rf"\b(?:{skip})s?\b"),
        image_skip_extensions=tuple(data["image_skip_extensions"]),
        image_skip_url_words=frozenset(data["image_skip_url_words"]),
        description_meta=tuple(data["description_meta"]),
        tag_meta=tuple(data["tag_meta"]),
        keyword_meta=tuple(data["keyword_meta"]),
        keyword_split=re.compile(f"[{separators}]"),
        tag_max_chars=int(data["tag_max_chars"]),
        section_meta=tuple(data["section_meta"]),
        section_meta_after_json_ld=tuple(data["section_meta_after_json_ld"]),
    )


def page_fields(
    root: lxml_html.HtmlElement,
    url: str | None = None,
    ld: JsonLd | None = None,
    elements: PageElements | None = None,
) -> PageFields:
    """What the page states about itself. `url` is the address the page was fetched from or
    given with: relative links are resolved against it (else against the canonical link).
    `ld`: the page's JSON-LD as `extract_metadata` read it (`PageMetadata.json_ld`), else it
    is read here; `elements`: its meta, link and base elements as it listed them
    (`PageMetadata.elements`: one walk of the tree for both, ~0.5 ms a page less), else they
    are listed here."""
    v = _vocabulary()
    elements = elements if elements is not None else page_elements(root)
    meta = _meta_values(elements.metas)
    links = _link_hrefs(elements.links)
    try:
        ld = ld if ld is not None else json_ld(root, elements.scripts)
        article, by_id = ld.article or ld.page or {}, ld.by_id
    except RecursionError:  # JSON-LD nested beyond reading: the meta tags still serve
        article, by_id = {}, {}

    declared = _first(links.get(rel) for rel in v.canonical_links) or _first_meta(
        meta, v.canonical_meta
    )
    canonical = _absolute(declared, base_url(root, url, elements))
    base = base_url(root, url or canonical, elements)

    image = _absolute(_first_meta(meta, v.image_meta), base)
    if image is None:
        image = _absolute(_ld_image(article.get("image"), by_id), base) or _absolute(
            _ld_image(article.get("thumbnailUrl"), by_id), base
        )
    if image is None:
        image = _absolute(_first_meta(meta, v.image_meta_after_json_ld), base)
    if image is None:
        image = _absolute(_first(links.get(rel) for rel in v.image_links), base)

    description = _text(_first_meta(meta, v.description_meta)) or _text(article.get("description"))
    section = (
        _text(_first_meta(meta, v.section_meta))
        or _text(_first_string(article.get("articleSection")))
        or _text(_first_meta(meta, v.section_meta_after_json_ld))
    )
    return PageFields(
        canonical_url=canonical,
        description=description,
        image=image,
        tags=_tags(meta, article.get("keywords")),
        section=section,
    )


def region_image(
    region: lxml_html.HtmlElement, root: lxml_html.HtmlElement, url: str | None
) -> str | None:
    """The first picture of the article region (pictures in a <figure> first): the lead image
    of a page that states none. Icons, pixels, avatars and logos are passed over."""
    v = _vocabulary()
    base = base_url(root, url)
    images = [img for img in region.iter("img") if _is_picture(img, region, v)]
    in_figure = [img for img in images if _in_figure(img, region)]
    for img in in_figure or images:
        address = _absolute(_img_address(img, v), base)
        if address is not None and not _is_furniture(address, v):
            return address
    return None


_URL_WORDS = re.compile(r"[a-z]+")


def _is_furniture(address: str, v: _Vocabulary) -> bool:
    """An address that names an icon, spacer, logo or advert (pages of the 2000s set their
    print buttons, ad slots and spacers as <img> inside the article's table)."""
    parts = urlsplit(address.lower())
    if parts.path.endswith(v.image_skip_extensions):
        return True
    words = _URL_WORDS.findall(f"{parts.netloc} {parts.path}")
    return not v.image_skip_url_words.isdisjoint(words)


def base_url(
    root: lxml_html.HtmlElement, url: str | None, elements: PageElements | None = None
) -> str | None:
    """The address relative links resolve against: `<base href>` (itself resolved against
    the page's URL), else the page's URL; None when no absolute address is known.
    `elements`: the page's `page_elements`, when the caller has them."""
    if elements is None:
        base = root.find(".//base[@href]")
    else:  # the same element: the first `<base>` below the root with an href
        base = next(
            (b for b in elements.bases if b is not root and b.get("href") is not None), None
        )
    if base is not None:
        resolved = _absolute(base.get("href"), url)
        if resolved is not None:
            return resolved
    return url if url and _is_http(url) else None


# --------------------------------------------------------------------------- helpers


def _meta_values(metas: list[lxml_html.HtmlElement]) -> dict[str, list[str]]:
    """Every <meta> content by key (a key may repeat: one `article:tag` per tag)."""
    found: dict[str, list[str]] = {}
    for meta in metas:
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip(), []).append(content.strip())
    return found


def _link_hrefs(links: list[lxml_html.HtmlElement]) -> dict[str, str]:
    """The first href of each <link rel> value."""
    found: dict[str, str] = {}
    for link in links:
        href = (link.get("href") or "").strip()
        if not href:
            continue
        for rel in (link.get("rel") or "").lower().split():
            found.setdefault(rel, href)
    return found


def _first(values: Any) -> str | None:
    return next((v for v in values if v), None)


def _first_meta(meta: dict[str, list[str]], keys: tuple[str, ...]) -> str | None:
    return next((meta[k][0] for k in keys if k in meta), None)


def _first_string(value: Any) -> str | None:
    if isinstance(value, list):
        return next((v for v in value if isinstance(v, str) and v.strip()), None)
    return value if isinstance(value, str) else None


def _text(value: Any) -> str | None:
    """A metadata string as text: entities decoded (often escaped twice), spaces collapsed."""
    if not isinstance(value, str):
        return None
    return normalize_line(html.unescape(html.unescape(value))) or None


def _is_http(url: str) -> bool:
    return urlsplit(url).scheme.lower() in ("http", "https")


def _absolute(address: Any, base: str | None) -> str | None:
    """An http(s) address, resolved against `base`; None for data: URIs, javascript:,
    and relative addresses with nothing to resolve them against."""
    if not isinstance(address, str):
        return None
    address = html.unescape(address.strip())
    if not address or address.startswith(("data:", "javascript:", "#")):
        return None
    try:
        resolved = urljoin(base, address) if base else address
    except ValueError:  # a malformed address ("http://[bad")
        return None
    return resolved if _is_http(resolved) and urlsplit(resolved).netloc else None


def _ld_image(value: Any, by_id: dict[str, dict[str, Any]], depth: int = 0) -> str | None:
    """An image address of a JSON-LD value: a URL string, an ImageObject (`url`,
    `contentUrl`, or an `@id` reference into the graph), or a list of those (the first)."""
    if depth > 3:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        return _first(_ld_image(item, by_id, depth + 1) for item in value)
    if isinstance(value, dict):
        for key in ("url", "contentUrl"):
            found = _ld_image(value.get(key), by_id, depth + 1)
            if found:
                return found
        ref = value.get("@id")
        if isinstance(ref, str) and ref in by_id and by_id[ref] is not value:
            return _ld_image(by_id[ref], by_id, depth + 1)
    return None


def _tags(meta: dict[str, list[str]], keywords: Any) -> tuple[str, ...]:
    """Tags from every source, in order: one-per-meta tags, JSON-LD keywords (a list or a
    comma string), keyword lists in <meta>; each tag once (first spelling kept)."""
    v = _vocabulary()
    raw: list[str] = [t for key in v.tag_meta for t in meta.get(key, [])]
    if isinstance(keywords, list):
        raw.extend(k for k in keywords if isinstance(k, str))
    elif isinstance(keywords, str):
        raw.extend(v.keyword_split.split(keywords))
    for key in v.keyword_meta:
        for value in meta.get(key, []):
            raw.extend(v.keyword_split.split(value))
    tags: list[str] = []
    seen: set[str] = set()
    for item in raw:
        tag = _text(item)
        if not tag or len(tag) > v.tag_max_chars or tag.casefold() in seen:
            continue
        seen.add(tag.casefold())
        tags.append(tag)
    return tuple(tags)


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NON_WORD = re.compile(r"[^a-z]+")


def _class_words(element: lxml_html.HtmlElement) -> str:
    """The words of an element's class and id: "c-byline__authorPhoto" -> "c byline author
    photo"."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return _NON_WORD.sub(" ", _CAMEL.sub(" ", names).lower()).strip()


def _is_picture(img: lxml_html.HtmlElement, region: lxml_html.HtmlElement, v: _Vocabulary) -> bool:
    for side in ("width", "height"):
        size = (img.get(side) or "").strip().removesuffix("px")
        if size.isdigit() and int(size) < v.image_min_pixels:
            return False
    # the image and its ancestors inside the region (the region's own classes describe the
    # article: "article-body ad-free" is no advert)
    node: lxml_html.HtmlElement | None = img
    while node is not None and node is not region:
        if v.image_skip.search(_class_words(node)):
            return False
        node = node.getparent()
    return True


def _in_figure(img: lxml_html.HtmlElement, region: lxml_html.HtmlElement) -> bool:
    node = img.getparent()
    while node is not None:
        if node.tag in ("figure", "picture"):
            return True
        if node is region:
            return False
        node = node.getparent()
    return False


def _img_address(img: lxml_html.HtmlElement, v: _Vocabulary) -> str | None:
    for attribute in v.image_attributes:
        value = (img.get(attribute) or "").strip()
        if attribute.endswith("srcset"):
            value = value.split(",")[0].strip().split(" ")[0] if value else ""
        if value and not value.startswith("data:"):
            return value
    return None
