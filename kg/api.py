"""The public Python API: build, export, load, query. Each imports its stage lazily."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from .errors import KgError

__all__ = ["build", "export", "load", "query", "push", "events", "show", "diff"]


def build(paths: str | Path | dict | Iterable[Any], *, model: str | None = None, workers: int = 1,
          cache: str | Path | None = None, fresh: bool = False, dask: str | None = None,
          on_error: Callable[[KgError], None] | None = None, include: Iterable[str] = (),
          exclude: Iterable[str] = ()) -> nx.MultiDiGraph:
    """Read articles and return their knowledge graph.

    ``paths`` holds files or folders (.txt, .md, .html, .jsonl), article texts (a string that is not an
    existing path), dicts with ``text`` and optional ``title``, ``date``, ``url``, ``id``, iterables of
    those, or a pandas DataFrame with those columns; articles without an id get a content hash.

    ``workers`` processes parse in parallel (call from under ``if __name__ == "__main__":``);
    ``cache`` is a folder of per-article results that a re-run reuses (``fresh`` ignores it);
    ``dask`` is ``"local"`` or a scheduler address; ``on_error`` receives each unreadable article's
    error and the rest are built (without it, the first error raises). In folders, paperwork (README,
    LICENSE, ATTRIBUTION, NOTICE, CHANGELOG, CONTRIBUTING) and dotfiles are skipped; ``include`` globs
    read files anyway, ``exclude`` globs skip more (``kg.read.find_articles``).
    """
    from .pipeline import build_graph

    if isinstance(paths, (str, Path)):
        paths = [paths]
    if include or exclude:
        from .inputs import as_items, is_path
        from .read import find_articles

        paths = [found for item in as_items(paths) for found in
                 (find_articles([item], on_error=on_error, include=include, exclude=exclude) if is_path(item) else [item])]
    return build_graph(paths, model=model, workers=workers, cache=cache, fresh=fresh, dask=dask, on_error=on_error)


def export(G: nx.MultiDiGraph, out_dir: str | Path = "exports") -> list[Path]:
    """Write every export of G into ``out_dir``; return the paths written."""
    from .exports import export_all

    return export_all(G, Path(out_dir))


def load(path: str | Path) -> nx.MultiDiGraph:
    """Return the MultiDiGraph stored in an RDF export (a file, or a folder holding graph.ttl)."""
    from .rdf import load as load_rdf

    return load_rdf(path)


def query(source: str | Path, sparql: str, **params: str) -> tuple[list[str], list[list[str]]]:
    """Run SPARQL (a string, a .rq file or a saved query name) over an export or at an endpoint URL;
    return (variables, rows). SERVICE and LOAD are refused (``kg.sparql.run_query(..., allow_network=True)``)."""
    from .sparql import run_query

    return run_query(source, sparql, params=params or None)


def push(source: str | Path, endpoint: str, **options: object) -> object:
    """Load an export folder into a SPARQL 1.1 Graph Store endpoint, one named graph per article."""
    from .store import push as push_exports

    return push_exports(source, endpoint, **options)


def events(G: nx.MultiDiGraph) -> pd.DataFrame:
    """The events of G as a pandas DataFrame, one row per event, columns after GDELT/POLECAT (see kg.tables.COLUMNS)."""
    from .tables import to_events

    return to_events(G)


def show(G: nx.MultiDiGraph, *, title: str = "kg", height: int = 650) -> object:
    """The HTML view of G for a Jupyter notebook: displayed inline (an iframe ``srcdoc``, offline)."""
    from .notebook import show as show_view

    return show_view(G, title=title, height=height)


def diff(old: nx.MultiDiGraph | str | Path, new: nx.MultiDiGraph | str | Path) -> object:
    """What changed from ``old`` to ``new`` (graphs, or export folders/files): entities, events, incidents, articles.

    ``str()`` of the result is a short summary; ``.to_dict()`` and ``.to_json()`` give every item.
    """
    from .changes import diff_graphs, load_graph

    return diff_graphs(load_graph(old), load_graph(new))
