"""kg's errors: problems the user can fix (``KgError`` and its subclasses) apart from bugs in kg.

The CLI prints a ``KgError`` as one line (``one_line``) and exits 2; anything else is a bug (exit 3).
``ExtractionError`` is such a bug, caught per article so the rest of the corpus still builds.
"""
from __future__ import annotations

__all__ = ["KgError", "InputError", "OutputError", "ConfigError", "ModelError", "QueryError", "ExtractionError",
           "one_line"]


class KgError(Exception):
    """A problem the user can fix; the CLI prints it as one line."""


class InputError(KgError, ValueError):
    """An article, export or query file that kg cannot read."""


class OutputError(KgError, OSError):
    """The exports cannot be written: a folder that is not writable, locked by another build, or a full disk."""


class ConfigError(KgError):
    """An option, library or service kg needs that is missing or wrong (a model, dask, pyarrow, an endpoint)."""


class ModelError(ConfigError):
    """The spaCy model is not installed."""


class QueryError(KgError, ValueError):
    """A SPARQL query that cannot run."""


class ExtractionError(Exception):
    """kg crashed on one article: a bug (not a ``KgError``), reported for that article so the rest still builds."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details  # the traceback, for --debug


def one_line(err: BaseException | str, limit: int = 0) -> str:
    """``err``'s message on one line (whitespace folded), cut to ``limit`` characters and "..." when given.

    >>> one_line(ValueError("bad\\n  input")), one_line("abcdef", 3), one_line(KeyError())
    ('bad input', 'abc...', 'KeyError')
    """
    text = " ".join(str(err).split())
    if limit and len(text) > limit:
        text = text[:limit] + "..."
    return text or (type(err).__name__ if not isinstance(err, str) else "")
