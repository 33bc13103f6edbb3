"""RDF export files and back: ``write_rdf``/``read_rdf`` (like networkx's ``write_gml``/``read_gml``), and ``parse``.

The format follows the file's suffix (``kg.formats``): Turtle, TriG, JSON-LD, N-Triples or N-Quads.
Writing uses the export writers (the same bytes as ``kg build``) and replaces the file atomically; reading
refuses, with one line naming the file, anything that is not a whole kg export, and fetches nothing.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph

from .errors import InputError, OutputError, one_line
from .formats import by_suffix, export_file
from .namespace import CONTEXT_IRI, KG, context
from .rdf import from_rdf

__all__ = ["write_rdf", "read_rdf", "parse"]


def write_rdf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write G to ``path`` in the RDF format its suffix names (.ttl, .trig, .jsonld, .nt, .nq); return the path.

    The bytes are those ``kg build`` writes for that format; the file is replaced atomically.
    """
    from .exportset import write_atomic

    p = Path(path)
    fmt = by_suffix(p)
    if fmt is None or not fmt.rdflib:
        raise OutputError(f"{p}: unknown RDF format {p.suffix!r}; name a .ttl, .trig, .jsonld, .nt or .nq file")
    write_atomic(p, fmt.write(G))
    return p


def parse(path: str | Path) -> Graph:
    """Parse an export file (.ttl, .nt, .jsonld, .trig, .nq; a folder means its graph.ttl) with rdflib.

    Nothing is fetched: a JSON-LD ``@context`` (or ``@import``) must be inline or kg's own
    (``CONTEXT_IRI``, read from ``ontology/context.jsonld``); any other is refused with one line.
    A file that yields no triples at all is refused rather than read as an empty graph.
    """
    p = export_file(path)
    fmt = by_suffix(p)
    if fmt is None or not fmt.rdflib:
        raise InputError(f"{p}: unknown export format {p.suffix!r}; pass a .ttl, .nt, .jsonld, .trig or .nq file")
    if not p.is_file():
        raise InputError(f"{p}: no such file; run `kg build ARTICLES --out DIR` first, or pass an existing export")
    from .exportset import check

    check(p)  # refuses a set a killed build left half-replaced
    g: Graph = Dataset(default_union=True) if fmt.rdflib in ("trig", "nquads") else Graph()
    try:
        if fmt.rdflib == "json-ld":
            g.parse(data=json.dumps(_offline_jsonld(p)), format=fmt.rdflib, publicID=p.absolute().as_uri())
        else:
            g.parse(p, format=fmt.rdflib)
    except InputError:
        raise
    except Exception as err:  # rdflib raises a different class per parser (BadSyntax, JSONDecodeError...)
        raise InputError(f"{p}: not valid {fmt.label} ({one_line(err, 200)}); re-export it with `kg build`") from err
    if len(g) == 0:
        raise InputError(f"{p}: holds no RDF triples; pass a kg export (re-export it with `kg build`)")
    return g


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
        raise InputError(f"{p}: not valid JSON-LD ({one_line(err, 200)}); re-export it with `kg build`") from None

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


def read_rdf(path: str | Path) -> nx.MultiDiGraph:
    """Read an RDF export back into the graph it was made from (a folder means ``DIR/graph.ttl``);
    the inverse of ``write_rdf``. Raises ``InputError`` naming the file when it is not a kg export."""
    g = parse(path)
    try:
        G = from_rdf(g)
    except (ValueError, TypeError) as err:
        p = Path(path)
        raise InputError(f"{p}: not a kg export ({one_line(err, 200)}); re-export it with `kg build`") from err
    if not G and not G.graph.get("articles") and not any(str(p).startswith(str(KG)) for p in g.predicates()):
        raise InputError(f"{Path(path)}: holds RDF but nothing in the kg ontology; pass a kg export")
    return G


