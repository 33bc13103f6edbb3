"""Fast, deterministic RDF writers: Turtle, TriG, N-Triples, N-Quads (pyoxigraph) and JSON-LD.

The triples come from ``rdf.triples`` (the one place that turns the graph into RDF); this module only
serializes them. Output is sorted (graph, subject, predicate, object as N-Triples text) and holds no
blank node, so the same graph always gives the same bytes. rdflib's serializers took 5-6 s on the
30,000-triple Wikinews graph (TriG alone 3.3-4.8 s, in an order that changed every run); see
``bench/export.py`` for what these take.
"""
from __future__ import annotations

import functools
import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import networkx as nx

__all__ = ["to_turtle", "to_trig_bytes", "to_ntriples", "to_nquads", "to_jsonld", "shared"]

# While ``shared(G)`` is open, the converted and sorted triples of G are computed once for every format.
_memo: dict[int, tuple[nx.MultiDiGraph, dict[str, Any]]] = {}


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: the writers allocate some 100,000 acyclic tuples and terms,
    and the collections this triggers (scanning the whole graph each time) took a third of their time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _writer(fn):
    @functools.wraps(fn)
    def run(G: nx.MultiDiGraph) -> bytes:
        with _gc_paused():
            return fn(G)

    return run


@contextmanager
def shared(G: nx.MultiDiGraph) -> Iterator[None]:
    """Let every writer called inside the block reuse one conversion of G (G must not change meanwhile)."""
    _memo[id(G)] = (G, {})
    try:
        with _gc_paused():
            yield
    finally:
        _memo.pop(id(G), None)


def _cached(G: nx.MultiDiGraph, name: str, make):
    entry = _memo.get(id(G))
    if entry is None or entry[0] is not G:
        return make(G)
    if name not in entry[1]:
        entry[1][name] = make(G)
    return entry[1][name]


class _Terms:
    """pyoxigraph terms of ``rdf.plain_triples`` values, each made once, as (term, its N-Triples text, plain value).

    Keyed by plain strings and tuples: rdflib terms hash and compare in Python, which cost more than the rest. The
    same term object recurs (a node's subject for all its triples, the vocabulary's constants), so it is looked up
    by identity first, the object kept in the entry so its id cannot be reused while the conversion runs.
    """

    def __init__(self) -> None:
        import pyoxigraph as ox
        from rdflib import Literal

        from .rdf import Lit

        self.ox, self.rdflib_literal, self.lit = ox, Literal, Lit
        self.iris: dict[str, tuple[Any, str, Any]] = {}
        self.literals: dict[tuple[str, str, str], tuple[Any, str, Any]] = {}
        self.seen: dict[int, tuple[Any, tuple[Any, str, Any]]] = {}

    def __call__(self, t: Any) -> tuple[Any, str, Any]:
        hit = self.seen.get(id(t))
        if hit is None or hit[0] is not t:
            hit = self.seen[id(t)] = (t, self._term(t))
        return hit[1]

    def _term(self, t: Any) -> tuple[Any, str, Any]:
        cls = t.__class__
        if cls is self.lit:
            return self._literal((t.text, t.lang, t.datatype))
        if cls is self.rdflib_literal:
            return self._literal((t[:], t.language or "", (t.datatype or "")[:]))
        k = t[:]  # an IRI: a plain str (slicing drops an rdflib class, its Python __hash__ and __eq__)
        x = self.iris.get(k)
        if x is None:
            o = self.ox.NamedNode(k)
            x = self.iris[k] = (o, str(o), k)
        return x

    def _literal(self, lk: tuple[str, str, str]) -> tuple[Any, str, Any]:
        x = self.literals.get(lk)
        if x is None:
            text, lang, dtype = lk
            if lang:
                o = self.ox.Literal(text, language=lang)
            elif dtype:
                o = self.ox.Literal(text, datatype=self.ox.NamedNode(dtype))
            else:
                o = self.ox.Literal(text)
            x = self.literals[lk] = (o, str(o), lk)
        return x


def _converted(G: nx.MultiDiGraph) -> tuple[list, list, list]:
    """``rdf.plain_triples(G)`` as distinct pyoxigraph triples sorted by their N-Triples text; for each triple
    ``rdf.triples`` gave (in its order) its index in that list and its articles; and the sorted triples
    as plain values (IRI strings, literals as (text, language, datatype))."""
    import pyoxigraph as ox

    from .rdf import plain_triples

    known = _Terms()
    keyed: dict[tuple[str, str, str], tuple] = {}
    order: list[tuple[tuple[str, str, str], tuple[str, ...]]] = []
    for (s, p, o), where in plain_triples(G):
        ts, tp, to = known(s), known(p), known(o)
        key = (ts[1], tp[1], to[1])
        if key not in keyed:
            keyed[key] = (*ts, *tp, *to)
        order.append((key, where))
    keys = sorted(keyed)
    index = {k: i for i, k in enumerate(keys)}
    rows = [keyed[k] for k in keys]  # (s, s text, s value, p, p text, p value, o, o text, o value)
    return ([ox.Triple(r[0], r[3], r[6]) for r in rows], [(index[k], where) for k, where in order],
            [(r[2], r[5], r[8]) for r in rows])


def _triples(G: nx.MultiDiGraph) -> list:
    """The distinct triples of G, sorted by their N-Triples text."""
    return _cached(G, "converted", _converted)[0]


