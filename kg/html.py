"""G -> one self-contained, offline HTML page: vis-network with legend filters, search, panel, time slider.

Nothing in the page loads from the network: vis-network's JS and CSS come from the installed pyvis package
and are inlined, and a Content-Security-Policy allows only the page's own (hashed) scripts. Every string from
articles is untrusted: it travels as JSON in a ``<script type="application/json">`` block with ``<``, ``>``
and ``&`` escaped, and ``kg/templates/kg.js`` puts it into the DOM with ``textContent`` only.

Two kinds of edge: events (ids ``e0``, ``e1``, ...), one drawn per incident (edges sharing ``incident``) or,
without incidents, per actor, predicate and target, each with all its reports (legend, time window, panel
evidence); and the entities' structure (ids ``s0``, ``s1``, ...): a node's ``affiliation`` or ``located_in``
drawn as a thin dotted grey arrow to that node when it is in the graph. Structural edges are not events: they
have no predicate or date, the time window never hides them, they pull nothing in the layout, and the legend
toggles them per kind. The page shows the actors with the most reports and what they belong to; entities
without events are shown on request.
"""
from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from .schema import DIRECT_MODALITIES, NODE_TYPES, PREDICATES

__all__ = ["to_html", "TYPE_STYLES", "FAMILY_COLOURS", "STRUCTURE_KINDS", "LAYOUT_THRESHOLD", "DEFAULT_TOP"]

