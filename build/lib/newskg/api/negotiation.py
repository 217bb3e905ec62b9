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
    # N3 is a superset of Turtle, so a Turtle document is an answer to a client that asks for N3
    Format("turtle", "text/turtle", ".ttl", ("application/x-turtle", "application/turtle", "text/n3", "text/rdf+n3",
                                             "application/n3")),
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
_NAME_ALIASES = {"rdf": "rdfxml", "rdf+xml": "rdfxml", "ttl": "turtle", "n3": "turtle", "nt": "ntriples",
                 "nq": "nquads", "json-ld": "jsonld", "n-triples": "ntriples", "n-quads": "nquads"}


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


def choose(accept: str | None, offered: Sequence[str], *, format: str | Sequence[str] | None = None,
           suffix: str | None = None) -> str:
    """The media type to answer with, from `offered` (best first); HTTPException 406 when none is acceptable.

    `format` may be repeated (SPARQLWrapper sends `format=tsv&format=text/tab-separated-values`): values that name
    the same media type agree. When they name different ones, or none that is offered here, an Accept header that
    names an offered type decides; without one that is a 400 (disagreeing values) or a 406.
    """
    if suffix:
        wanted = _offered_match(suffix, offered)
        if wanted is None:
            raise not_acceptable(offered, suffix)
        return wanted
    formats = [f for f in ([format] if isinstance(format, str) else format or ()) if f.strip()]
    named = list(dict.fromkeys(m for m in (_offered_match(f, offered) for f in formats) if m is not None))
    if len(named) == 1:
        return named[0]
    ranges = parse_accept(accept)
    if formats:
        decided = _best(ranges, named or offered, specific=True)
        if decided is not None:
            return decided
        if named:
            raise HTTPException(400, f"the 'format' parameters ask for different media types ({', '.join(named)}); "
                                     "send one, or values that agree")
        raise not_acceptable(offered, ", ".join(formats))
    if not ranges:
        return offered[0]
    best = _best(ranges, offered, specific=False)
    if best is None:
        raise not_acceptable(offered, accept or "")
    return best


def _offered_match(name_or_type: str, offered: Sequence[str]) -> str | None:
    """The offered media type a format name, suffix or media type stands for (directly or as an alias)."""
    wanted = media_type_for(name_or_type)
    if wanted in offered:
        return wanted
    return _alias_target(wanted, offered)


def _best(ranges: list[_Range], offered: Sequence[str], *, specific: bool) -> str | None:
    """The offered type with the highest q (the first on a tie); with specific=True only types the ranges name
    exactly or by an alias count (*/* and text/* decide nothing)."""
    best, best_q = None, 0.0
    for media_type in offered:
        q, specificity = _quality(ranges, media_type)
        if q > best_q and (specificity == 3 or not specific):
            best, best_q = media_type, q
    return best


def _quality(ranges: list[_Range], media_type: str) -> tuple[float, int]:
    """q of the most specific range matching the media type (RFC 9110), and how specific that range is: an exact
    match beats an exact match of one of its aliases, which beats type/*, which beats */*."""
    best_key, q = (0, 0), 0.0
    for r in ranges:
        specificity = r.specificity(media_type)
        key = (specificity, 1) if specificity else (0, 0)
        if not specificity and any(r.specificity(alias) == 3 for alias in _aliases(media_type)):
            key = (3, 0)
        if key > best_key:
            best_key, q = key, r.q
    return q, best_key[0]


def _aliases(media_type: str) -> tuple[str, ...]:
    found = _BY_MEDIA_TYPE.get(media_type)
    return found.aliases if found else ()


def _alias_target(wanted: str | None, offered: Sequence[str]) -> str | None:
    if not wanted:
        return None
    for media_type in offered:   # format=json names SPARQL results JSON, whose alias a page may offer instead
        if wanted in _aliases(media_type) or media_type in _aliases(wanted):
            return media_type
    return None
