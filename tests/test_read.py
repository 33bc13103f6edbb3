"""Reading articles: .txt/.md, .html/.htm, .jsonl; and every kind of bad input, one line each, keep-going."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.read import find_articles, read_article, read_articles, read_html, read_jsonl

runner = CliRunner()

GOOD = "Ruritania talks\n2024-03-14\n\nPakistan struck militant targets in Iran on Thursday.\n"

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Border strikes - The Daily Ruritanian</title>
<meta property="article:published_time" content="2024-03-14T08:30:00Z">
<link rel="canonical" href="https://news.example/ruritania/strikes">
<style>p { color: red }</style><script>var x = "Iran struck Pakistan";</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Pakistan strikes targets in Iran</h1>
<p>Pakistan <b>struck</b> militant targets in <a href="/iran">Iran</a> on Thursday.</p>
<p>Iran condemned&nbsp;the strikes &amp; summoned an envoy.</p></article>
<footer>(c) 2024</footer></body></html>"""


def test_read_html_extracts_visible_text_title_date_url(tmp_path):
    page = tmp_path / "strikes.html"
    page.write_text(PAGE, encoding="utf-8")
    a = read_html(page)
    assert a.id == "strikes" and a.title == "Pakistan strikes targets in Iran"
    assert a.date == "2024-03-14" and a.url == "https://news.example/ruritania/strikes"
    assert "Pakistan struck militant targets in Iran on Thursday." in a.text  # inline tags join their text
    assert "Iran condemned the strikes & summoned an envoy." in a.text
    assert "var x" not in a.text and "color" not in a.text and "Home" not in a.text


@pytest.mark.parametrize("head, date", [
    ("<title>T</title>", ""),
    ('<title>T</title></head><body><time datetime="2023-11-02">2 Nov</time>', "2023-11-02"),
])
def test_read_html_title_falls_back_to_title_and_date_to_time(tmp_path, head, date):
    page = tmp_path / "p.htm"
    page.write_text(f"<html><head>{head}<p>Iran protested to Pakistan.</p></body></html>", encoding="utf-8")
    a = read_article(page)
    assert a.title == "T" and a.date == date and "Iran protested to Pakistan." in a.text


def test_read_html_reads_a_page_nested_to_the_limit(tmp_path):
    from kg.read import MAX_HTML_DEPTH

    page = tmp_path / "deep.html"
    depth = MAX_HTML_DEPTH - 10
    page.write_text("<div>" * depth + "Iran struck <b>Pakistan</b>.<br>" + "</div>" * depth, encoding="utf-8")
    assert "Iran struck Pakistan." in read_html(page).text


@pytest.mark.parametrize("body, message", [
    ("<div>" * 200_000 + "Ruritania struck Freedonia." + "</div>" * 200_000, "HTML nested over 1,000 elements deep"),
    ("<span>" * 1_500 + "Ruritania struck Freedonia.", "HTML nested over 1,000 elements deep"),
    ("<ul><li>" * 20_000, "HTML nested over 1,000 elements deep"),
    ("Ruritania struck Freedonia." + "<br>" * 600_000, "HTML page has over 500,000 tags"),
])
def test_read_html_refuses_a_page_past_the_limits_in_one_line(tmp_path, body, message):
    page = tmp_path / "deep.html"
    page.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_html(page)
    assert str(err.value).startswith(f"{page}: {message}") and "\n" not in str(err.value)


def test_read_html_unclosed_paragraphs_and_void_elements_are_not_depth(tmp_path):
    page = tmp_path / "flat.html"
    page.write_text("<p>Ruritania struck Freedonia.<br><img src=x>" * 3_000, encoding="utf-8")
    assert read_html(page).text.count("Ruritania struck Freedonia.") == 3_000


def test_read_jsonl_one_article_per_line(tmp_path):
    f = tmp_path / "feed.jsonl"
    lines = [{"text": "Iran struck Pakistan.", "title": "Strike", "date": "2024-01-16T10:00Z", "url": "https://x/1", "id": "a 1"},
             {"text": "Pakistan condemned Iran."}]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    a, b = read_jsonl(f)
    assert (a.id, a.title, a.date, a.url, a.path) == ("a-1", "Strike", "2024-01-16", "https://x/1", f"{f}:1")
    assert (b.id, b.title, b.date, b.url) == ("feed-2", "Pakistan condemned Iran.", "", "")


