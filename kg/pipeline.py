"""build(paths): read -> nlp -> mentions -> resolve -> relations -> graph, top to bottom, as a stream.

Each article is parsed and its records extracted right away (``extract_article``); only the records
travel on, so memory holds a batch of Docs, never the corpus. Batches run in this process, in a pool
of ``workers`` processes, or on a dask.distributed cluster; results are merged into the graph in input
order as they arrive, so every way of running gives the same graph. With a cache, unchanged articles
are not parsed at all, and when none changed spaCy is not even imported.
"""
from __future__ import annotations

import functools
import os
import re
import select
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from .cache import ArticleCache, Records
from .errors import ConfigError, ExtractionError, KgError, one_line
from .graph import add_article, add_incidents, new_graph
from .headlines import sentence_case
from .inputs import read_inputs
from .schema import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ExtractionError", "build_graph", "extract_article", "extract_batch", "extract_stream", "parse"]

BATCH_SIZE = 16
WORD_CHARS = 200  # no word of news is longer; a longer run without a space gets one every WORD_CHARS characters
PIECE_CHARS = 10_000  # longer articles are parsed in paragraph-aligned pieces, joined back into one Doc
BATCH_CHARS = 40_000  # a parse batch stops at BATCH_SIZE texts or this many characters, whichever comes first
POOL_AFTER = 2  # with workers, up to this many batches to parse are parsed in this process, with no pool


@dataclass(frozen=True, slots=True)
class _Failure:
    error: str
    details: str


def extract_article(doc: Doc, article: Article) -> Records:
    """One parsed article's (entities, relations): mentions, then resolution, then relations."""
    from .mentions import find_mentions
    from .relations import extract_relations
    from .resolve import resolve

    entities, token_key = resolve(doc, find_mentions(doc))
    return list(entities), list(extract_relations(doc, article, entities, token_key))


def _failure(article: Article, err: BaseException) -> _Failure:
    where = article.path or article.id
    return _Failure(f"{where}: kg failed on this article ({type(err).__name__}: {one_line(err, 200)}); "
                    "this is a bug in kg, please report it with the --debug output",
                    "".join(traceback.format_exception(err)))


def extract_batch(articles: list[Article], model: str | None = None, catch: bool = False) -> list[Records | Any]:
    """Parse a batch with ``nlp.pipe`` and extract each article as soon as it is parsed.

    With ``catch``, an article that crashes the extractor gives a failure record instead of raising,
    so one bad article does not cost its batch (runs in worker processes too, so it is top level).
    """
    from .nlp import load_nlp

    nlp = load_nlp(model)
    out: list[Records | Any] = []
    try:
        for doc, article in parse(nlp, articles):
            try:
                out.append(extract_article(doc, article))
            except Exception as err:  # noqa: BLE001 - reported per article below
                if not catch:
                    raise
                out.append(_failure(article, err))
    except Exception as err:
        if not catch:
            raise
        if len(articles) == 1:
            return [_failure(articles[0], err)]
        # spaCy itself failed somewhere in the batch: redo it one article at a time to find which.
        return [r for a in articles for r in extract_batch([a], model, catch)]
    return out


def parse(nlp: Any, articles: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
    """(Doc, Article) for each article, parsed in batches bounded in texts and characters.

    spaCy's memory while parsing grows with the characters in a batch, so one 100,000-character article
    among fifteen short ones would set a worker's peak. Long articles are cut after line breaks into
    pieces of at most ``PIECE_CHARS``, batches close at ``BATCH_CHARS``, and the pieces are joined back
    with ``Doc.from_docs``: the same text, offsets and sentences as one parse (kg starts a sentence at
    every line break anyway).
    """
    from spacy.tokens import Doc

    def batches() -> Iterator[list[tuple[str, tuple[Article, bool]]]]:
        batch: list[tuple[str, tuple[Article, bool]]] = []
        size = 0
        for article in articles:
            pieces = _pieces(_word_breaks(sentence_case(article.text)))  # a title-case headline parsed as a sentence
            for i, piece in enumerate(pieces):
                if batch and (len(batch) >= BATCH_SIZE or size + len(piece) > BATCH_CHARS):
                    yield batch
                    batch, size = [], 0
                batch.append((piece, (article, i == len(pieces) - 1)))
                size += len(piece)
        if batch:
            yield batch

    parts: list[Doc] = []
    for batch in batches():
        for doc, (article, last) in nlp.pipe(batch, as_tuples=True, batch_size=len(batch)):
            parts.append(doc)
            if last:
                whole = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
                whole.user_data["kg_text"] = article.text  # the text as written, for quoting
                yield whole, article
                parts = []


def _word_breaks(text: str) -> str:
    r"""``text`` with a space in place of every ``WORD_CHARS``-th character of a run without whitespace: spaCy's
    tokenizer strips prefixes from one such "word" in time quadratic in its length (60,000 "(" take minutes), and
    no word of news is that long. The length, and so every offset, is kept.

    >>> t = _word_breaks("(" * 450); (len(t), t.count(" "), t[199])
    (450, 2, ' ')
    """
    return _LONG_WORD.sub(lambda run: "".join(" " if (i + 1) % WORD_CHARS == 0 else c
                                              for i, c in enumerate(run.group())), text)


_LONG_WORD = re.compile(rf"\S{{{WORD_CHARS + 1},}}")


def _pieces(text: str, limit: int | None = None) -> list[str]:
    r"""``text`` cut into pieces of at most ``limit`` characters, after a line break where there is one in
    reach, else after a sentence end or a space; ``"".join(pieces) == text``.

    >>> _pieces("ab\ncd\nef", 4), _pieces("short", 5)
    (['ab\n', 'cd\n', 'ef'], ['short'])
    """
    limit = limit or PIECE_CHARS
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start + 1, end)
        if cut < 0:
            cut = text.rfind(". ", start + 1, end - 1)
            cut = cut + 1 if cut >= 0 else text.rfind(" ", start + 1, end)
        cut = cut + 1 if cut >= 0 else end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


