"""Actors no registry names, discovered from how the text names them:
people by a title ("Foreign Minister X", "Dr. X"), a role ("columnist X", "X, a scholar at Y") or speech ("X said");
organisations by their last word (…Institute, …Brigade, …Directorate, …University, …Post); media by context ("the
newspaper X", "X magazine", "told X", "X reported"); accounts ("X, a Telegram account"); and any name defined by an
acronym in brackets ("Jabhat al Nasr (JAN)").
"""

from __future__ import annotations

import re

from ingest.extract.mentions import Use
from ingest.extract.candidates import NEW, Found, Named, known_key
from ingest.extract.context import ArticleText
from ingest.extract.normalise import name_key
from ingest.extract.vocabulary import demonym_like
from ingest.extract.org_cues import acronym_noun, media_by_context, speaking_thing, typed_by_context
from ingest.extract.person_cues import person_context
from ingest.extract.roles import role_after, role_before
from ingest.extract.short_names import earlier_actor
from ingest.extract.runs import Run, name_runs, person_like, preceding_norms, run_text

TITLE_CONFIDENCE = 0.85
ROLE_CONFIDENCE = 0.85
HEAD_CONFIDENCE = 0.8
ACRONYM_CONFIDENCE = 0.8
CONTEXT_CONFIDENCE = 0.7
_SPACE = re.compile(r"[ \t\u00a0]+")
_INVERTED_SPEECH = {"said", "says", "added", "wrote", "continued"}
_MAX_TITLE_WORDS = 4
_NOT_INSTITUTIONS = {"Person", "SocialMediaAccount", "MediaOutlet", "State"}


def _title_length(article: ArticleText, run: Run) -> int:
    """How many words at the start of the run form a title or honorific ("Foreign Minister", "Dr."), or a title
    the list lacks that ends in a listed one ("Mines Minister", "Deputy Treasury Secretary", "Inspector-General")."""
    vocab = article.vocabulary
    for length in range(min(vocab.longest_title, len(run.words)), 0, -1):
        key = " ".join(article.norm(i) for i in run.words[:length])
        if key in vocab.titles or key in vocab.honorifics:
            return length
    # an unlisted title needs a full name after it ("Mines Minister Ada Lomba", never "Coast General Hospital")
    for length in range(min(_MAX_TITLE_WORDS, len(run.words) - 2), 1, -1):
        last = run.words[length - 1]
        qualifiers = run.words[:length - 1]
        if article.norm(last) in vocab.titles and all(
                article.norm(i) not in vocab.stop_words and article.norm(i) not in vocab.org_heads
                and not article.words[i].acronym and (article.hit_at[i] is None or article.demonym_entry(i) is not None)
                for i in qualifiers):
            return length
    return 0


def _text(article: ArticleText, words: range) -> str:
    return article.text_between(words.start, words.stop - 1)


def _by_title(article: ArticleText, run: Run) -> Named | None:
    length = _title_length(article, run)
    if not length:
        return None
    rest = range(run.first + length, run.last + 1)
    if not rest or not person_like(article, rest):
        return None
    title = _text(article, run.words[:length])
    honorific = name_key(title) in article.vocabulary.honorifics
    return Named(rest, _text(article, rest), "Person", TITLE_CONFIDENCE, None if honorific else title)


def _org_type(article: ArticleText, words: range, head: int) -> str:
    vocab = article.vocabulary
    kind = vocab.org_heads[article.norm(head)]
    for i in words:
        refined = vocab.name_refinements.get(article.norm(i))
        if refined and (kind in refined[1] or "*" in refined[1]):
            kind = refined[0]
    for j in (words.start - 1, words.start - 2):
        descriptor = vocab.type_descriptors.get(article.norm(j))
        if descriptor and article.same_sentence(j, words.start):
            return descriptor
    after = " ".join(article.norm(j) for j in range(words.stop, words.stop + 2))
    for key, descriptor in vocab.type_descriptors.items():
        if after == key or after.split(" ")[0] == key:
            return descriptor
    return kind


