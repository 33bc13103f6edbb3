"""Load an export into a SPARQL 1.1 Graph Store Protocol endpoint: one named graph per article.

Reads ``DIR/graph.trig`` (written by ``kg build``); each article's named graph is sent with
``PUT <endpoint>?graph=<article IRI>`` (replacing what an earlier push put there, so pushing again is
safe), and the default graph (the CAMEO/PLOVER vocabulary) with ``POST <endpoint>?default`` (merged).
With ``union``, every article's triples are also merged into the default graph, so that a plain query
(without ``GRAPH``) sees them on a server that does not union its default graph. Plain ``urllib``;
transient failures (connection refused, 5xx) are retried a bounded number of times. A password in the
endpoint URL is used for basic authentication and never printed.
"""
from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

from .endpoint import auth_header, redact, split_credentials
from .errors import ConfigError, InputError, one_line

__all__ = ["push", "graph_url"]

RETRIES = 5


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of a named graph (or of the default graph when ``graph`` is None).

    >>> graph_url("http://127.0.0.1:7878/store", "https://w3id.org/kg-news/id/article/a b")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fkg-news%2Fid%2Farticle%2Fa+b'
    >>> graph_url("http://127.0.0.1:7878/store?x=1", None)
    'http://127.0.0.1:7878/store?x=1&default'
    """
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    return f"{endpoint}{sep}{query}"


def _send(method: str, url: str, body: bytes, headers: dict[str, str], *, retries: int, timeout: float) -> int:
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    for attempt in range(retries + 1):
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the user's endpoint
                return response.status
        except urllib.error.HTTPError as err:
            detail = one_line(err.read(300).decode("utf-8", "replace"))
            if err.code < 500 or attempt == retries:
                raise ConfigError(f"{redact(url)}: the endpoint answered {err.code} {err.reason} to {method}"
                              f"{f' ({detail})' if detail else ''}; check --endpoint is a Graph Store "
                              "Protocol URL (Oxigraph: http://HOST:PORT/store) and that it accepts writes") from None
        except (urllib.error.URLError, OSError) as err:
            if attempt == retries:
                reason = getattr(err, "reason", err)
                raise ConfigError(f"{redact(url)}: cannot reach the endpoint ({reason}); check --endpoint and that the "
                              "server is running") from None
        time.sleep(min(0.2 * 2**attempt, 3.0))
    raise AssertionError("unreachable")


def push(source: str | Path, endpoint: str, *, user: str = "", password: str = "", union: bool = False,
         retries: int = RETRIES, timeout: float = 60.0, progress: Callable[[str], None] | None = None) -> int:
    """Send the export in ``source`` (a folder with graph.trig, or a .trig file) to ``endpoint``.

    Returns the number of named graphs sent. Raises ``InputError`` for a missing or broken export and
    ``ConfigError`` when the endpoint cannot be reached or refuses a request.
    """
    from rdflib import Dataset, Graph

    from .formats import export_file

    path = export_file(source, "trig")
    if not path.is_file():
        raise InputError(f"{path}: no such file; run `kg build ARTICLES --out DIR` first, then kg push DIR")
    from .exportset import check

    check(path)  # refuses a set a killed build left half-replaced
    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise ConfigError(f"{redact(endpoint)}: not an http(s) URL; give the Graph Store endpoint, e.g. http://127.0.0.1:7878/store")
    ds = Dataset()
    try:
        ds.parse(path, format="trig")
    except Exception as err:  # rdflib raises a different class per syntax problem
        raise InputError(f"{path}: not valid TriG ({one_line(err, 200)}); re-export it with kg build") from err
    endpoint, url_user, url_password = split_credentials(endpoint)
    headers = {"Content-Type": "text/turtle; charset=utf-8", **auth_header(user or url_user, password or url_password)}
    sent = 0
    everything = Graph() if union else None
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if len(g) == 0:
            continue
        is_default = g.identifier == ds.default_graph.identifier
        plain = Graph()
        for prefix, ns in ds.namespaces():
            plain.bind(prefix, ns)
        for t in g:
            plain.add(t)
        body = plain.serialize(format="turtle").encode("utf-8")
        url = graph_url(endpoint, None if is_default else str(g.identifier))
        _send("POST" if is_default else "PUT", url, body, headers, retries=retries, timeout=timeout)
        if not is_default:
            sent += 1
            if everything is not None:
                everything += plain
            if progress:
                progress(str(g.identifier))
    if everything is not None and len(everything):
        for prefix, ns in ds.namespaces():
            everything.bind(prefix, ns)
        body = everything.serialize(format="turtle").encode("utf-8")
        _send("POST", graph_url(endpoint, None), body, headers, retries=retries, timeout=timeout)
    return sent
