"""Composition root of ``gyoryu serve``: one ASGI server for every configured channel.

Channels are modules listed in :data:`CHANNELS`; each exposes ``build(context) -> Adapter`` and
raises :class:`~handlers.base.ChannelOff` when its credentials are not set. Adding a platform is
one module plus one line here.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

    from bot.core import Bot
    from handlers.base import Adapter, ChannelContext
    from handlers.settings import ChannelSettings

log = logging.getLogger(__name__)

CHANNELS: tuple[str, ...] = (
    "handlers.telegram",
    "handlers.slack",
    "handlers.kakao_skill",
    "handlers.kakao_bridge",
)


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to the ``gyoryu`` app."""
    app.command("serve")(serve)


def serve(
    host: Annotated[str, typer.Option(help="들을 주소")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="들을 포트", min=1, max=65535)] = 8080,
    telegram_polling: Annotated[
        bool, typer.Option("--telegram-polling", help="웹훅 대신 롱 폴링으로 텔레그램을 받습니다.")
    ] = False,
) -> None:
    """설정된 모든 채널(텔레그램, 슬랙, 카카오톡)을 한 서버로 엽니다."""
    import uvicorn

    from handlers.settings import ChannelSettings
    from handlers.wiring import build_bot, open_sessions
    from knowledge.settings import KnowledgeSettings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    bot = build_bot(open_sessions(), KnowledgeSettings())
    app = build_server(bot, ChannelSettings(), polling=telegram_polling)
    for line in app.state.report:
        typer.echo(line)
    uvicorn.run(app, host=host, port=port, log_level="info")


def build_server(
    bot: Bot,
    settings: ChannelSettings,
    *,
    polling: bool = False,
    channels: Sequence[str] = CHANNELS,
) -> Starlette:
    """The Starlette app: health routes, every live channel's routes, body limit, lifecycle."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.routing import BaseRoute, Route

    from bot.outbox import Postman
    from handlers.base import ChannelContext

    context = ChannelContext(bot=bot, settings=settings, polling=polling)
    adapters, report = load_channels(context, channels)
    postman = Postman()
    for adapter in adapters:
        postman.register(adapter.name, adapter)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        for adapter in adapters:
            await adapter.start()
        recovered = await bot.recover(postman.push)
        if recovered:
            log.info("caught up with %d message(s) left unanswered before the restart", recovered)
        app.state.ready = True
        try:
            yield
        finally:
            app.state.ready = False
            await context.tasks.drain()
            for adapter in adapters:
                await adapter.stop()

    routes: list[BaseRoute] = [Route("/healthz", _healthz), Route("/readyz", _readyz)]
    routes += [route for adapter in adapters for route in adapter.routes()]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(BodyLimit, limit=settings.max_body_bytes)],
        lifespan=lifespan,
    )
    app.state.ready = False
    app.state.report = report
    app.state.channels = {adapter.name: adapter.mode for adapter in adapters}
    app.state.postman = postman
    app.state.tasks = context.tasks
    return app


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
            report.append(texts.ch_channel_off(label, "이 버전에는 아직 없는 채널이에요"))
            continue
        try:
            adapter: Adapter = module.build(context)
        except ChannelOff as off:
            report.append(texts.ch_channel_off(label, str(off)))
            continue
        adapters.append(adapter)
        report.append(texts.ch_channel_live(label, adapter.mode))
    for line in report:
        log.info("%s", line)
    return adapters, report


async def _healthz(request: Request) -> Response:
    from starlette.responses import JSONResponse

    return JSONResponse({"status": "ok"})


async def _readyz(request: Request) -> Response:
    from starlette.responses import JSONResponse

    ready = bool(request.app.state.ready)
    body = {"status": "ready" if ready else "starting", "channels": request.app.state.channels}
    return JSONResponse(body, status_code=200 if ready else 503)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, declared or streamed."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a receive channel that counts the bytes."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit() or int(declared) > self.limit:
            await _bare(413 if declared.isdigit() else 400)(scope, receive, send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
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
                await _bare(413)(scope, receive, send)


def _bare(status: int) -> Response:
    from starlette.responses import Response

    return Response(status_code=status)
