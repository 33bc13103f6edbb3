"""Write every export of a graph: Turtle, TriG, JSON-LD, GraphML, node-link JSON and HTML.

Each file is written to a temporary file in the output folder and renamed into place, so a build
that fails or is killed midway never leaves a half-written export or loses the previous one.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from .errors import KgError

__all__ = ["FORMATS", "export_all", "write_atomic", "to_graphml_ready", "to_node_link"]


_UMASK = os.umask(0)
os.umask(_UMASK)


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` via a temporary sibling and ``os.replace``."""
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8", "newline": "\n"})) as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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


def _turtle(G: nx.MultiDiGraph) -> str:
    from .rdf import to_rdf

    return to_rdf(G).serialize(format="turtle")


def _trig(G: nx.MultiDiGraph) -> str:
    from .rdf import to_trig

    return to_trig(G).serialize(format="trig")


def _jsonld(G: nx.MultiDiGraph) -> str:
    from .rdf import context, to_rdf

    return to_rdf(G).serialize(format="json-ld", context=context(), indent=1)


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


FORMATS: dict[str, tuple[str, Callable[[nx.MultiDiGraph], str]]] = {
    "turtle": ("graph.ttl", _turtle),
    "trig": ("graph.trig", _trig),
    "jsonld": ("graph.jsonld", _jsonld),
    "graphml": ("graph.graphml", _graphml),
    "json": ("graph.json", to_node_link),
    "html": ("graph.html", _html),
    "events": ("events.csv", _events),
    "gexf": ("graph.gexf", _gexf),
    "geojson": ("graph.geojson", _geojson),
}


def export_all(G: nx.MultiDiGraph, out_dir: Path, *, formats: tuple[str, ...] = tuple(FORMATS)) -> list[Path]:
    """Write the chosen formats of G into ``out_dir``; return the paths written."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KgError(f"{out_dir}: cannot create the output folder ({err.strerror}); choose another --out") from None
    if not os.access(out_dir, os.W_OK):
        raise KgError(f"{out_dir}: output folder is not writable; choose another --out")
    rendered = {name: FORMATS[name][1](G) for name in formats}  # render all before replacing any
    written = []
    for name in formats:
        path = out_dir / FORMATS[name][0]
        write_atomic(path, rendered[name])
        written.append(path)
    return written
