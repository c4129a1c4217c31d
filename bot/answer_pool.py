"""Document answers computed in separate processes, so a busy server keeps its event loop.

Answering a question is pure-Python CPU work that holds the GIL for 10–20 ms. In the serving
process, answers computed in worker threads starve the event loop: under load it reads new
requests late, and a Kakao request waits in the socket before its 4.5 s budget is even seen.
:class:`AnswerPool` answers like :class:`~bot.qa.DocumentQA` (``answer``, ``refresh``) but
computes in child processes, each with its own :class:`~bot.qa.DocumentQA` over the same store
(the embedded one or a Chroma server, as a second ``gyoryu serve`` would). The serving process
keeps the network, the database and the channels; a child only reads documents.

Each child follows the store on its own (every :data:`~knowledge.live.CHECK_EVERY` seconds, as a
serving process does), and an explicit :meth:`AnswerPool.refresh` (the console after an upload)
reaches every child before its next answer. A child exits when its serving process is gone, even
after a ``kill -9``; a child that dies is replaced and its question asked again (answering reads
only, so asking twice is harmless).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from bot.answers import QaAnswer
    from bot.qa import DocumentQA
    from knowledge.settings import KnowledgeSettings

log = logging.getLogger(__name__)

ORPHAN_CHECK_S = 1.0
"""How often a child looks whether its serving process is still there."""

RelatedPassage = tuple[str, str]
"""A document found on a question: (title, section)."""

T = TypeVar("T")


class AnswerPool:
    """Answers questions in child processes; the serving process only waits for the result."""

    def __init__(
        self,
        settings: KnowledgeSettings,
        processes: int = 1,
        *,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        """Start ``processes`` children over the documents ``settings`` describe.

        ``prepare`` runs first in each child (a picklable function: the server's logging set-up,
        so a child logs, and hides secrets, as its server does).

        Returns once every child has loaded the documents, so the first question is not the
        one that waits for Kiwi and the index.
        """
        if processes < 1:
            raise ValueError("an answer pool needs at least one process")
        self._settings = settings
        self._processes = processes
        self._prepare = prepare
        self._generation = 0  # bumped by refresh(); a child older than this reloads first
        self._lock = threading.Lock()
        self._pool = self._start()

    def answer(
        self, question: str, *, allowed: frozenset[str] | None = None, top_k: int = 5
    ) -> QaAnswer:
        """:meth:`bot.qa.DocumentQA.answer`, computed in a child process."""
        return self._call(_answer, question, allowed, top_k)

    def related(
        self, question: str, *, allowed: frozenset[str], top_k: int
    ) -> list[RelatedPassage]:
        """:meth:`bot.qa.DocumentQA.related`, computed in a child process."""
        return self._call(_related, question, allowed, top_k)

    def refresh(self) -> None:
        """Make every child reload changed documents before its next answer."""
        with self._lock:
            self._generation += 1

    def close(self) -> None:
        """Stop the children (questions being answered finish first)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _start(self) -> ProcessPoolExecutor:
        # Spawn, not fork: the serving process holds threads and database connections that a
        # forked child would inherit in whatever state they were in.
        pool = ProcessPoolExecutor(
            self._processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_open,
            initargs=(self._settings, os.getpid(), self._prepare),
        )
        try:
            for ready in [pool.submit(_ready) for _ in range(self._processes)]:
                ready.result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        return pool

    def _call(self, work: Callable[..., T], *args: object) -> T:
        pool, generation = self._pool, self._generation
        try:
            return pool.submit(work, generation, *args).result()
        except BrokenProcessPool:
            log.warning("an answering process died; starting a new one and asking again")
            with self._lock:
                if self._pool is pool:
                    pool.shutdown(wait=True)  # a broken pool's: its pipes and threads
                    self._pool = self._start()
                pool = self._pool
            return pool.submit(work, generation, *args).result()


# --- in the child process -------------------------------------------------------------------

_qa: DocumentQA | None = None
_failure: Exception | None = None  # why the documents could not be opened, told to the server
_seen_generation = 0


def _open(settings: KnowledgeSettings, parent: int, prepare: Callable[[], None] | None) -> None:
    """A child's start: load the documents, then follow the store and watch the parent.

    A failure to open them (a Chroma server that is down) is kept for :func:`_ready` to raise in
    the server, which explains it in Korean as it would without a pool; raised here, it would only
    break the pool and print a traceback.
    """
    global _qa, _failure
    from bot.qa import DocumentQA

    if prepare is not None:
        prepare()
    try:
        _qa = DocumentQA.open(settings)
    except Exception as failure:
        _failure = failure
        return
    threading.Thread(target=_follow, args=(_qa, parent), daemon=True).start()


def _follow(qa: DocumentQA, parent: int) -> None:
    """Reload changed documents every few seconds; exit when the serving process is gone."""
    from knowledge.live import CHECK_EVERY

    last_check = time.monotonic()
    while True:
        time.sleep(ORPHAN_CHECK_S)
        if os.getppid() != parent:  # the parent died (kill -9): nobody will ask anything more
            os._exit(0)
        if time.monotonic() - last_check >= CHECK_EVERY:
            last_check = time.monotonic()
            try:
                qa.refresh_if_changed()
            except Exception:  # the store may be briefly unreachable; answer from what is loaded
                log.warning("an answering process could not check the documents", exc_info=True)


def _current(generation: int) -> DocumentQA:
    """This child's answerer, reloaded first if the server asked for a refresh since."""
    global _seen_generation
    assert _qa is not None, "the pool's initializer opens the answerer"
    if generation > _seen_generation:
        _qa.refresh()
        _seen_generation = generation
    return _qa


def _ready(*_: object) -> bool:
    if _failure is not None:
        raise _failure
    return _qa is not None


def _answer(generation: int, question: str, allowed: frozenset[str] | None, top_k: int) -> QaAnswer:
    return _current(generation).answer(question, allowed=allowed, top_k=top_k)


def _related(
    generation: int, question: str, allowed: frozenset[str], top_k: int
) -> list[RelatedPassage]:
    return _current(generation).related(question, allowed=allowed, top_k=top_k)
