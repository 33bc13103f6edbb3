"""G -> GraphML whose key ids are the attribute names, so no tool mistakes one key for another.

networkx numbers keys ``d0``, ``d1``, ...; Gephi's importer reads a key with id ``d3`` as the node label
(a yEd convention; gephi/gephi#1840) before looking at ``attr.name``, so kg's aliases list would label
every node. Here a node attribute's key id is its name (``label``, ``aliases``, ...), an edge attribute's
is its name unless a node attribute already took it (then ``edge.NAME``), and a graph attribute's is
``graph.NAME``.
"""
from __future__ import annotations

import json
import re

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

__all__ = ["to_graphml", "to_graphml_ready"]

_NOT_NMTOKEN = re.compile(r"[^A-Za-z0-9._:-]")
# Characters XML 1.0 cannot hold even escaped (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(value):
    """``value`` with characters XML cannot hold replaced by U+FFFD (strings only).

    >>> _xml_safe("a\x01b"), _xml_safe(3)
    ('a\ufffdb', 3)
    """
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def to_graphml_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of G whose list and dict attributes are JSON strings (GraphML takes scalars only).

    Control characters XML cannot hold become U+FFFD, so the file stays well-formed XML whatever
    the articles contained (the RDF and JSON exports keep them exactly).
    """
    H = nx.MultiDiGraph()
    for name in ("articles", "incidents"):  # graph tables, as JSON (incidents only when the build has them)
        if name in G.graph or name == "articles":
            H.graph[name] = _xml_safe(json.dumps(G.graph.get(name, {}), sort_keys=True, ensure_ascii=False))

    def enc(v):
        return _xml_safe(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict, tuple)) else v)

    for n, d in sorted(G.nodes(data=True)):
        H.add_node(_xml_safe(n), **{k: enc(v) for k, v in d.items()})
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        H.add_edge(_xml_safe(u), _xml_safe(v), key=_xml_safe(k), **{a: enc(b) for a, b in d.items()})
    return H


class _NamedKeyWriter(GraphMLWriter):
    """A GraphMLWriter whose key ids come from the attribute names (unique across node, edge and graph)."""

    def get_key(self, name, attr_type, scope, default):
        keys_key = (name, attr_type, scope)
        if keys_key not in self.keys:
            base = _NOT_NMTOKEN.sub("_", str(name)) or "attr"
            if scope != "node":
                taken = set(self.keys.values())
                base = base if scope == "edge" and base not in taken else f"{scope}.{base}"
            new_id, n = base, 2
            while new_id in self.keys.values():
                new_id, n = f"{base}.{n}", n + 1
            self.keys[keys_key] = new_id
            kwargs = {"id": new_id, "for": scope, "attr.name": name, "attr.type": attr_type}
            key_element = self.myElement("key", **kwargs)
            if default is not None:
                default_element = self.myElement("default")
                default_element.text = str(default)
                key_element.append(default_element)
            self.xml.insert(0, key_element)
        return self.keys[keys_key]


def to_graphml(G: nx.MultiDiGraph) -> str:
    """G as GraphML (list attributes as JSON strings) with key ids named after their attributes.

    >>> G = nx.MultiDiGraph(articles={})
    >>> G.add_node("country/RR", label="Ruritania", aliases=["RR"])
    >>> _ = G.add_edge("country/RR", "country/RR", key="k", predicate="met")
    >>> text = to_graphml(G)
    >>> 'id="label"' in text, 'id="aliases"' in text, 'id="predicate"' in text, 'id="d3"' in text
    (True, True, True, False)
    >>> nx.read_graphml(__import__("io").StringIO(text)).nodes["country/RR"]["label"]
    'Ruritania'
    """
    H = to_graphml_ready(G)
    writer = _NamedKeyWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(H)
    return str(writer).rstrip("\n") + "\n"
