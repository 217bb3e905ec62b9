"""Proper-name runs the registry does not know: capitalised words (with particles, inner hyphens, and "of"/"for"/"to"
inside an organisation's name), cut around registry hits, titles, months and words that are never names."""

from __future__ import annotations

from dataclasses import dataclass

from newskg.ingest.extract.actors.known import KnownHit, Use, joined
from newskg.ingest.extract.lexicon.words import WordTables
from newskg.ingest.extract.text.model import TextModel, Token
from newskg.ingest.extract.text.tagging import known_common_word

_OPENERS = frozenset("\"“‘'([—–:")


@dataclass(frozen=True)
class NameRun:
    first: int
    last: int


def sentence_initial(model: TextModel, i: int) -> bool:
    """First word of a sentence, a line, or a quotation, where capitals say nothing about names."""
    tokens = model.tokens
    if i == 0 or tokens[i - 1].sentence != tokens[i].sentence or "\n" in tokens[i].gap:
        return True
    j = i - 1
    while j >= 0 and tokens[j].text in _OPENERS and tokens[j].sentence == tokens[i].sentence:
        if tokens[j].text == ":":
            return True  # 'He said: "The group …"'
        j -= 1
    return j < 0 or tokens[j].sentence != tokens[i].sentence or (j < i - 1 and tokens[j].text in ".:")


def name_word(model: TextModel, i: int, words: WordTables) -> bool:
    token = model.tokens[i]
    if not token.text[:1].isupper() or not any(c.isalpha() for c in token.text):
        return False
    acronym_plural = token.text[-1:] == "s" and token.text[:-1].isupper() and token.norm[:-1] in words.not_names
    if token.norm in words.not_names or acronym_plural:  # "RPG", "RPGs"
        return False
    if words.is_("month", token.norm) or words.is_("weekday", token.norm):
        return False
    if any(c.isdigit() for c in token.text) or token.tag.startswith("PRP"):
        return False  # amounts, codes and road numbers; "I"
    if _lede_capitals(model, i):
        return False  # "A SENIOR lecturer at …": a common word in a lede's capitals
    if (
        sentence_initial(model, i)
        and (token.common or not token.proper)
        and not token.all_caps
        and not any(c.isupper() for c in token.text[1:])
        and not _starts_longer_name(model, i, words)
    ):
        return False  # "Prosecutors said": a common word capitalised by its position
    return True


def _lede_capitals(model: TextModel, i: int) -> bool:
    """A common word set in capitals at a sentence's start, modifying a noun in lower case, as ledes do."""
    tokens = model.tokens
    token = tokens[i]
    opening = sentence_initial(model, i) or i > 0 and sentence_initial(model, i - 1) and tokens[i - 1].tag == "DT"
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        opening
        and token.all_caps
        and len(token.text) >= 4
        and token.common
        and following is not None
        and following.sentence == token.sentence
        and following.text[:1].islower()
        and (following.noun or following.tag.startswith("JJ"))  # "A SENIOR lecturer", not "THE OMBUDSMAN has"
    )


def _starts_longer_name(model: TextModel, i: int, words: WordTables) -> bool:
    """'Daily Courier columnist …', 'Human Rights Watch said': a noun or adjective opening a sentence that a
    capitalised proper noun follows is the first word of a name (a determiner or a preposition never is)."""
    tokens = model.tokens
    token = tokens[i]
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if not token.tag.startswith(("NN", "JJ")) or following is None or following.sentence != token.sentence:
        return False
    if following.gap == " " and following.capitalised and following.norm in words.titles:
        return not words.is_("time", token.norm)  # "Mines Minister Ada Lomba", not "Today President …"
    if following.gap == " " and following.capitalised and following.proper and not following.common:
        return True
    if token.norm in words.org_heads and _connector(model, i + 1, i, words):
        return True  # "Ministry of Defence said", "Friends of the Earth said", "Committee to Protect Journalists"
    return _ends_in_org_head(model, i + 1, words)


def _ends_in_org_head(model: TextModel, i: int, words: WordTables) -> bool:
    """'Prison Conditions Watch': capitalised words from token i up to one that heads organisations' names."""
    tokens = model.tokens
    j = i
    while j < len(tokens) and j - i < 5 and tokens[j].gap == " " and tokens[j].capitalised:
        if tokens[j].norm in words.org_heads and (j + 1 >= len(tokens) or not tokens[j + 1].capitalised):
            return True
        j += 1
    return False


def _connector(model: TextModel, i: int, run_first: int, words: WordTables) -> bool:
    """'of', 'for', 'to', '&'... inside an organisation's name: after a word that heads one ("Ministry of Defence",
    "Committee to Protect Journalists") and before a capitalised word."""
    tokens = model.tokens
    token = tokens[i]
    if not words.is_("name-connector", token.norm) or token.capitalised and token.norm != "&":
        return False
    nxt = i + 1
    if nxt < len(tokens) and tokens[nxt].norm == "the" and token.norm in ("of", "for") and nxt + 1 < len(tokens):
        nxt += 1  # "Friends of the Earth", "Bank of the West"
    if nxt >= len(tokens) or not tokens[nxt].capitalised or tokens[nxt].sentence != token.sentence:
        return False
    heads = [tokens[k].norm for k in range(run_first, i)]
    if token.norm in ("the", "and", "&"):
        after_connector = i - 1 >= run_first and tokens[i - 1].norm in words.name_particles | {"of", "for"}
        # "Center for Water and Energy Studies": an organisation's name that goes on to another head-like word
        inner_and = (
            token.norm == "and"
            and any(
                heads[k] in words.org_heads and not tokens[run_first + k + 1].capitalised for k in range(len(heads) - 1)
            )
            and _ends_in_refined_word(model, i + 1, words)
        )
        # "Economic and Financial Crimes Commission", "Food and Drug Administration": a common word joined to the
        # words of a name that ends in a head
        shared_head = (
            token.norm == "and"
            and i - run_first == 1
            and known_common_word(tokens[run_first].text)
            and _ends_in_refined_word(model, i + 1, words)
        )
        return after_connector or inner_and or shared_head or token.norm == "&"
    return any(h in words.org_heads for h in heads)


