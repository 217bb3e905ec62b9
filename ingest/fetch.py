"""Article pages and RSS/Atom feeds over HTTP, for `newskg ingest URL` and `newskg ingest --feed URL`.

Every fetch is bounded: a size limit (the article size limit, NEWSKG_MAX_BODY_BYTES), checked on the declared length
and again while reading; a time limit for the whole fetch (NEWSKG_FETCH_TIMEOUT); at most MAX_REDIRECTS redirects.
Every failure is a FetchError naming the URL and what went wrong. Only what the user names is fetched.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from newskg.ingest import __version__
from newskg.ingest.errors import FetchError

if TYPE_CHECKING:
    import httpx

MAX_REDIRECTS = 5
USER_AGENT = f"newskg/{__version__} (+https://w3id.org/newskg)"


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int
    seconds: float


@dataclass(frozen=True)
class FetchedPage:
    url: str                  # where the content came from, after redirects
    data: bytes
    media_type: str | None    # from Content-Type, without parameters


def is_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def fetch(url: str, limits: FetchLimits) -> FetchedPage:
    if not is_url(url):
        raise FetchError(f"{url}: not an http:// or https:// address")
    import httpx  # imported by the first fetch: reading a file (`newskg extract FILE`) needs no HTTP client

    deadline = time.monotonic() + limits.seconds
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=limits.seconds,
                          headers={"User-Agent": USER_AGENT}) as client, client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url}: the server answered {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limits.max_bytes:
                raise FetchError(f"{url}: too large ({int(declared)} bytes; the limit is {limits.max_bytes})")
            data = _read_bounded(response, url, limits, deadline)
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower() or None
            return FetchedPage(str(response.url), data, media_type)
    except httpx.TimeoutException:
        raise FetchError(f"{url}: no answer within {limits.seconds:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.HTTPError as error:
        raise FetchError(f"{url}: cannot fetch ({_reason(error)})") from None


def feed_links(url: str, limits: FetchLimits) -> list[str]:
    """The article addresses an RSS or Atom feed lists, in its order, each once."""
    import feedparser  # only a feed needs it

    page = fetch(url, limits)
    parsed = feedparser.parse(page.data, response_headers={"content-location": page.url})
    if not parsed.entries:
        raise FetchError(f"{url}: not an RSS or Atom feed with entries")
    links = [urljoin(page.url, entry.link) for entry in parsed.entries if entry.get("link")]
    if not links:
        raise FetchError(f"{url}: the feed's entries have no links to articles")
    return list(dict.fromkeys(links))


def _read_bounded(response: httpx.Response, url: str, limits: FetchLimits, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(f"{url}: too large (more than {limits.max_bytes} bytes)")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: not received within {limits.seconds:g} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(error: httpx.HTTPError) -> str:
    cause = error.__context__ or error.__cause__
    text = str(cause or error) or type(error).__name__
    return text.split("] ", 1)[-1] if text.startswith("[Errno") else text
