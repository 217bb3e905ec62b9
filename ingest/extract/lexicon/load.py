"""Read the lexicon from ontology/lexicon: the SKOS schemes (*.ttl) and the word tables (words/*.tsv)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from newskg.ingest.derived_cache import DerivedCache
from newskg.ingest.errors import NewskgError
from newskg.ingest.extract.lexicon.entries import ActEntry, Cue, EventWord, Hedge, Lexicon, Pronoun, StanceWord
from newskg.ingest.extract.lexicon.matcher import LemmaMatcher
from newskg.ingest.extract.lexicon.words import LANGUAGE, load_word_tables
from newskg.ingest.namespaces import LEXICON, NKG
from newskg.ingest.resources import LEXICON_DIR, VOCABULARIES_FILE


def _local(node: object) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


class _Scheme:
    """The concepts of one lexicon scheme with their properties, read from the graph."""

    def __init__(self, graph: Graph, scheme: str) -> None:
        self.graph = graph
        self.concepts = sorted(graph.subjects(SKOS.inScheme, LEXICON[scheme]), key=str)

    def value(self, concept: URIRef, name: str) -> str | None:
        found = sorted(
            str(_local(o)) if isinstance(o, URIRef) else str(o) for o in self.graph.objects(concept, LEXICON[name])
        )
        return found[0] if found else None

    def flag(self, concept: URIRef, name: str) -> bool:
        return any(isinstance(o, Literal) and o.toPython() is True for o in self.graph.objects(concept, LEXICON[name]))

    def values(self, concept: URIRef, name: str) -> list[str]:
        return sorted(str(o) for o in self.graph.objects(concept, LEXICON[name]))

    def lemmas(self, concept: URIRef) -> list[str]:
        return sorted(
            str(o)
            for o in self.graph.objects(concept, LEXICON.lemma)
            if isinstance(o, Literal) and o.language == LANGUAGE
        )


def _cues(scheme: _Scheme) -> list[Cue]:
    return [
        Cue(
            lemma=lemma,
            cue_class=_local(c),
            pos=scheme.value(c, "partOfSpeech") or "phrase",
            stance=scheme.value(c, "stance") or "neutral",
            certainty=scheme.value(c, "certainty"),
            allegation=scheme.flag(c, "introducesAllegation"),
            addressee=scheme.flag(c, "takesAddressee"),
            accuses_object=scheme.flag(c, "accusesObject"),
            characterises=scheme.flag(c, "characterises"),
            clause_only=scheme.flag(c, "contentIsClause"),
        )
        for c in scheme.concepts
        for lemma in scheme.lemmas(c)
    ]


def _acts(scheme: _Scheme) -> list[ActEntry]:
    return [
        ActEntry(
            lemma=lemma,
            act_class=_local(c),
            pos=scheme.value(c, "partOfSpeech") or "phrase",
            event_type=scheme.value(c, "eventType") or "other-wrongdoing",
            wrongful=scheme.flag(c, "wrongful"),
            receives=scheme.flag(c, "receives"),
            accuses_object=scheme.flag(c, "accusesObject"),
            benefits=scheme.flag(c, "benefits"),
        )
        for c in scheme.concepts
        for lemma in scheme.lemmas(c)
    ]


def _event_words(scheme: _Scheme) -> list[EventWord]:
    """Each entry's lemmas with its event type (an entry without one names no event)."""
    return [
        EventWord(lemma, scheme.value(c, "partOfSpeech") or "noun", event_type)
        for c in scheme.concepts
        if (event_type := scheme.value(c, "eventType"))
        for lemma in scheme.lemmas(c)
    ]


def _broader(vocabularies: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The event types' broader concepts, and each stance's report stance."""
    graph = Graph().parse(vocabularies, format="turtle")
    broader = {_local(s): _local(o) for s, o in graph.subject_objects(SKOS.broader) if "event-type" in str(s)}
    report = {_local(s): _local(o) for s, o in graph.subject_objects(NKG.reportStance)}
    return broader, report


@lru_cache(maxsize=2)
def load_lexicon(
    directory: Path = LEXICON_DIR, vocabularies: Path = VOCABULARIES_FILE, cache: DerivedCache | None = None
) -> Lexicon:
    """The lexicon, parsed from its files, or read from the cache when one is given and holds it for these files."""
    if cache is None:
        return _parse(directory, vocabularies)
    sources = [*sorted(directory.glob("*.ttl")), *sorted((directory / "words").glob("*.tsv")), vocabularies]
    return cache.get("lexicon", lambda: _parse(directory, vocabularies), sources=sources, libraries=("rdflib",))


def _parse(directory: Path, vocabularies: Path) -> Lexicon:
    graph = Graph()
    try:
        for path in sorted(directory.glob("*.ttl")):
            graph.parse(path, format="turtle")
        words = load_word_tables(directory / "words")
    except (OSError, SyntaxError, ValueError) as error:
        raise NewskgError(f"cannot read the lexicon in {directory}: {error}") from error
    acts = _acts(_Scheme(graph, "acts"))
    broader, report = _broader(vocabularies)
    stance = _Scheme(graph, "stance-cues")
    hedges = _Scheme(graph, "hedges")
    pronouns = _Scheme(graph, "pronouns")
    return Lexicon(
        cues=LemmaMatcher(_cues(_Scheme(graph, "reporting-cues"))),
        acts=LemmaMatcher(a for a in acts if a.act_class != "legal-action"),
        legal_actions=LemmaMatcher(a for a in acts if a.act_class == "legal-action"),
        penalties=LemmaMatcher(_acts(_Scheme(graph, "penalties"))),
        attributing=LemmaMatcher(_acts(_Scheme(graph, "attributing"))),
        handed_over=LemmaMatcher(_acts(_Scheme(graph, "handed-over"))),
        stance_words=LemmaMatcher(
            StanceWord(
                lemma=lemma,
                stance=stance.value(c, "stance") or "neutral",
                restrictive=stance.flag(c, "restrictive"),
                pos=stance.value(c, "partOfSpeech") or "phrase",
                precedence=int(stance.value(c, "precedence") or 9),
                impugns_motive=stance.flag(c, "impugnsMotive"),
                only_negated=stance.flag(c, "onlyNegated"),
            )
            for c in stance.concepts
            for lemma in stance.lemmas(c)
        ),
        hedges=LemmaMatcher(
            Hedge(lemma, hedges.value(c, "certainty") or "alleged", "phrase")
            for c in hedges.concepts
            for lemma in hedges.lemmas(c)
        ),
        pronouns={
            lemma: Pronoun(
                lemma=lemma,
                number=pronouns.value(c, "number") or "singular",
                types=frozenset(pronouns.values(c, "actorType")),
                gender=pronouns.value(c, "gender"),
                first_person=pronouns.value(c, "grammaticalPerson") == "first",
            )
            for c in pronouns.concepts
            for lemma in pronouns.lemmas(c)
        },
        words=words,
        event_types=broader,
        report_stances=report,
        event_words=LemmaMatcher(_event_words(_Scheme(graph, "events"))),
    )
