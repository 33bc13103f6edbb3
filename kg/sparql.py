"""SPARQL over kg exports with pyoxigraph; saved queries live in ``kg/queries/*.rq``.

A saved query opens with comment lines: the first is its description, and ``# param NAME: text``
lines name the parameters it needs. Parameters are bound with pyoxigraph substitutions (the value
is an RDF term, never pasted into the query text), so a query projects every parameter it uses.
"""
from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .errors import InputError, QueryError, one_line
from .exportset import write_atomic
from .formats import RDF_SUFFIXES, by_suffix, export_file
from .namespace import PREFIXES

__all__ = ["run_query", "format_rows", "saved_queries", "describe", "query_params", "open_store", "is_endpoint",
           "network_keywords"]

QUERIES = Path(__file__).resolve().parent / "queries"
_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*:\s*(.*)$")
# One bare word (who-struck-whom, timline) is meant as a saved query name: no SPARQL request is one word.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_UPDATE = re.compile(
    r"^(?:\s*(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s+<[^>]*>))*\s*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)


def saved_queries() -> dict[str, Path]:
    """Saved query names (file stems of ``kg/queries/*.rq``) and their paths.

    >>> "who-struck-whom" in saved_queries()
    True
    """
    return {p.stem: p for p in sorted(QUERIES.glob("*.rq"))}


