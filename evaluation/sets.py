"""The evaluation sets, each article's gold in one shape whatever file format it was written in.

seeds     the two seed articles (gold in evaluation/gold/<seed>.*.json; written after seeing output: tuning)
project   texts written for the project, fictional and labelled so (evaluation/gold/unseen/)
dev       real articles, development split (evaluation/real/, texts re-created into a git-ignored folder)
test      real articles, test split: never used for tuning
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.real import SPLITS_FILE, gold_paths, load_gold, sha256_text, text_path

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
NOT_NAMED = frozenset({"AnonymousSource", "ActorGroup"})


@dataclass(frozen=True)
class GoldActor:
    label: str
    type: str
    kind: str
    surfaces: tuple[str, ...]


@dataclass(frozen=True)
class GoldStatement:
    speaker: str | None
    speaker_aliases: tuple[str, ...]
    cue: str | None
    text: str
    occurrence: int  # which occurrence of text in the page it is (0: the first)
    direct: bool
    stance: str
    responds_to: dict[str, str]


@dataclass(frozen=True)
class GoldAllegation:
    id: str
    claimants: tuple[str, ...]
    accused: tuple[str, ...]
    evidence: tuple[str, ...]


@dataclass
class GoldArticle:
    name: str
    path: Path
    actors: list[GoldActor] | None = None
    statements: list[GoldStatement] = field(default_factory=list)
    allegations: list[GoldAllegation] | None = None
    central: str | None = None
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # actor label -> every name of it
    has_statements: bool = True  # False where the gold gives actors only
    # what a gold stance is towards: "central" (the article's central allegation, the real sets) or "bears-on"
    # (the allegation the statement bears on: the conventions the seeds and the project texts were written to)
    stance_towards: str = "central"


def _occurrence(text: str, wanted: str, start: int | None) -> int:
    if start is None:
        return 0
    return text.count(wanted, 0, start)


def _names(actors: list[dict]) -> dict[str, tuple[str, ...]]:
    return {a["label"]: tuple(dict.fromkeys([a["label"], *a.get("surfaces", [])])) for a in actors}


def _statement(item: dict, page: str) -> GoldStatement:
    return GoldStatement(
        item["speaker"],
        tuple(item.get("speaker_aliases", [])),
        item.get("cue"),
        item["text"],
        _occurrence(page, item["text"], item.get("start")),
        item["direct"],
        item["stance"],
        dict(item.get("responds_to", {})),
    )


def _actors(items: list[dict]) -> list[GoldActor]:
    return [
        GoldActor(
            a["label"],
            a["type"],
            a.get("kind") or ("named" if a["type"] not in NOT_NAMED else "collective"),
            tuple(a.get("surfaces", [])),
        )
        for a in items
    ]


def seeds() -> list[GoldArticle]:
    articles = []
    for path in sorted(GOLD_DIR.glob("*.statements.json")):
        name = path.name.split(".")[0]
        page = (SEEDS_DIR / f"{name}.txt").read_text(encoding="utf-8")
        statements = json.loads(path.read_text(encoding="utf-8"))["statements"]
        actors = json.loads((GOLD_DIR / f"{name}.actors.json").read_text(encoding="utf-8"))["actors"]
        articles.append(
            GoldArticle(
                name,
                SEEDS_DIR / f"{name}.txt",
                _actors(actors),
                [_statement(s, page) for s in statements],
                None,
                None,
                _names(actors),
                stance_towards="bears-on",
            )
        )
    return articles


def _old_allegations(items: list[dict], statements: list[dict]) -> tuple[list[GoldAllegation], list[GoldStatement]]:
    """The project texts' allegation format (accused, claimants, statement fragments supporting or contesting)."""
    allegations = []
    for n, item in enumerate(items):
        evidence = tuple(s["text"] for s in statements if any(f in s["text"] for f in item.get("supported_by", [])))
        allegations.append(GoldAllegation(f"A{n + 1}", tuple(item["claimants"]), tuple(item["accused"]), evidence))
    return allegations, []


def project() -> list[GoldArticle]:
    articles = []
    unseen = GOLD_DIR / "unseen"
    for path in sorted(unseen.glob("*.txt")):
        name = path.stem
        article = GoldArticle(name, path, has_statements=False, stance_towards="bears-on")
        statements_file = unseen / f"{name}.statements.json"
        actors_file = unseen / f"{name}.actors.json"
        page = path.read_text(encoding="utf-8")
        if actors_file.exists():
            actors = json.loads(actors_file.read_text(encoding="utf-8"))["actors"]
            article.actors = _actors(actors)
            article.names = _names(actors)
        if statements_file.exists():
            gold = json.loads(statements_file.read_text(encoding="utf-8"))
            article.has_statements = True
            items = gold["statements"]
            for item in gold.get("allegations", []):
                for n, s in enumerate(items):
                    s.setdefault("responds_to", {})
                    key = f"A{gold['allegations'].index(item) + 1}"
                    if any(f in s["text"] for f in item.get("supported_by", [])):
                        s["responds_to"][key] = "supports"
                    elif any(f in s["text"] for f in item.get("contested_by", [])):
                        s["responds_to"][key] = "denies"
            article.statements = [_statement(s, page) for s in items]
            if "allegations" in gold:
                article.allegations = _old_allegations(gold["allegations"], items)[0]
                for allegation in gold["allegations"]:
                    for role in ("accused", "claimants"):
                        for name_ in allegation[role]:
                            article.names.setdefault(name_, (name_,))
            for s in items:
                if s["speaker"]:
                    article.names.setdefault(s["speaker"], tuple([s["speaker"], *s.get("speaker_aliases", [])]))
        articles.append(article)
    return articles


def real(split: str) -> tuple[list[GoldArticle], list[str]]:
    """The real articles of a split whose texts are present (and the ids whose texts are missing or differ)."""
    wanted = set(json.loads(SPLITS_FILE.read_text(encoding="utf-8"))[split])
    articles, missing = [], []
    for path in gold_paths():
        gold = load_gold(path)
        if gold["id"] not in wanted:
            continue
        page_path = text_path(gold["id"])
        if not page_path.exists() or sha256_text(page_path.read_text(encoding="utf-8")) != gold["source"]["sha256"]:
            missing.append(gold["id"])
            continue
        page = page_path.read_text(encoding="utf-8")
        articles.append(
            GoldArticle(
                gold["id"],
                page_path,
                _actors(gold["actors"]),
                [_statement(s, page) for s in gold["statements"]],
                [
                    GoldAllegation(a["id"], tuple(a["claimants"]), tuple(a["accused"]), tuple(a["evidence"]))
                    for a in gold["allegations"]
                ],
                gold.get("central_allegation"),
                _names(gold["actors"]),
            )
        )
    return articles, missing
