"""Symmetric I/O and the error tree: the format registry, node-link and RDF file pairs, kg.build(out=...), errors."""
from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import networkx as nx
import pytest

import kg
import kg.errors
from kg.errors import ConfigError, ExtractionError, InputError, KgError, ModelError, OutputError, QueryError, one_line
from kg.exportset import LOCK, hold, release
from kg.formats import DEFAULT_FORMATS, FORMATS, RDF_SUFFIXES, by_suffix, export_file
from kg.nodelink import from_node_link, read_node_link, to_node_link, write_node_link
from kg.rdf_io import read_rdf, write_rdf

DATA = Path(__file__).parent / "data"
GOOD = "Ruritania talks\n2024-03-14\n\nRuritania struck rebel targets in Freedonia on Thursday.\n"


@pytest.fixture(scope="module")
def ruritania() -> nx.MultiDiGraph:
    return read_node_link(DATA / "ruritania.json")


# ---------------------------------------------------------------- the format registry


def test_io_registry_names_every_export_once_with_its_suffix():
    files = [f.filename for f in FORMATS.values()]
    assert len(files) == len(set(files))
    for name, fmt in FORMATS.items():
        assert by_suffix(fmt.filename) is fmt, name
    assert set(DEFAULT_FORMATS) == set(FORMATS) - {"ntriples", "nquads"}
    assert set(RDF_SUFFIXES) == {".ttl", ".trig", ".jsonld", ".json-ld", ".nt", ".nq"}
    assert by_suffix("notes.txt") is None


def test_io_a_folder_means_its_graph_file(tmp_path):
    assert export_file(tmp_path) == tmp_path / "graph.ttl"
    assert export_file(tmp_path, "trig") == tmp_path / "graph.trig"
    assert export_file(tmp_path / "x.nt") == tmp_path / "x.nt"


def test_io_every_reader_of_the_registry_inverts_the_export(ruritania, tmp_path):
    written = kg.export(ruritania, tmp_path)
    readable = [n for n, f in FORMATS.items() if f.read is not None and n in DEFAULT_FORMATS]
    assert {"turtle", "trig", "jsonld", "json"} <= set(readable)
    for name in readable:
        path = tmp_path / FORMATS[name].filename
        assert path in written
        assert nx.utils.graphs_equal(FORMATS[name].read(path), ruritania), name


# ---------------------------------------------------------------- node-link and RDF pairs


def test_io_node_link_round_trip_is_exact_and_in_the_export_dialect(ruritania, tmp_path):
    text = to_node_link(ruritania)
    data = json.loads(text)
    assert "edges" in data and "links" not in data and {"from", "to"} <= set(data["edges"][0])
    assert nx.utils.graphs_equal(from_node_link(text), ruritania)
    write_node_link(ruritania, tmp_path / "g.json")
    assert (tmp_path / "g.json").read_text(encoding="utf-8") == text
    assert nx.utils.graphs_equal(read_node_link(tmp_path / "g.json"), ruritania)


def test_io_fixtures_are_in_the_export_dialect():
    for name in ("ruritania", "tiny"):
        data = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
        assert "edges" in data and "links" not in data, name


@pytest.mark.parametrize("content, message", [
    (None, "no such file"), ("{not json", "not kg's node-link JSON"), ('{"nodes": 3}', "not kg's node-link JSON"),
])
def test_io_node_link_reader_errors_are_one_line_naming_the_file(tmp_path, content, message):
    path = tmp_path / "graph.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_node_link(tmp_path)
    assert message in str(info.value) and str(path) in str(info.value) and "\n" not in str(info.value)


def test_io_write_rdf_gives_the_export_bytes_and_refuses_other_suffixes(ruritania, tmp_path):
    kg.export(ruritania, tmp_path / "out")
    for suffix, name in ((".ttl", "graph.ttl"), (".trig", "graph.trig"), (".jsonld", "graph.jsonld")):
        path = write_rdf(ruritania, tmp_path / f"g{suffix}")
        assert path.read_bytes() == (tmp_path / "out" / name).read_bytes(), suffix
        assert nx.utils.graphs_equal(read_rdf(path), ruritania)
    with pytest.raises(OutputError, match="unknown RDF format '.csv'"):
        write_rdf(ruritania, tmp_path / "g.csv")


# ---------------------------------------------------------------- kg.build(out=...) and the thin CLI


def test_io_build_with_out_never_reads_the_output_folder_and_hands_the_lock_to_export(tmp_path):
    corpus = tmp_path / "corpus"
    out = corpus / "exports"
    out.mkdir(parents=True)
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    (out / "old.txt").write_text("Freedonia struck Ruritania.\n", encoding="utf-8")  # inside --out: not an article
    seen = []
    G = kg.build(corpus, out=out, cache=None, progress=lambda done, total, cached: seen.append((done, total, cached)))
    assert list(G.graph["articles"]) == ["a"]
    assert seen == [(0, 1, False), (1, 1, False)]
    assert hold(out) is False  # still held by the build, in this process
    kg.export(G, out)
    assert hold(out) is True  # released by kg.export
    release(out)


def test_io_build_with_out_releases_and_removes_the_folder_when_nothing_is_built(tmp_path):
    out = tmp_path / "new"
    errors = []
    G = kg.build([tmp_path / "missing.txt"], out=out, on_error=errors.append)
    assert not G.graph["articles"] and len(errors) == 1 and not out.exists()
    with pytest.raises(OutputError, match="exists and is not a folder"):
        kg.build([tmp_path / "missing.txt"], out=Path(__file__))


def test_io_build_reports_skipped_paperwork_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "README.md").write_text("About this folder.\n", encoding="utf-8")
    skipped = []
    G = kg.build(tmp_path, on_skipped=skipped.append)
    assert list(G.graph["articles"]) == ["a"] and skipped == [[tmp_path / "README.md"]]
    assert not (tmp_path / LOCK).exists()


def test_io_cli_build_calls_kg_build_and_kg_export_and_nothing_else():
    from kg import cli

    tree = ast.parse(inspect.getsource(cli.build))
    imported = {(n.module, a.name) for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    imported |= {(None, a.name) for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert imported == {(None, "kg")}
    calls = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
             and isinstance(n.func.value, ast.Name) and n.func.value.id == "kg"}
    assert calls == {"build", "export"}


# ---------------------------------------------------------------- the error tree


def test_io_user_errors_are_kg_errors_and_a_crash_is_not():
    for cls in (InputError, OutputError, ConfigError, ModelError, QueryError):
        assert issubclass(cls, KgError), cls
    assert not issubclass(ExtractionError, KgError)
    assert ExtractionError("a.txt: kg failed", "Traceback ...").details == "Traceback ..."


def test_io_one_line_is_the_only_squasher():
    assert one_line(ValueError("a\n\n b\tc")) == "a b c"
    assert one_line("x" * 300, 200) == "x" * 200 + "..."
    for path in Path(kg.errors.__file__).parent.glob("*.py"):
        if path.name == "errors.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert "' '.join(str(err).split())" not in text and '" ".join(str(err).split())' not in text, path.name


def test_io_html_asset_problems_are_config_errors_not_builtins(monkeypatch):
    import kg.html

    monkeypatch.setattr(kg.html, "_vis_assets", lambda: ("var a = '</script>';", ""))
    with pytest.raises(ConfigError, match="vis-network.min.js contains '</script'"):
        kg.html.to_html(nx.MultiDiGraph(articles={}))