# Node colour and vis-network shape per type; shapes draw the label below, so labels stay readable.
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Country": ("#4e79a7", "dot"),
    "Official": ("#f28e2b", "diamond"),
    "Group": ("#e15759", "triangle"),
    "Organization": ("#76b7b2", "square"),
    "Place": ("#59a14f", "hexagon"),
}
FAMILY_COLOURS: dict[str, str] = {
    "force": "#d62728",
    "criticism": "#ff7f0e",
    "diplomacy": "#9467bd",
    "cooperation": "#2ca02c",
}
# Structural edges from node attributes: attribute -> (legend label, verb in the panel and tooltip).
STRUCTURE_KINDS: dict[str, tuple[str, str]] = {
    "affiliation": ("affiliation", "affiliated with"),
    "located_in": ("located in", "located in"),
}
_STRUCTURE_COLOUR = {"color": "#b4b4b4", "highlight": "#6f6f6f", "hover": "#6f6f6f", "inherit": False}
_OTHER_STYLE = ("#9e9e9e", "dot")
_OTHER_COLOUR = "#9e9e9e"
# Above this many nodes with events the layout is computed here and physics stays off, so the graph appears at once.
LAYOUT_THRESHOLD = 400
# The default view shows this many actors, those with the most reports (a slider changes it).
DEFAULT_TOP = 250
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def to_html(G: nx.MultiDiGraph, *, title: str = "kg") -> str:
    """Return G as one interactive HTML page that works offline and loads nothing from the network.

    >>> page = to_html(nx.MultiDiGraph(articles={}), title="empty")
    >>> page.startswith("<!DOCTYPE html>"), "<script src=" in page, "<title>empty</title>" in page
    (True, False, True)
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    vis_js, vis_css = _vis_assets()
    app_js = (_TEMPLATES / "kg.js").read_text(encoding="utf-8")
    app_css = (_TEMPLATES / "kg.css").read_text(encoding="utf-8")
    for name, text in (("vis-network.min.js", vis_js), ("kg.js", app_js)):
        if "</script" in text.lower():
            raise ValueError(f"{name} contains '</script' and cannot be inlined; escape it in the asset")
    for name, text in (("vis-network.css", vis_css), ("kg.css", app_css)):
        if "</style" in text.lower():
            raise ValueError(f"{name} contains '</style' and cannot be inlined; escape it in the asset")
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(default=True),
                      keep_trailing_newline=True)
    page = env.get_template("graph.html.jinja").render(
        title=title,
        csp=_csp(vis_js, app_js),
        vis_js=Markup(vis_js), vis_css=Markup(vis_css), app_js=Markup(app_js), app_css=Markup(app_css),
        data=Markup(_json_for_script(_payload(G, title))),
    )
    return page


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the newest vis-* folder pyvis ships (pyvis/templates/lib/vis-9.1.2)."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib"
    folders = sorted((p for p in lib.glob("vis-*") if (p / "vis-network.min.js").is_file()),
                     key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)))
    if not folders:
        raise FileNotFoundError(f"{lib}: no vis-*/vis-network.min.js; reinstall pyvis (pip install 'pyvis>=0.3.2')")
    return ((folders[-1] / "vis-network.min.js").read_text(encoding="utf-8"),
            (folders[-1] / "vis-network.css").read_text(encoding="utf-8"))


def _csp(*scripts: str) -> str:
    # Only our own inline scripts run (by hash): injected markup could neither run code nor load anything.
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'"
                      for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _json_for_script(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.translate(_JSON_ESCAPES)


def _payload(G: nx.MultiDiGraph, title: str) -> dict[str, Any]:
    """Everything the page needs: vis node/edge objects, panel details, legend counts, the actor ranking, and
    the structural edges (affiliation, located in) apart from the events.

    Event edges are drawn one per incident when the edges carry ``incident``, else one per actor, predicate,
    target and whether it happened (asserted/offered) or not; each drawn edge keeps all its reports.

    >>> G = nx.MultiDiGraph(articles={})
    >>> G.add_node("country/RU", type="Country", label="Ruritania")
    >>> G.add_node("person/mike", type="Official", label="Mike", affiliation="country/RU")
    >>> [(e["id"], e["from"], e["to"]) for e in _payload(G, "t")["structure"]]
    [('s0', 'person/mike', 'country/RU')]
    """
    articles = G.graph.get("articles", {})
    nodes = sorted(G.nodes, key=str)
    links = _structure_links(G, nodes)
    groups = _edge_groups(G)
    reports: Counter[str] = Counter()
    for (u, v, _), members in groups.items():
        reports[u] += len(members)
        reports[v] += len(members)
    ranked = sorted(reports, key=lambda k: (-reports[k], -_mentions(G.nodes[k]), k))
    large = len(ranked) > LAYOUT_THRESHOLD
    if large:
        pos = _layout(nx.MultiDiGraph([(u, v) for u, v, _ in groups]), ranked)
    else:
        pos = {}

    type_counts: Counter[str] = Counter()
    node_info: dict[str, dict[str, Any]] = {}
    vis_nodes: list[dict[str, Any]] = []
    for key in nodes:
        attrs = G.nodes[key]
        ntype = str(attrs.get("type", ""))
        colour, shape = TYPE_STYLES.get(ntype, _OTHER_STYLE)
        type_counts[ntype] += 1
        label = str(attrs.get("label", key)) or str(key)
        node: dict[str, Any] = {"id": str(key), "label": label, "shape": shape, "color": colour,
                                "value": round(math.sqrt(reports[str(key)] + 1), 3)}
        if str(key) in pos:
            node["x"], node["y"] = pos[str(key)]
        vis_nodes.append(node)
        node_info[str(key)] = _node_info(G, key, attrs, articles)
        node_info[str(key)]["reports"] = reports[str(key)]

    pred_counts: Counter[str] = Counter(str(d.get("predicate", "")) for _, _, d in G.edges(data=True))
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], item[0][1], item[0][2]))
    ranks = _curve_ranks([(u, v) for (u, v, _), _ in ordered])
    vis_edges: list[dict[str, Any]] = []
    edge_info: dict[str, dict[str, Any]] = {}
    per_pair = Counter(frozenset((u, v)) for (u, v, _), _ in ordered)
    sprung: set[frozenset[str]] = set()
    for i, ((u, v, _), members) in enumerate(ordered):
        eid = f"e{i}"
        info = _group_info(G, u, v, members, articles)
        p = PREDICATES.get(info["predicate"])
        count = len(members)
        edge: dict[str, Any] = {
            "id": eid, "from": u, "to": v,
            "label": (p.label if p else info["predicate"]) + (f" \u00d7{count}" if count > 1 else ""),
            "color": FAMILY_COLOURS.get(p.family if p else "", _OTHER_COLOUR),
            "width": round(min(1 + 1.6 * math.log2(count), 8), 2),
        }
        rank, multi = ranks[i]
        if multi:  # parallel edges curve apart, each direction to its own side; single ones stay straight
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(min(0.2 + 0.25 * rank, 1.2), 2)}
            # One spring per pair, longer the more edges it carries, so the curves and their labels have room.
            pair = frozenset((u, v))
            if pair in sprung:
                edge["physics"] = False
            else:
                sprung.add(pair)
                edge["length"] = _spring(len(ordered)) + 30 * per_pair[pair]
        if not any(r["modality"] in DIRECT_MODALITIES for r in info["reports"]):
            edge["dashes"] = True
        vis_edges.append(edge)
        edge_info[eid] = info

    structure: list[dict[str, Any]] = []
    structure_info: dict[str, dict[str, str]] = {}
    kind_counts: Counter[str] = Counter()
    event_pairs = {frozenset((u, v)) for u, v, _ in groups}
    for i, (u, v, kind) in enumerate(links):
        sid = f"s{i}"
        kind_counts[kind] += 1
        # Dotted, thin and label-less. A weak, long spring only between two actors with events: the thousands
        # of entities without events must not pull the layout into one blot.
        edge = {"id": sid, "from": str(u), "to": str(v), "width": 1, "dashes": [2, 4],
                "physics": str(u) in reports and str(v) in reports, "length": 160,
                "color": dict(_STRUCTURE_COLOUR), "arrows": {"to": {"enabled": True, "scaleFactor": 0.35}}}
        if frozenset((str(u), str(v))) in event_pairs:
            # Bend away from the events between the same two nodes.
            edge["smooth"] = {"enabled": True, "type": "curvedCCW", "roundness": 0.22}
        structure.append(edge)
        structure_info[sid] = {"kind": kind}

    used_articles = {a for info in node_info.values() for a in info["articles"]}
    used_articles |= {r["article"] for info in edge_info.values() for r in info["reports"] if r["article"]}
    types_order = [t for t in NODE_TYPES if t in type_counts] + sorted(set(type_counts) - set(NODE_TYPES))
    preds_order = [p for p in PREDICATES if p in pred_counts] + sorted(set(pred_counts) - set(PREDICATES))
    return {
        "title": title,
        "layout": "precomputed" if large else "physics",
        "options": _options(large, len(ranked), spring=_spring(len(ordered))),
        "nodes": vis_nodes,
        "edges": vis_edges,
        "nodeInfo": node_info,
        "edgeInfo": edge_info,
        "ranked": ranked,
        "defaultTop": min(DEFAULT_TOP, len(ranked)),
        "articles": {a: {f: str(articles[a].get(f, "")) for f in ("title", "date", "url")}
                     for a in sorted(used_articles) if a in articles},
        "types": [{"name": t, "colour": TYPE_STYLES.get(t, _OTHER_STYLE)[0], "shape": TYPE_STYLES.get(t, _OTHER_STYLE)[1],
                   "count": type_counts[t]} for t in types_order],
        "predicates": [_predicate_entry(p, pred_counts[p]) for p in preds_order],
        "families": FAMILY_COLOURS,
        "structure": structure,
        "structureInfo": structure_info,
        "structureKinds": [{"name": k, "label": label, "verb": verb, "count": kind_counts[k]}
                           for k, (label, verb) in STRUCTURE_KINDS.items() if kind_counts[k]],
        "dates": sorted({r["date"] for info in edge_info.values() for r in info["reports"] if r["date"]}),
    }


def _mentions(attrs: dict[str, Any]) -> int:
    m = attrs.get("mentions", 0)
    return m if isinstance(m, int) and not isinstance(m, bool) else 0


def _edge_groups(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Event edges grouped into drawn edges: {(from, to, group id): [edge attributes, ...]}, reports in key order.

    An incident's reports may name its actor or target at different levels ("Ruritanian jets", "Ruritania"):
    its edge joins the pair most of its reports name.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="struck:1:0:b", predicate="struck", modality="asserted")
    'struck:1:0:b'
    >>> G.add_edge("a", "b", key="struck:2:0:b", predicate="struck", modality="asserted")
    'struck:2:0:b'
    >>> [(k, len(m)) for k, m in _edge_groups(G).items()]
    [(('a', 'b', 'struck|direct'), 2)]
    """
    by_incident: defaultdict[str, list[tuple[str, str, str, dict[str, Any]]]] = defaultdict(list)
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        incident = d.get("incident")
        if isinstance(incident, str) and incident:
            group = "incident|" + incident
        else:
            direct = "direct" if str(d.get("modality", "asserted")) in DIRECT_MODALITIES else "other"
            group = f"{d.get('predicate', '')}|{direct}|{u}|{v}"
        by_incident[group].append((str(u), str(v), str(k), d))
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for group, members in by_incident.items():
        ends = Counter((u, v) for u, v, _, _ in members)
        u, v = min(ends, key=lambda e: (-ends[e], e))
        gid = group if group.startswith("incident|") else "|".join(group.split("|")[:2])
        groups[(u, v, gid)] = [dict(d, _from=a, _to=b) for a, b, _, d in members]
    return dict(sorted(groups.items()))


