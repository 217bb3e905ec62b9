"""Exports for the tools analysts already use: STIX 2.1 bundles and schema.org ClaimReview JSON-LD.

Each export reads the graph through SPARQL over the store (its queries in one module per export) and writes a
document. The CLI (`newskg export --format stix|claimreview`) and the downloads of the HTTP service call the same
functions. This package imports `ingest` only; `api` imports it.
"""
