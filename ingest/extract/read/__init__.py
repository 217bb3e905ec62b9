"""Reading: file or bytes (plain text with page clutter, HTML, JSON) → the article's body text and metadata."""

from ingest.extract.read.page import MetadataOverrides, article_files, read_bytes, read_file, sidecar_path

__all__ = ["MetadataOverrides", "article_files", "read_bytes", "read_file", "sidecar_path"]
