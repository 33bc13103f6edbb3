"""What changed between two builds: entities, events, incidents and articles added, removed and changed.

Identity is what the graph model makes stable: an entity is its node key, an event its edge (actor,
target and key ``predicate:article:offset:object``), an incident its id (a hash of what defines it), an
article its id. "Changed" compares what describes each one:

* an entity's ``ENTITY_FIELDS`` (not its mention count or article list, which grow with the corpus);
* an event's attributes (modality, codes, confidence, date, place, source, casualties, trigger,
  sentence, incident);
* an incident's events (which reports it groups) and its table entry when the build has one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from .schema import PREDICATES

__all__ = ["ENTITY_FIELDS", "GraphDiff", "Section", "diff_graphs", "load_graph"]

ENTITY_FIELDS = ("type", "label", "aliases", "role", "affiliation", "located_in", "iso", "geonames")
_EVENT_SKIP = frozenset({"predicate"})  # part of the key


@dataclass
class Section:
    """Added, removed and changed items of one kind; each item is a dict with at least ``id``."""

    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "removed": len(self.removed), "changed": len(self.changed)}

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts(), "added": self.added, "removed": self.removed, "changed": self.changed}


@dataclass
class GraphDiff:
    """The difference between an old and a new graph; ``str()`` is the short text summary."""

    entities: Section
    events: Section
    incidents: Section
    articles: Section

    @property
    def empty(self) -> bool:
        return not any(sum(s.counts().values()) for s in self.sections().values())

    def sections(self) -> dict[str, Section]:
        return {"entities": self.entities, "events": self.events, "incidents": self.incidents, "articles": self.articles}

    def to_dict(self) -> dict[str, Any]:
        return {name: s.to_dict() for name, s in self.sections().items()}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, default=str) + "\n"

    def summary(self, limit: int = 10) -> str:
        """A few lines per kind: counts, then up to ``limit`` items of each (+ added, - removed, ~ changed)."""
        if self.empty:
            return "no differences\n"
        lines: list[str] = []
        for name, section in self.sections().items():
            c = section.counts()
            lines.append(f"{name}: {c['added']} added, {c['removed']} removed, {c['changed']} changed")
            for mark, items in (("+", section.added), ("-", section.removed), ("~", section.changed)):
                for item in items[:limit] if limit else items:
                    lines.append(f"  {mark} {item['text']}")
                if limit and len(items) > limit:
                    lines.append(f"  {mark} ... and {len(items) - limit} more")
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        return self.summary()


def _short(value: Any, width: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _changes(old: dict[str, Any], new: dict[str, Any], names: Any) -> dict[str, list[Any]]:
    return {n: [old.get(n), new.get(n)] for n in names if old.get(n) != new.get(n)}


def _describe_changes(fields: dict[str, list[Any]]) -> str:
    return "; ".join(f"{n} {_short(a)} -> {_short(b)}" for n, (a, b) in fields.items())


def _label(G: nx.MultiDiGraph, key: Any) -> str:
    return str(G.nodes[key].get("label", key)) if key in G else str(key)


def _entity(G: nx.MultiDiGraph, key: Any) -> dict[str, Any]:
    d = G.nodes[key]
    return {"id": str(key), "label": _label(G, key), "type": d.get("type", ""),
            "text": f"{key} {_label(G, key)} ({d.get('type', '')})"}


def _event_id(u: Any, v: Any, k: Any) -> str:
    return f"{u} {k}" if str(k).endswith(f":{v}") else f"{u} {k} {v}"


def _event(G: nx.MultiDiGraph, u: Any, v: Any, k: Any, d: dict[str, Any]) -> dict[str, Any]:
    date = d.get("date") or G.graph.get("articles", {}).get(d.get("article", ""), {}).get("date", "")
    modality = "" if d.get("modality", "asserted") == "asserted" else f" ({d['modality']})"
    predicate = d.get("predicate", "")
    verb = PREDICATES[predicate].label if predicate in PREDICATES else predicate
    text = f"{date or '(no date)'} {_label(G, u)} {verb} {_label(G, v)}{modality} [{d.get('article', '')}]"
    return {"id": _event_id(u, v, k), "actor": str(u), "target": str(v), "key": str(k),
            "predicate": d.get("predicate", ""), "article": d.get("article", ""), "date": date, "text": text}


def _incidents(G: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Incident id -> its table entry (when the build has one) and the ids of its events."""
    table = G.graph.get("incidents") or {}
    found: dict[str, dict[str, Any]] = {str(i): {"entry": dict(e) if isinstance(e, dict) else e, "events": []}
                                        for i, e in table.items()}
    for u, v, k, d in G.edges(keys=True, data=True):
        if iid := d.get("incident"):
            found.setdefault(str(iid), {"entry": {}, "events": []})["events"].append(_event_id(u, v, k))
    for item in found.values():
        item["events"].sort()
    return found


def _incident_text(G: nx.MultiDiGraph, iid: str, item: dict[str, Any]) -> str:
    entry = item["entry"] if isinstance(item["entry"], dict) else {}
    what = " ".join(x for x in (entry.get("date", ""), _label(G, entry["actor"]) if entry.get("actor") else "",
                                str(entry.get("predicate", "")), _label(G, entry["target"]) if entry.get("target") else "") if x)
    n = len(item["events"])
    return f"{iid} {what} ({n} event{'s' if n != 1 else ''})".replace("  ", " ")


