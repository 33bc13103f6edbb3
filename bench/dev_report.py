"""Accuracy tables for the README: development and validation sets side by side, aggregate only.

Builds every article of each set in this process (one spaCy load), scores it with the set's own
``score.py`` functions, and prints markdown tables: totals, per entity type and per predicate (strict),
and the precision of direct-triple edges by confidence band. Validation sets are read for their totals
only: nothing here prints an article, a sentence or a name.
Usage: python bench/dev_report.py [--sets ../shared/dev ../shared/val]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]  # bench/html.py is not the stdlib's
BANDS = ((0.0, 0.5, "< 0.5"), (0.5, 0.8, "0.5-0.8"), (0.8, 1.01, ">= 0.8"))


def _score_module(root: Path):
    """The set's own score.py, or the development set's (the validation, checklist and invented sets use that one)."""
    candidates = (root / "score.py", root.parent / "dev" / "score.py", ROOT.parent / "shared" / "dev" / "score.py")
    path = next((p for p in candidates if p.exists()), candidates[-1])
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(root: Path) -> dict[str, Counter]:
    """Counts for one annotated set: entity and relation hits per type and predicate, confidence bands."""
    import kg
    from kg.rdf import node_iri, to_rdf
    from kg.schema import DIRECT_MODALITIES

    score = _score_module(root)
    c = {k: Counter() for k in ("tp", "pred", "gold", "tp_pred", "rpred", "tp_gold", "rgold", "band_ok", "band_n", "total")}
    for gold_path in sorted((root / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text())
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"{gold_path.stem}.txt"
            src.write_text((root / "articles" / f"{gold_path.stem}.txt").read_text())
            G = kg.build([src])
            ttl = Path(tmp) / "graph.ttl"
            ttl.write_text(to_rdf(G).serialize(format="turtle"))
            ents, rels = score.read_prediction(ttl)
        for k, v in score.score_article(gold, ents, rels).items():
            c["total"].update({f"{k}.{i}": x for i, x in enumerate(v)})
        gnames, _ = score.gold_index(gold)
        gtype = {e["name"]: e["type"] for e in gold["entities"]}
        c["gold"].update(e["type"] for e in gold["entities"])
        matched: set[str] = set()
        for e in ents.values():
            c["pred"].update(e["types"])
            hits = {g for g, ns in gnames.items() if e["names"] & ns and gtype[g] in e["types"]}
            c["tp"].update(gtype[g] for g in hits - matched)
            matched |= hits
        pmap = {iri: {g for g, ns in gnames.items() if e["names"] & ns} or {iri} for iri, e in ents.items()}
        pred = {(a, p, b) for s, p, o in rels for a in pmap[s] for b in pmap[o]}
        grels = list(dict.fromkeys((r["subject"], r["predicate"], r.get("object")) for r in gold["relations"]))

        def hit(t, g):
            return t[1] == g[1] and (t[0] == g[0] and (g[2] is None or g[2] == t[2])
                                     or g[1] in score.SYMMETRIC and t[0] == g[2] and t[2] == g[0])

        for t in pred:
            c["rpred"][t[1]] += 1
            c["tp_pred"][t[1]] += any(hit(t, g) for g in grels)
        for g in grels:
            c["rgold"][g[1]] += 1
            c["tp_gold"][g[1]] += any(hit(t, g) for t in pred)
        best: dict[tuple[str, str, str], float] = {}
        for u, v, d in G.edges(data=True):
            if d["modality"] in DIRECT_MODALITIES:
                key = (str(node_iri(u)), score.pred_key(d["predicate"]), str(node_iri(v)))
                best[key] = max(best.get(key, 0.0), d["confidence"])
        for (s, p, o), conf in best.items():
            ok = any(hit((a, p, b), g) for a in pmap.get(s, {s}) for b in pmap.get(o, {o}) for g in grels)
            band = next(name for lo, hi, name in BANDS if lo <= conf < hi)
            c["band_n"][band] += 1
            c["band_ok"][band] += ok
    return c


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", nargs="+", default=[str(ROOT.parent / "shared" / s) for s in ("dev", "val")])
    args = ap.parse_args()
    roots = [Path(s) for s in args.sets]
    counts = {r.name: measure(r) for r in roots}
    names = list(counts)
    head = " | ".join(f"{n} P / R / F1" for n in names)
    print(f"| measure | {head} |\n|---|" + "---|" * len(names))
    for label, key in (("typed entities", "typed"), ("relations, strict", "strict"), ("relations, lenient", "lenient")):
        cells = []
        for n in names:
            t = counts[n]["total"]
            p, r, f = _prf(t[f"{key}.0"], t[f"{key}.1"], t[f"{key}.2"], t[f"{key}.3"])
            cells.append(f"{p:.2f} / {r:.2f} / **{f:.2f}**")
        print(f"| {label} | {' | '.join(cells)} |")
    print(f"\n| entity type | {' | '.join(f'{n} F1 (gold)' for n in names)} |\n|---|" + "---|" * len(names))
    for t in sorted(set().union(*(counts[n]["gold"] for n in names))):
        cells = []
        for n in names:
            c = counts[n]
            cells.append(f"{_prf(c['tp'][t], c['pred'][t], c['tp'][t], c['gold'][t])[2]:.2f} ({c['gold'][t]})")
        print(f"| {t} | {' | '.join(cells)} |")
    print(f"\n| predicate (strict) | {' | '.join(f'{n} P / R / F1 (gold)' for n in names)} |\n|---|" + "---|" * len(names))
    for k in sorted(set().union(*(set(counts[n]["rgold"]) | set(counts[n]["rpred"]) for n in names))):
        cells = []
        for n in names:
            c = counts[n]
            p, r, f = _prf(c["tp_pred"][k], c["rpred"][k], c["tp_gold"][k], c["rgold"][k])
            cells.append(f"{p:.2f} / {r:.2f} / {f:.2f} ({c['rgold'][k]})")
        print(f"| {k} | {' | '.join(cells)} |")
    print(f"\n| edge confidence | {' | '.join(f'{n} precision (edges)' for n in names)} |\n|---|" + "---|" * len(names))
    for _, _, band in BANDS:
        cells = []
        for n in names:
            ok, tot = counts[n]["band_ok"][band], counts[n]["band_n"][band]
            cells.append(f"{ok / tot:.2f} ({tot})" if tot else "- (0)")
        print(f"| {band} | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
