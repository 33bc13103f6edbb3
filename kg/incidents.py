"""Event identity: which reports (edges) state one incident, across articles and within one.

The decision sits between extraction and the graph: ``find_incidents(G)`` reads the edges of a built
graph and returns the incidents; ``kg.graph.add_incidents`` writes them into the graph. Two reports are
one incident when they agree on

* the kind of act (``kg/data/incidents.json``: struck, retaliated against and killed are one kind, an
  expulsion another...) and the modality (a strike is not an offer to strike; denied, hypothetical and alleged
  acts are never merged);
* the actor, named at the state or group level: an official or a state body counts as the country or
  group it belongs to (``affiliation``, or the state of an ``org/<ISO>/`` key; one level up, twice at
  most), so "Ruritanian jets" and "Ruritania" agree; but two different people are two actors, even of
  one state (two ministers' condemnations are two statements); for meetings and ceasefires either side may be named first;
* the target: the same entity, or the same state for a state body or a place in its territory; a
  place whose country is unknown agrees with any place or country; a person or group is only itself;
* the time: each report gets a range of days (the day it states; its article's date or up to
  ``undated_days`` before when it states none; a span for "earlier this week"), and the ranges of
  all reports of one incident lie within the kind's window of each other (0 days for a strike, 3 for
  an expulsion). A named operation joins reports across the window and splits different operations.
  A named person is killed once, whatever the dates.

Habitual or aggregate statements ("has repeatedly struck", "dozens of strikes this year") are no single
occurrence: each is an incident of its own. Every report has exactly one incident.

The result does not depend on the order of the edges: reports are sorted by their content (dated ones
first, then by day, article and offset) and each joins the best incident it agrees with completely
(with every report already in it), or starts one. An incident's id is a hash of what defines it
(kind, modality, actor, target, first day, operation), not of its reports, so a later report that
joins it leaves its id alone; the id changes only when a report changes that definition (names the
day for the first time, or an earlier day within the window).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from .incident_days import day, shift, when
from .keys import country_key, owner_iso
from .schema import PREDICATES

__all__ = ["Report", "Incident", "find_incidents", "read_report", "rules"]

_DATA = Path(__file__).parent / "data" / "incidents.json"
_PLACEISH = ("Place", "Country")


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The rules of ``kg/data/incidents.json``, with regular expressions compiled and a predicate -> kind map."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    out = {k: v for k, v in raw.items() if not k.startswith("_")}
    out["kind_of"] = {p: kind for kind, spec in raw["kinds"].items() for p in spec["predicates"]}
    out["habitual_re"] = re.compile("|".join(f"(?:{p})" for p in raw["habitual"]))
    out["operation_re"] = [re.compile(p) for p in raw["operation"]]
    months = "|".join(raw["months"] + sorted(raw["month_abbreviations"], key=len, reverse=True))
    out["month_day_re"] = re.compile(rf"\b({months})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}}))?", re.I)
    out["day_month_re"] = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({months})\b\.?(?:,? (\d{{4}}))?", re.I)
    not_adjective = r"(?![ -]+(?:(?-i:[A-Z])|(?:" + "|".join(raw["year_nouns"]) + r")\b))"  # "the 2030 election"
    out["month_year_re"] = re.compile(
        rf"\b(?:(early|mid|late)[- ]|in |during )(?:({months}) )?((?:19|20)\d\d)\b{not_adjective}"
        rf"|\b()({months}),? ((?:19|20)\d\d)\b{not_adjective}", re.I)
    out["weekday_re"] = re.compile(r"\b(" + "|".join(w.capitalize() for w in raw["weekdays"]) + r")\b")
    words = [*raw["today"], *raw["yesterday"], *raw["spans"]]
    out["relative_re"] = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I)
    for name, spec in raw["kinds"].items():
        unknown = set(spec["predicates"]) - set(PREDICATES)
        if unknown:
            raise ValueError(f"{_DATA}: kind {name!r} names predicates not in vocabulary.csv: {sorted(unknown)}")
    return out


@dataclass(frozen=True, slots=True)
class Report:
    """One edge as the decision sees it: who, what, to whom, when (a day range) and where."""

    edge: tuple[str, str, Any]  # (u, v, key) of the edge
    article: str
    start: int
    predicate: str
    kind: str
    modality: str
    actor: str  # the actor at the state or group level
    target: str  # the target at the state level (state bodies, places of a known country), else itself
    open_place: bool  # the target is a place of unknown country: it agrees with any place or country
    placeish: bool  # the target (at the state level) is a place or a country
    once: bool  # the killing of a named person: one incident whatever the dates
    speaker: str  # the actor's key when it is a person: two people's acts are two acts, even for one state
    lo: date | None  # first and last day it can have happened; None when undated
    hi: date | None
    dated: str  # how the range was read: "stated", "span", "published", "" (undated)
    habitual: str  # the words that make it habitual or aggregate, "" when it is one occurrence
    operation: str
    place: str  # node key of where it happened, "" when not stated
    country: str  # the country of that place, "" when unknown

    @property
    def order(self) -> tuple:
        """Content order: stated days first, then publication dates, then spans; then day, article, offset."""
        rank = {"stated": 0, "published": 1, "span": 2}.get(self.dated, 3)
        return (rank, self.lo or date.max, self.article, self.start, self.edge[0], self.edge[1], str(self.edge[2]))


@dataclass(slots=True)
class Incident:
    """Reports of one occurrence, with what defines it and why each report joined.

    Besides the reports it keeps what a newcomer is checked against (day range, targets, operations,
    countries, articles), so a check does not walk every report.
    """

    kind: str
    modality: str
    actor: str
    reports: list[Report] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    closed: bool = False  # a habitual statement or an unmergeable modality: nothing joins it
    lo: date | None = None  # the latest first day and the earliest last day of its dated reports
    hi: date | None = None
    targets: dict[tuple[str, bool, bool], Report] = field(default_factory=dict)
    operations: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)
    once: str = ""  # the person whose killing every report states, "" otherwise

    def add(self, r: Report) -> None:
        self.once = r.edge[1] if r.once and (not self.reports or self.once == r.edge[1]) else ""
        self.reports.append(r)
        if r.lo is not None and r.hi is not None:
            self.lo = r.lo if self.lo is None else max(self.lo, r.lo)
            self.hi = r.hi if self.hi is None else min(self.hi, r.hi)
        self.targets.setdefault((r.target, r.open_place, r.placeish), r)
        self.operations |= {r.operation} - {""}
        self.countries |= {r.country} - {""}
        self.articles.add(r.article)
        self.speakers |= {r.speaker} - {""}


def read_report(G: nx.MultiDiGraph, u: str, v: str, key: Any, attrs: dict[str, Any]) -> Report:
    """The report of edge (u, v, key): roots of its parties, its day range, habitual words, operation, place."""
    r = rules()
    predicate = attrs["predicate"]
    kind = r["kind_of"].get(predicate, predicate)
    symmetric = r["kinds"].get(kind, {}).get("symmetric", False)
    actor, target, open_place = _actor(G, u), _target(G, v), _open_place(G, v)
    if symmetric:
        other = _actor(G, v)
        actor, target, open_place = min(actor, other), max(actor, other), False
    sentence = attrs.get("sentence", "")
    published = day(G.graph.get("articles", {}).get(attrs.get("article", ""), {}).get("date", ""))
    lo, hi, dated = when(sentence, attrs.get("trigger", ""), day(attrs.get("date", "")), published)
    place = attrs.get("place", "") or (v if G.nodes[v].get("type") == "Place" else "")
    habitual, operation = _sentence_marks(sentence)
    once = G.nodes[v].get("type") in r["once"].get(predicate, ())
    speaker = u if G.nodes[u].get("type") == "Official" and not symmetric else ""
    return Report(edge=(u, v, key), article=attrs.get("article", ""), start=int(attrs.get("start", 0)),
                  predicate=predicate, kind=kind, modality=attrs.get("modality", "asserted"), actor=actor,
                  target=target, open_place=open_place, placeish=G.nodes[target].get("type") in _PLACEISH,
                  once=once, speaker=speaker, lo=lo, hi=hi, dated=dated, habitual=habitual, operation=operation,
                  place=place, country=_country(G, place))


@lru_cache(maxsize=4096)
def _sentence_marks(sentence: str) -> tuple[str, str]:
    """The words that make a sentence habitual ("" if none) and the operation it names ("" if none)."""
    r = rules()
    m = r["habitual_re"].search(sentence.lower())
    operation = next((o.group(1).strip() for rx in r["operation_re"] if (o := rx.search(sentence))), "")
    return (m.group(0) if m else ""), operation


def _up(G: nx.MultiDiGraph, key: str) -> str:
    """The country, organisation or group ``key`` belongs to, or "" (only Officials and Organizations go up)."""
    node = G.nodes[key]
    if node.get("type") in ("Official", "Organization"):
        up = node.get("affiliation", "")
        if not up and (iso := owner_iso(key)):  # org/<ISO>/<name>: a body the state owns
            up = country_key(iso)
        return up if up in G and up != key else ""
    return ""


def _actor(G: nx.MultiDiGraph, key: str) -> str:
    """The actor at the state or group level: an official or a state body is its country (two steps at most)."""
    for _ in range(2):
        up = _up(G, key)
        if not up:
            break
        key = up
    return key


def _target(G: nx.MultiDiGraph, key: str) -> str:
    """The target at the state level: a state body or a place of a known country is that country; a person is itself."""
    node = G.nodes[key]
    if node.get("type") == "Place":
        return node.get("located_in", "") or key
    if node.get("type") == "Organization" and (up := _up(G, key)) and G.nodes[up].get("type") == "Country":
        return up
    return key


def _open_place(G: nx.MultiDiGraph, key: str) -> bool:
    node = G.nodes[key]
    return node.get("type") == "Place" and not node.get("located_in")


def _country(G: nx.MultiDiGraph, place: str) -> str:
    return G.nodes[place].get("located_in", "") if place in G else ""


def _targets_agree(a: Report, b: Report) -> bool:
    if a.target == b.target:
        return True
    return (a.open_place and b.placeish) or (b.open_place and a.placeish)


def _window(r: Report, inc: Incident) -> int | None:
    """Days the report may lie from the incident's reports; None when time does not matter."""
    spec = rules()
    if r.once and inc.once == r.edge[1]:
        return None
    if r.operation and r.operation in inc.operations:
        return spec["operation_days"]
    return spec["kinds"].get(r.kind, {}).get("window", 0)


