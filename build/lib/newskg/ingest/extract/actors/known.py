"""Registry names in the text: every label, variant, demonym and capital of the registry, matched on folded tokens.

Guards keep precision: an all-capitals variant ("US", "WTO") matches only all-capitals text; a one-word name must be
capitalised; a name that is only part of a longer capitalised name ("Israel Katz", "National Security Council") is
left to the name finder. A capital stands for its state's government ("Lisbon said") unless the text shows the place:
a locative word ("in Lisbon"), a place suffix ("a London-based firm"), an indefinite article, coordination with a
place, or capitals (a wire dateline); a state's own name used so ("in Canada") is a place too.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from newskg.ingest.extract.actors.registry import PLACE, RegistryEntry
from newskg.ingest.extract.lexicon.matcher import entry_words
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.model import TextModel, Token

_JOINERS = frozenset("-‑–")
_APOSTROPHES = frozenset("'’")


class Use(Enum):
    ACTOR = "actor"
    METONYM = "metonym"  # a capital standing for its state
    DEMONYM = "demonym"  # a nationality adjective: material for groups and institutions, not a mention
    PLACE = "place"


@dataclass(frozen=True)
class KnownHit:
    entry: RegistryEntry
    use: Use
    first: int
    last: int


@dataclass(frozen=True)
class _Variant:
    entry: RegistryEntry
    use: Use
    acronym: bool


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in name.strip()


def name_words(name: str) -> tuple[str, ...]:
    """A name's folded words without the hyphens that join them ("al-Sham" and "al Sham" alike)."""
    return tuple(w for w in entry_words(name) if w and w not in _JOINERS and w not in ("'s", "’s"))


def joined(tokens: tuple[Token, ...], i: int) -> bool:
    """Token i is a hyphen written inside a word ("al-Qaeda")."""
    t = tokens[i]
    return t.text in _JOINERS and t.gap == "" and i + 1 < len(tokens) and tokens[i + 1].gap == ""


class KnownNameMatcher:
    def __init__(self, entries: list[RegistryEntry]) -> None:
        self._variants: dict[tuple[str, ...], list[_Variant]] = {}
        for entry in entries:
            for name in entry.names:
                self._add(
                    name,
                    _Variant(
                        entry,
                        Use.PLACE if entry.is_place else Use.ACTOR,
                        _is_acronym(name),
                    ),
                )
            for name in entry.demonyms:
                self._add(name, _Variant(entry, Use.DEMONYM, False))
            for name in entry.metonyms:
                self._add(name, _Variant(entry, Use.METONYM, False))
        self._prefixes = {key[:n] for key in self._variants for n in range(1, len(key) + 1)}

    def _add(self, name: str, variant: _Variant) -> None:
        key = name_words(name)
        if key and variant not in self._variants.setdefault(key, []):
            self._variants[key].append(variant)

    def starts_name(self, token: Token) -> bool:
        return (token.norm,) in self._prefixes

    def find(self, model: TextModel, words: WordTables) -> list[KnownHit]:
        """Longest matches, left to right, never overlapping."""
        hits: list[KnownHit] = []
        i = 0
        tokens = model.tokens
        while i < len(tokens):
            hit = self._longest_at(model, i, words, hits[-1] if hits else None)
            if hit is None:
                i += 1
                continue
            if hit.use is not Use.DEMONYM and self._inside_longer_name(model, hit, words):
                i += 1
                continue
            hits.append(hit)
            i = hit.last + 1
        return hits

    def _longest_at(self, model: TextModel, i: int, words: WordTables, previous: KnownHit | None) -> KnownHit | None:
        tokens = model.tokens
        best: KnownHit | None = None
        key: tuple[str, ...] = ()
        j = i
        while j < len(tokens) and tokens[j].sentence == tokens[i].sentence:
            if joined(tokens, j) or j > i and tokens[j].text in _APOSTROPHES and tokens[j].gap == "":
                j += 1  # "al-Qamar", "Liwa' al-Qamar": the registry's names are matched without them
                continue
            if j > i and "\n" in tokens[j].gap:
                break
            key += (tokens[j].norm,)
            if key not in self._prefixes:
                break
            fitting = [v for v in self._variants.get(key, []) if _surface_fits(v, tokens[i : j + 1])]
            if fitting:
                entry, use = _choose(fitting, model, i, j, words, previous)
                best = KnownHit(entry=entry, use=use, first=i, last=j)
            j += 1
        return best

    def _inside_longer_name(self, model: TextModel, hit: KnownHit, words: WordTables) -> bool:
        """'Israel Katz', 'National Security Council': a capitalised word joins the name on one side."""
        tokens = model.tokens
        single = hit.first == hit.last
        if single and tokens[hit.first].all_caps:
            return False
        before = tokens[hit.first - 1] if hit.first > 0 else None
        if (
            before is not None
            and tokens[hit.first].gap == " "
            and _joins_name(before, words)
            and not _opens_sentence(model, hit.first - 1)
            and before.sentence == tokens[hit.first].sentence
        ):
            return True
        after = tokens[hit.last + 1] if hit.last + 1 < len(tokens) else None
        return (
            single
            and after is not None
            and after.gap == " "
            and _joins_name(after, words)
            and not self.starts_name(after)
        )


