"""Paths in, ``Article`` records out: the one place that opens input files.

Plain text (``.txt``, ``.md``), HTML (``.html``, ``.htm``: text through a real HTML parser) and JSON
Lines (``.jsonl``: one article per line). A file kg cannot read raises ``InputError``; when the
caller passes ``on_error``, the error goes there instead and the other articles are still read.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from .errors import InputError
from .schema import Article

__all__ = [
    "ARTICLE_SUFFIXES", "MAX_BYTES", "find_articles", "read_article", "read_articles", "read_jsonl",
    "read_html", "count_articles", "parse_date",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 20_000_000  # a news article is kilobytes; past this it is a dump, not an article
_DATE_FORMATS = ("%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%A %B %d %Y", "%B %Y")
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:$|[T ])")

OnError = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    raise err


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


def _iso_date(value: str) -> str:
    """An ISO date from a timestamp or date string ("2024-03-14T10:00Z" -> "2024-03-14"), else "".

    >>> _iso_date("2024-03-14T10:00:00+01:00"), _iso_date("March 14, 2024"), _iso_date("soon")
    ('2024-03-14', '2024-03-14', '')
    """
    value = value.strip()
    if m := _ISO_DATE.match(value):
        try:
            return datetime.strptime(m.group(1), "%Y-%m-%d").date().isoformat()
        except ValueError:
            return ""
    return parse_date(value)


def find_articles(paths: Iterable[str | Path], *, on_error: OnError | None = None) -> list[Path]:
    """Expand files and folders (recursively) into article files, in a stable order.

    A missing path or a folder without articles raises ``InputError``, or goes to ``on_error``.
    """
    report = on_error or _raise
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
            if not files:
                report(InputError(f"{path}: folder holds no articles ({', '.join(ARTICLE_SUFFIXES)}); "
                                  "point kg at article files"))
            found.extend(files)
        elif path.is_file():
            found.append(path)
        else:
            report(InputError(f"{path}: no such file or folder; check the path"))
    return list(dict.fromkeys(found))


def count_articles(files: Iterable[Path]) -> int:
    """How many articles ``files`` hold (a .jsonl file counts its non-blank lines); for progress bars."""
    total = 0
    for f in files:
        if f.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with f.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        except OSError:
            total += 1  # reading it will report the problem
    return total


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size / 1e6:.0f} MB is too large for one article "
                             f"(limit {MAX_BYTES / 1e6:.0f} MB); split it")
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file readable") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; pass the folder itself to read every article in it") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err}); check the file") from None


def _decode(path: Path, data: bytes, encoding: str = "utf-8-sig") -> str:
    if not data.strip():
        raise InputError(f"{path}: file is empty; give kg an article with text")
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not text; give kg UTF-8 text articles")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); save it as UTF-8 text"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_article(path: str | Path, *, article_id: str | None = None) -> Article:
    """Read one .txt, .md, .html or .htm article; the first lines of text give its title and date."""
    path = Path(path)
    if path.suffix.lower() in (".html", ".htm"):
        return read_html(path, article_id=article_id)
    if path.suffix.lower() == ".jsonl":
        articles = list(read_jsonl(path))
        if len(articles) != 1:
            raise InputError(f"{path}: holds {len(articles)} articles, not one; read it with read_articles")
        return articles[0]
    text = _decode(path, _read_bytes(path))
    title, date = _header(text)
    return Article(id=article_id or _article_id(path), path=str(path), text=text, title=title, date=date)


def read_articles(paths: Iterable[str | Path], *, on_error: OnError | None = None) -> Iterator[Article]:
    """Read every article under ``paths`` in a stable order; ids are unique within the run.

    File ids are file stems (with a path hash when two stems collide); a .jsonl line's id is its
    ``id`` field, else ``<stem>-<line number>``. Each unreadable file or line raises ``InputError``,
    or, with ``on_error``, is passed to it and skipped.
    """
    report = on_error or _raise
    files = find_articles(paths, on_error=on_error)
    stems: dict[str, int] = {}
    for f in files:
        stems[f.stem] = stems.get(f.stem, 0) + 1
    seen: set[str] = set()
    for f in files:
        aid = _article_id(f) if stems[f.stem] == 1 else f"{_article_id(f)}-{_short_hash(str(f))}"
        if f.suffix.lower() == ".jsonl":
            for item in read_jsonl(f, on_error=on_error):
                if item.id in seen:
                    item = _with_id(item, f"{item.id}-{_short_hash(item.path)}")
                seen.add(item.id)
                yield item
            continue
        try:
            article = read_article(f, article_id=aid)
        except InputError as err:
            report(err)
            continue
        if article.id in seen:
            article = _with_id(article, f"{article.id}-{_short_hash(article.path)}")
        seen.add(article.id)
        yield article


def read_jsonl(path: str | Path, *, on_error: OnError | None = None) -> Iterator[Article]:
    """Read a JSON Lines file, one article per line: ``text`` and optional ``title``, ``date``, ``url``, ``id``.

    A line that is not such an object raises ``InputError`` naming the file and line (or goes to
    ``on_error``, and the other lines are still read). Blank lines are skipped.
    """
    path = Path(path)
    report = on_error or _raise
    stem = _article_id(path)
    try:
        fh = path.open("rb")
    except PermissionError:
        report(InputError(f"{path}: permission denied; make the file readable"))
        return
    except OSError as err:
        report(InputError(f"{path}: cannot read ({err.strerror or err}); check the file"))
        return
    any_line = False
    with fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            any_line = True
            try:
                yield _jsonl_article(path, number, raw, stem)
            except InputError as err:
                report(err)
    if not any_line:
        report(InputError(f"{path}: file is empty; give kg one JSON object per line with a \"text\" field"))


def _jsonl_article(path: Path, number: int, raw: bytes, stem: str) -> Article:
    where = f"{path}:{number}"
    if len(raw) > MAX_BYTES:
        raise InputError(f"{where}: {len(raw) / 1e6:.0f} MB is too large for one article "
                         f"(limit {MAX_BYTES / 1e6:.0f} MB); split it")
    try:
        item = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as err:
        raise InputError(f"{where}: not UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1}); "
                         "save the file as UTF-8") from None
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: not valid JSON ({err.msg} at column {err.colno}); "
                         "write one JSON object per line") from None
    if not isinstance(item, dict):
        raise InputError(f"{where}: a JSON {type(item).__name__}, not an object; "
                         'write one object per line, like {"text": "..."}')
    for name in ("text", "title", "date", "url", "id"):
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: field {name!r} is a {type(value).__name__}, not a string; quote it")
        if value and _has_surrogate(value):
            raise InputError(f"{where}: field {name!r} holds an unpaired surrogate escape (\\ud800-\\udfff); "
                             "write real characters")
    text = (item.get("text") or "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f'{where}: no "text" (or it is empty); give every line the article\'s text')
    if "\x00" in text:
        raise InputError(f"{where}: text holds NUL characters; give kg plain text")
    head_title, head_date = _header(text)
    date = head_date
    if item.get("date"):
        date = _iso_date(item["date"])
        if not date:
            raise InputError(f"{where}: date {item['date'][:40]!r} is not a date; use YYYY-MM-DD")
    aid = _clean_id(item["id"][:200]) if item.get("id") else f"{stem}-{number}"
    title = " ".join((item.get("title") or "").split())[:300] or head_title
    return Article(id=aid, path=f"{path}:{number}", text=text, title=title, date=date, url=(item.get("url") or "").strip())


def read_html(path: str | Path, *, article_id: str | None = None) -> Article:
    """Read an HTML article: visible text (no script, style or page furniture) through a real HTML parser.

    The title is the first ``<h1>``, else ``<title>``; the date is ``article:published_time``, else
    the first ``<time datetime>``; the URL is ``<link rel=canonical>`` or ``og:url`` when present.
    """
    from selectolax.lexbor import LexborHTMLParser

    path = Path(path)
    data = _read_bytes(path)
    text = _decode(path, data, _declared_encoding(data))
    tree = LexborHTMLParser(text)
    for node in tree.css("script, style, noscript, template, svg, iframe, object, canvas"):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    if root is tree.body and root is not None:
        for node in root.css("nav, footer, aside, form, button, header nav"):
            node.decompose()
    body = _html_text(root) if root is not None else ""
    if not body.strip():
        raise InputError(f"{path}: HTML page has no visible text; give kg the article page")
    title = ""
    for selector in ("h1", "title", 'meta[property="og:title"]'):
        node = tree.css_first(selector)
        if node is not None:
            title = " ".join((node.attributes.get("content") or "" if node.tag == "meta" else node.text()).split())
            if title:
                break
    date = ""
    for selector, attr in (('meta[property="article:published_time"]', "content"),
                           ('meta[name="article:published_time"]', "content"),
                           ("time[datetime]", "datetime"), ('meta[name="date"]', "content")):
        node = tree.css_first(selector)
        if node is not None and (date := _iso_date(node.attributes.get(attr) or "")):
            break
    url = ""
    for selector, attr in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        if node is not None and (url := (node.attributes.get(attr) or "").strip()):
            break
    if not date:
        date = _header(body)[1]
    return Article(id=article_id or _article_id(path), path=str(path), text=body, title=title[:300],
                   date=date, url=url)


_BLOCK = frozenset(
    "address article aside blockquote body br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table tbody td th thead tr ul caption details summary".split()
)


def _html_text(root) -> str:
    """Visible text with a line break around every block element; inline markup joins its text.

    Iterative, so a hostile page nested a million deep cannot exhaust the stack.
    """
    parts: list[str] = []
    stack = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag
        if closing:
            parts.append("\n")
            continue
        if tag == "-text":
            parts.append(node.text_content or "")
            continue
        if tag in ("-comment", "!doctype"):
            continue
        block = tag in _BLOCK
        if block:
            parts.append("\n")
            stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line) + "\n"


def _declared_encoding(data: bytes) -> str:
    """The charset an HTML page declares in its first bytes when Python knows it, else UTF-8."""
    if m := re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096], re.I):
        try:
            return codecs.lookup(m.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            pass
    return "utf-8-sig"


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:6]


def _with_id(article: Article, new_id: str) -> Article:
    return Article(id=new_id, path=article.path, text=article.text, title=article.title, date=article.date, url=article.url)


def _clean_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-") or "article"


def _article_id(path: Path) -> str:
    return _clean_id(path.stem)


def _header(text: str) -> tuple[str, str]:
    """Title and date from the first non-empty lines (headline and, often, a date line)."""
    title = date = ""
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:3]:
        if not date and (d := parse_date(line)):
            date = d
        elif not title:
            title = line[:300]
    return title, date