def _header(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def describe(query: str | Path) -> str:
    """The description line of a saved query (a name or a .rq path), "" if it has none."""
    text, _ = _resolve(query)
    head = [line.lstrip("#").strip() for line in _header(text) if not _PARAM.match(line)]
    return head[0] if head else ""


def query_params(query: str | Path) -> dict[str, str]:
    """The parameters a saved query (a name or a .rq path) declares, with their descriptions.

    >>> query_params("actor-activity")
    {'name': 'label or alias of the actor, e.g. "Ruritania"'}
    """
    text, _ = _resolve(query)
    return {m[1]: m[2].strip() for line in _header(text) if (m := _PARAM.match(line))}


def _resolve(query: str | Path) -> tuple[str, str]:
    """Return (SPARQL text, name used in messages) for a saved name, a .rq path or SPARQL text."""
    saved = saved_queries()
    if isinstance(query, str) and query in saved:
        return saved[query].read_text(encoding="utf-8"), query
    if isinstance(query, str) and _NAME.fullmatch(query.strip()):
        near = difflib.get_close_matches(query.strip().lower(), list(saved), n=3, cutoff=0.5)
        hint = f"did you mean {' or '.join(near)}? " if near else ""
        raise QueryError(f"{query.strip()}: no saved query of that name; {hint}"
                         f"the saved ones are {', '.join(saved)} (kg query --list)")
    if isinstance(query, Path) or (query.endswith(".rq") and "\n" not in query and "{" not in query):
        path = Path(query)
        try:
            if path.exists() and not path.is_file():
                raise QueryError(f"{path}: not a regular file; pass SPARQL text, a .rq file or a saved query name")
            return path.read_text(encoding="utf-8"), str(path)
        except FileNotFoundError:
            names = ", ".join(saved)
            raise QueryError(f"{path}: no such query file; pass SPARQL text, a .rq file or one of: {names}") from None
        except (OSError, UnicodeDecodeError) as err:
            raise QueryError(f"{path}: cannot read it ({err}); save it as UTF-8 text") from None
    return query, "query"


def _strip_comments(text: str) -> str:
    """Drop ``#`` comments that are outside IRIs and strings (enough to classify a request)."""
    out, quote, iri = [], "", False
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                out.append(text[i:i + 2])
                i += 2
                continue
            if c == quote:
                quote = ""
        elif iri:
            iri = c != ">"
        elif c in "\"'":
            quote = c
        elif c == "<" and re.match(r"<[^\s<>\"{}|^`\\]*>", text[i:]):
            iri = True
        elif c == "#":
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _is_update(text: str) -> bool:
    return bool(_UPDATE.match(_strip_comments(_unescape(text))))


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_STRING_OR_IRI = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                            r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r'|<[^\s<>"{}|^`\\]*>', re.S)
_NETWORK = re.compile(r"(?<![\w?$:@.-])(SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)


def _unescape(text: str) -> str:
    """Apply SPARQL's codepoint escapes (``\\u0053`` is S) to the whole text, as the parser does first."""
    def one(m: re.Match) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except (ValueError, OverflowError):
            return m.group()
    return _CODEPOINT.sub(one, text)


def network_keywords(text: str) -> list[str]:
    """The keywords of a SPARQL request that would reach the network (SERVICE, LOAD), upper-cased.

    Strings, IRIs and comments are passed over, and codepoint escapes applied first.

    >>> network_keywords("SELECT * { SERVICE <http://x/> { ?s ?p ?o } } # LOAD")
    ['SERVICE']
    >>> network_keywords("SELECT ?service { ?s ?p 'LOAD' }"), network_keywords("LOAD <http://x/y.ttl>")
    ([], ['LOAD'])
    """
    bare = _STRING_OR_IRI.sub(" <> ", _strip_comments(_unescape(text)))
    return sorted({m.group(1).upper() for m in _NETWORK.finditer(bare)})


def _files(source: str | Path) -> list[Path]:
    """The export files to load for ``source``: a file, or a folder's graph.ttl (else all its .ttl files)."""
    p = Path(source)
    if p.is_dir():
        if export_file(p).is_file():
            return [export_file(p)]
        files = sorted(p.glob("*.ttl"))
        if not files:
            raise InputError(f"{p}: no graph.ttl or other .ttl file here; run `kg build ARTICLES --out {p}` first")
        return files
    if not p.is_file():
        raise InputError(f"{p}: no such file or folder; pass an export (.ttl, .nt, .nq, .trig, .jsonld) or its folder")
    if p.suffix.lower() not in RDF_SUFFIXES:
        raise InputError(f"{p}: unknown export format {p.suffix!r}; pass a .ttl, .nt, .nq, .trig or .jsonld file")
    return [p]


def open_store(source: str | Path) -> Any:
    """Load an export file, or a folder's graph.ttl (else all its .ttl files), into an in-memory pyoxigraph Store."""
    import pyoxigraph as ox

    from .exportset import check

    store = ox.Store()
    for path in _files(source):
        check(path)  # refuses a set a killed build left half-replaced
        fmt = by_suffix(path)
        if not fmt.oxigraph:  # JSON-LD: through rdflib, which refuses remote contexts
            from rdflib import Dataset

            from .rdf_io import parse

            g = parse(path)
            quads = isinstance(g, Dataset)
            data = g.serialize(format="nquads" if quads else "nt", encoding="utf-8")
            store.load(data, format=ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES)
            continue
        try:
            store.load(path=str(path), format=getattr(ox.RdfFormat, fmt.oxigraph))
        except (SyntaxError, ValueError, OSError) as err:
            raise InputError(f"{path}: not valid {fmt.label} ({one_line(err)}); re-export it with `kg build`") from None
    return store


def _term(value: Any) -> Any:
    """A parameter value as an RDF term: pyoxigraph terms pass, "<iri>" is an IRI, anything else a literal."""
    import pyoxigraph as ox

    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#double"))
    text = str(value)
    if text.startswith("<") and text.endswith(">") and len(text) > 2:
        try:
            return ox.NamedNode(text[1:-1])
        except ValueError as err:
            raise QueryError(f"parameter value {text}: not a valid IRI ({err})") from None
    return ox.Literal(text)


_COMPACT = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def _show(term: Any, full_iris: bool) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        if not full_iris:
            for prefix, ns in _COMPACT:
                if term.value.startswith(ns) and len(term.value) > len(ns):
                    return f"{prefix}:{unquote(term.value[len(ns):])}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def run_query(source: str | Path, query: str | Path, *, params: Mapping[str, Any] | None = None,
              allow_update: bool = False, allow_network: bool = False,
              full_iris: bool = False, timeout: float = 60.0) -> tuple[list[str], list[list[str]]]:
    """Run SPARQL over an export or a SPARQL endpoint; return the variable names and the rows as strings.

    ``source`` is an export file, a folder of exports, or an ``http(s)://`` SPARQL endpoint URL
    (Oxigraph: ``http://HOST:PORT/query``). ``query`` is SPARQL text, a .rq file or a saved query name
    (``saved_queries``). ``params`` binds variables by name (strings become literals, ``"<iri>"`` an IRI).
    IRIs come back compacted with the kg prefixes (``kg:struck``) unless ``full_iris``. ASK gives
    ``(["ask"], [["true"|"false"]])``, CONSTRUCT/DESCRIBE give subject/predicate/object rows. A SPARQL
    Update is refused unless ``allow_update``; then it changes the export file in place and returns the
    triple counts. ``SERVICE`` and ``LOAD`` (which fetch from other servers) are refused unless
    ``allow_network``. The kg prefixes (``kg:``, ``rdfs:``, ``skos:``...) need no PREFIX lines.
    """
    import pyoxigraph as ox

    text, name = _resolve(query)
    declared = query_params(query) if name != "query" else {}
    params = dict(params or {})
    if missing := [p for p in declared if p not in params]:
        raise QueryError(f"{name} needs {', '.join(f'--param {p}=VALUE' for p in missing)} "
                         f"({'; '.join(f'{p}: {declared[p]}' for p in missing)})")
    update = _is_update(text)
    if update and not allow_update:
        raise QueryError(f"{name} is a SPARQL Update, which changes the export; pass --allow-update to run it")
    if (network := network_keywords(text)) and not allow_network:
        raise QueryError(f"{name} uses {' and '.join(network)}, which fetches from another server, and kg runs "
                         "offline; pass --allow-network to let it")
    try:
        subs = {ox.Variable(k): _term(v) for k, v in params.items()}
    except ValueError as err:
        raise QueryError(f"parameter name {err}; use letters, digits and _") from None
    if is_endpoint(source):
        from .endpoint import query_endpoint

        return query_endpoint(str(source), text, name, subs, update=update, allow_update=allow_update,
                              compact=lambda term: _show(term, full_iris), timeout=timeout)
    store = open_store(source)

    if update:
        return _update(store, text, name, source)

    try:
        result = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=subs or None)
        if isinstance(result, ox.QueryBoolean):
            return ["ask"], [["true" if bool(result) else "false"]]
        if isinstance(result, ox.QuerySolutions):
            variables = list(result.variables)
            rows = [[_show(sol[v], full_iris) for v in variables] for sol in result]
            return [v.value for v in variables], rows
        rows = [[_show(t.subject, full_iris), _show(t.predicate, full_iris), _show(t.object, full_iris)] for t in result]
        return ["subject", "predicate", "object"], rows
    except SyntaxError as err:
        raise QueryError(f"{name}: SPARQL syntax error: {one_line(err)}") from None
    except RuntimeError as err:  # e.g. a parameter the query does not project, SERVICE ?unbound
        raise QueryError(f"{name}: {one_line(err)}; check the query and the --param names") from None
    except OSError as err:  # SERVICE to a server that does not answer (with --allow-network)
        raise QueryError(f"{name}: a SERVICE call failed ({one_line(err)}); check the service URL") from None


