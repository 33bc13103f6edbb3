"""Talking to a SPARQL server over HTTP (SPARQL 1.1 Protocol): queries, and URLs safe to print.

Plain ``urllib``. Credentials written in the URL (``http://user:secret@host/``) are sent as HTTP basic
authentication and never appear in a message: every URL kg prints goes through ``redact``.
"""
from __future__ import annotations

import base64
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from typing import Any

from .errors import ConfigError, QueryError, one_line

__all__ = ["redact", "split_credentials", "auth_header", "query_endpoint", "bind_values"]


def redact(url: str) -> str:
    """``url`` with any password in it replaced by ``***``.

    >>> redact("http://alice:s3cret@127.0.0.1:7878/store?graph=x"), redact("http://127.0.0.1/q")
    ('http://alice:***@127.0.0.1:7878/store?graph=x', 'http://127.0.0.1/q')
    """
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    userinfo, _, host = parts.netloc.rpartition("@")
    user, sep, _ = userinfo.partition(":")
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}{':***' if sep else ''}@{host}"))


def split_credentials(url: str) -> tuple[str, str, str]:
    """(URL without credentials, user, password) of ``url``.

    >>> split_credentials("https://bob:p%40ss@example.org/sparql")
    ('https://example.org/sparql', 'bob', 'p@ss')
    """
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, "", ""
    userinfo, _, host = parts.netloc.rpartition("@")
    user, _, password = userinfo.partition(":")
    clean = urllib.parse.urlunsplit(parts._replace(netloc=host))
    return clean, urllib.parse.unquote(user), urllib.parse.unquote(password)


def auth_header(user: str, password: str) -> dict[str, str]:
    """The HTTP basic authentication header for ``user`` (none without a user)."""
    if not user:
        return {}
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return {"Authorization": f"Basic {token}"}


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(text: str, values: Mapping[str, str]) -> str:
    """Bind variables by a ``VALUES`` block at the start of the query's WHERE group (the terms already
    serialized as N-Triples terms, so nothing of a value is parsed as SPARQL).

    >>> bind_values('SELECT ?n WHERE { ?x ?p ?n }', {"n": '"a \\\\"b\\\\""'})
    'SELECT ?n WHERE { VALUES (?n) { ("a \\\\"b\\\\"") } ?x ?p ?n }'
    """
    if not values:
        return text
    block = f" VALUES ({' '.join('?' + k for k in values)}) {{ ({' '.join(values.values())}) }}"
    from .sparql import _strip_comments

    # Positions are found in the text with comments blanked to the same length, so they map back.
    blanked = _blank_comments(text, _strip_comments)
    m = _WHERE.search(blanked)
    at = m.end() if m else blanked.find("{") + 1
    if at <= 0:
        raise QueryError("query: no WHERE group to bind --param values into")
    return text[:at] + block + text[at:]


def _blank_comments(text: str, strip: Callable[[str], str]) -> str:
    """``text`` with each ``#`` comment replaced by spaces of the same length."""
    out = []
    for line in text.split("\n"):
        kept = strip(line)
        out.append(kept + " " * (len(line) - len(kept)))
    return "\n".join(out)


def _term(binding: dict[str, str]) -> Any:
    import pyoxigraph as ox

    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    return ox.Literal(value)


def query_endpoint(url: str, text: str, name: str, subs: Mapping[Any, Any], *, update: bool, allow_update: bool,
                   compact: Callable[[Any], str], timeout: float = 60.0) -> tuple[list[str], list[list[str]]]:
    """Run ``text`` at a SPARQL endpoint; return (variables, rows) as ``kg.sparql.run_query`` does."""
    import pyoxigraph as ox

    from .rdf import PREFIXES

    if update and not allow_update:
        raise QueryError(f"{name} is a SPARQL Update, which changes the data at {redact(url)}; "
                         "pass --allow-update to run it")
    clean, user, password = split_credentials(url)
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    body_text = prologue + bind_values(text, {v.value: str(t) for v, t in subs.items()})
    headers = {**auth_header(user, password),
               "Accept": "application/sparql-results+json, application/n-triples;q=0.9"}
    if update:
        headers["Content-Type"] = "application/sparql-update"
    else:
        headers["Content-Type"] = "application/sparql-query"
    request = urllib.request.Request(clean, data=body_text.encode("utf-8"), method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the user's endpoint
            kind = response.headers.get_content_type()
            data = response.read()
    except urllib.error.HTTPError as err:
        detail = one_line(err.read(300).decode("utf-8", "replace"))
        raise QueryError(f"{redact(url)}: the endpoint answered {err.code} {err.reason}"
                         f"{f' ({detail})' if detail else ''}; check the query and that the URL is a SPARQL "
                         "query endpoint (Oxigraph: http://HOST:PORT/query)") from None
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise ConfigError(f"{redact(url)}: cannot reach the endpoint ({reason}); check the URL and that the server "
                      "is running") from None
    if update:
        return ["updated"], [["true"]]
    if kind in ("application/sparql-results+json", "application/json"):
        try:
            result = json.loads(data)
        except ValueError as err:
            raise QueryError(f"{redact(url)}: the endpoint's answer is not SPARQL JSON ({err})") from None
        if "boolean" in result:
            return ["ask"], [["true" if result["boolean"] else "false"]]
        variables = list(result.get("head", {}).get("vars", []))
        rows = [[compact(_term(row[v])) if v in row else "" for v in variables]
                for row in result.get("results", {}).get("bindings", [])]
        return variables, rows
    try:
        triples = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as err:
        raise QueryError(f"{redact(url)}: the endpoint answered {kind}, which kg cannot read ({err})") from None
    return ["subject", "predicate", "object"], [[compact(t.subject), compact(t.predicate), compact(t.object)]
                                                  for t in triples]
