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
import json
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import ConfigError
from .html_layout import curve_ranks, layout, options, spring
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
            raise ConfigError(f"{name} contains '</script' and cannot be inlined; escape it in the asset")
    for name, text in (("vis-network.css", vis_css), ("kg.css", app_css)):
        if "</style" in text.lower():
            raise ConfigError(f"{name} contains '</style' and cannot be inlined; escape it in the asset")
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
        raise ConfigError(f"{lib}: no vis-*/vis-network.min.js; reinstall pyvis (pip install 'pyvis>=0.3.2')")
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
    groups = _edge_groups(G)
    reports: Counter[str] = Counter()
    for (u, v, _), members in groups.items():
        reports[u] += len(members)
        reports[v] += len(members)
    ranked = sorted(reports, key=lambda k: (-reports[k], -_mentions(G.nodes[k]), k))
    large = len(ranked) > LAYOUT_THRESHOLD
    pos = layout(nx.MultiDiGraph([(u, v) for u, v, _ in groups]), ranked) if large else {}
    vis_nodes, node_info, type_counts = _vis_nodes(G, nodes, reports, pos, articles)
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], item[0][1], item[0][2]))
    vis_edges, edge_info = _vis_edges(G, ordered, articles)
    structure, structure_info, kind_counts = _structure(_structure_links(G, nodes), groups, reports)
    pred_counts: Counter[str] = Counter(str(d.get("predicate", "")) for _, _, d in G.edges(data=True))
    used_articles = {a for info in node_info.values() for a in info["articles"]}
    used_articles |= {r["article"] for info in edge_info.values() for r in info["reports"] if r["article"]}
    types_order = [t for t in NODE_TYPES if t in type_counts] + sorted(set(type_counts) - set(NODE_TYPES))
    preds_order = [p for p in PREDICATES if p in pred_counts] + sorted(set(pred_counts) - set(PREDICATES))
    return {
        "title": title,
        "layout": "precomputed" if large else "physics",
        "options": options(large, len(ranked), spring=spring(len(ordered))),
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


def _vis_nodes(G: nx.MultiDiGraph, nodes: list[Any], reports: Counter[str], pos: dict[Any, tuple[float, float]],
               articles: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]], Counter[str]]:
    """The vis node objects (sized by reports, placed when ``pos`` has them), their panel details, and nodes per type."""
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
    return vis_nodes, node_info, type_counts


def _vis_edges(G: nx.MultiDiGraph, ordered: list[tuple[tuple[str, str, str], list[dict[str, Any]]]],
               articles: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The vis objects of the drawn event edges (``e0``, ``e1``...: label, family colour, width, curve) and their
    panel details."""
    ranks = curve_ranks([(u, v) for (u, v, _), _ in ordered])
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
                edge["length"] = spring(len(ordered)) + 30 * per_pair[pair]
        if not any(r["modality"] in DIRECT_MODALITIES for r in info["reports"]):
            edge["dashes"] = True
        vis_edges.append(edge)
        edge_info[eid] = info
    return vis_edges, edge_info


def _structure(links: list[tuple[Any, Any, str]], groups: dict[tuple[str, str, str], Any], reports: Counter[str],
               ) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]], Counter[str]]:
    """The structural edges (``s0``, ``s1``...: affiliation, located in), their kinds, and edges per kind."""
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
    return structure, structure_info, kind_counts


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
