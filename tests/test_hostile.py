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
from kg.export import export_all

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
            assert nx.utils.graphs_equal(nx.node_link_graph(data, edges="edges", source="from", target="to"), G)
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
