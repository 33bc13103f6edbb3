"""G -> GraphML whose key ids are the attribute names, so no tool mistakes one key for another.

networkx numbers keys ``d0``, ``d1``, ...; Gephi's importer reads a key with id ``d3`` as the node label
(a yEd convention; gephi/gephi#1840) before looking at ``attr.name``, so kg's aliases list would label
every node. Here a node attribute's key id is its name (``label``, ``aliases``, ...), an edge attribute's
is its name unless a node attribute already took it (then ``edge.NAME``), and a graph attribute's is
``graph.NAME``.
"""
from __future__ import annotations

import re

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

__all__ = ["to_graphml"]

_NOT_NMTOKEN = re.compile(r"[^A-Za-z0-9._:-]")


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
    from .exports import to_graphml_ready

    H = to_graphml_ready(G)
    writer = _NamedKeyWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph_element(H)
    return str(writer).rstrip("\n") + "\n"
