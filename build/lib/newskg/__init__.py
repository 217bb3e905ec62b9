"""newskg: a knowledge-graph ingestion service for news. Installed as one namespace — newskg.ingest (reading,
extraction, mapping, validation, the CLI), newskg.api (the HTTP service), newskg.store (the stores), newskg.exports
(STIX, ClaimReview, feeds), newskg.ontology and newskg.shapes (the data they read) — from the repository's top-level
folders of those names (pyproject.toml maps them)."""
