"""Reading: file or bytes (plain text with page clutter, HTML, JSON) → the article's body text and metadata.

    page        formats, sidecars and overrides → ArticleDoc
    plaintext   the body among the page's lines; lines: what each line is; clutter (+ clutter.toml): furniture
    metadata    headline (headline), bylines (byline), credits, datelines (dateline), dates; conventions
                (+ metadata.toml) and vocabulary (the lexicon's word tables) hold the words they use
    body        the body's paragraphs without the dateline, date stamp, sign-offs and author note inside them
"""

from newskg.ingest.extract.read.page import MetadataOverrides, article_files, read_bytes, read_file, sidecar_path

__all__ = ["MetadataOverrides", "article_files", "read_bytes", "read_file", "sidecar_path"]