def _agrees(r: Report, inc: Incident) -> str:
    """Why ``r`` can join ``inc`` ("" when it cannot): it must agree with every report already in it."""
    if inc.closed:
        return ""
    if not all(_targets_agree(r, o) for o in inc.targets.values()):
        return ""
    if r.operation and inc.operations and r.operation not in inc.operations:
        return ""
    if r.speaker and inc.speakers and r.speaker not in inc.speakers:
        return ""
    if r.country and inc.countries and r.country not in inc.countries:
        return ""
    window = _window(r, inc)
    if window is None:
        return "the killing of one named person"
    if r.lo is None or r.hi is None or inc.lo is None or inc.hi is None:  # undated: only within one article
        return "undated, same article" if inc.articles == {r.article} else ""
    if r.lo > shift(inc.hi, window) or inc.lo > shift(r.hi, window):
        return ""
    how = f"same operation '{r.operation}'" if r.operation in inc.operations else f"within {window} days"
    return f"{_span(r.lo, r.hi)} ({r.dated}) and {_span(inc.lo, inc.hi)}: {how}"


def _span(lo: date, hi: date) -> str:
    return lo.isoformat() if lo == hi else f"{lo.isoformat()}..{hi.isoformat()}"


def _gap(r: Report, inc: Incident) -> tuple:
    """Rank of a candidate incident: closest in time, then the most recent, then the largest, then content order."""
    if r.lo is None or r.hi is None or inc.lo is None or inc.hi is None:
        return (0, 0, -len(inc.reports), inc.reports[0].order)
    gap = max((r.lo - inc.hi).days, (inc.lo - r.hi).days, 0)
    return (gap, -inc.hi.toordinal(), -len(inc.reports), inc.reports[0].order)


