"""api.negotiation.choose: Accept with q-values, aliases, the format parameter and URL suffixes."""

from __future__ import annotations

import pytest
from fastapi import HTTPException

from newskg.api.negotiation import RDF_MEDIA_TYPES, RESULTS_MEDIA_TYPES, choose, media_type_for

PAGE = ("text/html", *RDF_MEDIA_TYPES)


@pytest.mark.parametrize(("accept", "offered", "expected"), [
    (None, RESULTS_MEDIA_TYPES, "application/sparql-results+json"),
    ("*/*", RDF_MEDIA_TYPES, "text/turtle"),
    ("text/csv;q=0.5, application/sparql-results+xml", RESULTS_MEDIA_TYPES, "application/sparql-results+xml"),
    ("application/json", RESULTS_MEDIA_TYPES, "application/sparql-results+json"),
    ("application/json", RDF_MEDIA_TYPES, "application/ld+json"),
    ("text/turtle;q=0, */*;q=0.1", RDF_MEDIA_TYPES, "application/n-triples"),
    ("text/*", RESULTS_MEDIA_TYPES, "text/csv"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", PAGE, "text/html"),
    ("application/rdf+xml;q=0.9, text/turtle;q=0.8", PAGE, "application/rdf+xml"),
])
def test_accept(accept: str | None, offered: tuple[str, ...], expected: str) -> None:
    assert choose(accept, offered) == expected


def test_suffix_beats_format_beats_accept() -> None:
    assert choose("text/turtle", PAGE, format="nt", suffix=".jsonld") == "application/ld+json"
    assert choose("text/turtle", PAGE, format="rdfxml") == "application/rdf+xml"
    assert choose("text/turtle", PAGE, format="application/n-triples") == "application/n-triples"


@pytest.mark.parametrize(("kwargs"), [{"accept": "image/png"}, {"accept": None, "format": "csv"},
                                      {"accept": None, "suffix": ".exe"}])
def test_406_lists_what_is_available(kwargs: dict[str, str | None]) -> None:
    accept = kwargs.pop("accept")
    with pytest.raises(HTTPException) as refused:
        choose(accept, RDF_MEDIA_TYPES, **kwargs)
    assert refused.value.status_code == 406 and "text/turtle" in str(refused.value.detail)


def test_media_type_for_names_suffixes_and_types() -> None:
    assert media_type_for("ttl") == media_type_for(".ttl") == media_type_for("text/turtle") == "text/turtle"
    assert media_type_for("nonsense") is None


def test_repeated_format_parameters_that_agree_are_one_choice() -> None:
    # what SPARQLWrapper sends for its TSV, JSON-LD and RDF/XML results
    assert choose("text/tab-separated-values", RESULTS_MEDIA_TYPES,
                  format=["tsv", "text/tab-separated-values"]) == "text/tab-separated-values"
    assert choose("application/ld+json", RDF_MEDIA_TYPES, format=["json-ld", "application/ld+json"]) == \
        "application/ld+json"
    assert choose("application/rdf+xml", RDF_MEDIA_TYPES, format=["rdf+xml", "application/rdf+xml"]) == \
        "application/rdf+xml"


def test_format_parameters_that_disagree_or_miss_leave_it_to_accept() -> None:
    assert choose("text/csv", RESULTS_MEDIA_TYPES, format=["json", "csv"]) == "text/csv"
    with pytest.raises(HTTPException) as disagreeing:
        choose("*/*", RESULTS_MEDIA_TYPES, format=["json", "csv"])
    assert disagreeing.value.status_code == 400 and "agree" in str(disagreeing.value.detail)
    # a format this endpoint does not know does not beat an Accept header that names one it has
    assert choose("text/turtle", RDF_MEDIA_TYPES, format="notation-x") == "text/turtle"
    with pytest.raises(HTTPException) as unknown:
        choose("*/*", RDF_MEDIA_TYPES, format="notation-x")
    assert unknown.value.status_code == 406


def test_n3_is_answered_with_turtle() -> None:
    assert choose("application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3",
                  RDF_MEDIA_TYPES, format="n3") == "text/turtle"
    assert choose("text/n3", RDF_MEDIA_TYPES) == "text/turtle"
    assert choose(None, RDF_MEDIA_TYPES, format="text/n3") == "text/turtle"
