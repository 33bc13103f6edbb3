"""G -> one self-contained, offline HTML page: pyvis/vis-network with legend filters, search, panel, time slider.

Nothing in the page loads from the network: vis-network's JS and CSS come from the installed pyvis package
and are inlined, and a Content-Security-Policy allows only the page's own (hashed) scripts. Every string from
articles is untrusted: it travels as JSON in a ``<script type="application/json">`` block with ``<``, ``>``
and ``&`` escaped, and ``kg/templates/kg.js`` puts it into the DOM with ``textContent`` only.

Two kinds of edge: one per event (ids ``e0``, ``e1``, ...; legend, time window, panel evidence), and the
entities' structure (ids ``s0``, ``s1``, ...): a node's ``affiliation`` or ``located_in`` drawn as a thin dotted
grey arrow to that node when it is in the graph. Structural edges are not events: they have no predicate or
date, the time window never hides them, and the legend toggles them per kind.
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

__all__ = ["to_html", "TYPE_STYLES", "FAMILY_COLOURS", "STRUCTURE_KINDS", "LAYOUT_THRESHOLD"]

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
# Above this many nodes the layout is computed here and physics stays off, so the graph appears at once.
LAYOUT_THRESHOLD = 1000
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
    """Everything the page needs: vis node/edge objects (event edges built with pyvis), panel details, legend
    counts, and the structural edges (affiliation, located in) apart from the events.

    >>> G = nx.MultiDiGraph(articles={})
    >>> G.add_node("country/RU", type="Country", label="Ruritania")
    >>> G.add_node("person/mike", type="Official", label="Mike", affiliation="country/RU")
    >>> [(e["id"], e["from"], e["to"]) for e in _payload(G, "t")["structure"]]
    [('s0', 'person/mike', 'country/RU')]
    """
    from pyvis.network import Network

    articles = G.graph.get("articles", {})
    nodes = sorted(G.nodes, key=str)
    large = len(nodes) > LAYOUT_THRESHOLD
    links = _structure_links(G, nodes)
    pos = _layout(G, nodes, links=[(u, v) for u, v, _ in links]) if large else {}
    net = Network(directed=True)
    type_counts: Counter[str] = Counter()
    node_info: dict[str, dict[str, Any]] = {}
    for key in nodes:
        attrs = G.nodes[key]
        ntype = str(attrs.get("type", ""))
        colour, shape = TYPE_STYLES.get(ntype, _OTHER_STYLE)
        type_counts[ntype] += 1
        extra: dict[str, Any] = {"value": int(attrs.get("mentions", 1) or 1)}
        if key in pos:
            extra["x"], extra["y"] = pos[key]
        net.add_node(str(key), label=str(attrs.get("label", key)) or str(key), shape=shape, color=colour, **extra)
        node_info[str(key)] = _node_info(G, key, attrs, articles)

    edges = sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    ranks = _curve_ranks(edges)
    pred_counts: Counter[str] = Counter()
    edge_info: dict[str, dict[str, Any]] = {}
    for i, (u, v, k, attrs) in enumerate(edges):
        eid = f"e{i}"
        pred = str(attrs.get("predicate", ""))
        p = PREDICATES.get(pred)
        family = p.family if p else ""
        pred_counts[pred] += 1
        rank, multi = ranks[i]
        extra: dict[str, Any] = {}
        if multi:  # parallel edges curve apart; single ones stay straight (cheap to draw, easy to click)
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 * (rank + 1), 2)}
        if str(attrs.get("modality", "asserted")) not in DIRECT_MODALITIES:
            extra["dashes"] = True
        confidence = _number(attrs.get("confidence"))
        net.add_edge(str(u), str(v), id=eid, label=p.label if p else pred,
                     color=FAMILY_COLOURS.get(family, _OTHER_COLOUR),
                     width=round(1 + 2 * confidence, 2) if confidence is not None else 1, **extra)
        net.edges[-1].pop("arrows", None)  # set once in the options
        edge_info[eid] = _edge_info(G, attrs, articles)

    structure: list[dict[str, Any]] = []
    structure_info: dict[str, dict[str, str]] = {}
    kind_counts: Counter[str] = Counter()
    event_pairs = {frozenset((str(u), str(v))) for u, v, _, _ in edges}
    for i, (u, v, kind) in enumerate(links):
        sid = f"s{i}"
        kind_counts[kind] += 1
        # Dotted, thin and label-less so the events stay readable; they still act as springs in physics.
        edge: dict[str, Any] = {"id": sid, "from": str(u), "to": str(v), "width": 1, "dashes": [2, 4],
                                "color": dict(_STRUCTURE_COLOUR),
                                "arrows": {"to": {"enabled": True, "scaleFactor": 0.35}}}
        if frozenset((str(u), str(v))) in event_pairs:
            # Bend away from the events between the same two nodes (those curve clockwise, roundness 0.15 k).
            edge["smooth"] = {"enabled": True, "type": "curvedCCW", "roundness": 0.22}
        structure.append(edge)
        structure_info[sid] = {"kind": kind}

    used_articles = {a for info in node_info.values() for a in info["articles"]}
    used_articles |= {info["article"] for info in edge_info.values() if info["article"]}
    vis_nodes, vis_edges, _, _, _, _ = net.get_network_data()
    types_order = [t for t in NODE_TYPES if t in type_counts] + sorted(set(type_counts) - set(NODE_TYPES))
    preds_order = [p for p in PREDICATES if p in pred_counts] + sorted(set(pred_counts) - set(PREDICATES))
    return {
        "title": title,
        "layout": "precomputed" if large else "physics",
        "options": _options(large, len(nodes)),
        "nodes": vis_nodes,
        "edges": vis_edges,
        "nodeInfo": node_info,
        "edgeInfo": edge_info,
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
        "dates": sorted({info["date"] for info in edge_info.values() if info["date"]}),
    }


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


def _curve_ranks(edges: list[tuple[Any, Any, Any, dict[str, Any]]]) -> list[tuple[int, bool]]:
    """(rank among same-direction edges, pair has several edges) per edge, so parallel edges curve apart."""
    per_pair: Counter[frozenset[str]] = Counter(frozenset((str(u), str(v))) for u, v, _, _ in edges)
    seen: defaultdict[tuple[str, str], int] = defaultdict(int)
    out = []
    for u, v, _, _ in edges:
        d = (str(u), str(v))
        out.append((seen[d], per_pair[frozenset(d)] > 1 and u != v))
        seen[d] += 1
    return out


def _options(large: bool, n: int) -> dict[str, Any]:
    options: dict[str, Any] = {
        "autoResize": True,
        "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"min": 10, "max": 36}, "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": False,
                  "font": {"size": 10, "align": "middle", "strokeWidth": 3, "strokeColor": "#ffffff"},
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
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "springConstant": 0.06,
                                 "avoidOverlap": 0.3},
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
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
