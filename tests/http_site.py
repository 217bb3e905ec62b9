"""A small web site on 127.0.0.1 for the fetching tests: article pages, an RSS and an Atom feed, and pages that fail
in the usual ways (404, too slow, too large, endless redirects). Started by the test that uses it, in a thread."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"
FIRST, SECOND = ARTICLES / "policy-blog-turkey-drones.txt", ARTICLES / "wire-gaza-strikes.txt"
SLOW_SECONDS = 3.0


def _rss(base: str) -> str:
    items = "".join(f"<item><title>{name}</title><link>{base}news/{name}</link></item>" for name in
                    (FIRST.name, SECOND.name))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>{items}</channel></rss>'


def _atom(base: str) -> str:
    # relative links, resolved against the feed's own address
    entries = "".join(f'<entry><title>{name}</title><id>urn:x:{name}</id><link href="news/{name}"/>'
                      f"<updated>2024-12-03T00:00:00Z</updated></entry>" for name in (FIRST.name,))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Local</title>'
            f"<id>urn:x:feed</id><updated>2024-12-03T00:00:00Z</updated>{entries}</feed>")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:   # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        base = f"http://{self.headers['Host']}/"
        path = self.path
        if path.startswith("/news/") and path[6:] in (FIRST.name, SECOND.name):
            self._send(200, (ARTICLES / path[6:]).read_bytes(), "text/plain; charset=utf-8")
        elif path == "/feed.rss":
            self._send(200, _rss(base).encode(), "application/rss+xml")
        elif path == "/feed.atom":
            self._send(200, _atom(base).encode(), "application/atom+xml")
        elif path == "/not-a-feed":
            self._send(200, b"<html><body><p>Just a page.</p></body></html>", "text/html")
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self._send(200, b"late", "text/plain")
        elif path == "/big":
            self._send(200, b"x" * 300_000, "text/plain")
        elif path == "/big-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()   # no Content-Length: read until the connection closes
            self.wfile.write(b"y" * 300_000)
            self.close_connection = True
        elif path == "/moved":
            self._redirect(f"{base}news/{FIRST.name}")
        elif path == "/loop":
            self._redirect(f"{base}loop")
        else:
            self._send(404, b"not here", "text/plain")

    def _send(self, status: int, body: bytes, media_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up early (a fetch refusing a page too large) is expected here: no trace."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@dataclass(frozen=True)
class HttpSite:
    url: str   # ends in "/"

    def page(self, name: str) -> str:
        return f"{self.url}news/{name}"


@contextmanager
def http_site() -> Iterator[HttpSite]:
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, name="http-site", daemon=True)
    thread.start()
    try:
        yield HttpSite(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