def _ends_in_refined_word(model: TextModel, i: int, words: WordTables) -> bool:
    tokens = model.tokens
    j = i
    while j < len(tokens) and j - i < 4 and tokens[j].capitalised and tokens[j].gap == " ":
        if j + 1 >= len(tokens) or not tokens[j + 1].capitalised:
            return tokens[j].norm in words.org_heads or tokens[j].norm in words.name_refinements
        j += 1
    return False


def _plural_possessive_inside(model: TextModel, i: int, words: WordTables) -> bool:
    """The apostrophe of a plural possessive before the word that heads an organisation's name."""
    tokens = model.tokens
    return (
        tokens[i].text in ("'", "’")
        and tokens[i].gap == ""
        and tokens[i - 1].text.endswith("s")
        and i + 1 < len(tokens)
        and tokens[i + 1].gap == " "
        and tokens[i + 1].norm in words.org_heads
        and name_word(model, i + 1, words)
    )


def _office_possessive_inside(model: TextModel, i: int, words: WordTables) -> bool:
    """The "'s" between a title and the word heading an organisation's name: "Information Commissioner's Office",
    "Attorney General's Office" are one name."""
    tokens = model.tokens
    return (
        tokens[i].text in ("'s", "’s")
        and tokens[i].gap == ""
        and tokens[i - 1].norm in words.titles
        and i + 1 < len(tokens)
        and tokens[i + 1].capitalised
        and tokens[i + 1].norm in words.org_heads
        and name_word(model, i + 1, words)
    )


def find_name_runs(model: TextModel, hits: list[KnownHit], words: WordTables) -> list[NameRun]:
    tokens = model.tokens
    blocked = [False] * len(tokens)
    demonym = [False] * len(tokens)
    for hit in hits:
        for i in range(hit.first, hit.last + 1):
            if hit.use is Use.DEMONYM:
                demonym[i] = True
            else:
                blocked[i] = True
    runs: list[NameRun] = []
    i = 0
    while i < len(tokens):
        demonym_start = (
            demonym[i]
            and i + 1 < len(tokens)
            and not blocked[i + 1]
            and name_word(model, i + 1, words)
            and tokens[i + 1].gap == " "
        )
        if blocked[i] or not (name_word(model, i, words) or demonym_start):
            i += 1
            continue
        first = last = i
        j = i + 1
        while (
            j < len(tokens)
            and not blocked[j]
            and tokens[j].sentence == tokens[i].sentence
            and "\n" not in tokens[j].gap
        ):
            t = tokens[j]
            if joined(tokens, j) and j + 1 < len(tokens) and not blocked[j + 1]:
                if tokens[j + 1].text[:1].islower() and tokens[j + 1].text.isalpha() and not tokens[j + 1].common:
                    last = j + 1  # "Lee Min-jun": a lower-case part joined by a hyphen
                    j += 2
                    continue
                j += 1
                continue
            if _plural_possessive_inside(model, j, words) or _office_possessive_inside(model, j, words):
                j += 1  # "Dock Workers' Union", "Information Commissioner's Office"
                continue
            if t.gap == "" and tokens[j - 1].text not in "-‑–" and not t.text[:1].isalpha():
                break  # "X’s", "X." end the name
            if (
                name_word(model, j, words)
                or (t.norm in words.name_particles and j + 1 < len(tokens) and tokens[j + 1].capitalised)
                or _connector(model, j, first, words)
            ):
                last = j if name_word(model, j, words) else last
                j += 1
                continue
            break
        while last > first and not name_word(model, last, words) and not joined(tokens, last - 1):
            last -= 1
        quote = model.quote_of(first)
        quoted_title = quote is not None and quote.first == first and quote.last <= last + 1 and last - first >= 1
        if not all(demonym[k] or not tokens[k].is_word for k in range(first, last + 1)) and not quoted_title:
            runs.append(NameRun(first, last))  # (a capitalised title in quotation marks names a document)
        i = max(j, last + 1)
    return runs


def run_text(model: TextModel, first: int, last: int) -> str:
    return model.span(first, last).text


def is_place_context(model: TextModel, first: int, words: WordTables) -> bool:
    """'in Port Kessa', 'near Laren', 'across northern Varenia': the run names a place."""
    tokens = model.tokens
    j = first - 1
    while j >= 0 and tokens[j].sentence == tokens[first].sentence and tokens[j].norm in ("the",):
        j -= 1
    return j >= 0 and tokens[j].sentence == tokens[first].sentence and words.is_("place-preposition", tokens[j].norm)


def token_is(token: Token, *norms: str) -> bool:
    return token.norm in norms
