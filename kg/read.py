"""Paths in, ``Article`` records out: the one place that opens input files."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

from .errors import InputError
from .schema import Article

__all__ = ["ARTICLE_SUFFIXES", "MAX_BYTES", "find_articles", "read_article", "read_articles", "parse_date"]

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_BYTES = 20_000_000  # a news article is kilobytes; past this it is a dump, not an article
_DATE_FORMATS = ("%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%A %B %d %Y", "%B %Y")


def parse_date(line: str) -> str:
    """Return ``line`` as an ISO date if the whole line is a date, else "".

    >>> parse_date("February, 23, 2024"), parse_date("2020-01-05"), parse_date("Iran strikes")
    ('2024-02-23', '2020-01-05', '')
    """
    cleaned = re.sub(r"[,.]", " ", line).split()
    if not cleaned or len(cleaned) > 5:
        return ""
    text = " ".join(cleaned)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def find_articles(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (recursively) into article files, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                raise InputError(f"{path}: folder holds no articles ({', '.join(ARTICLE_SUFFIXES)}); point kg at article files")
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or folder; check the path")
    return list(dict.fromkeys(found))


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise InputError(f"{path}: file is empty; give kg an article with text")
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary file, not text; give kg UTF-8 text articles")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); save it as UTF-8 text"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_article(path: str | Path, *, article_id: str | None = None) -> Article:
    """Read one article file; the first lines give its title and, when one is a date, its date."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size / 1e6:.0f} MB is too large for one article (limit {MAX_BYTES / 1e6:.0f} MB); split it")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file readable") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; pass the folder itself to read every article in it") from None
    text = _decode(path, data)
    title, date = _header(text)
    return Article(id=article_id or _article_id(path), path=str(path), text=text, title=title, date=date)


def read_articles(paths: Iterable[str | Path]) -> Iterator[Article]:
    """Read every article under ``paths``; ids are file stems, made unique when two collide."""
    files = find_articles(paths)
    stems: dict[str, int] = {}
    for f in files:
        stems[f.stem] = stems.get(f.stem, 0) + 1
    for f in files:
        aid = _article_id(f) if stems[f.stem] == 1 else f"{_article_id(f)}-{hashlib.sha1(str(f).encode()).hexdigest()[:6]}"
        yield read_article(f, article_id=aid)


def _article_id(path: Path) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-") or "article"


def _header(text: str) -> tuple[str, str]:
    """Title and date from the first non-empty lines (headline and, often, a date line)."""
    title = date = ""
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:3]:
        if not date and (d := parse_date(line)):
            date = d
        elif not title:
            title = line[:300]
    return title, date