def is_endpoint(source: str | Path) -> bool:
    """Whether ``source`` names a SPARQL endpoint (an http or https URL) rather than an export.

    >>> is_endpoint("http://127.0.0.1:7878/query"), is_endpoint("exports/")
    (True, False)
    """
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def _update(store: Any, text: str, name: str, source: str | Path) -> tuple[list[str], list[list[str]]]:
    import pyoxigraph as ox

    files = _files(source)
    if len(files) != 1 or not by_suffix(files[0]).oxigraph:
        raise QueryError(f"{source}: updates can only rewrite a single .ttl, .nt, .nq or .trig export; "
                         "query that file directly")
    path = files[0]
    before = len(store)
    try:
        store.update(text, prefixes=PREFIXES)
    except SyntaxError as err:
        raise QueryError(f"{name}: SPARQL syntax error: {one_line(err)}") from None
    after = len(store)
    fmt = getattr(ox.RdfFormat, by_suffix(path).oxigraph)
    graph = {} if fmt.supports_datasets else {"from_graph": ox.DefaultGraph()}
    write_atomic(path, store.dump(format=fmt, **graph))
    return ["triples_before", "triples_after"], [[str(before), str(after)]]


def format_rows(variables: list[str], rows: list[list[str]], fmt: str) -> str:
    """Render query results as "csv" (RFC 4180, header first) or "json" (a list of objects).

    >>> print(format_rows(["a", "b"], [["1", "x,y"]], "csv"), end="")
    a,b
    1,"x,y"
    >>> format_rows(["a"], [["1"]], "json")
    '[\\n  {\\n    "a": "1"\\n  }\\n]\\n'
    """
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(variables)
        writer.writerows(rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps([dict(zip(variables, row)) for row in rows], ensure_ascii=False, indent=2) + "\n"
    raise QueryError(f"unknown result format {fmt!r}; use csv or json")
