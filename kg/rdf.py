"""The graph as RDF in the kg ontology, and back: ``to_rdf``/``from_rdf``, ``to_trig``, ``load``, ``validate``.

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
import functools
import hashlib
import json
import re
from decimal import Decimal
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote

import networkx as nx
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from .errors import InputError
from .schema import BASE, DIRECT_MODALITIES, NODE_TYPES, ONTOLOGY, PREDICATES, CODES

__all__ = [
    "KG", "NIF", "SCHEMA", "SEM", "ID", "CAMEO", "PLOVER", "CAMEO_SCHEME", "PLOVER_SCHEME", "PREFIXES",
    "triples", "to_rdf", "from_rdf", "to_trig", "dumps", "parse", "load", "validate", "vocabulary", "context",
    "CONTEXT_IRI", "node_iri", "node_key", "article_iri", "article_id", "event_iri", "incident_iri", "incident_id",
]


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl``; a typo raises AttributeError instead of minting an IRI."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True
    _extras = list(PREDICATES)  # one relation property per vocabulary.csv row

    Entity: URIRef
    Actor: URIRef
    Country: URIRef
    Official: URIRef
    Group: URIRef
    Organization: URIRef
    Place: URIRef
    Event: URIRef
    Article: URIRef
    Sentence: URIRef
    Incident: URIRef
    relation: URIRef
    actor: URIRef
    target: URIRef
    predicate: URIRef
    modality: URIRef
    confidence: URIRef
    date: URIRef
    place: URIRef
    casualties: URIRef
    cameo: URIRef
    plover: URIRef
    source: URIRef
    trigger: URIRef
    edgeKey: URIRef
    role: URIRef
    affiliation: URIRef
    locatedIn: URIRef
    mentions: URIRef
    firstSentence: URIRef
    iso: URIRef
    geonames: URIRef
    mentionedIn: URIRef
    path: URIRef
    cameoConcept: URIRef
    offeredCameoConcept: URIRef
    ploverConcept: URIRef
    incident: URIRef
    corroboration: URIRef
    reportedIn: URIRef
    mergeReason: URIRef
    dateEnd: URIRef


# Each term as a plain class attribute: DefinedNamespace resolves annotations in Python on every access,
# which was a tenth of the export time.
for _name in KG.__annotations__:
    type.__setattr__(KG, _name, KG._NS[_name])

NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ID = Namespace(BASE + "id/")
CAMEO = Namespace(BASE + "cameo/")
PLOVER = Namespace(BASE + "plover/")
CAMEO_SCHEME = URIRef(BASE + "cameo")
PLOVER_SCHEME = URIRef(BASE + "plover")
GEONAMES = "https://sws.geonames.org/"

PREFIXES: dict[str, str] = {
    "kg": str(KG._NS), "id": str(ID), "cameo": str(CAMEO), "plover": str(PLOVER),
    "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "xsd": str(XSD), "skos": str(SKOS),
    "dcterms": str(DCTERMS), "prov": str(PROV), "nif": str(NIF), "schema": str(SCHEMA), "sem": str(SEM),
}

_KG = str(KG._NS)
_ID = str(ID)
# Entity keys that would land in the event/sentence/article sub-spaces get their first character escaped.
_RESERVED = ("event/", "sentence/", "article/", "incident/")
# Kept as is in IRIs; everything else is UTF-8 percent-encoded. "." is encoded so no key makes a
# dot-segment ("a/../b") that an IRI normaliser could rewrite.
_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~/")


_UNSAFE = re.compile("[^A-Za-z0-9\\-_~/]+")


def _pct(m: re.Match) -> str:
    return "".join(f"%{b:02X}" for b in m.group().encode("utf-8"))


def _enc(text: str) -> str:
    """``text`` with every character outside ``_SAFE`` percent-encoded as UTF-8 (one regex pass: IRIs
    are made for every triple, and most keys are all safe).

    >>> _enc("a b/ç.")
    'a%20b/%C3%A7%2E'
    """
    return _UNSAFE.sub(_pct, text)


def _dec(local: str) -> str:
    return unquote(local, errors="strict")


def node_iri(key: str) -> URIRef:
    """The IRI of the node with this key: any string gives a valid IRI, and ``node_key`` inverts it.

    >>> node_iri("country/RU")
    rdflib.term.URIRef('https://w3id.org/kg-news/id/country/RU')
    >>> node_iri('a b<"%>')
    rdflib.term.URIRef('https://w3id.org/kg-news/id/a%20b%3C%22%25%3E')
    """
    return URIRef(_node(key))


def _node(key: str) -> str:
    """``node_iri`` as a plain string (the fast writers' form)."""
    local = _enc(key)
    if local.startswith(_RESERVED):
        local = f"%{ord(local[0]):02X}{local[1:]}"
    return _ID + local


def node_key(iri: str) -> str:
    """The node key of a node IRI.

    >>> node_key(node_iri("person/jo\u00e3o"))
    'person/jo\u00e3o'
    """
    if not iri.startswith(str(ID)):
        raise ValueError(f"{iri} is not a kg node IRI (expected {ID}...)")
    return _dec(iri[len(ID):])


def article_iri(article: str) -> URIRef:
    """The IRI of an article id."""
    return URIRef(_article(article))


def _article(article: str) -> str:
    return f"{_ID}article/{_enc(article)}"


def article_id(iri: str) -> str:
    """The article id of an article IRI."""
    prefix = f"{ID}article/"
    if not iri.startswith(prefix):
        raise ValueError(f"{iri} is not a kg article IRI (expected {prefix}...)")
    return _dec(iri[len(prefix):])


def _hash(*parts: Any) -> str:
    data = json.dumps(parts, ensure_ascii=False, default=repr).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


def event_iri(u: str, v: str, key: Any) -> URIRef:
    """The IRI of the event node of edge (u, v, key)."""
    return URIRef(_event(u, v, key))


def _event(u: str, v: str, key: Any) -> str:
    return f"{_ID}event/{_hash(u, v, key)}"


def incident_iri(incident: str) -> URIRef:
    """The IRI of an incident id (``G.graph["incidents"]``)."""
    return URIRef(_incident(incident))


def _incident(incident: str) -> str:
    return f"{_ID}incident/{_enc(incident)}"


def incident_id(iri: str) -> str:
    """The incident id of an incident IRI."""
    prefix = f"{ID}incident/"
    if not iri.startswith(prefix):
        raise ValueError(f"{iri} is not a kg incident IRI (expected {prefix}...)")
    return _dec(iri[len(prefix):])


def _sentence(attrs: dict[str, Any]) -> str:
    # The text is part of the identity, so two edges share a sentence node only if they agree on it.
    return (f"{_ID}sentence/{_hash(*(attrs.get(k) for k in ('article', 'start', 'end', 'sentence')))}")


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


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def vocabulary() -> Graph:
    """The CAMEO and PLOVER concept schemes and the relation properties, generated from vocabulary.csv.

    >>> g = vocabulary()
    >>> (KG.struck, KG.cameoConcept, CAMEO["190"]) in g
    True
    """
    g = Graph()
    _bind(g)
    for t in _vocabulary_triples():
        g.add(t)
    return g


@functools.cache
def _vocabulary_triples() -> tuple[tuple, ...]:
    g = Graph()
    for scheme, label in ((CAMEO_SCHEME, "CAMEO event codes"), (PLOVER_SCHEME, "PLOVER event categories")):
        g.add((scheme, RDF.type, SKOS.ConceptScheme))
        g.add((scheme, SKOS.prefLabel, Literal(label, lang="en")))

    def concept(iri: URIRef, notation: str, label: str, scheme: URIRef) -> URIRef:
        g.add((iri, RDF.type, SKOS.Concept))
        g.add((iri, SKOS.notation, Literal(notation)))
        g.add((iri, SKOS.prefLabel, Literal(label, lang="en")))
        g.add((iri, SKOS.inScheme, scheme))
        return iri

    for p in PREDICATES.values():
        prop = KG[p.name]
        g.add((prop, RDF.type, OWL.ObjectProperty))
        g.add((prop, RDFS.label, Literal(p.label, lang="en")))
        g.add((prop, RDFS.subPropertyOf, KG.relation))
        g.add((prop, KG.cameoConcept, concept(CAMEO[_enc(p.cameo)], p.cameo, p.cameo_name, CAMEO_SCHEME)))
        if p.offered_cameo:
            offered = concept(CAMEO[_enc(p.offered_cameo)], p.offered_cameo, p.offered_name, CAMEO_SCHEME)
            g.add((prop, KG.offeredCameoConcept, offered))
        category = concept(PLOVER[_enc(p.plover)], p.plover, p.plover.lower(), PLOVER_SCHEME)
        g.add((category, SKOS.topConceptOf, PLOVER_SCHEME))
        if p.plover_mode:
            mode = concept(PLOVER[_enc(f"{p.plover}/{p.plover_mode}")], p.plover_mode,
                           f"{p.plover.lower()}: {p.plover_mode}", PLOVER_SCHEME)
            g.add((mode, SKOS.broader, category))
            g.add((prop, KG.ploverConcept, mode))
        else:
            g.add((prop, KG.ploverConcept, category))
    for p in PREDICATES.values():  # an offer (039, 036) is PLOVER's AGREE
        if p.offered_cameo:
            agree = concept(PLOVER["AGREE"], "AGREE", "agree", PLOVER_SCHEME)
            g.add((agree, SKOS.topConceptOf, PLOVER_SCHEME))
            g.add((CAMEO[_enc(p.offered_cameo)], SKOS.related, agree))
    for c in CODES:  # finer codes a trigger can give (ontology/codes.csv), under their PLOVER category
        finer = concept(CAMEO[_enc(c.code)], c.code, c.name, CAMEO_SCHEME)
        category = concept(PLOVER[_enc(c.plover)], c.plover, c.plover.lower(), PLOVER_SCHEME)
        g.add((category, SKOS.topConceptOf, PLOVER_SCHEME))
        g.add((finer, SKOS.related, category))
        g.add((finer, SKOS.related, CAMEO[_enc(PREDICATES[c.predicate].cameo)]))
    return tuple(sorted(g))


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

    The one place that turns the graph into RDF: ``to_rdf``, ``to_trig`` and the fast writers
    (``kg/writers.py``) all read it. The vocabulary comes first, then articles, nodes, edges and
    incidents, sorted.

    >>> G = nx.MultiDiGraph(articles={"a1": {"title": "T"}})
    >>> G.add_node("country/RR", type="Country", label="Ruritania", aliases=[], articles=["a1", "gone"])
    >>> [(str(p).rsplit("#")[-1], where) for (s, p, o), where in triples(G) if s == node_iri("country/RR")]
    [('type', ('a1',)), ('label', ('a1',)), ('mentionedIn', ('a1',)), ('mentionedIn', ('a1',))]
    """
    for (s, p, o), where in plain_triples(G):
        yield (_term(s), _term(p), _term(o)), where


def plain_triples(G: nx.MultiDiGraph) -> Iterator[tuple[tuple, tuple[str, ...]]]:
    """``triples`` with new IRIs as plain strings and literals as ``Lit``: what the fast writers read, without the
    cost of making rdflib terms (the vocabulary's and the namespaces' terms stay rdflib's)."""
    for t in _vocabulary_triples():
        yield t, ()
    articles = G.graph.get("articles", {})
    for article, meta in sorted(articles.items()):
        for t in _article_triples(article, meta):
            yield t, (article,)
    for key, attrs in _sorted_nodes(G):
        where = tuple(a for a in attrs.get("articles", ()) if a in articles)
        for t in _node_triples(key, attrs):
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


def dumps(g: Graph, fmt: str = "turtle") -> str:
    """Serialize an export deterministically: N-Triples/N-Quads lines sorted, the other formats written
    from a graph whose triples ``to_rdf`` added in sorted order (rdflib's Turtle also sorts subjects).

    >>> dumps(Graph(), "nt")
    ''
    """
    if fmt in ("nt", "ntriples", "nquads"):
        lines = g.serialize(format=fmt, encoding="utf-8").decode("utf-8").splitlines()
        return "".join(f"{line}\n" for line in sorted(filter(None, lines)))
    if fmt == "json-ld":
        return g.serialize(format=fmt, context=context(), sort_keys=True, indent=2)
    return g.serialize(format=fmt)


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
    if incidents:
        G.graph["incidents"] = {iid: incidents[iid] for iid in sorted(incidents)}
    return G


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

_FORMATS = {".ttl": ("turtle", "Turtle"), ".nt": ("nt", "N-Triples"), ".jsonld": ("json-ld", "JSON-LD"),
            ".json-ld": ("json-ld", "JSON-LD"), ".trig": ("trig", "TriG"), ".nq": ("nquads", "N-Quads")}


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split())
    return (text[:200] + "...") if len(text) > 200 else text or type(err).__name__


def parse(path: str | Path) -> Graph:
    """Parse an export file (.ttl, .nt, .jsonld, .trig, .nq; a folder means its graph.ttl) with rdflib.

    Nothing is fetched: a JSON-LD ``@context`` (or ``@import``) must be inline or kg's own
    (``CONTEXT_IRI``, read from ``ontology/context.jsonld``); any other is refused with one line.
    A file that yields no triples at all is refused rather than read as an empty graph.
    """
    p = Path(path)
    if p.is_dir():
        p = p / "graph.ttl"
    if p.suffix.lower() not in _FORMATS:
        raise InputError(f"{p}: unknown export format {p.suffix!r}; pass a .ttl, .nt, .jsonld, .trig or .nq file")
    if not p.is_file():
        raise InputError(f"{p}: no such file; run `kg build ARTICLES --out DIR` first, or pass an existing export")
    from .exportset import check

    check(p)  # refuses a set a killed build left half-replaced
    fmt, name = _FORMATS[p.suffix.lower()]
    g: Graph = Dataset(default_union=True) if fmt in ("trig", "nquads") else Graph()
    try:
        if fmt == "json-ld":
            g.parse(data=json.dumps(_offline_jsonld(p)), format=fmt, publicID=p.absolute().as_uri())
        else:
            g.parse(p, format=fmt)
    except InputError:
        raise
    except Exception as err:  # rdflib raises a different class per parser (BadSyntax, JSONDecodeError...)
        raise InputError(f"{p}: not valid {name} ({_one_line(err)}); re-export it with `kg build`") from err
    if len(g) == 0:
        raise InputError(f"{p}: holds no RDF triples; pass a kg export (re-export it with `kg build`)")
    return g


CONTEXT_IRI = "https://w3id.org/kg-news/context.jsonld"
_OWN_CONTEXTS = frozenset({CONTEXT_IRI, "http://w3id.org/kg-news/context.jsonld"})


def _offline_jsonld(p: Path) -> Any:
    """The JSON of a JSON-LD file with every context reference replaced by kg's bundled context.

    A reference to any other context raises ``InputError``: kg runs offline and never fetches one.
    """
    try:
        doc = json.loads(p.read_bytes())
    except RecursionError:
        raise InputError(f"{p}: JSON nested too deeply to read; re-export it with `kg build`") from None
    except (ValueError, UnicodeDecodeError) as err:
        raise InputError(f"{p}: not valid JSON-LD ({_one_line(err)}); re-export it with `kg build`") from None

    def own(ref: Any) -> Any:
        if isinstance(ref, str):
            if ref not in _OWN_CONTEXTS:
                shown = ref if len(ref) <= 80 else ref[:77] + "..."
                raise InputError(f"{p}: JSON-LD context {shown!r} is not kg's own; kg runs offline and fetches no "
                                 f"context: inline it, or use {CONTEXT_IRI}")
            return context()
        if isinstance(ref, list):
            return [own(r) for r in ref]
        if isinstance(ref, dict) and "@import" in ref:
            imported = own(ref["@import"])
            return {**imported, **{k: v for k, v in ref.items() if k != "@import"}}
        return ref

    stack = [doc]
    while stack:  # iterative: a hostile document can nest as deep as the JSON parser allows
        node = stack.pop()
        if isinstance(node, dict):
            if "@context" in node:
                node["@context"] = own(node["@context"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return doc


def load(path: str | Path) -> nx.MultiDiGraph:
    """Read a kg export back into the graph it was made from (a folder means ``DIR/graph.ttl``)."""
    g = parse(path)
    try:
        G = from_rdf(g)
    except (ValueError, TypeError) as err:
        p = Path(path)
        raise InputError(f"{p}: not a kg export ({_one_line(err)}); re-export it with `kg build`") from err
    if not G and not G.graph.get("articles") and not any(str(p).startswith(str(KG)) for p in g.predicates()):
        raise InputError(f"{Path(path)}: holds RDF but nothing in the kg ontology; pass a kg export")
    return G


def context() -> dict[str, Any]:
    """The JSON-LD context of ``ontology/context.jsonld``, for ``g.serialize(format="json-ld", context=...)``."""
    with (ONTOLOGY / "context.jsonld").open(encoding="utf-8") as fh:
        return json.load(fh)["@context"]


def validate(data: Graph | nx.MultiDiGraph | str | Path) -> tuple[bool, str]:
    """Check an export (or a graph, or an export file) against ``ontology/shapes.ttl`` with pySHACL.

    Returns ``(conforms, report_text)``.
    """
    import pyshacl

    if isinstance(data, nx.Graph):
        data = to_rdf(data)
    elif isinstance(data, (str, Path)):
        data = parse(data)
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")
    ontology = Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                         advanced=True, allow_infos=True, allow_warnings=True)
    return bool(conforms), str(text)
