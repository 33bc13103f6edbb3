"""The model-free rule tests run where no spaCy model can be loaded (issue 18: rules pinned to the parse they assume).

A subprocess makes the model package unimportable (a meta-path finder that refuses it, as if it were not installed)
and runs the rule test files; they must pass, and a control run shows the block is real.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULE_TESTS = ["tests/test_frames_rules.py", "tests/test_relations_rules.py", "tests/test_mentions_rules.py"]

_BLOCK = """
import sys, importlib.abc
from kg.nlp import DEFAULT_MODEL
class NoModel(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] == DEFAULT_MODEL:
            raise ModuleNotFoundError(f"No module named {name!r} (blocked: no model installed)")
        return None
sys.meta_path.insert(0, NoModel())
"""


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_rule_tests_pass_with_the_model_unimportable():
    files = ", ".join(repr(f) for f in RULE_TESTS)
    run = _run(_BLOCK + f"import pytest\nsys.exit(pytest.main(['-o', 'addopts=', '-p', 'no:cacheprovider', {files}]))\n")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout


def test_the_block_really_removes_the_model():
    run = _run(_BLOCK + "import spacy\nfrom kg.nlp import DEFAULT_MODEL\nspacy.load(DEFAULT_MODEL)\n")
    assert run.returncode != 0 and "blocked: no model installed" in run.stderr, run.stderr[-2000:]
