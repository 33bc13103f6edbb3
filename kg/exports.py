"""Write every export of a graph (the formats of ``kg.formats.FORMATS``) into a folder, as one set.

All formats are rendered in memory first, then written as one set by ``exportset.write_set``
(temporary files, a manifest written last, a lock on the folder), so a build that fails, fills the
disk or is killed midway never leaves a half-written export, and readers refuse a mixed set.
"""
from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import networkx as nx

from .exportset import hold, is_current, release, tidy, write_set
from .formats import DEFAULT_FORMATS, FORMATS

__all__ = ["FORMATS", "DEFAULT_FORMATS", "export_all", "source_digest"]


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