def _group_info(G: nx.MultiDiGraph, u: str, v: str, members: list[dict[str, Any]],
                articles: dict[str, Any]) -> dict[str, Any]:
    """Panel details of one drawn edge: its predicate, incident and every report, oldest first."""
    preds = Counter(str(d.get("predicate", "")) for d in members)
    pred = min(preds, key=lambda p: (-preds[p], p))
    reports = []
    for d in members:
        report = _edge_info(G, d, articles)
        if d["_from"] != u:
            report["actor"] = _ref(G, d["_from"])
        if d["_to"] != v:
            report["target"] = _ref(G, d["_to"])
        reports.append(report)
    reports.sort(key=lambda r: (r["date"] or "9999", r["article"], r["sentence"]))
    info: dict[str, Any] = {"predicate": pred, "reports": reports,
                            "articles": len({r["article"] for r in reports})}
    incident = members[0].get("incident")
    if isinstance(incident, str) and incident:
        info["incident"] = incident
    return info


def _structure_links(G: nx.MultiDiGraph, nodes: list[Any]) -> list[tuple[Any, Any, str]]:
    """(node, target, kind) for every affiliation/located_in that names another node of G, in node order."""
    links = []
    for key in nodes:
        attrs = G.nodes[key]
        for kind in STRUCTURE_KINDS:
            target = attrs.get(kind)
            if target is None or target == "" or target == key:
                continue
            try:
                ok = target in G
            except TypeError:  # an unhashable value is no node key
                ok = False
            if ok:
                links.append((key, target, kind))
    return links


