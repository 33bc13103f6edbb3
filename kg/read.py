"""Paths in, ``Article`` records out: the one place that opens input files.

Plain text (``.txt``, ``.md``), HTML (``.html``, ``.htm``: text through a real HTML parser) and JSON
Lines (``.jsonl``: one article per line). A file kg cannot read raises ``InputError``; when the
caller passes ``on_error``, the error goes there instead and the other articles are still read.
"""
from __future__ import annotations

import errno
import fnmatch
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .htmltext import MAX_HTML_DEPTH, MAX_HTML_TAGS, check_html_size, declared_encoding, html_text
from .metadata import clean_id, header, iso_date, parse_date
from .schema import Article

__all__ = [
    "ARTICLE_SUFFIXES", "MAX_BYTES", "find_articles", "read_article", "read_articles", "read_jsonl",
    "read_html", "count_articles", "parse_date", "is_paperwork", "PAPERWORK", "MAX_HTML_DEPTH", "MAX_HTML_TAGS",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 20_000_000  # a news article is kilobytes; past this it is a dump, not an article

OnError = Callable[[InputError], None]


def _raise(err: InputError) -> None:
    """The default ``on_error``: raise."""
    raise err


def find_articles(paths: Iterable[str | Path], *, on_error: OnError | None = None,
                  include: Iterable[str] = (), exclude: Iterable[str] = (),
                  on_skip: Callable[[Path], None] | None = None) -> list[Path]:
    """Expand files and folders (recursively) into article files, in a stable order.

    In folders, paperwork (README, LICENSE, ATTRIBUTION, NOTICE, CHANGELOG, CONTRIBUTING, any suffix or
    case) and dotfiles go to ``on_skip`` instead, unless an ``include`` glob matches them; a file an
    ``include`` glob matches is read whatever its suffix; ``exclude`` globs drop files and folders.
    Globs match a name or its path below the folder. A missing path, a folder without articles, an
    unreadable folder, a dangling symlink, a symlink loop or a FIFO raises ``InputError``, or goes to
    ``on_error``. Files named on their own are always read.
    """
    report = on_error or _raise
    include, exclude = tuple(include), tuple(exclude)
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            st = path.stat()
        except OSError as err:
            report(InputError(_stat_problem(path, err)))
            continue
        if stat.S_ISDIR(st.st_mode):
            files = _walk(path, st, report, include, exclude, on_skip or (lambda _p: None))
            if not files:
                report(InputError(f"{path}: folder holds no articles ({', '.join(ARTICLE_SUFFIXES)}); "
                                  "point kg at article files"))
            found.extend(files)
        elif stat.S_ISREG(st.st_mode):
            found.append(path)
        else:
            report(InputError(f"{path}: {_kind(st.st_mode)}, not a regular file; give kg article files"))
    return list(dict.fromkeys(found))


PAPERWORK = frozenset({"readme", "license", "licence", "attribution", "notice", "changelog", "contributing"})


def is_paperwork(name: str) -> bool:
    """Whether a file name is a folder's paperwork or hidden, not an article.

    >>> is_paperwork("ATTRIBUTION.md"), is_paperwork("readme"), is_paperwork(".notes.txt"), is_paperwork("notice-board.txt")
    (True, True, True, False)
    """
    return name.startswith(".") or name.split(".", 1)[0].lower() in PAPERWORK


def _matches(globs: tuple[str, ...], name: str, rel: str) -> bool:
    """True when a glob matches the file's name or its path under the root."""
    return any(fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(rel, g) for g in globs)


def _kind(mode: int) -> str:
    """What a non-regular file is, for an error message."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _stat_problem(path: Path, err: OSError) -> str:
    """The one-line message for a path that cannot be followed (missing, dangling, looping, forbidden)."""
    if err.errno == errno.ELOOP:
        return f"{path}: symlink loop; remove the link or point it at a file"
    if isinstance(err, FileNotFoundError):
        if path.is_symlink():
            return f"{path}: dangling symlink (its target {os.readlink(path)!r} does not exist); fix or remove the link"
        return f"{path}: no such file or folder; check the path"
    if isinstance(err, PermissionError):
        return f"{path}: permission denied; make it readable"
    return f"{path}: cannot read ({err.strerror or err}); check it"


def _walk(root: Path, root_stat: os.stat_result, report: OnError, include: tuple[str, ...],
          exclude: tuple[str, ...], on_skip: Callable[[Path], None]) -> list[Path]:
    """Every article file under ``root``, reporting what cannot be read rather than passing over it.

    Iterative (a folder tree thousands deep cannot exhaust the stack); symlinked folders are followed
    once, and one that points back to a folder above it is reported as a loop.
    """
    files: list[Path] = []
    seen = {(root_stat.st_dev, root_stat.st_ino)}
    stack: list[tuple[Path, frozenset]] = [(root, frozenset(seen))]
    while stack:
        folder, above = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            report(InputError(f"{folder}: folder is not readable (permission denied); "
                              "make it readable or --exclude it"))
            continue
        except OSError as err:
            report(InputError(f"{folder}: cannot list the folder ({err.strerror or err}); check it"))
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = path.relative_to(root).as_posix()
            if exclude and _matches(exclude, entry.name, rel):
                continue
            included = bool(include) and _matches(include, entry.name, rel)
            try:
                st = os.stat(entry.path)
            except OSError as err:
                report(InputError(_stat_problem(path, err)))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if entry.name.startswith(".") and not included:
                    continue  # .git, .cache and the like hold no articles
                if key in above:
                    report(InputError(f"{path}: symlink loop (points back to a folder above it); remove the link"))
                elif key not in seen:
                    seen.add(key)
                    stack.append((path, above | {key}))
            elif not stat.S_ISREG(st.st_mode):
                report(InputError(f"{path}: {_kind(st.st_mode)}, not a regular file; remove it or --exclude it"))
            elif included:
                files.append(path)
            elif path.suffix.lower() in ARTICLE_SUFFIXES:
                if is_paperwork(entry.name):
                    on_skip(path)
                else:
                    files.append(path)
    return sorted(files)


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
    """A file's bytes, refusing one larger than any article; errors name the file."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError
            raise InputError(f"{path}: {_kind(st.st_mode)}, not a regular file; give kg article files")
        size = st.st_size
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
    """The file's text in ``encoding`` with Unix line ends; an empty, binary or undecodable file raises."""
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
    title, date = header(text)
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
        if not stat.S_ISREG(path.stat().st_mode):
            report(InputError(f"{path}: {_kind(path.stat().st_mode)}, not a regular file; give kg article files"))
            return
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
    """One article of a JSON Lines file from its raw line."""
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
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply to read; write one flat object per line, "
                         'like {"text": "..."}') from None
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
    head_title, head_date = header(text)
    date = head_date
    if item.get("date"):
        date = iso_date(item["date"])
        if not date:
            raise InputError(f"{where}: date {item['date'][:40]!r} is not a date; use YYYY-MM-DD")
    aid = clean_id(item["id"][:200]) if item.get("id") else f"{stem}-{number}"
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
    text = _decode(path, data, declared_encoding(data))
    check_html_size(path, text)
    tree = LexborHTMLParser(text)
    for node in tree.css("script, style, noscript, template, svg, iframe, object, canvas"):
        node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    if root is tree.body and root is not None:
        for node in root.css("nav, footer, aside, form, button, header nav"):
            node.decompose()
    body = html_text(root) if root is not None else ""
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
        if node is not None and (date := iso_date(node.attributes.get(attr) or "")):
            break
    url = ""
    for selector, attr in (('link[rel="canonical"]', "href"), ('meta[property="og:url"]', "content")):
        node = tree.css_first(selector)
        if node is not None and (url := (node.attributes.get(attr) or "").strip()):
            break
    if not date:
        date = header(body)[1]
    return Article(id=article_id or _article_id(path), path=str(path), text=body, title=title[:300],
                   date=date, url=url)


# Void elements never open a level; these close themselves when a sibling starts, so they do not nest.


def _has_surrogate(text: str) -> bool:
    """True when the text holds a lone surrogate (an escape JSON allows and UTF-8 does not)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _short_hash(text: str) -> str:
    """Six hex digits that tell apart two articles of one name."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:6]


def _with_id(article: Article, new_id: str) -> Article:
    """``article`` under another id."""
    return Article(id=new_id, path=article.path, text=article.text, title=article.title, date=article.date, url=article.url)


def _article_id(path: Path) -> str:
    """The article id of a file: its cleaned stem."""
    return clean_id(path.stem)


