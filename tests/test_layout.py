"""Data flows one way: read -> nlp -> mentions -> resolve -> relations -> graph -> rdf/html/export/query."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
EXTRACTION = {"read", "inputs", "nlp", "gazetteer", "lexicon", "mentions", "resolve", "relations"}
OUTPUT = {"rdf", "html", "export", "query", "push", "events", "gexf", "graphml", "geo", "diff", "notebook"}


def imports(module: str) -> set[str]:
    tree = ast.parse((KG / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from .x import y / from . import x
                found |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
            elif node.module:
                found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[0] for a in node.names}
    return found


@pytest.mark.parametrize("module", sorted(EXTRACTION))
def test_layout_extraction_never_touches_rdf_html_or_sparql(module):
    assert not imports(module) & {"rdflib", "pyvis", "pyoxigraph", "pyshacl", *OUTPUT}


@pytest.mark.parametrize("module", sorted(OUTPUT | {"graph"}))
def test_layout_graph_and_exports_never_load_spacy(module):
    assert not imports(module) & {"spacy", *EXTRACTION - {"read"}}
