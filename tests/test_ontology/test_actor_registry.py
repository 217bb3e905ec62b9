"""The registry of known actors (ontology/actors.ttl and ontology/states.ttl, read as one): parses against any base,
every actor typed, labelled, and its names unambiguous across both files."""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef

from newskg.ingest.iris import IriMinter
from newskg.ingest.namespaces import NKG, WD
from newskg.ingest.reasoning import ontology_graph
from newskg.ingest.resources import REGISTRY_FILES

MINTER = IriMinter("http://127.0.0.1:8000")


def actor(key: str) -> URIRef:
    return URIRef(f"{MINTER.id_base}actor/{key}")


def load_registry(minter: IriMinter) -> Graph:
    graph = Graph()
    for path in REGISTRY_FILES:
        graph.parse(path, format="turtle", publicID=minter.id_base)
    return graph


@pytest.fixture(scope="module")
def registry() -> Graph:
    return load_registry(MINTER)


@pytest.fixture(scope="module")
def actor_classes() -> set[URIRef]:
    onto = ontology_graph()
    classes, todo = {NKG.Actor}, [NKG.Actor]
    while todo:
        for sub in onto.subjects(RDFS.subClassOf, todo.pop()):
            if isinstance(sub, URIRef) and sub not in classes:
                classes.add(sub)
                todo.append(sub)
    return classes


@pytest.fixture(scope="module")
def actors(registry: Graph, actor_classes: set[URIRef]) -> list[URIRef]:
    return sorted({s for s, cls in registry.subject_objects(RDF.type) if cls in actor_classes})


def fold(label: str) -> str:
    return unicodedata.normalize("NFKC", label).casefold()


def test_relative_iris_resolve_against_the_configured_base() -> None:
    lines = [line for path in REGISTRY_FILES for line in path.read_text(encoding="utf-8").splitlines()]
    assert not [line for line in lines if line.lstrip().lower().startswith(("@base", "base "))]
    other = IriMinter("https://kg.example.org/news")
    subjects = {str(s) for s in load_registry(other).subjects(RDF.type, None)}
    assert f"{other.id_base}actor/hts" in subjects
    assert all(s.startswith(other.id_base) for s in subjects)


def test_every_subject_is_an_actor_or_a_place(registry: Graph, actors: list[URIRef]) -> None:
    places = set(registry.subjects(RDF.type, NKG.Place))
    assert set(registry.subjects()) == set(actors) | places
    assert len(actors) >= 40 and len(places) >= 15


def test_every_actor_is_typed_labelled_and_known(registry: Graph, actors: list[URIRef],
                                                 actor_classes: set[URIRef]) -> None:
    for iri in actors:
        types = set(registry.objects(iri, RDF.type))
        assert types and types <= actor_classes, iri
        assert len(list(registry.objects(iri, SKOS.prefLabel))) == 1, iri
        assert registry.value(iri, NKG.known) == Literal(True), iri
        assert str(iri).startswith(MINTER.id_base + "actor/"), iri


def test_no_name_is_shared_by_two_actors(registry: Graph, actors: list[URIRef]) -> None:
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for iri in actors:
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in registry.objects(iri, prop):
                owners[fold(str(label))].add(iri)
    shared = {name: sorted(map(str, who)) for name, who in owners.items() if len(who) > 1}
    assert not shared


def test_no_actor_repeats_its_own_label(registry: Graph, actors: list[URIRef]) -> None:
    for iri in actors:
        labels = [fold(str(x)) for p in (SKOS.prefLabel, SKOS.altLabel) for x in registry.objects(iri, p)]
        assert len(labels) == len(set(labels)), iri


def test_datatype_values_are_plain_strings_and_links_stay_inside(registry: Graph, actors: list[URIRef]) -> None:
    for prop in (NKG.role, NKG.metonym, NKG.demonym):
        for value in registry.objects(None, prop):
            assert isinstance(value, Literal) and value.language is None and value.datatype in (None, XSD.string)
    for subject, target in registry.subject_objects(NKG.affiliation):
        assert target in actors, (subject, target)


def test_wikidata_links_are_entity_iris_and_unique(registry: Graph) -> None:
    links = list(registry.subject_objects(OWL.sameAs))
    assert all(str(target).startswith(str(WD)) for _, target in links)
    assert len({t for _, t in links}) == len(links)
    assert (actor("ukraine"), OWL.sameAs, WD.Q212) in registry
    assert (actor("russia"), OWL.sameAs, WD.Q159) in registry