def _by_head(article: ArticleText, run: Run) -> Named | None:
    vocab = article.vocabulary
    # "Atlantic Trade Institute"; "University of Coimbra" (a head first only with an "of/for" tail)
    heads = [i for i in run.label_words if article.norm(i) in vocab.org_heads
             and (i > run.first or (i < run.last and article.norm(i + 1) in {"of", "for"}))]
    if not heads:
        return None
    # "Center for Strategic and International Studies": a head with an of/for tail governs the whole name
    head = heads[0] if heads[0] == run.first else heads[-1]
    tail = range(head + 1, run.last + 1)
    if tail and article.norm(tail.start) not in {"of", "for"}:
        # "Portuguese News Agency LUSA": a descriptor before the name; "Baltic Policy Institute Research Fellow": a title after
        rest = [article.words[i] for i in tail]
        if len(rest) == 1 and rest[0].acronym:
            return Named(tail, rest[0].text, _org_type(article, run.words, head), HEAD_CONFIDENCE)
        words = range(run.first, head + 1)
    else:
        words = run.words
    if words == run.words and len(run.label_words) != len(run.words):
        label = run_text(article, run)
    else:
        label = _text(article, words)
    return Named(words, label, _org_type(article, words, head), HEAD_CONFIDENCE)


def _by_descriptor(article: ArticleText, run: Run, label: str) -> Named | None:
    vocab = article.vocabulary
    if name_key(label) in vocab.platforms:
        return None  # "a Telegram channel": the platform, not an outlet
    if len(run.words) == 1 and (article.demonym_entry(run.first) is not None or demonym_like(article.norm(run.first))):
        return None  # "the German broadcaster X": a nationality, not the outlet
    before = preceding_norms(article, run, 2)
    after = [article.norm(j) for j in range(run.last + 1, run.last + 3) if article.same_sentence(j, run.last)]
    # "the broadcaster X", never "the head of the agency, X," (a comma: X is the head, not the agency)
    adjacent = bool(_SPACE.fullmatch(article.words[run.first].gap)) if run.first > 0 else False
    if adjacent and ((before and before[-1] in vocab.media_descriptors) or " ".join(before) in vocab.media_descriptors) \
            or (after and after[0] in vocab.media_descriptors and _SPACE.fullmatch(article.words[run.last + 1].gap)):
        return Named(run.words, label, "MediaOutlet", CONTEXT_CONFIDENCE)
    if len(before) == 2 and before[0] in vocab.platforms and before[1] in vocab.account_nouns:
        return Named(run.words, label, "SocialMediaAccount", CONTEXT_CONFIDENCE)
    return None


def _acronym_after(article: ArticleText, run: Run) -> int | None:
    j = run.last + 1
    if j < len(article.words) and article.words[j].gap.strip() == "(" and article.words[j].acronym \
            and j + 1 <= len(article.words) and (j + 1 == len(article.words) or article.words[j + 1].gap.startswith(")")) \
            and article.claimed[j] is None:
        return j
    return None


def _initials_match(article: ArticleText, run: Run, acronym: str) -> bool:
    vocab = article.vocabulary
    initials = "".join(article.words[i].text[0] for i in run.label_words
                       if article.norm(i) not in vocab.particles and article.norm(i) not in {"of", "for", "the"})
    return initials.upper() == re.sub(r"[^A-Za-z]", "", acronym).upper()


def _speaks(article: ArticleText, run: Run) -> bool:
    """'X said', 'X told', '..." said X', 'according to X'."""
    vocab = article.vocabulary
    after = run.last + 1
    if after < len(article.words) and article.same_sentence(run.last, after) and article.norm(after) in vocab.speech_verbs \
            and _SPACE.fullmatch(article.words[after].gap):
        return True
    before = preceding_norms(article, run, 2)
    return bool(before) and (before[-1] in _INVERTED_SPEECH or before == ["according", "to"])


def _acting_acronym(article: ArticleText, run: Run) -> Named | None:
    """'the SAA was', 'the ABC said': an acronym with a determiner as the subject of a verb names an organisation."""
    word = article.words[run.first]
    if len(run.words) != 1 or not word.acronym or word.possessive or article.norm(run.first - 1) != "the":
        return None
    after = run.last + 1
    if after >= len(article.words) or not article.same_sentence(run.last, after) or not _SPACE.fullmatch(article.words[after].gap):
        return None
    vocab = article.vocabulary
    if article.norm(after) in vocab.auxiliaries or article.norm(after) in vocab.speech_verbs:
        return Named(run.words, word.text, "Organization", CONTEXT_CONFIDENCE)
    return None


