"""Composition root of ``gyoryu serve``: one ASGI server for every configured channel.

Channels are modules listed in :data:`CHANNELS`; each exposes ``build(context) -> Adapter`` and
raises :class:`~handlers.base.ChannelOff` when its credentials are not set. Adding a platform is
one module plus one line here.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from functools import partial
from typing import TYPE_CHECKING, Annotated, cast

import typer

from handlers import cli_texts

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import BaseRoute
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from bot.answer_pool import AnswerPool
    from bot.core import Bot
    from bot.difficulties.digest import RelatedDocs
    from bot.lifecycle import Push, Runner
    from bot.qa import DocumentQA
    from handlers.base import Adapter, ChannelContext
    from handlers.settings import ChannelSettings
    from knowledge.settings import KnowledgeSettings

    Upload = tuple[int, Callable[[], Response]]
    """A larger body limit for one path, and the response a body over it gets."""

log = logging.getLogger(__name__)

CHANNELS: tuple[str, ...] = (
    "handlers.telegram",
    "handlers.slack",
    "handlers.kakao_skill",
    "handlers.kakao_bridge",
)


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})

MAX_WORKERS = 8
MAX_ANSWER_PROCESSES = 8
ANSWER_PROCESSES = 1
"""Answering processes beside each serving process by default: one keeps the event loop free
of the answers' CPU work (see :mod:`bot.answer_pool`) on a machine with two cores or more."""
WORKER_ANSWER_PROCESSES = "GYORYU_SERVE_WORKER_ANSWER_PROCESSES"
WORKER_CONSOLE = "GYORYU_SERVE_WORKER_CONSOLE"
WORKER_VERBOSE = "GYORYU_SERVE_WORKER_VERBOSE"
"""How ``gyoryu serve --workers`` tells its workers what it decided (they inherit the
environment): whether to serve the web console, and whether ``--verbose`` was given."""


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the ``gyoryu`` app."""
    app.command("serve")(serve)


def serve(
    host: Annotated[str, typer.Option(help=cli_texts.SERVE_HOST_HELP)] = "127.0.0.1",
    port: Annotated[int, typer.Option(help=cli_texts.SERVE_PORT_HELP, min=1, max=65535)] = 8080,
    telegram_polling: Annotated[
        bool, typer.Option("--telegram-polling", help=cli_texts.SERVE_POLLING_HELP)
    ] = False,
    workers: Annotated[
        int, typer.Option(help=cli_texts.SERVE_WORKERS_HELP, min=1, max=MAX_WORKERS)
    ] = 1,
    answer_processes: Annotated[
        int,
        typer.Option(help=cli_texts.SERVE_ANSWER_PROCESSES_HELP, min=0, max=MAX_ANSWER_PROCESSES),
    ] = ANSWER_PROCESSES,
) -> None:
    """설정된 모든 채널(텔레그램, 슬랙, 카카오톡)을 한 서버로 엽니다."""
    import uvicorn

    from bot import texts
    from handlers import cli_logging
    from handlers.settings import ChannelSettings
    from handlers.wiring import open_sessions

    _check_address(host, port)  # before the slow start, so a taken port is said at once
    if workers > 1 and telegram_polling:
        typer.echo(texts.SERVE_POLLING_ONE_WORKER, err=True)
        raise typer.Exit(2)
    typer.echo(texts.SERVE_STARTING)
    settings = ChannelSettings()
    # The console is served where the secretariat can reach it: behind the public URL, or on
    # this computer only.
    console = bool(settings.public_url) or host in LOOPBACK
    verbose = cli_logging.is_verbose()
    target: Starlette | str
    if workers == 1:
        target = serving_app(
            settings, console=console, polling=telegram_polling, answer_processes=answer_processes
        )
        report, channels = target.state.report, target.state.channels
    else:
        # Each worker builds its own bot, index and scheduler, as separate serving processes on
        # one database do; the database is migrated here once, before they open it.
        open_sessions().kw["bind"].dispose()
        report, channels = channel_report(settings)
        os.environ[WORKER_CONSOLE] = "1" if console else ""
        os.environ[WORKER_VERBOSE] = "1" if verbose else ""
        os.environ[WORKER_ANSWER_PROCESSES] = str(answer_processes)
        target = f"{__name__}:{worker_app.__name__}"
        typer.echo(texts.serve_workers(workers))
    for line in report:
        typer.echo(line)
    if not channels:
        typer.secho(texts.CH_NO_CHANNEL_LIVE, err=True, fg="yellow")
    typer.echo(texts.serve_listening(host, port))
    # uvicorn's own start and stop lines are English; ours above and below say the same in Korean,
    # so uvicorn speaks only of problems unless --verbose asked for everything.
    uvicorn.run(
        target,
        host=host,
        port=port,
        log_level="info" if verbose else "warning",
        access_log=verbose,
        workers=workers if workers > 1 else None,
        factory=workers > 1,
    )
    typer.echo(texts.SERVE_STOPPED)


def serving_app(
    settings: ChannelSettings,
    *,
    console: bool,
    polling: bool = False,
    answer_processes: int = ANSWER_PROCESSES,
) -> Starlette:
    """The app ``gyoryu serve`` runs: the configured database, documents and channels.

    Documents are answered in ``answer_processes`` child processes (none: in this one).
    """
    from bot.lifecycle import ANSWER_SLOTS
    from handlers import cli_logging, log_privacy
    from handlers.wiring import build_bot, open_answerer, open_sessions, related_docs
    from knowledge.settings import KnowledgeSettings

    knowledge, sessions = KnowledgeSettings(), open_sessions()
    if knowledge.openai_api_key is not None:
        log_privacy.add_secret(knowledge.openai_api_key.get_secret_value())
    answerer: DocumentQA | AnswerPool
    here: DocumentQA | None = None  # the answerer when it runs in this process
    if answer_processes:
        from bot.answer_pool import AnswerPool

        secret = knowledge.openai_api_key
        prepare = partial(
            _answering_process_logging,
            verbose=cli_logging.is_verbose(),
            secret=secret.get_secret_value() if secret else None,
        )
        answerer = AnswerPool(knowledge, answer_processes, prepare=prepare)
    else:
        answerer = here = open_answerer(knowledge)
    bot = build_bot(sessions, knowledge, answerer=answerer, channels=settings)
    return build_server(
        bot,
        settings,
        polling=polling,
        sessions=sessions,
        related=related_docs(answerer),
        console=console,
        knowledge=knowledge,
        refresh=answerer.refresh,
        # The answering processes follow the documents themselves (see bot.answer_pool).
        knowledge_check=None if here is None else here.refresh_if_changed,
        # One more answer under way than there are answering processes: each spends part of its
        # time on the database here, and the processes should not wait for that.
        answer_slots=max(ANSWER_SLOTS, answer_processes + 1),
    )


def _answering_process_logging(*, verbose: bool, secret: str | None) -> None:
    """An answering process logs as its server does, and hides the same secret."""
    from handlers import cli_logging, log_privacy

    cli_logging.configure(verbose=verbose)
    log_privacy.add_secret(secret)


def worker_app() -> Starlette:
    """One worker's app under ``gyoryu serve --workers N`` (uvicorn calls it in each process).

    The worker is a serving process of its own: its own claims on the messages it answers, its
    own scheduler loop and document watch, sharing the database (and the platforms' send slots)
    with the others, as two ``gyoryu serve`` on one database do. Telegram polling is never on
    here (one process only may poll).
    """
    from handlers import cli_logging
    from handlers.settings import ChannelSettings

    cli_logging.configure(verbose=bool(os.environ.get(WORKER_VERBOSE)))
    return serving_app(
        ChannelSettings(),
        console=bool(os.environ.get(WORKER_CONSOLE)),
        answer_processes=int(os.environ.get(WORKER_ANSWER_PROCESSES) or ANSWER_PROCESSES),
    )


def channel_report(settings: ChannelSettings) -> tuple[list[str], dict[str, str]]:
    """The start-up lines and live channels, for a server whose workers build their own app.

    The adapters are built only to be described: none is started or given a request, so they
    hold no runner (each worker's adapters get their own).
    """
    from bot.lifecycle import Runner
    from handlers.base import ChannelContext

    inert = cast(Runner, None)
    adapters, report = load_channels(ChannelContext(runner=inert, settings=settings), CHANNELS)
    return report, {adapter.name: adapter.mode for adapter in adapters}


def _check_address(host: str, port: int) -> None:
    """Exit with a Korean line when the server could not listen on ``host:port``."""
    import errno
    import socket

    from handlers import texts

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as error:
        reason = {
            errno.EADDRINUSE: texts.PORT_TAKEN,
            errno.EACCES: texts.PORT_FORBIDDEN,
            errno.EADDRNOTAVAIL: texts.ADDRESS_NOT_HERE,
        }.get(error.errno or 0, error.strerror or str(error))
        typer.echo(texts.cannot_listen(host, port, reason), err=True)
        raise typer.Exit(1) from error


def build_server(
    bot: Bot,
    settings: ChannelSettings,
    *,
    polling: bool = False,
    channels: Sequence[str] = CHANNELS,
    sessions: sessionmaker[Session] | None = None,
    related: RelatedDocs | None = None,
    console: bool = False,
    knowledge: KnowledgeSettings | None = None,
    refresh: Callable[[], None] | None = None,
    knowledge_check: Callable[[], object] | None = None,
    answer_slots: int | None = None,
) -> Starlette:
    """The Starlette app: health routes, every live channel's routes, body limit, lifecycle.

    With ``sessions`` the app also runs the scheduler (reminders, prompts, digests) for its
    lifetime and serves the signed calendar feeds, and with ``console`` the secretariat's web
    console under ``/admin`` (its 문서 page needs ``knowledge``, and calls ``refresh`` after each
    change so the bot answers from the documents as they now are). ``knowledge_check`` is called
    every few seconds, so documents ingested or removed anywhere (another serving process, the
    command line) reach this process's answers without a restart. ``answer_slots`` answers are
    worked on at once (see :class:`~bot.lifecycle.Runner`).
    """
    from pydantic import SecretStr
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import Route

    from bot.chores import CHORES
    from bot.lifecycle import Runner
    from bot.outbox import Postman
    from bot.ratelimit import LocalSendSlots, SharedSendSlots
    from bot.schedule import runner
    from bot.schedule.compose import MessageComposer
    from bot.schedule.dispatcher import Dispatcher
    from handlers import log_privacy
    from handlers.base import Arrival, ChannelContext

    log_privacy.install()
    for _name, value in settings:  # every credential the server holds stays out of the logs
        if isinstance(value, SecretStr):
            log_privacy.add_secret(value.get_secret_value())
    lifecycle = Runner(bot) if answer_slots is None else Runner(bot, answer_slots=answer_slots)
    # With a database, the platforms' rate limits are counted there, for every serving process.
    slots = SharedSendSlots(sessions) if sessions is not None else LocalSendSlots()
    context = ChannelContext(runner=lifecycle, settings=settings, polling=polling, send_slots=slots)
    adapters, report = load_channels(context, channels)
    postman = Postman()
    for adapter in adapters:
        postman.register(adapter.name, adapter)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        for adapter in adapters:
            await adapter.start()
        recovered = await lifecycle.recover(postman.push)
        if recovered:
            log.info("caught up with %d message(s) left unanswered before the restart", recovered)
        scheduler = None
        if sessions is not None:
            dispatcher = Dispatcher(sessions, postman, compose=MessageComposer(related=related))
            # The scheduler keeps the bot's time (a test's fixed clock, else now), so what it
            # plans and sends agrees with what the bot and the console say is due.
            try:  # plan (and send what is due) before serving, so a restart misses nothing
                await runner.run_once(sessions, dispatcher, bot.clock(), CHORES)
            except Exception:
                log.exception("the first scheduler round failed; the loop will try again")
            scheduler = asyncio.create_task(
                runner.run_forever(sessions, dispatcher, bot.clock, chores=CHORES)
            )
        # Messages another serving process abandoned (it was killed) are taken over here.
        recovering = asyncio.create_task(_keep_recovering(lifecycle, postman.push))
        watching = [asyncio.create_task(_keep_current(knowledge_check))] if knowledge_check else []
        renewing = asyncio.create_task(_keep_claims(lifecycle))
        app.state.ready = True
        try:
            yield
        finally:
            app.state.ready = False
            for task in (recovering, renewing, *watching):
                task.cancel()
            await asyncio.gather(recovering, renewing, *watching, return_exceptions=True)
            if scheduler is not None:
                scheduler.cancel()
                await asyncio.gather(scheduler, return_exceptions=True)
            await lifecycle.tasks.drain()
            for adapter in adapters:
                await adapter.stop()

    routes: list[BaseRoute] = [Route("/healthz", _healthz), Route("/readyz", _readyz)]
    routes += [route for adapter in adapters for route in adapter.routes()]
    secret = settings.calendar_secret
    if sessions is not None and secret is not None and secret.get_secret_value():
        routes += calendar_routes(sessions, secret.get_secret_value())
    uploads: dict[str, Upload] = {}
    if sessions is not None and console:
        from handlers.admin import UPLOAD_LIMIT, console_routes, too_large, upload_paths

        routes += console_routes(
            sessions,
            public_url=settings.public_url,
            clock=bot.clock,
            knowledge=knowledge,
            refresh=refresh,
        )
        # The console's upload forms carry files: a larger limit there, with a Korean page.
        uploads = {path: (UPLOAD_LIMIT, too_large) for path in upload_paths()}
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(Arrival),
            Middleware(BodyLimit, limit=settings.max_body_bytes, uploads=uploads),
        ],
        lifespan=lifespan,
    )
    app.state.ready = False
    app.state.report = report
    app.state.channels = {adapter.name: adapter.mode for adapter in adapters}
    app.state.postman = postman
    app.state.tasks = lifecycle.tasks
    return app


async def _keep_recovering(lifecycle: Runner, push: Push) -> None:
    """Every :data:`~bot.lifecycle.RECOVER_EVERY`, catch up with abandoned messages."""
    from bot.lifecycle import RECOVER_EVERY

    while True:
        await asyncio.sleep(RECOVER_EVERY.total_seconds())
        try:
            recovered = await lifecycle.recover(push)
        except Exception:  # one bad round must not stop the catching up for good
            log.exception("catching up with abandoned messages failed")
            continue
        if recovered:
            log.info("caught up with %d message(s) another process left unanswered", recovered)


async def _keep_current(check: Callable[[], object]) -> None:
    """Every :data:`~knowledge.live.CHECK_EVERY` seconds, reload documents changed anywhere.

    The check runs in a worker thread: a reload analyses and indexes, and answers must not wait.
    """
    from knowledge.live import CHECK_EVERY

    failing = False
    while True:
        await asyncio.sleep(CHECK_EVERY)
        try:
            await asyncio.to_thread(check)
        except Exception:  # the store may be briefly unreachable; answer from what is loaded
            if not failing:
                log.exception("could not check the documents for changes; will keep trying")
            failing = True
            continue
        if failing:
            log.info("checking the documents for changes works again")
        failing = False


async def _keep_claims(lifecycle: Runner) -> None:
    """Every :data:`~bot.lifecycle.RENEW_EVERY`, renew the claims of messages being worked on,
    so no other process takes over an answer this one is still giving."""
    from bot.lifecycle import RENEW_EVERY

    while True:
        await asyncio.sleep(RENEW_EVERY.total_seconds())
        try:
            await lifecycle.renew()
        except Exception:  # a database hiccup: the next round tries again, well within the lease
            log.exception("renewing this process's claims failed")


def load_channels(
    context: ChannelContext, channels: Sequence[str]
) -> tuple[list[Adapter], list[str]]:
    """Build every configured channel; the live adapters and one report line per channel."""
    from bot import texts
    from handlers.base import ChannelOff

    adapters: list[Adapter] = []
    report: list[str] = []
    for module_name in channels:
        label = module_name.rsplit(".", 1)[-1]
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as missing:
            if missing.name != module_name:
                raise
            report.append(texts.ch_channel_off(label, texts.CH_CHANNEL_NOT_IN_VERSION))
            continue
        try:
            adapter: Adapter = module.build(context)
        except ChannelOff as off:
            report.append(texts.ch_channel_off(label, str(off)))
            continue
        adapters.append(adapter)
        report.append(texts.ch_channel_live(label, adapter.mode))
    return adapters, report


def calendar_routes(sessions: sessionmaker[Session], secret: str) -> list[BaseRoute]:
    """``GET /calendar/{group}.ics`` and ``GET /events/{event}.ics``, each with its ``?t=`` token.

    The feeds are public to whoever holds the link, so a wrong token looks like a missing feed.
    """
    from starlette.responses import Response
    from starlette.routing import Route

    from bot.clock import utcnow
    from bot.schedule import ics
    from bot.schedule.feeds import feed_token_ok
    from bot.storage.event_models import Event
    from bot.storage.federation_models import Group

    def group_feed(ident: int) -> bytes | None:
        with sessions() as session:
            group = session.get(Group, ident)
            if group is None:
                return None
            return ics.group_ics(session, group_id=group.id, name=group.name, now=utcnow())

    def event_file(ident: int) -> bytes | None:
        with sessions() as session:
            event = session.get(Event, ident)
            return ics.event_ics(event) if event is not None else None

    def serve(kind: str, param: str, build: Callable[[int], bytes | None]) -> Route:
        async def endpoint(request: Request) -> Response:
            ident: int = request.path_params[param]
            if not feed_token_ok(secret, kind, ident, request.query_params.get("t", "")):
                return Response(status_code=404)
            body = await asyncio.to_thread(build, ident)
            if body is None:
                return Response(status_code=404)
            return Response(body, media_type="text/calendar; charset=utf-8")

        folder = "calendar" if kind == "group" else "events"
        return Route(f"/{folder}/{{{param}:int}}.ics", endpoint, methods=["GET"])

    return [serve("group", "group_id", group_feed), serve("event", "event_id", event_file)]


async def _healthz(request: Request) -> Response:
    from starlette.responses import JSONResponse

    return JSONResponse({"status": "ok"})


async def _readyz(request: Request) -> Response:
    """200 once started with at least one live channel; 503 with the reason otherwise."""
    from starlette.responses import JSONResponse

    from bot import texts

    channels = request.app.state.channels
    body: dict[str, object] = {"status": "ready", "channels": channels}
    if not request.app.state.ready:
        body["status"] = "starting"
    elif not channels:  # nobody can reach the bot: not ready, whatever else runs
        body.update(status="no_channels", reason=texts.CH_NO_CHANNEL_LIVE)
    return JSONResponse(body, status_code=200 if body["status"] == "ready" else 503)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, declared or streamed.

    ``uploads`` gives a few paths (the console's upload forms) a larger limit of their own and
    the response a body over it gets.
    """

    def __init__(
        self, app: ASGIApp, limit: int, uploads: Mapping[str, Upload] | None = None
    ) -> None:
        self.app = app
        self.limit = limit
        self.uploads = dict(uploads or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a receive channel that counts the bytes."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, refusal = self.uploads.get(scope["path"], (self.limit, _too_large))
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit():
            await _bare(400)(scope, receive, send)
            return
        if int(declared) > limit:
            await refusal()(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except _TooLarge:
            if not started:
                await refusal()(scope, receive, send)


def _too_large() -> Response:
    return _bare(413)


def _bare(status: int) -> Response:
    from starlette.responses import Response

    return Response(status_code=status)
