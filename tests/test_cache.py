"""The per-article cache: same graph as a fresh build, only changed articles parsed, corrupt entries rebuilt."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from kg.cache import ArticleCache, article_key, decode, default_dir, encode, fingerprint
from kg.pipeline import build_graph
from kg.schema import Article

ARTICLES = {
    "a1.txt": "Border clash\n2024-03-14\n\nPakistan struck militant targets in Iran on Thursday, officials said.\n",
    "a2.txt": "Envoy summoned\n2024-03-15\n\nIran condemned the strikes and summoned the Pakistani ambassador.\n",
    "a3.txt": "Talks offered\n2024-03-16\n\nChina offered to mediate between Iran and Pakistan.\n",
}


@pytest.fixture
def corpus(tmp_path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _build(paths, cache, **kw):
    parsed: list[str] = []
    G = build_graph(paths, cache=cache, progress=lambda a, cached: None if cached else parsed.append(a.id), **kw)
    return G, parsed


def test_cache_build_equals_fresh_build_and_parses_only_new_articles(corpus, tmp_path):
    cache = tmp_path / "cache"
    first, parsed = _build([corpus], cache)
    assert parsed == ["a1", "a2", "a3"]
    again, parsed = _build([corpus], cache)
    assert parsed == []
    assert nx.utils.graphs_equal(again, first) and nx.utils.graphs_equal(again, build_graph([corpus]))
    (corpus / "a4.txt").write_text("Strike\n\nIran struck Pakistan on Friday.\n", encoding="utf-8")
    grown, parsed = _build([corpus], cache)
    assert parsed == ["a4"]
    assert nx.utils.graphs_equal(grown, build_graph([corpus]))
    _, parsed = _build([corpus], cache, fresh=True)
    assert parsed == ["a1", "a2", "a3", "a4"]


def test_cache_entry_round_trips_records_exactly(read_text):
    entities, relations = read_text("Pakistan struck militant targets in Iran on Thursday.")
    records = (list(entities.values()), list(relations))
    assert records[1], "the invented sentence should give a relation"
    assert decode("k", encode("k", records)) == records


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"key": "other", "entities": [], "relations": []}',
                                    b'{"key": "KEY", "entities": [{"nope": 1}], "relations": []}'])
def test_cache_corrupt_entry_is_ignored_and_rebuilt(corpus, tmp_path, damage):
    cache = tmp_path / "cache"
    first, _ = _build([corpus], cache)
    store = ArticleCache(cache)
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 3
    victim = Article(id="a2", path=str(corpus / "a2.txt"), text=ARTICLES["a2.txt"], title="Envoy summoned", date="2024-03-15")
    path = cache / store.key(victim)[:2] / f"{store.key(victim)}.json"
    assert path in entries
    path.write_bytes(damage.replace(b"KEY", store.key(victim).encode()))
    G, parsed = _build([corpus], cache)
    assert parsed == ["a2"] and nx.utils.graphs_equal(G, first)
    assert json.loads(path.read_bytes().partition(b"\n")[0])["key"] == store.key(victim)  # rewritten whole


def test_cache_unchanged_corpus_does_not_import_spacy(corpus, tmp_path):
    cache = tmp_path / "cache"
    _build([corpus], cache)
    code = ("import sys; from kg.pipeline import build_graph; "
            f"G = build_graph([{str(corpus)!r}], cache={str(cache)!r}); "
            "print(len(G.graph['articles']), 'spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["3", "False"]


def test_cache_key_changes_with_article_and_lexicon(tmp_path, monkeypatch):
    import kg.cache

    a = Article(id="x", path="x.txt", text="Iran struck Pakistan.", title="T", date="2024-01-01", url="")
    fp = fingerprint()
    assert article_key(a, fp) == article_key(Article(**{**_fields(a), "path": "moved/x.txt"}), fp)
    for change in ({"text": "Iran struck Pakistan!"}, {"title": "U"}, {"date": "2024-01-02"}, {"url": "https://x"}, {"id": "y"}):
        assert article_key(Article(**{**_fields(a), **change}), fp) != article_key(a, fp), change
    fake = tmp_path / "kg"
    (fake / "data").mkdir(parents=True)
    src = Path(kg.cache.__file__).parent
    for f in kg.cache._INPUTS:
        (fake / f).parent.mkdir(parents=True, exist_ok=True)
        (fake / f).write_bytes((src / f).read_bytes())
    for f in (src / "data").glob("*.json"):
        (fake / "data" / f.name).write_bytes(f.read_bytes())
    monkeypatch.setattr(kg.cache, "_KG", fake)
    fingerprint.cache_clear()
    assert fingerprint() == fp
    triggers = fake / "data" / "triggers.json"
    triggers.write_text(triggers.read_text(encoding="utf-8") + " ", encoding="utf-8")
    fingerprint.cache_clear()
    assert fingerprint() != fp
    fingerprint.cache_clear()


def test_cache_key_changes_with_every_extraction_module(tmp_path, monkeypatch):
    """Entity typing lives in modules the first cache did not hash (classify, officials): each one counts."""
    import kg.cache

    fp = fingerprint()
    fake = tmp_path / "kg"
    src = Path(kg.cache.__file__).parent
    for f in [*src.rglob("*.py"), *(src / "data").glob("*.json")]:
        (fake / f.relative_to(src)).parent.mkdir(parents=True, exist_ok=True)
        (fake / f.relative_to(src)).write_bytes(f.read_bytes())
    monkeypatch.setattr(kg.cache, "_KG", fake)
    for module in ("classify.py", "officials.py", "keys.py", "relations/emit.py"):
        fingerprint.cache_clear()
        assert fingerprint() == fp
        path = fake / module
        original = path.read_bytes()
        path.write_bytes(original + b"\n# changed\n")
        fingerprint.cache_clear()
        assert fingerprint() != fp, module
        path.write_bytes(original)
    fingerprint.cache_clear()


def _fields(a: Article) -> dict:
    return {k: getattr(a, k) for k in ("id", "path", "text", "title", "date", "url")}


def test_cache_default_dir_follows_env(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    assert default_dir() == tmp_path / "articles"
    monkeypatch.delenv("KG_CACHE_DIR")
    assert default_dir() == Path.home() / ".cache" / "kg" / "articles"


def test_cache_unwritable_folder_builds_without_it(corpus, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = ArticleCache(blocker / "cache")
    G, parsed = _build([corpus], store)
    assert len(parsed) == 3 and "cannot write the cache" in store.problem
    assert nx.utils.graphs_equal(G, build_graph([corpus]))


def test_cli_build_uses_cache_and_fresh(corpus, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    runner = CliRunner()
    args = ["build", str(corpus), "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache")]
    assert "; 3 parsed, 0 from cache; " in runner.invoke(app, args).stdout
    assert "; 0 parsed, 3 from cache; " in runner.invoke(app, args).stdout
    assert "; 3 parsed, 0 from cache; " in runner.invoke(app, [*args, "--fresh"]).stdout
    assert os.listdir(tmp_path / "out")


def _victim_entry(corpus: Path, cache: Path) -> tuple[ArticleCache, Path]:
    store = ArticleCache(cache)
    victim = Article(id="a2", path=str(corpus / "a2.txt"), text=ARTICLES["a2.txt"], title="Envoy summoned", date="2024-03-15")
    return store, cache / store.key(victim)[:2] / f"{store.key(victim)}.json"


def _rehash(data: bytes, obj: dict) -> bytes:
    """``obj`` as the records of the entry ``data``, with a hash that matches them: only the schema check can catch it."""
    import hashlib

    header = json.loads(data.partition(b"\n")[0])
    body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return json.dumps({**header, "sha256": hashlib.sha256(body).hexdigest()}).encode() + b"\n" + body


@pytest.mark.parametrize("edit, reason", [
    # one byte flipped inside a cached string: still valid JSON, silently used before
    (lambda data, obj: data.replace(b'"label":"Iran"', b'"label":"Iraq"', 1), "do not match their hash"),
    (lambda data, obj: _rehash(data, {**obj, "entities": [{**obj["entities"][0], "mentions": "3"}, *obj["entities"][1:]]}),
     "Entity.mentions is str, not int"),
    (lambda data, obj: _rehash(data, {**obj, "entities": [{**obj["entities"][0], "aliases": "Tehran"}, *obj["entities"][1:]]}),
     "Entity.aliases is str"),
    (lambda data, obj: _rehash(data, {**obj, "relations": [{**obj["relations"][0], "evidence": {
        **obj["relations"][0]["evidence"], "start": 1.5}}, *obj["relations"][1:]]}), "Evidence.start is float, not int"),
    (lambda data, obj: _rehash(data, {**obj, "relations": [{**obj["relations"][0], "extra": 1}]}), "has the fields"),
])
def test_cache_changed_or_mistyped_entry_is_rebuilt_with_one_warning(corpus, tmp_path, edit, reason):
    cache = tmp_path / "cache"
    first, _ = _build([corpus], cache)
    store, path = _victim_entry(corpus, cache)
    data = path.read_bytes()
    damaged = edit(data, json.loads(data.partition(b"\n")[2]))
    assert damaged != data
    path.write_bytes(damaged)
    G, parsed = _build([corpus], store)
    assert parsed == ["a2"] and nx.utils.graphs_equal(G, first)
    notes = store.warnings()
    assert len(notes) == 1 and str(path) in notes[0] and reason in notes[0] and "\n" not in notes[0]
    assert path.read_bytes() == data  # rewritten whole
    again = ArticleCache(cache)
    assert _build([corpus], again)[1] == [] and again.warnings() == []


def test_cli_build_warns_once_about_a_damaged_entry(corpus, tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app

    args = ["build", str(corpus), "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache")]
    runner = CliRunner()
    assert runner.invoke(app, args).exit_code == 0
    _, path = _victim_entry(corpus, tmp_path / "cache")
    path.write_bytes(path.read_bytes().replace(b'"label":"Iran"', b'"label":"Iraq"', 1))
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "; 1 parsed, 2 from cache; " in result.stdout
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: damaged cache entry rebuilt: {path}: its records do not match their hash (changed on disk)"]
