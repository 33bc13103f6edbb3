"""kg: news articles to an entity-relationship knowledge graph.

>>> import kg
>>> sorted(kg.__all__)
['__version__', 'build', 'diff', 'events', 'export', 'load', 'push', 'query', 'show']
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

# The modules kg.export, kg.push and kg.query are imported first so that the API functions of the same
# names, bound next, are what `kg.export`, `kg.push` and `kg.query` mean (a later `import kg.export` does not
# rebind a module that is already loaded).
from . import export as _export_module, push as _push_module, query as _query_module  # noqa: F401
from . import diff as _diff_module, events as _events_module  # noqa: F401
from .api import build, diff, events, export, load, push, query, show

__all__ = ["build", "export", "load", "query", "push", "events", "show", "diff", "__version__"]

try:
    __version__ = version("kg")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
