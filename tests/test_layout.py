"""Data flows one way: read -> nlp -> mentions -> resolve -> relations -> graph -> rdf/html/exports/sparql."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
EXTRACTION = {"read", "metadata", "htmltext", "inputs", "nlp", "gazetteer", "lexicon", "mentions", "classify", "officials",
              "acronyms", "resolve", "references", "relations", "frames"}
OUTPUT = {"rdf", "rdf_io", "namespace", "nodelink", "formats", "html", "html_layout", "exports", "sparql", "store", "tables", "gexf", "graphml",
          "geo", "changes", "notebook"}


def sources(module: str) -> list[Path]:
    """The files of a module: ``kg/<module>.py``, or every ``.py`` under ``kg/<module>/`` for a package."""
    package = KG / module
    return sorted(package.rglob("*.py")) if package.is_dir() else [KG / f"{module}.py"]


def imports(module: str) -> set[str]:
    found = set()
    for src in sources(module):
        inside = len(src.relative_to(KG).parts) - 1  # how many package levels below kg/ the file sits
        tree = ast.parse(src.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                if node.level > inside:  # relative to kg/: from .x import y / from . import x (from ..x in a package)
                    found |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
                elif node.level:
                    continue  # a module of the same package
                elif node.module:
                    found.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
    return found


def test_layout_reads_every_module_of_a_package():
    """The relation reader is a package: its modules' imports are the package's (the checks below see them)."""
    assert len(sources("relations")) > 1
    assert {"frames", "lexicon", "schema"} <= imports("relations")
    assert not {"arguments", "reader"} & imports("relations")  # its own modules are not kg modules


@pytest.mark.parametrize("module", sorted(EXTRACTION))
def test_layout_extraction_never_touches_rdf_html_or_sparql(module):
    assert not imports(module) & {"rdflib", "pyvis", "pyoxigraph", "pyshacl", *OUTPUT}


@pytest.mark.parametrize("module", sorted(OUTPUT | {"graph"}))
def test_layout_graph_and_exports_never_load_spacy(module):
    assert not imports(module) & {"spacy", *EXTRACTION - {"read"}}


HEAVY = ("rdflib", "networkx", "spacy", "pandas", "pyoxigraph", "pyshacl", "pyvis")


@pytest.mark.parametrize("code", ["import kg", "import sys; sys.argv = ['kg', '--help']; import kg.cli as c; c.main()"],
                         ids=["import-kg", "kg-help"])
def test_layout_import_kg_and_kg_help_load_no_heavy_library(code):
    """`import kg` and `kg --help` stay fast: no NLP, graph, RDF or table library is imported for them."""
    import subprocess
    import sys

    probe = f"{code}\n" if "help" not in code else f"try:\n    {code}\nexcept SystemExit:\n    pass\n"
    probe += "import sys\nprint(sorted(m for m in sys.modules if m.split('.')[0] in " + repr(HEAVY) + "))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]", out[-500:]
