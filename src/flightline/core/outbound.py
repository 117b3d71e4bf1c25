"""The outbound-request guard: every request the server makes on behalf of a
client (document source URLs, webhook deliveries) goes through here.

The threat is server-side request forgery (SSRF). A client who controls a URL
we fetch can aim it at things only the server can reach: the cloud metadata
service (169.254.169.254 hands out credentials), the database, admin ports on
loopback, the private network. Blocklisting hostnames does not work, so the
guard judges *addresses*: a URL is refused unless every address its host
resolves to is public, and IP literals are recognised in every spelling the
C library accepts (``2130706433``, ``0x7f000001``, ``127.1``, ``0177.0.0.1``)
because that is what a naive resolver would connect to.

Checking the address is not enough on its own: with DNS rebinding an attacker's
name answers with a public address when we check and a private one when the
HTTP client resolves again a moment later to connect. So we resolve once, check
that answer, and *pin* the connection to the checked IP, while TLS SNI and
certificate verification still use the URL's hostname. Redirects are never
followed by the HTTP client; the guard follows them itself and re-runs every
check on every hop. Size and a total deadline bound what a hostile server can
make us spend.

Operators can name hosts, IPs or CIDRs in an allow-list (for an internal
document store, say); those skip the address checks and may use any port.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import ssl
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import httpcore
import httpx

__all__ = [
    "GuardedResponse",
    "OutboundPolicy",
    "OutboundRefused",
    "check_url_shape",
    "guarded_get",
    "guarded_post",
    "resolve_checked",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

MAX_URL_LENGTH = 4000
DEFAULT_PORT = 443
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0

# Hostnames after IDNA encoding; anything else (percent-escapes, stray
# punctuation) is something no resolver should be asked to interpret.
_HOSTNAME = re.compile(r"^[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_.])?$")

# IPv6 ranges that carry an IPv4 address, which `is_global` judges on the IPv6
# prefix alone (Python 3.11 calls 64:ff9b::a00:1 and 2002:7f00:1:: "global").
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")

# Credentials must not follow a redirect to somebody else's origin.
_ORIGIN_BOUND_HEADERS = ("authorization", "cookie", "proxy-authorization")


class OutboundRefused(Exception):
    """The guard refused the request or the request failed in a way we report.

    `message` is safe to show the client: it never names the addresses a
    hostname resolved to, which would turn the guard into an internal DNS
    oracle. `param` is for the caller to fill in (e.g. ``"source_url"``).
    """

    def __init__(self, kind: str, message: str, *, param: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.param = param

    def __repr__(self) -> str:
        return f"OutboundRefused(kind={self.kind!r}, message={self.message!r})"


@dataclass(frozen=True)
class OutboundPolicy:
    allow: tuple[str, ...] = ()
    ca_file: Path | None = None
    max_redirects: int = 5

    def __post_init__(self) -> None:
        # Callers hand over lists from settings; a tuple keeps the policy hashable.
        object.__setattr__(self, "allow", tuple(self.allow))


@dataclass(frozen=True)
class _AllowRules:
    names: frozenset[str] = field(default_factory=frozenset)
    networks: tuple[IPNetwork, ...] = ()

    def names_host(self, host: str) -> bool:
        return _normalise_name(host) in self.names

    def covers(self, ip: IPAddress) -> bool:
        plain = _without_scope(ip)
        return any(plain.version == net.version and plain in net for net in self.networks)


def _normalise_name(host: str) -> str:
    return host.strip("[]").lower().rstrip(".")


def _without_scope(ip: IPAddress) -> IPAddress:
    if isinstance(ip, ipaddress.IPv6Address) and ip.scope_id is not None:
        return ipaddress.IPv6Address(int(ip))
    return ip


@lru_cache(maxsize=64)
def _rules(allow: tuple[str, ...]) -> _AllowRules:
    names: set[str] = set()
    networks: list[IPNetwork] = []
    for entry in allow:
        text = entry.strip()
        if not text:
            continue
        try:
            networks.append(ipaddress.ip_network(text.strip("[]"), strict=False))
            continue
        except ValueError:
            pass
        legacy = _literal_ip(text)
        if isinstance(legacy, ipaddress.IPv4Address):
            networks.append(ipaddress.IPv4Network(legacy))
        else:
            names.add(_normalise_name(text))
    return _AllowRules(frozenset(names), tuple(networks))


def _literal_ip(host: str) -> IPAddress | None:
    """The address a host string denotes if it is an IP literal in any form.

    `inet_aton` is the parser the C library uses for names that look numeric,
    so anything it accepts (decimal, hex, octal, short forms) is an address.
    """
    text = host.strip("[]")
    # A trailing dot is the absolute form of the same literal.
    for candidate in (text, text[:-1]) if text.endswith(".") else (text,):
        try:
            return ipaddress.ip_address(candidate)
        except ValueError:
            pass
        try:
            return ipaddress.IPv4Address(socket.inet_aton(candidate))
        except (OSError, ValueError):
            pass
    return None


def _is_public(ip: IPAddress) -> bool:
    """True only for unicast addresses routable on the public internet."""
    ip = _without_scope(ip)
    if (
        not ip.is_global
        or ip.is_private
        or ip.is_multicast
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_unspecified
    ):
        return False
    if isinstance(ip, ipaddress.IPv4Address):
        return True
    # A mapped or IPv4-compatible address is the IPv4 host on a dual-stack
    # socket; there is no reason for a public URL to use either form.
    if ip.is_site_local or ip.ipv4_mapped is not None or ip in _IPV4_COMPATIBLE:
        return False
    if ip in _NAT64_LOCAL:
        return False
    embedded: list[ipaddress.IPv4Address] = []
    if ip.sixtofour is not None:
        embedded.append(ip.sixtofour)
    if ip.teredo is not None:
        embedded.extend(ip.teredo)
    if ip in _NAT64:
        embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return all(_is_public(inner) for inner in embedded)


def _refuse_address() -> OutboundRefused:
    return OutboundRefused("address", "The URL points to a non-public address.")


def _refuse_port() -> OutboundRefused:
    return OutboundRefused("port", "Only the default HTTPS port (443) is allowed.")


def check_url_shape(url: str, policy: OutboundPolicy) -> httpx.URL:
    """The checks that need no DNS: refuse what is wrong on the URL's face.

    Returns the parsed URL without its fragment. A non-default port on a
    hostname is refused here unless the name is allow-listed or the policy has
    CIDRs (then the port is judged once the name has resolved).
    """
    if not isinstance(url, str):
        raise OutboundRefused("url", "The URL must be a string.")
    if len(url) > MAX_URL_LENGTH:
        raise OutboundRefused("url", f"The URL is longer than {MAX_URL_LENGTH} characters.")
    rules = _rules(policy.allow)
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError, UnicodeError) as exc:
        # httpx rejects some legacy literals (0177.0.0.1) outright; say why
        # when that is the reason, since it is an address the libc would use.
        legacy = _legacy_host_of(url)
        if legacy is not None and not rules.covers(legacy) and not _is_public(legacy):
            raise _refuse_address() from exc
        raise OutboundRefused("url", "The URL is not valid.") from exc
    if parsed.scheme != "https":
        raise OutboundRefused("scheme", "Only https URLs are allowed.")
    if parsed.userinfo:
        raise OutboundRefused("userinfo", "URLs with credentials (user:pass@) are not allowed.")
    try:
        host = parsed.raw_host.decode("ascii")
    except UnicodeDecodeError as exc:
        raise OutboundRefused("url", "The URL host is not valid.") from exc
    if not host:
        raise OutboundRefused("url", "The URL has no host.")
    port = parsed.port
    default_port = port is None or port == DEFAULT_PORT
    literal = _literal_ip(host)
    if literal is not None:
        allowed = rules.covers(literal)
        if not allowed and not _is_public(literal):
            raise _refuse_address()
        if not allowed and not default_port:
            raise _refuse_port()
    else:
        if not _HOSTNAME.fullmatch(host.lower()):
            raise OutboundRefused("url", "The URL host is not valid.")
        if not default_port and not rules.names_host(host) and not rules.networks:
            raise _refuse_port()
    return parsed.copy_with(fragment=None)


def _legacy_host_of(url: str) -> IPAddress | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return _literal_ip(host) if host else None


async def _getaddrinfo(host: str, port: int) -> list[str]:
    """Every address `host` resolves to. The single DNS entry point (tests
    replace it to simulate hostile answers)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return [str(info[4][0]) for info in infos]


