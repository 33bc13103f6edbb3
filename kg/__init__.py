"""kg: news articles to an entity-relationship knowledge graph.

>>> import kg
>>> sorted(kg.__all__)
['__version__', 'build', 'export', 'load', 'query']
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .api import build, export, load, query

__all__ = ["build", "export", "load", "query", "__version__"]

try:
    __version__ = version("kg")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
