"""A quick, one-sided conformance check of the core shapes: True only when pyshacl would report nothing.

Almost every article conforms, and then pyshacl's whole report is "conforms". This check reaches that answer with a
fraction of pyshacl's work: focus nodes are found once per target rather than once per shape, value nodes by direct
lookups in the indexed snapshot, and each constraint is a plain Python check (ingest.shacl_checks) at least as strict
as pyshacl's. Constraints not mirrored there (sh:node, sh:xone, ...) are evaluated by pyshacl's own constraint
components, built once here. Only True is trusted: on False, the Validator runs pyshacl, whose report (with every
violation, named by its shape) is then the verdict. The shapes are pyshacl's own harvest, so both see the same
shapes, targets and paths; tests compare the two verdicts on every shape case and every mutation.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from pyshacl import ShapesGraph
from pyshacl.constraints import CONSTRAINT_PARAMETERS_MAP
from pyshacl.constraints.constraint_component import ConstraintComponent
from pyshacl.errors import ConstraintLoadWarning
from pyshacl.graph_abstraction import DataGraph
from pyshacl.helper.expression_helper import value_nodes_from_path
from pyshacl.pytypes import SHACLExecutor
from pyshacl.shape import Shape
from rdflib import RDF, RDFS, SH, BNode, Literal, URIRef
from rdflib.term import Node

from newskg.ingest.indexed_graph import IndexedGraph
from newskg.ingest.shacl_checks import SIMPLE_PARAMETERS, Check, all_of, any_of, in_

RDF_TYPE, RDF_FIRST, RDFS_SUBCLASS_OF = RDF.type, RDF.first, RDFS.subClassOf   # (namespace attributes cost a call)
SH_INVERSE_PATH, SH_ALTERNATIVE_PATH = SH.inversePath, SH.alternativePath
Targets = tuple[frozenset[Node], frozenset[Node], frozenset[Node], frozenset[Node]]  # nodes, classes, subj-of, obj-of


@dataclass
class Lookups:
    """The lookups that many shapes repeat, kept for one validation (the snapshot does not change meanwhile)."""

    graph: IndexedGraph
    _superclasses: dict[Node, set[Node]] = field(default_factory=dict)
    _instances: dict[Node, set[Node]] = field(default_factory=dict)

    def objects(self, subject: Node, predicate: Node) -> Collection[Node]:
        return self.graph.objects_of(subject, predicate)

    def is_instance(self, node: Node, cls: Node) -> bool:
        """As pyshacl's sh:class: a type of the node is the class or has it among its rdfs:subClassOf* in the data."""
        if isinstance(node, Literal):
            return False
        return any(t == cls or cls in self._supers(t) for t in self.graph.objects_of(node, RDF_TYPE))

    def _supers(self, cls: Node) -> set[Node]:
        found = self._superclasses.get(cls)
        if found is None:
            found = self._superclasses[cls] = {c for c in self.graph.transitive_objects(cls, RDFS_SUBCLASS_OF) if c}
        return found

    def instances(self, cls: Node) -> set[Node]:
        """As pyshacl's sh:targetClass: the subjects typed with the class or any rdfs:subClassOf* of it."""
        found = self._instances.get(cls)
        if found is None:
            found = set(self.graph.subjects_of(RDF_TYPE, cls))
            for sub in self.graph.transitive_subjects(RDFS_SUBCLASS_OF, cls):
                if sub is not None:
                    found.update(self.graph.subjects_of(RDF_TYPE, sub))
            self._instances[cls] = found
        return found

    def focus_nodes(self, targets: Targets) -> set[Node]:
        nodes, classes, subjects_of, objects_of = targets
        found = set(nodes)
        for cls in classes:
            found |= self.instances(cls)
        for prop in subjects_of:
            found.update(s for s, _ in self.graph.subject_objects(prop))
        for prop in objects_of:
            found.update(o for _, o in self.graph.subject_objects(prop))
        return found


def _follow(graph: IndexedGraph, node: Node, steps: list[list[tuple[Node, bool]]]) -> set[Node]:
    """The value nodes of a path of steps (each step a choice of predicates, forwards or inverse) from node."""
    current: set[Node] = {node}
    for choices in steps:
        reached: set[Node] = set()
        for here in current:
            for predicate, inverse in choices:
                reached.update(graph.subjects_of(predicate, here) if inverse else graph.objects_of(here, predicate))
        current = reached
    return current


@dataclass(frozen=True)
class CompiledShape:
    shape: Shape                                    # pyshacl's, for its path and its components
    targets: Targets
    checks: tuple[Check, ...]                       # mirrored constraints
    components: tuple[ConstraintComponent, ...]     # the others, evaluated by pyshacl


