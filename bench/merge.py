"""Merge cost per 1,000 articles as the graph grows: ``graph.add_article`` over synthetic article records.

Usage: .venv/bin/python bench/merge.py [--articles 20000] [--step 1000]

Each synthetic article (invented names, no parse) holds six entities: one that every article
mentions (the popular entity whose article list grew quadratically before), one of 50 common ones,
and four of its own, with three relations. Articles are merged in order; the CPU time of each block
of ``--step`` articles is printed with its ratio to the first block (acceptance: within 2x up to
20,000 articles).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]


def records(i: int, rng: random.Random):
    from kg.schema import Article, Entity, Evidence, Relation

    article = Article(id=f"synthetic-{i:06d}", path=f"synthetic-{i:06d}.txt", text="", title=f"Report {i}",
                      date="2024-03-14")
    common = rng.randrange(50)
    entities = [Entity(key="country/RR", type="Country", label="Ruritania", aliases=("Ruritanian", "Strelsau")),
                Entity(key=f"group/common-{common}", type="Group", label=f"Common Group {common}",
                       aliases=(f"CG{common}", f"CG {i % 7}"))]
    entities += [Entity(key=f"person/p-{i}-{k}", type="Official", label=f"Person {i} {k}", first_sentence="An envoy.")
                 for k in range(4)]
    relations = [Relation(subject="country/RR", predicate="struck", object=entities[k].key,
                          evidence=Evidence(article=article.id, sentence=f"Sentence {k}.", start=10 * k, end=10 * k + 9,
                                            trigger="struck", confidence=0.8)) for k in range(1, 4)]
    return article, entities, relations


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--step", type=int, default=1_000)
    args = ap.parse_args()

    from kg.graph import add_article, new_graph

    rng = random.Random(7)
    G = new_graph()
    first = None
    print(f"{'articles':>9} {'s per step':>11} {'ratio':>6}")
    for start in range(0, args.articles, args.step):
        block = [records(i, rng) for i in range(start, start + args.step)]
        t = time.process_time()
        for article, entities, relations in block:
            add_article(G, article, entities, relations)
        seconds = time.process_time() - t
        first = first or seconds
        end = start + args.step
        if end in (args.step, 2 * args.step, 5 * args.step) or end % (5 * args.step) == 0:
            print(f"{end:>9} {seconds:11.3f} {seconds / first:6.2f}")
    popular = G.nodes["country/RR"]
    assert len(popular["articles"]) == args.articles and popular["articles"] == sorted(popular["articles"])
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; the popular entity is in "
          f"{len(popular['articles'])} articles")


if __name__ == "__main__":
    main()
