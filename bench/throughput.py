"""Throughput of ``kg build`` against bare spaCy ``nlp.pipe``, peak memory, and the incremental re-run.

Usage: .venv/bin/python bench/throughput.py [--large N] [--workers W]

Corpora:
* ``wikinews``: the 295 real articles of ../shared/corpus/wikinews (``*.txt``).
* ``large``: N articles (default 10,000) generated from them: the 295 texts repeated in turn, each
  copy with a line "(copy K)" appended, so every article has its own text and cache key while the
  language stays real.

For each corpus, in separate subprocesses (so each peak RSS is its own): the whole ``kg build``
(``build_graph(workers=W)``, no cache, then ``export_all`` writing every export) and bare ``nlp.pipe(texts, n_process=W, batch_size=16)`` with
the same model (``spacy.load``, no kg components) over the same texts. Prints articles/s of each,
their ratio (kg / bare), and peak RSS summed over the main process and its workers (sampled).
With ``--rounds R`` each corpus is run R times as alternating (kg, bare) pairs and the median ratio
is printed too: this machine's speed drifts over minutes, and alternating puts the drift on both sides.
Then the incremental case, with the whole ``kg build`` command (every export written) in fresh
processes, so imports and model loads count: the 295 articles built cold with a cache, re-run
unchanged, and re-run with one new article; the last is printed as a share of the cold build.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/html.py would shadow the standard library's html package (networkx imports html.entities).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
WIKINEWS = ROOT.parent / "shared" / "corpus" / "wikinews"


class _Sampler(threading.Thread):
    """Peak RSS of this process and all its descendants (pool workers are grandchildren under
    forkserver, so getrusage(RUSAGE_CHILDREN) would miss them): sampled every 0.2 s with psutil."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.total = self.largest = 0.0

    def run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.stop.wait(0.2):
            sizes = []
            for proc in [me, *me.children(recursive=True)]:
                try:
                    sizes.append(proc.memory_info().rss / 2**20)
                except psutil.Error:
                    pass
            self.total = max(self.total, sum(sizes))
            self.largest = max(self.largest, max(sizes, default=0.0))


def _run_one(mode: str, listing: Path, workers: int, cache: str) -> dict:
    sampler = _Sampler()
    sampler.start()
    files = [f for f in listing.read_text(encoding="utf-8").split("\n") if f]
    start = time.perf_counter()
    if mode == "kg":
        from kg.pipeline import build_graph

        from kg.exports import export_all

        G = build_graph(files, workers=workers, cache=cache or None)
        built = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="kg-bench-out-") as out:
            export_all(G, out)  # the whole `kg build`: every export written
        n = len(G.graph["articles"])
        extra = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                 "export_seconds": time.perf_counter() - built}
    else:
        import spacy

        from kg.nlp import DEFAULT_MODEL

        nlp = spacy.load(DEFAULT_MODEL)
        texts = (Path(f).read_text(encoding="utf-8") for f in files)
        n = sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=16))
        extra = {}
    seconds = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"mode": mode, "articles": n, "seconds": seconds, "rate": n / seconds, "rss_main_mib": own,
            "rss_total_mib": max(sampler.total, own), "rss_largest_mib": max(sampler.largest, own), **extra}


def _spawn(mode: str, files: list[Path], workers: int, tmp: Path, cache: Path | None = None) -> dict:
    listing = tmp / f"{mode}-{len(files)}.list"
    listing.write_text("\n".join(map(str, files)), encoding="utf-8")
    cmd = [sys.executable, __file__, "--one", mode, "--list", str(listing), "--workers", str(workers)]
    if cache is not None:
        cmd += ["--cache", str(cache)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{mode} run failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _cli(corpus: Path, out: Path, cache: Path, workers: int) -> float:
    """Wall seconds of ``kg build CORPUS --out OUT --cache CACHE --workers W`` in a fresh process."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--cache", str(cache),
                             "--workers", str(workers)], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"kg build failed:\n{result.stderr[-3000:]}")
    return seconds


def _large(sources: list[Path], n: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sources]
    files = []
    for k in range(n):
        f = folder / f"copy-{k:05d}.txt"
        f.write_text(f"{texts[k % len(texts)].rstrip()}\n\n(copy {k})\n", encoding="utf-8")
        files.append(f)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=int, default=10_000, help="articles in the generated corpus (0 to skip)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="alternating (kg, bare) pairs per corpus; median ratio")
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--only-incremental", action="store_true", help="skip the throughput runs")
    parser.add_argument("--skip-wikinews", action="store_true", help="throughput of the generated corpus only")
    parser.add_argument("--one", choices=["kg", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--list", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_run_one(args.one, args.list, args.workers, args.cache)))
        return 0

    sources = sorted(WIKINEWS.glob("wikinews-*.txt"))
    if not sources:
        sys.exit(f"{WIKINEWS}: no wikinews-*.txt; this benchmark needs ../shared/corpus/wikinews")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as d:
        tmp = Path(d)
        corpora = [] if args.skip_wikinews else [("wikinews", sources)]
        if args.large and not args.only_incremental:
            corpora.append((f"large-{args.large}", _large(sources, args.large, tmp / "large")))
        print(f"workers={args.workers}")
        for name, files in [] if args.only_incremental else corpora:
            ratios = []
            for _ in range(max(1, args.rounds)):
                kg_run = _spawn("kg", files, args.workers, tmp)
                bare = _spawn("bare", files, args.workers, tmp)
                ratios.append(kg_run["rate"] / bare["rate"])
                print(f"{name}: {len(files)} articles | kg {kg_run['rate']:.2f} articles/s ({kg_run['seconds']:.0f} s "
                      f"with every export, of which exports {kg_run['export_seconds']:.1f} s; "
                      f"{kg_run['nodes']} nodes, {kg_run['edges']} edges) | bare nlp.pipe {bare['rate']:.2f} articles/s "
                      f"({bare['seconds']:.0f} s) | ratio {kg_run['rate'] / bare['rate']:.2f} | peak RSS, all processes: kg "
                      f"{kg_run['rss_total_mib']:.0f} MiB (main {kg_run['rss_main_mib']:.0f}, largest process "
                      f"{kg_run['rss_largest_mib']:.0f}); bare {bare['rss_total_mib']:.0f} MiB", flush=True)
            if len(ratios) > 1:
                print(f"{name}: median ratio over {len(ratios)} alternating rounds {statistics.median(ratios):.2f} "
                      f"(each: {', '.join(f'{r:.2f}' for r in ratios)})", flush=True)
        if args.skip_incremental:
            return 0

        corpus = tmp / "incremental"
        corpus.mkdir()
        for f in sources:
            shutil.copy(f, corpus / f.name)
        cache, out = tmp / "cache", tmp / "exports"
        cold = _cli(corpus, out, cache, args.workers)
        again = _cli(corpus, out, cache, args.workers)
        new = corpus / "new-article.txt"
        new.write_text(sources[0].read_text(encoding="utf-8") + "\n(new)\n", encoding="utf-8")
        one = _cli(corpus, out, cache, args.workers)
        print(f"incremental, whole `kg build --workers {args.workers}` with every export, wall clock of a fresh "
              f"process: cold {cold:.2f} s; unchanged re-run {again:.2f} s; one new article among {len(sources)} "
              f"{one:.2f} s = {one / cold:.1%} of the cold build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
