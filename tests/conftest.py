"""Shared fixtures: the real spaCy pipeline and the seed build, each made once per session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config):
    """Keep the tests' article and gazetteer caches out of the user's ~/.cache."""
    import os
    import tempfile

    os.environ.setdefault("KG_CACHE_DIR", tempfile.mkdtemp(prefix="kg-test-cache-"))
SEEDS = ROOT / "seeds"
# The shared data sits beside the repository (../shared); KG_SHARED points elsewhere (a git worktree).
WIKINEWS = Path(os.environ.get("KG_SHARED", ROOT.parent / "shared")) / "corpus" / "wikinews"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_graph():
    import kg

    return kg.build(SEEDS)


@pytest.fixture(scope="session")
def wikinews_graph():
    """The 295-article Wikinews corpus built once (its .txt files: the folder also holds ATTRIBUTION.md), through
    the session's article cache ($KG_CACHE_DIR: a fresh folder unless set, so a local re-run can reuse it)."""
    import kg
    from kg.cache import default_dir

    files = sorted(WIKINEWS.glob("*.txt"))
    if not files:
        pytest.skip(f"{WIKINEWS}: no articles; needs ../shared/corpus/wikinews (or KG_SHARED)")
    return kg.build(files, workers=2, cache=default_dir())


@pytest.fixture(scope="session")
def seed_exports(seed_graph, tmp_path_factory) -> Path:
    import kg

    out = tmp_path_factory.mktemp("exports")
    kg.export(seed_graph, out)
    return out


@pytest.fixture(scope="session")
def read_text(nlp):
    """Run the extractor on invented text: returns (entities by label, relations as label triples)."""
    from kg.mentions import find_mentions
    from kg.relations import extract_relations
    from kg.resolve import resolve
    from kg.schema import Article

    def run(text: str, date: str = "2024-03-14"):
        article = Article(id="t", path="t.txt", text=text, title="", date=date)
        doc = nlp(text)
        entities, token_key = resolve(doc, find_mentions(doc))
        relations = extract_relations(doc, article, entities, token_key)
        by_key = {e.key: e for e in entities}
        return by_key, relations

    return run


@pytest.fixture(scope="session")
def invented_graph():
    """The build of tests/data/invented/: Peru strikes Chile at Arica, Norway urges restraint (real model)."""
    import kg

    return kg.build(ROOT / "tests" / "data" / "invented")
