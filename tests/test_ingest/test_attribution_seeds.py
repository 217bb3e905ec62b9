"""Statements on real articles through the real reading and actor stages: the seeds against their gold files, and
an article from another story (tests/test_ingest/data/kenya-rsf-vehicles.txt) that no rule was written for."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from evaluation.score_statements import GOLD_DIR, TARGETS, Counts, clusters_linked, figures, score_article
from ingest.extract.extractor import Extractor
from ingest.extract.lexicon import load_lexicon
from ingest.extract.read.page import MetadataOverrides, read_file
from ingest.iris import IriMinter
from ingest.model import Extraction
from ingest.namespaces import CERTAINTY, EVENT_TYPE, STANCE
from ingest.resources import VOCABULARIES_FILE, lexicon_files
from rdflib import Graph
from rdflib.namespace import RDF, SKOS

MINTER = IriMinter("http://127.0.0.1:8000/")
OTHER_STORY = Path(__file__).parent / "data" / "kenya-rsf-vehicles.txt"


def test_seed_statements_meet_the_targets_and_the_shared_quote_is_linked() -> None:
    total = Counts()
    for path in sorted(GOLD_DIR.glob("*.statements.json")):
        total.add(score_article(path, MINTER))
    values = figures(total)
    assert total.gold >= 40
    for name, target in TARGETS.items():
        assert values[name] >= target, (name, values[name], total.misses)
    assert clusters_linked(total) == {"fraction-of-help": True}


@lru_cache(maxsize=1)
def _other_story() -> Extraction:
    extractor = Extractor.load(MINTER)
    return extractor.extract(read_file(OTHER_STORY, MetadataOverrides(date=date(2024, 3, 14))))


def _statement(extraction: Extraction, fragment: str):  # type: ignore[no-untyped-def]
    return next(s for s in extraction.statements if fragment in s.content.text)


def test_another_story_is_extracted_sensibly() -> None:
    extraction = _other_story()
    text = extraction.article.text
    for statement in extraction.statements:
        assert text[statement.content.start:statement.content.end] == statement.content.text
    denial = _statement(extraction, "never sold")
    assert denial.speaker_label == "Isaac Mwaura" and denial.direct and denial.stance == "denies"
    assert _statement(extraction, "claims are baseless").speaker_label == "Isaac Mwaura"
    assert _statement(extraction, "no evidence").speaker_label == "Amina Yusuf"
    pronoun = _statement(extraction, "importing vehicles through Chad")
    assert pronoun.speaker_label == "Amina Yusuf" and pronoun.cue is not None and pronoun.cue.text == "said"
    assert _statement(extraction, "exaggerated").stance == "downplays"
    rejected = _statement(extraction, "accusations that it had supplied")
    assert rejected.stance == "dismisses" and rejected.time == "2024-03-13"
    assert _statement(extraction, "30 vehicles").content.text.startswith("at least 30 vehicles")
    coordinated = _statement(extraction, "humanitarian access")
    assert coordinated.speaker == _statement(extraction, "visited the city").speaker is not None
    aid = _statement(extraction, "displaced tens of thousands")
    assert aid.speaker is None and aid.speaker_label == "aid groups" and aid.certainty is None
    assert _statement(extraction, "worst we have seen").speaker_label == "Carla Benson"


def test_another_story_event_has_its_date_place_and_participant() -> None:
    extraction = _other_story()
    offensive = next(e for e in extraction.events if e.type == "military-offensive")
    assert offensive.date == "2023-05" and offensive.granularity == "month"
    assert [p.label for p in offensive.places] == ["El Fasher"]
    assert any("Rapid Support Forces" in a.label for a in extraction.actors if a.iri in offensive.participants)


def test_every_concept_the_lexicon_names_is_in_the_vocabularies() -> None:
    vocabularies = Graph().parse(VOCABULARIES_FILE, format="turtle")
    concepts = set(vocabularies.subjects(RDF.type, SKOS.Concept))
    lexicon_graph = Graph()
    for path in lexicon_files():
        lexicon_graph.parse(path, format="turtle")
    referenced = {o for o in lexicon_graph.objects() if str(o).startswith((str(STANCE), str(CERTAINTY), str(EVENT_TYPE)))}
    assert referenced and referenced <= concepts, referenced - concepts
    lexicon = load_lexicon()
    assert lexicon.reporting_cue("told") is not None and lexicon.reporting_cue("told").addressee
    assert lexicon.claim_cue("providing") is not None and lexicon.lineage("train-forces")[-1] == "provide-aid"
