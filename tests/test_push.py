"""kg push: the seed build into a real Oxigraph server (from PyPI), then the facts back over SPARQL HTTP."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def _oxigraph() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sparql(base: str, query: str) -> list[dict] | bool:
    req = urllib.request.Request(f"{base}/query", data=query.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        data = json.load(resp)
    if "boolean" in data:
        return data["boolean"]
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    binary = _oxigraph()
    if binary is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):  # bounded: up to ~10 s for the server to listen
            if proc.poll() is not None:
                pytest.fail(f"oxigraph exited: {proc.stderr.read().decode()[:500]}")
            try:
                _sparql(base, "ASK {}")
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph did not start listening within 10 s")
        yield base
    finally:
        proc.kill()
        proc.wait(timeout=10)


def test_push_seed_build_gives_struck_facts_back_over_sparql(server, seed_exports):
    result = runner.invoke(app, ["push", str(seed_exports), "--endpoint", f"{server}/store"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("pushed 1 article graphs")
    rows = _sparql(server, """
        PREFIX kg: <https://w3id.org/kg-news/ontology#>
        SELECT ?g ?a ?b WHERE { GRAPH ?g { ?a kg:struck ?b } }""")
    pairs = {(r["a"].rsplit("/", 1)[-1], r["b"].rsplit("/", 1)[-1]) for r in rows}
    assert ("PK", "IR") in pairs
    assert all(r["g"].startswith("https://w3id.org/kg-news/id/article/") for r in rows)
    # the vocabulary went to the default graph
    assert _sparql(server, "ASK { ?s a <http://www.w3.org/2004/02/skos/core#ConceptScheme> }") is True
    vocab = _sparql(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://www.w3.org/2004/02/skos/core#ConceptScheme> }")
    assert int(vocab[0]["n"]) == 2


def test_push_twice_replaces_article_graphs(server, seed_exports):
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    runner.invoke(app, ["push", str(seed_exports), "--endpoint", f"{server}/store"])
    first = int(_sparql(server, count)[0]["n"])
    result = runner.invoke(app, ["push", str(seed_exports), "--endpoint", f"{server}/store"])
    assert result.exit_code == 0, result.output
    assert int(_sparql(server, count)[0]["n"]) == first > 0


def test_push_unreachable_endpoint_is_one_line_error(seed_exports, monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules["kg.push"], "RETRIES", 1)  # kg.push is the API function; the module is here
    port = _free_port()  # nothing listens there
    result = runner.invoke(app, ["push", str(seed_exports), "--endpoint", f"http://alice:s3cret@127.0.0.1:{port}/store"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: http://127.0.0.1:{port}/store?")  # the credentials are not printed
    assert "s3cret" not in result.output
    assert "cannot reach the endpoint" in result.stderr and len(result.stderr.splitlines()) == 1


def test_push_missing_export_names_the_file(tmp_path):
    result = runner.invoke(app, ["push", str(tmp_path), "--endpoint", "http://127.0.0.1:1/store"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'graph.trig'}: no such file; run `kg build ARTICLES --out DIR` first, then kg push DIR\n"


def test_graph_url_encodes_the_graph_iri():
    from kg.push import graph_url

    url = graph_url("http://127.0.0.1:7878/store", "https://w3id.org/kg-news/id/article/a&b=c")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(url).query) == {"graph": ["https://w3id.org/kg-news/id/article/a&b=c"]}
