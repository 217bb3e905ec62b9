"""The SHACL shapes, one file per class, as data (read through importlib.resources by newskg.ingest.resources)."""
