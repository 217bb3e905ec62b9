"""A wire story's dateline and agency reach the article's graph: where it was filed (nkg:datelinePlace, a place) and
the agency credited (nkg:wireAgency, an actor); neither is an actor mention of the story. Real CLI, real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newskg.ingest.cli import main

STORY = ("Port closes after clashes\n\n"
         "ARDENNE, Valmora (Reuters) - Police in the northern town made four arrests on Friday, a spokeswoman said.\n\n"
         "The port will stay closed until Monday, she said.\n")
QUERY = """PREFIX nkg: <https://w3id.org/newskg/ontology/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?property ?label ?type WHERE { GRAPH ?g {
  ?article ?property ?node . ?node rdfs:label ?label ; a ?type .
  FILTER(?property IN (nkg:wireAgency, nkg:datelinePlace)) } }"""


def test_the_dateline_place_and_the_wire_agency_are_in_the_graph(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "wire-story.txt"
    story.write_text(STORY, encoding="utf-8")
    store = tmp_path / "store"
    assert main(["--store", str(store), "ingest", str(story)]) == 0
    capsys.readouterr()
    assert main(["--store", str(store), "query", QUERY]) == 0
    rows = {(b["property"]["value"].rsplit("/", 1)[-1], b["label"]["value"], b["type"]["value"].rsplit("/", 1)[-1])
            for b in json.loads(capsys.readouterr().out)["results"]["bindings"]}
    assert rows == {("datelinePlace", "Ardenne", "Place"), ("wireAgency", "Reuters", "MediaOutlet")}