class _InlineExecutor(Executor):
    """Runs each task at once in this process: the one-worker path shares the pooled code."""

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as err:  # noqa: BLE001 - handed to whoever asks for the result
            future.set_exception(err)
        return future


class _LazyPool(Executor):
    """A process pool started only when more than ``hold`` batches need parsing.

    Starting a pool costs each worker a spaCy import and a model load (several seconds on 2 cores);
    a re-run that parses one or two batches is faster in this process. The first ``hold`` batches wait
    here: a further batch starts the pool and sends them all; ``flush`` (the input ended, or the caller
    must wait for one) parses the waiting ones in this process instead.
    """

    def __init__(self, start: Callable[[], Executor], hold: int) -> None:
        self._start, self._hold = start, hold
        self.pool: Executor | None = None
        self._waiting: list[tuple[Future, Callable[[], Any]]] = []

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> Future:
        if self.pool is not None:
            return self.pool.submit(fn, *args, **kwargs)
        future: Future = Future()
        self._waiting.append((future, functools.partial(fn, *args, **kwargs)))
        if len(self._waiting) > self._hold:
            self.pool = self._start()
            waiting, self._waiting = self._waiting, []
            for mine, call in waiting:
                _chain(self.pool.submit(call), mine)
        return future

    def flush(self) -> None:
        """Parse the batches still waiting for a pool here, now."""
        waiting, self._waiting = self._waiting, []
        for future, call in waiting:
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(call())
                except BaseException as err:  # noqa: BLE001 - handed to whoever asks for the result
                    future.set_exception(err)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        for future, _ in self._waiting:
            future.cancel()
        self._waiting = []
        if self.pool is not None:
            self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def _chain(source: Future, target: Future) -> None:
    """Copy ``source``'s outcome into ``target`` when it is done."""
    def copy(done: Future) -> None:
        if done.cancelled():
            target.cancel()
        elif done.exception() is not None:
            target.set_exception(done.exception())
        else:
            target.set_result(done.result())

    source.add_done_callback(copy)


def _init_worker(model: str | None, parent: int | None = None) -> None:
    from .nlp import load_nlp

    if parent is not None:
        _end_with(parent)
    load_nlp(model)  # once per worker process, before its first batch