def find_incidents(G: nx.MultiDiGraph) -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str, Any], str]]:
    """The incidents of G's edges: ``(table, incident_of)``.

    ``table`` maps an incident id to its record (``actor``, ``target``, ``predicate``, ``corroboration``,
    ``articles``, ``reasons`` and, when known, ``date``, ``date_end``, ``place``); ``incident_of`` maps
    each edge ``(u, v, key)`` to its incident id.

    >>> G = nx.MultiDiGraph(articles={"a": {"date": "2031-03-04"}, "b": {"date": "2031-03-05"}})
    >>> G.add_node("country/RR", type="Country"); G.add_node("country/FD", type="Country")
    >>> for art, sent in (("a", "Ruritania shelled Freedonia on Tuesday."), ("b", "Tuesday's shelling drew protests.")):
    ...     _ = G.add_edge("country/RR", "country/FD", key=art, predicate="struck", article=art, sentence=sent, start=0)
    >>> table, incident_of = find_incidents(G)
    >>> [(t["corroboration"], t["date"]) for t in table.values()], len(set(incident_of.values()))
    ([(2, '2031-03-04')], 1)
    """
    reports = sorted((read_report(G, u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)),
                     key=lambda r: r.order)
    mergeable = set(rules()["merge_modalities"])
    blocks: dict[tuple[str, str, str], list[Incident]] = {}
    incidents: list[Incident] = []
    for r in reports:
        block = blocks.setdefault((r.kind, r.modality, r.actor), [])
        if r.habitual or r.modality not in mergeable:
            why = f"habitual or aggregate ('{r.habitual}')" if r.habitual else f"{r.modality}: not an occurrence"
            inc = Incident(r.kind, r.modality, r.actor, reasons=[f"{_where(r)}: {why}, never merged"], closed=True)
            inc.add(r)
        else:
            candidates = [(inc, why) for inc in block if (why := _agrees(r, inc))]
            if r.dated == "span" and len(candidates) > 1 and not r.once and not r.operation:
                candidates = []  # "last week" names one incident only when it is the only one it can be
            if candidates:
                inc, why = min(candidates, key=lambda c: _gap(r, c[0]))
                inc.reasons.append(f"{_where(r)} joined {_where(inc.reports[0])}: {r.kind}, same actor, target agrees, {why}")
                inc.add(r)
                continue
            inc = Incident(r.kind, r.modality, r.actor)
            inc.add(r)
        block.append(inc)
        incidents.append(inc)
    table: dict[str, dict[str, Any]] = {}
    incident_of: dict[tuple[str, str, Any], str] = {}
    for inc in incidents:
        record = _record(G, inc)
        iid = _incident_id(inc, record)
        if iid in table:  # two incidents with one definition (rare): the first report tells them apart
            iid = _hash(iid, _edge_id(inc.reports[0].edge))
        table[iid] = record
        for r in inc.reports:
            incident_of[r.edge] = iid
    return table, incident_of


