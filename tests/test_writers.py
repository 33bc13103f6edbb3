"""kg.writers: the fast writers give rdflib's writer's triples, read back losslessly, and the same bytes every time."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.rdf import from_rdf, to_rdf, to_trig
from kg.writers import shared, to_jsonld, to_nquads, to_ntriples, to_trig_bytes, to_turtle
from test_rdf import assert_same_graph, kg_graphs, read_graph

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev" / "articles"

WRITERS = {"turtle": to_turtle, "nt": to_ntriples, "json-ld": to_jsonld}


def quads_by_graph(ds: Dataset) -> dict[str, set]:
    """Every named graph's triples (the default graph under ""), for comparing datasets."""
    out: dict[str, set] = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = "" if g is None or g == ds.default_graph.identifier or str(g).startswith("urn:x-rdflib:") else str(g)
        out.setdefault(name, set()).add((s, p, o))
    return out


def assert_same_as_rdflib_writer(G: nx.MultiDiGraph) -> None:
    reference = to_rdf(G)
    for fmt, write in WRITERS.items():
        g = Graph().parse(data=write(G), format=fmt)
        assert isomorphic(g, reference), fmt
        assert_same_graph(G, from_rdf(g))
    expected = quads_by_graph(to_trig(G))
    for fmt, write in (("trig", to_trig_bytes), ("nquads", to_nquads)):
        ds = Dataset()
        ds.parse(data=write(G), format=fmt)
        assert quads_by_graph(ds) == expected, fmt


def test_writers_give_the_rdflib_writers_triples(tmp_path):
    assert_same_as_rdflib_writer(read_graph("ruritania"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kg_graphs())
def test_writers_give_the_rdflib_writers_triples_for_any_graph(G):
    assert_same_as_rdflib_writer(G)


def test_writers_match_the_rdflib_writer_on_a_multi_article_build():
    """Real model: real articles (the dev set, used as input only), built by the real pipeline."""
    import kg

    files = sorted(DEV.glob("*.txt"))[:6]
    assert len(files) == 6
    G = kg.build(files)
    assert len(G.graph["articles"]) == 6 and G.number_of_edges() > 0
    assert_same_as_rdflib_writer(G)


def test_writers_bytes_do_not_depend_on_insertion_order():
    G = read_graph("ruritania")
    shuffled = nx.MultiDiGraph(articles=dict(reversed(G.graph["articles"].items())))
    shuffled.add_nodes_from(reversed(list(G.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    for write in (to_turtle, to_trig_bytes, to_ntriples, to_nquads, to_jsonld):
        assert write(shuffled) == write(G)
        with shared(G):  # the shared conversion gives the same bytes as a writer on its own
            assert write(G) == write(shuffled)


def test_writers_lines_and_subjects_are_sorted_with_no_blank_nodes():
    G = read_graph("ruritania")
    lines = to_ntriples(G).decode().splitlines()
    assert lines == sorted(lines) and len(lines) == len(to_rdf(G))
    subjects = list(dict.fromkeys(line.split(" ", 1)[0][1:-1] for line in lines))
    text = to_turtle(G).decode()
    prefixes = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert prefixes == sorted(prefixes)
    expand = {line.split()[1]: line.split()[2][1:-1] for line in prefixes}

    def iri(token: str) -> str:
        if token.startswith("<"):
            return token[1:-1]
        prefix, local = token.split(":", 1)
        return expand[prefix + ":"] + local.replace("\\", "")

    written = [iri(line.split(" ", 1)[0]) for line in text.splitlines()
               if line and not line[0].isspace() and not line.startswith("@prefix")]
    assert written == subjects
    for write in (to_turtle, to_trig_bytes, to_ntriples, to_nquads, to_jsonld):
        assert b"_:" not in write(G)


def test_writers_two_builds_are_byte_identical(seed_graph, tmp_path):
    """Real model. ``kg build`` in a fresh process (another hash seed, another set order) writes the same bytes."""
    import kg

    first = tmp_path / "first"
    kg.export(seed_graph, first)
    second = tmp_path / "second"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(second), "--no-cache"],
                   check=True, env=env, capture_output=True)
    names = sorted(p.name for p in first.iterdir() if not p.name.startswith("."))
    assert names == sorted(p.name for p in second.iterdir() if not p.name.startswith("."))
    assert {"graph.ttl", "graph.trig", "graph.jsonld"} <= set(names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
