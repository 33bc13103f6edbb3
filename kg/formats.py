"""The one table of export formats: file name, suffixes, writer, reader, and how RDF libraries name them.

``kg.exports`` writes from it, ``kg.rdf_io`` and ``kg.sparql`` read RDF by it, ``kg.store`` finds the TriG
file by it, and ``export_file`` is the one place where a folder means its ``graph.X`` file. A new format
is one row here and a writer module (``kg/gexf.py`` is one). Writers and readers are imported when
called, so this table loads no heavy library.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Format", "FORMATS", "DEFAULT_FORMATS", "RDF_SUFFIXES", "by_suffix", "export_file"]


class Format(NamedTuple):
    """One export format; ``filename`` and ``write`` come first, as ``FORMATS[name][0]``/``[1]``."""

    filename: str  # the file ``kg build`` writes, e.g. "graph.ttl"
    write: Callable[[nx.MultiDiGraph], str | bytes]  # G -> the file's content
    label: str  # its name in messages, e.g. "Turtle"
    suffixes: tuple[str, ...]  # lower-case suffixes a file of this format may have
    rdflib: str = ""  # rdflib's parser name; "" when the format is not RDF
    oxigraph: str = ""  # the pyoxigraph.RdfFormat member that loads it; "" when pyoxigraph does not
    read: Callable[[str | Path], nx.MultiDiGraph] | None = None  # path -> the graph it was written from
    default: bool = True  # written by ``kg build`` (N-Triples and N-Quads only on request)


def _lazy(module: str, name: str, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
    """``kg.<module>.<name>(x, *args, **kwargs)``, importing the module on the first call."""
    def call(x: Any) -> Any:
        return getattr(importlib.import_module(f"kg.{module}"), name)(x, *args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


_read_rdf = _lazy("rdf_io", "read_rdf")

FORMATS: dict[str, Format] = {
    "turtle": Format("graph.ttl", _lazy("writers", "to_turtle"), "Turtle", (".ttl",), "turtle", "TURTLE", _read_rdf),
    "trig": Format("graph.trig", _lazy("writers", "to_trig_bytes"), "TriG", (".trig",), "trig", "TRIG", _read_rdf),
    "jsonld": Format("graph.jsonld", _lazy("writers", "to_jsonld"), "JSON-LD", (".jsonld", ".json-ld"), "json-ld", "",
                     _read_rdf),
    "graphml": Format("graph.graphml", _lazy("graphml", "to_graphml"), "GraphML", (".graphml",)),
    "json": Format("graph.json", _lazy("nodelink", "to_node_link"), "node-link JSON", (".json",),
                   read=_lazy("nodelink", "read_node_link")),
    "html": Format("graph.html", _lazy("html", "to_html", title="kg: news knowledge graph"), "HTML", (".html",)),
    "events": Format("events.csv", _lazy("tables", "events_text", "csv"), "events CSV", (".csv",)),
    "gexf": Format("graph.gexf", _lazy("gexf", "to_gexf"), "GEXF", (".gexf",)),
    "geojson": Format("graph.geojson", _lazy("geo", "to_geojson"), "GeoJSON", (".geojson",)),
    "ntriples": Format("graph.nt", _lazy("writers", "to_ntriples"), "N-Triples", (".nt",), "nt", "N_TRIPLES", _read_rdf,
                       default=False),
    "nquads": Format("graph.nq", _lazy("writers", "to_nquads"), "N-Quads", (".nq",), "nquads", "N_QUADS", _read_rdf,
                     default=False),
}
# What ``kg build`` writes.
DEFAULT_FORMATS: tuple[str, ...] = tuple(name for name, f in FORMATS.items() if f.default)
# Suffixes of the RDF formats kg reads (``kg.load``, ``kg query``, ``kg validate``).
RDF_SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS.values() if f.rdflib for s in f.suffixes)


def by_suffix(path: str | Path) -> Format | None:
    """The format of a file, from its suffix (any case); None for a suffix kg does not write.

    >>> by_suffix("a/graph.TTL").label, by_suffix("x.json-ld").label, by_suffix("x.rq")
    ('Turtle', 'JSON-LD', None)
    """
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.suffixes), None)


def export_file(source: str | Path, name: str = "turtle") -> Path:
    """``source`` as a file: a folder means its export of format ``name`` (``DIR/graph.ttl``), a file itself.

    >>> export_file("."), export_file("exports/graph.nt"), export_file(".", "trig")
    (PosixPath('graph.ttl'), PosixPath('exports/graph.nt'), PosixPath('graph.trig'))
    """
    path = Path(source)
    return path / FORMATS[name].filename if path.is_dir() else path
