"""Write every export of a graph: Turtle, TriG, JSON-LD, GraphML, node-link JSON and HTML.

All formats are rendered in memory first, then written as one set by ``exportset.write_set``
(temporary files, a manifest written last, a lock on the folder), so a build that fails, fills the
disk or is killed midway never leaves a half-written export, and readers refuse a mixed set.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from .exportset import write_atomic, write_set

__all__ = ["FORMATS", "DEFAULT_FORMATS", "export_all", "write_atomic", "to_graphml_ready", "to_node_link"]


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


def to_node_link(G: nx.MultiDiGraph) -> str:
    """NetworkX node-link JSON; ``nx.node_link_graph(data, edges="edges", source="from", target="to")`` reads it back.

    Edge ends are "from"/"to", not networkx's default "source"/"target", because ``source`` is an
    edge attribute of the graph model (who says so) and would be overwritten by the edge's tail.

    >>> G = nx.MultiDiGraph(articles={})
    >>> G.add_edge("a", "b", key="k", source="c")
    'k'
    >>> H = nx.node_link_graph(json.loads(to_node_link(G)), edges="edges", source="from", target="to")
    >>> nx.utils.graphs_equal(G, H)
    True
    """
    data = nx.node_link_data(G, edges="edges", source="from", target="to")
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["from"], e["to"], str(e["key"])))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def _turtle(G: nx.MultiDiGraph) -> bytes:
    from .writers import to_turtle

    return to_turtle(G)


def _trig(G: nx.MultiDiGraph) -> bytes:
    from .writers import to_trig_bytes

    return to_trig_bytes(G)


def _jsonld(G: nx.MultiDiGraph) -> bytes:
    from .writers import to_jsonld

    return to_jsonld(G)


def _graphml(G: nx.MultiDiGraph) -> str:
    from .graphml import to_graphml

    return to_graphml(G)


def _gexf(G: nx.MultiDiGraph) -> str:
    from .gexf import to_gexf

    return to_gexf(G)


def _geojson(G: nx.MultiDiGraph) -> str:
    from .geo import to_geojson

    return to_geojson(G)


def _html(G: nx.MultiDiGraph) -> str:
    from .html import to_html

    return to_html(G, title="kg: news knowledge graph")


def _events(G: nx.MultiDiGraph) -> str:
    from .events import events_text

    return events_text(G, "csv")


def _ntriples(G: nx.MultiDiGraph) -> bytes:
    from .writers import to_ntriples

    return to_ntriples(G)


def _nquads(G: nx.MultiDiGraph) -> bytes:
    from .writers import to_nquads

    return to_nquads(G)


FORMATS: dict[str, tuple[str, Callable[[nx.MultiDiGraph], str | bytes]]] = {
    "turtle": ("graph.ttl", _turtle),
    "trig": ("graph.trig", _trig),
    "jsonld": ("graph.jsonld", _jsonld),
    "graphml": ("graph.graphml", _graphml),
    "json": ("graph.json", to_node_link),
    "html": ("graph.html", _html),
    "events": ("events.csv", _events),
    "gexf": ("graph.gexf", _gexf),
    "geojson": ("graph.geojson", _geojson),
    "ntriples": ("graph.nt", _ntriples),
    "nquads": ("graph.nq", _nquads),
}
# What ``kg build`` writes; N-Triples and N-Quads only on request (``formats=``).
DEFAULT_FORMATS: tuple[str, ...] = tuple(n for n in FORMATS if n not in ("ntriples", "nquads"))


def export_all(G: nx.MultiDiGraph, out_dir: str | Path, *, formats: tuple[str, ...] = DEFAULT_FORMATS) -> list[Path]:
    """Write the chosen formats of G into ``out_dir`` as one set; return the paths written.

    Raises ``OutputError`` when the folder cannot be written, another build holds it, or the disk fills.
    """
    from .writers import shared

    with shared(G):
        rendered = {FORMATS[name][0]: FORMATS[name][1](G) for name in formats}  # render all before writing any
    return write_set(Path(out_dir), {k: v.encode("utf-8") if isinstance(v, str) else v for k, v in rendered.items()})
