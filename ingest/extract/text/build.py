"""Text → TextModel: spaCy's rule-based tokenizer and sentencizer (spacy.blank, no statistical model), sentences kept
inside paragraphs and lines, Pattern's tags and chunks per sentence, lemmas, quotations."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newskg.ingest.extract.text.folding import fold
from newskg.ingest.extract.text.model import Chunk, Quote, Sentence, TextModel, Token
from newskg.ingest.extract.text.quotes import QuoteSpan, find_quotes
from newskg.ingest.extract.text.tagging import known_common_word, lemma, tag_and_chunk
from newskg.ingest.model import Span

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@lru_cache(maxsize=1)
def _nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    # the 1,000,000-character guard protects spaCy's parser and NER, which are not used; an article's size is
    # bounded by the settings' body limit
    nlp.max_length = 10**9
    return nlp


def paragraphs(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    position = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        start = position
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append(Span(start, stop, text[start:stop]))
        position = match.end() if match else len(text)
    return tuple(spans)


def _sentence_starts(text: str, doc: Doc, kept: list[int], quote_opens: set[int], dateline_end: int = 0) -> list[bool]:
    """Whether each kept token opens a sentence: spaCy's sentencizer, any line break, the first word after a
    dateline, and an opening quotation mark left at the end of a sentence moved to the start of the next."""
    sent_start = doc.to_array("SENT_START")  # token.is_sent_start rescans the whole Doc on every call
    starts: list[bool] = []
    pending = True
    previous_end = 0
    for position, index in enumerate(kept):
        token = doc[index]
        gap = text[previous_end : token.idx]
        after_dateline = dateline_end > 0 and token.idx >= dateline_end and previous_end <= dateline_end
        starts.append(pending or sent_start[index] == 1 or "\n" in gap or after_dateline)
        pending = False
        previous_end = token.idx + len(token.text)
        # a space token can carry the sentence start (spaCy marks the token after the full stop)
        following = doc[index + 1] if index + 1 < len(doc) else None
        if following is not None and following.is_space and sent_start[index + 1] == 1:
            pending = True
    for position in range(1, len(kept)):
        token = doc[kept[position]]
        next_is_start = position + 1 < len(kept) and starts[position + 1]
        if next_is_start and token.idx in quote_opens and not starts[position]:
            starts[position], starts[position + 1] = True, False
    return starts


def _tokens_of(
    text: str,
    doc: Doc,
    quotes: list[QuoteSpan],
    paras: tuple[Span, ...],
    dateline_end: int,
) -> list[dict]:
    kept = [t.i for t in doc if not t.is_space and t.text.strip()]
    starts = _sentence_starts(text, doc, kept, {q.open for q in quotes}, dateline_end)
    para_starts = [p.start for p in paras]
    rows: list[dict] = []
    sentence = -1
    paragraph = 0
    previous_end = 0
    pieces = [
        (position, index, start, end)
        for position, index in enumerate(kept)
        for start, end in _unglued(doc[index].idx, doc[index].text)
    ]
    for position, index, start, end in pieces:
        while paragraph + 1 < len(para_starts) and para_starts[paragraph + 1] <= start:
            paragraph += 1
        if starts[position] and start == doc[index].idx:
            sentence += 1
        quote = next(
            (
                n
                for n, q in enumerate(quotes)
                if q.open < start and end <= q.close and not (q.terminated and start >= q.close - 1)
            ),
            -1,
        )
        rows.append(
            {
                "doc": index,
                "start": start,
                "end": end,
                "text": text[start:end],
                "gap": text[previous_end:start],
                "sentence": max(sentence, 0),
                "paragraph": paragraph,
                "quote": quote,
            }
        )
        previous_end = end
    return rows


_GLUED_BRACKET = re.compile(r"(?<=[^\W\d_]{2})\((?=[^\W\d_])")


def _unglued(start: int, word: str) -> list[tuple[int, int]]:
    """A name and its bracketed short form written without a space ("Commission(EACC"): three tokens, as
    spaCy cuts "Commission (EACC"."""
    match = _GLUED_BRACKET.search(word)
    if match is None:
        return [(start, start + len(word))]
    at = start + match.start()
    return [(start, at), (at, at + 1), (at + 1, start + len(word))]


def build_text_model(text: str, *, dateline_end: int = 0) -> TextModel:
    """dateline_end: where a dateline opening the text ends (read.dateline.opening_dateline_end), 0 for none; the
    words after it start a sentence."""
    paras = paragraphs(text)
    quote_spans = find_quotes(text, paras)
    doc = _nlp()(text)
    rows = _tokens_of(text, doc, quote_spans, paras, dateline_end)
    tags: list[tuple[str, str]] = []
    chunks: list[Chunk] = []
    chunk_of: list[int] = []
    sentences: list[Sentence] = []
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1]["sentence"] == rows[i]["sentence"]:
            j += 1
        labels = tag_and_chunk([r["text"] for r in rows[i : j + 1]])
        for offset, (tag, iob) in enumerate(labels):
            position = i + offset
            kind = iob[2:] if len(iob) > 2 else ""
            continues = iob.startswith("I-") and chunks and chunks[-1].last == position - 1 and chunks[-1].kind == kind
            if continues:
                chunks[-1] = Chunk(kind, chunks[-1].first, position)
            elif kind:
                chunks.append(Chunk(kind, position, position))
            chunk_of.append(len(chunks) - 1 if kind else -1)
            tags.append((tag, iob))
        sentences.append(
            Sentence(
                index=len(sentences),
                first=i,
                last=j,
                start=rows[i]["start"],
                end=rows[j]["end"],
                paragraph=rows[i]["paragraph"],
            )
        )
        i = j + 1
    tokens: list[Token] = []
    for position, row in enumerate(rows):
        tag = tags[position][0]
        base = lemma(row["text"], tag)
        tokens.append(
            Token(
                i=position,
                start=row["start"],
                end=row["end"],
                text=row["text"],
                gap=row["gap"],
                norm=fold(row["text"]),
                lemma=base,
                tag=tag,
                sentence=row["sentence"],
                paragraph=row["paragraph"],
                chunk=chunk_of[position],
                quote=row["quote"],
                common=known_common_word(row["text"]),
            )
        )
        doc_token = doc[row["doc"]]
        doc_token.tag_ = tag
        doc_token.lemma_ = base
    quotes = tuple(_quote(n, q, tokens) for n, q in enumerate(quote_spans))
    return TextModel(
        text=text,
        tokens=tuple(tokens),
        chunks=tuple(chunks),
        sentences=tuple(sentences),
        paragraphs=paras,
        quotes=quotes,
        doc=doc,
        doc_index=tuple(r["doc"] for r in rows),
        dateline_end=dateline_end,
    )


def _quote(index: int, span: QuoteSpan, tokens: list[Token]) -> Quote:
    inside = [t.i for t in tokens if t.quote == index]
    first, last = (inside[0], inside[-1]) if inside else (-1, -2)
    return Quote(
        index=index,
        open=span.open,
        close=span.close,
        content=span.content,
        terminated=span.terminated,
        first=first,
        last=last,
    )
