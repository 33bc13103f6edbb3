"""The kg command end to end: build, query, validate, errors, help and version."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kg.cli import app

from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "exports"
    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_cli_build_writes_every_export_and_one_summary(built):
    out, output = built
    for name in ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.html", "graph.trig", "graph.json"):
        assert (out / name).stat().st_size > 0, name
    summary = output.splitlines()[0]
    assert summary.startswith("1 articles; ")
    assert "Country" in summary and "struck" in summary and summary.endswith(" s")
    assert f"open {out / 'graph.html'}" in output


def test_cli_query_lists_pakistan_striking_iran(built):
    out, _ = built
    q = 'SELECT ?a ?b WHERE { ?a ?p ?b . FILTER(STRENDS(STR(?p), "struck")) }'
    result = runner.invoke(app, ["query", str(out), q, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {"a": "id:country/PK", "b": "id:country/IR"} in rows


def test_cli_query_table_and_csv(built):
    out, _ = built
    q = "SELECT ?l WHERE { ?c a kg:Country ; rdfs:label ?l } ORDER BY ?l"
    table = runner.invoke(app, ["query", str(out), q])
    assert table.exit_code == 0 and "Pakistan" in table.output and "rows" in table.output
    csv = runner.invoke(app, ["query", str(out), q, "--format", "csv"])
    assert csv.output.splitlines()[0] == "l" and "Iran" in csv.output.splitlines()


def test_cli_saved_query_runs(built):
    out, _ = built
    result = runner.invoke(app, ["query", str(out), "--saved", "who-struck-whom", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert any(r.get("actor") == "Pakistan" and r.get("target") == "Iran" for r in json.loads(result.output))


def test_cli_validate_passes_on_the_seed_build(built):
    out, _ = built
    result = runner.invoke(app, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_cli_missing_path_is_one_line_error(tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["build", str(missing), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {missing}: no such file or folder; check the path\n"
    assert not (tmp_path / "out").exists()


def test_cli_query_refuses_update(built):
    out, _ = built
    result = runner.invoke(app, ["query", str(out), "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1
    assert "--allow-update" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_cli_version():
    import kg

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"kg {kg.__version__}"


@pytest.mark.parametrize("command", ["build", "query", "validate"])
def test_cli_help_has_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: kg " + command in " ".join(result.output.split())
