"""The actor stage on the two seed articles, scored against evaluation/gold/*.actors.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.score_actors import DISCOVERY_TARGET, TARGETS, gold_files, load_gold, score, score_seed
from ingest.extract.actors import find_actors
from ingest.extract.read.page import read_file
from ingest.extract.registry import Registry, load_registry
from ingest.iris import IriMinter
from ingest.resources import SEEDS_DIR

MINTER = IriMinter("https://example.org/")
GOLD = gold_files()


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(MINTER)


def test_there_is_a_gold_file_per_seed() -> None:
    assert {load_gold(p)["seed"] for p in GOLD} == {p.stem for p in SEEDS_DIR.glob("*.txt")}


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name)
def test_known_and_discovered_actors_meet_the_targets(gold_path: Path, registry: Registry) -> None:
    result = score_seed(gold_path, registry, MINTER)
    assert result["recall"] >= TARGETS["recall"], result["missed"]
    assert result["precision"] >= TARGETS["precision"], result["spurious"]
    assert result["type_accuracy"] >= 0.9


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name)
def test_discovery_alone_finds_most_named_people_and_organisations(gold_path: Path) -> None:
    result = score_seed(gold_path, Registry.empty(), MINTER)
    assert result["named_people_org_recall"] >= DISCOVERY_TARGET, result["missed"]
    assert result["precision"] >= 0.85, result["spurious"]


def test_the_scorer_counts_misses_and_spurious_actors(registry: Registry) -> None:
    gold = load_gold(GOLD[0])
    doc = read_file(SEEDS_DIR / f"{gold['seed']}.txt")
    actors = find_actors(doc, registry, MINTER)
    perfect = score(actors, gold, registry)
    halved = score(actors[: len(actors) // 2], gold, registry)
    assert halved["recall"] < perfect["recall"] and halved["precision"] == 1.0
    assert score([], gold)["recall"] == 0.0
