"""Claims: allegations from speech acts and reported acts, each statement's stance per allegation, and the central
allegation of the article."""

from newskg.ingest.extract.claims.stage import find_claims
from newskg.ingest.extract.claims.values import Claim, ClaimsResult, StanceLink

__all__ = ["Claim", "ClaimsResult", "StanceLink", "find_claims"]
