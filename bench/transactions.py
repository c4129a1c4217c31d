"""Database work per chat message: transactions, caller look-ups and parses per Telegram message.

Runs the real Telegram adapter (webhook, secret checked) against the fake Bot API of the tests,
the federation database as the directory (a fresh SQLite file, or ``--database-url``) and a
canned answerer, then sends three messages one at a time and counts, from the webhook POST until
the reply was sent and the message settled:

* transactions: SQLAlchemy ``begin`` events on the engine (every session that touched the DB);
* identifies: calls of the directory's ``identify`` (who is writing, with the room's rules);
* parses: reads of the message text or button into a command or route.

    python bench/transactions.py [--database-url postgresql+psycopg://…]

The baseline before the lifecycle runner (issue 9) is printed beside the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event
from sqlalchemy.orm import sessionmaker

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the fake Bot API and the canned answerer live with the tests

from bot.conversation import ConversationLog  # noqa: E402
from bot.core import Bot  # noqa: E402
from bot.directory import Caller  # noqa: E402
from bot.directory_sql import SqlDirectory  # noqa: E402
from bot.messages import Address  # noqa: E402
from bot.storage.db import make_engine, upgrade  # noqa: E402
from handlers.server import build_server  # noqa: E402
from handlers.settings import ChannelSettings  # noqa: E402
from tests.fakes.telegram_api import TOKEN, fake_telegram  # noqa: E402
from tests.scenarios.answerer import FakeAnswerer  # noqa: E402

SECRET = "bench-webhook-secret"
PAYLOADS = REPO / "tests" / "payloads" / "telegram"
# Measured on main before the runner (e128e94): transactions, identifies, parses.
BASELINE = {
    "DM question": (6, 2, 2),
    "group mention": (6, 2, 3),
    "👍 button": (6, 2, 1),
}

counts: Counter[str] = Counter()


class CountingDirectory(SqlDirectory):
    """The federation directory, counting look-ups."""

    def identify(self, address: Address) -> Caller:
        counts["identifies"] += 1
        return super().identify(address)


def count_parses() -> None:
    """Wrap whatever reads a message into a command: the registry now, bot.commands before."""
    try:
        from bot.skills.registry import Registry
    except ImportError:  # the code before skills: bot.commands, called from bot.core
        import bot.core as core

        for name in ("parse", "is_command"):
            setattr(core, name, _counted(getattr(core, name)))
        return
    for name in ("route", "is_command"):
        setattr(Registry, name, _counted(getattr(Registry, name)))


def _counted(function: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        counts["parses"] += 1
        return function(*args, **kwargs)

    return wrapper


def payloads() -> dict[str, dict[str, Any]]:
    private = json.loads((PAYLOADS / "private_text.json").read_text(encoding="utf-8"))
    group = json.loads((PAYLOADS / "group_mention.json").read_text(encoding="utf-8"))
    return {"DM question": private, "group mention": group}


async def measure(url: str) -> dict[str, tuple[int, int, int]]:
    engine = make_engine(url)
    upgrade(engine)
    event.listen(engine, "begin", lambda connection: counts.update(["transactions"]))
    sessions = sessionmaker(engine, expire_on_commit=False)
    bot = Bot(
        answerer=FakeAnswerer(),
        directory=CountingDirectory(sessions),
        log=ConversationLog(sessions),
    )
    figures: dict[str, tuple[int, int, int]] = {}
    with fake_telegram() as api:
        settings = ChannelSettings(
            TELEGRAM_BOT_TOKEN=TOKEN,
            TELEGRAM_WEBHOOK_SECRET=SECRET,
            TELEGRAM_API_BASE_URL=api.base_url,
        )
        app = build_server(bot, settings, channels=("handlers.telegram",))
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                messages = payloads()
                for label, update in messages.items():
                    figures[label] = await _one(app, client, update)
                button = _button_press(api.sent()[0])
                figures["👍 button"] = await _one(app, client, button)
    engine.dispose()
    return figures


async def _one(app: Any, client: httpx.AsyncClient, update: dict[str, Any]) -> tuple[int, int, int]:
    counts.clear()
    headers = {"x-telegram-bot-api-secret-token": SECRET}
    response = await client.post("/telegram/webhook", json=update, headers=headers)
    response.raise_for_status()
    await app.state.tasks.drain()
    return counts["transactions"], counts["identifies"], counts["parses"]


def _button_press(sent: dict[str, Any]) -> dict[str, Any]:
    """A press of the 👍 button under the first answer the fake Bot API received."""
    keyboard = json.loads(sent["reply_markup"]) if isinstance(sent["reply_markup"], str) else None
    rows = keyboard["inline_keyboard"] if keyboard else sent["reply_markup"]["inline_keyboard"]
    chat = {"id": sent["chat_id"], "type": "private", "first_name": "민수"}
    return {
        "update_id": 500900,
        "callback_query": {
            "id": "cb-bench-1",
            "from": {"id": sent["chat_id"], "is_bot": False, "first_name": "민수"},
            "chat_instance": "bench",
            "data": rows[0][0]["callback_data"],
            "message": {"message_id": 1000, "date": 1764061200, "chat": chat, "text": "…"},
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()
    count_parses()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.db'}"
        figures = asyncio.run(measure(url))
    print(f"{'message':<16}{'transactions':>14}{'identifies':>12}{'parses':>8}   baseline")
    for label, (transactions, identifies, parses) in figures.items():
        before = "/".join(map(str, BASELINE[label]))
        print(f"{label:<16}{transactions:>14}{identifies:>12}{parses:>8}   {before}")


if __name__ == "__main__":
    main()
