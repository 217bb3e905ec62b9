"""Content negotiation: a table of formats and one function. A URL suffix beats a `format` parameter beats Accept.

    choose(request.headers.get("accept"), offered, format=request.query_params.get("format"), suffix=".ttl")

returns one of `offered` (media types, in the server's order of preference) or raises a 406 listing them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from fastapi import HTTPException


@dataclass(frozen=True)
class Format:
    name: str  # short name for ?format= and the CLI
    media_type: str
    suffix: str | None  # URL suffix, with its dot
    aliases: tuple[str, ...] = ()  # other media types clients send for it


FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", ".srj", ("application/json",)),
    Format("xml", "application/sparql-results+xml", ".srx", ("application/xml", "text/xml")),
    Format("csv", "text/csv", ".csv"),
    Format("tsv", "text/tab-separated-values", ".tsv"),
    Format("turtle", "text/turtle", ".ttl", ("application/x-turtle", "application/turtle")),
    Format("ntriples", "application/n-triples", ".nt", ("text/plain",)),
    Format("nquads", "application/n-quads", ".nq", ("text/x-nquads",)),
    Format("trig", "application/trig", ".trig", ("application/x-trig",)),
    Format("jsonld", "application/ld+json", ".jsonld", ("application/json", "application/sparql-results+json")),
    Format("rdfxml", "application/rdf+xml", ".rdf", ("application/xml", "text/xml", "application/sparql-results+xml")),
    Format("html", "text/html", ".html", ("application/xhtml+xml",)),
)

RESULTS_MEDIA_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                       "text/tab-separated-values")
BOOLEAN_MEDIA_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
RDF_MEDIA_TYPES = ("text/turtle", "application/n-triples", "application/n-quads", "application/trig",
                   "application/ld+json", "application/rdf+xml")

_BY_NAME = {f.name: f for f in FORMATS}
_BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS}
_BY_SUFFIX = {f.suffix: f for f in FORMATS if f.suffix}
_NAME_ALIASES = {"rdf": "rdfxml", "ttl": "turtle", "nt": "ntriples", "nq": "nquads", "json-ld": "jsonld",
                 "n-triples": "ntriples", "n-quads": "nquads"}


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float

    def specificity(self, media_type: str) -> int:
        """How closely this range matches the media type: 3 exact, 2 type/*, 1 */*, 0 not at all."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 1
        if self.type == kind and self.subtype == "*":
            return 2
        return 3 if (self.type, self.subtype) == (kind, sub) else 0


def parse_accept(header: str | None) -> list[_Range]:
    ranges: list[_Range] = []
    for part in (header or "").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        if "/" not in media:
            continue
        kind, _, sub = media.lower().partition("/")
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(1.0, max(0.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(_Range(kind, sub, q))
    return ranges


def media_type_for(name_or_type: str) -> str | None:
    """'turtle', 'ttl', 'text/turtle' → 'text/turtle'; None when unknown."""
    key = name_or_type.strip().lower()
    key = _NAME_ALIASES.get(key, key)
    if key in _BY_NAME:
        return _BY_NAME[key].media_type
    if key.startswith("."):
        found = _BY_SUFFIX.get(key)
        return found.media_type if found else None
    return key.split(";")[0].strip() if "/" in key else None


def suffix_for(media_type: str) -> str | None:
    found = _BY_MEDIA_TYPE.get(media_type)
    return found.suffix if found else None


def not_acceptable(offered: Sequence[str], asked: str) -> HTTPException:
    return HTTPException(406, f"cannot produce {asked}; available here: {', '.join(offered)}")


def choose(accept: str | None, offered: Sequence[str], *, format: str | None = None,
           suffix: str | None = None) -> str:
    """The media type to answer with, from `offered` (best first); HTTPException 406 when none is acceptable."""
    for explicit in (suffix, format):
        if explicit:
            wanted = media_type_for(explicit)
            if wanted in offered:
                return wanted  # type: ignore[return-value]
            alias = _alias_target(wanted, offered)
            if alias:
                return alias
            raise not_acceptable(offered, explicit)
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    best, best_q = None, 0.0
    for media_type in offered:
        q = _quality(ranges, media_type)
        if q > best_q:
            best, best_q = media_type, q
    if best is None:
        raise not_acceptable(offered, accept or "")
    return best


def _quality(ranges: list[_Range], media_type: str) -> float:
    """q of the most specific range matching the media type (RFC 9110): an exact match beats an exact match of
    one of its aliases, which beats type/*, which beats */*."""
    best_key, q = (0, 0), 0.0
    for r in ranges:
        specificity = r.specificity(media_type)
        key = (specificity, 1) if specificity else (0, 0)
        if not specificity and any(r.specificity(alias) == 3 for alias in _aliases(media_type)):
            key = (3, 0)
        if key > best_key:
            best_key, q = key, r.q
    return q


def _aliases(media_type: str) -> tuple[str, ...]:
    found = _BY_MEDIA_TYPE.get(media_type)
    return found.aliases if found else ()


def _alias_target(wanted: str | None, offered: Sequence[str]) -> str | None:
    if not wanted:
        return None
    for media_type in offered:
        if wanted in _aliases(media_type):
            return media_type
    return None
