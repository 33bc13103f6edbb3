"""No run of six words of an annotated article occurs in kg/ or tests/ (issue 14, item 6).

The semantics are those of the shared hook ``hooks/word_runs.py``, reimplemented here: runs of six word tokens
(letters and digits, apostrophes dropped, compared lowercased) of an article that hold at least one lowercase
content word (prose, not a proper name) count when the same run occurs in a .py, .json, .csv, .txt, .jinja, .md
or .js file under kg/ or tests/. Tests that check the demo build may quote the seed article.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
N = 6
SETS = ("dev", "val", "incidents", "checklist")
SUFFIXES = {".py", ".json", ".csv", ".txt", ".jinja", ".md", ".js"}
# Lowercase words that glue proper names ("Islamic State of Iraq and Syria") and so make no run prose.
NAME_GLUE = {"of", "and", "the", "al", "el", "de", "for", "in", "bin", "ibn", "on"}


def _shared() -> Path:
    """The shared folder beside the clone (``../shared``), or beside a parent of a nested worktree."""
    for parent in ROOT.parents:
        if (parent / "shared" / "dev" / "articles").is_dir():
            return parent / "shared"
    raise AssertionError(f"no shared/dev/articles beside {ROOT} or its parents: the annotated sets sit beside the clone")


def _tokens(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", text.replace("\u2019", "").replace("'", ""))


def _runs(text: str) -> set[str]:
    ws = [t.lower() for t in _tokens(text)]
    return {" ".join(ws[i : i + N]) for i in range(len(ws) - N + 1)}


def _prose_runs(text: str) -> set[str]:
    ts = _tokens(text)
    return {
        " ".join(t.lower() for t in ts[i : i + N])
        for i in range(len(ts) - N + 1)
        if any(t[:1].islower() and t.lower() not in NAME_GLUE for t in ts[i : i + N])
    }


def _read(path: Path) -> str:
    return path.read_text(errors="replace")


def overlaps(project: Path, article_dirs: list[Path], seed_ok: list[Path]) -> dict[str, set[str]]:
    """Each prose run of the articles that occurs in the project's kg/ or tests/, with the files it is in."""
    gold: set[str] = set()
    for d in article_dirs:
        for f in sorted(d.glob("*.txt")):
            gold |= _prose_runs(_read(f))
    seed_runs = set().union(*(_runs(_read(f)) for f in seed_ok))
    hits: dict[str, set[str]] = {}
    for sub in ("kg", "tests"):
        for f in sorted((project / sub).rglob("*")):
            if not f.is_file() or f.suffix not in SUFFIXES:
                continue
            for r in _runs(_read(f)) & gold:
                if not (sub == "tests" and r in seed_runs):
                    hits.setdefault(r, set()).add(str(f.relative_to(project)))
    return hits


def test_word_runs_prose_run_in_a_comment_is_found_and_the_seed_may_be_quoted_by_tests(tmp_path):
    """The checker itself: a quoted sentence is caught in kg/, a proper-name run is not, the seed is allowed in tests/."""
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "a.txt").write_text("Ruritania said the convoy was shelled near the northern border crossing.\n"
                                "Islamic Front of Greater Freedonia and Ruritania.\n")
    (tmp_path / "seed.txt").write_text("Freedonia's envoy was summoned to the ministry on Monday morning.\n")
    (tmp_path / "kg").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "kg" / "rules.py").write_text("# the convoy was shelled near the northern border\n"
                                              "NAMES = ['Islamic Front of Greater Freedonia and Ruritania']\n")
    (tmp_path / "tests" / "t.py").write_text("s = \"Freedonia's envoy was summoned to the ministry\"\n")
    (tmp_path / "kg" / "skip.bin").write_text("the convoy was shelled near the northern border\n")
    hits = overlaps(tmp_path, [arts], [tmp_path / "seed.txt"])
    assert set(hits) == {"the convoy was shelled near the", "convoy was shelled near the northern",
                         "was shelled near the northern border"}
    assert all(where == {"kg/rules.py"} for where in hits.values())
    (tmp_path / "kg" / "quote.py").write_text("# Freedonia's envoy was summoned to the ministry\n")
    (arts / "seed.txt").write_text(_read(tmp_path / "seed.txt"))
    assert "freedonias envoy was summoned to the" in overlaps(tmp_path, [arts], [tmp_path / "seed.txt"])


@pytest.fixture(scope="module")
def hits() -> dict[str, set[str]]:
    shared = _shared()
    dirs = [shared / s / "articles" for s in SETS]
    missing = [str(d) for d in dirs if not d.is_dir()]
    assert not missing, f"missing article folders: {missing}"
    return overlaps(ROOT, dirs, [shared / "dev" / "articles" / "seed.txt"])


def _report(hits: dict[str, set[str]]) -> str:
    return "\n".join(f"'{r}' in {', '.join(sorted(w))}" for r, w in sorted(hits.items(), key=lambda x: sorted(x[1])))


def test_word_runs_no_article_is_quoted_in_kg_or_tests(hits):
    report = _report(hits)
    assert not hits, f"{len(hits)} six-word runs of the annotated articles occur in kg/ or tests/:\n{report}"
