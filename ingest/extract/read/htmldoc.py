"""An HTML page → the text of its main content (by trafilatura) and the metadata the page declares
(JSON-LD NewsArticle, Open Graph and meta tags, and what trafilatura found)."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newskg.ingest.extract.read.fields import PageMetadata, parse_date

if TYPE_CHECKING:
    import lxml.html

ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "scholarlyarticle",
}


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses str input that declares an encoding


@dataclass(frozen=True)
class HtmlContent:
    text: str  # the main content, one paragraph or heading a line
    metadata: PageMetadata
    fallback_body: str | None  # JSON-LD articleBody, for pages trafilatura cannot read
    too_deep: bool = False  # libxml2 stopped at its nesting limit: the rest of the page was never read


def _json_ld_objects(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))


def _is_article(obj: dict[str, Any]) -> bool:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in ARTICLE_TYPES for k in kinds)


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list) and value:
        return _name(value[0])
    return value.strip() if isinstance(value, str) and value.strip() else None


def _names(value: Any) -> tuple[str, ...] | None:
    items = value if isinstance(value, list) else [value]
    names = tuple(n for n in (_name(item) for item in items) if n)
    return names or None


def _date(value: Any) -> datetime.date | None:
    return parse_date(value) if isinstance(value, str) else None


def _page_id(value: Any) -> str | None:
    return _name(value.get("@id")) if isinstance(value, dict) else _name(value)


def _from_json_ld(tree: lxml.html.HtmlElement) -> tuple[PageMetadata, str | None]:
    article = next((obj for obj in _json_ld_objects(tree) if _is_article(obj)), None)
    if article is None:
        return PageMetadata(), None
    body = article.get("articleBody")
    return PageMetadata(
        title=_name(article.get("headline")),
        standfirst=_name(article.get("description")),
        publisher=_name(article.get("publisher")),
        authors=_names(article.get("author")),
        date=_date(article.get("datePublished")) or _date(article.get("dateCreated")),
        url=_name(article.get("url")) or _page_id(article.get("mainEntityOfPage")),
    ), body if isinstance(body, str) and body.strip() else None


def _meta(tree: lxml.html.HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            values = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if values and values[0].strip():
                return str(values[0]).strip()
    return None


def _from_meta_tags(tree: lxml.html.HtmlElement) -> PageMetadata:
    author = _meta(tree, "author", "article:author", "byl", "parsely-author", "sailthru.author")
    published = _meta(
        tree,
        "article:published_time",
        "datePublished",
        "pubdate",
        "publish-date",
        "date",
        "dc.date",
        "DC.date.issued",
        "parsely-pub-date",
    )
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    return PageMetadata(
        title=_meta(tree, "og:title", "twitter:title"),
        standfirst=_meta(tree, "og:description", "description", "twitter:description"),
        publisher=_meta(tree, "og:site_name", "application-name", "publisher"),
        authors=tuple(a.strip() for a in author.split(",") if a.strip())
        if author and not author.startswith("http")
        else None,
        date=_date(published),
        url=_meta(tree, "og:url") or (str(canonical[0]).strip() if canonical else None),
    )


def _text_field(document: dict[str, Any], key: str) -> str | None:
    value = document.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _from_trafilatura(html: str) -> tuple[str, PageMetadata]:
    import trafilatura  # imported by the first HTML page: plain-text articles never need it

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, as_dict=True
    )
    if not isinstance(document, dict):
        return "", PageMetadata()
    author = _text_field(document, "author") or ""
    return _text_field(document, "text") or "", PageMetadata(
        title=_text_field(document, "title"),
        standfirst=_text_field(document, "description"),
        publisher=_text_field(document, "sitename"),
        authors=tuple(a.strip() for a in author.split(";") if a.strip()) or None,
        date=_date(document.get("date")),
        url=_text_field(document, "url"),
    )


def read_html(html: str) -> HtmlContent:
    """Declared metadata wins over trafilatura's guesses: JSON-LD, then meta tags, then trafilatura."""
    import lxml.html
    from lxml.etree import ParserError

    parser = lxml.html.HTMLParser()
    try:
        tree = lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1), parser=parser)
    except (ParserError, ValueError):
        tree = None
    too_deep = any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log)
    text, guessed = _from_trafilatura(html)
    if tree is None:
        return HtmlContent(text=text, metadata=guessed, fallback_body=None, too_deep=too_deep)
    json_ld, body = _from_json_ld(tree)
    metadata = guessed.overlaid_by(_from_meta_tags(tree)).overlaid_by(json_ld)
    return HtmlContent(text=text, metadata=metadata, fallback_body=body, too_deep=too_deep)
