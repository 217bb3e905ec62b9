"""Benchmarks for newskg (`make bench`): a realistic generated corpus, ingest, validation, SPARQL, pages and dumps,
each figure measured beside its reference (Oxigraph's server, pyoxigraph in-process, rdflib-endpoint) in one run."""
