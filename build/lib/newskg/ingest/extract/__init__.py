"""Article file → Extraction, one stage per subpackage, each a function of the text model and earlier results:

    read/         file or bytes → ArticleDoc (body text and metadata)
    text/         the text model: tokens, lemmas, parts of speech, chunks, sentences, paragraphs, quotations
    actors/       ActorSet: registry names, proper names, descriptions, later mentions
    attribution/  Attributions: who said what (cue, source, content)
    claims/       allegations, each statement's stance per allegation, the central allegation
    events/       events with normalised dates and places
    output.py     stage results → the extraction model (ingest/model.py)

extractor.Extractor runs them in that order; lexicon/ holds the word data they match by lemma.
"""

from newskg.ingest.extract.extractor import Extractor
from newskg.ingest.extract.read import MetadataOverrides, article_files, read_bytes, read_file

__all__ = ["Extractor", "MetadataOverrides", "article_files", "read_bytes", "read_file"]
