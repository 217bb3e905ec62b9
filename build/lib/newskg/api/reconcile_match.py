"""Scoring candidates for a reconciliation query, and prefix suggestions: work in memory over ReconcileIndex.

A name scores 0–100 against each name an actor goes by, folded alike: 100 when equal, else the better of rapidfuzz's
ratio and token_sort_ratio (spelling and transliteration variants, words in any order: "Oleksandr" / "Aleksandr",
"Zelenskiy" / "Zelensky"), or 0.85 × token_set_ratio when one name's words are a part of the other's ("Lavrov" in
"Sergey Lavrov"). A name an article used counts 0.95 of a
label. Properties (affiliation, role, wikidata) score 0–100 each; the score is (2 × name + mean of properties) / 3,
or the properties alone when no name is given. A candidate is a `match` when it scores at least MATCH_SCORE and
leads the next candidate by MATCH_MARGIN: an exact name shared by two actors is left for a person to decide.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from newskg.api.reconcile_index import ActorEntry, ReconcileIndex, fold

PART_WEIGHT = 0.85
NAME_CUTOFF = 60.0
CANDIDATES_PER_SCORER = 300
SUGGEST_FUZZY_CUTOFF = 75.0
MATCH_SCORE = 90.0
MATCH_MARGIN = 10.0
WIKIDATA = "http://www.wikidata.org/entity/"


@dataclass(frozen=True)
class EntityValue:
    """A property value that names an entity of this service (a previously reconciled cell): its id."""
    id: str


PropertyValue = str | EntityValue


@dataclass(frozen=True)
class ReconcileQuery:
    query: str | None
    kinds: frozenset[str]                                       # empty: any kind
    limit: int
    properties: tuple[tuple[str, tuple[PropertyValue, ...]], ...]


@dataclass(frozen=True)
class Candidate:
    entry: ActorEntry
    score: float
    features: tuple[tuple[str, float], ...]
    match: bool = False


def name_scores(index: ReconcileIndex, query: str) -> dict[int, float]:
    """entry position → best score of the query against the entry's names."""
    wanted = fold(query)
    scores: dict[int, float] = {}
    if not wanted or not index.variants:
        return scores

    def credit(position: int, score: float) -> None:
        entry, weighted = index.owners[position], score * index.weights[position]
        if weighted > scores.get(entry, 0.0):
            scores[entry] = weighted

    for scorer in (fuzz.ratio, fuzz.token_sort_ratio):   # words in the same order, or in any order
        for _, score, position in process.extract(wanted, index.variants, scorer=scorer, score_cutoff=NAME_CUTOFF,
                                                  limit=CANDIDATES_PER_SCORER):
            credit(position, 100.0 if index.variants[position] == wanted else float(score))
    for _, score, position in process.extract(wanted, index.variants, scorer=fuzz.token_set_ratio,
                                              score_cutoff=100.0, limit=CANDIDATES_PER_SCORER):
        credit(position, PART_WEIGHT * float(score))
    return scores


def _text_score(values: tuple[PropertyValue, ...], candidates: set[str]) -> float:
    texts = [fold(v) for v in values if isinstance(v, str)]
    folded = [fold(c) for c in candidates]
    return max((float(fuzz.token_set_ratio(t, c)) for t in texts for c in folded if t and c), default=0.0)


def property_score(index: ReconcileIndex, entry: ActorEntry, pid: str, values: tuple[PropertyValue, ...]) -> float:
    if pid == "role":
        return _text_score(values, entry.roles)
    if pid == "wikidata":
        held = {same.removeprefix(WIKIDATA) for same in entry.same_as}
        return 100.0 if any(str(v).rsplit("/", 1)[-1] in held for v in values if isinstance(v, str)) else 0.0
    # affiliation: an entity of this service by id, or a name matched against the affiliated actors' names
    affiliated = [index.by_iri[iri] for iri in entry.affiliations if iri in index.by_iri]
    if any(isinstance(v, EntityValue) and v.id in {a.id for a in affiliated} for v in values):
        return 100.0
    return _text_score(values, {name for a in affiliated for name in a.names})


def _of_kinds(index: ReconcileIndex, entry: ActorEntry, kinds: frozenset[str]) -> bool:
    return not kinds or bool(kinds & index.kinds_of(entry))


def reconcile(index: ReconcileIndex, query: ReconcileQuery) -> list[Candidate]:
    by_name: dict[int, float] = {}
    if query.query:
        exact = index.by_id.get(query.query.strip()) or index.by_iri.get(query.query.strip())
        by_name = name_scores(index, query.query)
        if exact is not None:   # an identifier given as the query finds its entity
            by_name[index.position[exact.id]] = 100.0
        positions = list(by_name)
    else:
        positions = list(range(len(index.entries)))
    candidates = []
    for position in positions:
        entry = index.entries[position]
        if not _of_kinds(index, entry, query.kinds):
            continue
        features: list[tuple[str, float]] = []
        if query.query:
            features.append(("name", round(by_name[position], 1)))
        for pid, values in query.properties:
            features.append((pid, property_score(index, entry, pid, values)))
        properties = [value for pid, value in features if pid != "name"]
        if query.query and properties:
            score = (2 * by_name[position] + sum(properties) / len(properties)) / 3
        elif query.query:
            score = by_name[position]
        else:
            score = sum(properties) / len(properties)
            if score <= 0:
                continue
        candidates.append(Candidate(entry, round(score, 1), tuple(features)))
    candidates.sort(key=lambda c: (-c.score, -c.entry.mentions, c.entry.id))
    shown = candidates[:query.limit]
    if shown and shown[0].score >= MATCH_SCORE and (len(candidates) == 1 or
                                                    shown[0].score - candidates[1].score >= MATCH_MARGIN):
        shown[0] = Candidate(shown[0].entry, shown[0].score, shown[0].features, match=True)
    return shown


def suggest_entities(index: ReconcileIndex, prefix: str, kinds: frozenset[str]) -> list[ActorEntry]:
    """Actors one of whose names starts with the prefix (or has a word that does), best first; when none does,
    the close fuzzy matches, so that a misspelt name still finds someone."""
    wanted = fold(prefix)
    if not wanted:
        return []
    ranked: dict[int, int] = {}
    for position, variant in enumerate(index.variants):
        if variant == wanted:
            rank = 0
        elif variant.startswith(wanted):
            rank = 1
        elif f" {wanted}" in f" {variant}":
            rank = 2
        else:
            continue
        owner = index.owners[position]
        ranked[owner] = min(ranked.get(owner, rank), rank)
    order = sorted(ranked, key=lambda p: (ranked[p], -index.entries[p].mentions, index.entries[p].id))
    if not order:
        fuzzy = sorted(name_scores(index, prefix).items(), key=lambda item: (-item[1], index.entries[item[0]].id))
        order = [position for position, score in fuzzy if score >= SUGGEST_FUZZY_CUTOFF]
    return [index.entries[p] for p in order if _of_kinds(index, index.entries[p], kinds)]