async def _resolve(host: str, port: int, policy: OutboundPolicy) -> tuple[str, bool]:
    """(IP to pin, whether the host is privileged by the allow-list)."""
    rules = _rules(policy.allow)
    literal = _literal_ip(host)
    if literal is not None:
        allowed = rules.covers(literal)
        if not allowed and not _is_public(literal):
            raise _refuse_address()
        return str(literal), allowed
    try:
        answers = await _getaddrinfo(host, port)
    except (OSError, UnicodeError) as exc:
        raise OutboundRefused("dns", "The URL host could not be resolved.") from exc
    addresses: list[IPAddress] = []
    for answer in answers:
        try:
            addresses.append(ipaddress.ip_address(answer))
        except ValueError as exc:
            raise OutboundRefused("dns", "The URL host could not be resolved.") from exc
    if not addresses:
        raise OutboundRefused("dns", "The URL host could not be resolved.")
    if rules.names_host(host):
        return str(addresses[0]), True
    # Every answer is judged, not just the first: the connecting side may pick
    # any of them, and a mixed answer is a classic way to smuggle one in.
    for address in addresses:
        if not rules.covers(address) and not _is_public(address):
            raise OutboundRefused("address", "The URL host resolves to a non-public address.")
    return str(addresses[0]), all(rules.covers(a) for a in addresses)


