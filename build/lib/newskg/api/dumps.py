"""Downloads: the whole dataset in five RDF syntaxes and in the formats of analysts' tools (STIX 2.1, ClaimReview;
see exports/), gzip on request, served from files built once per version of the store (api/dump_cache.py); the
ontology and shapes files; and /dumps, the page listing them. One article's graph is at its graph IRI
(/graph/article/<key>.ttl).

Dumps carry ETag and Last-Modified from the store's write count, answer conditional requests with 304 (without
building anything) and Range requests with 206.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from newskg.api.context import AppContext
from newskg.api.dataset_version import DatasetVersion
from newskg.api.dump_cache import DumpCache, default_cache_dir
from newskg.api.openapi_responses import answer
from newskg.api.pages_render import Renderer
from newskg.exports.formats import TOOL_FORMATS, ToolFormat
from newskg.ingest.resources import REGISTRY_FILES, ontology_files, shape_files
from newskg.store.terms import rdf_format


@dataclass(frozen=True)
class DumpFormat:
    suffix: str
    media_type: str
    name: str
    quads: bool     # keeps the named graphs (one per article)


DUMP_FORMATS = [
    DumpFormat("nq", "application/n-quads", "N-Quads", True),
    DumpFormat("trig", "application/trig", "TriG", True),
    DumpFormat("ttl", "text/turtle", "Turtle", False),
    DumpFormat("nt", "application/n-triples", "N-Triples", False),
    DumpFormat("jsonld", "application/ld+json", "JSON-LD", True),
]
DUMP_BY_SUFFIX = {f.suffix: f for f in DUMP_FORMATS}
TOOL_BY_SUFFIX = {f.suffix: f for f in TOOL_FORMATS}
DOWNLOAD_MEDIA_TYPES = sorted({*(f.media_type for f in [*DUMP_FORMATS, *TOOL_FORMATS]), "application/gzip"})
DATASET_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: answer("the dump (built on the first request after a write, then served from a file)", DOWNLOAD_MEDIA_TYPES,
                ["ETag", "Last-Modified", "Content-Disposition", "Content-Length", "Accept-Ranges"]),
    206: answer("the byte range the Range header asked for", DOWNLOAD_MEDIA_TYPES, ["Content-Range"]),
    304: answer("not modified since the ETag or date the request names", headers=["ETag", "Last-Modified"]),
    404: answer("no dump in that format", ["text/plain"]),
}
DUMP_NAME = "newskg"


def dump_path(fmt: DumpFormat | ToolFormat, gzipped: bool = False) -> str:
    return f"/dumps/{DUMP_NAME}.{fmt.suffix}" + (".gz" if gzipped else "")


def data_files() -> dict[str, dict[str, Path]]:
    """The files offered for download, by folder; names are looked up here, never joined to a path."""
    return {"ontology": {p.name: p for p in [*ontology_files(), *REGISTRY_FILES] if p.is_file()},
            "shapes": {p.name: p for p in shape_files()}}


def _accepts_gzip(request: Request) -> bool:
    for part in request.headers.get("accept-encoding", "").split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in {"gzip", "x-gzip"} and params.replace(" ", "") not in {"q=0", "q=0.0"}:
            return True
    return False


class DumpFileResponse(FileResponse):
    chunk_size = 1 << 20  # fewer thread hops per byte than starlette's 64 KiB


class Dumps:
    def __init__(self, context: AppContext) -> None:
        self.store = context.store
        self.version = context.services.setdefault("dataset_version", DatasetVersion(context.store))
        self.renderer = Renderer(context.minter)
        settings = context.settings
        directory = settings.dump_cache_dir or default_cache_dir(settings.store_dir, remote=settings.store_url is not None)
        self.cache = DumpCache(context.store, directory, {f.suffix: rdf_format(f.media_type) for f in DUMP_FORMATS},
                               {f.suffix: self._builder(f, context.minter.base) for f in TOOL_FORMATS})

    def _builder(self, fmt: ToolFormat, base_iri: str) -> Callable[[Path], None]:
        def build(path: Path) -> None:
            with path.open("wb") as output:
                fmt.write(self.store, output, base_iri)

        return build

    def dataset(self, request: Request, suffix: str) -> Response:
        gz_file = suffix.endswith(".gz")
        fmt = DUMP_BY_SUFFIX.get(suffix.removesuffix(".gz")) or TOOL_BY_SUFFIX.get(suffix.removesuffix(".gz"))
        if fmt is None:
            return Response(f"No dump {DUMP_NAME}.{suffix}; available: "
                            f"{', '.join(dump_path(f) for f in [*DUMP_FORMATS, *TOOL_FORMATS])} (add .gz for gzip)\n",
                            status_code=404, media_type="text/plain")
        version = self.version.current()
        encode = not gz_file and _accepts_gzip(request)
        gzipped = gz_file or encode
        variant = fmt.suffix + ("-gz" if gzipped else "")
        headers = {"ETag": version.etag(variant), "Last-Modified": version.last_modified,
                   "Cache-Control": "no-cache", "Vary": "Accept-Encoding",
                   "Content-Disposition": f'attachment; filename="{DUMP_NAME}.{suffix}"'}
        if encode:
            headers["Content-Encoding"] = "gzip"
        media_type = "application/gzip" if gz_file else fmt.media_type
        if version.not_modified(request.headers, variant):
            return Response(status_code=304, headers=headers)
        if request.method == "HEAD":  # no build for a HEAD; the length is known once the file exists
            path = self.cache.cached(fmt.suffix, gzipped, version.tag)
            if path is None:
                return Response(status_code=200, headers=headers, media_type=media_type)
        else:
            path = self.cache.get(fmt.suffix, gzipped, version.tag)
        return DumpFileResponse(path, media_type=media_type, headers=headers)

    def data_file(self, request: Request, folder: str, name: str) -> Response:
        path = data_files().get(folder, {}).get(name)
        if path is None:
            return Response(f"No file {folder}/{name}\n", status_code=404, media_type="text/plain")
        return FileResponse(path, media_type="text/turtle; charset=utf-8",
                            headers={"Content-Disposition": f'inline; filename="{path.name}"'})

    def listing(self) -> Response:
        return self.renderer.page("dumps.html", title="Downloads", formats=DUMP_FORMATS, tool_formats=TOOL_FORMATS,
                                  dump_path=dump_path, files=data_files(), version=self.version.current())


def build_router(context: AppContext) -> APIRouter:
    dumps = Dumps(context)
    router = APIRouter(tags=["downloads"])

    @router.get("/dumps", summary="The downloads on offer", response_class=Response,
                responses={200: answer("the downloads page", ["text/html"])})
    def listing() -> Response:
        return dumps.listing()

    def dataset(request: Request, suffix: str) -> Response:
        return dumps.dataset(request, suffix)

    # one route per method, so that each is one operation with its own ID in the OpenAPI document
    for method in ("GET", "HEAD"):
        router.add_api_route("/dumps/newskg.{suffix}", dataset, methods=[method], response_class=Response,
                             operation_id=f"dataset_dump_{method.lower()}", responses=DATASET_RESPONSES,
                             summary="The whole dataset: nq, trig (with named graphs), ttl, nt, jsonld; "
                                     "stix.json (STIX 2.1), claimreview.jsonld (schema.org); add .gz for gzip")

    @router.get("/dumps/{folder}/{name}", summary="An ontology or shapes file, as stored in the repository",
                response_class=Response, responses={200: answer("the Turtle file", ["text/turtle"]),
                                                    404: answer("no such file", ["text/plain"])})
    def data_file(request: Request, folder: str, name: str) -> Response:
        return dumps.data_file(request, folder, name)

    from newskg.api import void  # void imports this module's table of formats

    router.include_router(void.build_router(context, dumps.renderer))
    return router
