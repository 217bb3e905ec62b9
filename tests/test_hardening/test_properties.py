"""Property-based tests (hypothesis) of reading, extraction, mapping and validation on generated articles.

Whatever the text and metadata: reading either gives an article or fails with newskg's own error; every span the
extractor finds lies inside the text and quotes it exactly; the mapped graph grounds every selector; and the graph
conforms to the shapes or comes with a report of its violations. Never another exception.
How many examples, and whether they are new ones, is the hypothesis profile's business (tests/conftest.py).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date
from typing import Iterator

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from newskg.ingest.errors import NewskgError
from newskg.ingest.extract.read.page import MetadataOverrides, read_bytes
from newskg.ingest.model import Extraction, Span
from newskg.ingest.pipeline import Pipeline
from store_checks import ungrounded_selectors

FIRST = ["Anna", "Omar", "Li", "Sofia", "Kwame", "Ines", "Dmytro", "Aylin", "José", "Mei-Ling", "Seán", "Zoë"]
LAST = ["Kovalenko", "Haddad", "Chen", "Moreau", "Mensah", "Ortega", "Bondarenko", "Yıldız", "O'Neill", "al-Amin"]
ORGS = ["the Ministry of Defence", "the Brask Liberation Front", "Norland", "the Velmar Port Authority",
        "the Institute for Maritime Security", "Reuters", "the United Nations", "a Turkish source"]
CUES = ["said", "told reporters", "claimed", "denied", "insisted", "warned", "added", "alleged", "wrote"]
ROLES = ["the regional governor", "a senior official", "a spokesperson", "an analyst", "the minister"]

words = st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12)
clause = st.lists(words, min_size=2, max_size=14).map(" ".join)
wild_text = st.text(max_size=80)  # anything but surrogates: control characters, marks, RTL, emoji, ...
person = st.builds(lambda f, l: f"{f} {l}", st.sampled_from(FIRST), st.sampled_from(LAST))
actor = st.one_of(person, st.sampled_from(ORGS))


@st.composite
def sentence(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 5))
    who, cue, what = draw(actor), draw(st.sampled_from(CUES)), draw(clause)
    if kind == 0:
        return f'"{what.capitalize()}," {cue} {who}, {draw(st.sampled_from(ROLES))}.'
    if kind == 1:
        return f"{who.capitalize()} {cue} that {what}."
    if kind == 2:
        return f"{who.capitalize()} accused {draw(actor)} of {what}, a claim {draw(actor)} {cue} was false."
    if kind == 3:
        return f"According to {who}, {what}; “{draw(clause)}”."
    if kind == 4:
        return f"{what.capitalize()} on {draw(st.dates(date(1990, 1, 1), date(2030, 12, 31))):%d %B %Y}."
    return draw(wild_text)


@dataclass(frozen=True)
class Submission:
    data: bytes
    name: str
    media_type: str
    overrides: MetadataOverrides | None


@st.composite
def submission(draw: st.DrawFn) -> Submission:
    title = draw(st.one_of(clause.map(str.title), wild_text))
    paragraphs = draw(st.lists(st.lists(sentence(), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=6))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = (newline * 2).join([title, *paragraphs])
    overrides = draw(st.one_of(st.none(), st.builds(
        MetadataOverrides, title=st.one_of(st.none(), wild_text), publisher=st.one_of(st.none(), actor, wild_text),
        authors=st.one_of(st.none(), st.lists(st.one_of(person, wild_text), max_size=3).map(tuple)),
        date=st.one_of(st.none(), st.dates()), url=st.one_of(st.none(), st.just("https://news.example/a"),
                                                              wild_text))))
    form = draw(st.sampled_from(["text", "html", "json"]))
    if form == "html":
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        page = f"<html><head><title>{html.escape(title)}</title></head><body><article>{body}</article></body></html>"
        return Submission(page.encode(), "generated.html", "text/html", overrides)
    if form == "json":
        record = {"title": title, "text": (newline * 2).join(paragraphs),
                  "published": draw(st.one_of(st.none(), st.dates().map(date.isoformat), wild_text))}
        return Submission(json.dumps(record).encode(), "generated.json", "application/json", overrides)
    return Submission(text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))), "generated.txt",
                      "text/plain", overrides)


def all_spans(extraction: Extraction) -> Iterator[tuple[str, Span]]:
    for found in extraction.actors:
        for span in found.mentions:
            yield f"mention of {found.label}", span
    for statement in extraction.statements:
        yield "statement content", statement.content
        yield "statement sentence", statement.sentence
        if statement.cue:
            yield "statement cue", statement.cue
    for allegation in extraction.allegations:
        yield "allegation evidence", allegation.evidence
    for found_event in extraction.events:
        yield "event evidence", found_event.evidence


@pytest.fixture(scope="module")
def pipeline(hardening_pipeline: Pipeline) -> Pipeline:
    return hardening_pipeline  # only its extractor and validator are used here, and dry runs: nothing is written


@given(item=submission())
def test_spans_lie_in_the_text_and_quote_it(pipeline: Pipeline, item: Submission) -> None:
    try:
        doc = read_bytes(item.data, item.name, item.media_type, item.overrides)
    except NewskgError as error:
        assert str(error).startswith(f"{item.name}: ")
        event(f"refused: {type(error).__name__}")
        return
    extraction = pipeline.extractor.extract(doc)
    text = extraction.article.text
    event(f"{len(extraction.statements) > 0 and 'with' or 'without'} statements")
    for what, span in all_spans(extraction):
        assert 0 <= span.start <= span.end <= len(text), f"{what} {span} outside the text"
        assert text[span.start:span.end] == span.text, f"{what} does not quote the text at its offsets"


@given(item=submission())
def test_the_graph_conforms_or_comes_with_its_report(pipeline: Pipeline, item: Submission) -> None:
    try:
        doc = read_bytes(item.data, item.name, item.media_type, item.overrides)
    except NewskgError:
        event("refused")
        return
    prepared = pipeline.prepare(doc)
    assert ungrounded_selectors(prepared.graph) == []
    report = pipeline.validator.validate(prepared.graph)
    event("conforms" if report.conforms else "rejected with a report")
    if not report.conforms:
        assert report.violations, "a graph that does not conform must say why"
        assert report.to_text()
    outcome = pipeline.ingest_doc(doc, item.name, dry_run=True)
    assert outcome.status.value == ("accepted" if report.conforms else "rejected")
