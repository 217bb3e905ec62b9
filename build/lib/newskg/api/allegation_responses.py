"""The responses to allegations (nkg:Response): each statement's stance towards one allegation it addresses.

A statement is listed under an allegation only through a Response whose nkg:responseTo is that allegation — never
because it stands in the same article — and under the stance of that response, not its stance towards the
article's central allegation. Responses are grouped into sides (supporting, contesting, other) and, within a side,
by stance; each shows the statement's words highlighted in their sentence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup, escape
from rdflib import URIRef

from newskg.api.page_queries import PageQueries, Row, as_int, local_name_of, values_block
from newskg.api.pages_text import Highlight, highlighted_text

# $allegations is a group pattern binding ?allegation: VALUES for one or a few, or the members of a cluster.
# One path per OPTIONAL: a group of several triples in an OPTIONAL is joined over the whole store first (seconds at
# a million quads), a single path is looked up from the bound ?statement.
RESPONSES = """SELECT ?allegation ?statement ?stance ?speaker ?cue ?exact ?start ?end ?sentence ?sentenceStart WHERE {
  $allegations
  ?response nkg:responseTo ?allegation ; nkg:responseStance ?stance .
  ?statement nkg:hasResponse ?response .
  OPTIONAL { ?statement nkg:speaker ?speaker }
  OPTIONAL { ?statement nkg:cue ?cue }
  OPTIONAL { ?statement nkg:evidence/nkg:exact ?exact }
  OPTIONAL { ?statement nkg:evidence/nkg:start ?start }
  OPTIONAL { ?statement nkg:evidence/nkg:end ?end }
  OPTIONAL { ?statement nkg:context/nkg:exact ?sentence }
  OPTIONAL { ?statement nkg:context/nkg:start ?sentenceStart }
} LIMIT $limit"""

# (key, heading, stances in the order shown)
SIDES = (("supporting", "Supporting", ("supports", "confirms")),
         ("contesting", "Denying, dismissing, downplaying", ("denies", "dismisses", "downplays")),
         ("other", "Assessing, or neutral", ("assesses", "neutral")))
SIDE_OF = {stance: key for key, _, stances in SIDES for stance in stances}


@dataclass(frozen=True)
class ResponseView:
    allegation: URIRef
    statement: URIRef
    stance: str
    speaker: URIRef | None
    cue: str
    words: Markup       # the sentence, with the statement's own words marked


@dataclass(frozen=True)
class Side:
    key: str
    title: str
    groups: tuple[tuple[str, tuple[ResponseView, ...]], ...]   # (stance, its responses), in SIDES order

    @property
    def total(self) -> int:
        return sum(len(rows) for _, rows in self.groups)


def responses_to(queries: PageQueries, allegations: str, limit: int, **iris: str) -> list[ResponseView]:
    """Responses to the allegations `allegations` binds, one per statement and allegation, in text order."""
    body = RESPONSES.replace("$allegations", allegations).replace("$limit", str(int(limit)))
    found: dict[tuple[str, str], tuple[int, ResponseView]] = {}
    for row in queries.select(body, **iris):
        key = (str(row["allegation"]), str(row["statement"]))
        if key not in found:
            speaker = row.get("speaker")
            found[key] = (as_int(row.get("start"), -1), ResponseView(
                URIRef(key[0]), URIRef(key[1]), local_name_of(row["stance"]),
                URIRef(str(speaker)) if speaker is not None else None, str(row.get("cue", "")), _words(row)))
    return [view for _, view in sorted(found.values(), key=lambda item: (item[1].allegation, item[0]))]


def tallies(queries: PageQueries, allegations: Iterable[object]) -> dict[str, Counter[str]]:
    """Per allegation, how many responses fall on each side (supporting, contesting, other); keyed by its IRI.
    Counted apart from the list that shows the allegations: an OPTIONAL join of each to its responses costs ten
    times as much on a large store."""
    wanted = sorted({str(a) for a in allegations if isinstance(a, URIRef)})
    counted: dict[str, Counter[str]] = {}
    if wanted:
        for row in queries.select(TALLY.replace("$allegations", values_block("allegation", wanted))):
            side = SIDE_OF.get(local_name_of(row["stance"]), "other")
            counted.setdefault(str(row["allegation"]), Counter())[side] += as_int(row["n"])
    return counted


def by_stance(responses: Iterable[ResponseView]) -> tuple[Side, ...]:
    listed = list(responses)
    unknown = tuple(sorted({r.stance for r in listed} - set(SIDE_OF)))   # a stance added to the scheme later
    sides = []
    for key, title, stances in SIDES:
        order = stances + unknown if key == "other" else stances
        groups = tuple((stance, rows) for stance in order
                       if (rows := tuple(r for r in listed if r.stance == stance)))
        sides.append(Side(key, title, groups))
    return tuple(sides)


def _words(row: Row) -> Markup:
    """The sentence with the statement's words marked, or the words alone when the sentence does not hold them."""
    exact = str(row.get("exact", ""))
    sentence, offset = row.get("sentence"), as_int(row.get("sentenceStart"), -1)
    start, end = as_int(row.get("start"), -1), as_int(row.get("end"), -1)
    if sentence is not None and 0 <= offset <= start < end:
        text = str(sentence)
        focus = Highlight(start - offset, end - offset, "focus", css=f"stance-{local_name_of(row['stance'])}")
        if focus.end <= len(text) and text[focus.start:focus.end] == exact:
            return highlighted_text(text, [focus])
    return Markup(f'<mark class="focus">{escape(exact)}</mark>') if exact else Markup("")


# how many responses of each stance the listed allegations have
TALLY = """SELECT ?allegation ?stance (COUNT(DISTINCT ?response) AS ?n) WHERE {
  $allegations
  ?response nkg:responseTo ?allegation ; nkg:responseStance ?stance .
} GROUP BY ?allegation ?stance"""

# from statements to the allegations they address: a statement's page, an actor's statements, a quote cluster
STATEMENT_RESPONSES = """SELECT ?statement ?allegation ?stance WHERE {
  $statements
  ?statement nkg:hasResponse ?response .
  ?response nkg:responseTo ?allegation ; nkg:responseStance ?stance .
} LIMIT $limit"""


@dataclass(frozen=True)
class Addressed:
    """One allegation a statement addresses, and the statement's stance towards it."""

    allegation: URIRef
    stance: str


def responses_of(queries: PageQueries, statements: Iterable[object], per_statement: int = 50
                 ) -> dict[str, list[Addressed]]:
    """The allegations each statement addresses, with its stance towards each; keyed by the statement's IRI."""
    wanted = sorted({str(s) for s in statements if isinstance(s, URIRef)})
    if not wanted:
        return {}
    body = (STATEMENT_RESPONSES.replace("$statements", values_block("statement", wanted))
            .replace("$limit", str(per_statement * len(wanted))))
    return addressed_by_statement(queries.select(body))


def addressed_by_statement(rows: Iterable[Row]) -> dict[str, list[Addressed]]:
    """Rows of ?statement ?allegation ?stance, grouped by statement; supporting stances first, then contesting."""
    found: dict[str, list[Addressed]] = {}
    for row in rows:
        addressed = Addressed(URIRef(str(row["allegation"])), local_name_of(row["stance"]))
        listed = found.setdefault(str(row["statement"]), [])
        if addressed not in listed:
            listed.append(addressed)
    order = list(SIDE_OF)
    for listed in found.values():
        listed.sort(key=lambda a: (order.index(a.stance) if a.stance in order else len(order), str(a.allegation)))
    return found
