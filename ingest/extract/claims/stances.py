"""The stance scheme's concepts by local name (ontology/vocabularies.ttl), and the side each takes: its report stance
(nkg:reportStance, loaded into the lexicon) supports, contests (denies or downplays) or takes none."""

from __future__ import annotations

SUPPORTS = "supports"
CONFIRMS = "confirms"
DENIES = "denies"
DISMISSES = "dismisses"
DOWNPLAYS = "downplays"
ASSESSES = "assesses"
NEUTRAL = "neutral"
CONTESTING = frozenset({DENIES, DISMISSES, DOWNPLAYS})


def contests(stance: str, report: dict[str, str]) -> bool:
    return report.get(stance, stance) in (DENIES, DOWNPLAYS)


def backs(stance: str, report: dict[str, str]) -> bool:
    return report.get(stance, stance) == SUPPORTS
