"""``kg.show(G)``: the HTML view inline in a Jupyter notebook, as an iframe whose ``srcdoc`` is the page.

The page is ``kg.html.to_html(G)`` itself, so it is as offline as the file: nothing is fetched, and the
iframe's sandbox lets its scripts run without reaching the notebook around it.
"""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["GraphView", "show"]


class GraphView:
    """The view of a graph; Jupyter displays it through ``_repr_html_``, ``str()`` gives the page."""

    def __init__(self, page: str, height: int = 650) -> None:
        self.page = page
        self.height = int(height)

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'style="width: 100%; height: {self.height}px; border: 1px solid #ddd" '
                'title="kg graph view"></iframe>')

    def __str__(self) -> str:
        return self.page

    def __repr__(self) -> str:
        return f"<kg GraphView: {len(self.page):,} characters; display it in Jupyter, or save str(view) as .html>"


def show(G: nx.MultiDiGraph, *, title: str = "kg", height: int = 650) -> GraphView:
    """The interactive view of G, displayed inline when it is the last expression of a notebook cell.

    >>> import networkx as nx
    >>> view = show(nx.MultiDiGraph(articles={}))
    >>> view._repr_html_().startswith('<iframe srcdoc="&lt;')
    True
    """
    from .html import to_html

    return GraphView(to_html(G, title=title), height=height)
