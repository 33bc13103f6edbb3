"""Write every export of a graph: Turtle, TriG, JSON-LD, GraphML, node-link JSON and HTML.

All formats are rendered in memory first, then written as one set by ``exportset.write_set``
(temporary files, a manifest written last, a lock on the folder), so a build that fails, fills the
disk or is killed midway never leaves a half-written export, and readers refuse a mixed set.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from .exportset import hold, is_current, release, tidy, write_atomic, write_set

__all__ = ["FORMATS", "DEFAULT_FORMATS", "export_all", "source_digest", "write_atomic", "to_graphml_ready", "to_node_link"]


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
    from .tables import events_text

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

    When the folder already holds this set, made from the same graph by the same code, nothing is
    rendered or written (a re-run with nothing changed). Raises ``OutputError`` when the folder cannot
    be written, another build holds it, or the disk fills.
    """
    from .writers import shared

    out_dir = Path(out_dir)
    names = [FORMATS[name][0] for name in formats]
    taken = hold(out_dir)
    try:
        tidy(out_dir, names)  # what a killed build left, even when there is nothing new to write
        source = source_digest(G)
        if is_current(out_dir, names, source):
            return [out_dir / n for n in names]
        with shared(G):
            rendered = {FORMATS[name][0]: FORMATS[name][1](G) for name in formats}  # render all before writing any
        files = {k: v.encode("utf-8") if isinstance(v, str) else v for k, v in rendered.items()}
        write_set(out_dir, files, source=source)
        return [out_dir / n for n in names]
    finally:
        if taken:
            release(out_dir)


def source_digest(G: nx.MultiDiGraph) -> str:
    """A SHA-256 of G (nodes, edges, attributes, articles) and of the code and data that render it.

    >>> G = nx.MultiDiGraph(articles={}); H = nx.MultiDiGraph(articles={}); H.add_node("x")
    >>> source_digest(G) == source_digest(nx.MultiDiGraph(articles={})) != source_digest(H)
    True
    """
    h = hashlib.sha256(_code_digest().encode())
    nodes = sorted(G.nodes(data=True), key=lambda n: repr(n[0]))
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: repr(e[:3]))
    data = json.dumps([G.graph, nodes, edges], sort_keys=True, ensure_ascii=False, default=repr)
    h.update(data.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@functools.cache
def _code_digest() -> str:
    """A SHA-256 of kg's modules, templates, data and ontology, and of the libraries that write exports."""
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    files = sorted([*root.rglob("*.py"), *root.glob("templates/*"), *root.glob("data/*"), *root.glob("ontology/*")])
    for f in files:
        if f.is_file():
            h.update(f"{f.relative_to(root)}\0".encode() + f.read_bytes() + b"\0")
    for package in ("networkx", "rdflib", "pyoxigraph", "pyvis", "pandas"):
        try:
            h.update(f"{package}={version(package)}\0".encode())
        except PackageNotFoundError:
            pass
    return h.hexdigest()
