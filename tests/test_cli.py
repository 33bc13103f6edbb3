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
    table = runner.invoke(app, ["query", str(out), q, "--format", "table"])
    assert table.exit_code == 0 and "Pakistan" in table.output and "4 rows" in table.output
    csv = runner.invoke(app, ["query", str(out), q, "--format", "csv"])
    assert csv.output.splitlines()[0] == "l" and "Iran" in csv.output.splitlines()
    piped = runner.invoke(app, ["query", str(out), q])  # stdout is not a terminal: CSV
    assert piped.output == csv.output


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
    assert result.exit_code == 2  # nothing built, nothing written
    assert result.stderr == f"error: {missing}: no such file or folder; check the path\n"
    assert not (tmp_path / "out").exists()


def test_cli_query_refuses_update(built):
    out, _ = built
    result = runner.invoke(app, ["query", str(out), "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code == 2
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


GOOD = "Ruritania talks\n2031-03-14\n\nRuritania struck Freedonia on Thursday.\n"


@pytest.fixture()
def article(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("make_out, message", [
    (lambda t: (t / "file").write_text("x") and t / "file", "exists and is not a folder; choose another --out"),
    (lambda t: (t / "file").write_text("x") and t / "file" / "sub", "is a file, not a folder; choose another --out"),
])
def test_cli_build_refuses_a_bad_out_before_building(tmp_path, article, make_out, message):
    out = make_out(tmp_path)
    result = runner.invoke(app, ["build", str(article), "--out", str(out), "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {out}: ") and result.stderr.rstrip().endswith(message)
    assert len(result.stderr.splitlines()) == 1 and result.stdout == ""


def test_cli_build_refuses_an_unwritable_out_before_building(article):
    """Run as an unprivileged child (root writes anywhere); the build would take seconds, the refusal none."""
    import os
    import shutil
    import tempfile

    from tests.test_read import _as_unprivileged

    d = Path(tempfile.mkdtemp(prefix="kg-out-"))
    d.chmod(0o555)
    src = d / "a.txt"
    os.chmod(d, 0o755)
    src.write_text(GOOD, encoding="utf-8")
    d.chmod(0o555)

    def check() -> bool:
        result = runner.invoke(app, ["build", str(src), "--out", str(d / "exports"), "--no-cache"])
        return (result.exit_code == 2 and result.stderr == f"error: {d / 'exports'}: {d} is not writable; "
                "choose another --out or make it writable\n" and not (d / "exports").exists())

    try:
        assert _as_unprivileged(check)
    finally:
        d.chmod(0o755)
        shutil.rmtree(d)


@pytest.mark.parametrize("name", ["x/[/y]", "exports [draft]", "[bold]b[/bold]", "a\x1b]0;owned\x07b", "a :warning: b"])
def test_cli_build_prints_an_out_path_with_markup_or_escapes_as_it_is(tmp_path, article, name):
    out = tmp_path / name
    result = runner.invoke(app, ["build", str(article), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    shown = str(out / "graph.html").replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    assert f"open {shown} in a browser" in result.stdout
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert (out / "graph.ttl").is_file()


def test_cli_error_lines_and_file_names_are_inert(tmp_path):
    bad = tmp_path / "evil\x1b[2J\x1b]0;pwned\x07\u202e.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["build", str(bad), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 2
    assert result.stderr == (f"error: {tmp_path}/evil\\x1b[2J\\x1b]0;pwned\\x07\\u202e.txt: file is empty; "
                             "give kg an article with text\n")


def test_cli_query_output_is_inert_in_table_csv_and_json(built):
    out, _ = built
    q = 'SELECT ?x WHERE { BIND("a\\u001b[31mred\\u0007 \\u009b2J \\u202e x" AS ?x) }'
    table = runner.invoke(app, ["query", str(out), q, "--format", "table"])
    csv = runner.invoke(app, ["query", str(out), q, "--format", "csv"])
    js = runner.invoke(app, ["query", str(out), q, "--format", "json"])
    for result in (table, csv, js):
        assert result.exit_code == 0, result.output
        assert not any(c in result.output for c in "\x1b\x07\x9b\u202e")
    assert "a\\x1b[31mred\\x07 \\x9b2J \\u202e x" in table.output and csv.output.splitlines()[1] == "a\\x1b[31mred\\x07 \\x9b2J \\u202e x"
    assert json.loads(js.output) == [{"x": "a\x1b[31mred\x07 \x9b2J \u202e x"}]  # JSON escapes, the value intact


def test_cli_internal_error_is_one_line_and_exit_3(tmp_path, article, monkeypatch):
    import importlib

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(importlib.import_module("kg.exports"), "export_all", broken)
    result = runner.invoke(app, ["build", str(article), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 3
    assert result.stderr == ("error: internal error (ZeroDivisionError: division by zero); this is a bug in kg, "
                             "please report it with the --debug output\n")


def test_cli_exit_codes(tmp_path, article):
    """0 all built; 1 some inputs skipped, exports written; 2 usage or output error, nothing written."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert runner.invoke(app, ["build", str(article), "--out", str(tmp_path / "o0"), "--no-cache"]).exit_code == 0
    partial = runner.invoke(app, ["build", str(article), str(empty), "--out", str(tmp_path / "o1"), "--no-cache"])
    assert partial.exit_code == 1 and (tmp_path / "o1" / "graph.ttl").is_file()
    nothing = runner.invoke(app, ["build", str(empty), "--out", str(tmp_path / "o2"), "--no-cache"])
    assert nothing.exit_code == 2 and not (tmp_path / "o2").exists()
    assert runner.invoke(app, ["build", str(article), "--workers", "0"]).exit_code == 2  # usage
    assert runner.invoke(app, ["query", str(tmp_path / "o0"), "no-such-query"]).exit_code == 2


def test_cli_query_unknown_saved_name_lists_near_matches(built):
    out, _ = built
    result = runner.invoke(app, ["query", str(out), "--saved", "who-strck-whom"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: who-strck-whom: no saved query of that name; did you mean who-struck-whom?")


def test_cli_query_table_wraps_long_columns_instead_of_squeezing(built, monkeypatch):
    out, _ = built
    wide = runner.invoke(app, ["query", str(out), "--saved", "who-struck-whom", "--format", "table"],
                         env={"COLUMNS": "160"})
    assert wide.exit_code == 0, wide.output
    lines = wide.stdout.splitlines()
    assert max(len(line) for line in lines) <= 160
    header = next(line for line in lines if "actor" in line)
    assert all(name in header for name in ("actor", "target", "date", "sentence", "article"))  # none squeezed
    widths = [len(cell) for cell in header.split("\u2503")[1:-1]]
    assert min(widths) >= 12 and len(lines) > 12  # sentences wrap over several lines
    narrow = runner.invoke(app, ["query", str(out), "--saved", "who-struck-whom", "--format", "table"],
                           env={"COLUMNS": "60"})
    assert "actor: Pakistan" in narrow.stdout and max(len(line) for line in narrow.stdout.splitlines()) <= 60


def test_cli_query_into_a_closed_pipe_is_quiet(built):
    import os
    import subprocess
    import sys

    out, _ = built
    proc = subprocess.Popen([sys.executable, "-m", "kg", "query", str(out), "CONSTRUCT WHERE { ?s ?p ?o }"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    proc.stdout.close()  # the reader is gone before kg writes a byte
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and err == b""


def test_cli_ctrl_c_is_one_line_and_exit_130(tmp_path, article, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    import importlib

    monkeypatch.setattr(importlib.import_module("kg.pipeline"), "build_graph", interrupted)
    result = runner.invoke(app, ["build", str(article), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 130
    assert result.stderr.startswith("error: interrupted;") and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()
