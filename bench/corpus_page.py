"""Wrap a story's body in the page around it, as a copied page (plain text with clutter), saved HTML, or scraper JSON."""

from __future__ import annotations

import html
import json
import random
from dataclasses import dataclass
from datetime import date

from bench.corpus_story import MONTHS, WEEKDAYS, Body
from bench.corpus_world import World, load_toml


@dataclass(frozen=True)
class Page:
    """What surrounds the body: metadata and the clutter blocks (each a list of lines)."""

    outlet: str
    section: str
    url: str
    authors: tuple[str, ...]
    dateline_city: str
    published: date
    header: tuple[tuple[str, ...], ...]
    inserts: dict[int, tuple[str, ...]]   # clutter block inserted after body paragraph i
    captions: tuple[str, ...]
    tail: tuple[tuple[str, ...], ...]     # end-of-page blurb, teasers of other stories, footer

    def clutter_lines(self) -> list[str]:
        blocks = [*self.header, *self.inserts.values(), *self.tail]
        return [line for block in blocks for line in block if line] + list(self.captions)


def _fill(pattern: str, values: dict[str, str]) -> str:
    return pattern.format(**values)


def make_page(body: Body, world: World, rng: random.Random, outlet: str, published: date,
              teasers: list[tuple[str, str]]) -> Page:
    clutter = load_toml("clutter.toml")
    section = rng.choice(clutter["sections"])
    state = rng.choice(world.states)
    values = {"outlet": outlet, "section": section, "place": rng.choice(body.places), "capital": state.capital,
              "day": str(published.day), "month": MONTHS[published.month - 1], "credit": rng.choice(clutter["credits"]),
              "photographer": rng.choice(world.photographers), "year": str(published.year), "state": state.short}
    header = tuple(tuple(_fill(line, values) for line in block)
                   for block in rng.sample(clutter["header"], rng.randint(1, 3)))
    captions = tuple(_fill(rng.choice(clutter["captions"]), values) for _ in range(rng.randint(1, 2)))
    inserts: dict[int, tuple[str, ...]] = {}
    slots = list(range(2, max(3, len(body.paragraphs) - 1)))
    rng.shuffle(slots)
    inserts[slots.pop()] = tuple(_fill(line, values) for line in rng.choice(clutter["newsletter"]))
    for _ in range(rng.randint(1, 2)):
        inserts[slots.pop()] = tuple(rng.choice(clutter["inline"]))
    for headline, _ in teasers[:rng.randint(1, 2)]:
        inserts[slots.pop()] = (headline, rng.choice(clutter["read_more"]))
    if body.quotes and slots:
        quote, speaker = rng.choice(body.quotes)
        inserts[slots.pop()] = (f"'{quote}'", f"- {speaker}" if speaker else "")
    tail: list[tuple[str, ...]] = [(_fill(rng.choice(clutter["end_blurb"]), values),)]
    kicker = rng.choice(clutter["teaser_kickers"])
    for headline, first_sentence in teasers[2:]:
        tail.append((headline, rng.choice(clutter["sections"]), first_sentence, kicker))
    tail.extend(tuple(_fill(line, values) for line in block) for block in rng.sample(clutter["footer"], 2))
    authors = tuple(rng.sample([p.name for p in world.journalists], rng.choice([1, 1, 2])))
    slug = "-".join(body.title.lower().replace("?", "").replace(":", "").replace("'", "").split()[:8])
    host = "".join(c for c in outlet.lower() if c.isalnum())
    url = f"https://{host}.example/{section.lower().replace(' ', '-')}/{slug}-{rng.randrange(10**6):06d}"
    return Page(outlet, section, url, authors, rng.choice(body.places), published, header, inserts, captions,
                tuple(tail))


def _date_line(published: date, rng: random.Random) -> str:
    weekday = WEEKDAYS[published.weekday()]
    month = MONTHS[published.month - 1]
    return rng.choice([f"Published date: {weekday} {published.day} {month} {published.year} "
                       f"{rng.randint(6, 22):02d}:{rng.randrange(60):02d} UTC",
                       f"{month} {published.day}, {published.year}", f"{published.day} {month} {published.year}"])


def render_text(body: Body, page: Page, rng: random.Random) -> str:
    lines: list[str] = [line for block in page.header for line in (*block, "")]
    lines += [body.title, "", body.standfirst, *page.captions]
    byline = " and ".join(page.authors)
    lines += [rng.choice([f"By {byline} in {page.dateline_city}", f"By {byline}", f"Reporting | {page.outlet}"]),
              _date_line(page.published, rng), ""]
    for index, paragraph in enumerate(body.paragraphs):
        lines += [paragraph, ""]
        if index in page.inserts:
            lines += [*page.inserts[index], ""]
    for block in page.tail:
        lines += [*block, ""]
    return "\n".join(lines).rstrip() + "\n"


def render_html(body: Body, page: Page, rng: random.Random) -> str:
    esc = html.escape
    stamp = f"{page.published.isoformat()}T{rng.randint(6, 22):02d}:{rng.randrange(60):02d}:00Z"
    nav = "".join(f"<li><a href=\"/{esc(line.lower())}\">{esc(line)}</a></li>" for line in page.header[0] if line)
    parts = [f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{esc(body.title)} | {esc(page.outlet)}</title>",
             f"<meta property=\"og:title\" content=\"{esc(body.title)}\">",
             f"<meta property=\"og:site_name\" content=\"{esc(page.outlet)}\">",
             f"<meta name=\"description\" content=\"{esc(body.standfirst)}\">",
             *(f"<meta name=\"author\" content=\"{esc(a)}\">" for a in page.authors),
             f"<meta property=\"article:published_time\" content=\"{stamp}\">",
             f"<link rel=\"canonical\" href=\"{esc(page.url)}\"></head><body>",
             f"<header><nav><ul>{nav}</ul></nav></header><main><article>",
             f"<h1>{esc(body.title)}</h1><p class=\"standfirst\">{esc(body.standfirst)}</p>",
             f"<figure><img src=\"/img/lead.jpg\" alt=\"\"><figcaption>{esc(page.captions[0])}</figcaption></figure>",
             f"<p class=\"byline\">By {esc(' and '.join(page.authors))}</p><time datetime=\"{stamp}\">{esc(_date_line(page.published, rng))}</time>"]
    for index, paragraph in enumerate(body.paragraphs):
        parts.append(f"<p>{esc(paragraph)}</p>")
        if index in page.inserts:
            inner = "".join(f"<p>{esc(line)}</p>" for line in page.inserts[index] if line)
            parts.append(f"<aside class=\"promo\">{inner}</aside>")
    parts.append("</article><section class=\"related\"><h2>More stories</h2><ul>")
    parts += [f"<li><a href=\"/story/{i}\">{esc(block[0])}</a></li>" for i, block in enumerate(page.tail[1:-2])]
    parts.append(f"</ul></section></main><footer><p>{esc(page.tail[-1][0])}</p></footer></body></html>")
    return "\n".join(parts) + "\n"


def render_json(body: Body, page: Page, rng: random.Random) -> str:
    record: dict[str, object] = {"url": page.url, "title": body.title, "published": page.published.isoformat(),
                                 "authors": list(page.authors), "publisher": page.outlet}
    if rng.random() < 0.3:
        record["html"] = render_html(body, page, rng)
    else:
        record["text"] = "\n\n".join(body.paragraphs) + "\n"
    return json.dumps(record, ensure_ascii=False, indent=1) + "\n"
