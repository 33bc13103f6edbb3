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


def _serve(location: Path, *flags: str):
    """Start the Oxigraph server of the PyPI package on a free port; yield its base URL, then stop it."""
    binary = _oxigraph()
    assert binary is not None, "the oxigraph server (a test dependency: pip install oxigraph) is not installed"
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *flags],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from _serve(tmp_path_factory.mktemp("oxigraph"))


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

    monkeypatch.setattr(sys.modules["kg.store"], "RETRIES", 1)  # kg.store is the module behind kg.push
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
    from kg.store import graph_url

    url = graph_url("http://127.0.0.1:7878/store", "https://w3id.org/kg-news/id/article/a&b=c")
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(url).query) == {"graph": ["https://w3id.org/kg-news/id/article/a&b=c"]}


STRUCK = "SELECT ?a ?b WHERE { ?a kg:struck ?b }"


def test_push_union_lets_plain_queries_see_the_data_and_kg_query_runs_at_the_endpoint(server, seed_exports):
    """Runs after the plain pushes above: until --union, the default graph holds only the vocabulary."""
    endpoint = f"{server}/query"
    before = runner.invoke(app, ["query", endpoint, STRUCK, "--format", "json"])
    assert before.exit_code == 0, before.output
    assert json.loads(before.output) == []  # named graphs only: a plain query sees nothing
    result = runner.invoke(app, ["push", str(seed_exports), "--endpoint", f"{server}/store", "--union"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("pushed 1 article graphs and the default graph")
    after = runner.invoke(app, ["query", endpoint, STRUCK, "--format", "json"])
    assert {"a": "id:country/PK", "b": "id:country/IR"} in json.loads(after.output)
    for args in (["--saved", "actor-activity", "--param", "name=pakistani"], ["--saved", "who-struck-whom"]):
        remote = runner.invoke(app, ["query", endpoint, *args, "--format", "json"])
        local = runner.invoke(app, ["query", str(seed_exports), *args, "--format", "json"])
        assert remote.exit_code == 0, remote.output
        assert json.loads(remote.output) == json.loads(local.output) != []
    refused = runner.invoke(app, ["query", endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"])
    assert refused.exit_code == 2 and "--allow-network" in refused.stderr


def test_server_union_default_graph_flag_lets_plain_queries_see_pushed_graphs(tmp_path, seed_exports):
    for base in _serve(tmp_path / "store", "--union-default-graph"):
        result = runner.invoke(app, ["push", str(seed_exports), "--endpoint", f"{base}/store"])
        assert result.exit_code == 0, result.output
        rows = runner.invoke(app, ["query", f"{base}/query", STRUCK, "--format", "json"])
        assert {"a": "id:country/PK", "b": "id:country/IR"} in json.loads(rows.output)


def test_query_endpoint_errors_are_one_line(server):
    bad = runner.invoke(app, ["query", f"{server}/query", "SELECT ?x WHERE { ?x"])
    assert bad.exit_code == 2 and bad.stderr.startswith(f"error: {server}/query: the endpoint answered 400")
    assert len(bad.stderr.splitlines()) == 1
    port = _free_port()
    gone = runner.invoke(app, ["query", f"http://bob:hunter2@127.0.0.1:{port}/query", STRUCK])
    assert gone.exit_code == 2 and len(gone.stderr.splitlines()) == 1
    assert "cannot reach the endpoint" in gone.stderr and "hunter2" not in gone.output
