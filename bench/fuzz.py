"""Fuzz the real build with hostile article texts: kg.build + export + re-parse + SHACL, N examples.

Usage: .venv/bin/python bench/fuzz.py [N] [--seed S]

Uses the same text strategy and checks as ``tests/test_hostile.py``; prints how many examples ran,
how many kg refused as unreadable input (empty, binary: a clean InputError), and every crash with
its input and traceback.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/html.py would shadow the standard library's html package (networkx imports html.entities).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=200, help="examples to run")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    from kg.nlp import load_nlp
    from test_hostile import HOSTILE_TEXTS, run_hostile

    load_nlp()
    counts = {"built": 0, "refused": 0, "crashed": 0}
    crashes: list[tuple[str, str]] = []

    @hseed(args.seed)
    @settings(max_examples=args.n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(text=HOSTILE_TEXTS)
    def one(text: str) -> None:
        with tempfile.TemporaryDirectory() as d:
            try:
                counts[run_hostile(text, Path(d))] += 1
            except Exception:  # noqa: BLE001 - every crash is collected and reported
                counts["crashed"] += 1
                crashes.append((text, traceback.format_exc()))

    start = time.perf_counter()
    one()
    seconds = time.perf_counter() - start
    ran = sum(counts.values())
    print(f"{ran} examples in {seconds:.0f} s: {counts['built']} built, {counts['refused']} refused as bad input, "
          f"{counts['crashed']} crashed")
    for text, tb in crashes:
        print(f"\ncrash on input {text[:500]!r} ({len(text)} chars):\n{tb}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
