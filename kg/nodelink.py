"""G as networkx node-link JSON (``graph.json``) and back: ``to_node_link``/``from_node_link``,
``write_node_link``/``read_node_link`` (like networkx's ``node_link_data``/``node_link_graph``).

kg's dialect: edges under ``"edges"``, edge ends ``"from"``/``"to"`` (not networkx's default
``"source"``/``"target"``, because ``source`` is an edge attribute of the graph model, who says so,
and would be overwritten by the edge's tail), nodes and edges sorted, so the same graph gives the same bytes.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import InputError, one_line

__all__ = ["DIALECT", "to_node_link", "from_node_link", "write_node_link", "read_node_link"]

# The keyword arguments of ``nx.node_link_data``/``nx.node_link_graph`` for kg's node-link JSON.
DIALECT: dict[str, str] = {"edges": "edges", "source": "from", "target": "to"}


def to_node_link(G: nx.MultiDiGraph) -> str:
    """G as node-link JSON text in kg's dialect; ``from_node_link`` reads it back.

    >>> G = nx.MultiDiGraph(articles={})
    >>> G.add_edge("a", "b", key="k", source="c")
    'k'
    >>> nx.utils.graphs_equal(G, from_node_link(to_node_link(G)))
    True
    """
    data = nx.node_link_data(G, **DIALECT)
    data["nodes"].sort(key=lambda n: n["id"])
    data["edges"].sort(key=lambda e: (e["from"], e["to"], str(e["key"])))
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def from_node_link(data: str | bytes | dict[str, Any]) -> nx.MultiDiGraph:
    """The MultiDiGraph of node-link JSON in kg's dialect (text, bytes or the parsed dict)."""
    if not isinstance(data, dict):
        data = json.loads(data)
    return nx.node_link_graph(data, directed=True, multigraph=True, **DIALECT)


def write_node_link(G: nx.MultiDiGraph, path: str | Path) -> None:
    """Write G's node-link JSON to ``path`` (atomically: the old file or the new one, never half)."""
    from .exportset import write_atomic

    write_atomic(path, to_node_link(G))


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    """Read a node-link JSON file written by kg (``graph.json``; a folder means its graph.json).

    Raises ``InputError`` naming the file when it is missing or not kg's node-link JSON.
    """
    from .formats import export_file

    p = export_file(path, "json")
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file; run `kg build ARTICLES --out DIR` first, or pass an existing export") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{p}: cannot read it ({one_line(err)})") from None
    try:
        return from_node_link(text)
    except (ValueError, KeyError, TypeError, nx.NetworkXError) as err:
        raise InputError(f"{p}: not kg's node-link JSON ({one_line(err, 200)}); re-export it with `kg build`") from None
