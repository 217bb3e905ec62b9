"""One search over the store: actors and other resources by name (forgiving of spelling, api/pages_search.py) and
articles, statements and allegations by their words (the full-text index, kept in step by api/search_sync.py).

Filters name outlets and actors by their IRI or the path of their page (`actor/gur`); an actor may also be named as
a person would type it (`Aleksandr Petrov` for Alexander Petrov), and is then found by the same forgiving name search.
"""

from __future__ import annotations

from dataclasses import dataclass

from newskg.api.context import AppContext
from newskg.api.pages_search import SearchHit, SearchService
from newskg.api.search_documents import KINDS, SparqlDocumentSource
from newskg.api.search_index import SearchIndex, default_index_path
from newskg.api.search_query import ParsedQuery, parse
from newskg.api.search_results import SORTS, Filters, Results, search
from newskg.api.search_sync import SearchSync
from newskg.ingest.errors import InputError
from newskg.ingest.iris import IriMinter

OVERVIEW_SIZE = 5       # hits per kind when every kind is shown
PAGE_SIZE = 20          # hits per page of one kind
ACTOR_KINDS = ("actor", "source")   # the /id/<kind>/ of actors and anonymous sources


def actor_iri(minter: IriMinter, value: str, parameter: str) -> str:
    """An actor's IRI from its IRI or the path of its page: 'actor/gur', '/id/actor/gur' ("" for "")."""
    if not value or minter.is_minted(value):
        return value
    path = value.strip().strip("/").removeprefix("id/")
    if path.count("/") == 1 and path.split("/")[0] in ACTOR_KINDS:
        return str(minter.iri_for_path(f"/id/{path}"))
    raise InputError(f"parameter '{parameter}' must be an actor's IRI or page path (actor/<key>): {value!r}")


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    kind: str = ""
    outlet: str = ""
    actor: str = ""
    actor_type: str = ""
    stance: str = ""
    status: str = ""
    date_from: str = ""
    date_to: str = ""
    page: int = 1
    sort: str = "relevance"

    def __post_init__(self) -> None:
        if self.kind and self.kind not in KINDS:
            raise InputError(f"parameter 'kind' must be one of {', '.join(KINDS)}: {self.kind!r}")
        if self.sort not in SORTS:
            raise InputError(f"parameter 'sort' must be one of {', '.join(SORTS)}: {self.sort!r}")

    @property
    def size(self) -> int:
        return PAGE_SIZE if self.kind else OVERVIEW_SIZE


@dataclass(frozen=True)
class SearchAnswer:
    request: SearchRequest
    query: ParsedQuery
    names: list[SearchHit]          # resources found by name (the first page only)
    results: Results
    filters: Filters                # with outlet and actor as IRIs
    actor_matched: str              # what an actor typed by name matched ("" when it was given by IRI)
    complete: bool                  # False while the index is still catching up with a write


class TextSearch:
    def __init__(self, context: AppContext, names: SearchService) -> None:
        settings = context.settings
        self.minter = context.minter
        self.names = names
        remote = settings.store_url is not None
        self.index = SearchIndex(settings.search_index or default_index_path(settings.store_dir, remote=remote),
                                 temporary=remote and settings.search_index is None)
        self.sync = SearchSync(context.store, self.index, SparqlDocumentSource(context.store, self.minter.id_base))

    def answer(self, request: SearchRequest) -> SearchAnswer:
        actor, matched = self._actor(request.actor)
        filters = Filters(outlet=self._iri(request.outlet, "outlet"), actor=actor, actor_type=request.actor_type,
                          stance=request.stance, status=request.status, date_from=request.date_from,
                          date_to=request.date_to)
        complete = self.sync.bring_up_to_date()
        query = parse(request.q)
        kinds = (request.kind,) if request.kind else KINDS
        results = search(self.index, query, filters, kinds, page=request.page, size=request.size, sort=request.sort)
        with_names = bool(request.q.strip()) and request.page == 1 and not request.kind
        names = self.names.search(request.q) if with_names else []
        if with_names:
            complete = complete and not self.names.cache.stale  # the name index is rebuilt in the background too
        return SearchAnswer(request, query, names, results, filters, matched, complete)

    def _iri(self, value: str, parameter: str) -> str:
        return actor_iri(self.minter, value, parameter)

    def _actor(self, value: str) -> tuple[str, str]:
        if not value:
            return "", ""
        try:
            return self._iri(value, "actor"), ""
        except InputError:
            pass
        for hit in self.names.search(value):
            if hit.kind in ACTOR_KINDS:
                return hit.iri, hit.label
        raise InputError(f"parameter 'actor': no actor is named like {value!r}")

    def close(self) -> None:
        self.index.close()