def diff_graphs(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> GraphDiff:
    """What changed from ``old`` to ``new``.

    >>> A = nx.MultiDiGraph(articles={"a": {"date": "2031-03-04"}})
    >>> A.add_node("country/RR", type="Country", label="Ruritania")
    >>> A.add_node("country/FD", type="Country", label="Freedonia")
    >>> B = A.copy(); B.graph = {"articles": {"a": {"date": "2031-03-04"}}}
    >>> B.nodes["country/FD"]["label"] = "Kingdom of Freedonia"
    >>> _ = B.add_edge("country/RR", "country/FD", key="struck:a:0:country/FD", predicate="struck", article="a")
    >>> print(diff_graphs(A, B).summary(), end="")
    entities: 0 added, 0 removed, 1 changed
      ~ country/FD Kingdom of Freedonia (Country): label 'Freedonia' -> 'Kingdom of Freedonia'
    events: 1 added, 0 removed, 0 changed
      + 2031-03-04 Ruritania struck Kingdom of Freedonia [a]
    incidents: 0 added, 0 removed, 0 changed
    articles: 0 added, 0 removed, 0 changed
    """
    return GraphDiff(entities=_entity_changes(old, new), events=_event_changes(old, new),
                     incidents=_incident_changes(old, new), articles=_article_changes(old, new))


def _entity_changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> Section:
    """Entities added, removed, and changed in one of ``ENTITY_FIELDS``."""
    entities = Section(
        added=[_entity(new, k) for k in sorted(set(new) - set(old), key=str)],
        removed=[_entity(old, k) for k in sorted(set(old) - set(new), key=str)],
    )
    for k in sorted(set(old) & set(new), key=str):
        if fields := _changes(old.nodes[k], new.nodes[k], ENTITY_FIELDS):
            item = _entity(new, k)
            item.update(fields=fields, text=f"{item['text']}: {_describe_changes(fields)}")
            entities.changed.append(item)
    return entities


def _event_changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> Section:
    """Events (edges, by key) added, removed and changed, by date."""
    old_edges = {(u, v, k): d for u, v, k, d in old.edges(keys=True, data=True)}
    new_edges = {(u, v, k): d for u, v, k, d in new.edges(keys=True, data=True)}

    def order(e: tuple[Any, Any, Any], G: nx.MultiDiGraph, edges: dict) -> tuple[str, str]:
        item = _event(G, *e, edges[e])
        return item["date"], item["id"]

    events = Section(
        added=[_event(new, *e, new_edges[e]) for e in sorted(set(new_edges) - set(old_edges), key=lambda e: order(e, new, new_edges))],
        removed=[_event(old, *e, old_edges[e]) for e in sorted(set(old_edges) - set(new_edges), key=lambda e: order(e, old, old_edges))],
    )
    for e in sorted(set(old_edges) & set(new_edges), key=lambda e: order(e, new, new_edges)):
        a, b = old_edges[e], new_edges[e]
        if fields := _changes(a, b, sorted((set(a) | set(b)) - _EVENT_SKIP)):
            item = _event(new, *e, b)
            item.update(fields=fields, text=f"{item['text']}: {_describe_changes(fields)}")
            events.changed.append(item)
    return events


def _incident_changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> Section:
    """Incidents added, removed, and changed (events joined or left, table entry changed)."""
    old_inc, new_inc = _incidents(old), _incidents(new)
    incidents = Section(
        added=[{"id": i, "events": new_inc[i]["events"], "text": _incident_text(new, i, new_inc[i])}
               for i in sorted(set(new_inc) - set(old_inc))],
        removed=[{"id": i, "events": old_inc[i]["events"], "text": _incident_text(old, i, old_inc[i])}
                 for i in sorted(set(old_inc) - set(new_inc))],
    )
    for i in sorted(set(old_inc) & set(new_inc)):
        a, b = old_inc[i], new_inc[i]
        gained = sorted(set(b["events"]) - set(a["events"]))
        lost = sorted(set(a["events"]) - set(b["events"]))
        entry = _changes(a["entry"], b["entry"], sorted(set(a["entry"]) | set(b["entry"]))) \
            if isinstance(a["entry"], dict) and isinstance(b["entry"], dict) else {}
        if gained or lost or entry:
            parts = [f"{len(gained)} events joined"] if gained else []
            parts += [f"{len(lost)} events left"] if lost else []
            parts += [_describe_changes(entry)] if entry else []
            incidents.changed.append({"id": i, "events_added": gained, "events_removed": lost, "fields": entry,
                                      "text": f"{_incident_text(new, i, b)}: {'; '.join(parts)}"})
    return incidents


def _article_changes(old: nx.MultiDiGraph, new: nx.MultiDiGraph) -> Section:
    """Articles added, removed, and changed in title, date or URL."""
    old_art, new_art = old.graph.get("articles", {}), new.graph.get("articles", {})

    def article(G_articles: dict, aid: str) -> dict[str, Any]:
        meta = G_articles[aid] if isinstance(G_articles[aid], dict) else {}
        title = meta.get("title", "")
        return {"id": aid, "title": title, "text": f"{aid}" + (f" {title!r}" if title else "")}

    articles = Section(
        added=[article(new_art, a) for a in sorted(set(new_art) - set(old_art))],
        removed=[article(old_art, a) for a in sorted(set(old_art) - set(new_art))],
    )
    for a in sorted(set(old_art) & set(new_art)):
        if isinstance(old_art[a], dict) and isinstance(new_art[a], dict) and (
                fields := _changes(old_art[a], new_art[a], ("title", "date", "url"))):
            item = article(new_art, a)
            item.update(fields=fields, text=f"{item['text']}: {_describe_changes(fields)}")
            articles.changed.append(item)
    return articles


def load_graph(source: str | Path | nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A graph, or the graph stored in an export folder or file."""
    if isinstance(source, nx.Graph):
        return source
    from .rdf_io import read_rdf

    return read_rdf(source)
