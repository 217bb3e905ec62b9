"""Dereferencing minted IRIs: which representation a request wants, and the RDF twins of resources and graphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import Response, StreamingResponse

from newskg.api.dump_stream import stream_dump
from newskg.api.negotiation import choose
from newskg.api.page_queries import DESCRIBE, PREFIXES, PageQueries
from newskg.api.pages_render import GRAPH_ALTERNATES, RDF_ALTERNATES, link_header
from newskg.ingest.formats import RDF_BY_MEDIA_TYPE
from newskg.store.interface import Store

RESOURCE_MEDIA_TYPES = ("text/html",) + tuple(media for _, media, _ in RDF_ALTERNATES)
GRAPH_MEDIA_TYPES = ("text/html",) + tuple(media for _, media, _ in GRAPH_ALTERNATES)
SAFE_SEGMENT = re.compile(r"[A-Za-z0-9._~-]{1,200}")
_SUFFIXES = {"." + suffix for suffix, _, _ in GRAPH_ALTERNATES} | {".html"}
# Turtle and TriG are read by people: give them the usual prefixes
_PREFIXED = {ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG}


@dataclass(frozen=True)
class Wanted:
    path: str              # the resource's path without suffix, e.g. /id/actor/x
    media_type: str
    by_suffix: bool

    @property
    def html(self) -> bool:
        return self.media_type == "text/html"


def split_suffix(path: str) -> tuple[str, str | None]:
    """'/id/actor/x.ttl' → ('/id/actor/x', '.ttl'); only the suffixes of RDF formats and .html are taken."""
    stem, dot, ext = path.rpartition(".")
    if dot and "/" not in ext and f".{ext}" in _SUFFIXES:
        return stem, f".{ext}"
    return path, None


def wanted(request: Request, path: str, offered: tuple[str, ...]) -> Wanted:
    stem, suffix = split_suffix(path)
    media = choose(request.headers.get("accept"), offered, format=request.query_params.get("format"), suffix=suffix)
    return Wanted(stem, media, suffix is not None)


def representation_headers(want: Wanted, alternates: list[tuple[str, str, str]]) -> dict[str, str]:
    headers = {"Link": link_header(want.path, alternates)}
    if not want.by_suffix:
        headers["Vary"] = "Accept"
    return headers


def _filename(want: Wanted) -> str:
    syntax = RDF_BY_MEDIA_TYPE[want.media_type]
    return want.path.strip("/").replace("/", "-") + "." + syntax.suffix


def resource_rdf(queries: PageQueries, iri: str, want: Wanted) -> Response:
    """The resource's description: its own triples and the triples pointing at it."""
    return triples_rdf(queries.construct(DESCRIBE, s=iri), want)


def triples_rdf(triples: Iterable[ox.Triple], want: Wanted, prefixes: Mapping[str, str] = PREFIXES) -> Response:
    """A description in the format wanted, with its Link and Content-Disposition headers."""
    syntax = RDF_BY_MEDIA_TYPE[want.media_type]
    body = ox.serialize(triples, format=syntax.oxigraph,
                        prefixes=dict(prefixes) if syntax.oxigraph in _PREFIXED else None)
    headers = representation_headers(want, RDF_ALTERNATES)
    headers["Content-Disposition"] = f'inline; filename="{_filename(want)}"'
    return Response(body, media_type=_with_charset(want.media_type), headers=headers)


def graph_rdf(store: Store, graph: str, want: Wanted, head_only: bool = False) -> Response:
    """A named graph's content, streamed (a graph can be large: the ontology, or one written over GSP)."""
    headers = representation_headers(want, GRAPH_ALTERNATES)
    headers["Content-Disposition"] = f'inline; filename="{_filename(want)}"'
    if head_only:
        return Response(headers=headers, media_type=_with_charset(want.media_type))
    chunks = stream_dump(lambda output: store.dump(output, want.media_type, graph=graph))  # type: ignore[arg-type]
    return StreamingResponse(chunks, media_type=_with_charset(want.media_type), headers=headers)


def _with_charset(media_type: str) -> str:
    return media_type + "; charset=utf-8" if media_type.startswith("text/") else media_type
