"""How an allegation is named wherever allegations are listed: "claimants → accused: act".

The claimants are the actors who make the claim or, when the article names none, its claim source: unattributed
reports, or the outlet's own voice (shown with the outlet's name). The act is the allegation's summary, a whole
clause. One query fills the lines of a whole list, anchored on the listed allegations (index lookups only).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from rdflib import URIRef

from newskg.api.page_queries import PageQueries, local_name_of, values_block

LINE_FACTS = """SELECT ?allegation ?role ?value WHERE {
  $allegations
  { VALUES ?role { nkg:summary nkg:claimant nkg:claimSource nkg:accused } ?allegation ?role ?value }
  UNION { ?allegation nkg:inArticle/nkg:publisher ?value BIND(nkg:publisher AS ?role) }
} LIMIT $limit"""

# what a claim source is called in a line; the concept's page says the rest
CLAIM_SOURCE_NAMES = {"unattributed": "unattributed", "outlet": "the outlet"}
BATCH = 200   # allegations per query, so that no VALUES block grows without bound


@dataclass(frozen=True)
class AllegationLine:
    allegation: URIRef
    act: str
    claimants: tuple[URIRef, ...] = ()
    accused: tuple[URIRef, ...] = ()
    claim_source: URIRef | None = None    # a concept of https://w3id.org/newskg/vocab/claim-source, when no actor claims
    outlet: URIRef | None = None          # the publisher of the allegation's article

    @property
    def claim_source_name(self) -> str:
        name = local_name_of(self.claim_source)
        return CLAIM_SOURCE_NAMES.get(name, name)

    @property
    def by_the_outlet(self) -> bool:
        return local_name_of(self.claim_source) == "outlet"


def allegation_lines(queries: PageQueries, allegations: Iterable[object]) -> dict[str, AllegationLine]:
    """The line of each allegation (IRIs among `allegations`) that is in the store, keyed by its IRI as a string."""
    wanted = sorted({str(a) for a in allegations if isinstance(a, URIRef)})
    facts: dict[str, dict[str, list[URIRef | str]]] = {}
    for start in range(0, len(wanted), BATCH):
        batch = wanted[start:start + BATCH]
        body = (LINE_FACTS.replace("$allegations", values_block("allegation", batch))
                .replace("$limit", str(50 * len(batch))))
        for row in queries.select(body):
            role = local_name_of(row["role"])
            value = row["value"]
            facts.setdefault(str(row["allegation"]), {}).setdefault(role, []).append(
                str(value) if role == "summary" else URIRef(str(value)))
    return {iri: _line(iri, found) for iri, found in facts.items() if found.get("summary")}


def _line(iri: str, found: dict[str, list[URIRef | str]]) -> AllegationLine:
    def iris(role: str) -> tuple[URIRef, ...]:
        return tuple(sorted({v for v in found.get(role, []) if isinstance(v, URIRef)}))

    sources, outlets = iris("claimSource"), iris("publisher")
    return AllegationLine(URIRef(iri), str(found["summary"][0]), claimants=iris("claimant"), accused=iris("accused"),
                          claim_source=sources[0] if sources else None, outlet=outlets[0] if outlets else None)
