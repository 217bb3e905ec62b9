"""The ontology, the SKOS vocabularies, the actor registry and the extraction lexicon, as data (read through
importlib.resources by newskg.ingest.resources)."""