@pytest.mark.parametrize("line, message", [
    ("{bad json", "not valid JSON (Expecting property name enclosed in double quotes at column 2); write one JSON object per line"),
    ("[1, 2]", 'a JSON list, not an object; write one object per line, like {"text": "..."}'),
    ('{"title": "no text"}', 'no "text" (or it is empty); give every line the article\'s text'),
    ('{"text": "x", "date": 2024}', "field 'date' is a int, not a string; quote it"),
    ('{"text": "x", "date": "someday"}', "date 'someday' is not a date; use YYYY-MM-DD"),
    ('{"text": "x\\ud800y"}', "field 'text' holds an unpaired surrogate escape (\\ud800-\\udfff); write real characters"),
])
def test_read_jsonl_malformed_line_names_file_and_line(tmp_path, line, message):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"text": "Iran struck Pakistan."}\n' + line + '\n{"text": "Pakistan condemned Iran."}\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        list(read_jsonl(f))
    assert str(err.value) == f"{f}:2: {message}"
    errors: list[InputError] = []
    assert [a.id for a in read_jsonl(f, on_error=errors.append)] == ["feed-1", "feed-3"]
    assert [str(e) for e in errors] == [f"{f}:2: {message}"]


def test_read_articles_makes_ids_unique_across_files_and_lines(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Iran struck Pakistan.", encoding="utf-8")
    (tmp_path / "b" / "x.txt").write_text("Pakistan struck Iran.", encoding="utf-8")
    (tmp_path / "f.jsonl").write_text('{"text": "a", "id": "dup"}\n{"text": "b", "id": "dup"}\n', encoding="utf-8")
    ids = [a.id for a in read_articles([tmp_path])]
    assert len(ids) == len(set(ids)) == 4


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Every kind of bad input next to one good article: name -> (path, the error message)."""
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    cases: dict[str, tuple[Path, str]] = {}
    empty = d / "empty.txt"
    empty.write_bytes(b"  \n")
    cases["empty"] = (empty, f"{empty}: file is empty; give kg an article with text")
    binary = d / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    cases["binary"] = (binary, f"{binary}: binary file, not text; give kg UTF-8 text articles")
    latin = d / "latin1.txt"
    latin.write_bytes("Caf\u00e9 news".encode("latin-1"))
    cases["not utf-8"] = (latin, f"{latin}: not UTF-8 (byte 0xe9 at offset 3); save it as UTF-8 text")
    huge = d / "dump.txt"
    with huge.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB by size without writing 50 MB
    cases["50 MB"] = (huge, f"{huge}: 50 MB is too large for one article (limit 20 MB); split it")
    feed = d / "feed.jsonl"
    feed.write_text('{"text": "Iran protested to Pakistan."}\n{"text": oops}\n', encoding="utf-8")
    cases["jsonl line"] = (feed, f"{feed}:2: not valid JSON (Expecting value at column 10); write one JSON object per line")
    hollow = tmp_path / "hollow"
    hollow.mkdir()
    (hollow / "notes.csv").write_text("a,b\n", encoding="utf-8")
    cases["no articles"] = (hollow, f"{hollow}: folder holds no articles (.txt, .md, .html, .htm, .jsonl); point kg at article files")
    missing = tmp_path / "missing.txt"
    cases["missing"] = (missing, f"{missing}: no such file or folder; check the path")
    return cases


def test_cli_build_reports_every_bad_input_and_builds_the_rest(tmp_path):
    cases = _bad_inputs(tmp_path)
    out = tmp_path / "out"
    paths = [str(tmp_path / "corpus"), str(cases["no articles"][0]), str(cases["missing"][0])]
    result = runner.invoke(app, ["build", *paths, "--out", str(out), "--no-cache"])
    assert result.exit_code == 1, result.output
    assert sorted(result.stderr.splitlines()) == sorted(f"error: {message}" for _, message in cases.values())
    assert "Traceback" not in result.output
    import kg

    G = kg.load(out)
    assert set(G.graph["articles"]) == {"good", "feed-1"}
    assert result.stdout.startswith("2 articles; ") and ", 7 failed; " in result.stdout


def test_cli_build_fail_fast_stops_at_the_first_and_writes_nothing(tmp_path):
    cases = _bad_inputs(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tmp_path / "corpus"), "--out", str(out), "--no-cache", "--fail-fast"])
    assert result.exit_code == 2
    assert result.stderr == f"error: {cases['50 MB'][1]}\n"  # dump.txt comes first in sorted order
    assert not out.exists()


def test_cli_build_debug_shows_the_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["build", str(empty), "--out", str(tmp_path / "out"), "--no-cache", "--debug"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {empty}: file is empty") and "Traceback" in result.stderr


def test_unreadable_file_is_reported_and_skipped(tmp_path, monkeypatch):
    """Tests run as root, which reads any file whatever its mode, so the permission error is simulated."""
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self):
        if self == secret:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    errors: list[InputError] = []
    assert [a.id for a in read_articles([tmp_path], on_error=errors.append)] == ["good"]
    assert [str(e) for e in errors] == [f"{secret}: permission denied; make the file readable"]


def _as_unprivileged(check) -> bool:
    """Run ``check`` in a forked child that has dropped root (root reads files whatever their mode)."""
    if os.geteuid() != 0:
        return check()
    pid = os.fork()
    if pid == 0:  # the child: become nobody, run the check, report through the exit code
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            os._exit(0 if check() else 1)
        except BaseException:
            os._exit(2)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status) == 0


def test_unreadable_file_by_mode():
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kg-mode-"))  # under /tmp, traversable by anyone: only the mode stops the read
    folder.chmod(0o755)
    secret = folder / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    readable = folder / "open.txt"
    readable.write_text(GOOD, encoding="utf-8")
    readable.chmod(0o644)

    def check() -> bool:
        try:
            read_article(secret)
        except InputError as err:
            return str(err) == f"{secret}: permission denied; make the file readable"
        return False

    read_article(readable)  # load lazily imported codecs while root can still read the interpreter's files
    try:
        assert _as_unprivileged(check)
        assert _as_unprivileged(lambda: read_article(readable).text == GOOD)  # the same reader, a readable file
    finally:
        shutil.rmtree(folder)


def test_find_articles_skips_unknown_suffixes_in_folders(tmp_path):
    for name in ("a.txt", "b.md", "c.html", "d.htm", "e.jsonl", "f.csv", "g.pdf"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_articles([tmp_path])] == ["a.txt", "b.md", "c.html", "d.htm", "e.jsonl"]


def test_build_keeps_html_and_jsonl_dates_and_urls(tmp_path):
    import kg

    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": "Iran condemned Pakistan on Friday.", "date": "2024-03-15",
                                                     "url": "https://news.example/2", "id": "n2"}) + "\n", encoding="utf-8")
    G = kg.build(tmp_path)
    assert G.graph["articles"]["page"]["url"] == "https://news.example/ruritania/strikes"
    assert G.graph["articles"]["page"]["date"] == "2024-03-14"
    assert G.graph["articles"]["n2"] == {"title": "Iran condemned Pakistan on Friday.", "path": f"{tmp_path / 'feed.jsonl'}:1",
                                         "date": "2024-03-15", "url": "https://news.example/2"}
    out = tmp_path / "out"
    kg.export(G, out)
    back = kg.load(out)
    assert back.graph["articles"]["n2"]["url"] == "https://news.example/2"


def test_read_jsonl_line_nested_1000_deep_is_one_line_and_the_others_are_read(tmp_path):
    f = tmp_path / "feed.jsonl"
    deep = '{"text": "Ruritania struck Freedonia.", "extra": ' + "[" * 1_000 + "]" * 1_000 + "}"
    deeper = "[" * 100_000 + "]" * 100_000
    f.write_text('{"text": "Freedonia condemned Ruritania."}\n' + deep + "\n" + deeper + '\n{"text": "Zenda is calm."}\n',
                 encoding="utf-8")
    errors: list[InputError] = []
    assert [a.id for a in read_jsonl(f, on_error=errors.append)] == ["feed-1", "feed-4"]
    message = 'JSON nested too deeply to read; write one flat object per line, like {"text": "..."}'
    assert [str(e) for e in errors] == [f"{f}:2: {message}", f"{f}:3: {message}"]


def _tree(tmp_path: Path) -> Path:
    """A folder with articles next to paperwork, a dotfile, a hidden folder and a sub-folder."""
    d = tmp_path / "corpus"
    (d / "2031").mkdir(parents=True)
    (d / ".drafts").mkdir()
    for name in ("a.txt", "2031/b.md", ".drafts/c.txt", "ATTRIBUTION.md", "readme", "License.txt", "CHANGELOG.md",
                 "NOTICE", "CONTRIBUTING.md", ".notes.txt", "notice-board.txt", "data.csv"):
        (d / name).write_text(GOOD, encoding="utf-8")
    return d


def test_find_articles_skips_paperwork_and_dotfiles_in_folders_and_says_so(tmp_path):
    d = _tree(tmp_path)
    skipped: list[Path] = []
    files = find_articles([d], on_skip=skipped.append)
    assert [p.relative_to(d).as_posix() for p in files] == ["2031/b.md", "a.txt", "notice-board.txt"]
    assert sorted(p.name for p in skipped) == [".notes.txt", "ATTRIBUTION.md", "CHANGELOG.md", "CONTRIBUTING.md", "License.txt"]
    assert find_articles([d / "ATTRIBUTION.md"]) == [d / "ATTRIBUTION.md"]  # named on its own, it is read


def test_find_articles_include_and_exclude_globs(tmp_path):
    d = _tree(tmp_path)
    rel = lambda files: [p.relative_to(d).as_posix() for p in files]  # noqa: E731
    assert rel(find_articles([d], include=["ATTRIBUTION.md", "*.csv"])) == [
        "2031/b.md", "ATTRIBUTION.md", "a.txt", "data.csv", "notice-board.txt"]
    assert rel(find_articles([d], include=[".drafts"])) == [".drafts/c.txt", "2031/b.md", "a.txt", "notice-board.txt"]
    assert rel(find_articles([d], exclude=["2031", "notice-*"])) == ["a.txt"]
    assert rel(find_articles([d], exclude=["2031/*.md"])) == ["a.txt", "notice-board.txt"]


def test_kg_build_include_and_exclude(tmp_path):
    import kg

    d = tmp_path / "c"
    d.mkdir()
    (d / "one.txt").write_text("Ruritania struck Freedonia on Monday.\n", encoding="utf-8")
    (d / "two.txt").write_text("Freedonia condemned Ruritania on Tuesday.\n", encoding="utf-8")
    (d / "README.md").write_text("Zenda expelled a diplomat of Freedonia.\n", encoding="utf-8")
    assert set(kg.build(d).graph["articles"]) == {"one", "two"}
    assert set(kg.build(d, include=["README.md"], exclude=["two.*"]).graph["articles"]) == {"one", "README"}


def test_find_articles_reports_every_unreadable_thing_in_a_folder(tmp_path):
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("gone.txt", d / "dangling.txt")
    os.symlink("..", d / "sub" / "up")
    os.symlink("self", d / "self")
    os.mkfifo(d / "pipe.txt")
    errors: list[InputError] = []
    assert find_articles([d], on_error=errors.append) == [d / "good.txt"]
    assert [str(e) for e in errors] == [
        f"{d / 'dangling.txt'}: dangling symlink (its target 'gone.txt' does not exist); fix or remove the link",
        f"{d / 'pipe.txt'}: a FIFO (named pipe), not a regular file; remove it or --exclude it",
        f"{d / 'self'}: symlink loop; remove the link or point it at a file",
        f"{d / 'sub' / 'up'}: symlink loop (points back to a folder above it); remove the link",
    ]
    with pytest.raises(InputError, match="a FIFO"):
        read_article(d / "pipe.txt")  # named directly it is refused too, without blocking on the pipe


def test_find_articles_reports_an_unreadable_subfolder():
    import shutil
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="kg-mode-"))
    d.chmod(0o755)
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "locked").mkdir()
    (d / "locked" / "secret.txt").write_text(GOOD, encoding="utf-8")
    (d / "locked").chmod(0)

    def check() -> bool:
        errors: list[InputError] = []
        files = find_articles([d], on_error=errors.append)
        return files == [d / "good.txt"] and [str(e) for e in errors] == [
            f"{d / 'locked'}: folder is not readable (permission denied); make it readable or --exclude it"]

    try:
        assert _as_unprivileged(check)
    finally:
        (d / "locked").chmod(0o755)
        shutil.rmtree(d)


def test_find_articles_follows_a_symlinked_folder_once(tmp_path):
    d = tmp_path / "corpus"
    other = tmp_path / "other"
    d.mkdir()
    other.mkdir()
    (other / "x.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(other, d / "linked")
    os.symlink(other, d / "linked-again")
    errors: list[InputError] = []
    assert find_articles([d], on_error=errors.append) == [d / "linked" / "x.txt"] and errors == []


def test_cli_build_reports_folder_problems_with_exit_1_and_builds_the_rest(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "ATTRIBUTION.md").write_text("Zenda expelled a diplomat of Freedonia.\n", encoding="utf-8")
    os.symlink("gone.txt", d / "dangling.txt")
    os.mkfifo(d / "pipe.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(d), "--out", str(out), "--no-cache"])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"error: {d / 'dangling.txt'}: dangling symlink (its target 'gone.txt' does not exist); fix or remove the link",
        f"error: {d / 'pipe.txt'}: a FIFO (named pipe), not a regular file; remove it or --exclude it",
        "skipped 1 file: ATTRIBUTION.md (not an article; --include to read it)",
    ]
    assert (out / "graph.ttl").is_file() and result.stdout.startswith("1 articles; ")
