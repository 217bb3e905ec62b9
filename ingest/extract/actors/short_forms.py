"""The short forms by which news refers back to a name: a person's surname, a clipped surname ("Blagov" for
"Blagovesky"), an organisation's leading words, a name's initials, an acronym given in brackets ("the Laren
Liberation Front (LLF)")."""

from __future__ import annotations

from collections.abc import Sequence

from newskg.ingest.extract.actors.known import KnownHit, Use
from newskg.ingest.extract.actors.name_types import NamedCandidate
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.folding import name_key
from newskg.ingest.extract.text.model import TextModel
from newskg.ingest.extract.text.tagging import known_common_word, known_word


def short_forms(label: str, type_: str, words: WordTables | None = None) -> set[str]:
    """Folded short forms by which news refers back to a name: a person's surname (and the last two words of a long
    name); an outlet's or organisation's last word when it is the word that heads such names ("the Post", "the
    Times"); a company's name without its legal form and trade ("Ormond Vale" for "Ormond Vale Mining Corp")."""
    parts = name_key(label).split()
    if type_ == "Person" and len(parts) >= 2:
        forms = {parts[-1]}
        if len(parts) >= 3:
            forms.add(" ".join(parts[-2:]))
        last_written = label.split()[-1]
        if "-" in last_written and last_written.split("-")[-1][:1].islower():
            forms.add(parts[0])  # "Lee Min-jun": the family name first, the given name joined by a hyphen
        return forms
    if words is None or type_ == "Person" or len(parts) < 2:
        return set()
    if words.org_heads.get(parts[-1]) == "MediaOutlet":
        return {parts[-1]}
    if type_ == "Organization" and parts[-1] in words.company_suffixes:
        core = list(parts)
        while len(core) > 1 and (core[-1] in words.company_suffixes or words.org_heads.get(core[-1]) == type_):
            core.pop()
        return {" ".join(core)}
    return set()


def given_names(full: Sequence[NamedCandidate]) -> dict[str, str]:
    """A person's first name alone refers back to them when no other person named in full shares it ("Lee said"
    after "Lee Min-jun", whose family name comes first; "Ana" after "Ana Marr"): folded first word → the key."""
    firsts: dict[str, set[str]] = {}
    for c in full:
        parts = name_key(c.label).split()
        if c.type == "Person" and len(parts) >= 2:
            firsts.setdefault(parts[0], set()).add("name:" + name_key(c.label))
    return {first: next(iter(keys)) for first, keys in firsts.items() if len(keys) == 1}


def person_surnames(named: Sequence[NamedCandidate]) -> frozenset[str]:
    """The folded surnames of the persons named in full."""
    return frozenset(name_key(c.label).split()[-1] for c in named
                     if c.type == "Person" and not c.single and len(c.label.split()) > 1)


def clipped_surname(form: str, surnames: frozenset[str]) -> str:
    """"Blagov" for "Tomas Blagovesky": a lone word of four letters or more that begins one person's surname, three
    letters or more longer, is that surname clipped (news' nickname); else the word itself. A word English knows
    ("John", "Mark") is someone else's name, not a clipping of "Johnson" or "Markov"."""
    if len(form) < 4 or " " in form or known_word(form):
        return form
    clipped = {s for s in surnames if len(s) >= len(form) + 3 and s.startswith(form)}
    return clipped.pop() if len(clipped) == 1 else form


def leading_forms(label: str) -> set[str]:
    """The first words by which news shortens an organisation's name of three words or more ("Bayview Regional" and
    "Bayview" for "Bayview Regional Medical Center"); a first word English uses on its own ("National", "Human")
    is no short form."""
    written = label.split()
    parts = name_key(label).split()
    if len(parts) < 3 or len(written) != len(parts):
        return set()
    forms = {" ".join(parts[:n]) for n in range(2, len(parts))}
    if not known_common_word(written[0]):
        forms.add(parts[0])
    return forms


def after_demonym(model: TextModel, candidate: NamedCandidate, hits: Sequence[KnownHit]) -> str:
    """The folded name after a nationality word that opens it ("the Ostrian Harbour Times" → "harbour times"); ""
    when none opens it. The name without it, met in the text too, is the one meant."""
    opening = next((h for h in hits if h.use is Use.DEMONYM and h.first == candidate.first), None)
    if opening is None or opening.last >= candidate.last:
        return ""
    return name_key(model.span(opening.last + 1, candidate.last).text)


def initials(label: str, words: WordTables) -> str:
    """'Human Rights Watch' → 'hrw': the initials of a name's capitalised words (connectors left out)."""
    parts = [w for w in label.replace("-", " ").split() if w[:1].isupper()]
    return "".join(w[0] for w in parts).lower() if len(parts) >= 2 else ""


def acronym_after(model: TextModel, last: int, label: str = "") -> tuple[int, int] | None:
    """'(LLF)' right after a name, or a short form written in title case whose letters the name has in order
    ("Autoridad Nacional del Ambiente (Anam)"): the acronym token."""
    tokens = model.tokens
    if last + 3 >= len(tokens) or tokens[last + 1].text != "(" or tokens[last + 3].text != ")":
        return None
    short = tokens[last + 2]
    if short.all_caps or short.capitalised and short.text.isalpha() and _letters_in_order(short.text, label):
        return (last + 2, last + 2)
    return None


def _letters_in_order(short: str, label: str) -> bool:
    letters = iter(name_key(label).replace(" ", ""))
    folded = name_key(short)
    return bool(label) and folded[:1] == name_key(label)[:1] and all(c in letters for c in folded)
