"""Command-line commands of the ingest package: ``gyoryu ingest`` and ``gyoryu sources``."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from handlers import cli_texts
from handlers.cli_korean import confirm
from handlers.cli_output import AsJson, Wide
from ingest import texts
from ingest.kinds import KIND_GUESS_HELP, is_kind, is_visibility

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from ingest.pipeline import IngestReport
    from knowledge.store import ChunkStore

_PROGRESS_THRESHOLD = 20
# ``gyoryu sources --json``: the contract for tools, in the order of the table's columns.
SOURCES_KEYS = ("title", "source", "kind", "visibility", "chunks", "date")


def register(app: typer.Typer) -> None:
    """Add the ingest commands to the ``gyoryu`` app."""
    app.command("ingest")(ingest)
    app.command("sources")(sources)


def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help=cli_texts.INGEST_PATHS_HELP)] = None,
    kind: Annotated[
        str | None,
        typer.Option(help=cli_texts.INGEST_KIND_HELP + KIND_GUESS_HELP),
    ] = None,
    visibility: Annotated[str, typer.Option(help=cli_texts.INGEST_VISIBILITY_HELP)] = "public",
    prune: Annotated[
        bool,
        typer.Option(
            "--prune",
            help=cli_texts.INGEST_PRUNE_HELP,
        ),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=cli_texts.INGEST_YES_HELP)] = False,
) -> None:
    """문서(txt, md, html, pdf, docx, hwpx)를 읽어 질문에 답할 수 있게 넣어요.

    바뀌지 않은 파일은 건너뛰고, 바뀐 파일은 새 내용으로 바꿔요. 읽지 못한 파일은 이유를
    알려 주고 건너뛰어요. 실패한 파일이 있고 넣거나 이미 들어 있는 파일이 하나도 없을 때만
    종료 코드 1로 끝나요. 문서는 파일의 절대 경로로 구별하므로 어느 폴더에서 실행해도 같아요.
    """
    if kind is not None and not is_kind(kind):
        raise typer.BadParameter(texts.BAD_KIND, param_hint="--kind")
    if not is_visibility(visibility):
        raise typer.BadParameter(texts.BAD_VISIBILITY, param_hint="--visibility")
    if not paths and not prune:
        raise typer.BadParameter(texts.NOTHING_TO_DO, param_hint="PATHS")
    from rich.console import Console

    from ingest.pipeline import ingest_paths
    from knowledge.settings import KnowledgeSettings
    from knowledge.store import ChunkStore

    store = ChunkStore.open(KnowledgeSettings())
    errors = Console(stderr=True)
    with _BarProgress(errors) as progress:
        report = ingest_paths(
            paths or [], store=store, kind=kind, visibility=visibility, progress=progress
        )
    _print_report(report)
    if prune:
        _prune(store, paths or [], yes=yes)
    if not report.ok:
        raise typer.Exit(1)


def sources(as_json: AsJson = False, wide: Wide = False) -> None:
    """넣은 문서 목록(제목, 출처, 종류, 공개 범위, 청크 수, 날짜)을 보여 줘요."""
    from handlers.cli_output import show
    from knowledge.settings import KnowledgeSettings
    from knowledge.store import ChunkStore

    records = ChunkStore.open(KnowledgeSettings()).documents()
    if not records and not as_json:
        typer.echo(texts.NO_DOCUMENTS)
        return
    rows = [(r.title, r.source, r.kind, r.visibility, r.chunks, r.date or "-") for r in records]
    show(
        texts.SOURCES_TITLE,
        texts.SOURCES_COLUMNS,
        rows,
        as_json=as_json,
        wide=wide,
        right=texts.SOURCES_COLUMNS[4:5],
        keys=SOURCES_KEYS,
    )


def _print_report(report: IngestReport) -> None:
    """Failures line by line, then the summary."""
    for outcome in report.failed:
        typer.echo(texts.failed_line(shown(outcome.source), outcome.reason), err=True)
    if report.outcomes:
        typer.echo(
            texts.summary(
                len(report.outcomes),
                report.ingested,
                report.chunks,
                report.unchanged,
                len(report.failed),
            )
        )


def _prune(store: ChunkStore, paths: list[str], *, yes: bool) -> None:
    """Show the documents whose file is gone and remove them once the user agrees."""
    from ingest.pipeline import plan_prune, remove_documents

    plan = plan_prune(store, paths)
    for source in plan.unsure:
        typer.echo(texts.prune_unsure_line(source))
    if plan.gone:
        for source in plan.gone:
            typer.echo(texts.prune_candidate_line(shown(source)))
        if not yes:
            if not _interactive():
                typer.echo(texts.PRUNE_NEEDS_YES, err=True)
                raise typer.Exit(1)
            confirm(texts.prune_question(len(plan.gone)))
        remove_documents(store, plan.gone)
    typer.echo(texts.pruned_summary(len(plan.gone)))


def _interactive() -> bool:
    """Whether someone at a terminal can answer a question."""
    return sys.stdin.isatty()


def shown(source: str) -> str:
    """A document's path as a person here would type it: relative when under this folder."""
    if not os.path.isabs(source):
        return source
    relative = os.path.relpath(source)
    return source if relative.startswith("..") else relative


class _BarProgress:
    """A rich progress bar on stderr, shown for long runs or when stderr is a terminal."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> _BarProgress:
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def start(self, total: int) -> None:
        """Show the bar when there is enough to watch."""
        if not (sys.stderr.isatty() or total > _PROGRESS_THRESHOLD):
            return
        from rich.progress import Progress

        self._bar = Progress(console=self._console, transient=True)
        self._task = self._bar.add_task(texts.PROGRESS, total=total)
        self._bar.start()

    def advance(self, source: str) -> None:
        """Move the bar by one file."""
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task)
