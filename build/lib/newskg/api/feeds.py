"""Atom feeds: the newest articles and allegations of the whole store, and per actor the allegations against it,
those it made, and its statements. Built from the store on each request (bounded queries), so a feed follows every
write; `updated` is the time of the store's last write, and ETag / If-None-Match spare unchanged downloads."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from fastapi import APIRouter, Request
from fastapi.responses import Response

from newskg.api.context import AppContext
from newskg.api.dataset_version import DatasetVersion
from newskg.api.feed_atom import MEDIA_TYPE, Entry, Feed, atom_document, entry_time
from newskg.api.feed_queries import (ACCUSING, ALLEGATIONS, ARTICLES, EVERY_ALLEGATION, IS_ACTOR, MADE_BY, PARTIES,
                              STATEMENTS_BY)
from newskg.api.openapi_responses import answer
from newskg.api.page_queries import PageQueries, Row, as_int, local_name_of, values_block
from newskg.api.pages_deref import SAFE_SEGMENT
from newskg.api.pages_render import Renderer

LIMIT = 50
ACTOR_KINDS = ("actor", "source")    # the /id/<kind>/ of actors and anonymous sources
# /feeds/<kind>/<key>/<name>.atom → the feed's title
ACTOR_FEEDS = {"allegations-against": "newskg: allegations against {actor}",
               "allegations-by": "newskg: allegations made by {actor}",
               "statements-by": "newskg: statements by {actor}"}


class Feeds:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.minter = context.minter
        self.renderer = Renderer(context.minter)
        self.version: DatasetVersion = context.services.setdefault("dataset_version", DatasetVersion(context.store))

    def page(self, request: Request, iri: str) -> str:
        return str(request.base_url).rstrip("/") + self.renderer.href(iri)

    # --- entries ---------------------------------------------------------------------------------------
    def article_entries(self, request: Request, queries: PageQueries) -> list[Entry]:
        rows = _first_per(queries.select(ARTICLES.replace("$limit", str(LIMIT))), "article")
        labels = queries.labels(r["publisher"] for r in rows if "publisher" in r)
        return [Entry(str(r["article"]), str(r.get("headline") or r.get("label") or "untitled article"),
                      self.page(request, str(r["article"])), entry_time(_text(r, "date")),
                      summary=_text(r, "standfirst"),
                      authors=tuple(labels[p] for p in [str(r.get("publisher", ""))] if p in labels),
                      related=_web_address(_text(r, "url"))) for r in rows]

    def allegation_entries(self, request: Request, queries: PageQueries, selection: str, actor: str | None = None
                           ) -> list[Entry]:
        body = ALLEGATIONS.replace("$selection", selection).replace("$limit", str(LIMIT))
        rows = _first_per(queries.select(body, **({"actor": actor} if actor else {})), "allegation")
        parties: dict[str, dict[str, list[str]]] = {}
        if rows:
            shown = values_block("allegation", [str(r["allegation"]) for r in rows])
            for row in queries.select(PARTIES.replace("$allegations", shown)):
                parties.setdefault(str(row["allegation"]), {}).setdefault(local_name_of(row["role"]), []).append(
                    str(row["actor"]))
        labels = queries.labels([a for roles in parties.values() for members in roles.values() for a in members] +
                                [r["publisher"] for r in rows if "publisher" in r])
        entries = []
        for r in rows:
            iri = str(r["allegation"])
            roles = parties.get(iri, {})
            claimants = [labels.get(a, a) for a in roles.get("claimant", [])]
            accused = [labels.get(a, a) for a in roles.get("accused", [])]
            said = f"Alleged by {', '.join(sorted(claimants)) or _unclaimed(r, labels)}"
            said += f" against {', '.join(sorted(accused))}" if accused else ""
            if r.get("headline"):
                said += f"; reported in “{r['headline']}”"
                said += f" ({labels[str(r['publisher'])]})" if str(r.get("publisher", "")) in labels else ""
            contested = as_int(r.get("contested"))
            said += f"; contested by {contested} statement{'s' if contested != 1 else ''}." if contested else "."
            entries.append(Entry(iri, _text(r, "summary") or "allegation", self.page(request, iri),
                                 entry_time(_text(r, "date")), summary=said, authors=tuple(sorted(claimants)),
                                 categories=tuple(local_name_of(r[k]) for k in ("status", "claimType") if k in r)))
        return entries

    def statement_entries(self, request: Request, queries: PageQueries, actor: str) -> list[Entry]:
        rows = _first_per(queries.select(STATEMENTS_BY.replace("$limit", str(LIMIT)), actor=actor), "statement")
        name = queries.labels([actor]).get(actor, "")
        return [Entry(str(r["statement"]), _text(r, "label") or f"{name} {_text(r, 'cue') or 'said'}",
                      self.page(request, str(r["statement"])), entry_time(_text(r, "date")),
                      summary=_text(r, "exact") + (f" (in “{r['headline']}”)" if r.get("headline") else ""),
                      authors=(name,) if name else (),
                      categories=(local_name_of(r["stance"]),) if "stance" in r else ()) for r in rows]

    # --- documents -------------------------------------------------------------------------------------
    def respond(self, request: Request, feed: Feed) -> Response:
        body = atom_document(feed)
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        headers = {"ETag": etag, "Last-Modified": self.version.current().last_modified, "Cache-Control": "no-cache"}
        if etag in {tag.strip() for tag in request.headers.get("if-none-match", "").split(",")}:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=MEDIA_TYPE, headers=headers)

    def feed(self, request: Request, path: str, title: str, subtitle: str, page: str, entries: list[Entry]
             ) -> Feed:
        updated = datetime.fromtimestamp(self.version.current().modified, tz=timezone.utc)
        return Feed(self.minter.base + path.lstrip("/"), title, subtitle, str(request.base_url).rstrip("/") + path,
                    page, updated, entries)

    def store_feed(self, request: Request, name: str) -> Response:
        queries = PageQueries(self.context.store)
        root = str(request.base_url)
        if name == "articles":
            feed = self.feed(request, "/feeds/articles.atom", "newskg: new articles",
                             f"The {LIMIT} newest articles in the store, by date of publication.", root,
                             self.article_entries(request, queries))
        else:
            feed = self.feed(request, "/feeds/allegations.atom", "newskg: new allegations",
                             f"The {LIMIT} newest allegations in the store: who alleged what against whom.", root,
                             self.allegation_entries(request, queries, EVERY_ALLEGATION))
        return self.respond(request, feed)

    def actor_feed(self, request: Request, kind: str, key: str, name: str) -> Response:
        if kind not in ACTOR_KINDS or not SAFE_SEGMENT.fullmatch(key) or name not in ACTOR_FEEDS:
            return _not_found(f"/feeds/{kind}/{key}/{name}")
        actor = str(self.minter.iri_for_path(f"/id/{kind}/{key}"))
        queries = PageQueries(self.context.store)
        if not queries.ask(IS_ACTOR, actor=actor):
            return _not_found(actor)
        if name == "statements-by":
            entries = self.statement_entries(request, queries, actor)
        else:
            entries = self.allegation_entries(request, queries, ACCUSING if name == "allegations-against" else MADE_BY,
                                              actor)
        title = ACTOR_FEEDS[name].format(actor=queries.labels([actor]).get(actor, key))
        return self.respond(request, self.feed(request, f"/feeds/{kind}/{key}/{name}.atom", title,
                                               f"The {LIMIT} newest, by date of publication.",
                                               self.page(request, actor), entries))


def _first_per(rows: list[Row], key: str) -> list[Row]:
    seen: set[str] = set()
    kept = []
    for row in rows:
        if str(row[key]) not in seen:
            seen.add(str(row[key]))
            kept.append(row)
    return sorted(kept, key=lambda r: (str(r.get("date", "")), str(r[key])), reverse=True)


def _unclaimed(row: Row, labels: dict[str, str]) -> str:
    """Who makes a claim no actor makes (nkg:claimSource): the outlet in its own voice, or no one named."""
    if local_name_of(row.get("claimSource")) == "outlet" and str(row.get("publisher", "")) in labels:
        return labels[str(row["publisher"])] + " itself"
    return "no one named"


def _text(row: Row, key: str) -> str:
    return " ".join(str(row[key]).split()) if key in row else ""


def _web_address(url: str) -> str:
    return url if url.lower().startswith(("http://", "https://")) else ""


def _not_found(what: str) -> Response:
    return Response(f"No feed for {what}\n", status_code=404, media_type="text/plain")


def build_router(context: AppContext) -> APIRouter:
    feeds = Feeds(context)
    router = APIRouter(tags=["feeds"])
    responses = {200: answer("the Atom feed", [MEDIA_TYPE], ["ETag", "Last-Modified"]),
                 304: answer("unchanged since the ETag the request names", headers=["ETag"])}

    @router.get("/feeds/articles.atom", summary="Atom feed of the newest articles", response_class=Response,
                responses=responses)
    def articles(request: Request) -> Response:
        return feeds.store_feed(request, "articles")

    @router.get("/feeds/allegations.atom", summary="Atom feed of the newest allegations", response_class=Response,
                responses=responses)
    def allegations(request: Request) -> Response:
        return feeds.store_feed(request, "allegations")

    @router.get("/feeds/{kind}/{key}/{name}.atom", response_class=Response,
                summary="Atom feed of one actor: allegations-against, allegations-by or statements-by "
                        "(kind: actor or source, as in its IRI /id/<kind>/<key>)",
                responses={**responses, 404: answer("no such actor or feed", ["text/plain"])})
    def actor_feed(request: Request, kind: str, key: str, name: str) -> Response:
        return feeds.actor_feed(request, kind, key, name)

    return router
