"""Search over labels and name variants (skos:prefLabel, skos:altLabel, rdfs:label), forgiving of spelling.

Labels are normalised (case, diacritics, apostrophes, hyphens) and split into tokens; each query token is matched
against the distinct label tokens with rapidfuzz (so "Sergei" finds "Sergey"), and a resource matches
when every query token does. The index is built with one query and rebuilt when the store has changed (in the background when that is slow).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from newskg.api.generation_cache import GenerationCache
from newskg.api.page_queries import PageQueries
from newskg.ingest.iris import IriMinter
from newskg.store.interface import Store

# kinds of minted resources worth finding by name, in the order results are ranked on equal scores
SEARCHABLE_KINDS = {"actor": 0, "source": 1, "article": 2, "allegation": 3, "cluster": 4, "event": 5, "place": 6}
LABELS_QUERY = """SELECT DISTINCT ?s ?label WHERE {
  ?s skos:prefLabel|skos:altLabel|rdfs:label ?label
  FILTER(STRSTARTS(STR(?s), STR($id_base)))
}"""
_APOSTROPHES = re.compile(r"['\u2019\u2018`\u02bc\u02bb\u00b4]")
_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """'Côte d’Ivoire' → 'cote divoire'; 'al-Qaeda' → 'al qaeda'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_NON_WORD.sub(" ", _APOSTROPHES.sub("", stripped)).split())


def _token_cutoff(token: str) -> float:
    """Short tokens must match exactly: 'icc' is not 'icj'."""
    return 101.0 if len(token) <= 3 else 85.0 if len(token) == 4 else 80.0


@dataclass(frozen=True)
class SearchHit:
    iri: str
    label: str          # the label that matched (a variant, perhaps)
    kind: str
    score: float


@dataclass
class LabelIndex:
    labels: list[tuple[str, str, str]] = field(default_factory=list)   # (iri, label, kind)
    tokens: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    normalised: list[str] = field(default_factory=list)

    def add(self, iri: str, label: str, kind: str) -> None:
        index = len(self.labels)
        self.labels.append((iri, label, kind))
        norm = normalise(label)
        self.normalised.append(norm)
        for token in set(norm.split()):
            self.tokens[token].add(index)

    def _token_matches(self, token: str) -> dict[int, float]:
        """Label indexes whose tokens match this query token, with the best score."""
        scores: dict[int, float] = {}

        def credit(vocab_token: str, score: float) -> None:
            for index in self.tokens[vocab_token]:
                if score > scores.get(index, 0.0):
                    scores[index] = score

        if token in self.tokens:
            credit(token, 100.0)
        if len(token) >= 3:
            for vocab_token in self.tokens:
                if vocab_token != token and vocab_token.startswith(token):
                    credit(vocab_token, 85.0)
        cutoff = _token_cutoff(token)
        if cutoff <= 100:
            for vocab_token, score, _ in process.extract(token, list(self.tokens), scorer=fuzz.ratio,
                                                         score_cutoff=cutoff, limit=200):
                credit(vocab_token, float(score))
        return scores

    def search(self, query: str, limit: int = 30) -> list[SearchHit]:
        wanted = normalise(query)
        if not wanted:
            return []
        per_token = [self._token_matches(token) for token in wanted.split()]
        common = set.intersection(*(set(m) for m in per_token))
        best: dict[str, SearchHit] = {}
        for index in common:
            iri, label, kind = self.labels[index]
            score = sum(m[index] for m in per_token) / len(per_token)
            if self.normalised[index] == wanted:
                score += 10.0
            hit = SearchHit(iri, label, kind, score)
            current = best.get(iri)
            if current is None or hit.score > current.score:
                best[iri] = hit
        ranked = sorted(best.values(), key=lambda h: (-h.score, SEARCHABLE_KINDS.get(h.kind, 9), len(h.label)))
        return ranked[:limit]


class SearchService:
    """The label index of the store, rebuilt after writes (see GenerationCache)."""

    def __init__(self, store: Store, minter: IriMinter) -> None:
        self.store = store
        self.minter = minter
        self.cache: GenerationCache[LabelIndex] = GenerationCache(store, self._build, "label-index")

    def index(self) -> LabelIndex:
        return self.cache.get()

    def _build(self) -> LabelIndex:
        index = LabelIndex()
        rows = PageQueries(self.store).select(LABELS_QUERY, id_base=self.minter.id_base)
        for row in rows:
            iri = str(row["s"])
            kind = self.minter.local_path(iri).split("/")[2]
            if kind in SEARCHABLE_KINDS:
                index.add(iri, str(row["label"]), kind)
        return index

    def search(self, query: str, limit: int = 30) -> list[SearchHit]:
        return self.index().search(query, limit)