def _end_with(parent: int) -> None:
    """End this worker when process ``parent`` (the build) ends, however it ends.

    A killed build closes no pipe the workers would notice (each worker holds both ends of the pool's
    queues), so they used to live on for minutes, holding spaCy's memory. Under forkserver their
    parent is the fork server, so ``PR_SET_PDEATHSIG`` would watch the wrong process: a daemon thread
    waits on a pidfd of the build instead (polls, where pidfds are missing) and kills this process.
    """
    import signal
    import threading
    import time

    def watch() -> None:
        try:
            fd = os.pidfd_open(parent)
        except (AttributeError, OSError):
            fd = None
        if fd is not None:
            select.select([fd], [], [])  # readable once the process has ended
        else:
            while True:
                try:
                    os.kill(parent, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(0.5)
        os.kill(os.getpid(), signal.SIGKILL)

    if not _alive(parent):
        os.kill(os.getpid(), signal.SIGKILL)
    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _process_pool(workers: int, model: str | None) -> Executor:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: children fork from a clean server process, not from this one (which may hold
    # threads: a progress bar, a dask client), and share the spaCy import it preloads.
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(["kg.pipeline", "kg.nlp", "kg.mentions", "kg.resolve", "kg.relations"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker,
                               initargs=(model, os.getpid()))


def _dask_executor(address: str, workers: int, stack: ExitStack) -> Executor:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--dask needs dask.distributed; run: pip install 'dask[distributed]'") from None
    if address == "local":
        cluster = stack.enter_context(LocalCluster(n_workers=max(workers, 2), threads_per_worker=1,
                                                   processes=True, dashboard_address=None))
        client = stack.enter_context(Client(cluster))
    else:
        try:
            client = stack.enter_context(Client(address, timeout="20s"))
        except (OSError, TimeoutError) as err:
            raise ConfigError(f"{address}: cannot reach the dask scheduler ({err}); check --dask") from None
    return client.get_executor(pure=False)


def _executor(dask: str | None, workers: int, model: str | None, stack: ExitStack) -> Executor:
    """Where batches are parsed: a dask cluster, a (lazily started) process pool, or this process."""
    if dask:
        return _dask_executor(dask, workers, stack)
    if workers > 1:
        pool = _LazyPool(lambda: _process_pool(workers, model), POOL_AFTER)
        stack.callback(pool.shutdown, wait=True, cancel_futures=True)
        return pool
    return _InlineExecutor()


def extract_stream(articles: Iterable[Article], *, model: str | None = None, workers: int = 1,
                   cache: ArticleCache | None = None, fresh: bool = False, dask: str | None = None,
                   catch: bool = False, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Article, Records | Any, bool]]:
    """Yield ``(article, records, from_cache)`` in input order; records may be a failure when ``catch``.

    Cached articles skip parsing (unless ``fresh``); the others go in batches to this process,
    ``workers`` processes or a dask cluster (``"local"`` or ``"tcp://host:port"``), with a bounded
    number of batches in flight, so memory does not grow with the corpus.
    """
    with ExitStack() as stack:
        executor: Executor | None = None

        def submit(batch: list[Article]) -> Future:
            nonlocal executor
            if executor is None:  # started on the first article to parse: none when all are cached
                executor = _executor(dask, workers, model, stack)
            return executor.submit(extract_batch, batch, model, catch)

        window = max(2, 2 * max(workers, 2 if dask else 1))  # batches in flight
        queue: deque[tuple[Any, Any]] = deque()  # (Article, Records) hits and (Future, [Article]) batches
        batch: list[Article] = []
        in_flight = 0

        def ready(block: bool) -> Iterator[tuple[Article, Records | Any, bool]]:
            nonlocal in_flight
            while queue:
                head, payload = queue[0]
                if isinstance(head, Article):
                    queue.popleft()
                    yield head, payload, True
                    continue
                if not (block or head.done() or in_flight > window or len(queue) > window * batch_size):
                    return
                if isinstance(executor, _LazyPool) and not head.done():
                    executor.flush()  # a batch held back for a pool is needed now: parse it here
                queue.popleft()
                in_flight -= 1
                for article, records in zip(payload, head.result(), strict=True):
                    if cache is not None and not isinstance(records, _Failure):
                        cache.put(article, records)
                    yield article, records, False

        for article in articles:
            records = None if cache is None or fresh else cache.get(article)
            if records is None:
                batch.append(article)
            if batch and (records is not None or len(batch) >= batch_size):
                queue.append((submit(batch), batch))  # a hit must not overtake the articles before it
                in_flight += 1
                batch = []
            if records is not None:
                queue.append((article, records))
            yield from ready(block=False)
        if batch:
            queue.append((submit(batch), batch))
            in_flight += 1
        yield from ready(block=True)


def build_graph(paths: Iterable[Any], *, model: str | None = None,
                progress: Callable[[Article, bool], None] | None = None, workers: int = 1,
                cache: ArticleCache | str | Path | None = None, fresh: bool = False, dask: str | None = None,
                on_error: Callable[[KgError | ExtractionError], None] | None = None) -> nx.MultiDiGraph:
    """Build the knowledge graph of every article under ``paths`` (or given as text, dicts or a DataFrame: kg.inputs).

    ``workers`` processes parse in parallel; ``cache`` (an ``ArticleCache`` or its folder) skips
    articles already extracted, ``fresh`` re-extracts them all; ``dask`` is ``"local"`` or a scheduler
    address. Without ``on_error`` the first unreadable article raises; with it, each problem
    (``InputError``, ``ExtractionError``) goes to ``on_error`` and the rest of the corpus is built.
    ``progress(article, from_cache)`` is called after each article is merged.
    """
    if cache is not None and not isinstance(cache, ArticleCache):
        cache = ArticleCache(cache, model=model)
    workers = max(1, int(workers or 1))
    G = new_graph()
    stream = extract_stream(read_inputs(paths, on_error=on_error), model=model, workers=workers, cache=cache,
                            fresh=fresh, dask=dask, catch=on_error is not None)
    for article, records, cached in stream:
        if isinstance(records, _Failure):
            assert on_error is not None
            on_error(ExtractionError(records.error, records.details))
            continue
        add_article(G, article, *records)
        if progress:
            progress(article, cached)
    add_incidents(G)
    return G
