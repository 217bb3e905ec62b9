"""Validation reports a person can act on: each violation with its shape, the node with its label, the path, the
value, the message, and the sentence of the article it concerns; also as JSON and as a SHACL sh:ValidationReport."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from rdflib import RDF, RDFS, SH, SKOS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from newskg.ingest.namespaces import NKG, SHAPES_NS, VOCAB_BASE

_PREFIXES = {SHAPES_NS: "nkgsh:", str(NKG): "nkg:", VOCAB_BASE: "vocab:",
             str(RDFS): "rdfs:", str(RDF): "rdf:", str(SKOS): "skos:", "http://www.w3.org/ns/prov#": "prov:",
             "http://www.w3.org/2001/XMLSchema#": "xsd:"}
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n+")
_LABELS = (RDFS.label, SKOS.prefLabel, NKG.exact, NKG.summary)


@dataclass(frozen=True)
class Violation:
    shape: str                 # the shape, prefixed: nkgsh:TextSelector-start
    focus: str                 # IRI (or blank node id) of the node that breaks the shape
    focus_label: str | None    # its rdfs:label / skos:prefLabel / exact text
    path: str | None           # the property path, prefixed: nkg:start, nkg:evidence/nkg:source
    value: str | None          # the offending value, where there is one
    message: str
    severity: str              # Violation, Warning or Info
    sentence: str | None       # the article sentence the node concerns, where it has evidence or offsets


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: list[Violation]
    report_graph: Graph        # the sh:ValidationReport

    def to_text(self) -> str:
        if self.conforms:
            return "conforms: no shape violated"
        lines = [f"does not conform: {len(self.violations)} violation(s)"]
        for number, v in enumerate(self.violations, 1):
            label = f' "{v.focus_label}"' if v.focus_label else ""
            lines.append(f"{number}. [{v.severity}] {v.shape}: {v.message}")
            lines.append(f"   node:     <{v.focus}>{label}")
            if v.path:
                lines.append(f"   path:     {v.path}")
            if v.value is not None:
                lines.append(f"   value:    {v.value}")
            if v.sentence:
                lines.append(f'   sentence: "{v.sentence}"')
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {"conforms": self.conforms, "violations": [asdict(v) for v in self.violations]}

    def to_turtle(self) -> str:
        return self.report_graph.serialize(format="turtle")

    def shapes(self) -> set[str]:
        """The names of the violated shapes."""
        return {v.shape for v in self.violations}


def compact(node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, Literal):
        return str(node)
    text = str(node)
    for namespace, prefix in _PREFIXES.items():
        if text.startswith(namespace):
            return prefix + text[len(namespace):]
    return text


def path_text(graph: Graph, path: Node | None) -> str | None:
    """A SHACL property path as SPARQL-like text: nkg:a/nkg:b, ^nkg:a, (nkg:a|nkg:b), nkg:a*."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return compact(path)
    if (path, RDF.first, None) in graph:
        return "/".join(path_text(graph, step) or "?" for step in Collection(graph, path))
    for prop, template in ((SH.inversePath, "^{}"), (SH.zeroOrMorePath, "{}*"), (SH.oneOrMorePath, "{}+"),
                           (SH.zeroOrOnePath, "{}?")):
        inner = graph.value(path, prop)
        if inner is not None:
            return template.format(path_text(graph, inner))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(path_text(graph, step) or "?" for step in Collection(graph, alternatives)) + ")"
    return str(path)


def label_of(data: Graph, node: Node) -> str | None:
    for prop in _LABELS:
        value = data.value(node, prop)
        if value is not None:
            return str(value)
    return None


def sentence_of(data: Graph, node: Node) -> str | None:
    """The sentence a node concerns: its sentence selector, or the sentence around its (or its mention's) offsets."""
    context = data.value(node, NKG.context)
    if context is not None and data.value(context, NKG.exact) is not None:
        return " ".join(str(data.value(context, NKG.exact)).split())
    selector = node if data.value(node, NKG.start) is not None else data.value(node, NKG.evidence)
    if selector is None:
        mention = data.value(None, NKG.refersTo, node)
        selector = data.value(mention, NKG.evidence) if mention is not None else None
    if selector is None:
        return None
    return _sentence_at(data, selector)


def _sentence_at(data: Graph, selector: Node) -> str | None:
    article = data.value(selector, NKG.source)
    text = data.value(article, NKG.text) if article is not None else None
    try:
        start, end = int(str(data.value(selector, NKG.start))), int(str(data.value(selector, NKG.end)))
    except ValueError:
        return None
    body = str(text) if text is not None else ""
    if text is None or not 0 <= start <= end <= len(body):
        return None
    begin = 0
    for match in _SENTENCE_END.finditer(body, 0, start):
        begin = match.end()
    stop = _SENTENCE_END.search(body, max(end - 1, begin))
    sentence = body[begin:stop.end() if stop else len(body)]
    return " ".join(sentence.split()) or None


def violations_from(report: Graph, data: Graph) -> list[Violation]:
    """Every sh:ValidationResult of the report graph, described with the data graph's labels and sentences."""
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        value = report.value(result, SH.value)
        shape = report.value(result, SH.sourceShape)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        severity = report.value(result, SH.resultSeverity) or SH.Violation
        focus_node = focus if focus is not None else BNode()
        found.append(Violation(
            shape=str(compact(shape)) if isinstance(shape, URIRef) else "(anonymous shape)",
            focus=str(focus_node),
            focus_label=label_of(data, focus_node),
            path=path_text(report, report.value(result, SH.resultPath)),
            value=None if value is None else _value_text(value),
            message=messages[0] if messages else "shape not satisfied",
            severity=str(severity).rsplit("#", 1)[-1],
            sentence=sentence_of(data, focus_node),
        ))
    return sorted(found, key=lambda v: (v.shape, v.focus, v.path or "", v.value or ""))


def _value_text(value: Node) -> str:
    if isinstance(value, Literal):
        shown = str(value)
        shown = shown if len(shown) <= 200 else shown[:199] + "…"
        return f'"{shown}"' + (f"^^{compact(value.datatype)}" if value.datatype else "")
    return f"<{value}>" if isinstance(value, URIRef) else str(value)