def _node_info(G: nx.MultiDiGraph, key: Any, attrs: dict[str, Any], articles: dict[str, Any]) -> dict[str, Any]:
    info: dict[str, Any] = {
        "key": str(key),
        "label": str(attrs.get("label", key)),
        "type": str(attrs.get("type", "")),
        "aliases": [str(a) for a in attrs.get("aliases", [])],
        "articles": [str(a) for a in attrs.get("articles", [])],
        "mentions": attrs.get("mentions", 0) if isinstance(attrs.get("mentions"), int) else 0,
        "first_sentence": str(attrs.get("first_sentence", "")),
    }
    for name in ("role", "iso"):
        if attrs.get(name):
            info[name] = str(attrs[name])
    for name in ("affiliation", "located_in"):
        if attrs.get(name):
            info[name] = _ref(G, attrs[name])
    geonames = attrs.get("geonames")
    if isinstance(geonames, int) and not isinstance(geonames, bool) and geonames > 0:
        info["geonames"] = geonames  # the page builds the link from the number, never from a string
    return info


def _predicate_entry(name: str, count: int) -> dict[str, Any]:
    """Legend entry and code names of a predicate; edges carry only its name (the page looks the rest up)."""
    p = PREDICATES.get(name)
    if p is None:
        return {"name": name, "label": name, "family": "", "colour": _OTHER_COLOUR, "count": count}
    return {"name": name, "label": p.label, "family": p.family, "colour": FAMILY_COLOURS.get(p.family, _OTHER_COLOUR),
            "count": count, "cameo": p.cameo, "cameo_name": p.cameo_name, "offered_cameo": p.offered_cameo,
            "offered_name": p.offered_name, "plover_mode": p.plover_mode}


