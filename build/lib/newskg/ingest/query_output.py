"""Write a pyoxigraph query result in a named format (the CLI's `newskg query --format`)."""

from __future__ import annotations

from typing import BinaryIO

from pyoxigraph import QueryBoolean, QuerySolutions

from newskg.ingest.errors import QueryError
from newskg.ingest.formats import RDF_BY_NAME, RESULTS_BY_NAME
from newskg.ingest.sparql_errors import evaluation_error


def write_query_result(result: object, format_name: str, output: BinaryIO) -> None:
    """Serialise the result; an evaluation error met on the way (results are lazy) is a QueryError."""
    try:
        _write(result, format_name, output)
    except RuntimeError as error:
        raise evaluation_error(error) from error


def _write(result: object, format_name: str, output: BinaryIO) -> None:
    if isinstance(result, (QuerySolutions, QueryBoolean)):
        syntax = RESULTS_BY_NAME.get(format_name)
        if syntax is None:
            raise QueryError(f"a SELECT or ASK result cannot be written as {format_name}; "
                             f"use one of {', '.join(RESULTS_BY_NAME)}")
        result.serialize(output, syntax.oxigraph)
    else:
        rdf = RDF_BY_NAME.get(format_name, RDF_BY_NAME["turtle"] if format_name == "json" else None)
        if rdf is None:
            raise QueryError(f"a graph result cannot be written as {format_name}; use one of {', '.join(RDF_BY_NAME)}")
        result.serialize(output, rdf.oxigraph)  # type: ignore[attr-defined]
