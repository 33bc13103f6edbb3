"""The events table: kg.events(G), `kg events`, and events.csv from `kg build`."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

import kg
from kg.nodelink import read_node_link
from kg.cli import app
from kg.errors import KgError
from kg.tables import COLUMNS, write_events

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture()
def ruritania() -> nx.MultiDiGraph:
    return read_node_link(DATA / "ruritania.json")


def test_events_one_row_per_edge_with_every_column(ruritania):
    df = kg.events(ruritania)
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == ruritania.number_of_edges()
    assert set(df.event_id) == {k for _, _, k in ruritania.edges(keys=True)}


def test_events_rows_carry_actor_target_codes_and_article(ruritania):
    df = kg.events(ruritania).set_index("event_id")
    row = df.loc["struck:a1:0:country/FD"]
    assert (row.actor_label, row.actor_type, row.actor_iso) == ("Ruritania", "Country", "RR")
    assert (row.target_label, row.target_iso) == ("Freedonia", "FD")
    assert (row.cameo_code, row.cameo_name, row.cameo_root) == ("190", "Use conventional military force", "19")
    assert (row.quad_class, row.quad_class_name, row.plover_category) == (4, "material conflict", "ASSAULT")
    assert (row.place_key, row.place_label, row.casualties) == ("place/zenda", "Zenda", 2)
    assert (row.title, row.url, row.article_date, row.date) == (
        "Ruritania shells border post", "https://news.example/a1", "2031-03-04", "2031-03-03")
    assert (row.sentence_start, row.sentence_end, row.trigger) == (0, 43, "shelled")
    # an official's ISO and affiliation come from the state it serves; a source is named
    condemned = df.loc["condemned:a1:44:country/FD"]
    assert (condemned.actor_iso, condemned.actor_affiliation) == ("RR", "Ruritania")
    assert df.loc["struck:a2:10:country/FD"].source_label == "Freedonia"
    # no stated date: the article's; the offer keeps its own CAMEO name and a cooperation quad class
    assert df.loc["struck:a2:10:country/FD"].date == "2031-03-05"
    offer = df.loc["mediated:a2:101:country/FD"]
    assert (offer.cameo_name, offer.quad_class, offer.modality) == ("Express intent to mediate", 1, "offered")


def test_events_incident_id_comes_from_the_edge(ruritania):
    nx.set_edge_attributes(ruritania, {("country/RR", "country/FD", "struck:a1:0:country/FD"): "incident/zenda-shelling"},
                           "incident")
    df = kg.events(ruritania).set_index("event_id")
    assert df.loc["struck:a1:0:country/FD"].incident_id == "incident/zenda-shelling"
    assert df.loc["struck:a2:10:country/FD"].incident_id == ""


def test_events_from_a_real_build(invented_graph):
    df = kg.events(invented_graph)
    struck = df[(df.predicate == "struck") & (df.target_label == "Chile")]
    assert set(struck.actor_label) == {"Peru"} and set(struck.target_iso) == {"CL"}
    assert "Arica" in set(struck.place_label)
    drone = struck[struck.cameo_code == "195"]
    assert not drone.empty and set(drone.plover_mode) == {"drone"}
    sanction = df[df.predicate == "sanctioned"].iloc[0]
    assert (sanction.actor_label, sanction.target_label, sanction.url, sanction.article_id) == (
        "Norway", "Peru", "https://news.example/norway-calm", "norway-calm")


def test_events_cli_csv_and_jsonl(seed_exports):
    runner = CliRunner()
    result = runner.invoke(app, ["events", str(seed_exports)])
    assert result.exit_code == 0, result.output
    df = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
    assert list(df.columns) == list(COLUMNS) and len(df) > 0
    assert {"Pakistan", "Iran"} <= set(df.actor_label)
    result = runner.invoke(app, ["events", str(seed_exports), "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(df) and rows[0]["event_id"] == df.event_id[0]


def test_events_cli_parquet_round_trip(seed_exports, tmp_path):
    out = tmp_path / "events.parquet"
    result = CliRunner().invoke(app, ["events", str(seed_exports), "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    df = pd.read_parquet(out)
    assert list(df.columns) == list(COLUMNS)
    assert df.quad_class.dtype == "Int64" and set(df.quad_class.dropna()) <= {1, 2, 3, 4}


def test_events_parquet_without_pyarrow_says_how_to_install(ruritania, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(KgError, match=r"pip install 'kg\[parquet\]'"):
        write_events(ruritania, tmp_path / "e.parquet")
    assert not (tmp_path / "e.parquet").exists()


def test_events_cli_rejects_an_unknown_format(seed_exports):
    result = CliRunner().invoke(app, ["events", str(seed_exports), "--format", "xlsx"])
    assert result.exit_code == 2  # a usage error (README: exit codes)
    assert result.stderr.strip() == "error: --format 'xlsx' is not one of csv, jsonl, parquet"


def test_events_csv_is_written_by_build(seed_exports, seed_graph):
    df = pd.read_csv(seed_exports / "events.csv", dtype=str, keep_default_na=False)
    assert list(df.columns) == list(COLUMNS)
    assert len(df) == seed_graph.number_of_edges()
