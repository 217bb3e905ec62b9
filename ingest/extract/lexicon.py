"""The extraction lexicon: reporting cues, hedges, stance cues, event cues, claim cues and role nouns, read from the SKOS
data in ontology/lexicon/*.ttl (no word lists in code). Loaded once per Extractor; every pattern is compiled here."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ingest.errors import NewskgError
from ingest.namespaces import EVENT_TYPE, LEXICON
from ingest.resources import VOCABULARIES_FILE, lexicon_files


@dataclass(frozen=True)
class ReportingCue:
    """A word that attributes content to a speaker. kind: 'verb', 'preposition' or 'noun'."""

    lemma: str
    kind: str
    stance: str
    certainty: str | None = None
    allegation: bool = False
    addressee: bool = False
    echoes: bool = False
    characterises: bool = False
    accuses_object: bool = False


@dataclass(frozen=True)
class ClaimCue:
    """A word in reported content that alleges an act (claim_type: an event-type slug, None where the scheme has none).

    accuses_object: the actor after the cue did it ("implicating X"); receives: the subject is the receiving side
    ("received money from X"); wrongful: the act is an accusation in itself (bribery, a cover-up).
    """

    form: str
    claim_type: str | None
    past: str | None = None
    nominal: bool = False
    accuses_object: bool = False
    receives: bool = False
    wrongful: bool = False


@dataclass(frozen=True)
class RoleNoun:
    """A role noun or pronoun and the actor types it can refer back to."""

    form: str
    types: frozenset[str]
    pronoun: bool = False


_TOKEN = re.compile(r"[\w-]+")


@lru_cache(maxsize=8)
def _tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """Word starts, ends and lower-cased words of a text, shared by every matcher scanning it."""
    found = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
    return [f[0] for f in found], [f[1] for f in found], [f[2] for f in found]


@dataclass(frozen=True)
class PhraseMatch:
    """What a PhraseMatcher finds; shaped like a re.Match for the parts the stages use."""

    _start: int
    _end: int
    _text: str

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, index: int = 0) -> str:
        return self._text


class PhraseMatcher:
    """Finds any of many phrases as whole words, case-insensitively, longest first at each word.

    One pass of a word tokenizer plus a dictionary lookup per word: a regex alternation of a few hundred phrases is
    ~20x slower on every sentence the stages scan.
    """

    def __init__(self, forms: Iterable[str]) -> None:
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for form in set(forms):
            words = tuple(_TOKEN.findall(form.lower()))
            if words:
                self._by_first.setdefault(words[0], []).append(words)
        for candidates in self._by_first.values():
            candidates.sort(key=len, reverse=True)
        self._cache: dict[str, tuple[list[PhraseMatch], list[int]]] = {}

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[PhraseMatch]:
        """Matches lying wholly inside text[pos:endpos]. The whole text is scanned once and kept (the stages ask
        about many stretches of the same article)."""
        end = len(text) if endpos is None else endpos
        matches, starts = self._scan(text)
        for match in matches[bisect_left(starts, pos):]:
            if match.start() >= end:
                break
            if match.end() <= end:
                yield match

    def _scan(self, text: str) -> tuple[list[PhraseMatch], list[int]]:
        cached = self._cache.get(text)
        if cached is None:
            if len(self._cache) >= 8:
                self._cache.pop(next(iter(self._cache)))
            matches = list(self._scan_text(text))
            cached = self._cache[text] = (matches, [m.start() for m in matches])
        return cached

    def _scan_text(self, text: str) -> Iterator[PhraseMatch]:
        starts, ends, words = _tokens(text)
        i = 0
        while i < len(words):
            candidates = self._by_first.get(words[i])
            start = starts[i]
            if candidates is None or (start > 0 and text[start - 1] in "'’") or self._name_like(text, start):
                i += 1
                continue
            last = -1
            for phrase in candidates:
                j = i + len(phrase) - 1
                if j < len(words) and tuple(words[i:j + 1]) == phrase and all(
                        not text[ends[k - 1]:starts[k]].strip() for k in range(i + 1, j + 1)):
                    last = j
                    break
            if last < 0:
                i += 1
                continue
            yield PhraseMatch(start, ends[last], text[start:ends[last]])
            i = last + 1

    @staticmethod
    def _name_like(text: str, start: int) -> bool:
        """A capitalised word inside a sentence is a name ("in May", "Intelligence Report"), not the lexicon's word."""
        if not text[start].isupper():
            return False
        i = start - 1
        while i >= 0 and text[i] in " \t\u00a0":
            i -= 1
        return i >= 0 and text[i] not in ".!?:;\"“‘'(\n—–-…"

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> PhraseMatch | None:
        return next(self.finditer(text, pos, endpos), None)


