"""kg: news articles to an entity-relationship knowledge graph.

``import kg`` loads no heavy library: each API function imports its stage when called (spaCy only to
build, rdflib and pyoxigraph only to read or write RDF). The modules behind the API have their own names
(``kg.exports``, ``kg.sparql``, ``kg.store``, ``kg.tables``, ``kg.changes``), so none shadows a function.

>>> import kg
>>> sorted(kg.__all__)
['__version__', 'build', 'diff', 'events', 'export', 'load', 'push', 'query', 'show']
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import build, diff, events, export, load, push, query, show

__all__ = ["build", "export", "load", "query", "push", "events", "show", "diff", "__version__"]

try:
    __version__ = version("kg")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
