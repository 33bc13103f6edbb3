"""The graph as RDF in the kg ontology, and back: ``to_rdf``/``from_rdf``, ``to_trig``, ``triples``, ``validate``.
Files: ``kg.rdf_io`` (``write_rdf``/``read_rdf``); terms and IRIs: ``kg.namespace``.

The export contract (other tools query it, ``tests/test_rdf.py`` pins it):

* Every node is ``BASE + "id/" + key`` (percent-encoded, see ``node_iri``), typed with one of the five
  ``NODE_TYPES`` classes, with exactly one ``rdfs:label`` and a ``skos:altLabel`` per alias.
* Every edge is a ``kg:Event`` node ``id/event/<hash of (u, v, key)>`` with ``kg:actor``, ``kg:target``,
  ``kg:predicate``, ``kg:modality``, ``kg:confidence``, ``kg:cameo``/``kg:plover`` (SKOS concepts),
  the optional attributes, ``kg:edgeKey``, and ``prov:wasDerivedFrom`` a ``kg:Sentence`` (NIF offsets)
  whose ``nif:referenceContext`` is the ``kg:Article``. Edges whose modality is in
  ``DIRECT_MODALITIES`` also get the direct triple ``actor kg:<predicate> target``.
* The CAMEO and PLOVER concept schemes are generated from ``ontology/vocabulary.csv`` (``vocabulary``)
  and added to every export.

``from_rdf`` reads only what ``to_rdf`` writes and gives the same graph back, attribute types included.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import networkx as nx
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .namespace import (
    _KG, CAMEO, CAMEO_SCHEME, CONTEXT_IRI, GEONAMES, ID, KG, NIF, PLOVER, PLOVER_SCHEME, PREFIXES, SCHEMA, SEM,
    _article, _bind, _dec, _enc, _event, _incident, _node, _sentence, _vocabulary_triples, article_id, article_iri,
    context, event_iri, incident_id, incident_iri, node_iri, node_key, vocabulary,
)
from .schema import DIRECT_MODALITIES, NODE_TYPES, ONTOLOGY, PREDICATES

__all__ = [
    "KG", "NIF", "SCHEMA", "SEM", "ID", "CAMEO", "PLOVER", "CAMEO_SCHEME", "PLOVER_SCHEME", "PREFIXES",
    "Lit", "triples", "plain_triples", "to_rdf", "from_rdf", "to_trig", "validate", "vocabulary", "context",
    "CONTEXT_IRI", "node_iri", "node_key", "article_iri", "article_id", "event_iri", "incident_iri", "incident_id",
]


class Lit(NamedTuple):
    """A literal as plain values, the form ``plain_triples`` yields (``_term`` makes the rdflib Literal)."""

    text: str
    datatype: str = ""  # the datatype IRI, "" for a plain string
    lang: str = ""


_XSD_DATE, _XSD_DECIMAL, _XSD_INTEGER = str(XSD.date), str(XSD.decimal), str(XSD.integer)
_XSD_NONNEG, _XSD_ANYURI = str(XSD.nonNegativeInteger), str(XSD.anyURI)


def _date(text: str) -> Lit:
    """xsd:date when ``text`` is one; otherwise a plain string, kept so the round trip is exact
    (SHACL then reports it)."""
    try:
        ok = dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        ok = False
    return Lit(text, _XSD_DATE) if ok else Lit(text)


def _decimal(value: float) -> Lit:
    """xsd:decimal with the float's shortest exact digits; rdflib writes xsd:double in Turtle with
    six significant digits ("%e"), which would not give the same float back."""
    text = format(Decimal(repr(float(value))), "f")
    return Lit(text if "." in text else f"{text}.0", _XSD_DECIMAL)


def _int(value: int, datatype: str = _XSD_INTEGER) -> Lit:
    """An integer literal (xsd:integer unless ``datatype`` says otherwise)."""
    return Lit(str(int(value)), datatype)


def _str(value: Any) -> Any:
    """A plain string literal; any other value as rdflib types it (an int as xsd:integer)."""
    return Lit(value) if value.__class__ is str else Literal(value)


def _term(t: Any) -> Any:
    """The rdflib term of a ``plain_triples`` value: a str is an IRI, a ``Lit`` a literal, anything else is one already."""
    if t.__class__ is str:
        return URIRef(t)
    if t.__class__ is Lit:
        return Literal(t.text, datatype=t.datatype or None, lang=t.lang or None, normalize=False)
    return t


def _node_triples(key: str, attrs: dict[str, Any]) -> Iterator[tuple]:
    kind = attrs.get("type")
    if kind not in NODE_TYPES:
        raise ValueError(f"node {key!r} has type {kind!r}; give it one of {', '.join(NODE_TYPES)}")
    s = _node(key)
    yield s, RDF.type, KG[kind]
    if "label" in attrs:
        yield s, RDFS.label, _str(attrs["label"])
    for alias in attrs.get("aliases", ()):
        yield s, SKOS.altLabel, _str(alias)
    for article in attrs.get("articles", ()):
        yield s, KG.mentionedIn, _article(article)
    if "mentions" in attrs:
        yield s, KG.mentions, _int(attrs["mentions"])
    if "first_sentence" in attrs:
        yield s, KG.firstSentence, _str(attrs["first_sentence"])
    if "role" in attrs:
        yield s, KG.role, _str(attrs["role"])
    if "affiliation" in attrs:
        yield s, KG.affiliation, _node(attrs["affiliation"])
    if "located_in" in attrs:
        yield s, KG.locatedIn, _node(attrs["located_in"])
    if "iso" in attrs:
        yield s, KG.iso, _str(attrs["iso"])
    if "geonames" in attrs:
        yield s, KG.geonames, _int(attrs["geonames"])
        yield s, OWL.sameAs, f"{GEONAMES}{int(attrs['geonames'])}/"


def _edge_triples(u: str, v: str, key: Any, attrs: dict[str, Any]) -> Iterator[tuple]:
    name = attrs.get("predicate")
    if name not in PREDICATES:
        raise ValueError(f"edge {u!r} -> {v!r} ({key!r}) has predicate {name!r}; use one of vocabulary.csv")
    prop = KG[name]
    if attrs.get("modality") in DIRECT_MODALITIES:
        yield _node(u), prop, _node(v)
    e = _event(u, v, key)
    yield e, RDF.type, KG.Event
    yield e, KG.actor, _node(u)
    yield e, KG.target, _node(v)
    yield e, KG.predicate, prop
    yield e, KG.edgeKey, _int(key) if isinstance(key, int) else _str(key)
    if "modality" in attrs:
        yield e, KG.modality, _str(attrs["modality"])
    if "confidence" in attrs:
        yield e, KG.confidence, _decimal(attrs["confidence"])
    if "cameo" in attrs:
        yield e, KG.cameo, CAMEO[_enc(attrs["cameo"])]
    if "plover" in attrs:
        yield e, KG.plover, PLOVER[_enc(attrs["plover"])]
    if "date" in attrs:
        yield e, KG.date, _date(attrs["date"])
    if "place" in attrs:
        yield e, KG.place, _node(attrs["place"])
    if "source" in attrs:
        yield e, KG.source, _node(attrs["source"])
    if "casualties" in attrs:
        yield e, KG.casualties, _int(attrs["casualties"])
    if "trigger" in attrs:
        yield e, KG.trigger, _str(attrs["trigger"])
    if "incident" in attrs:
        yield e, KG.incident, _incident(attrs["incident"])
    if any(k in attrs for k in ("article", "sentence", "start", "end")):
        s = _sentence(attrs)
        yield e, PROV.wasDerivedFrom, s
        yield s, RDF.type, KG.Sentence
        yield s, RDF.type, NIF.String
        if "sentence" in attrs:
            yield s, NIF.anchorOf, _str(attrs["sentence"])
        if "start" in attrs:
            yield s, NIF.beginIndex, _int(attrs["start"], _XSD_NONNEG)
        if "end" in attrs:
            yield s, NIF.endIndex, _int(attrs["end"], _XSD_NONNEG)
        if "article" in attrs:
            yield s, NIF.referenceContext, _article(attrs["article"])


def _incident_triples(G: nx.MultiDiGraph, iid: str, rec: dict[str, Any]) -> Iterator[tuple]:
    """An incident node: what happened once (actor, target, predicate, date, place), in how many articles, and why
    its reports were merged."""
    name = rec.get("predicate")
    if name not in PREDICATES:
        raise ValueError(f"incident {iid!r} has predicate {name!r}; use one of vocabulary.csv")
    i = _incident(iid)
    yield i, RDF.type, KG.Incident
    yield i, KG.actor, _node(rec["actor"])
    yield i, KG.target, _node(rec["target"])
    yield i, KG.predicate, KG[name]
    yield i, KG.corroboration, _int(rec.get("corroboration", 0))
    def label(key: str) -> str:
        return str(G.nodes[key].get("label", key)) if key in G else key

    text = f"{label(rec['actor'])} {PREDICATES[name].label} {label(rec['target'])}"
    yield i, RDFS.label, _str(f"{text}, {rec['date']}" if rec.get("date") else text)  # for people; not read back
    for article in rec.get("articles", ()):
        yield i, KG.reportedIn, _article(article)
    for reason in rec.get("reasons", ()):
        yield i, KG.mergeReason, _str(reason)
    if "date" in rec:
        yield i, KG.date, _date(rec["date"])
    if "date_end" in rec:
        yield i, KG.dateEnd, _date(rec["date_end"])
    if "place" in rec:
        yield i, KG.place, _node(rec["place"])


def _article_triples(article: str, meta: dict[str, str]) -> Iterator[tuple]:
    a = _article(article)
    yield a, RDF.type, KG.Article
    yield a, RDF.type, NIF.Context
    if meta.get("title"):
        yield a, DCTERMS.title, _str(meta["title"])
    if meta.get("date"):
        yield a, DCTERMS.date, _date(meta["date"])
    if meta.get("path"):
        yield a, KG.path, _str(meta["path"])
    if meta.get("url"):
        yield a, SCHEMA.url, Lit(meta["url"], _XSD_ANYURI)


def _sorted_nodes(G: nx.MultiDiGraph) -> list[tuple[str, dict]]:
    return sorted(G.nodes(data=True), key=lambda n: repr(n[0]))


def _sorted_edges(G: nx.MultiDiGraph) -> list[tuple[str, str, Any, dict]]:
    return sorted(G.edges(keys=True, data=True), key=lambda e: repr(e[:3]))


def triples(G: nx.MultiDiGraph) -> Iterator[tuple[tuple, tuple[str, ...]]]:
    """Every triple of G's export, each with the articles whose named graphs hold it (``()``: the default graph).

    ``plain_triples`` as rdflib terms, for ``to_rdf`` and ``to_trig`` (the fast writers of ``kg/writers.py`` read
    ``plain_triples`` itself). The vocabulary comes first, then articles, nodes, edges and incidents, sorted.

    >>> G = nx.MultiDiGraph(articles={"a1": {"title": "T"}})
    >>> G.add_node("country/RR", type="Country", label="Ruritania", aliases=[], articles=["a1", "gone"])
    >>> [(str(p).rsplit("#")[-1], where) for (s, p, o), where in triples(G) if s == node_iri("country/RR")]
    [('type', ('a1',)), ('label', ('a1',)), ('mentionedIn', ('a1',)), ('mentionedIn', ('a1',))]
    """
    for (s, p, o), where in plain_triples(G):
        yield (_term(s), _term(p), _term(o)), where


def plain_triples(G: nx.MultiDiGraph) -> Iterator[tuple[tuple, tuple[str, ...]]]:
    """The one place that turns the graph into RDF: each triple with the articles whose named graphs hold it, new
    IRIs as plain strings and literals as ``Lit`` (making rdflib terms costs more than serializing them; the
    vocabulary's and the namespaces' terms stay rdflib's)."""
    for t in _vocabulary_triples():
        yield t, ()
    articles = G.graph.get("articles", {})
    for article, meta in sorted(articles.items()):
        for t in _article_triples(article, meta):
            yield t, (article,)
    mentioned_in, article_of = KG.mentionedIn, {_article(a): a for a in articles}
    for key, attrs in _sorted_nodes(G):
        where = tuple(a for a in attrs.get("articles", ()) if a in articles)
        for t in _node_triples(key, attrs):
            if t[1] is mentioned_in and (a := article_of.get(t[2])) is not None:
                yield t, (a,)  # only that article's graph says the entity is mentioned in it (else quadratic)
            else:
                yield t, where
    for u, v, k, attrs in _sorted_edges(G):
        where = (attrs["article"],) if attrs.get("article") in articles else ()
        for t in _edge_triples(u, v, k, attrs):
            yield t, where
    for iid, rec in sorted(G.graph.get("incidents", {}).items()):  # an incident spans articles: default graph
        for t in _incident_triples(G, iid, rec):
            yield t, ()


def to_rdf(G: nx.MultiDiGraph) -> Graph:
    """Return G as RDF in the kg ontology: typed nodes, one event node per edge, the SKOS vocabulary.

    Only the attributes of the graph model (``kg/graph.py``) are exported; ``from_rdf`` inverts it.

    >>> G = nx.MultiDiGraph(articles={})
    >>> G.add_node("country/RR", type="Country", label="Ruritania", aliases=[], articles=[])
    >>> g = to_rdf(G)
    >>> (node_iri("country/RR"), RDF.type, KG.Country) in g
    True
    >>> nx.utils.graphs_equal(G, from_rdf(g))
    True
    """
    g = Graph()
    _bind(g)
    for t, _ in triples(G):
        g.add(t)
    return g


def to_trig(G: nx.MultiDiGraph) -> Dataset:
    """Return G as a dataset with one named graph per article (named by the article IRI).

    An article's graph holds its article node, the entities it mentions and the events read from it;
    the vocabulary, and anything not tied to a known article, is in the default graph.
    """
    ds = Dataset()
    _bind(ds)
    default = ds.default_graph
    graphs = {a: ds.graph(article_iri(a)) for a in sorted(G.graph.get("articles", {}))}
    for t, where in triples(G):
        for target in [graphs[a] for a in where] or [default]:
            target.add(t)
    return ds


def _local(iri: Any, ns: Namespace | str) -> str:
    text, prefix = str(iri), str(ns)
    if not text.startswith(prefix):
        raise ValueError(f"{text} is not in {prefix}")
    return _dec(text[len(prefix):])


def from_rdf(g: Graph) -> nx.MultiDiGraph:
    """Return the graph that ``to_rdf`` (or ``to_trig``) exported as ``g``.

    Raises ValueError when ``g`` is not a kg export (a missing actor, a foreign node IRI).
    """
    if isinstance(g, Dataset) and not g.default_union:  # e.g. straight from to_trig: read every graph
        union = Graph()
        for s, p, o, _ in g.quads((None, None, None, None)):
            union.add((s, p, o))
        g = union
    G = nx.MultiDiGraph(articles={})
    for a in sorted(g.subjects(RDF.type, KG.Article, unique=True)):
        meta = {"title": g.value(a, DCTERMS.title), "path": g.value(a, KG.path),
                "date": g.value(a, DCTERMS.date), "url": g.value(a, SCHEMA.url)}
        G.graph["articles"][article_id(a)] = {k: "" if v is None else str(v) for k, v in meta.items()}
    _read_nodes(g, G)
    _read_events(g, G)
    incidents = _read_incidents(g)
    if incidents:
        G.graph["incidents"] = {iid: incidents[iid] for iid in sorted(incidents)}
    return G


def _read_nodes(g: Graph, G: nx.MultiDiGraph) -> None:
    """Add to G every typed entity node of ``g`` with its attributes."""
    for kind in NODE_TYPES:
        for s in sorted(g.subjects(RDF.type, KG[kind], unique=True)):
            attrs: dict[str, Any] = {"type": kind}
            if (label := g.value(s, RDFS.label)) is not None:
                attrs["label"] = str(label)
            attrs["aliases"] = sorted(str(o) for o in g.objects(s, SKOS.altLabel))
            attrs["articles"] = sorted(article_id(o) for o in g.objects(s, KG.mentionedIn))
            for name, prop, read in _NODE_ATTRS:
                if (value := g.value(s, prop)) is not None:
                    attrs[name] = read(value)
            G.add_node(node_key(s), **attrs)


def _read_events(g: Graph, G: nx.MultiDiGraph) -> None:
    """Add to G an edge for every ``kg:Event`` of ``g``, with its evidence (the sentence node's attributes)."""
    for e in sorted(g.subjects(RDF.type, KG.Event, unique=True)):
        actor, target, key = g.value(e, KG.actor), g.value(e, KG.target), g.value(e, KG.edgeKey)
        if actor is None or target is None or key is None:
            raise ValueError(f"event {e} has no kg:actor, kg:target or kg:edgeKey")
        attrs = {"predicate": _local(g.value(e, KG.predicate), _KG)}
        for name, prop, read in _EDGE_ATTRS:
            if (value := g.value(e, prop)) is not None:
                attrs[name] = read(value)
        if (s := g.value(e, PROV.wasDerivedFrom)) is not None:
            for name, prop, read in _SENTENCE_ATTRS:
                if (value := g.value(s, prop)) is not None:
                    attrs[name] = read(value)
        if (incident := g.value(e, KG.incident)) is not None:
            attrs["incident"] = incident_id(incident)
        key = int(key) if key.datatype == XSD.integer else str(key)
        G.add_edge(node_key(actor), node_key(target), key=key, **attrs)


def _read_incidents(g: Graph) -> dict[str, dict[str, Any]]:
    """The incident table (``G.graph["incidents"]``) of the ``kg:Incident`` nodes of ``g``."""
    incidents = {}
    for i in sorted(g.subjects(RDF.type, KG.Incident, unique=True)):
        actor, target, name = g.value(i, KG.actor), g.value(i, KG.target), g.value(i, KG.predicate)
        if actor is None or target is None or name is None:
            raise ValueError(f"incident {i} has no kg:actor, kg:target or kg:predicate")
        rec: dict[str, Any] = {"actor": node_key(actor), "target": node_key(target), "predicate": _local(name, _KG),
                               "corroboration": _int_of(g.value(i, KG.corroboration) or 0),
                               "articles": sorted(article_id(a) for a in g.objects(i, KG.reportedIn)),
                               "reasons": sorted(str(r) for r in g.objects(i, KG.mergeReason))}
        for attr, prop, read in (("date", KG.date, str), ("date_end", KG.dateEnd, str), ("place", KG.place, node_key)):
            if (value := g.value(i, prop)) is not None:
                rec[attr] = read(value)
        incidents[incident_id(i)] = rec
    return incidents


def _int_of(lit: Any) -> int:
    return int(str(lit))


_NODE_ATTRS = [
    ("mentions", KG.mentions, _int_of), ("first_sentence", KG.firstSentence, str), ("role", KG.role, str),
    ("affiliation", KG.affiliation, node_key), ("located_in", KG.locatedIn, node_key),
    ("iso", KG.iso, str), ("geonames", KG.geonames, _int_of),
]
_EDGE_ATTRS = [
    ("modality", KG.modality, str), ("confidence", KG.confidence, lambda x: float(str(x))),
    ("cameo", KG.cameo, lambda x: _local(x, CAMEO)), ("plover", KG.plover, lambda x: _local(x, PLOVER)),
    ("date", KG.date, str), ("place", KG.place, node_key), ("source", KG.source, node_key),
    ("casualties", KG.casualties, _int_of), ("trigger", KG.trigger, str),
]
_SENTENCE_ATTRS = [
    ("article", NIF.referenceContext, article_id), ("sentence", NIF.anchorOf, str),
    ("start", NIF.beginIndex, _int_of), ("end", NIF.endIndex, _int_of),
]


def validate(data: Graph | nx.MultiDiGraph | str | Path) -> tuple[bool, str]:
    """Check an export (or a graph, or an export file) against ``ontology/shapes.ttl`` with pySHACL.

    Returns ``(conforms, report_text)``.
    """
    import pyshacl

    from .rdf_io import parse

    if isinstance(data, nx.Graph):
        data = to_rdf(data)
    elif isinstance(data, (str, Path)):
        data = parse(data)
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")
    ontology = Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                         advanced=True, allow_infos=True, allow_warnings=True)
    return bool(conforms), str(text)