def _surface_fits(variant: _Variant, span: tuple[Token, ...]) -> bool:
    named = [t for t in span if t.text not in _JOINERS]
    if variant.acronym:
        return all(t.all_caps or not t.text[0].isalpha() for t in named)
    if len(named) == 1:
        return named[0].capitalised
    return any(t.capitalised for t in named)


def _joins_name(token: Token, words: WordTables) -> bool:
    """A capitalised word that can be another part of the same name (not a title, month, or function word)."""
    norm = token.norm
    return (
        token.capitalised
        and not token.all_caps
        and token.proper
        and norm not in words.titles
        and norm not in words.honorifics
        and norm not in words.roles
        and norm not in words.not_names
        and not words.is_("month", norm)
        and not words.is_("weekday", norm)
    )


def _opens_sentence(model: TextModel, i: int) -> bool:
    return (
        i == 0
        or model.tokens[i - 1].sentence != model.tokens[i].sentence
        or "\n" in model.tokens[i].gap
        or model.tokens[i - 1].text in ('"', "“", "(", "—", ":")
    )


def _locative(model: TextModel, i: int, last: int, words: WordTables, previous: KnownHit | None) -> bool:
    """The name at tokens i..last is used as a place: 'in Lisbon', 'a London-based firm', 'in Peru and Chile'."""
    tokens = model.tokens
    if last + 2 < len(tokens) and joined(tokens, last + 1) and words.is_("place-suffix", tokens[last + 2].norm):
        return True
    if i == 0:
        return False
    if previous is not None and previous.use is Use.PLACE and previous.entry.type != PLACE:
        between = tokens[previous.last + 1 : i]
        if len(between) == 1 and between[0].norm in ("and", "or", ","):
            return True
    before = tokens[i - 1]
    moved_to = before.norm == "to" and i >= 2 and words.is_("motion-verb", tokens[i - 2].lemma)  # "flew to Velsk"
    return before.sentence == tokens[i].sentence and (
        words.is_("locative", before.norm) or before.norm in ("a", "an") or moved_to or _origin(model, i, words)
    )


def _origin(model: TextModel, i: int, words: WordTables) -> bool:
    """'rolled steel from Portugal': where a thing comes from, unless something was received from the name
    ("received drones from Ukraine", "support from Russia")."""
    tokens = model.tokens
    if i == 0 or tokens[i - 1].norm != "from":
        return False
    k = i - 2
    while k >= 0 and tokens[k].sentence == tokens[i].sentence and tokens[k].text not in ",;:":
        if words.is_("receiving", tokens[k].lemma):
            return False
        k -= 1
    return True


def _capital_starts_name(model: TextModel, i: int, last: int) -> bool:
    """'Washington D.C.', 'Lima Province': the capital starts another name."""
    tokens = model.tokens
    prefixed = i > 0 and joined(tokens, i - 1)
    return (
        not prefixed
        and last + 1 < len(tokens)
        and tokens[last + 1].capitalised
        and tokens[last + 1].gap == " "
        and tokens[last + 1].sentence == tokens[i].sentence
    )


def _choose(
    variants: list[_Variant],
    model: TextModel,
    i: int,
    last: int,
    words: WordTables,
    previous: KnownHit | None,
) -> tuple[RegistryEntry, Use]:
    as_place = _locative(model, i, last, words, previous)
    dateline = model.tokens[i].all_caps and len(model.tokens[i].text) > 3
    not_metonym = as_place or dateline or _capital_starts_name(model, i, last)
    by_use = {v.use: v.entry for v in reversed(variants)}
    if Use.ACTOR in by_use:
        entry = by_use[Use.ACTOR]
        if entry.type == "State" and (as_place or dateline):
            return entry, Use.PLACE
        return entry, Use.ACTOR
    if Use.METONYM in by_use and not not_metonym:
        return by_use[Use.METONYM], Use.METONYM
    if Use.PLACE in by_use:
        return by_use[Use.PLACE], Use.PLACE
    if Use.DEMONYM in by_use:
        return by_use[Use.DEMONYM], Use.DEMONYM
    return by_use[Use.METONYM], Use.PLACE
