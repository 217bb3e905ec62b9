"""Where the page of each vocabulary term is on the service: the one mapping between term IRIs and local paths.

    https://w3id.org/newskg/ontology                → /ontology          (the ontology: its classes and properties)
    https://w3id.org/newskg/ontology/Allegation     → /ontology/Allegation
    https://w3id.org/newskg/vocab/stance                 → /vocab/stance      (a SKOS concept scheme)
    https://w3id.org/newskg/vocab/stance/denies          → /vocab/stance/denies
    https://w3id.org/newskg/vocab/lexicon/saying         → /vocab/lexicon/saying (a lexicon entry)
    https://w3id.org/newskg/shapes#Event-date       → /shapes#Event-date (one document, an anchor per shape)

The same paths follow the namespace on w3id.org (docs/w3id/.htaccess redirects https://w3id.org/newskg/X to the
deployment's /X), so a term opens on its page whether it is followed from this service or from anywhere else.
"""

from __future__ import annotations

from newskg.ingest.namespaces import ONTOLOGY_IRI, SHAPES_NS, VOCAB_BASE

# (namespace, the local path it maps to); a term is the namespace itself or the namespace, "/" and a name
TERM_SPACES: tuple[tuple[str, str], ...] = (
    (ONTOLOGY_IRI, "/ontology"),
    (VOCAB_BASE.rstrip("/"), "/vocab"),
)
SHAPES_PAGE = "/shapes"


def term_page(iri: str) -> str | None:
    """The local path of a term's page, or None when the IRI is not in one of newskg's term namespaces."""
    for namespace, path in TERM_SPACES:
        if iri == namespace or iri.startswith(namespace + "/"):
            return path + iri[len(namespace):]
    if iri.startswith(SHAPES_NS):
        return f"{SHAPES_PAGE}#{iri[len(SHAPES_NS):]}" if len(iri) > len(SHAPES_NS) else SHAPES_PAGE
    return None


def term_iri(path: str) -> str | None:
    """The term a local path (without a format suffix) is the page of; None when the path is not a term page."""
    for namespace, prefix in TERM_SPACES:
        if path == prefix or path.startswith(prefix + "/"):
            return namespace + path[len(prefix):]
    return None
