"""The codebase stays readable: small modules, short functions, and no English word list written into extraction code.

Language data lives in ``kg/data/`` (like ``spacy/lang/en/``), read through ``kg/lexicon.py``; a literal list
of English words in an extraction module is a rule's vocabulary hidden in code, where nobody reviewing the
lexicons will see it.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 60
# The stages that read language (tests/test_layout.py's EXTRACTION less the input handling of read, inputs and
# htmltext, whose only word list is the file names of a folder's paperwork), and everything in a package of theirs.
EXTRACTION_STEMS = {"metadata", "nlp", "gazetteer", "lexicon", "mentions", "classify", "officials", "acronyms",
                    "references", "resolve", "relations", "frames", "keys", "incidents", "incident_days"}


def _modules() -> list[Path]:
    return sorted(p for p in KG.rglob("*.py") if "__pycache__" not in p.parts)


def _extraction_modules() -> list[Path]:
    return [p for p in _modules()
            if p.stem in EXTRACTION_STEMS or any(part in EXTRACTION_STEMS for part in p.relative_to(KG).parts[:-1])]


def _name(p: Path) -> str:
    return str(p.relative_to(KG.parent))


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_structure_module_is_at_most_450_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{_name(path)} has {lines} lines; split it by job (at most {MAX_MODULE_LINES})"


def _long_functions(source: str) -> list[tuple[str, int]]:
    tree = ast.parse(source)
    return [(node.name, node.end_lineno - node.lineno + 1) for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES]


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_structure_functions_are_at_most_60_lines(path):
    assert _long_functions(path.read_text(encoding="utf-8")) == []


def test_structure_the_function_measure_sees_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    assert _long_functions(f"def f():\n{body}\n") == [("f", MAX_FUNCTION_LINES + 1)]
    assert _long_functions("def g():\n    return 1\n") == []


_WORD = re.compile(r"[a-z][a-z'\- ]*")


def _exempt() -> frozenset[str]:
    """Names that are not English vocabulary: spaCy's tag, dependency and entity labels (its glossary), kg's own
    vocabulary (predicates, node types, modalities, the fields of an article), the role names of the frames'
    pattern nodes and the top-level keys of kg/data/*.json."""
    import dataclasses
    import json

    from spacy.glossary import GLOSSARY

    from kg.frames import frames
    from kg.schema import MODALITIES, NODE_TYPES, PREDICATES, Article

    roles = {node["RIGHT_ID"] for frame in frames() for node in frame.pattern}
    keys = {k for f in (KG / "data").glob("*.json") for k in json.loads(f.read_text(encoding="utf-8"))}
    fields = {f.name for f in dataclasses.fields(Article)}
    return frozenset(GLOSSARY) | frozenset(PREDICATES) | frozenset(NODE_TYPES) | frozenset(MODALITIES) | roles | keys | fields


def _literal_words(node: ast.AST, exempt: frozenset[str]) -> list[str]:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("set", "frozenset") and node.args:
        node = node.args[0]  # frozenset({...})
    if not isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return []
    return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
            and _WORD.fullmatch(e.value) and e.value not in exempt]


def _word_lists(source: str, exempt: frozenset[str]) -> list[tuple[int, list[str]]]:
    """(line, words) of every literal of two or more English words that a value is tested against
    (``x in ("a", "b")``) or that is kept in a constant (``_WORDS = {"a", "b"}``); ``__all__`` is names, not words."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            lists = [c for op, c in zip(node.ops, node.comparators) if isinstance(op, (ast.In, ast.NotIn))]
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            lists = [node.value] if names and all(n.lstrip("_").isupper() and n != "__all__" for n in names) else []
        else:
            continue
        for literal in lists:
            words = _literal_words(literal, exempt)
            if len(words) >= 2:
                found.append((node.lineno, words))
    return found


@pytest.mark.parametrize("path", _extraction_modules(), ids=_name)
def test_structure_no_english_word_list_in_extraction_code(path):
    found = _word_lists(path.read_text(encoding="utf-8"), _exempt())
    assert found == [], f"{_name(path)}: move these word lists to kg/data/ and read them through kg/lexicon.py: {found}"


def test_structure_the_word_list_check_sees_words_and_spares_labels():
    exempt = _exempt()
    assert _word_lists('if tok.lemma_ in ("condemn", "deplore"):\n    pass\n', exempt) == [(1, ["condemn", "deplore"])]
    assert _word_lists('if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):\n    pass\n', exempt) == []
    assert _word_lists('if m in ("asserted", "negated"):\n    pass\n', exempt) == []
    assert _word_lists('_MONTHS = frozenset({"may", "june"})\n__all__ = ["fold", "slug"]\n', exempt) == [(1, ["may", "june"])]
