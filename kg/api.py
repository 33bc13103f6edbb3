"""The public Python API: build, export, load, query. Each imports its stage lazily."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from .errors import ExtractionError, KgError

__all__ = ["build", "export", "load", "query", "push", "events", "show", "diff"]


def build(paths: str | Path | dict | Iterable[Any], *, model: str | None = None, workers: int = 1,
          cache: str | Path | bool | None = None, fresh: bool = False, dask: str | None = None,
          on_error: Callable[[KgError | ExtractionError], None] | None = None, include: Iterable[str] = (),
          exclude: Iterable[str] = (), out: str | Path | None = None,
          progress: Callable[[int, int, bool], None] | None = None,
          on_skipped: Callable[[list[Path]], None] | None = None,
          on_warning: Callable[[str], None] | None = None) -> nx.MultiDiGraph:
    """Read articles and return their knowledge graph.

    ``paths`` holds files or folders (.txt, .md, .html, .jsonl), article texts (a string that is not an
    existing path), dicts with ``text`` and optional ``title``, ``date``, ``url``, ``id``, iterables of
    those, or a pandas DataFrame with those columns; articles without an id get a content hash.

    ``workers`` processes parse in parallel (call from under ``if __name__ == "__main__":``);
    ``cache`` is a folder of per-article results that a re-run reuses, or True for the default folder
    (``$KG_CACHE_DIR/articles`` or ``~/.cache/kg/articles``; ``fresh`` re-extracts and refreshes it; what went
    wrong with it goes to ``on_warning``); ``dask`` is ``"local"`` or a scheduler address; ``on_error``
    receives each unreadable article's error (``KgError``) or crash (``ExtractionError``, a bug) and the rest
    are built (without it, the first error raises). In folders, paperwork (README, LICENSE, ATTRIBUTION,
    NOTICE, CHANGELOG, CONTRIBUTING) and dotfiles are skipped and listed once to ``on_skipped``; ``include``
    globs read files anyway, ``exclude`` globs skip more (``kg.read.find_articles``).

    ``out`` is the folder ``kg.export(G, out)`` will write: it is checked and locked before any article is
    read (a long build cannot end in "cannot write", a second build into it stops at once), files inside it
    are never read as articles, and the lock is held until ``kg.export`` (released at once when nothing was
    built or the build fails). ``progress(done, total, from_cache)`` is called with 0 before the first
    article and after each one.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    options = dict(model=model, workers=workers, cache=cache, fresh=fresh, dask=dask, on_error=on_error,
                   include=include, exclude=exclude, progress=progress, on_skipped=on_skipped, on_warning=on_warning)
    if out is None:
        return _build(paths, skip=None, **options)
    from .exportset import check_out, hold, release

    out = Path(out)
    check_out(out)
    hold(out)
    try:
        G = _build(paths, skip=out, **options)
    except BaseException:
        release(out)
        raise
    if not G.graph["articles"]:
        release(out)
    return G


def _build(paths: Iterable[Any], *, skip: Path | None, model: str | None, workers: int,
           cache: str | Path | bool | None, fresh: bool, dask: str | None, on_error: Callable | None,
           include: Iterable[str], exclude: Iterable[str], progress: Callable[[int, int, bool], None] | None,
           on_skipped: Callable[[list[Path]], None] | None, on_warning: Callable[[str], None] | None) -> nx.MultiDiGraph:
    """``build`` once the output folder is held: folders searched, the cache opened, the pipeline run."""
    from .cache import ArticleCache
    from .pipeline import build_graph

    total = 0
    if include or exclude or skip is not None or on_skipped or progress:
        paths, total = _find(paths, skip=skip, include=include, exclude=exclude, on_error=on_error,
                             on_skipped=on_skipped)
    store = None if cache is None or cache is False else ArticleCache(None if cache is True else cache, model=model)
    G = build_graph(paths, model=model, progress=_counter(progress, total) if progress else None, workers=workers, cache=store, fresh=fresh, dask=dask,
                    on_error=on_error)
    for note in store.warnings() if store is not None and on_warning else ():
        on_warning(note)
    return G


def _counter(progress: Callable[[int, int, bool], None], total: int) -> Callable[[Any, bool], None]:
    """Call ``progress(0, total, False)`` now, and return the per-article callback that counts on from there."""
    done = 0
    progress(0, total, False)

    def advance(_article: Any, cached: bool) -> None:
        nonlocal done
        done += 1
        progress(done, total, cached)

    return advance


def _find(items: Iterable[Any], *, skip: Path | None, include: Iterable[str], exclude: Iterable[str],
          on_error: Callable | None, on_skipped: Callable[[list[Path]], None] | None) -> tuple[list[Any], int]:
    """``items`` with each run of paths expanded into article files (none under ``skip``), and how many
    articles they hold; the paperwork passed over goes to ``on_skipped`` once."""
    from .inputs import as_items, is_path
    from .read import count_articles, find_articles

    found: list[Any] = []
    skipped: list[Path] = []
    total = 0
    run: list[Any] = []

    def flush() -> None:
        nonlocal total
        files = find_articles(run, on_error=on_error, include=include, exclude=exclude, on_skip=skipped.append)
        files = [f for f in files if skip is None or not f.resolve().is_relative_to(skip.resolve())]
        found.extend(files)
        total += count_articles(files)
        run.clear()

    for item in as_items(items):
        if is_path(item):
            run.append(item)
            continue
        if run:
            flush()
        found.append(item)
        total += len(item) if hasattr(item, "itertuples") else 1  # a DataFrame holds one article a row
    if run:
        flush()
    if skipped and on_skipped:
        on_skipped(skipped)
    return found, total


def export(G: nx.MultiDiGraph, out_dir: str | Path = "exports") -> list[Path]:
    """Write every export of G into ``out_dir`` as one set; return the paths written. Releases the lock
    ``build(..., out=out_dir)`` took."""
    from .exports import export_all
    from .exportset import release

    try:
        return export_all(G, Path(out_dir))
    finally:
        release(out_dir)


def load(path: str | Path) -> nx.MultiDiGraph:
    """Return the MultiDiGraph stored in an RDF export (a file, or a folder holding graph.ttl)."""
    from .rdf_io import read_rdf

    return read_rdf(path)


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
