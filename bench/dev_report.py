"""Per-type and per-predicate scores on the development set (../shared/dev), for the README and closing notes.

Runs `kg build --fresh` on every development article, then scores with the set's own score.py
functions, broken down by gold entity type and by predicate (strict matching).
Usage: python bench/dev_report.py [--set ../shared/dev]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default=str(ROOT.parent / "shared" / "dev"))
    args = ap.parse_args()
    root = Path(args.set)
    spec = importlib.util.spec_from_file_location("score", root / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    kg = [str(Path(sys.executable).with_name("kg")), "build", "--fresh"]
    ent = {k: Counter() for k in ("tp", "pred", "gold")}
    rel = {k: Counter() for k in ("tp_pred", "pred", "tp_gold", "gold")}
    for gold_path in sorted((root / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text())
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([*kg, str(root / "articles" / f"{gold_path.stem}.txt"), "--out", tmp], capture_output=True, check=True)
            ents, rels = score.read_prediction(Path(tmp) / "graph.ttl")
        gnames, _ = score.gold_index(gold)
        gtype = {e["name"]: e["type"] for e in gold["entities"]}
        for e in gold["entities"]:
            ent["gold"][e["type"]] += 1
        matched = set()
        for iri, e in ents.items():
            for t in e["types"]:
                ent["pred"][t] += 1
            hits = {g for g, ns in gnames.items() if e["names"] & ns and gtype[g] in e["types"]}
            for g in hits - matched:
                ent["tp"][gtype[g]] += 1
            matched |= hits
        pmap = {iri: {g for g, ns in gnames.items() if e["names"] & ns} or {iri} for iri, e in ents.items()}
        pred = {(a, p, b) for s, p, o in rels for a in pmap[s] for b in pmap[o]}
        grels = list(dict.fromkeys((r["subject"], r["predicate"], r.get("object")) for r in gold["relations"]))

        def hit(t, g):
            return t[1] == g[1] and (t[0] == g[0] and (g[2] is None or g[2] == t[2])
                                     or g[1] in score.SYMMETRIC and t[0] == g[2] and t[2] == g[0])
        for t in pred:
            rel["pred"][t[1]] += 1
            rel["tp_pred"][t[1]] += any(hit(t, g) for g in grels)
        for g in grels:
            rel["gold"][g[1]] += 1
            rel["tp_gold"][g[1]] += any(hit(t, g) for t in pred)

    def prf(tp_p, n_p, tp_g, n_g):
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / n_g if n_g else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    print("| entity type | precision | recall | F1 | gold |\n|---|---|---|---|---|")
    for t in sorted(ent["gold"]):
        p, r, f = prf(ent["tp"][t], ent["pred"][t], ent["tp"][t], ent["gold"][t])
        print(f"| {t} | {p:.2f} | {r:.2f} | {f:.2f} | {ent['gold'][t]} |")
    print("\n| predicate (strict) | precision | recall | F1 | gold |\n|---|---|---|---|---|")
    for k in sorted(set(rel["gold"]) | set(rel["pred"])):
        p, r, f = prf(rel["tp_pred"][k], rel["pred"][k], rel["tp_gold"][k], rel["gold"][k])
        print(f"| {k} | {p:.2f} | {r:.2f} | {f:.2f} | {rel['gold'][k]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