def _edge_info(G: nx.MultiDiGraph, attrs: dict[str, Any], articles: dict[str, Any]) -> dict[str, Any]:
    pred = str(attrs.get("predicate", ""))
    cameo = str(attrs.get("cameo", ""))
    article = str(attrs.get("article", ""))
    date = str(attrs.get("date", "") or articles.get(article, {}).get("date", "") or "")[:10]
    sentence = str(attrs.get("sentence", ""))
    trigger = str(attrs.get("trigger", ""))
    info: dict[str, Any] = {
        "predicate": pred,
        "modality": str(attrs.get("modality", "asserted")),
        "cameo": cameo, "plover": str(attrs.get("plover", "")),
        "confidence": _number(attrs.get("confidence")),
        "article": article, "date": date,
        "sentence": sentence, "trigger": trigger, "trigger_span": _find_trigger(sentence, trigger),
    }
    for name in ("source", "place"):
        if attrs.get(name):
            info[name] = _ref(G, attrs[name])
    if isinstance(attrs.get("casualties"), int):
        info["casualties"] = attrs["casualties"]
    return info


def _ref(G: nx.MultiDiGraph, key: Any) -> dict[str, str]:
    """A node reference for the panel: its key and, when it is in G, its label."""
    key = str(key)
    return {"key": key, "label": str(G.nodes[key].get("label", key)) if key in G else key, "in_graph": key in G}


def _find_trigger(sentence: str, trigger: str) -> list[int] | None:
    """[start, end] of the trigger word in the sentence, preferring a whole-word match, in UTF-16 code units
    (JavaScript string indices).

    >>> _find_trigger("Ruritania struck Freedonia.", "Struck"), _find_trigger("\U0001F525 Ruritania struck", "struck")
    ([10, 16], [13, 19])
    """
    if not trigger or not sentence:
        return None
    m = re.search(r"(?<!\w)" + re.escape(trigger) + r"(?!\w)", sentence, re.IGNORECASE) \
        or re.search(re.escape(trigger), sentence, re.IGNORECASE)
    if not m:
        return None
    return [len(sentence[:i].encode("utf-16-le")) // 2 for i in (m.start(), m.end())]


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _curve_ranks(pairs: list[tuple[str, str]]) -> list[tuple[int, bool]]:
    """(rank among same-direction edges, pair has several edges) per drawn edge, so parallel edges curve apart.

    >>> _curve_ranks([("a", "b"), ("a", "b"), ("b", "a"), ("a", "c")])
    [(0, True), (1, True), (0, True), (0, False)]
    """
    per_pair: Counter[frozenset[str]] = Counter(frozenset(p) for p in pairs)
    seen: defaultdict[tuple[str, str], int] = defaultdict(int)
    out = []
    for u, v in pairs:
        out.append((seen[(u, v)], per_pair[frozenset((u, v))] > 1 and u != v))
        seen[(u, v)] += 1
    return out


def _spring(edges: int) -> int:
    """Spring length: a small graph spreads over the page at zoom 1, a large one stays compact enough to read."""
    return 90 if edges > 80 else 160


def _options(large: bool, n: int, *, spring: int = 90) -> dict[str, Any]:
    # Labels scale with the node (its reports); below drawThreshold screen pixels vis skips a label, so at fit
    # zoom the busy actors are named and the rest are named as you zoom in.
    options: dict[str, Any] = {
        "autoResize": True,
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1,
                  "scaling": {"min": 8, "max": 30,
                              "label": {"enabled": True, "min": 19 if spring < 160 else 10,
                                        "max": 34 if spring < 160 else 15, "maxVisible": 22, "drawThreshold": 8}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": False,
                  "font": {"size": 11, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 9}},
                  "selectionWidth": 2, "hoverWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
        "layout": {"randomSeed": 7, "improvedLayout": n <= 150},
    }
    if large:
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {
            "enabled": True, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.02, "springLength": spring,
                                 "springConstant": 0.08, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 50, "fit": True},
            "minVelocity": 1.0,
        }
    return options


