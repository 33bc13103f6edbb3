"""Parallel, distributed and interrupted builds: same graph as the plain path, nothing lost when killed."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

import kg
from kg.cache import decode
from kg.pipeline import build_graph
from kg.read import read_articles

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"

INVENTED = [
    "Pakistan struck militant targets in Iran on Thursday, officials said.",
    "Iran condemned the strikes and summoned the Pakistani ambassador.",
    "China offered to mediate between Iran and Pakistan.",
    "Turkey urged Iran and Pakistan to show restraint.",
    "India accused Pakistan of shelling villages in Kashmir.",
]


@pytest.fixture(scope="module")
def invented(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("invented")
    for i, text in enumerate(INVENTED):
        (d / f"n{i}.txt").write_text(f"Report {i}\n2024-03-1{i}\n\n{text}\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def plain(invented):
    return build_graph([invented])


def test_workers_give_the_same_graph(invented, plain, monkeypatch):
    import kg.pipeline

    started = []
    real = kg.pipeline._process_pool
    monkeypatch.setattr(kg.pipeline, "_process_pool", lambda *a: started.append(a) or real(*a))
    monkeypatch.setattr(kg.pipeline, "POOL_AFTER", 0)  # one batch is enough to start the pool here
    assert plain.number_of_edges() > 0
    assert nx.utils.graphs_equal(build_graph([invented], workers=2), plain)
    assert len(started) == 1


def test_workers_with_few_batches_to_parse_start_no_pool(invented, plain, monkeypatch):
    import kg.pipeline

    def refuse(*args):
        raise AssertionError("a pool was started for two batches")

    monkeypatch.setattr(kg.pipeline, "_process_pool", refuse)
    assert nx.utils.graphs_equal(build_graph([invented], workers=2), plain)  # 5 articles: one batch
    records = list(kg.pipeline.extract_stream(read_articles([invented]), workers=2, batch_size=3))
    assert [a.id for a, _, _ in records] == sorted(plain.graph["articles"])  # two batches, in order


def test_workers_start_the_pool_once_more_batches_wait(invented, plain, monkeypatch):
    import kg.pipeline

    started = []
    real = kg.pipeline._process_pool
    monkeypatch.setattr(kg.pipeline, "_process_pool", lambda *a: started.append(a) or real(*a))
    stream = kg.pipeline.extract_stream(read_articles([invented]), workers=2, batch_size=1)  # 5 batches
    got = {a.id: records for a, records, _ in stream}
    assert len(started) == 1 and list(got) == sorted(plain.graph["articles"])


def test_dask_local_cluster_gives_the_same_graph(invented, plain):
    pytest.importorskip("dask.distributed")
    files = sorted(invented.glob("*.txt"))[:3]
    assert nx.utils.graphs_equal(build_graph(files, dask="local"), build_graph(files))


def test_extraction_crash_is_reported_per_article_and_the_rest_built(invented, plain, monkeypatch):
    import kg.pipeline

    real = kg.pipeline.extract_article

    def flaky(doc, article):
        if article.id == "n2":
            raise RuntimeError("boom")
        return real(doc, article)

    monkeypatch.setattr(kg.pipeline, "extract_article", flaky)
    errors = []
    G = build_graph([invented], on_error=errors.append)
    assert set(G.graph["articles"]) == set(plain.graph["articles"]) - {"n2"}
    assert len(errors) == 1 and str(errors[0]).startswith(f"{invented / 'n2.txt'}: kg failed on this article (RuntimeError: boom)")
    assert "Traceback" in errors[0].details
    with pytest.raises(RuntimeError, match="boom"):  # the library without on_error keeps the bug's traceback
        build_graph([invented])


def _kg(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "build", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "200"})


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def _entries_whole(cache: Path) -> int:
    entries = list(cache.rglob("*.json"))
    for e in entries:
        decode(e.stem, e.read_bytes())  # raises if a killed build left a partial entry
    return len(entries)


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="needs ../shared/corpus/wikinews")
def test_sigkill_midway_keeps_earlier_exports_and_cache_whole(tmp_path, seed_exports, seed_graph):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in sorted(WIKINEWS.glob("wikinews-*.txt"))[:40]:
        shutil.copy(f, corpus / f.name)
    out, cache = tmp_path / "out", tmp_path / "cache"
    shutil.copytree(seed_exports, out)
    before = _snapshot(out)
    args = [str(corpus), "--out", str(out), "--cache", str(cache)]

    # 1. killed while extracting: the previous exports are untouched and still load; cache entries are whole
    proc = _kg(*args)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None and len(list(cache.rglob("*.json"))) < 5:
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _snapshot(out) == before
    assert nx.utils.graphs_equal(kg.load(out), seed_graph)
    done = _entries_whole(cache)
    assert 5 <= done < 40

    # 2. the next run resumes from the cache and finishes
    proc = _kg(*args)
    stdout, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    assert f"; {40 - done} parsed, {done} from cache; " in stdout.decode()
    full = _snapshot(out)
    assert _entries_whole(cache) == 40

    # 3. killed while writing the exports (as soon as a temporary file shows): every export is whole
    (corpus / "extra.txt").write_text("Strike\n\nIran struck Pakistan on Friday.\n", encoding="utf-8")
    proc = _kg(*args)
    while proc.poll() is None and not any(p.name.startswith(".graph") for p in out.iterdir()):
        time.sleep(0.0005)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the build finished before it could be killed"
    after = _snapshot(out)
    assert set(after) == set(full)
    assert len(kg.load(out).graph["articles"]) in (40, 41)  # the old graph.ttl or the new one, whole
    for name in ("graph.trig", "graph.jsonld"):
        kg.load(out / name)
    json.loads(after["graph.json"])
    nx.read_graphml(out / "graph.graphml")
    assert after["graph.html"].rstrip().endswith(b"</html>")


def test_a_long_article_is_parsed_in_pieces_and_gives_what_one_parse_gives(nlp, monkeypatch):
    """Pieces joined with Doc.from_docs: same text, tokens, entities, sentences and relations as one nlp() call."""
    import kg.pipeline as pipeline
    from kg.schema import Article

    paragraphs = [INVENTED[i % len(INVENTED)].replace("Thursday", f"day {i}") for i in range(40)]
    text = "Border report\n2024-03-14\n\n" + "\n\n".join(paragraphs) + "\n"
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 300)
    assert len(pipeline._pieces(text)) > 5
    article = Article(id="long", path="long.txt", text=text, title="Border report", date="2024-03-14")
    (doc, got), = list(pipeline.parse(nlp, [article]))
    whole = nlp(text)
    assert got is article and doc.text == text
    assert [t.text for t in doc] == [t.text for t in whole]
    assert [(e.start_char, e.label_) for e in doc.ents] == [(e.start_char, e.label_) for e in whole.ents]
    assert [s.start_char for s in doc.sents] == [s.start_char for s in whole.sents]
    pieces_records, whole_records = pipeline.extract_article(doc, article), pipeline.extract_article(whole, article)
    assert {e.key for e in pieces_records[0]} == {e.key for e in whole_records[0]}
    triples = lambda rels: sorted((r.subject, r.predicate, r.object, r.evidence.start) for r in rels)  # noqa: E731
    assert triples(pieces_records[1]) == triples(whole_records[1]) and len(pieces_records[1]) > 10


@pytest.mark.parametrize("text", ["", "x" * 50, "one two three " * 20, "a.\nb. c d\n\n" * 15, "\n" * 40])
def test_pieces_cover_the_text_within_the_limit(text):
    from kg.pipeline import _pieces

    pieces = _pieces(text, 16)
    assert "".join(pieces) == text
    assert all(len(p) <= 16 for p in pieces)
    assert all(p for p in pieces[:-1])


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_killing_the_build_ends_its_worker_processes(tmp_path, sig):
    """Real model: the pool (fork server, workers, resource tracker) ends with the build, listed by psutil."""
    import psutil

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(200):  # enough batches for a pool, enough parsing to kill it midway
        (corpus / f"n{i:03d}.txt").write_text(f"Report {i}\n\n{INVENTED[i % len(INVENTED)]} ({i})\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path / "out"),
                             "--workers", "2", "--no-cache"], env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    build = psutil.Process(proc.pid)
    deadline = time.monotonic() + 180
    while len(build.children(recursive=True)) < 3:  # fork server and two workers (and the resource tracker)
        assert proc.poll() is None, "the build ended before its pool started"
        assert time.monotonic() < deadline, "no pool after 180 s"
        time.sleep(0.1)
    time.sleep(1.0)
    pool = build.children(recursive=True)
    assert proc.poll() is None, "the build ended before it could be killed"
    os.kill(proc.pid, sig)
    proc.wait()
    _, alive = psutil.wait_procs(pool, timeout=20)
    assert alive == [], [p.cmdline() for p in alive]


def test_a_run_without_spaces_is_parsed_in_words_of_news_length(nlp):
    """spaCy strips prefixes from one whitespace-free "word" in time quadratic in its length: a hostile page's
    60,000 brackets would hold a build for minutes. Such a run is parsed with a space every WORD_CHARS characters;
    the length, every offset and the text kept for quoting are the article's."""
    import kg.pipeline as pipeline
    from kg.schema import Article

    text = "Border report\n\nIran struck Pakistan. " + "(" * 1000 + "\nChina offered to mediate.\n"
    article = Article(id="junk", path="junk.txt", text=text, title="Border report", date="2024-03-14")
    (doc, _), = list(pipeline.parse(nlp, [article]))
    run = doc.text[text.index("(") : text.index("\nChina")]
    assert len(doc.text) == len(text) and doc.user_data["kg_text"] == text
    assert " " in run and all(len(w) <= pipeline.WORD_CHARS for w in run.split(" "))
    assert run.replace(" ", "(") == "(" * 1000
