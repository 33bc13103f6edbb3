"""The public Python API: build, export, load, query. Each imports its stage lazily."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["build", "export", "load", "query"]


def build(paths: str | Path | Iterable[str | Path], *, model: str | None = None) -> nx.MultiDiGraph:
    """Read articles (files or folders) and return their knowledge graph."""
    from .pipeline import build_graph

    if isinstance(paths, (str, Path)):
        paths = [paths]
    return build_graph(paths, model=model)


def export(G: nx.MultiDiGraph, out_dir: str | Path = "exports") -> list[Path]:
    """Write every export of G into ``out_dir``; return the paths written."""
    from .export import export_all

    return export_all(G, Path(out_dir))


def load(path: str | Path) -> nx.MultiDiGraph:
    """Return the MultiDiGraph stored in an RDF export (a file, or a folder holding graph.ttl)."""
    from .rdf import load as load_rdf

    return load_rdf(path)


def query(source: str | Path, sparql: str, **params: str) -> tuple[list[str], list[list[str]]]:
    """Run SPARQL (a string, a .rq file or a saved query name) over an export; return (variables, rows)."""
    from .query import run_query

    return run_query(source, sparql, params=params or None)
