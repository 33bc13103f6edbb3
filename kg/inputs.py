"""What a notebook holds -> ``Article`` records: paths, strings, dicts, iterables of them, DataFrames.

``read_inputs(items)`` is what ``kg.build`` reads: a ``str`` that names an existing file or folder, or
looks like a path (one word with a slash or an article suffix), and a ``Path`` go through
``kg.read``; any other string is an article's text; a dict (``text``, optional ``title``, ``date``,
``url``, ``id``) is one article, and a pandas DataFrame with those columns is one per row. An article
without an ``id`` gets a content hash, so the same text gets the same id in every run.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .metadata import clean_id, header, parse_date
from .read import ARTICLE_SUFFIXES, read_articles
from .schema import Article

__all__ = ["as_items", "is_path", "read_inputs", "to_article"]

_FIELDS = ("text", "title", "date", "url", "id")
_ISO_PREFIX = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")

OnError = Callable[[InputError], None]


def _is_frame(obj: Any) -> bool:
    """True for a DataFrame-like object (pandas or similar)."""
    return hasattr(obj, "columns") and hasattr(obj, "to_dict") and hasattr(obj, "iterrows")


def as_items(obj: Any) -> Iterable[Any]:
    """``obj`` as an iterable of inputs: a single path, string, dict, Article or DataFrame becomes a list of one.

    Other iterables are passed through unread, so a generator of articles streams.
    """
    if isinstance(obj, (str, Path, dict, Article)) or _is_frame(obj):
        return [obj]
    if isinstance(obj, Iterable):
        return obj
    raise InputError(f"cannot build from a {type(obj).__name__}; give paths, article texts, dicts with a "
                     '"text" key, or a DataFrame with a "text" column')


def is_path(item: Any) -> bool:
    """True for a Path, and for a string that names an existing file or folder or looks like a path.

    >>> is_path("seeds/"), is_path("notes.txt"), is_path("Peru struck Chile."), is_path("x" * 5000)
    (True, True, False, False)
    """
    if isinstance(item, Path):
        return True
    if not isinstance(item, str) or "\n" in item or len(item) > 4096 or not item.strip():
        return False
    try:
        if Path(item).exists():
            return True
    except (OSError, ValueError):
        return False
    # A missing path must still say "no such file", not build an article out of its name.
    return len(item.split()) == 1 and ("/" in item or "\\" in item or item.lower().endswith(ARTICLE_SUFFIXES))


def _clean(value: Any) -> Any:
    """None and NaN (a DataFrame's empty cell) are absent."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    return value


def _date(value: Any, where: str) -> str:
    """An ISO date from a date, datetime, Timestamp or date string; else an InputError."""
    if isinstance(value, dt.datetime) or hasattr(value, "to_pydatetime"):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise InputError(f"{where}: date is a {type(value).__name__}, not a date; use YYYY-MM-DD")
    text = value.strip()
    if m := _ISO_PREFIX.match(text):
        try:
            return dt.date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            pass
    if date := parse_date(text):
        return date
    raise InputError(f"{where}: date {text[:40]!r} is not a date; use YYYY-MM-DD")


def _content_id(text: str, title: str, date: str, url: str) -> str:
    """An id from the article's content, so the same text gets the same id."""
    digest = hashlib.sha1("\x00".join((text, title, date, url)).encode("utf-8", "surrogatepass")).hexdigest()
    return f"text-{digest[:12]}"


def to_article(item: str | dict[str, Any], where: str) -> Article:
    """One article from a string (its text) or a dict with ``text`` and optional ``title``, ``date``, ``url``, ``id``.

    >>> a = to_article({"text": "Peru struck Chile.", "title": "T", "date": "2031-03-04", "id": 7}, "article 1")
    >>> a.id, a.title, a.date, to_article("Peru struck Chile.", "x").id == to_article("Peru struck Chile.", "y").id
    ('7', 'T', '2031-03-04', True)
    """
    fields = {"text": item} if isinstance(item, str) else {k: _clean(item.get(k)) for k in _FIELDS}
    if not isinstance(item, str) and "text" not in item:
        keys = ", ".join(sorted(map(str, item))) or "none"
        raise InputError(f"{where}: no \"text\" field (it has {keys}); "
                         'give each article its text as "text"')
    text = fields["text"]
    if not isinstance(text, str):
        raise InputError(f"{where}: text is a {type(text).__name__}, not a string; give the article's text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{where}: text is empty; give kg an article with text")
    for name in ("title", "url"):
        if fields.get(name) is not None and not isinstance(fields[name], str):
            raise InputError(f"{where}: {name} is a {type(fields[name]).__name__}, not a string; quote it")
    head_title, head_date = header(text)
    title = " ".join((fields.get("title") or "").split())[:300] or head_title
    date = _date(fields["date"], where) if fields.get("date") is not None else head_date
    url = (fields.get("url") or "").strip()
    raw_id = fields.get("id")
    aid = clean_id(str(raw_id)[:200]) if raw_id is not None and str(raw_id).strip() else _content_id(text, title, date, url)
    return Article(id=aid, path="", text=text, title=title, date=date, url=url)


def read_inputs(items: Iterable[Any], *, on_error: OnError | None = None) -> Iterator[Article]:
    """Articles from paths, strings, dicts, DataFrames and Articles, in input order, with unique ids.

    Consecutive paths are read together by ``kg.read.read_articles``. An item that is not an article
    raises ``InputError`` naming its position (or goes to ``on_error`` and the rest are read).
    """
    def report(err: InputError) -> None:
        """Raise ``err``, or hand it to ``on_error``."""
        if on_error is None:
            raise err
        on_error(err)

    unique = _UniqueIds()
    paths: list[str | Path] = []
    position = 0
    for item in as_items(items):
        if is_path(item):
            paths.append(item)
            continue
        if paths:
            yield from map(unique, read_articles(paths, on_error=on_error))
            paths = []
        if isinstance(item, Article):
            position += 1
            yield unique(item)
            continue
        if _is_frame(item):
            rows = _frame_rows(item, report)
        elif isinstance(item, (str, dict)):
            rows = [(item, f"article {position + 1}")]
        else:
            position += 1
            report(InputError(f"article {position}: a {type(item).__name__}, not a path, text, dict or DataFrame; "
                              'give each article as its text or as {"text": ...}'))
            continue
        for row, where in rows:
            position += 1
            try:
                yield unique(to_article(row, where))
            except InputError as err:
                report(err)
    if paths:
        yield from map(unique, read_articles(paths, on_error=on_error))


def _frame_rows(frame: Any, report: OnError) -> Iterator[tuple[dict[str, Any], str]]:
    """A DataFrame's rows as article dicts with where each is; a frame without a "text" column is reported."""
    if "text" not in frame.columns:
        report(InputError(f"DataFrame has no \"text\" column (columns: {', '.join(map(str, frame.columns))}); "
                          "name the column holding the articles' text \"text\""))
        return
    columns = [c for c in _FIELDS if c in frame.columns]
    rows = frame[columns].itertuples(index=False, name=None)  # row by row, not a copy of the frame
    for index, values in zip(frame.index, rows, strict=True):
        yield dict(zip(columns, values, strict=True)), f"DataFrame row {index!r}"


class _UniqueIds:
    """Gives an article whose id an earlier article of the stream took a new id, suffixed with a hash."""

    def __init__(self) -> None:
        """No id seen yet."""
        self.seen: set[str] = set()

    def __call__(self, article: Article) -> Article:
        """``article``, renamed if its id is taken."""
        if article.id in self.seen:
            suffix = hashlib.sha1(f"{article.path}\x00{article.text}".encode("utf-8", "surrogatepass")).hexdigest()[:6]
            new_id, n = f"{article.id}-{suffix}", 2
            while new_id in self.seen:
                new_id, n = f"{article.id}-{suffix}-{n}", n + 1
            article = Article(id=new_id, path=article.path, text=article.text, title=article.title,
                              date=article.date, url=article.url)
        self.seen.add(article.id)
        return article
