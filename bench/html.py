"""Time to a stable first frame in Chromium: kg.html.to_html against pyvis's default page, 2,000 nodes.

Run: .venv/bin/python bench/html.py [--nodes 2000] [--edges 4000] [--out /tmp/kg-bench] [--kg-only]
     .venv/bin/python bench/html.py --wikinews [--timeout 120]   # the 295-article build of ../shared
     .venv/bin/python bench/html.py --graph exports/              # any export (a folder or graph.ttl)
     .venv/bin/python bench/html.py --wikinews --screenshots docs/  # the README's two pictures, then the bench

``--wikinews`` builds ../shared/corpus/wikinews/*.txt (KG_SHARED overrides ../shared) through the article
cache, so a second run starts at once; the kg page is loaded ``--rounds`` times and the median is kept.

Both pages get the same probe, inserted before </head> (after vis-network is defined, before any
network is built): it wraps ``vis.Network`` and records ``performance.now()`` (ms since navigation
start) at the first 'afterDrawing', 'stabilizationIterationsDone' and 'stabilized'. "Stable" means the
picture stops moving: for kg (layout precomputed, physics off) the first drawing; for pyvis (physics on,
never frozen) the 'stabilized' event. pyvis's default page is written with cdn_resources="in_line" so
vis-network is inlined; its Bootstrap links still point to a CDN and are aborted (and counted). Most
officials, groups and organisations get an affiliation and most places a country (kg draws these as
structural edges; pyvis's page gets the events only, as before, from the same event graph).
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

# This file is named html.py: drop its folder from sys.path so `import html` finds the standard library.
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
sys.path.insert(0, str(_HERE.parent))

import networkx as nx  # noqa: E402

from kg.html import to_html  # noqa: E402
from kg.schema import NODE_TYPES, PREDICATES  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
PROBE = """<script>(function () {
  var N = vis.Network, b = window.__bench = {};
  // Report through the console too: page.evaluate cannot run while the page's main thread is busy.
  function mark(name) { b[name] = performance.now(); console.log("__bench " + JSON.stringify(b)); }
  vis.Network = function (c, d, o) {
    var n = new N(c, d, o);
    mark("constructed");
    n.once("afterDrawing", function () { mark("firstDraw"); });
    n.once("stabilizationIterationsDone", function () { mark("iterationsDone"); });
    n.once("stabilized", function () { mark("stabilized"); });
    n.on("stabilizationProgress", function (p) { b.progress = p.iterations + "/" + p.total; mark("progressAt"); });
    return n;
  };
  vis.Network.prototype = N.prototype;
}());</script>"""


def random_graph(n_nodes: int, n_edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A graph in the kg model (kg/graph.py) with invented names, dates over 2024, a preferential-attachment shape
    and affiliations/located-in to countries."""
    rng = random.Random(seed)
    articles = {f"a{i:04d}": {"title": f"Report {i} from Ruritania", "path": f"a{i:04d}.txt",
                              "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "url": ""}
                for i in range(max(1, n_nodes // 10))}
    G = nx.MultiDiGraph(articles=articles)
    ids = list(articles)
    weights = (30, 30, 15, 15, 10)
    for i in range(n_nodes):
        ntype = rng.choices(NODE_TYPES, weights)[0]
        attrs = {"type": ntype, "label": f"{ntype} {i} of Freedonia", "aliases": [f"N{i}"],
                 "articles": sorted(rng.sample(ids, k=min(len(ids), rng.randint(1, 3)))), "mentions": rng.randint(1, 9),
                 "first_sentence": f"{ntype} {i} of Freedonia was mentioned."}
        if ntype == "Place":
            attrs["geonames"] = 1_000_000 + i
        G.add_node(f"{ntype.lower()}/{i}", **attrs)
    keys = list(G)
    preds = list(PREDICATES)
    targets = keys[:]
    for j in range(n_edges):
        u = rng.choice(keys)
        v = rng.choice(targets)  # grows the list: hubs attract more edges
        if u == v:
            continue
        targets.append(v)
        pred = rng.choice(preds)
        art = rng.choice(ids)
        attrs = {"predicate": pred, "modality": rng.choice(["asserted"] * 4 + ["threatened"]),
                 "cameo": PREDICATES[pred].cameo, "plover": PREDICATES[pred].plover,
                 "confidence": round(rng.uniform(0.4, 1.0), 3), "article": art,
                 "sentence": f"{G.nodes[u]['label']} {PREDICATES[pred].label} {G.nodes[v]['label']}.",
                 "start": j, "end": j + 40, "trigger": PREDICATES[pred].label.split()[0]}
        if rng.random() < 0.5:
            attrs["date"] = articles[art]["date"]
        G.add_edge(u, v, key=f"{pred}:{art}:{j}:{v}", **attrs)
    # Structure from its own generator, so the events (and pyvis's page) are the same as without it.
    srng = random.Random(seed + 1)
    countries = [k for k in keys if G.nodes[k]["type"] == "Country"]
    for key in keys:
        ntype = G.nodes[key]["type"]
        if ntype in ("Official", "Group", "Organization") and srng.random() < 0.7:
            G.nodes[key]["affiliation"] = srng.choice(countries)
        elif ntype == "Place" and srng.random() < 0.8:
            G.nodes[key]["located_in"] = srng.choice(countries)
    return G


def wikinews() -> nx.MultiDiGraph:
    """The 295 articles of ../shared/corpus/wikinews (.txt only: the folder also holds ATTRIBUTION.md), built
    through the default article cache."""
    import os  # noqa: PLC0415

    import kg  # noqa: PLC0415
    from kg.cache import default_dir  # noqa: PLC0415

    folder = Path(os.environ.get("KG_SHARED", _HERE.parent.parent / "shared")) / "corpus" / "wikinews"
    files = sorted(folder.glob("*.txt"))
    if not files:
        sys.exit(f"{folder}: no .txt articles; --wikinews needs ../shared/corpus/wikinews (or KG_SHARED)")
    t = time.perf_counter()
    G = kg.build(files, workers=2, cache=default_dir())
    print(f"built {len(files)} articles in {time.perf_counter() - t:.1f} s")
    return G


def screenshots(page_html: str, work: Path, folder: Path) -> None:
    """The page as a reader first sees it, and with the panel open on the edge reported by the most articles."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    path = work / "view.html"
    path.write_text(page_html, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file://", "data:")) else r.abort())
        page.goto(path.as_uri())
        while not page.evaluate("!!(window.kg && window.kg.ready)"):
            page.wait_for_timeout(100)
        page.screenshot(path=str(folder / "view-default.png"))
        page.evaluate("""() => {
            const info = kg.data.edgeInfo, ids = kg.visibleEdgeIds().sort((a, b) =>
                info[b].articles - info[a].articles || info[b].reports.length - info[a].reports.length);
            const e = kg.edges.get(ids[0]);
            kg.focusNode(e.from);
            kg.network.selectEdges([ids[0]]);
            kg.showEdge(ids[0]); }""")
        page.wait_for_timeout(300)
        page.screenshot(path=str(folder / "view-panel.png"))
        browser.close()
    print(f"screenshots: {folder / 'view-default.png'}, {folder / 'view-panel.png'}")


def pyvis_default(G: nx.MultiDiGraph) -> str:
    """The page a pyvis user gets by default: labels, titles, arrows, physics on, vis-network inlined."""
    from pyvis.network import Network

    net = Network(height="750px", width="100%", directed=True, cdn_resources="in_line")
    for key, attrs in sorted(G.nodes(data=True)):
        net.add_node(key, label=attrs["label"], title=attrs["type"])
    for u, v, _, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        net.add_edge(u, v, label=PREDICATES[attrs["predicate"]].label, title=attrs["sentence"])
    return net.generate_html()


def measure(browser, path: Path, timeout_s: float, *, wait_stabilized: bool) -> dict:
    outside: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()

    def route(r):
        if r.request.url.startswith(("file://", "data:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    seen: dict = {}

    def console(m):
        if m.type == "error":
            errors.append(m.text)
        elif m.text.startswith("__bench "):
            seen.update(json.loads(m.text[8:]))

    page.on("console", console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri(), wait_until="commit")
    # With physics off (kg's precomputed layout) 'stabilized' never fires: wait for the first drawing only.
    want = "stabilized" if wait_stabilized else "firstDraw"
    deadline = time.monotonic() + timeout_s
    while want not in seen and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    result = dict(seen)
    if not wait_stabilized:  # kg's page says when it is ready (layout frozen, placed, fitted and drawn)
        while time.monotonic() < deadline:
            ready = page.evaluate("window.kg ? window.kg.readyAt : null")
            if ready is not None:
                result["ready"] = ready
                break
            page.wait_for_timeout(100)
    result.update(outside=outside, errors=errors)
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=4000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--timeout", type=float, default=420.0)
    parser.add_argument("--kg-only", action="store_true", help="skip pyvis's default page (it takes minutes)")
    parser.add_argument("--wikinews", action="store_true", help="the 295-article Wikinews build instead of a random graph")
    parser.add_argument("--graph", type=Path, help="an export (folder or graph.ttl) instead of a random graph")
    parser.add_argument("--rounds", type=int, default=3, help="loads of the kg page; the median is reported")
    parser.add_argument("--screenshots", type=Path, help="save view-default.png and view-panel.png of the page here")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    if args.graph:
        import kg  # noqa: PLC0415

        G = kg.load(args.graph)
    elif args.wikinews:
        G = wikinews()
    else:
        G = random_graph(args.nodes, args.edges)
    structural = sum(1 for _, d in G.nodes(data=True) if "affiliation" in d or "located_in" in d)
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges, {structural} structural")
    t = time.perf_counter()
    ours = to_html(G, title=f"{len(G.graph.get('articles', {}))} articles" if args.wikinews or args.graph else "bench")
    t_ours = time.perf_counter() - t
    t = time.perf_counter()
    theirs = "" if args.kg_only else pyvis_default(G)
    t_theirs = time.perf_counter() - t
    if args.screenshots:
        screenshots(ours, args.out, args.screenshots)
    # The probe is an extra inline script; kg's CSP allows only its own hashed scripts, so drop the CSP here.
    ours = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", ours, count=1)
    pages = {"kg": ours} if args.kg_only else {"kg": ours, "pyvis": theirs}
    for name, html in pages.items():
        (args.out / f"{name}.html").write_text(html.replace("</head>", PROBE + "</head>", 1), encoding="utf-8")
    print(f"python: kg to_html {t_ours:.2f} s ({len(ours) / 1e6:.2f} MB)" + ("" if args.kg_only else
          f"; pyvis generate_html {t_theirs:.2f} s ({len(theirs) / 1e6:.2f} MB)"))

    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"])
        rounds = [measure(browser, args.out / "kg.html", args.timeout, wait_stabilized=False)
                  for _ in range(max(1, args.rounds))]
        drawn = sorted(rounds, key=lambda r: r.get("firstDraw", float("inf")))
        results = {"kg": drawn[len(drawn) // 2]}
        if len(rounds) > 1:
            print("kg first frame per round: " + ", ".join(f"{r['firstDraw'] / 1000:.2f} s" if "firstDraw" in r else "none"
                                                          for r in rounds))
        if not args.kg_only:
            results["pyvis"] = measure(browser, args.out / "pyvis.html", args.timeout, wait_stabilized=True)
        browser.close()

    for name, r in results.items():
        fields = ", ".join(f"{k} {r[k] / 1000:.2f} s" for k in ("constructed", "iterationsDone", "firstDraw", "ready", "stabilized")
                           if isinstance(r.get(k), int | float))
        progress = f"; stabilization {r['progress']} at {r['progressAt'] / 1000:.1f} s" if "progress" in r else ""
        print(f"{name:6s} {fields}{progress}; blocked requests {len(r['outside'])}; console errors {len(r['errors'])}")
    # kg's stable frame: its first drawing after the layout froze ('ready'), never before the first drawing.
    kg_stable = max((results["kg"][k] for k in ("firstDraw", "ready") if k in results["kg"]), default=None)
    stable = {"kg": kg_stable, "pyvis": results.get("pyvis", {}).get("stabilized")}
    if args.kg_only:
        print(f"time to stable first frame: kg {stable['kg'] / 1000:.2f} s" if stable["kg"] else
              "kg page did not draw; see the console errors above")
        _verdict(stable["kg"])
        return
    if stable["kg"] is None:
        print("kg page did not draw; see the console errors above")
    elif stable["pyvis"] is None:
        print(f"time to stable first frame: kg {stable['kg'] / 1000:.2f} s, pyvis default > {args.timeout:.0f} s "
              f"(not stabilized within the timeout), ratio > {args.timeout * 1000 / stable['kg']:.0f}x")
    else:
        print(f"time to stable first frame: kg {stable['kg'] / 1000:.2f} s, pyvis default {stable['pyvis'] / 1000:.2f} s, "
              f"ratio pyvis/kg {stable['pyvis'] / stable['kg']:.1f}x")
    _verdict(stable["kg"])
    if stable["kg"] and results["pyvis"].get("firstDraw"):
        first = results["pyvis"]["firstDraw"] / results["kg"]["firstDraw"]
        print(f"time to first frame (any): kg {results['kg']['firstDraw'] / 1000:.2f} s, "
              f"pyvis default {results['pyvis']['firstDraw'] / 1000:.2f} s, ratio {first:.1f}x")


def _verdict(ms: float | None) -> None:
    if ms is not None:
        print(f"kg first paint {'under' if ms < 2000 else 'OVER'} 2 s ({ms / 1000:.2f} s)")


if __name__ == "__main__":
    main()
