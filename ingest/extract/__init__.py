"""Article file → Extraction: read (body, metadata), actors, statements, allegations, events. One stage per module.

Stages and their modules:
    reading      file/bytes → ArticleDoc (decoding, plaintext, htmldoc, jsondoc, metadata)
    actors       ArticleDoc + Registry → [Actor] (registry, mentions, discovery, coref)
    attribution  ArticleDoc + [Actor] + Lexicon → [Statement]
    allegations  … + [Statement] → [Allegation]
    events       … → [Event]

extractor.Extractor runs them in that order.
"""

