"""Whether a failed send may still have reached the platform: the line between retry and not.

An error raised before the request left (the host could not be reached, no connection was free)
means nothing was sent, and trying again is safe. An error after it left (no answer within the
read timeout, the connection dropped while waiting) means the platform may have delivered the
message: the adapters raise :class:`~bot.delivery.OutcomeUnknownError` for those, so nobody
sends it a second time blindly.
"""

from __future__ import annotations

import aiohttp
import httpx

from bot.delivery import DeliveryError, OutcomeUnknownError

CONNECT_TIMEOUT_S = 5.0
"""How long to wait for a connection; nothing has been sent while this runs out."""

SEND_READ_TIMEOUT_S = 30.0
"""How long to wait for a platform's answer to a send. Far beyond the seconds a working
platform takes (Telegram, Slack and the Kakao gateways answer within a few), so a slow platform
answers before we give up, and giving up means the outcome is unknown, not failed."""

_NOT_SENT: tuple[type[BaseException], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    aiohttp.ClientConnectorError,
    ConnectionRefusedError,
)


def send_timeout() -> httpx.Timeout:
    """An httpx client's timeouts for sends: a short connect, a long wait for the answer."""
    return httpx.Timeout(SEND_READ_TIMEOUT_S, connect=CONNECT_TIMEOUT_S, pool=CONNECT_TIMEOUT_S)


def send_error(platform: str, failed: httpx.HTTPError) -> DeliveryError:
    """The delivery error for an httpx send that failed: unknown when it may have arrived.

    An HTTP error status is an answer (the platform refused): worth another try.
    """
    if isinstance(failed, httpx.HTTPStatusError) or not may_have_arrived(failed):
        return DeliveryError(f"{platform}: {type(failed).__name__}")
    return OutcomeUnknownError(f"{platform}: {type(failed).__name__}")


def may_have_arrived(error: BaseException) -> bool:
    """``True`` unless ``error`` (or what caused it) shows the request never left."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, _NOT_SENT):
            return False
        seen = seen.__cause__ or seen.__context__
    return True