@pytest.mark.parametrize(("key", "names"), [
    ("gur", ["GUR", "HUR", "Defence Intelligence Directorate of Ukraine", "Main Intelligence Directorate",
             "Main Intelligence Directorate of Ukraine", "Ukrainian military intelligence"]),
    ("hts", ["Hay'at Tahrir al-Sham", "Hayat Tahrir al-Sham", "Hayat Tahrir al Sham", "HTS"]),
    ("al-qaeda", ["al-Qaeda", "al-Qaida", "al Qaeda"]),
    ("alexander-lavrentiev", ["Alexander Lavrentiev", "Alexander Lavrentyev", "Lavrentyev"]),
    ("vassily-nebenzia", ["Vassily Nebenzia", "Vasily Nebenzia"]),
    ("bashar-al-assad", ["Bashar al-Assad", "Assad"]),
    ("falcon-brigade", ["Falcon Brigade", "al-Shaheen Brigade"]),
    ("syrian-arab-army", ["SAA"]),
    ("tass", ["TASS", "Russian News Agency TASS"]),
    ("middle-east-eye", ["Middle East Eye", "MEE"]),
    ("responsible-statecraft", ["QiOSK"]),
    ("washington-post", ["Washington Post"]),
    ("new-york-times", ["New York Times"]),
    ("quincy-institute", ["Quincy Institute"]),
    ("middle-east-institute", ["Middle East Institute"]),
    ("marymount-university", ["Marymount University"]),
    ("intelligence-report", ["Intelligence Report"]),
    ("rybar", ["Rybar"]),
    ("al-watan", ["al-Watan"]),
    ("wagner-group", ["Wagner Group", "Wagner"]),
    ("tuareg-rebels", ["Tuareg rebels"]),
    ("russian-defence-ministry", ["Russian defence ministry"]),
    ("sergey-lavrov", ["Sergey Lavrov"]),
    ("kyrylo-budanov", ["Kyrylo Budanov"]),
    ("cihat-arpacik", ["Cihat Arpacik"]),
    ("anton-mardasov", ["Anton Mardasov"]),
    ("mark-episkopos", ["Mark Episkopos"]),
    ("david-ignatius", ["David Ignatius"]),
    ("ragip-soylu", ["Ragip Soylu"]),
    ("nato", ["NATO"]),
    ("united-nations", ["UN"]),
    ("the-west", ["the West"]),
])
def test_seed_actors_are_found_by_every_variant(registry: Graph, key: str, names: list[str]) -> None:
    labels = {fold(str(x)) for p in (SKOS.prefLabel, SKOS.altLabel) for x in registry.objects(actor(key), p)}
    assert {fold(n) for n in names} <= labels


def test_roles_affiliations_demonyms_and_metonyms(registry: Graph) -> None:
    assert (actor("alexander-lavrentiev"), NKG.role, Literal("Russia's presidential envoy for Syria")) in registry
    assert (actor("alexander-lavrentiev"), NKG.affiliation, actor("russia")) in registry
    assert (actor("kyrylo-budanov"), NKG.affiliation, actor("gur")) in registry
    assert (actor("gur"), RDF.type, NKG.IntelligenceAgency) in registry
    assert (actor("ukraine"), NKG.demonym, Literal("Ukrainian")) in registry
    capitals = {"Kyiv": "ukraine", "Moscow": "russia", "Ankara": "turkey", "Damascus": "syrian-government",
                "Washington": "united-states", "Beijing": "china"}
    for capital, key in capitals.items():
        assert (actor(key), NKG.metonym, Literal(capital)) in registry, capital


def test_seed_places_are_registered(registry: Graph) -> None:
    labels = {fold(str(x)) for place in registry.subjects(RDF.type, NKG.Place)
              for p in (SKOS.prefLabel, SKOS.altLabel) for x in registry.objects(place, p)}
    for name in ["Idlib", "Aleppo", "Syria", "Ukraine", "Russia", "Turkey", "Kursk", "Mali", "Myanmar", "China",
                 "Saraqeb", "Maaret al-Numan", "Ankara", "Damascus", "Kyiv"]:
        assert fold(name) in labels, name
    assert (URIRef(MINTER.place("Maaret al-Numan")), RDF.type, NKG.Place) in registry