def _classify(article: ArticleText, run: Run) -> tuple[Named | None, int | None]:
    """What the run names, and the word of an acronym defined for it in brackets."""
    label = run_text(article, run)
    acronym = _acronym_after(article, run)
    apposition = role_after(article, run.last)
    if apposition is not None and apposition.account:  # "X Watch, a Telegram channel": the account, whatever its name
        return Named(run.words, label, "SocialMediaAccount", ROLE_CONFIDENCE), None
    for named in (_by_title(article, run), _by_head(article, run), _by_descriptor(article, run, label),
                  typed_by_context(article, run, label)):
        if named is not None:
            return named, acronym
    if acronym is not None and _initials_match(article, run, article.words[acronym].text):
        return Named(run.words, label, "Organization", ACRONYM_CONFIDENCE), acronym
    media = media_by_context(article, run, label) or _acting_acronym(article, run) or speaking_thing(article, run, label)
    if media is not None:
        return media, None
    # a personal name has at least two words apart ("Lisbon-Madrid" is one hyphenated word)
    multi = any(_SPACE.fullmatch(article.words[i].gap) for i in run.label_words[1:])
    if person_like(article, run.words) and multi:
        phrase = role_after(article, run.last) or role_before(article, run.first, run.last)
        if phrase is not None:
            kind = "SocialMediaAccount" if phrase.account else "Person"
            return Named(run.words, label, kind, ROLE_CONFIDENCE), None
        if _speaks(article, run) or person_context(article, run):
            return Named(run.words, label, "Person", ROLE_CONFIDENCE), None
    elif len(run.words) == 1 and not article.starts_sentence(run.first):
        phrase = role_after(article, run.last)
        if phrase is not None and phrase.account:
            return Named(run.words, label, "SocialMediaAccount", ROLE_CONFIDENCE), None
    return acronym_noun(article, run), None


def _register(article: ArticleText, named: Named) -> Found:
    entry = article.registry.resolve(named.label)
    span = article.span(named.words.start, named.words.stop - 1)
    if entry is not None and not entry.is_place:
        found = Found(known_key(entry), entry.label, entry.type, span, named.words, 1.0, entry=entry, role=named.role)
    else:
        found = Found(NEW + name_key(named.label), named.label, named.type, span, named.words, named.confidence,
                      role=named.role, affiliation=named.affiliation)
    return article.add(found)


def _split_leading_acronym(article: ArticleText, run: Run) -> Run:
    """'UN Ana Duarte': an acronym before a personal name is not part of it."""
    if len(run.words) >= 3 and article.words[run.first].acronym and person_like(article, run.words[1:]):
        rest = range(run.first + 1, run.last + 1)
        return Run(rest, tuple(i for i in run.label_words if i in rest))
    return run


def _registered_place(article: ArticleText, run: Run) -> bool:
    """'in Manila': the registry already says the words name a place here."""
    hits = {article.hit_at[i] for i in run.words}
    return len(hits) == 1 and None not in hits and next(iter(hits)).use is Use.PLACE


def _state_before(article: ArticleText, named: Named) -> Found | None:
    """'U.S. Department of Justice', 'US Cybersecurity ... Agency': a state's name right before an institution's."""
    first = named.words.start
    found = article.claimed[first - 1] if first > 0 else None
    if found is None or found.type != "State" or found.tokens.stop != first or named.type in _NOT_INSTITUTIONS:
        return None
    if not _SPACE.fullmatch(article.words[first].gap):
        return None
    return found if article.same_sentence(first - 1, first) else None


def _with_state(article: ArticleText, named: Named) -> Named:
    """'U.S. Department of Justice', "Brazil's Federal Court of Accounts": the state is the institution's affiliation,
    not an actor of its own there; a possessive stays out of the label."""
    state = _state_before(article, named)
    if state is None:
        return named
    article.release(state)
    words = range(state.tokens.start, named.words.stop)
    possessive = article.words[state.tokens.stop - 1].possessive
    label = named.label if possessive else _text(article, words)
    return Named(words, label, named.type, named.confidence, named.role, state.key)


def add_discovered(article: ArticleText) -> None:
    for run in name_runs(article):
        run = _split_leading_acronym(article, run)
        if not article.free(run.words) or _registered_place(article, run):
            continue
        earlier = earlier_actor(article, run)
        if earlier is not None:
            article.add(Found(earlier.key, earlier.label, earlier.type, article.span(run.first, run.last), run.words,
                              earlier.confidence, entry=earlier.entry))
            continue
        named, acronym = _classify(article, run)
        if named is None or not article.free(named.words):
            continue
        found = _register(article, _with_state(article, named))
        if acronym is not None and article.claimed[acronym] is None:
            article.add(Found(found.key, found.label, found.type, article.span(acronym, acronym),
                              range(acronym, acronym + 1), found.confidence, entry=found.entry))
