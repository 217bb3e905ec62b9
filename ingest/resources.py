"""The one module that knows where the project's data folders (ontology/, shapes/, seeds/) are."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
SHAPES_DIR = PROJECT_ROOT / "shapes"
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
