"""A hand-made extraction of a fictional article, mapped by the real ingest.mapping: the conforming fixture.

`copies` repeats the story's paragraphs (with their actors' mentions, statements, allegations and events) so that
timing runs see a graph the size of a real article (copies=6: about 1,700 triples, 180 text selectors).
"""

from __future__ import annotations

from datetime import date

from rdflib import Graph

from newskg.ingest.iris import IriMinter
from newskg.ingest.mapping import Provenance, article_graph
from newskg.ingest.model import Actor, Allegation, ArticleDoc, Event, Extraction, Place, Span, Statement

MINTER = IriMinter("http://127.0.0.1:8000/")
PROVENANCE = Provenance("newskg test", "0.1.0")
KEY = "shapes-sample"

PARAGRAPH = (
    "The Borduria defence ministry accused Ruritania of sending attack drones to the Eastern Brigade in the autumn. "
    "\u201cWe have sent nothing to anyone,\u201d a Ruritanian official told the Daily Courier, speaking on condition "
    "of anonymity. Analyst Mara Vell, a fellow at the Lakeside Institute, said the claim was plausible but unproven. "
    "Drones were seen near Zenda in November 2024, according to reports."
)


class _Story:
    def __init__(self, copies: int) -> None:
        self.text = "\n\n".join([PARAGRAPH] * copies)
        self.copies = copies

    def span(self, copy: int, phrase: str, after: str = "") -> Span:
        base = copy * (len(PARAGRAPH) + 2)
        offset = PARAGRAPH.index(after) if after else 0
        start = base + PARAGRAPH.index(phrase, offset)
        return Span(start, start + len(phrase), phrase)


def sample_extraction(copies: int = 1) -> Extraction:
    story = _Story(copies)
    doc = ArticleDoc(key=KEY, text=story.text, title="Drones over Zenda", publisher="The Daily Courier",
                     date=date(2024, 12, 3), url="https://courier.example/drones-over-zenda")
    a = MINTER.actor
    ministry = Actor(str(a("Borduria defence ministry")), "Borduria defence ministry", "GovernmentBody", False,
                     aliases=["the ministry"], confidence=0.9)
    borduria = Actor(str(a("Borduria")), "Borduria", "State", True)
    ruritania = Actor(str(a("Ruritania")), "Ruritania", "State", True)
    brigade = Actor(str(a("Eastern Brigade")), "Eastern Brigade", "ArmedGroup", False, confidence=0.8)
    official = Actor(str(MINTER.anonymous_source(KEY, "a Ruritanian official")), "a Ruritanian official",
                     "AnonymousSource", False, role="a Ruritanian official", affiliation=ruritania.iri)
    courier = Actor(str(a("Daily Courier")), "Daily Courier", "MediaOutlet", False)
    vell = Actor(str(a("Mara Vell")), "Mara Vell", "Person", False, role="a fellow at the Lakeside Institute")
    institute = Actor(str(a("Lakeside Institute")), "Lakeside Institute", "ThinkTank", False)
    vell.affiliation = institute.iri
    ministry.affiliation = borduria.iri
    actors = [ministry, borduria, ruritania, brigade, official, courier, vell, institute]
    statements: list[Statement] = []
    allegations: list[Allegation] = []
    events: list[Event] = []
    for c in range(copies):
        ministry.mentions.append(story.span(c, "Borduria defence ministry"))
        borduria.mentions.append(story.span(c, "Borduria"))
        ruritania.mentions.append(story.span(c, "Ruritania"))
        brigade.mentions.append(story.span(c, "Eastern Brigade"))
        official.mentions.append(story.span(c, "a Ruritanian official"))
        courier.mentions.append(story.span(c, "Daily Courier"))
        vell.mentions.append(story.span(c, "Mara Vell"))
        institute.mentions.append(story.span(c, "Lakeside Institute"))
        accusation = story.span(c, "accused Ruritania of sending attack drones to the Eastern Brigade")
        allegation = Allegation(str(MINTER.allegation(KEY, f"drones-{c}")), "Ruritania sent attack drones to the "
                                "Eastern Brigade", accusation, claim_type="supply-weapons", claimants=[ministry.iri],
                                accused=[ruritania.iri], beneficiaries=[brigade.iri], certainty="alleged",
                                cluster=str(MINTER.cluster("allegation", "ruritania-drones-brigade")))
        claim = _statement(story, c, ministry, "accused", "Ruritania of sending attack drones to the Eastern Brigade",
                           "The Borduria", "supports", direct=False)
        denial = _statement(story, c, official, "told", "We have sent nothing to anyone,", "\u201cWe", "denies",
                            direct=True, medium=courier.iri)
        denial.cluster = str(MINTER.cluster("quote", "we have sent nothing to anyone"))
        assessment = _statement(story, c, vell, "said", "the claim was plausible but unproven", "Analyst",
                                "assesses", direct=False)
        unknown = _statement(story, c, None, "according to", "Drones were seen near Zenda in November 2024",
                             "Drones", "neutral", direct=False)
        for statement in (claim, denial, assessment):
            statement.about.append(allegation.iri)
        allegation.supported_by.append(claim.iri)
        allegation.contested_by.append(denial.iri)
        statements += [claim, denial, assessment, unknown]
        allegations.append(allegation)
        events.append(Event(str(MINTER.event(KEY, f"sighting-{c}")), "drones seen near Zenda", "attack",
                            story.span(c, "Drones were seen near Zenda"), date="2024-11", granularity="month",
                            places=[Place(str(MINTER.place("Zenda")), "Zenda")], participants=[brigade.iri]))
    return Extraction(doc, actors, statements, allegations, events)


def _statement(story: _Story, copy: int, speaker: Actor | None, cue: str, content: str, sentence_start: str,
               stance: str, *, direct: bool, medium: str | None = None) -> Statement:
    body = story.span(copy, content)
    first = story.span(copy, sentence_start)
    end = PARAGRAPH.index(".", PARAGRAPH.index(content) + len(content) - 1) + 1
    sentence_text = PARAGRAPH[PARAGRAPH.index(sentence_start):end]
    sentence = Span(first.start, first.start + len(sentence_text), sentence_text)
    return Statement(str(MINTER.statement(KEY, body.start, body.end)), speaker.iri if speaker else None,
                     speaker.label if speaker else None, story.span(copy, cue, sentence_start), body, sentence,
                     direct, stance=stance, medium=medium)


def sample_graph(copies: int = 1) -> Graph:
    """An editable copy of the mapped graph (the mapping's own is read-only), for tests that break it on purpose."""
    extraction = sample_extraction(copies)
    publisher = next(a for a in extraction.actors if a.label == "Daily Courier")
    author = Actor(str(MINTER.actor("Jon Rask")), "Jon Rask", "Person", False)
    return Graph() + article_graph(extraction, MINTER, PROVENANCE, publisher=publisher, authors=[author])
