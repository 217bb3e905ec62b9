"""The exports on offer, by name: what the CLI's `export --format` accepts beside the RDF syntaxes, and what the
downloads page, /dumps/newskg.<suffix> and the VoID description list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Callable

if TYPE_CHECKING:   # the CLI reads the names at start-up: nothing heavy is imported for them
    from newskg.store.interface import Store

Writer = Callable[["Store", BinaryIO, str], None]   # store, output, base IRI


@dataclass(frozen=True)
class ToolFormat:
    name: str           # the CLI's --format
    suffix: str         # /dumps/newskg.<suffix>
    media_type: str
    title: str
    description: str
    write: Writer


def _write_stix(store: "Store", output: BinaryIO, base_iri: str) -> None:
    from newskg.exports.stix import write_stix_bundle

    write_stix_bundle(store, output, base_iri)


def _write_claimreview(store: "Store", output: BinaryIO, base_iri: str) -> None:
    from newskg.exports.claimreview import write_claimreview

    write_claimreview(store, output)


TOOL_FORMATS = (
    ToolFormat("stix", "stix.json", "application/stix+json;version=2.1", "STIX 2.1 bundle",
               "articles as reports, actors as identities, threat actors or intrusion sets, allegations as notes "
               "by their claimants, stances as opinions; for OpenCTI and other threat-intelligence tools",
               _write_stix),
    ToolFormat("claimreview", "claimreview.jsonld", "application/ld+json", "schema.org ClaimReview (JSON-LD)",
               "each allegation as a Claim (claimants, accused, every article it appears in) inside a ClaimReview "
               "for a fact-checker to rate", _write_claimreview),
)
TOOL_FORMAT_BY_NAME = {fmt.name: fmt for fmt in TOOL_FORMATS}
