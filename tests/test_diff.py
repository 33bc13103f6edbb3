"""kg.diff (kg.changes) and `kg diff`: entities, events, incidents and articles added, removed and changed."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

import kg
from kg.nodelink import read_node_link
from kg.cli import app

DATA = Path(__file__).resolve().parent / "data"


def _ruritania() -> nx.MultiDiGraph:
    return read_node_link(DATA / "ruritania.json")


@pytest.fixture()
def builds() -> tuple[nx.MultiDiGraph, nx.MultiDiGraph]:
    """An old build and a new one: a group gone, a country added, a relabel, a strike now denied, a new article."""
    old, new = _ruritania(), _ruritania()
    new.remove_node("group/elphberg-militia")
    new.add_node("country/ZN", type="Country", label="Zenda Republic", aliases=[], articles=["a4"], mentions=1)
    new.graph["articles"]["a4"] = {"title": "Zenda declares itself", "path": "a4.txt", "date": "2031-03-06", "url": ""}
    new.add_edge("country/ZN", "country/RR", key="condemned:a4:0:country/RR", predicate="condemned", modality="asserted",
                 cameo="111", plover="ACCUSE", confidence=0.8, article="a4", sentence="Zenda condemned Ruritania.",
                 start=0, end=26, trigger="condemned")
    new.nodes["country/FD"]["label"] = "Kingdom of Freedonia"
    new.edges["country/RR", "country/FD", "struck:a1:0:country/FD"]["modality"] = "negated"
    # incidents: the two strikes were one incident; in the new build the second report is its own
    for G in (old, new):
        G.edges["country/RR", "country/FD", "struck:a1:0:country/FD"]["incident"] = "inc-1"
    old.edges["country/RR", "country/FD", "struck:a2:10:country/FD"]["incident"] = "inc-1"
    new.edges["country/RR", "country/FD", "struck:a2:10:country/FD"]["incident"] = "inc-2"
    return old, new


def test_diff_entities(builds):
    d = kg.diff(*builds)
    assert [e["id"] for e in d.entities.added] == ["country/ZN"]
    assert [e["id"] for e in d.entities.removed] == ["group/elphberg-militia"]
    assert [(e["id"], e["fields"]) for e in d.entities.changed] == [
        ("country/FD", {"label": ["Freedonia", "Kingdom of Freedonia"]})]


def test_diff_events(builds):
    d = kg.diff(*builds)
    assert [e["key"] for e in d.events.added] == ["condemned:a4:0:country/RR"]
    assert [e["key"] for e in d.events.removed] == ["supported:a3:48:country/RR"]  # went with the militia
    changed = {e["key"]: e["fields"] for e in d.events.changed}
    assert changed["struck:a1:0:country/FD"] == {"modality": ["asserted", "negated"]}
    assert changed["struck:a2:10:country/FD"] == {"incident": ["inc-1", "inc-2"]}


def test_diff_incidents_and_articles(builds):
    d = kg.diff(*builds)
    assert [i["id"] for i in d.incidents.added] == ["inc-2"]
    assert d.incidents.removed == []
    [changed] = d.incidents.changed
    assert changed["id"] == "inc-1" and changed["events_removed"] == ["country/RR struck:a2:10:country/FD"]
    assert [a["id"] for a in d.articles.added] == ["a4"]


def test_diff_of_a_graph_with_itself_is_empty(builds):
    old, _ = builds
    d = kg.diff(old, old.copy())
    assert d.empty and str(d) == "no differences\n"


def test_diff_cli_text_and_json(builds, tmp_path):
    old, new = builds
    for G in builds:  # incidents are compared above; here only what every export carries
        for _, _, d in G.edges(data=True):
            d.pop("incident", None)
    kg.export(old, tmp_path / "old")
    kg.export(new, tmp_path / "new")
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(tmp_path / "old"), str(tmp_path / "new")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "entities: 1 added, 1 removed, 1 changed"
    assert "  + country/ZN Zenda Republic (Country)" in lines
    assert "  - group/elphberg-militia Elphberg Militia (Group)" in lines
    assert "  + 2031-03-06 Zenda Republic condemned Ruritania [a4]" in lines
    assert any(line.startswith("  ~ 2031-03-03 Ruritania struck Kingdom of Freedonia (negated) [a1]: modality")
               for line in lines)
    assert "articles: 1 added, 0 removed, 0 changed" in lines
    result = runner.invoke(app, ["diff", str(tmp_path / "old"), str(tmp_path / "new" / "graph.ttl"), "--format", "json"])
    data = json.loads(result.stdout)
    assert data["events"]["counts"] == {"added": 1, "removed": 1, "changed": 1}
    assert data["events"]["changed"][0]["fields"] == {"modality": ["asserted", "negated"]}
    assert data["entities"]["added"][0]["label"] == "Zenda Republic"


def test_diff_cli_limit_and_bad_input(builds, tmp_path):
    old, new = builds
    kg.export(old, tmp_path / "old")
    result = CliRunner().invoke(app, ["diff", str(tmp_path / "old"), str(tmp_path / "missing")])
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {tmp_path / 'missing'}")
    assert len(result.stderr.strip().splitlines()) == 1
    result = CliRunner().invoke(app, ["diff", str(tmp_path / "old"), str(tmp_path / "old"), "--format", "yaml"])
    assert result.exit_code == 2 and result.stderr == "error: --format 'yaml' is not one of text, json\n"


def test_diff_of_two_real_builds():
    """Re-reporting: an article's strike becomes a denial and a new article is added."""
    base = {"id": "raid", "title": "Raid", "date": "2031-03-03"}
    old = kg.build([{**base, "text": "Peru launched drone strikes against Chile on Monday."}])
    new = kg.build([{**base, "text": "Peru denied launching drone strikes against Chile on Monday."},
                    {"id": "calm", "text": "Norway urged Peru and Chile to exercise restraint.", "date": "2031-03-05"}])
    d = kg.diff(old, new)
    assert "country/NO" in [e["id"] for e in d.entities.added]
    assert [a["id"] for a in d.articles.added] == ["calm"]
    assert {(e["predicate"], e["article"]) for e in d.events.added} >= {("urgedRestraint", "calm")}
    strikes = [e for e in d.events.changed + d.events.removed if e["predicate"] == "struck"]
    assert strikes, d.summary()
