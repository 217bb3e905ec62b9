"""newskg ingestion: article files in, one validated named graph per article out."""

__version__ = "0.1.0"
