"""Records in, ``nx.MultiDiGraph`` out: the one module that mutates the graph.

The graph model (what every exporter reads and ``kg.load`` gives back):

* ``G.graph["articles"]``: ``{article_id: {"title", "path", "date", "url"}}`` (values are strings).
* Nodes are keyed by a stable entity key (``"country/IR"``, ``"person/joe-biden"``). Attributes:
  ``type`` (one of ``NODE_TYPES``), ``label``, ``aliases`` (sorted list of other surface forms),
  ``articles`` (sorted list of article ids), ``mentions`` (int), ``first_sentence``; when known
  ``role``, ``affiliation`` (node key), ``located_in`` (node key), ``iso`` (ISO 3166 alpha-2),
  ``geonames`` (int GeoNames id).
* One edge per evidence, key ``f"{predicate}:{article}:{start}:{object}"`` (``edge_key``). Attributes: ``predicate``
  (a ``PREDICATES`` name), ``modality``, ``cameo``, ``plover``, ``confidence`` (float), ``article``,
  ``sentence``, ``start``/``end`` (int offsets of the sentence in the article), ``trigger``; when
  stated ``source`` (node key of who says so), ``date`` (ISO date), ``place`` (node key),
  ``casualties`` (int); and ``incident`` (an id of ``G.graph["incidents"]``) once incidents are added.
* ``G.graph["incidents"]`` (built graphs with edges): ``{incident_id: {"actor", "target", "predicate",
  "corroboration", "articles", "reasons", and when known "date", "date_end", "place"}}``: the occurrences
  the edges report, one per edge at least (``kg/incidents.py`` decides; ``add_incidents`` writes them).

Optional attributes are absent rather than empty, so every attribute present is a fact.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import replace

import networkx as nx

from .incidents import find_incidents
from .schema import Article, Entity, Relation

__all__ = ["new_graph", "add_article", "add_incidents", "edge_key"]


def new_graph() -> nx.MultiDiGraph:
    """An empty kg graph.

    >>> new_graph().graph
    {'articles': {}}
    """
    return nx.MultiDiGraph(articles={})


def edge_key(rel: Relation) -> str:
    return f"{rel.predicate}:{rel.evidence.article}:{rel.evidence.start}:{rel.object}"


def add_article(G: nx.MultiDiGraph, article: Article, entities: Iterable[Entity], relations: Iterable[Relation]) -> None:
    """Add one article's entities and relations to G, merging nodes that share a key."""
    G.graph["articles"][article.id] = {"title": article.title, "path": article.path, "date": article.date, "url": article.url}
    entities = list(entities)
    here = {e.key for e in entities}

    def known(key: str) -> bool:  # not a set of all nodes per article: that made merging quadratic
        return key in here or key in G

    for ent in entities:
        # A reference to a thing the article does not name (the country a town lies in) is dropped,
        # so every IRI the export points to is a described node.
        if (ent.affiliation and not known(ent.affiliation)) or (ent.located_in and not known(ent.located_in)):
            ent = replace(ent, affiliation=ent.affiliation if known(ent.affiliation) else "",
                          located_in=ent.located_in if known(ent.located_in) else "")
        _add_entity(G, ent, article.id)
    for rel in relations:
        _add_relation(G, rel)


def _add_entity(G: nx.MultiDiGraph, ent: Entity, article_id: str) -> None:
    if ent.key not in G:
        attrs = {"type": ent.type, "label": ent.label, "aliases": sorted(set(ent.aliases) - {ent.label}),
                 "articles": [article_id], "mentions": ent.mentions, "first_sentence": ent.first_sentence}
        for name in ("role", "affiliation", "located_in", "iso"):
            if value := getattr(ent, name):
                attrs[name] = value
        if ent.geonames:
            attrs["geonames"] = ent.geonames
        G.add_node(ent.key, **attrs)
        return
    node = G.nodes[ent.key]
    # Inserted in place, in order: re-sorting a popular entity's list on every merge was quadratic.
    for alias in (*ent.aliases, ent.label):
        if alias != node["label"]:
            _insort_new(node["aliases"], alias)
    _insort_new(node["articles"], article_id)
    node["mentions"] += ent.mentions
    for name in ("role", "affiliation", "located_in", "iso"):
        if (value := getattr(ent, name)) and name not in node:
            node[name] = value
    if ent.geonames and "geonames" not in node:
        node["geonames"] = ent.geonames


def _insort_new(items: list[str], item: str) -> None:
    """Insert ``item`` into the sorted list ``items`` unless it is there already.

    >>> xs = ["a", "c"]; _insort_new(xs, "b"); _insort_new(xs, "c"); xs
    ['a', 'b', 'c']
    """
    i = bisect.bisect_left(items, item)
    if i == len(items) or items[i] != item:
        items.insert(i, item)


def _add_relation(G: nx.MultiDiGraph, rel: Relation) -> None:
    ev = rel.evidence
    attrs = {
        "predicate": rel.predicate, "modality": rel.modality, "cameo": rel.cameo,
        "plover": rel.plover, "confidence": round(float(ev.confidence), 3),
        "article": ev.article, "sentence": ev.sentence, "start": ev.start, "end": ev.end, "trigger": ev.trigger,
    }
    for name in ("source", "date", "place"):
        if value := getattr(rel, name):
            attrs[name] = value
    if rel.casualties >= 0:
        attrs["casualties"] = rel.casualties
    G.add_edge(rel.subject, rel.object, key=edge_key(rel), **attrs)


def add_incidents(G: nx.MultiDiGraph) -> None:
    """Decide which edges report one incident (``kg.incidents``) and record it: ``incident`` on every edge,
    the table in ``G.graph["incidents"]`` (absent when G has no edge).

    >>> G = new_graph()
    >>> G.add_node("country/RR", type="Country"); G.add_node("country/FD", type="Country")
    >>> _ = G.add_edge("country/RR", "country/FD", key="k", predicate="struck", article="a", sentence="", start=0)
    >>> add_incidents(G)
    >>> G.edges["country/RR", "country/FD", "k"]["incident"] in G.graph["incidents"]
    True
    """
    table, incident_of = find_incidents(G)
    G.graph.pop("incidents", None)
    if table:
        G.graph["incidents"] = {iid: table[iid] for iid in sorted(table)}
    for (u, v, k), iid in incident_of.items():
        G.edges[u, v, k]["incident"] = iid

