"""Command-line commands of the ingest package: ``gyoryu ingest`` and ``gyoryu sources``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from handlers.cli_output import AsJson, Wide
from ingest import texts
from ingest.kinds import KIND_GUESS_HELP, is_kind, is_visibility

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

    from ingest.pipeline import IngestReport

_PROGRESS_THRESHOLD = 20


def register(app: typer.Typer) -> None:
    """Add the ingest commands to the ``gyoryu`` app."""
    app.command("ingest")(ingest)
    app.command("sources")(sources)


def ingest(
    paths: Annotated[
        list[str] | None, typer.Argument(help="넣을 파일이나 폴더(폴더는 하위 폴더까지).")
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(help=f"문서 종류: rules, events, programs, faq, news. {KIND_GUESS_HELP}"),
    ] = None,
    visibility: Annotated[
        str, typer.Option(help="공개 범위: public(누구나), members(회원), group:<id>(그 교류회).")
    ] = "public",
    prune: Annotated[
        bool,
        typer.Option("--prune", help="파일이 없어진 문서를 색인에서 빼요(경로를 주면 그 아래만)."),
    ] = False,
) -> None:
    """문서(txt, md, html, pdf, docx, hwpx)를 읽어 질문에 답할 수 있게 넣어요.

    바뀌지 않은 파일은 건너뛰고, 바뀐 파일은 새 내용으로 바꿔요. 읽지 못한 파일은 이유를
    알려 주고 건너뛰어요. 실패한 파일이 있고 넣거나 이미 들어 있는 파일이 하나도 없을 때만
    종료 코드 1로 끝나요.
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
            paths or [],
            store=store,
            kind=kind,
            visibility=visibility,
            prune=prune,
            progress=progress,
        )
    _print_report(report)
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
        right=("청크",),
    )


def _print_report(report: IngestReport) -> None:
    """Failures and pruned documents line by line, then the summary."""
    for outcome in report.failed:
        typer.echo(texts.failed_line(outcome.source, outcome.reason), err=True)
    for source in report.pruned:
        typer.echo(texts.pruned_line(source))
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
    if report.pruned or not report.outcomes:
        typer.echo(texts.pruned_summary(len(report.pruned)))


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
