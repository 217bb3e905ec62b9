"""What a batch was given, sorted before any work: the article files to read, the files that are not articles
(images, archives … skipped, not failed), and the paths that are not there (reported; the rest goes on).

A file is taken for an article unless its name says it is something else: an image, audio, video, font, archive or
office document. Anything named as text (.txt, .html, .json, .md, no suffix …) is read, and the reader says why if it
is not an article after all.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newskg.ingest.extract.read import article_files

_ARTICLE_APPLICATION_TYPES = {"application/json", "application/xhtml+xml", "application/xml", "application/ld+json",
                              "application/rss+xml", "application/atom+xml"}


@dataclass(frozen=True)
class BatchInputs:
    articles: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)   # (file, why it is not an article)
    missing: list[Path] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing to read and nothing to report missing."""
        return not self.articles and not self.missing

    def describe_empty(self, named: Iterable[object]) -> str:
        where = ", ".join(str(n) for n in named) or "the input"
        skipped = f" ({len(self.skipped)} file(s) skipped: not articles)" if self.skipped else ""
        return f"nothing to ingest: no article files in {where}{skipped}"


def not_an_article(path: Path) -> str | None:
    """Why the file is not an article, judged by its name; None when it may be one."""
    media_type, encoding = mimetypes.guess_type(path.name, strict=False)
    if encoding is not None:
        return f"not an article: a {encoding} archive"
    if media_type is None or media_type.startswith("text/") or media_type in _ARTICLE_APPLICATION_TYPES:
        return None
    return f"not an article: {media_type}"


def collect_inputs(paths: Iterable[Path]) -> BatchInputs:
    """The files named and those under the folders named (as ingest.extract.read.article_files finds them),
    each once, in order, sorted into articles and files to skip; paths that do not exist are listed apart."""
    inputs = BatchInputs()
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            inputs.missing.append(path)
            continue
        for found in article_files([path]):
            if found in seen:
                continue
            seen.add(found)
            why = not_an_article(found)
            if why is None:
                inputs.articles.append(found)
            else:
                inputs.skipped.append((found, why))
    return inputs