async def resolve_checked(host: str, port: int, policy: OutboundPolicy) -> str:
    """Resolve `host` and check every address; the IP to connect to."""
    ip, _ = await _resolve(host, port, policy)
    return ip


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects to the checked IP whatever host httpcore asks for, so a second
    DNS lookup (and a rebinding answer) never happens. TLS still gets the URL's
    hostname because httpcore passes it to `start_tls` separately."""

    def __init__(self, ip: str) -> None:
        self._ip = ip
        self._inner = httpcore.AnyIOBackend()

    # The signatures are httpcore's, timeout parameter included.
    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return await self._inner.connect_tcp(
            self._ip,
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("Outbound requests never use unix sockets.")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _PinnedTransport(httpx.AsyncHTTPTransport):
    """One transport per hop, its pool bound to that hop's checked IP."""

    def __init__(self, ip: str, ssl_context: ssl.SSLContext) -> None:
        super().__init__(verify=ssl_context, trust_env=False, http1=True, http2=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            network_backend=_PinnedBackend(ip),
            http1=True,
            http2=False,
            retries=0,
        )


def _ssl_context(policy: OutboundPolicy) -> ssl.SSLContext:
    context = ssl.create_default_context()
    if policy.ca_file is not None:
        try:
            context.load_verify_locations(cafile=str(policy.ca_file))
        except (OSError, ssl.SSLError) as exc:
            raise OutboundRefused("tls", "The configured CA bundle could not be loaded.") from exc
    return context


