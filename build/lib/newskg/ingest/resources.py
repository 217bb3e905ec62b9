"""The one module that knows where the data the code reads is: the ontology (with the actor registry and the
extraction lexicon) and the shapes, found through importlib.resources as the data packages newskg.ontology and
newskg.shapes — inside an installed wheel or in the repository's ontology/ and shapes/ folders alike. The seeds and
the project root exist only in a checkout (make run, the scorers)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _folder(package: str) -> Path:
    """A data package's folder on disk (the wheel installs plain files; no zip import is supported)."""
    return Path(str(files(package)))


ONTOLOGY_DIR = _folder("newskg.ontology")
SHAPES_DIR = _folder("newskg.shapes")
PROJECT_ROOT = Path(__file__).resolve().parent.parent  # a checkout's root: seeds/, evaluation/ (not in a wheel)
SEEDS_DIR = PROJECT_ROOT / "seeds"

ONTOLOGY_FILE = ONTOLOGY_DIR / "newskg.ttl"
VOCABULARIES_FILE = ONTOLOGY_DIR / "vocabularies.ttl"
REGISTRY_FILE = ONTOLOGY_DIR / "actors.ttl"
STATES_FILE = ONTOLOGY_DIR / "states.ttl"
# the actor registry: the curated actors, then every sovereign state and the major intergovernmental organisations
REGISTRY_FILES = (REGISTRY_FILE, STATES_FILE)
LEXICON_DIR = ONTOLOGY_DIR / "lexicon"


def ontology_files() -> list[Path]:
    """The ontology proper and its SKOS schemes (not the actor registry, which is instance data)."""
    return [ONTOLOGY_FILE, VOCABULARIES_FILE]


def lexicon_files() -> list[Path]:
    return sorted(LEXICON_DIR.glob("*.ttl"))


def shape_files() -> list[Path]:
    return sorted(SHAPES_DIR.glob("*.ttl"))
