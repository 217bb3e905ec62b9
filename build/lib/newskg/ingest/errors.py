"""The one exception hierarchy of newskg. Library errors are translated into these at the boundary."""

from __future__ import annotations


class NewskgError(Exception):
    """Base of every error newskg raises on purpose; its message is meant for the user."""


class InputError(NewskgError):
    """An article file or request body cannot be read: empty, binary, wrong encoding, wrong shape, too large."""


class FetchError(InputError):
    """An article page or feed could not be fetched over HTTP: no answer in time, an error status, too large, not a
    feed."""


class ExtractionError(NewskgError):
    """An article was read but no article body could be found in it."""


class ValidationFailed(NewskgError):
    """An article's graph does not conform to the shapes; carries the report."""

    def __init__(self, message: str, report: object) -> None:
        super().__init__(message)
        self.report = report


class StoreError(NewskgError):
    """The store could not be opened or written."""


class QueryError(NewskgError):
    """A SPARQL query or update is malformed or not allowed."""


class QueryTimeout(QueryError):
    """A SPARQL query ran past its time limit and was stopped."""


class ResultTooLarge(QueryError):
    """A SPARQL query's result exceeded the configured limit."""


class ReasonerError(NewskgError):
    """The OWL reasoner (HermiT, on Java) could not run: a tool failure, not a finding about the data."""


class Forbidden(NewskgError):
    """A write was attempted without the right token, or a remote access was refused."""