def _caused_by_tls(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


@contextmanager
def _translated() -> Iterator[None]:
    """Transport failures as OutboundRefused, so callers handle one type."""
    try:
        yield
    except OutboundRefused:
        raise
    except (TimeoutError, httpx.TimeoutException) as exc:
        raise OutboundRefused("timeout", "The remote server did not answer in time.") from exc
    except httpx.ConnectError as exc:
        if _caused_by_tls(exc):
            raise OutboundRefused("tls", "The TLS connection to the remote server failed.") from exc
        raise OutboundRefused("connect", "Could not connect to the remote server.") from exc
    except httpx.HTTPError as exc:
        if _caused_by_tls(exc):
            raise OutboundRefused("tls", "The TLS connection to the remote server failed.") from exc
        raise OutboundRefused("transport", "The remote server sent an invalid response.") from exc
    except ssl.SSLError as exc:
        raise OutboundRefused("tls", "The TLS connection to the remote server failed.") from exc
    except OSError as exc:
        raise OutboundRefused("connect", "Could not connect to the remote server.") from exc


def _timeouts(deadline: float) -> httpx.Timeout:
    remaining = max(deadline - asyncio.get_running_loop().time(), 0.001)
    connect = min(CONNECT_TIMEOUT, remaining)
    read = min(READ_TIMEOUT, remaining)
    return httpx.Timeout(connect=connect, read=read, write=read, pool=connect)


@asynccontextmanager
async def _exchange(
    url: httpx.URL,
    policy: OutboundPolicy,
    *,
    method: str,
    headers: Mapping[str, str],
    content: bytes | None,
    deadline: float,
    ssl_context: ssl.SSLContext,
) -> AsyncIterator[httpx.Response]:
    """One request/response on a connection pinned to the checked address."""
    host = url.raw_host.decode("ascii")
    port = url.port or DEFAULT_PORT
    with _translated():
        async with asyncio.timeout_at(deadline):
            ip, privileged = await _resolve(host, port, policy)
    if port != DEFAULT_PORT and not privileged:
        raise _refuse_port()
    # trust_env=False matters: with it on, httpx mounts proxies from the
    # environment, which would take precedence over the pinned transport.
    async with httpx.AsyncClient(
        transport=_PinnedTransport(ip, ssl_context),
        trust_env=False,
        follow_redirects=False,
        timeout=_timeouts(deadline),
    ) as client:
        request = client.build_request(method, url, headers=dict(headers), content=content)
        with _translated():
            async with asyncio.timeout_at(deadline):
                response = await client.send(request, stream=True)
        try:
            yield response
        finally:
            await response.aclose()


class GuardedResponse:
    """The final response of a guarded fetch; the body is read through
    `iter_bytes`, which enforces the size cap and the overall deadline."""

    def __init__(self, response: httpx.Response, *, max_bytes: int, deadline: float) -> None:
        self._response = response
        self._max_bytes = max_bytes
        self._deadline = deadline
        self.status_code: int = response.status_code
        self.headers: httpx.Headers = response.headers
        self.url: httpx.URL = response.url

    async def iter_bytes(self) -> AsyncIterator[bytes]:
        received = 0
        encoding = self._response.headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("", "identity"):
            # Decoding would expand before the cap could be checked (a few KB of
            # stacked gzip becomes gigabytes): we asked for identity, refuse the rest.
            raise OutboundRefused("transport", "The response used a content encoding.")
        chunks = self._response.aiter_raw()
        try:
            while True:
                with _translated():
                    async with asyncio.timeout_at(self._deadline):
                        try:
                            chunk = await anext(chunks)
                        except StopAsyncIteration:
                            return
                received += len(chunk)
                if received > self._max_bytes:
                    raise OutboundRefused(
                        "too_large", f"The response is larger than {self._max_bytes} bytes."
                    )
                yield chunk
        finally:
            aclose = getattr(chunks, "aclose", None)
            if aclose is not None:
                await aclose()

    async def read(self) -> bytes:
        return b"".join([chunk async for chunk in self.iter_bytes()])


def _request_headers(headers: Mapping[str, str] | None, *, method: str) -> dict[str, str]:
    # The Host header must come from the URL: it is what was checked.
    result = {k: v for k, v in (headers or {}).items() if k.lower() != "host"}
    lowered = {k.lower() for k in result}
    if "user-agent" not in lowered:
        result["User-Agent"] = "flightline"
    if method == "GET" and "accept-encoding" not in lowered:
        # Counting bytes only means something if they are not inflated later.
        result["Accept-Encoding"] = "identity"
    return result


def _origin(url: httpx.URL) -> tuple[str, bytes, int]:
    return url.scheme, url.raw_host.lower(), url.port or DEFAULT_PORT


@asynccontextmanager
async def guarded_get(
    url: str,
    policy: OutboundPolicy,
    *,
    max_bytes: int,
    timeout_seconds: float = 60,
    follow_redirects: bool = True,
    headers: Mapping[str, str] | None = None,
) -> AsyncIterator[GuardedResponse]:
    """GET `url` under the guard, following up to `policy.max_redirects`
    redirects itself. A non-2xx final status raises OutboundRefused("status")."""
    deadline = asyncio.get_running_loop().time() + timeout_seconds
    ssl_context = _ssl_context(policy)
    current = check_url_shape(url, policy)
    request_headers = _request_headers(headers, method="GET")
    visited = {str(current)}
    redirects = 0
    while True:
        async with _exchange(
            current,
            policy,
            method="GET",
            headers=request_headers,
            content=None,
            deadline=deadline,
            ssl_context=ssl_context,
        ) as response:
            if follow_redirects and response.has_redirect_location:
                if redirects >= policy.max_redirects:
                    raise OutboundRefused("redirect", "Too many redirects.")
                try:
                    target = current.join(response.headers["location"])
                except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
                    raise OutboundRefused("redirect", "The redirect target is not valid.") from exc
                following = check_url_shape(str(target), policy)
                if str(following) in visited:
                    raise OutboundRefused("redirect", "The redirects form a loop.")
                visited.add(str(following))
                if _origin(following) != _origin(current):
                    request_headers = {
                        k: v
                        for k, v in request_headers.items()
                        if k.lower() not in _ORIGIN_BOUND_HEADERS
                    }
                current = following
                redirects += 1
                continue
            if not 200 <= response.status_code < 300:
                raise OutboundRefused(
                    "status", f"The remote server answered with status {response.status_code}."
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise OutboundRefused(
                    "too_large", f"The response is larger than {max_bytes} bytes."
                )
            yield GuardedResponse(response, max_bytes=max_bytes, deadline=deadline)
            return


async def guarded_post(
    url: str,
    policy: OutboundPolicy,
    *,
    content: bytes,
    headers: Mapping[str, str] | None,
    timeout_seconds: float = 10,
) -> tuple[int, float]:
    """POST for webhook deliveries: no redirects (a 3xx is just the status).
    Returns (status code, elapsed seconds until the response headers)."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline = started + timeout_seconds
    ssl_context = _ssl_context(policy)
    target = check_url_shape(url, policy)
    async with _exchange(
        target,
        policy,
        method="POST",
        headers=_request_headers(headers, method="POST"),
        content=content,
        deadline=deadline,
        ssl_context=ssl_context,
    ) as response:
        return response.status_code, loop.time() - started
