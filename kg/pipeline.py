"""build(paths): read -> nlp -> mentions -> resolve -> relations -> graph, top to bottom."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from .graph import add_article, new_graph
from .mentions import find_mentions
from .nlp import parse
from .read import read_articles
from .relations import extract_relations

__all__ = ["build_graph"]


def build_graph(paths: Iterable[str | Path], *, model: str | None = None,
                progress: Callable[[str], None] | None = None) -> nx.MultiDiGraph:
    """Build the knowledge graph of every article under ``paths``."""
    from .resolve import resolve

    G = new_graph()
    for doc, article in parse(read_articles(paths), model=model):
        entities, token_key = resolve(doc, find_mentions(doc))
        relations = extract_relations(doc, article, entities, token_key)
        add_article(G, article, entities, relations)
        if progress:
            progress(article.id)
    return G
