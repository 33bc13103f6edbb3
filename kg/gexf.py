"""G -> GEXF 1.2 for Gephi: labels as Gephi labels, event dates as spells, list attributes flattened.

Gephi reads a node's and an edge's ``label`` as what it draws, and ``start``/``end`` or ``<spells>`` as
time. So: every edge gets the predicate's label; an edge's spell is its event date (the article's when
the event states none), a node's spell runs from its first to its last event's date, and nothing dated
gets no spell (Gephi then shows it at all times). The character offsets of the evidence sentence,
``start``/``end`` in the graph, become ``sentence_start``/``sentence_end`` so Gephi never reads them as
time. Lists (aliases, articles) become one string joined with `` | ``.
"""
from __future__ import annotations

import re
from typing import Any

import networkx as nx

from .schema import PREDICATES

__all__ = ["LIST_SEPARATOR", "to_gexf", "to_gexf_ready"]

LIST_SEPARATOR = " | "
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_LAST_MODIFIED = re.compile(r' lastmodifieddate="[^"]*"')
# Control characters XML cannot hold even escaped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _value(v: Any) -> Any:
    if isinstance(v, (list, tuple, set)):
        v = LIST_SEPARATOR.join(str(x) for x in v)
    elif isinstance(v, dict):
        v = LIST_SEPARATOR.join(f"{k}={x}" for k, x in v.items())
    return _NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v


def _edge_date(d: dict[str, Any], articles: dict[str, Any]) -> str:
    date = str(d.get("date") or articles.get(d.get("article", ""), {}).get("date") or "")
    return date if _ISO_DATE.match(date) else ""


def to_gexf_ready(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of G shaped for networkx's GEXF writer: scalar attributes, labels, spells, no offset times."""
    articles = G.graph.get("articles", {})
    H = nx.MultiDiGraph()
    dates: dict[Any, list[str]] = {}
    edges = []
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        attrs = {name: _value(val) for name, val in d.items() if name not in ("start", "end", "label", "id", "spells")}
        if "start" in d:
            attrs["sentence_start"] = d["start"]
        if "end" in d:
            attrs["sentence_end"] = d["end"]
        predicate = d.get("predicate", "")
        attrs["label"] = PREDICATES[predicate].label if predicate in PREDICATES else str(predicate)
        attrs["id"] = _value(str(k))
        if date := _edge_date(d, articles):
            attrs["spells"] = [(date, date)]
            dates.setdefault(u, []).append(date)
            dates.setdefault(v, []).append(date)
        edges.append((u, v, k, attrs))
    for n, d in sorted(G.nodes(data=True), key=lambda x: str(x[0])):
        attrs = {name: _value(val) for name, val in d.items() if name not in ("start", "end", "label", "id", "spells")}
        attrs["label"] = _value(str(d.get("label") or n))
        if n in dates:
            attrs["spells"] = [(min(dates[n]), max(dates[n]))]
        H.add_node(_value(str(n)), **attrs)
    if dates:
        H.graph["mode"] = "dynamic"
    for u, v, k, attrs in edges:
        H.add_edge(_value(str(u)), _value(str(v)), key=_value(str(k)), **attrs)
    return H


def to_gexf(G: nx.MultiDiGraph) -> str:
    """G as a GEXF 1.2 document for Gephi (``nx.read_gexf`` reads it back).

    >>> G = nx.MultiDiGraph(articles={"a": {"date": "2031-03-04"}})
    >>> G.add_node("country/RR", label="Ruritania", aliases=["Ruritanian Republic", "RR"])
    >>> G.add_node("country/FD", label="Freedonia", aliases=[])
    >>> _ = G.add_edge("country/RR", "country/FD", key="k", predicate="urgedRestraint", article="a", start=5, end=40)
    >>> H = nx.read_gexf(__import__("io").BytesIO(to_gexf(G).encode()))
    >>> H.nodes["country/RR"]["label"], H.nodes["country/RR"]["aliases"], H.nodes["country/RR"]["spells"]
    ('Ruritania', 'Ruritanian Republic | RR', [('2031-03-04', '2031-03-04')])
    >>> [(e["label"], e["spells"], e["sentence_start"], "start" in e) for _, _, e in H.edges(data=True)]
    [('urged restraint', [('2031-03-04', '2031-03-04')], 5, False)]
    """
    text = "\n".join(nx.generate_gexf(to_gexf_ready(G), prettyprint=True)) + "\n"
    # networkx stamps today's date into <meta>: drop it, so the same graph gives the same file.
    return _LAST_MODIFIED.sub("", text, count=1)