class CorePrecheck:
    """Compiled from the harvested pyshacl ShapesGraph of the core shapes (the one the Validator runs)."""

    def __init__(self, shapes_graph: ShapesGraph) -> None:
        self.sg = shapes_graph
        # custom constraint components would run on every shape in pyshacl: then leave everything to pyshacl
        self.enabled = not shapes_graph.custom_constraints
        self.shapes = [self._compile(s) for s in shapes_graph.shapes if not s.deactivated] if self.enabled else []
        self._executor = SHACLExecutor(validator=None)

    def conforms(self, graph: IndexedGraph) -> bool:
        """True: pyshacl would find the graph conforming. False: it may not (let pyshacl say)."""
        return self.enabled and not self.flagged_shapes(graph, first_only=True)

    def flagged_shapes(self, graph: IndexedGraph, *, first_only: bool = False) -> list[Node]:
        """The shapes whose checks do not vouch for the graph (every shape pyshacl finds violated is among them);
        with first_only, the first such shape alone."""
        lookups = Lookups(graph)
        focus_by_targets: dict[Targets, set[Node]] = {}
        data: DataGraph | None = None
        flagged: list[Node] = []
        for compiled in self.shapes:
            focus = focus_by_targets.get(compiled.targets)
            if focus is None:
                focus = focus_by_targets[compiled.targets] = lookups.focus_nodes(compiled.targets)
            if not focus:
                continue
            values_of = self._value_nodes(compiled.shape, graph)
            holds = all(check(lookups, node, values) for node, values in ((n, values_of(n)) for n in focus)
                        for check in compiled.checks)
            if holds and compiled.components:
                data = data or DataGraph.from_rdflib(graph)
                focus_values = {node: set(values_of(node)) for node in focus}
                holds = all(component.evaluate(self._executor, data, focus_values, [compiled.shape, component])[0]
                            for component in compiled.components)
            if not holds:
                flagged.append(compiled.shape.node)
                if first_only:
                    break
        return flagged

    def _value_nodes(self, shape: Shape, graph: IndexedGraph) -> Callable[[Node], Collection[Node]]:
        if not shape.is_property_shape:
            return lambda node: (node,)
        path = shape.path()
        steps = self._steps(path)
        if steps is None:
            return lambda node: value_nodes_from_path(self.sg, node, path, graph)
        if len(steps) == 1 and len(steps[0]) == 1 and not steps[0][0][1]:
            predicate = steps[0][0][0]
            return lambda node: graph.objects_of(node, predicate)
        return lambda node: _follow(graph, node, steps)

    def _steps(self, path: Node) -> list[list[tuple[Node, bool]]] | None:
        """A path as a sequence of steps, each a choice of (predicate, inverse?); None for the paths this does not
        follow itself (zeroOrMore and the like, nested sequences), which pyshacl's own path code then follows."""
        if isinstance(path, URIRef):
            return [[(path, False)]]
        if self.sg.graph.value(path, RDF_FIRST) is not None:
            steps = [step for step in (self._step(item) for item in self.sg.graph.items(path)) if step is not None]
            return steps if len(steps) >= 2 and len(steps) == len(list(self.sg.graph.items(path))) else None
        step = self._step(path)
        return None if step is None else [step]

    def _step(self, path: Node) -> list[tuple[Node, bool]] | None:
        if isinstance(path, URIRef):
            return [(path, False)]
        inverse = self.sg.graph.value(path, SH_INVERSE_PATH)
        if isinstance(inverse, URIRef):
            return [(inverse, True)]
        alternatives = self.sg.graph.value(path, SH_ALTERNATIVE_PATH)
        if alternatives is not None:
            choices = [self._step(item) for item in self.sg.graph.items(alternatives)]
            if choices and all(c is not None and len(c) == 1 for c in choices):
                return [c[0] for c in choices]  # type: ignore[index]
        return None

    def _compile(self, shape: Shape) -> CompiledShape:
        nodes, classes, implicit, objects_of, subjects_of = shape.target()
        targets = (frozenset(nodes), frozenset(classes) | frozenset(implicit), frozenset(subjects_of),
                   frozenset(objects_of))
        values: dict[Node, list[Node]] = {}
        for parameter, value in self.sg.predicate_objects(shape.node):
            if parameter in CONSTRAINT_PARAMETERS_MAP:
                values.setdefault(parameter, []).append(value)
        checks: list[Check] = []
        components: list[ConstraintComponent] = []
        for component_class in dict.fromkeys(CONSTRAINT_PARAMETERS_MAP[p] for p in values):
            present: list[Node] = [p for p in component_class.constraint_parameters() if p in values]
            check = self._check(shape, present, values)
            if check is not None:
                checks.append(check)
                continue
            try:
                components.append(component_class(shape))
            except ConstraintLoadWarning:
                continue   # pyshacl skips such a component too
        return CompiledShape(shape, targets, tuple(checks), tuple(components))

    def _check(self, shape: Shape, present: list[Node], values: dict[Node, list[Node]]) -> Check | None:
        """The mirrored check of one constraint component of the shape, or None to leave it to pyshacl."""
        if len(present) != 1 or len(values[present[0]]) != 1:
            return None
        parameter, value = present[0], values[present[0]][0]
        if parameter == SH.pattern and any(True for _ in self.sg.objects(shape.node, SH.flags)):
            return None
        if parameter in SIMPLE_PARAMETERS:
            return SIMPLE_PARAMETERS[parameter](value)
        if parameter == SH["in"]:
            members = list(self.sg.graph.items(value))
            return in_(frozenset(members)) if all(isinstance(m, (URIRef, BNode, Literal)) for m in members) else None
        if parameter == SH["or"]:
            member_checks = [self._node_shape_check(m) for m in self.sg.graph.items(value)]
            return None if any(c is None for c in member_checks) else any_of(member_checks)  # type: ignore[arg-type]
        return None

    def _node_shape_check(self, node: Node) -> Check | None:
        """A member of sh:or made only of mirrored constraints on the value itself (no path), else None."""
        if any(True for _ in self.sg.objects(node, SH.path)) or any(True for _ in self.sg.objects(node, SH.deactivated)):
            return None
        values: dict[Node, list[Node]] = {}
        for parameter, value in self.sg.predicate_objects(node):
            if parameter in CONSTRAINT_PARAMETERS_MAP:
                values.setdefault(parameter, []).append(value)
        checks = []
        for parameter, found in values.items():
            compile_check = SIMPLE_PARAMETERS.get(parameter)
            if compile_check is None or len(found) != 1 or parameter == SH.pattern:
                return None
            check = compile_check(found[0])
            if check is None:
                return None
            checks.append(check)
        return all_of(checks) if checks else None
