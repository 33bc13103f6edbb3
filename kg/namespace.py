"""The kg namespaces, IRIs and vocabulary: the ``KG`` ontology terms, the prefixes, node, article, event and
incident IRIs with their inverses (``node_iri``/``node_key``...; any key gives a valid IRI), and the CAMEO and
PLOVER concept schemes generated from ``ontology/vocabulary.csv`` (``vocabulary``).
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from typing import Any
from urllib.parse import unquote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from .schema import BASE, CODES, ONTOLOGY, PREDICATES

__all__ = [
    "KG", "NIF", "SCHEMA", "SEM", "ID", "CAMEO", "PLOVER", "CAMEO_SCHEME", "PLOVER_SCHEME", "GEONAMES", "PREFIXES",
    "CONTEXT_IRI", "context", "vocabulary", "node_iri", "node_key", "article_iri", "article_id", "event_iri",
    "incident_iri", "incident_id",
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
    return _local_id(iri, "", "node")


def _local_id(iri: str, space: str, kind: str) -> str:
    """The decoded id after ``ID + space`` ("article/", "incident/"); a ValueError names the kind expected."""
    prefix = f"{ID}{space}"
    if not iri.startswith(prefix):
        raise ValueError(f"{iri} is not a kg {kind} IRI (expected {prefix}...)")
    return _dec(iri[len(prefix):])


def article_iri(article: str) -> URIRef:
    """The IRI of an article id."""
    return URIRef(_article(article))


def _article(article: str) -> str:
    return f"{_ID}article/{_enc(article)}"


def article_id(iri: str) -> str:
    """The article id of an article IRI."""
    return _local_id(iri, "article/", "article")


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
    return _local_id(iri, "incident/", "incident")


def _sentence(attrs: dict[str, Any]) -> str:
    # The text is part of the identity, so two edges share a sentence node only if they agree on it.
    return (f"{_ID}sentence/{_hash(*(attrs.get(k) for k in ('article', 'start', 'end', 'sentence')))}")


def _bind(g: Graph) -> None:
    """Bind the kg prefixes in ``g``."""
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
    """The triples of ``vocabulary()``, sorted, made once."""
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


CONTEXT_IRI = "https://w3id.org/kg-news/context.jsonld"


def context() -> dict[str, Any]:
    """The JSON-LD context of ``ontology/context.jsonld``, for ``g.serialize(format="json-ld", context=...)``."""
    with (ONTOLOGY / "context.jsonld").open(encoding="utf-8") as fh:
        return json.load(fh)["@context"]
