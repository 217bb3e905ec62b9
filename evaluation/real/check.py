"""`python -m evaluation.real.check [--fix] [ID ...]`: check gold files against their texts and the conventions.

Checks: the text's sha256; every statement's text at its offsets (--fix fills missing offsets from the first
occurrence not already taken); speakers, claimants, accused, beneficiaries and targets are actor labels (or
UNATTRIBUTED / OUTLET for claimants); stance values; allegation ids in responds_to and central_allegation; every
allegation's evidence fragment and every actor surface occurs in the text. Exits 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys

from evaluation.real import GOLD_DIR, load_gold, sha256_text, text_path

STANCES = {"supports", "confirms", "denies", "dismisses", "downplays", "assesses", "neutral"}
TYPES = {
    "Person",
    "Organization",
    "State",
    "GovernmentBody",
    "IntelligenceAgency",
    "ArmedGroup",
    "MediaOutlet",
    "ThinkTank",
    "AcademicInstitution",
    "SocialMediaAccount",
    "ActorGroup",
    "AnonymousSource",
}
KINDS = {"named", "described", "anonymous", "collective"}
CLAIMANT_MARKERS = {"UNATTRIBUTED", "OUTLET"}


def _place_statements(gold: dict, text: str, fix: bool) -> list[str]:
    problems: list[str] = []
    taken: set[int] = {s["start"] for s in gold["statements"] if isinstance(s.get("start"), int)}
    for item in gold["statements"]:
        wanted = item["text"]
        start = item.get("start")
        if not isinstance(start, int) and fix:
            position = text.find(wanted)
            while position in taken:
                position = text.find(wanted, position + 1)
            if position != -1:
                item["start"], item["end"] = position, position + len(wanted)
                taken.add(position)
                start = position
        elif isinstance(start, int) and fix:
            item["end"] = start + len(wanted)
        if not isinstance(start, int):
            problems.append(f"{item.get('id')}: text not found: {wanted[:60]!r}")
        elif text[start : item["end"]] != wanted:
            problems.append(
                f"{item.get('id')}: text at {start}:{item['end']} is {text[start : item['end']][:40]!r}, "
                f"not {wanted[:40]!r}"
            )
    return problems


def check(gold: dict, text: str, fix: bool) -> list[str]:
    problems = []
    if sha256_text(text) != gold["source"]["sha256"]:
        problems.append("sha256 of the text differs from source.sha256")
    labels = {a["label"] for a in gold["actors"]}
    for actor in gold["actors"]:
        if actor["type"] not in TYPES:
            problems.append(f"actor {actor['label']!r}: type {actor['type']!r} unknown")
        if actor.get("kind") not in KINDS:
            problems.append(f"actor {actor['label']!r}: kind {actor.get('kind')!r} not one of {sorted(KINDS)}")
        for surface in actor.get("surfaces", []):
            if surface not in text:
                problems.append(f"actor {actor['label']!r}: surface {surface!r} not in the text")
        if actor.get("affiliation") and actor["affiliation"] not in labels:
            problems.append(f"actor {actor['label']!r}: affiliation {actor['affiliation']!r} is not an actor label")
    problems += _place_statements(gold, text, fix)
    allegation_ids = {a["id"] for a in gold["allegations"]}
    for item in gold["statements"]:
        if item["speaker"] is not None and item["speaker"] not in labels:
            problems.append(f"{item.get('id')}: speaker {item['speaker']!r} is not an actor label")
        if item["stance"] not in STANCES:
            problems.append(f"{item.get('id')}: stance {item['stance']!r}")
        for allegation, stance in item.get("responds_to", {}).items():
            if allegation not in allegation_ids or stance not in STANCES:
                problems.append(f"{item.get('id')}: responds_to {allegation}: {stance}")
    for allegation in gold["allegations"]:
        for role in ("claimants", "accused", "beneficiaries", "targets"):
            allowed = labels | (CLAIMANT_MARKERS if role == "claimants" else set())
            for name in allegation.get(role, []):
                if name not in allowed:
                    problems.append(f"{allegation['id']}: {role} {name!r} is not an actor label")
        if not allegation.get("accused"):
            problems.append(f"{allegation['id']}: no accused")
        for fragment in allegation.get("evidence", []):
            if fragment not in text:
                problems.append(f"{allegation['id']}: evidence not in the text: {fragment[:60]!r}")
        if not allegation.get("evidence"):
            problems.append(f"{allegation['id']}: no evidence")
    central = gold.get("central_allegation")
    if central is not None and central not in allegation_ids:
        problems.append(f"central_allegation {central!r} is not an allegation id")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--fix", action="store_true", help="fill statement offsets from their texts")
    args = parser.parse_args(argv)
    paths = [GOLD_DIR / f"{i}.json" for i in args.ids] if args.ids else sorted(GOLD_DIR.glob("*.json"))
    bad = 0
    for path in paths:
        gold = load_gold(path)
        if not text_path(gold["id"]).exists():
            print(f"{gold['id']}: text missing (python -m evaluation.real.restore --missing)")
            continue
        text = text_path(gold["id"]).read_text(encoding="utf-8")
        problems = check(gold, text, args.fix)
        if args.fix:
            path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        bad += bool(problems)
        print(f"{gold['id']}: " + ("ok" if not problems else f"{len(problems)} problems"))
        for problem in problems:
            print(f"  - {problem}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
