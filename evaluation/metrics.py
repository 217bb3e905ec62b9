"""Counts of one article's predictions against its gold: actors, statements, speakers, stance, allegations, links."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from evaluation.matching import actor_names, locate, name_form, names_match
from evaluation.sets import GoldArticle
from newskg.ingest.model import Actor, Extraction

REPORT_STANCE = {"confirms": "supports", "dismisses": "denies", "assesses": "neutral"}
SUPPORT, CONTEST = frozenset({"supports", "confirms"}), frozenset({"denies", "dismisses", "downplays"})


def polarity(stance: str) -> str:
    return "support" if stance in SUPPORT else "contest" if stance in CONTEST else "neutral"


@dataclass
class Counts:
    named_gold: int = 0
    named_found: int = 0  # gold named actors matched
    named_predicted: int = 0
    named_correct: int = 0  # predicted named actors matching any gold actor
    statements_gold: int = 0
    statements_predicted: int = 0
    statements_matched: int = 0
    speaker_right: int = 0
    stance_right: int = 0
    allegations_gold: int = 0
    allegations_found: int = 0  # gold allegations matched with claimant and accused both right
    allegations_predicted: int = 0
    allegations_kept: int = 0  # predicted allegations an analyst would keep (paired one to one with a gold one)
    links_gold: int = 0
    links_right: int = 0
    misses: list[str] = field(default_factory=list, repr=False)

    def add(self, other: "Counts") -> None:
        for f in fields(self):
            if f.name != "misses":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        self.misses.extend(other.misses)


def _actors(gold: GoldArticle, extraction: Extraction, counts: Counts) -> None:
    if gold.actors is None:
        return
    predicted = [a for a in extraction.actors if a.kind == "named"]
    names = [actor_names(a) for a in predicted]
    gold_named = [g for g in gold.actors if g.kind == "named"]
    counts.named_gold += len(gold_named)
    counts.named_predicted += len(predicted)
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for exact in (True, False):  # exact name matches first, so a containing name cannot take another's actor
        for g, actor in enumerate(gold_named):
            if g in pairs:
                continue
            wanted = (actor.label, *actor.surfaces)
            hit = next(
                (n for n, found in enumerate(names) if n not in used and names_match(wanted, found, exact=exact)), None
            )
            if hit is not None:
                used.add(hit)
                pairs[g] = hit
    counts.named_found += len(pairs)
    for g, actor in enumerate(gold_named):
        if g not in pairs:
            counts.misses.append(f"actor missed: {actor.label} ({actor.type})")
    for n, found in enumerate(names):
        if any(names_match((g.label, *g.surfaces), found) for g in gold.actors):
            counts.named_correct += 1
        else:
            counts.misses.append(f"actor extra: {predicted[n].label} ({predicted[n].type})")


def _speaker_right(item, statement, actors: dict[str, Actor], gold: GoldArticle) -> bool:
    if item.speaker is None:
        return statement.speaker is None and statement.speaker_label is None
    found = {name_form(statement.speaker_label or "")}
    if statement.speaker in actors:
        found |= actor_names(actors[statement.speaker])
    wanted = (item.speaker, *item.speaker_aliases, *gold.names.get(item.speaker, ()))
    return names_match(wanted, found)


def _statements(gold: GoldArticle, extraction: Extraction, counts: Counts) -> dict[int, int]:
    body = extraction.article.text
    predicted = extraction.statements
    actors = {a.iri: a for a in extraction.actors}
    counts.statements_gold += len(gold.statements)
    counts.statements_predicted += len(predicted)
    matched: dict[int, int] = {}
    taken: set[tuple[int, int]] = set()
    used: set[int] = set()
    for number, item in enumerate(gold.statements):
        span = locate(body, item.text, item.occurrence, taken)
        if span is None:
            counts.misses.append(f"statement not in body: {item.text[:60]!r}")
            continue
        taken.add(span)
        overlaps = [
            (min(span[1], s.content.end) - max(span[0], s.content.start), i)
            for i, s in enumerate(predicted)
            if i not in used and s.content.start < span[1] and span[0] < s.content.end
        ]
        if not overlaps:
            counts.misses.append(f"statement missed: [{item.speaker}] {item.text[:70]!r}")
            continue
        best = max(overlaps)[1]
        used.add(best)
        matched[number] = best
        counts.statements_matched += 1
        statement = predicted[best]
        if _speaker_right(item, statement, actors, gold):
            counts.speaker_right += 1
        else:
            counts.misses.append(f"speaker: gold {item.speaker!r}, got {statement.speaker_label!r}: {item.text[:50]!r}")
        stance = statement.stance
        if gold.stance_towards == "bears-on" and statement.stance == "neutral":
            stance = next(
                (r.stance for r in extraction.responses if r.statement == statement.iri and r.stance != "neutral"),
                statement.stance,
            )
        if REPORT_STANCE.get(stance, stance) == REPORT_STANCE.get(item.stance, item.stance):
            counts.stance_right += 1
        else:
            counts.misses.append(f"stance: gold {item.stance}, got {stance}: {item.text[:50]!r}")
    for i, s in enumerate(predicted):
        if i not in used:
            counts.misses.append(f"statement extra: [{s.speaker_label}] {s.content.text[:70]!r}")
    return matched


def _claimant_right(wanted: tuple[str, ...], allegation, actors: dict[str, Actor], gold: GoldArticle) -> bool:
    for name in wanted:
        if name == "UNATTRIBUTED" and allegation.claimant_note == "unattributed":
            return True
        if name == "OUTLET" and allegation.claimant_note == "outlet":
            return True
        names = gold.names.get(name, (name,))
        if any(iri in actors and names_match(names, actor_names(actors[iri])) for iri in allegation.claimants):
            return True
    return False


def _allegations(gold: GoldArticle, extraction: Extraction, counts: Counts, matched: dict[int, int]) -> None:
    if gold.allegations is None:
        return
    body = extraction.article.text
    actors = {a.iri: a for a in extraction.actors}
    predicted = extraction.allegations
    counts.allegations_gold += len(gold.allegations)
    counts.allegations_predicted += len(predicted)
    spans = {g.id: [s for f in g.evidence if (s := locate(body, f, 0, set()))] for g in gold.allegations}
    statement_spans = {p.iri: (p.content.start, p.content.end) for p in extraction.statements}

    def matches(g, p) -> bool:
        accused = any(
            iri in actors and names_match(gold.names.get(n, (n,)), actor_names(actors[iri]))
            for n in g.accused
            for iri in p.accused
        )
        places = [(p.evidence.start, p.evidence.end)] + [
            statement_spans[s] for s in p.supported_by if s in statement_spans
        ]
        overlap = any(a < d and c < b for a, b in places for c, d in spans[g.id])
        return accused and overlap

    candidates = {g.id: [n for n, p in enumerate(predicted) if matches(g, p)] for g in gold.allegations}
    right = {
        g.id: [n for n in candidates[g.id] if _claimant_right(g.claimants, predicted[n], actors, gold)]
        for g in gold.allegations
    }
    pairs = one_to_one(right)
    for g in gold.allegations:  # then the rest, to report what a wrong claimant cost
        free = [n for n in candidates[g.id] if n not in pairs.values()]
        if g.id not in pairs and free:
            pairs[g.id] = free[0]
    kept: set[int] = set()
    for g in gold.allegations:
        if g.id in pairs and pairs[g.id] in right[g.id]:
            counts.allegations_found += 1
        elif g.id in pairs:
            found = predicted[pairs[g.id]]
            got = [actors[i].label for i in found.claimants if i in actors] or [found.claimant_note]
            counts.misses.append(f"allegation claimant: gold {list(g.claimants)}, got {got} against {list(g.accused)}")
        else:
            counts.misses.append(f"allegation missed: {list(g.claimants)} → {list(g.accused)}: {g.evidence[:1]}")
    for n, p in enumerate(predicted):
        owner = next((g for g in gold.allegations if matches(g, p) and pairs.get(g.id) == n), None)
        if owner is not None:
            kept.add(n)
        else:
            names = [actors[i].label for i in p.accused if i in actors]
            counts.misses.append(f"allegation extra: {p.claim_type} against {names}: {p.summary[:60]!r}")
    counts.allegations_kept += len(kept)
    responses = {(r.statement, r.allegation): r.stance for r in extraction.responses}
    for number, item in enumerate(gold.statements):
        for allegation_id, stance in item.responds_to.items():
            if polarity(stance) == "neutral":
                continue
            counts.links_gold += 1
            if number not in matched or allegation_id not in pairs:
                lacking = "statement" if number not in matched else "allegation"
                counts.misses.append(f"link: {lacking} not found ({allegation_id}, {stance}): {item.text[:50]!r}")
                continue
            statement = extraction.statements[matched[number]]
            found = responses.get((statement.iri, predicted[pairs[allegation_id]].iri))
            if found is not None and polarity(found) == polarity(stance):
                counts.links_right += 1
            else:
                counts.misses.append(f"link: gold {stance}, got {found or 'no response'} ({allegation_id}): {item.text[:50]!r}")


def one_to_one(edges: dict[str, list[int]]) -> dict[str, int]:
    """A largest pairing of gold allegations with extracted ones along the edges, each extracted allegation standing
    for one gold allegation at most (augmenting paths; the sets are small)."""
    owner: dict[int, str] = {}

    def place(gold_id: str, seen: set[int]) -> bool:
        for n in edges[gold_id]:
            if n in seen:
                continue
            seen.add(n)
            if n not in owner or place(owner[n], seen):
                owner[n] = gold_id
                return True
        return False

    for gold_id in edges:
        place(gold_id, set())
    return {gold_id: n for n, gold_id in owner.items()}


def count(gold: GoldArticle, extraction: Extraction) -> Counts:
    counts = Counts()
    _actors(gold, extraction, counts)
    if gold.has_statements:
        matched = _statements(gold, extraction, counts)
        _allegations(gold, extraction, counts, matched)
    return counts
