"""PTB's HTTP client on aiohttp instead of httpx (issue 14).

Under load httpx/httpcore cost the bot's event loop more than the answers did: httpcore walks
every pooled connection, polling each socket, for every request it assigns (about 18 % of the
loop with 50 users asking at once), and parses HTTP in Python. aiohttp's connector hands out a
kept-alive connection without that walk and parses responses in C. PTB supports a custom
client through BaseRequest; this one sends the same form-encoded or multipart bodies.

aiohttp has no SOCKS support of its own: with a socks5:// proxy `make_app_request` keeps
PTB's HTTPXRequest (httpx[socks]); http(s):// proxies go through aiohttp.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

log = logging.getLogger(__name__)

# The message TimedOut carries when the request never reached Telegram (no connection in time):
# bot.tg.sending may then retry even a send, since nothing can have been delivered.
NOT_SENT = "Pool timeout: no connection to Telegram in time; the request was not sent"


class AiohttpRequest(BaseRequest):
    """BaseRequest over one aiohttp ClientSession (created in `initialize`, on the running loop)."""

    def __init__(
        self,
        *,
        connection_pool_size: int = 64,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
        proxy: str | None = None,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._proxy = proxy
        self._session: aiohttp.ClientSession | None = None
        self._env_proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ttl_dns_cache=300)
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def _timeout(self, value: Any, default: float | None) -> float | None:
        return default if isinstance(value, DefaultValue) else value

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        read = self._timeout(read_timeout, self._read_timeout)
        write = self._timeout(write_timeout, self._media_write_timeout if files else self._write_timeout)
        connect = self._timeout(connect_timeout, self._connect_timeout)
        pool = self._timeout(pool_timeout, self._pool_timeout)
        # aiohttp has no write timeout: the body's sending counts against the read timeout.
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if connect is None or pool is None else connect + pool,
            sock_connect=connect,
            sock_read=None if read is None else read + (write or 0.0),
        )
        body = _body(request_data) if request_data else None
        proxy = self._proxy if self._proxy is not None else self._env_proxy(url)
        try:
            async with self._session.request(
                method, url, data=body, timeout=timeout, proxy=proxy
            ) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError as err:
            raise TimedOut(NOT_SENT) from err
        except TimeoutError as err:
            raise TimedOut from err
        except aiohttp.ClientError as err:
            # Not str(err): aiohttp's messages carry the URL, and the URL carries the token.
            raise NetworkError(f"aiohttp.{type(err).__name__}") from err


    def _env_proxy(self, url: str) -> str | None:
        """Without NIANBAO_PROXY_URL, HTTPS_PROXY / NO_PROXY apply as they did with httpx. Read once
        per host: aiohttp's trust_env reads the whole environment again for every request."""
        parts = urlsplit(url)
        key = (parts.scheme, parts.hostname or "")
        if key not in self._env_proxies:
            found = getproxies().get(parts.scheme) or getproxies().get("all")
            self._env_proxies[key] = None if not found or proxy_bypass(key[1]) else found
        return self._env_proxies[key]


def _body(request_data: RequestData) -> aiohttp.FormData | dict[str, str]:
    files = request_data.multipart_data
    if not files:
        return request_data.json_parameters  # form-encoded, as PTB's own client sends them
    form = aiohttp.FormData(request_data.json_parameters)
    for name, (filename, content, mime_type) in files.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form


def make_app_request(proxy: str | None, *, pool_size: int, **timeouts: float) -> BaseRequest:
    """The bot's HTTP client: aiohttp, or httpx when the proxy is SOCKS (aiohttp has none)."""
    if proxy is not None and proxy.lower().startswith("socks"):
        return HTTPXRequest(connection_pool_size=pool_size, proxy=proxy, **timeouts)  # type: ignore[arg-type]
    return AiohttpRequest(connection_pool_size=pool_size, proxy=proxy, **timeouts)
