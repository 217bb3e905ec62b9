"""A graph at scale, fast: the article graphs the real pipeline produced, replicated under re-minted article keys.

Copy c of an article gets key sha256(key, c)[:16] everywhere the key appears (article, graph, mentions, selectors,
statements, allegations, events, anonymous sources) and re-minted run IRIs, so the store holds distinct articles;
actors, places, clusters and vocabulary stay shared, as they would across real articles about the same people.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

GRAPH_AT_END = re.compile(r"<([^>]*)> \.\s*$")


@dataclass
class ScaleGraph:
    path: Path                         # every graph: service graphs + all copies of the article graphs
    triples: int
    articles: int
    copies: int
    base_articles: int
    subsets: dict[str, Path] = field(default_factory=dict)       # name → N-Quads file (service graphs + prefix)
    subset_triples: dict[str, int] = field(default_factory=dict)
    subset_articles: dict[str, int] = field(default_factory=dict)
    article_graphs: list[str] = field(default_factory=list)      # the first few article graph IRIs (for pages)

    def describe(self) -> str:
        return (f"scale graph: {self.base_articles} generated articles ingested through the pipeline, their graphs "
                f"replicated {self.copies}× with re-minted article keys → {self.articles:,} articles, "
                f"{self.triples:,} quads (N-Quads bulk-loaded into each engine)")


def rekey(key: str, copy: int) -> str:
    return hashlib.sha256(f"{key}\x1f{copy}".encode()).hexdigest()[: len(key)]


def read_article_graphs(base_nq: Path, article_prefix: str) -> dict[str, list[str]]:
    """N-Quads lines grouped by article key, in file order."""
    graphs: dict[str, list[str]] = {}
    with open(base_nq, encoding="utf-8") as handle:
        for line in handle:
            match = GRAPH_AT_END.search(line)
            if not match or not match.group(1).startswith(article_prefix):
                continue
            graphs.setdefault(match.group(1)[len(article_prefix):], []).append(line)
    return graphs


def copies_of(key: str, lines: list[str], copy: int, run_pattern: re.Pattern[str]) -> Iterator[str]:
    if copy == 0:
        yield from lines
        return
    new_key = rekey(key, copy)
    for line in lines:
        line = line.replace(key, new_key)
        yield run_pattern.sub(lambda m: m.group(1) + rekey(m.group(2), copy) + ">", line)


def build_scale_graph(base_nq: Path, service_nq: Path, base_iri: str, target_triples: int, out_dir: Path,
                      subset_articles: dict[str, int] | None = None,
                      subset_triples: dict[str, int] | None = None) -> ScaleGraph:
    """Write out_dir/scale.nq of about target_triples (at least the base), plus prefix subsets by articles or triples."""
    article_prefix = base_iri + "graph/article/"
    run_pattern = re.compile("(<" + re.escape(base_iri + "id/run/") + r")([0-9a-f]+)>")
    graphs = read_article_graphs(base_nq, article_prefix)
    if not graphs:
        raise ValueError(f"no article graphs in {base_nq}")
    service = service_nq.read_text(encoding="utf-8")
    service_lines = service.count("\n")
    base_triples = sum(len(lines) for lines in graphs.values())
    copies = max(1, -(-(target_triples - service_lines) // base_triples))
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = {**{name: ("articles", n) for name, n in (subset_articles or {}).items()},
              **{name: ("triples", n) for name, n in (subset_triples or {}).items()}}
    result = ScaleGraph(out_dir / "scale.nq", service_lines, 0, copies, len(graphs))
    open_subsets = {name: open(out_dir / f"{name}.nq", "w", encoding="utf-8") for name in wanted}
    counts = {name: [service_lines, 0] for name in wanted}
    with open(result.path, "w", encoding="utf-8") as out:
        out.write(service)
        for handle in open_subsets.values():
            handle.write(service)
        for copy in range(copies):
            for key, lines in graphs.items():
                block = list(copies_of(key, lines, copy, run_pattern))
                out.writelines(block)
                result.triples += len(block)
                result.articles += 1
                if len(result.article_graphs) < 50:
                    result.article_graphs.append(article_prefix + (rekey(key, copy) if copy else key))
                for name, handle in list(open_subsets.items()):
                    kind, limit = wanted[name]
                    if (kind == "articles" and counts[name][1] >= limit) or (kind == "triples" and counts[name][0] >= limit):
                        handle.close()
                        del open_subsets[name]
                        continue
                    handle.writelines(block)
                    counts[name][0] += len(block)
                    counts[name][1] += 1
    for handle in open_subsets.values():
        handle.close()
    for name, (triples, articles) in counts.items():
        result.subsets[name] = out_dir / f"{name}.nq"
        result.subset_triples[name], result.subset_articles[name] = triples, articles
    return result
