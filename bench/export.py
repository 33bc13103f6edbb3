"""kg's RDF exports of the Wikinews graph against rdflib's serializers of the same triples, same process.

Usage: .venv/bin/python bench/export.py [--graph PICKLE] [--rounds R]

The graph is the 295-article Wikinews build (../shared/corpus/wikinews), built once with a cache and
pickled to /tmp (``--graph`` reuses the pickle). Each round times, for Turtle, TriG and JSON-LD:

* kg: the export function ``kg build`` calls (``kg/writers.py``), from the networkx graph to bytes,
  triple generation included;
* rdflib: ``serialize()`` of the rdflib Graph/Dataset holding the same triples (``to_rdf``/``to_trig``),
  built beforehand and not timed, so rdflib gets a head start.

Times are CPU seconds of this process (the machine is shared; wall time would measure the neighbours).
Rounds alternate kg and rdflib; the median of each is printed with the ratio rdflib / kg
(acceptance: TriG >= 10x, total >= 5x), then the three kg writers as ``kg build`` runs them (one
conversion of the graph shared), and the old writer's cost (rdflib graph building included).
"""
from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"


def _graph(path: Path):
    if path.is_file():
        return pickle.loads(path.read_bytes())
    import kg

    G = kg.build([WIKINEWS], workers=2, cache=path.with_suffix(".cache"))
    path.write_bytes(pickle.dumps(G))
    return G


def _time(fn) -> float:
    # CPU time of this process: the machine is shared, and wall time there measures the neighbours.
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--graph", type=Path, default=Path("/tmp/kg-bench-wikinews.pkl"))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from kg.rdf import context, to_rdf, to_trig
    from kg.writers import to_jsonld, to_trig_bytes, to_turtle

    G = _graph(args.graph)
    g, ds = to_rdf(G), to_trig(G)
    print(f"graph: {len(G.graph['articles'])} articles, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, "
          f"{len(g)} triples, {sum(1 for _ in ds.quads((None, None, None, None)))} quads")
    kg_fns = {"turtle": to_turtle, "trig": to_trig_bytes, "jsonld": to_jsonld}
    rdflib_fns = {"turtle": lambda: g.serialize(format="turtle"), "trig": lambda: ds.serialize(format="trig"),
                  "jsonld": lambda: g.serialize(format="json-ld", context=context(), indent=1)}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.rounds):
        for name in kg_fns:
            times.setdefault(("kg", name), []).append(_time(lambda: kg_fns[name](G)))
            times.setdefault(("rdflib", name), []).append(_time(rdflib_fns[name]))
        times.setdefault(("kg", "set"), []).append(_time(lambda: _all(G, kg_fns)))
        times.setdefault(("rdflib", "graphs"), []).append(_time(lambda: (to_rdf(G), to_trig(G))))
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{'format':8} {'kg s':>8} {'rdflib s':>9} {'ratio':>7}   (CPU seconds, median of {args.rounds} alternating rounds)")
    for name in kg_fns:
        print(f"{name:8} {med[('kg', name)]:8.3f} {med[('rdflib', name)]:9.3f} "
              f"{med[('rdflib', name)] / med[('kg', name)]:6.1f}x")
    kg_sum = sum(med[("kg", n)] for n in kg_fns)
    rdflib_sum = sum(med[("rdflib", n)] for n in kg_fns)
    print(f"{'total':8} {kg_sum:8.3f} {rdflib_sum:9.3f} {rdflib_sum / kg_sum:6.1f}x   "
          "(each kg format on its own, from the networkx graph)")
    print(f"{'set':8} {med[('kg', 'set')]:8.3f} {rdflib_sum:9.3f} {rdflib_sum / med[('kg', 'set')]:6.1f}x   "
          "(the three as `kg build` writes them: one conversion shared)")
    old = rdflib_sum + med[("rdflib", "graphs")]
    print(f"rdflib's serializers plus building their Graph and Dataset (the writer before): {old:.3f} s, "
          f"{old / med[('kg', 'set')]:.1f}x the kg set")


def _all(G, fns) -> None:
    from kg.writers import shared

    with shared(G):
        for fn in fns.values():
            fn(G)


if __name__ == "__main__":
    main()
