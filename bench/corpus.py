"""A reproducible corpus of distinct, realistic news articles for benchmarks: generate_article(seed, index).

Each article is composed from the grammar (bench/data/stories.toml) about a made-up world (bench/data/world.toml):
600–1,500 words of body with officials, experts, anonymous sources, outlets and states; direct and reported speech
with varied cues; allegations and denials; dates and places — wrapped in the clutter of a copied page (newsletter
sign-ups, "Read More" teasers, captions and credits, pull quotes, teasers of other stories, footers). About three in
four are plain text, the rest saved HTML or scraper JSON. Article i depends only on (seed, i).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

from bench.corpus_page import make_page, render_html, render_json, render_text
from bench.corpus_story import Body, StoryWriter
from bench.corpus_world import build_world

FORMATS = (("text", ".txt", 0.75), ("html", ".html", 0.15), ("json", ".json", 0.10))
FIRST_DAY = date(2023, 1, 1)


@dataclass(frozen=True)
class GeneratedArticle:
    index: int
    fmt: str                        # text | html | json
    name: str                       # file name
    content: str                    # the file's content
    title: str
    publisher: str
    published: date
    body_text: str                  # the article body alone (paragraphs joined by blank lines)
    actors: tuple[str, ...]         # labels of the actors the body names
    quotes: tuple[str, ...]         # direct quotes in the body
    clutter: tuple[str, ...]        # clutter lines of the page

    @property
    def body_words(self) -> int:
        return len(self.body_text.split())


def _teasers(seed: int, index: int, count: int) -> list[tuple[str, str]]:
    """Headlines and first sentences of other stories, as teasers at the end of a page."""
    world = build_world(seed)
    teasers = []
    for n in range(count):
        rng = random.Random(f"teaser:{seed}:{index}:{n}")
        writer = StoryWriter(world, rng, FIRST_DAY, "")
        body = writer.write(0)
        teasers.append((body.title, body.paragraphs[0]))
    return teasers


def generate_article(seed: int, index: int) -> GeneratedArticle:
    rng = random.Random(f"article:{seed}:{index}")
    world = build_world(seed)
    published = FIRST_DAY + timedelta(days=rng.randrange(3 * 365))
    outlet = rng.choice(world.outlets)
    body: Body = StoryWriter(world, rng, published, outlet).write(rng.randint(650, 1400))
    page = make_page(body, world, rng, outlet, published, _teasers(seed, index, rng.randint(3, 6)))
    roll = rng.random()
    fmt, suffix = next(((f, s) for f, s, share in _cumulative() if roll < share), ("text", ".txt"))
    render = {"text": render_text, "html": render_html, "json": render_json}[fmt]
    return GeneratedArticle(index=index, fmt=fmt, name=f"article-{index:06d}{suffix}", content=render(body, page, rng),
                            title=body.title, publisher=outlet, published=published,
                            body_text="\n\n".join(body.paragraphs), actors=tuple(body.actors),
                            quotes=tuple(q for q, _ in body.quotes), clutter=tuple(page.clutter_lines()))


def _cumulative() -> list[tuple[str, str, float]]:
    total, out = 0.0, []
    for fmt, suffix, share in FORMATS:
        total += share
        out.append((fmt, suffix, total))
    return out


def generate_corpus(seed: int, count: int, start: int = 0) -> Iterator[GeneratedArticle]:
    for index in range(start, start + count):
        yield generate_article(seed, index)


def write_corpus(directory: Path, seed: int, count: int, start: int = 0) -> list[Path]:
    """Write articles start..start+count-1 to directory (created), one file each; returns the paths in order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in generate_corpus(seed, count, start):
        path = directory / article.name
        path.write_text(article.content, encoding="utf-8")
        paths.append(path)
    return paths
