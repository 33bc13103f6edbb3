"""Errors a user can fix. The CLI prints them as one line; anything else is a bug."""
from __future__ import annotations

__all__ = ["KgError", "InputError", "ModelError", "QueryError"]


class KgError(Exception):
    """A problem the user can fix; the CLI prints it as one line."""


class InputError(KgError, ValueError):
    """An article, export or query file that kg cannot read."""


class ModelError(KgError):
    """The spaCy model is not installed."""


class QueryError(KgError, ValueError):
    """A SPARQL query that cannot run."""
