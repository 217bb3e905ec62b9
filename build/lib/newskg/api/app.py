"""create_app(settings) → FastAPI. No work at import time; routers live in their own modules."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI
from newskg.api.auth import announce_write_policy
from newskg.api.context import AppContext
from newskg.api.errors import install_error_handlers
from newskg.ingest import __version__
from newskg.ingest.iris import IriMinter
from newskg.ingest.service_graphs import write_service_graphs
from newskg.ingest.settings import Settings, settings_from_env
from newskg.ingest.store_access import open_configured_store


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or settings_from_env()
    store = open_configured_store(settings)
    context = AppContext(settings=settings, store=store, minter=IriMinter(settings.base_iri))
    write_service_graphs(store, context.minter)
    announce_write_policy(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            for service in context.services.values():
                close = getattr(service, "close", None)
                if close:
                    close()
            store.close()

    app = FastAPI(title="newskg", version=__version__, lifespan=lifespan,
                  description="Knowledge graph of who alleged what, about whom, where it was reported, and who contests it.")
    app.state.context = context
    install_error_handlers(app)
    _include_routers(app, context)
    _document_bad_requests_as_400(app)
    return app


def _document_bad_requests_as_400(app: FastAPI) -> None:
    """FastAPI documents a 422 'Validation Error' on every route with parameters, but api/errors.py answers bad
    parameters with 400; 422 stays only where it is real (POST /articles: the shapes rejected the article)."""
    build = app.openapi

    def openapi() -> dict[str, object]:
        if app.openapi_schema is None:
            schema = build()
            for path, operations in schema.get("paths", {}).items():
                for method, operation in operations.items():
                    responses = operation.get("responses", {})
                    if responses.get("422", {}).get("description") == "Validation Error" and \
                            not (path == "/articles" and method == "post"):
                        del responses["422"]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _include_routers(app: FastAPI, context: AppContext) -> None:
    # imported here so that importing api.app does no work
    from newskg.api import (
        articles,
        claimreview_download,
        dumps,
        feeds,
        gsp,
        jobs,
        middleware,
        network_page,
        pages,
        pages_terms,
        reconcile,
        search,
        sparql,
    )

    middleware.install(app, context)
    app.include_router(sparql.build_router(context))
    app.include_router(gsp.build_router(context))
    app.include_router(articles.build_router(context))
    app.include_router(jobs.build_router(context))
    app.include_router(reconcile.build_router(context))
    app.include_router(feeds.build_router(context))
    app.include_router(search.build_router(context))
    app.include_router(network_page.build_router(context))
    app.include_router(claimreview_download.build_router(context))   # before dumps: not one of its data files
    app.include_router(dumps.build_router(context))
    app.include_router(pages_terms.build_router(context))
    app.include_router(pages.build_router(context))  # last: it owns the catch-all /id/... and / routes