def _where(r: Report) -> str:
    return f"{r.article}@{r.start} {r.predicate} {r.edge[1]}"


def _edge_id(edge: tuple[str, str, Any]) -> str:
    return json.dumps([edge[0], edge[1], str(edge[2])], ensure_ascii=False)


def _hash(*parts: Any) -> str:
    data = json.dumps(parts, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def _incident_id(inc: Incident, record: dict[str, Any]) -> str:
    if inc.closed:
        return _hash("report", _edge_id(inc.reports[0].edge))
    day = "" if inc.once else _first_day(inc)
    ops = sorted({r.operation for r in inc.reports if r.operation})
    return _hash(inc.kind, inc.modality, inc.actor, record["target"], day, ops[:1])


def _first_day(inc: Incident) -> str:
    stated = [r.lo for r in inc.reports if r.dated == "stated" and r.lo]
    if stated:
        return min(stated).isoformat()
    published = [r.hi for r in inc.reports if r.hi]
    return min(published).isoformat() if published else ""


def _record(G: nx.MultiDiGraph, inc: Incident) -> dict[str, Any]:
    order = list(PREDICATES)
    counts = Counter(r.predicate for r in inc.reports)
    predicate = min(counts, key=lambda p: (-counts[p], order.index(p) if p in order else len(order), p))
    targets = Counter(r.target for r in inc.reports)
    countries = sorted(t for t in targets if G.nodes[t].get("type") == "Country") if len(targets) > 1 else []
    target = countries[0] if countries else min(targets, key=lambda t: (-targets[t], t))
    articles = sorted({r.article for r in inc.reports if r.article})
    record: dict[str, Any] = {"actor": inc.actor, "target": target, "predicate": predicate,
                              "corroboration": len(articles), "articles": articles,
                              "reasons": sorted(set(inc.reasons)) or [f"{_where(inc.reports[0])}: single report"]}
    stated = sorted(r.lo for r in inc.reports if r.dated == "stated" and r.lo)
    edge_days = sorted(d for r in inc.reports if (d := G.edges[r.edge].get("date", "")))
    if stated:
        record["date"] = stated[0].isoformat()
        if stated[-1] != stated[0]:
            record["date_end"] = stated[-1].isoformat()
    elif edge_days:
        record["date"] = edge_days[0]
    places = Counter(r.place for r in inc.reports if r.place)
    if places:
        record["place"] = min(places, key=lambda p: (-places[p], p))
    return record
