"""Hostile names and texts: every export stays parseable, valid and inert (no injection into RDF, XML or HTML)."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kg
from kg.errors import InputError
from kg.exports import export_all

NASTY = [
    'x<>"\'{}|^`\\ y',
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
    "\u200b\u200c\u200d\ufeff zero width",
    "\u202e\u200f RTL \u05e9\u05dc\u05d5\u05dd",
    "ctrl\x01\x07\x0b\x0c\x1b\x7f\x85",
    "a/../../b ./. %2e%2E %00 %",
    "event/x",  # would land in the event sub-space of IRIs
    "\U0001f4a5 emoji \u00e9\u0301 combining",
    '""" \'\'\' ; . , @prefix ex: <http://evil/> .',
    "\ufffe\uffff noncharacters",
]

ARTICLE = "a<b> \"c\" javascript:alert(1)"


def hostile_graph() -> nx.MultiDiGraph:
    """A graph in the graph model whose keys, labels, texts, ids and URLs are all hostile."""
    G = nx.MultiDiGraph(articles={})
    G.graph["articles"][ARTICLE] = {"title": NASTY[2], "path": NASTY[6], "date": "", "url": "javascript:alert(1)"}
    G.graph["articles"]["ok"] = {"title": "t", "path": "p", "date": "2024-03-14", "url": "https://x.example/a?b=<c>"}
    for i, name in enumerate(NASTY):
        G.add_node(f"country/{name}", type="Country", label=name, aliases=sorted([name + " alias", name[::-1]]),
                   articles=sorted([ARTICLE, "ok"]), mentions=i + 1, first_sentence=name * 2)
    G.add_node("person/\u202eevil", type="Official", label="Evil \u202e", aliases=[], articles=["ok"], mentions=1,
               first_sentence="s", role=NASTY[1], affiliation=f"country/{NASTY[0]}")
    for i, name in enumerate(NASTY):
        G.add_edge("person/\u202eevil", f"country/{name}", key=f"struck:{ARTICLE}:{i}:{name}", predicate="struck",
                   modality="asserted", cameo="190", plover="ASSAULT", confidence=0.5, article=ARTICLE,
                   sentence=name, start=i, end=i + len(name), trigger=name, source=f"country/{NASTY[i - 1]}")
    return G


