"""Benchmark: the same SPARQL SELECT on pyoxigraph and on rdflib, over a ~1M-triple kg export.

How the export is made: a synthetic graph in the kg graph model (``kg/graph.py``) with N_COUNTRIES
invented countries ("country/C0001", labels "Country 1"...) and N edges; each edge gets a predicate,
modality and actor/target drawn with a fixed seed, its own article and sentence. ``kg.rdf.to_rdf``
turns it into RDF (about 22 triples per edge: event, sentence, article, direct triple) and rdflib writes
it as N-Triples to a temporary file. Both engines then load that same file, in this process, and run
the query REPEAT times; the best time of each is reported, with the ratio rdflib / oxigraph.

Run: .venv/bin/python bench/query.py [--edges 45000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

# bench/ holds other scripts (html.py) that would shadow stdlib modules when run as a script.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from kg.rdf import PREFIXES, to_rdf
from kg.schema import MODALITIES, PREDICATES

QUERY = """
SELECT ?actor (COUNT(DISTINCT ?target) AS ?targets) (COUNT(?event) AS ?strikes)
WHERE {
  ?event a kg:Event ;
         kg:predicate kg:struck ;
         kg:modality "asserted" ;
         kg:actor ?a ;
         kg:target ?target ;
         prov:wasDerivedFrom/nif:referenceContext ?article .
  ?a rdfs:label ?actor .
  ?article dcterms:date ?date .
  FILTER (?date >= "2030-06-01"^^xsd:date)
}
GROUP BY ?actor
ORDER BY DESC(?strikes) ?actor
LIMIT 10
"""


def synthetic_graph(edges: int, countries: int = 200, seed: int = 7) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    G = nx.MultiDiGraph(articles={})
    keys = [f"country/C{i:04d}" for i in range(countries)]
    for i, key in enumerate(keys):
        G.add_node(key, type="Country", label=f"Country {i}", aliases=[f"C{i}"], articles=[], mentions=0,
                   first_sentence="")
    names = sorted(PREDICATES)
    for i in range(edges):
        article = f"a{i // 3:06d}"  # three edges per article
        if article not in G.graph["articles"]:
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            G.graph["articles"][article] = {"title": f"Article {article}", "path": f"synthetic/{article}.txt",
                                            "date": f"2030-{month:02d}-{day:02d}", "url": ""}
        u, v = rng.sample(keys, 2)
        name = rng.choice(names)
        start = (i % 3) * 100
        G.add_edge(u, v, key=f"{name}:{article}:{start}:{v}", predicate=name,
                   modality=rng.choice(MODALITIES[:3]) if rng.random() < 0.3 else "asserted",
                   cameo=PREDICATES[name].cameo, plover=PREDICATES[name].plover,
                   confidence=round(rng.random(), 3), article=article,
                   sentence=f"Country {u} and Country {v}, sentence {i}.", start=start, end=start + 60,
                   trigger=name, date=G.graph["articles"][article]["date"])
        for n in (u, v):
            G.nodes[n]["mentions"] += 1
            if article not in G.nodes[n]["articles"][-1:]:
                G.nodes[n]["articles"].append(article)
    return G


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=int, default=45_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    t = time.perf_counter()
    g = to_rdf(synthetic_graph(args.edges))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nt"
        g.serialize(path, format="nt", encoding="utf-8")
        print(f"export: {len(g):,} triples from {args.edges:,} edges in {time.perf_counter() - t:.1f}s")
        del g

        t = time.perf_counter()
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
        ox_load = time.perf_counter() - t
        t = time.perf_counter()
        rg = Graph()
        rg.parse(path, format="nt")
        rdflib_load = time.perf_counter() - t
    print(f"load:   pyoxigraph {ox_load:.2f}s, rdflib {rdflib_load:.2f}s")

    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    ox_time, ox_rows = best(lambda: [[sol[i].value for i in range(3)] for sol in store.query(prologue + QUERY)],
                            args.repeat)
    rdflib_time, rdflib_rows = best(lambda: [[str(x) for x in row] for row in rg.query(prologue + QUERY)],
                                    args.repeat)
    assert ox_rows == rdflib_rows, (ox_rows[:2], rdflib_rows[:2])  # same answer, or the timing means nothing
    print(f"query:  pyoxigraph {ox_time * 1000:.1f} ms, rdflib {rdflib_time * 1000:.1f} ms "
          f"(best of {args.repeat}, {len(ox_rows)} rows)")
    print(f"ratio rdflib / oxigraph: {rdflib_time / ox_time:.1f}x")


if __name__ == "__main__":
    main()
