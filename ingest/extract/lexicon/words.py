"""The word tables of ontology/lexicon/words/*.tsv: general news vocabulary about actors and grammar, one row per
lemma with its language. Keys are folded lemmas (or folded phrases); English rows only until another language lands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newskg.ingest.extract.lexicon.matcher import entry_words
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.resources import LEXICON_DIR

WORDS_DIR = LEXICON_DIR / "words"
LANGUAGE = "en"


def key(phrase: str) -> str:
    return " ".join(w for w in entry_words(phrase) if w)  # "lt. gen." → "lt gen": full stops fold to nothing


def _rows(name: str, directory: Path, *, columns: int = 2) -> list[list[str]]:
    rows = []
    for line in (directory / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) < columns:
            raise ValueError(f"{name}: a row needs {columns} columns (an entry, its language, …): {line!r}")
        if cells[1] == LANGUAGE:
            rows.append(cells)
    return rows


@dataclass(frozen=True)
class Role:
    classes: frozenset[str]
    collective: str  # "state", "people" or "-"
    source: bool
    anaphor: bool
    opinion: bool


@dataclass(frozen=True)
class Institution:
    cls: str
    canonical: str | None


@dataclass(frozen=True)
class WordTables:
    titles: frozenset[str]
    honorifics: frozenset[str]
    honorific_gender: dict[str, str]
    roles: dict[str, Role]
    org_heads: dict[str, str]
    org_leading_heads: dict[str, str]  # first word of an organisation's name → class ("Autoridad Nacional del …")
    org_descriptors: dict[str, str]
    name_refinements: dict[str, tuple[str, frozenset[str]]]
    state_institutions: dict[str, Institution]
    media_nouns: frozenset[str]
    account_nouns: frozenset[str]
    platforms: frozenset[str]
    company_suffixes: frozenset[str]
    name_particles: frozenset[str]
    not_names: frozenset[str]
    documents: dict[str, frozenset[str]]  # document noun -> role nouns of the parties that make it (may be empty)
    not_actor_heads: frozenset[str]
    source_qualifiers: tuple[tuple[str, ...], ...]
    place_heads: frozenset[str]  # last words of names of places ("river", "district")
    place_leading_heads: frozenset[str]  # first words of places' names in languages that put the head first ("Río")
    regions: frozenset[str]  # names of regions, as name keys ("middle east")
    agencies: dict[str, str]  # folded news or photo agency name -> its name as the table writes it
    photo_agencies: frozenset[str]
    desk_words: frozenset[str]  # a journalist's job or desk in a byline ("staff writer")
    masthead_words: frozenset[str]  # nouns in outlets' names ("courier", "daily")
    grammar: dict[str, frozenset[str]]  # category -> words

    def is_(self, category: str, word: str) -> bool:
        return word in self.grammar.get(category, frozenset())

    def any_is(self, category: str, phrase: str) -> bool:
        """A word of the phrase is of the category ("a company spokesperson" has a "speaks-for" word)."""
        return any(self.is_(category, w) for w in name_key(phrase).split())

    @property
    def longest_title(self) -> int:
        return max(len(t.split()) for t in self.titles | self.honorifics)


def load_word_tables(directory: Path = WORDS_DIR) -> WordTables:
    def first(name: str) -> frozenset[str]:
        return frozenset(key(r[0]) for r in _rows(name, directory))

    titles = _rows("titles.tsv", directory)
    grammar: dict[str, set[str]] = {}
    for row in _rows("grammar.tsv", directory):
        grammar.setdefault(row[2], set()).add(key(row[0]))
    media = _rows("media-nouns.tsv", directory)
    places = _rows("place-heads.tsv", directory, columns=3)
    agencies = _rows("news-agencies.tsv", directory, columns=3)
    bylines = _rows("bylines.tsv", directory, columns=3)
    return WordTables(
        titles=frozenset(key(r[0]) for r in titles if r[2] == "title"),
        honorifics=frozenset(key(r[0]) for r in titles if r[2] == "honorific"),
        honorific_gender={key(r[0]): r[3] for r in titles if len(r) > 3 and r[3] != "-"},
        roles={
            key(r[0]): Role(
                classes=frozenset(r[2].split()),
                collective=r[3],
                source=r[4] == "yes",
                anaphor=r[5] == "yes",
                opinion=r[6] == "yes",
            )
            for r in _rows("roles.tsv", directory)
        },
        org_heads={key(r[0]): r[2] for r in _rows("org-heads.tsv", directory)},
        org_leading_heads={key(r[0]): r[2] for r in _rows("org-leading-heads.tsv", directory)},
        org_descriptors={key(r[0]): r[2] for r in _rows("org-descriptors.tsv", directory)},
        name_refinements={key(r[0]): (r[2], frozenset(r[3].split())) for r in _rows("name-refinements.tsv", directory)},
        state_institutions={
            key(r[0]): Institution(r[2], None if r[3] == "-" else r[3])
            for r in _rows("state-institutions.tsv", directory)
        },
        media_nouns=frozenset(key(r[0]) for r in media if r[2] == "media"),
        account_nouns=frozenset(key(r[0]) for r in media if r[2] == "account"),
        platforms=first("platforms.tsv"),
        company_suffixes=first("company-suffixes.tsv"),
        name_particles=first("name-particles.tsv"),
        not_names=first("not-names.tsv"),
        documents={
            key(r[0]): frozenset() if r[2] == "-" else frozenset(r[2].split())
            for r in _rows("documents.tsv", directory, columns=3)
        },
        not_actor_heads=first("not-actor-heads.tsv"),
        source_qualifiers=tuple(entry_words(r[0]) for r in _rows("source-qualifiers.tsv", directory)),
        place_heads=frozenset(key(r[0]) for r in places if r[2] == "head"),
        # kept with their accents: "Río Tapia" is a river, "Rio Tinto" a company
        place_leading_heads=frozenset(r[0].casefold() for r in places if r[2] == "leading-head"),
        regions=frozenset(name_key(r[0]) for r in places if r[2] == "region"),
        agencies={r[0].casefold(): r[0] for r in agencies},
        photo_agencies=frozenset(r[0].casefold() for r in agencies if r[2] == "photo"),
        desk_words=frozenset(r[0] for r in bylines if r[2] == "desk"),
        masthead_words=frozenset(r[0] for r in bylines if r[2] == "masthead"),
        grammar={category: frozenset(words) for category, words in grammar.items()},
    )
