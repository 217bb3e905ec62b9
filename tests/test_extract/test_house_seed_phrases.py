"""House rule: extraction works on articles it has never seen, so no code or data of the service repeats a seed
article. A run of four or more words copied from seeds/*.txt into ingest/, ontology/lexicon/, shapes/ or api/ fails,
compared as lowercase word 4-grams line by line (as /work/shared/hooks/before-stop does). The actor registry
(ontology/actors.ttl, ontology/states.ttl) names the seeds' actors by design and is not searched."""

from __future__ import annotations

import re
from pathlib import Path

from newskg.ingest.resources import PROJECT_ROOT, SEEDS_DIR

SEARCHED = ("ingest", "ontology/lexicon", "shapes", "api")
SUFFIXES = frozenset({".py", ".ttl", ".toml", ".txt", ".tsv", ".json", ".rq", ".html"})
INSTALLED = ("api/static/yasgui",)  # third-party files `make yasgui` installs (git-ignored)
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "").replace("'", ""))


def four_grams(found: list[str]) -> set[str]:
    return {" ".join(found[i:i + 4]) for i in range(len(found) - 3)}


def seed_grams() -> set[str]:
    grams: set[str] = set()
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        grams |= four_grams(words(path.read_text(encoding="utf-8", errors="ignore")))
    return grams


def searched_files() -> list[Path]:
    files = []
    for folder in SEARCHED:
        for path in sorted((PROJECT_ROOT / folder).rglob("*")):
            relative = path.relative_to(PROJECT_ROOT).as_posix()
            if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in relative \
                    and not relative.startswith(INSTALLED):
                files.append(path)
    return files


def test_the_seeds_and_the_searched_folders_are_there() -> None:
    assert len(seed_grams()) > 1000
    relative = {p.relative_to(PROJECT_ROOT).as_posix() for p in searched_files()}
    assert {"ingest/extract/extractor.py", "ontology/lexicon/reporting.ttl"} <= relative


def test_no_code_or_data_repeats_four_words_of_a_seed_article() -> None:
    grams = seed_grams()
    copied = []
    for path in searched_files():
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
            found = sorted(four_grams(words(line)) & grams)
            if found:
                copied.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: {found[0]!r}")
    assert not copied, "seed phrases in code or data:\n" + "\n".join(copied)


def test_the_check_sees_a_copied_phrase() -> None:
    seed = (SEEDS_DIR / sorted(p.name for p in SEEDS_DIR.glob("*.txt"))[0]).read_text(encoding="utf-8")
    sample = " ".join(words(seed)[40:46])
    assert four_grams(words(f'lex:lemma "{sample.upper()}"@en')) & seed_grams()