def _graphs(G: nx.MultiDiGraph) -> list[tuple[str, list]]:
    """``[(graph IRI, or "" for the default graph, and its sorted triples)]``: default graph first, then by IRI."""
    from .rdf import article_iri

    def make(G: nx.MultiDiGraph) -> list[tuple[str, list]]:
        sorted_triples, order, _ = _cached(G, "converted", _converted)
        members: dict[str | None, set[int]] = {}
        for i, where in order:
            for a in where or (None,):  # None: the default graph ("" is an article id like any other)
                members.setdefault(a, set()).add(i)
        named = sorted((str(article_iri(a)) if a is not None else "", ix) for a, ix in members.items())
        return [(iri, [sorted_triples[i] for i in sorted(ix)]) for iri, ix in named]

    return _cached(G, "graphs", make)


def _turtle_body(triples: list) -> bytes:
    """pyoxigraph's Turtle of ``triples`` with kg's prefixes, without its @prefix lines."""
    import pyoxigraph as ox

    from .rdf import PREFIXES

    out = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    head = 0
    while out.startswith(b"@prefix ", head):
        head = out.index(b"\n", head) + 1
    return out[head:]


def _prefix_lines() -> bytes:
    from .rdf import PREFIXES

    # Written here, sorted: pyoxigraph writes its @prefix lines in an order of its own.
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(PREFIXES.items())).encode()


@_writer
def to_turtle(G: nx.MultiDiGraph) -> bytes:
    """G's export as Turtle, subjects sorted.

    >>> to_turtle(nx.MultiDiGraph(articles={})).count(b"skos:Concept") > 10
    True
    """
    return _prefix_lines() + _turtle_body(_triples(G))


@_writer
def to_trig_bytes(G: nx.MultiDiGraph) -> bytes:
    """G's export as TriG, one named graph per article (see ``rdf.to_trig``), sorted.

    Each graph's block is pyoxigraph's Turtle of its triples (a TriG graph body is Turtle's triples
    syntax), so a triple is converted once however many article graphs hold it.
    """
    parts = [_prefix_lines()]
    for iri, triples in _graphs(G):
        body = _turtle_body(triples)
        parts.append(body if not iri else b"<" + iri.encode() + b"> {\n" + body + b"}\n")
    return b"".join(parts)


@_writer
def to_ntriples(G: nx.MultiDiGraph) -> bytes:
    """G's export as N-Triples, one line per triple, sorted."""
    import pyoxigraph as ox

    return ox.serialize(_triples(G), format=ox.RdfFormat.N_TRIPLES)


@_writer
def to_nquads(G: nx.MultiDiGraph) -> bytes:
    """G's export as N-Quads, one line per quad, sorted by graph then triple."""
    import pyoxigraph as ox

    quads = [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(iri) if iri else ox.DefaultGraph())
             for iri, triples in _graphs(G) for t in triples]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def _compactor() -> Any:
    from .rdf import PREFIXES

    # Longest namespace first, so "https://w3id.org/kg-news/id/" wins over a shorter one that prefixes it.
    spaces = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
    cache: dict[str, str] = {}

    def compact(iri: str) -> str:
        out = cache.get(iri)
        if out is None:
            out = iri
            for ns, prefix in spaces:
                rest = iri[len(ns):]
                # A suffix starting with "//" would read as an absolute IRI ("id://x"); keep those whole.
                if iri.startswith(ns) and rest and not rest.startswith("//"):
                    out = f"{prefix}:{rest}"
                    break
            cache[iri] = out
        return out

    return compact


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@_writer
def to_jsonld(G: nx.MultiDiGraph) -> bytes:
    """G's export as compacted JSON-LD with the context of ``ontology/context.jsonld`` (prefixes only).

    One node object per subject and line, in subject order; keys sorted; an IRI object is ``{"@id": ...}``, a
    plain string a JSON string, any other literal ``{"@value", "@type"}`` or ``{"@value", "@language"}``,
    so no value depends on a number's JSON spelling.

    >>> json.loads(to_jsonld(nx.MultiDiGraph(articles={})))["@graph"][0]["@id"]
    'cameo:0256'
    """
    from .rdf import context

    compact = _compactor()
    nodes: list[dict[str, Any]] = []
    node: dict[str, Any] = {}
    subject = None
    for s, p, o in _cached(G, "converted", _converted)[2]:
        if s != subject:
            subject = s
            node = {"@id": compact(s)}
            nodes.append(node)
        if o.__class__ is str:
            key, value = ("@type", compact(o)) if p == _RDF_TYPE else (compact(p), {"@id": compact(o)})
        else:
            text, lang, dtype = o
            key = compact(p)
            if lang:
                value = {"@value": text, "@language": lang}
            elif not dtype or dtype == _XSD_STRING:
                value = text
            else:
                value = {"@value": text, "@type": compact(dtype)}
        if key not in node:
            node[key] = value
        elif node[key].__class__ is list:
            node[key].append(value)
        else:
            node[key] = [node[key], value]
    # One node object per line: json's C encoder runs only without indent, and a line per node still diffs well.
    dump = functools.partial(json.dumps, ensure_ascii=False, sort_keys=True)
    lines = ",\n".join(map(dump, nodes))
    return f'{{"@context": {dump(context())},\n"@graph": [\n{lines}\n]}}\n'.encode("utf-8")