def check_exports(out: Path, G: nx.MultiDiGraph | None = None, *, formats=("turtle", "trig", "jsonld", "json")) -> None:
    """Every export in ``out`` re-parses (rdflib and pyoxigraph), conforms to the shapes and, with G, round-trips."""
    import pyoxigraph

    from kg.nodelink import from_node_link, read_node_link
    from rdflib import Dataset, Graph

    from kg.rdf import validate

    if "turtle" in formats:
        Graph().parse(out / "graph.ttl", format="turtle")
        list(pyoxigraph.parse(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
        conforms, report = validate(out / "graph.ttl")
        assert conforms, report
        if G is not None:
            assert nx.utils.graphs_equal(kg.load(out), G)
    if "trig" in formats:
        Dataset().parse(out / "graph.trig", format="trig")
        list(pyoxigraph.parse(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG))
        if G is not None:
            assert nx.utils.graphs_equal(kg.load(out / "graph.trig"), G)
    if "jsonld" in formats:
        Graph().parse(out / "graph.jsonld", format="json-ld")
        list(pyoxigraph.parse(path=str(out / "graph.jsonld"), format=pyoxigraph.RdfFormat.JSON_LD))
        if G is not None:
            assert nx.utils.graphs_equal(kg.load(out / "graph.jsonld"), G)
    if "json" in formats:
        data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
        if G is not None:
            assert nx.utils.graphs_equal(from_node_link(data), G)
            assert nx.utils.graphs_equal(read_node_link(out), G)
    if "graphml" in formats:
        H = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
        if G is not None:
            assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()


def test_hostile_graph_every_export_parses_validates_and_round_trips(tmp_path):
    G = hostile_graph()
    export_all(G, tmp_path)
    check_exports(tmp_path, G, formats=("turtle", "trig", "jsonld", "json", "graphml"))


def test_hostile_graph_html_is_inert(tmp_path):
    G = hostile_graph()
    export_all(G, tmp_path, formats=("html",))
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "</script><script>alert(1)" not in page  # data never closes the script element
    assert not re.search(r"""(href|src)\s*=\s*["']?\s*javascript:""", page, re.I)


def test_hostile_iris_stay_in_the_kg_namespace(tmp_path):
    from rdflib import Graph, URIRef

    from kg.rdf import ID

    export_all(hostile_graph(), tmp_path, formats=("turtle",))
    g = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    iris = {t for triple in g for t in triple if isinstance(t, URIRef)}
    assert not any("evil" in str(i) and not str(i).startswith(str(ID)) for i in iris)
    assert not any(re.search(r"[\s<>\"{}|^`\\]", str(i)) for i in iris)


@pytest.mark.parametrize("text", [
    "Pakistan struck <b>Iran</b> on Thursday. javascript:alert(1) </script><script>alert(1)</script>\n",
    "Iran\u200b condemned \u202ePakistan\u202c on Friday; \"quoted\" {braces} |pipes| ^carets^ `ticks` back\\slash.\n",
    "Ruritania\x0c struck\x01 Freedonia\x1b. Iran struck Pakistan.\n",
    "(" * 2000 + "Iran struck Pakistan." + ")" * 2000 + "\n",
    "A" * 200_000 + " Iran struck Pakistan.\n",
])
def test_hostile_article_builds_and_exports_cleanly(tmp_path, text):
    src = tmp_path / "hostile.txt"
    src.write_text(text, encoding="utf-8")
    G = kg.build(src)
    out = tmp_path / "out"
    kg.export(G, out)
    check_exports(out, G, formats=("turtle", "trig", "jsonld", "json", "graphml"))


# Pieces a hostile page or feed is made of; hypothesis mixes them with arbitrary unicode.
_PIECES = st.sampled_from([
    "Iran struck Pakistan.", "Pakistan condemned Iran on Tuesday.", "China offered to mediate.",
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u202e", "\u202c", "\u200f", "\u2066", "\u00ad",
    "<script>alert(1)</script>", "<b>", "</b>", "<a href='javascript:alert(1)'>", "&amp;", "&#x0;",
    "(((((((((", ")))))))))", "\"'\"'", "{{{}}}", "|^`\\", "...", "!?!?", "--", "\n", "\n\n", "\t", " ",
    "@prefix x: <y> .", '"""', "%00", "%2F", "\x01", "\x0b", "\x7f", "\ufffe", "\U0001f4a5",
    "Mr. O'Brien-Smith Jr.", "U.S.", "2024-03-14", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645",
])
_TEXT = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be written as UTF-8 at all
HOSTILE_TEXTS = st.lists(st.one_of(_PIECES, st.text(_TEXT, max_size=40), st.builds(lambda c, n: c * n, st.sampled_from(["A", "(", ".", "\u200b", "x-"]), st.integers(1, 3000))),
                         min_size=1, max_size=25).map("".join)


def run_hostile(text: str, workdir: Path) -> str:
    """Build and export one hostile article; return "built", or "refused" for an InputError (empty, binary)."""
    src = workdir / "fuzz.txt"
    src.write_text(text, encoding="utf-8")
    try:
        G = kg.build(src)
    except InputError:
        return "refused"
    out = workdir / "out"
    export_all(G, out, formats=("turtle", "trig", "json"))
    check_exports(out, G, formats=("turtle", "trig", "json"))
    return "built"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=HOSTILE_TEXTS)
def test_fuzz_hostile_texts_never_crash_and_export_valid_rdf(nlp, text):
    with tempfile.TemporaryDirectory() as d:
        run_hostile(text, Path(d))


# --- Hostile input, the network and the terminal (issue 19): every case from invented input, ---
# --- through the real command line, 0 tracebacks, 0 network requests.                          ---

import os  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402

from typer.testing import CliRunner  # noqa: E402

from kg.cli import app  # noqa: E402

runner = CliRunner()
GOOD = "Ruritania talks\n2031-03-14\n\nRuritania struck Freedonia on Thursday.\n"


class Listener:
    """A TCP listener on 127.0.0.1 that counts every connection made to it (and answers none)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=5)
        self.sock.close()


@pytest.fixture()
def listener():
    server = Listener()
    yield server
    server.close()


@pytest.fixture(scope="module")
def small_export(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src") / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    out = tmp_path_factory.mktemp("export")
    kg.export(kg.build(src), out)
    return out


def _one_line_error(result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def _jsonld(tmp_path: Path, context) -> Path:
    path = tmp_path / "graph.jsonld"
    path.write_text(json.dumps({"@context": context, "@id": "https://w3id.org/kg-news/id/country/RU",
                                "@type": "kg:Country", "rdfs:label": "Ruritania"}), encoding="utf-8")
    return path


def test_hostile_no_request_from_query_validate_or_load(tmp_path, listener, small_export):
    """SERVICE, LOAD and remote JSON-LD contexts, aimed at a live listener: one line each, and it hears nothing."""
    cases = [
        ["query", str(small_export), f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}"],
        ["query", str(small_export), f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}/sparql> {{ ?s ?p ?o }} }}"],
        ["query", str(small_export), f"SELECT * WHERE {{ \\u0053ERVICE <{listener.url}/> {{ ?s ?p ?o }} }}"],
        ["query", str(small_export), "SELECT * WHERE { BIND(<%s/> AS ?u) SERVICE ?u { ?s ?p ?o } }" % listener.url],
        ["query", str(small_export / "graph.ttl"), f"LOAD <{listener.url}/x.ttl>", "--allow-update"],
        ["query", str(small_export / "graph.ttl"), f"INSERT DATA {{ <a:b> <a:c> 1 }} ; LOAD <{listener.url}/x.ttl>",
         "--allow-update"],
    ]
    for args in cases:
        _one_line_error(runner.invoke(app, args), 2, "--allow-network")
    remote = {"url": f"{listener.url}/context.jsonld", "list": [{"kg": "https://w3id.org/kg-news/ontology#"},
                                                                 f"{listener.url}/c.jsonld"],
              "import": {"@import": f"{listener.url}/c.jsonld"}, "relative": "context.jsonld"}
    for name, context in remote.items():
        d = tmp_path / name
        d.mkdir()
        path = _jsonld(d, context)
        with pytest.raises(InputError, match="is not kg's own; kg runs offline"):
            kg.load(path)
        _one_line_error(runner.invoke(app, ["query", str(path), "SELECT * WHERE { ?s ?p ?o }"]), 2, "runs offline")
        _one_line_error(runner.invoke(app, ["validate", str(path)]), 2, "runs offline")
    assert listener.connections == 0


def test_hostile_jsonld_with_kg_context_iri_loads_and_an_unmapped_one_is_refused(tmp_path):
    from kg.rdf import CONTEXT_IRI

    G = kg.load(_jsonld(tmp_path, CONTEXT_IRI))
    assert G.nodes["country/RU"]["label"] == "Ruritania"
    empty = tmp_path / "empty.jsonld"
    empty.write_text(json.dumps({"@context": {}, "label": "Ruritania", "type": "Country"}), encoding="utf-8")
    with pytest.raises(InputError, match="holds no RDF triples"):
        kg.load(empty)  # never an empty graph without a word
    foreign = tmp_path / "foreign.ttl"
    foreign.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="nothing in the kg ontology"):
        kg.load(foreign)


def test_hostile_service_with_allow_network_fails_in_one_line(small_export):
    port = Listener()  # bound, then closed: nothing listens there
    port.close()
    for query in ("SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }", f"SELECT * WHERE {{ SERVICE <{port.url}/> {{ ?s ?p ?o }} }}"):
        _one_line_error(runner.invoke(app, ["query", str(small_export), query, "--allow-network"]), 2)


def _hostile_inputs(d: Path) -> dict[str, str]:
    """Crafted bad inputs in one folder: file name -> the fragment of its one error line."""
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "feed.jsonl").write_text('{"text": "Freedonia condemned Ruritania."}\n' + "[" * 1_000 + "]" * 1_000 + "\n",
                                  encoding="utf-8")
    (d / "deep.html").write_text("<div>" * 200_000 + "Ruritania struck Freedonia." + "</div>" * 200_000, encoding="utf-8")
    (d / "wide.html").write_text("Ruritania struck Freedonia." + "<br>" * 600_000, encoding="utf-8")
    os.symlink("missing.txt", d / "dangling.txt")
    os.symlink("loop-b", d / "loop-a")
    os.symlink("loop-a", d / "loop-b")
    (d / "sub").mkdir()
    os.symlink("..", d / "sub" / "parent")
    os.mkfifo(d / "pipe.txt")
    (d / "esc\x1b]0;pwned\x07.txt").write_bytes(b"")
    (d / "nul.txt").write_bytes(b"Ruritania\x00struck")
    (d / "ATTRIBUTION.md").write_text("Zenda expelled a diplomat of Freedonia.\n", encoding="utf-8")
    return {"feed.jsonl:2": "JSON nested too deeply", "deep.html": "HTML nested over 1,000 elements deep",
            "wide.html": "HTML page has over 500,000 tags", "dangling.txt": "dangling symlink",
            "loop-a": "symlink loop", "loop-b": "symlink loop", "sub/parent": "symlink loop (points back",
            "pipe.txt": "a FIFO", "esc\\x1b]0;pwned\\x07.txt": "file is empty", "nul.txt": "binary file"}


def test_hostile_folder_builds_the_good_articles_and_reports_each_bad_one_in_one_line(tmp_path):
    d = tmp_path / "corpus"
    expected = _hostile_inputs(d)
    out = tmp_path / "exports [draft]" / "x/[/y]"
    result = runner.invoke(app, ["build", str(d), "--out", str(out), "--no-cache"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "\x1b" not in result.output and "\x07" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(expected)
    for name, fragment in expected.items():
        assert any(line.startswith(f"error: {d}/{name}:") and fragment in line for line in errors), name
    assert "skipped 1 file: ATTRIBUTION.md (not an article; --include to read it)" in result.stderr
    assert result.stdout.startswith("2 articles; ") and f"open {out / 'graph.html'} in a browser" in result.stdout
    assert set(kg.load(out).graph["articles"]) == {"good", "feed-1"}


def test_hostile_push_never_prints_a_password_and_sends_it_as_basic_auth(tmp_path, small_export):
    import base64
    import http.server

    seen: list[str] = []

    class Store(http.server.BaseHTTPRequestHandler):
        def do_PUT(self):  # noqa: N802 - the http.server interface
            seen.append(self.headers.get("Authorization", ""))
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(401)
            self.end_headers()

        do_POST = do_PUT

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Store)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = f"http://alice:s3cr%3Aet@127.0.0.1:{httpd.server_port}/store"
        result = runner.invoke(app, ["push", str(small_export), "--endpoint", endpoint])
    finally:
        httpd.shutdown()
        thread.join(timeout=5)
    _one_line_error(result, 2, "answered 401")
    assert "s3cr" not in result.output
    assert seen and seen[0] == "Basic " + base64.b64encode(b"alice:s3cr:et").decode()


def test_hostile_query_output_cannot_drive_the_terminal(small_export):
    q = 'SELECT ?x WHERE { BIND("\\u001b]0;pwned\\u0007\\u001b[2J\\r\\u009b31m\\u202e" AS ?x) }'
    for fmt in ("table", "csv", "json"):
        result = runner.invoke(app, ["query", str(small_export), q, "--format", fmt])
        assert result.exit_code == 0, result.output
        assert not any(c in result.output for c in "\x1b\x07\r\x9b\u202e"), fmt


def _kg(*args: str, cwd: Path) -> "subprocess.CompletedProcess[str]":
    """The real ``kg`` entry point in a fresh process (what a shell user runs), stdout a pipe."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)


def test_hostile_command_line_in_a_real_process_exit_codes_and_no_traceback(tmp_path, small_export):
    """Each command given bad input in a fresh process: the documented exit code, one error line, no traceback."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    os.mkfifo(tmp_path / "q.rq")
    cases = [
        (["build", "a.txt", "--out", "out0", "--no-cache"], 0, None),
        (["build", "a.txt", "empty.txt", "--out", "out1", "--no-cache"], 1, "file is empty"),
        (["build", "empty.txt", "--out", "out2", "--no-cache"], 2, "file is empty"),
        (["build", "a.txt", "--out", "blocker/x", "--no-cache"], 2, "is a file, not a folder"),
        (["build", "a.txt", "--workers", "0"], 2, None),
        (["query", str(small_export), "timline"], 2, "did you mean timeline?"),
        (["query", str(small_export), "q.rq"], 2, "not a regular file"),
        (["query", str(small_export), "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"], 2,
         "--allow-network"),
        (["query", str(small_export), "SELECT * WHERE { SERVICE ?x { ?s ?p ?o } }", "--allow-network"], 2, "unbound"),
        (["query", "http://u:pw-9f3@127.0.0.1:1/query", "ASK {}"], 2, "cannot reach the endpoint"),
        (["validate", "blocker"], 2, "unknown export format"),
        (["push", str(small_export), "--endpoint", "ftp://u:pw-9f3@127.0.0.1/"], 2, "not an http(s) URL"),
    ]
    for args, code, fragment in cases:
        result = _kg(*args, cwd=tmp_path)
        assert result.returncode == code, (args, result.stderr)
        assert "Traceback" not in result.stderr and "pw-9f3" not in result.stdout + result.stderr, args
        if fragment is not None:
            errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
            assert len(errors) == 1 and fragment in errors[0], (args, result.stderr)
    assert (tmp_path / "out1" / "graph.ttl").is_file() and not (tmp_path / "out2").exists()