def _layout(G: nx.MultiDiGraph, nodes: list[Any], *, links: Iterable[tuple[Any, Any]] = (), iterations: int = 80,
            seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Fruchterman-Reingold in numpy with grid-approximated repulsion, scaled to vis-network pixels.

    G's edges and the extra ``links`` (structural pairs: an official and its country) pull their ends together.

    networkx's spring_layout needs scipy above 500 nodes and forceatlas2_layout takes ~25 s for 2,000. Here
    repulsion is exact between nodes in neighbouring cells of a fine grid; beyond that the grid's cell counts
    are convolved with the force kernel by FFT (particle-mesh), so an iteration costs O(n + cells log cells).
    """
    import numpy as np

    n = len(nodes)
    index = {key: i for i, key in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v]))
                    for u, v in itertools.chain(G.edges(), links) if u != v})
    src = np.array([a for a, _ in pairs], dtype=np.int64)
    dst = np.array([b for _, b in pairs], dtype=np.int64)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = math.sqrt(1.0 / n)
    k2, eps = k * k, (0.01 * k) ** 2
    side = max(4, min(256, int(2 * math.sqrt(n))))  # about 1 node per 4 cells
    o = np.fft.fftfreq(2 * side, 1 / (2 * side))  # offsets 0..side-1, -side..-1 for a non-wrapping convolution
    ox, oy = np.meshgrid(o, o, indexing="ij")
    outside = (np.abs(ox) > 1) | (np.abs(oy) > 1)  # the 3x3 neighbourhood is the exact near field
    offsets = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    temperature, cooling = 0.1, 0.1 / (iterations + 1)
    for _ in range(iterations):
        lo = pos.min(0)
        span = np.maximum(pos.max(0) - lo, 1e-9)
        cxy = np.minimum((((pos - lo) / span) * side).astype(np.int64), side - 1)
        cell = cxy[:, 0] * side + cxy[:, 1]
        order = np.argsort(cell, kind="stable")
        count = np.bincount(cell, minlength=side * side)
        first = np.concatenate(([0], np.cumsum(count)[:-1]))
        disp = np.zeros_like(pos)
        # Near field: every pair of nodes in the same or an adjacent cell, exactly.
        for dx, dy in offsets:
            nx_, ny_ = cxy[:, 0] + dx, cxy[:, 1] + dy
            ok = (nx_ >= 0) & (nx_ < side) & (ny_ >= 0) & (ny_ < side)
            i = np.nonzero(ok)[0]
            c = nx_[i] * side + ny_[i]
            reps = count[c]
            I = np.repeat(i, reps)
            within = np.arange(len(I)) - np.repeat(np.cumsum(reps) - reps, reps)
            J = order[np.repeat(first[c], reps) + within]
            keep = I != J
            I, J = I[keep], J[keep]
            d = pos[I] - pos[J]
            w = k2 / np.maximum((d * d).sum(1), eps)
            disp[:, 0] += np.bincount(I, weights=d[:, 0] * w, minlength=n)
            disp[:, 1] += np.bincount(I, weights=d[:, 1] * w, minlength=n)
        # Far field: cell counts convolved with k^2 r/|r|^2, cells beyond the 3x3 neighbourhood only.
        h = span / side
        rx, ry = ox * h[0], oy * h[1]
        inv = np.where(outside, k2 / np.where(outside, rx * rx + ry * ry, 1.0), 0.0)
        density = np.zeros((2 * side, 2 * side))
        density[:side, :side] = count.reshape(side, side)
        dens = np.fft.rfft2(density)
        for a, r in ((0, rx), (1, ry)):
            field = np.fft.irfft2(dens * np.fft.rfft2(r * inv), s=density.shape)[:side, :side]
            disp[:, a] += field[cxy[:, 0], cxy[:, 1]]
        if len(src):
            d = pos[src] - pos[dst]
            pull = d * (np.sqrt((d * d).sum(1)) / k)[:, None]
            for a in (0, 1):
                disp[:, a] += np.bincount(dst, weights=pull[:, a], minlength=n) - \
                    np.bincount(src, weights=pull[:, a], minlength=n)
        disp -= (pos - pos.mean(0)) * (0.05 * n * k)  # weak gravity keeps small components near
        length = np.maximum(np.sqrt((disp * disp).sum(1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    scale = 45.0 * math.sqrt(n)
    return {key: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for key, (x, y) in zip(nodes, pos)}
