"""Errors a user can fix. The CLI prints them as one line; anything else is a bug."""
from __future__ import annotations

__all__ = ["KgError", "InputError", "OutputError", "ModelError", "QueryError", "ExtractionError"]


class KgError(Exception):
    """A problem the user can fix; the CLI prints it as one line."""


class InputError(KgError, ValueError):
    """An article, export or query file that kg cannot read."""


class OutputError(KgError, OSError):
    """The exports cannot be written: a folder that is not writable, locked by another build, or a full disk."""


class ModelError(KgError):
    """The spaCy model is not installed."""


class QueryError(KgError, ValueError):
    """A SPARQL query that cannot run."""


class ExtractionError(KgError):
    """kg crashed on one article: a bug, reported for that article so the rest of the corpus still builds."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details  # the traceback, for --debug