def phrase_pattern(forms: Iterable[str]) -> PhraseMatcher:
    return PhraseMatcher(forms)


@dataclass(frozen=True)
class Lexicon:
    reporting: dict[str, ReportingCue] = field(default_factory=dict)
    hedges: dict[str, str] = field(default_factory=dict)
    stance_cues: dict[str, str] = field(default_factory=dict)
    event_cues: dict[str, str] = field(default_factory=dict)
    claim_cues: dict[str, ClaimCue] = field(default_factory=dict)
    roles: dict[str, RoleNoun] = field(default_factory=dict)
    broader: dict[str, str] = field(default_factory=dict)  # event-type slug -> its broader concept's slug
    state_heads: frozenset[str] = frozenset()  # role nouns that after "X's" stand for the state X ("government")
    restrictive: frozenset[str] = frozenset()  # "only", "merely": an accused's admission restricted to something else

    def __post_init__(self) -> None:
        verbs = {f: c for f, c in self.reporting.items() if c.kind == "verb"}
        patterns = {
            "verb_re": phrase_pattern(verbs),
            "preposition_re": phrase_pattern({f for f, c in self.reporting.items() if c.kind == "preposition"}),
            "noun_re": phrase_pattern({f for f, c in self.reporting.items() if c.kind == "noun"}),
            "hedge_re": phrase_pattern(self.hedges),
            "stance_re": phrase_pattern(self.stance_cues),
            "event_re": phrase_pattern(self.event_cues),
            "claim_re": phrase_pattern(self.claim_cues),
            "role_re": phrase_pattern({f for f, r in self.roles.items() if not r.pronoun}),
            "restrictive_re": phrase_pattern(self.restrictive),
        }
        for name, pattern in patterns.items():
            object.__setattr__(self, name, pattern)

    # typed accessors for the compiled patterns (set in __post_init__)
    verb_re: PhraseMatcher = field(init=False, repr=False, compare=False)
    preposition_re: PhraseMatcher = field(init=False, repr=False, compare=False)
    noun_re: PhraseMatcher = field(init=False, repr=False, compare=False)
    hedge_re: PhraseMatcher = field(init=False, repr=False, compare=False)
    stance_re: PhraseMatcher = field(init=False, repr=False, compare=False)
    event_re: PhraseMatcher = field(init=False, repr=False, compare=False)
    claim_re: PhraseMatcher = field(init=False, repr=False, compare=False)
    role_re: PhraseMatcher = field(init=False, repr=False, compare=False)
    restrictive_re: PhraseMatcher = field(init=False, repr=False, compare=False)

    def reporting_cue(self, form: str) -> ReportingCue | None:
        return self.reporting.get(_fold(form))

    def claim_cue(self, form: str) -> ClaimCue | None:
        return self.claim_cues.get(_fold(form))

    def role(self, form: str) -> RoleNoun | None:
        return self.roles.get(_fold(form))

    def lineage(self, event_type: str) -> list[str]:
        """The event type and every broader type above it (supply-weapons, provide-military-aid, provide-aid)."""
        chain = [event_type]
        while chain[-1] in self.broader and self.broader[chain[-1]] not in chain:
            chain.append(self.broader[chain[-1]])
        return chain

    def related_types(self, first: str, second: str) -> bool:
        """Whether one event type is the other or lies under it."""
        return first in self.lineage(second) or second in self.lineage(first)


def _fold(form: str) -> str:
    return " ".join(form.lower().split())


def _slug(iri: object) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def _forms(graph: Graph, entry: URIRef) -> list[str]:
    return sorted(_fold(str(o)) for o in graph.objects(entry, LEXICON.form) if isinstance(o, Literal))


def _flag(graph: Graph, entry: URIRef, prop: URIRef) -> bool:
    return any(bool(o.toPython()) for o in graph.objects(entry, prop) if isinstance(o, Literal))


def _iri_slug(graph: Graph, entry: URIRef, prop: URIRef) -> str | None:
    values = sorted(_slug(o) for o in graph.objects(entry, prop))
    return values[0] if values else None


