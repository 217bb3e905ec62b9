"""Real articles for evaluation: gold committed, texts re-created into a git-ignored folder (see CONVENTIONS.md)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

REAL_DIR = Path(__file__).resolve().parent
GOLD_DIR = REAL_DIR / "gold"
TEXTS_DIR = REAL_DIR / "texts"
SPLITS_FILE = REAL_DIR / "splits.json"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def gold_paths() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def text_path(article_id: str) -> Path:
    return TEXTS_DIR / f"{article_id}.txt"


def read_text(article_id: str) -> str | None:
    """The article's text when it is present and its hash agrees with the gold, else None."""
    path = text_path(article_id)
    if not path.exists():
        return None
    return path.read_text(encoding="utf-8")
