"""Fetch a report from a link: the page itself, or the file it attaches (bot.core.links).

The bot fetches addresses that strangers send it, so every hop is checked before any byte
is sent: http/https only; the host's addresses, resolved here, must all be public (private,
loopback, link-local, reserved, multicast addresses are refused unless their network is in
FetchPolicy.allowed_networks); the connection goes to the address that was checked (no
second DNS answer can swap in an internal one); redirects are followed by hand, each one
checked again, at most `max_redirects`; the body is read in chunks and abandoned past
`max_bytes` or the deadline. Parsing stays pure: it gets the bytes.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import httpx

log = logging.getLogger(__name__)

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_USER_AGENT = "nianbao/1 (+https://github.com/; annual-report reader)"


class FetchProblem(StrEnum):
    BAD_URL = "bad_url"
    BAD_SCHEME = "bad_scheme"
    DNS = "dns"
    PRIVATE_ADDRESS = "private_address"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    TOO_LARGE = "too_large"
    TIMEOUT = "timeout"
    HTTP_STATUS = "http_status"
    NETWORK = "network"


class FetchError(Exception):
    def __init__(self, problem: FetchProblem, url: str, status: int | None = None) -> None:
        super().__init__(f"{problem}: {url}")
        self.problem = problem
        self.url = url
        self.status = status


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int = 30 * 1024 * 1024
    timeout_s: float = 30.0
    max_redirects: int = 5
    allowed_networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_strings(cls, networks: Iterable[str], **kwargs: float | int) -> FetchPolicy:
        allowed = tuple(ipaddress.ip_network(n, strict=False) for n in networks)
        return cls(allowed_networks=allowed, **kwargs)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    filename: str  # a name for the stored original: the path's last part, or the host


def fetch(url: str, policy: FetchPolicy) -> Fetched:
    """GET `url` under `policy`; raise FetchError."""
    deadline = time.monotonic() + policy.timeout_s
    current = url
    with httpx.Client(verify=True, trust_env=False) as client:
        for _hop in range(policy.max_redirects + 1):
            response_url, status, headers, body = _get(client, current, policy, deadline)
            if status in (301, 302, 303, 307, 308) and "location" in headers:
                current = urljoin(current, headers["location"])
                continue
            if status >= 400:
                raise FetchError(FetchProblem.HTTP_STATUS, current, status)
            return Fetched(response_url, body, headers.get("content-type", ""), _filename(response_url))
    raise FetchError(FetchProblem.TOO_MANY_REDIRECTS, url)


def check_url(url: str, policy: FetchPolicy) -> tuple[str, str, int, IPAddress]:
    """(scheme, host, port, the checked address to connect to); FetchError when refused."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(FetchProblem.BAD_URL, url) from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError(FetchProblem.BAD_SCHEME, url)
    host = parts.hostname
    if not host:
        raise FetchError(FetchProblem.BAD_URL, url)
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(FetchProblem.DNS, url) from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise FetchError(FetchProblem.DNS, url)
    for address in addresses:
        if not _allowed(address, policy):
            log.warning("refused to fetch %s: %s is not a public address", url, address)
            raise FetchError(FetchProblem.PRIVATE_ADDRESS, url)
    return parts.scheme, host, port, addresses[0]


def _allowed(address: IPAddress, policy: FetchPolicy) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if any(address in network for network in policy.allowed_networks):
        return True
    return address.is_global and not (address.is_multicast or address.is_reserved)


def _get(
    client: httpx.Client, url: str, policy: FetchPolicy, deadline: float
) -> tuple[str, int, dict[str, str], bytes]:
    scheme, host, port, address = check_url(url, policy)
    parts = urlsplit(url)
    literal = f"[{address}]" if address.version == 6 else str(address)
    # Connect to the address just checked; the Host header and TLS name stay the host's.
    pinned = parts._replace(netloc=f"{literal}:{port}").geturl()
    default_port = port == (443 if scheme == "https" else 80)
    headers = {"Host": host if default_port else f"{host}:{port}", "User-Agent": _USER_AGENT}
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(FetchProblem.TIMEOUT, url)
    try:
        with client.stream(
            "GET",
            pinned,
            headers=headers,
            timeout=httpx.Timeout(remaining),
            extensions={"sni_hostname": host},
            follow_redirects=False,
        ) as response:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                raise FetchError(FetchProblem.TOO_LARGE, url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > policy.max_bytes:
                    raise FetchError(FetchProblem.TOO_LARGE, url)
                if time.monotonic() > deadline:
                    raise FetchError(FetchProblem.TIMEOUT, url)
                chunks.append(chunk)
            return url, response.status_code, dict(response.headers), b"".join(chunks)
    except httpx.TimeoutException as exc:
        raise FetchError(FetchProblem.TIMEOUT, url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(FetchProblem.NETWORK, url) from exc


def _filename(url: str) -> str:
    parts = urlsplit(url)
    name = unquote(PurePosixPath(parts.path).name)
    return name or (parts.hostname or "page") + ".html"