def _in_scheme(graph: Graph, scheme: str) -> list[URIRef]:
    return sorted(s for s in graph.subjects(SKOS.inScheme, LEXICON[scheme]) if isinstance(s, URIRef))


def lexicon_from_graph(graph: Graph) -> Lexicon:
    reporting: dict[str, ReportingCue] = {}
    for entry in _in_scheme(graph, "reporting-cues"):
        cue = ReportingCue(
            lemma=str(graph.value(entry, SKOS.prefLabel) or _slug(entry)),
            kind=str(graph.value(entry, LEXICON.cueKind) or "verb"),
            stance=_iri_slug(graph, entry, LEXICON.stance) or "neutral",
            certainty=_iri_slug(graph, entry, LEXICON.certainty),
            allegation=_flag(graph, entry, LEXICON.introducesAllegation),
            addressee=_flag(graph, entry, LEXICON.takesAddressee),
            echoes=_flag(graph, entry, LEXICON.echoes),
            characterises=_flag(graph, entry, LEXICON.characterises),
            accuses_object=_flag(graph, entry, LEXICON.accusesObject),
        )
        for form in _forms(graph, entry):
            reporting.setdefault(form, cue)

    def by_form(scheme: str, prop: URIRef) -> dict[str, str]:
        table: dict[str, str] = {}
        for entry in _in_scheme(graph, scheme):
            if _flag(graph, entry, LEXICON.restrictive):
                continue
            value = _iri_slug(graph, entry, prop)
            for form in _forms(graph, entry) if value else []:
                table.setdefault(form, value or "")
        return table

    claim_cues: dict[str, ClaimCue] = {}
    for entry in _in_scheme(graph, "claim-cues"):
        claim_type = _iri_slug(graph, entry, LEXICON.eventType)
        past = graph.value(entry, LEXICON.pastForm)
        for form in _forms(graph, entry):
            claim_cues.setdefault(form, ClaimCue(
                form, claim_type, str(past) if past else None, _flag(graph, entry, LEXICON.nominal),
                accuses_object=_flag(graph, entry, LEXICON.accusesObject),
                receives=_flag(graph, entry, LEXICON.receives), wrongful=_flag(graph, entry, LEXICON.wrongful)))
    roles: dict[str, RoleNoun] = {}
    state_heads = {form for entry in _in_scheme(graph, "role-nouns") if _flag(graph, entry, LEXICON.speaksForState)
                   for form in _forms(graph, entry)}
    for entry in _in_scheme(graph, "role-nouns"):
        types = frozenset(str(o) for o in graph.objects(entry, LEXICON.actorType))
        for form in _forms(graph, entry):
            known = roles.get(form)
            roles[form] = RoleNoun(form, types | (known.types if known else frozenset()),
                                   _flag(graph, entry, LEXICON.pronoun))
    event_type_scheme = URIRef(str(EVENT_TYPE).rstrip("/"))
    broader = {_slug(s): _slug(o) for s, o in graph.subject_objects(SKOS.broader)
               if (s, SKOS.inScheme, event_type_scheme) in graph}
    return Lexicon(
        broader=broader,
        reporting=reporting,
        hedges=by_form("hedges", LEXICON.certainty),
        stance_cues=by_form("stance-cues", LEXICON.stance),
        event_cues=by_form("event-cues", LEXICON.eventType),
        claim_cues=claim_cues,
        roles=roles,
        state_heads=frozenset(state_heads),
        restrictive=frozenset(form for entry in _in_scheme(graph, "stance-cues")
                              if _flag(graph, entry, LEXICON.restrictive) for form in _forms(graph, entry)),
    )


@lru_cache(maxsize=4)
def _load(paths: tuple[Path, ...]) -> Lexicon:
    graph = Graph()
    for path in paths:
        try:
            graph.parse(path, format="turtle")
        except (OSError, SyntaxError, ValueError) as error:
            raise NewskgError(f"cannot read the lexicon file {path}: {error}") from error
    return lexicon_from_graph(graph)


def load_lexicon(paths: list[Path] | None = None) -> Lexicon:
    """The lexicon from ontology/lexicon/*.ttl (or the given files), parsed once and shared (it is immutable).

    The event-type hierarchy (skos:broader) comes from ontology/vocabularies.ttl, read alongside."""
    files = list(paths if paths is not None else lexicon_files())
    if VOCABULARIES_FILE.is_file() and VOCABULARIES_FILE not in files:
        files.append(VOCABULARIES_FILE)
    return _load(tuple(files))
