"""The incident decision alone: the gold reports of an event-identity set as edges, merged by kg.incidents.

The set's score.py measures extraction and identity together, and most gold reports are not extracted
yet. Here every gold report becomes an edge (its gold subject, predicate and object, its sentence and
its article's date), the entities typed from a real build of the set where it names them, and the
pairwise precision and recall of ``kg.graph.add_incidents`` are computed as score.py does (reports in
different articles, one predicate family, generic and borderline entries left out).
Usage: python bench/incidents_oracle.py [--set ../shared/incidents] [-v]
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# bench/html.py would shadow the standard library's html module (networkx imports html.entities).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
FAMILY = {"struck": "attack", "retaliated_against": "attack", "killed": "attack"}
TRIGGER = re.compile(r"strike|attack|kill|expel|expulsion|target|condemn|denounc|blame|accus|retaliat|missile")


def _name(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default=str(ROOT.parent / "shared" / "incidents"))
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    import kg
    from kg.graph import add_incidents, new_graph

    root = Path(args.set)
    gold = json.loads((root / "incidents.json").read_text(encoding="utf-8"))["incidents"]
    built = kg.build(root / "articles")
    by_name = {}
    for key, d in built.nodes(data=True):
        for name in [d["label"], *d.get("aliases", [])]:
            by_name.setdefault(_name(name), key)
    G = new_graph()
    G.graph["articles"] = dict(built.graph["articles"])

    def node(name: str, guess: str) -> str:
        key = by_name.get(_name(name)) or f"{guess.lower()}/{_name(name)}"
        if key not in G:
            G.add_node(key, **(built.nodes[key] if key in built else
                               {"type": guess, "label": name, "aliases": [], "articles": [], "mentions": 1}))
        return key

    names = {"retaliated_against": "retaliatedAgainst", "expelled_diplomat": "expelledDiplomat",
             "urged_restraint": "urgedRestraint", "recalled_ambassador": "recalledAmbassador",
             "negotiated_ceasefire": "negotiatedCeasefire"}
    reports = []
    for inc in gold:
        if inc.get("borderline") or not inc.get("subject") or not inc.get("object"):
            continue
        place = _name(inc.get("place") or "")
        u = node(inc["subject"], "Country")
        v = node(inc["object"], "Place" if _name(inc["object"]) in place else "Group")
        predicate = names.get(inc["predicate"], inc["predicate"])
        for rep in inc["reports"]:
            text = (root / "articles" / f"{rep['article']}.txt").read_text(encoding="utf-8")
            start = max(text.find(rep["sentence"]), 0)
            m = TRIGGER.search(rep["sentence"])
            key = f"{predicate}:{rep['article']}:{start}:{v}"
            G.add_edge(u, v, key=key, predicate=predicate, modality="asserted", article=rep["article"],
                       sentence=rep["sentence"], start=start, trigger=m.group(0) if m else "",
                       date=G.graph["articles"].get(rep["article"], {}).get("date", ""))
            reports.append((inc["id"], inc["predicate"], rep["article"], (u, v, key), bool(inc.get("generic"))))
    add_incidents(G)
    tp = fp = fn = 0
    for a, b in itertools.combinations([r for r in reports if not r[4]], 2):
        if a[2] == b[2] or FAMILY.get(a[1], a[1]) != FAMILY.get(b[1], b[1]):
            continue
        same_gold = a[0] == b[0]
        same_kg = G.edges[a[3]]["incident"] == G.edges[b[3]]["incident"]
        tp += same_gold and same_kg
        fp += same_kg and not same_gold
        fn += same_gold and not same_kg
        if args.v and same_gold != same_kg:
            print(f"  {'split' if same_gold else 'merged'}: {a[0]} in {a[2]} / {b[0]} in {b[2]}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"oracle reports {len(reports)}; pairs tp {tp} fp {fp} fn {fn}; precision {p:.3f} recall {r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
