"""Read any news article file (plain text, HTML, JSON) into an ArticleDoc: its exact body text and metadata.

Metadata precedence, strongest first: overrides (CLI options) > sidecar file X.meta.json > fields of a JSON
input > metadata the HTML declares > what is found in the page text.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from newskg.ingest.errors import ExtractionError, InputError
from newskg.ingest.extract.read.body import body_paragraphs
from newskg.ingest.extract.read.clutter import load_rules
from newskg.ingest.extract.read.decoding import decode
from newskg.ingest.extract.read.fields import PageMetadata
from newskg.ingest.extract.read.htmldoc import read_html
from newskg.ingest.extract.read.jsondoc import read_json, read_sidecar
from newskg.ingest.extract.read.lines import Line
from newskg.ingest.extract.read.metadata import metadata_from_page
from newskg.ingest.extract.read.plaintext import split_page
from newskg.ingest.iris import IriMinter
from newskg.ingest.model import ArticleDoc

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SIDECAR_SUFFIX = ".meta.json"
MAX_SIDECAR_BYTES = 1024 * 1024
HTML_MAX_HEADINGS_IN_GAP = 3  # trafilatura keeps subheadings, which often come in pairs; teasers it mostly drops
PARAGRAPH_SEPARATOR = "\n\n"
FORMAT_BY_SUFFIX = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html", ".json": "json"}
FORMAT_BY_MEDIA_TYPE = {
    "text/plain": "text", "text/html": "html", "application/xhtml+xml": "html", "application/json": "json",
}
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<(?:!doctype )?html)", re.IGNORECASE)
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HTML_TAGS = re.compile(r"<(?:p|div|article|body|span|a|h1|br)[\s>/]", re.IGNORECASE)


@dataclass(frozen=True)
class MetadataOverrides:
    """From CLI options or the API; any field given wins over what is found in the page."""

    title: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] | None = None
    date: datetime.date | None = None
    url: str | None = None

    def as_metadata(self) -> PageMetadata:
        return PageMetadata(title=self.title, publisher=self.publisher, authors=self.authors, date=self.date,
                            url=self.url)


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.stem + SIDECAR_SUFFIX) if path.suffix else path.with_name(path.name + SIDECAR_SUFFIX)


def _is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def article_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, and every file under folders named (sorted, recursive), without sidecars and hidden files."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            found.extend(
                child for child in sorted(path.rglob("*"))
                if child.is_file() and not _is_sidecar(child)
                and not any(part.startswith(".") for part in child.relative_to(path).parts)
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def read_file(path: Path, overrides: MetadataOverrides | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleDoc:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path}: too large ({size} bytes; the limit is {max_bytes})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    given = _sidecar_metadata(path)
    if overrides is not None:
        given = given.overlaid_by(overrides.as_metadata())
    return _read(data, str(path), None, given, max_bytes)


def read_bytes(data: bytes, name: str, media_type: str | None = None, overrides: MetadataOverrides | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> ArticleDoc:
    given = overrides.as_metadata() if overrides is not None else PageMetadata()
    return _read(data, name, media_type, given, max_bytes)


def _sidecar_metadata(path: Path) -> PageMetadata:
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return PageMetadata()
    if sidecar.stat().st_size > MAX_SIDECAR_BYTES:
        raise InputError(f"{sidecar}: too large for a metadata file (limit {MAX_SIDECAR_BYTES} bytes)")
    return read_sidecar(decode(sidecar.read_bytes(), str(sidecar)), str(sidecar))


def _format(name: str, media_type: str | None, text: str) -> str:
    if media_type:
        kind = FORMAT_BY_MEDIA_TYPE.get(media_type.split(";")[0].strip().lower())
        if kind:
            return kind
    kind = FORMAT_BY_SUFFIX.get(Path(name).suffix.lower())
    if kind:
        return kind
    head = text[:4096]
    if head.lstrip().startswith("{"):
        return "json"
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    return "text"


def _declared_charset(data: bytes) -> str | None:
    match = re.search(rb"""<meta[^>]+charset=["']?([\w.:-]+)""", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii") if match else None


def _body_from_page_text(page_text: str, name: str, max_headings: int = 1,
                         cut: bool = False) -> tuple[list[Line], PageMetadata]:
    parts = split_page(page_text, load_rules(), max_headings, cut)
    if not parts.body:
        raise ExtractionError(f"{name}: no article body found (only headings, links and page furniture)")
    return parts.body, metadata_from_page(parts)


def _body_from_html(html: str, name: str) -> tuple[list[Line], PageMetadata]:
    content = read_html(html)
    if content.too_deep:
        raise InputError(f"{name}: HTML nested too deeply (over 255 levels of elements); the page cannot be read whole")
    for text in (content.text, content.fallback_body):
        if text and text.strip():
            try:
                body, found = _body_from_page_text(text, name, HTML_MAX_HEADINGS_IN_GAP)
            except ExtractionError:
                continue
            return body, found.overlaid_by(content.metadata)
    raise ExtractionError(f"{name}: no article body found in the HTML page")


def _xml_safe(value: str) -> str:
    """Without the control characters XML 1.0 cannot carry: SPARQL XML results and RDF/XML must stay well-formed."""
    return _XML_FORBIDDEN.sub("", value)


def _xml_safe_metadata(meta: PageMetadata) -> PageMetadata:
    def clean(value: str | None) -> str | None:
        return _xml_safe(value) if value is not None else None

    return replace(meta, title=clean(meta.title), standfirst=clean(meta.standfirst), publisher=clean(meta.publisher),
                   url=clean(meta.url), dateline=clean(meta.dateline), agency=clean(meta.agency),
                   authors=tuple(_xml_safe(a) for a in meta.authors) if meta.authors is not None else None)


def _read(data: bytes, name: str, media_type: str | None, given: PageMetadata, max_bytes: int) -> ArticleDoc:
    if len(data) > max_bytes:
        raise InputError(f"{name}: too large ({len(data)} bytes; the limit is {max_bytes})")
    suffix_format = FORMAT_BY_SUFFIX.get(Path(name).suffix.lower())
    text = decode(data, name, declared=_declared_charset(data) if suffix_format != "text" else None)
    kind = _format(name, media_type, text)
    if kind == "json":
        article = read_json(text, name)
        if article.text is not None:
            body_lines, found = _body_from_page_text(article.text, name)
        else:
            body_lines, found = _body_from_html(article.html or "", name)
        found = found.overlaid_by(article.metadata)
    elif kind == "html":
        body_lines, found = _body_from_html(text, name)
    else:  # a copied page that does not end in a newline was cut off inside its last line
        body_lines, found = _body_from_page_text(text, name, cut=not text.endswith("\n"))
    meta = _xml_safe_metadata(found.overlaid_by(given))
    paragraphs = body_paragraphs(body_lines, tuple(meta.authors or ()), meta.title)
    body = _xml_safe(PARAGRAPH_SEPARATOR.join(paragraphs))
    if not body.strip():
        raise ExtractionError(f"{name}: no article body found (only control characters)")
    return ArticleDoc(
        key=IriMinter.article_key(meta.url, body),
        text=body,
        title=meta.title,
        standfirst=meta.standfirst,
        publisher=meta.publisher,
        authors=list(meta.authors or ()),
        date=meta.date,
        url=meta.url,
        dateline=meta.dateline,
        agency=meta.agency,
        source_format=kind,
        source_name=Path(name).name,
    )
