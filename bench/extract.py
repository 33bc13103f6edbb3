"""What extraction costs after the parse, as a share of the parse, in one process.

Usage: .venv/bin/python bench/extract.py [--articles N] [--rounds R]

Parses N Wikinews articles of ../shared/corpus/wikinews once with kg's pipeline (``kg.pipeline.parse``, the
same batches a build uses), then times extracting them (mentions, resolution, relations and frames:
``kg.pipeline.extract_article``), and prints extraction CPU time over parse CPU time (median of R rounds of
extraction). In a build the workers do both, so this share is what kg adds to bare spaCy before the graph.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    from kg.inputs import read_inputs
    from kg.nlp import load_nlp
    from kg.pipeline import extract_article, parse

    files = sorted(WIKINEWS.glob("wikinews-*.txt"))[: args.articles]
    if not files:
        sys.exit(f"{WIKINEWS}: no wikinews-*.txt; this benchmark needs ../shared/corpus/wikinews")
    nlp = load_nlp(None)
    articles = list(read_inputs(files))
    start = time.process_time()
    docs = list(parse(nlp, articles))
    parsed = time.process_time() - start
    rounds = []
    for _ in range(args.rounds):
        start = time.process_time()
        for doc, article in docs:
            extract_article(doc, article)
        rounds.append(time.process_time() - start)
    extracted = statistics.median(rounds)
    print(f"{len(docs)} articles: parse {parsed:.2f} s, extraction {extracted:.2f} s (CPU, median of {args.rounds}); "
          f"extraction = {extracted / parsed:.1%} of the parse")


if __name__ == "__main__":
    main()
