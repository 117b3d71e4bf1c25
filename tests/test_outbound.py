"""The outbound-request guard against a real local HTTPS server.

Everything is generated here: a throwaway CA, a server certificate for
localhost / 127.0.0.1 / pinned.test, and a threaded HTTPS server on a free
loopback port. The server is only reachable because tests allow-list it; the
SSRF suite proves everything else that points inward is refused.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import socketserver
import ssl
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from hypothesis import given, settings
from hypothesis import strategies as st

from flightline.core import outbound
from flightline.core.outbound import (
    OutboundPolicy,
    OutboundRefused,
    check_url_shape,
    guarded_get,
    guarded_post,
    resolve_checked,
)

DOC = b"loan file page\n" * 100
BIG = 200_000
CAP = 50_000

# --- PKI ---------------------------------------------------------------------


@dataclass(frozen=True)
class Pki:
    ca_file: Path
    cert_file: Path
    key_file: Path


def _write_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    root = tmp_path_factory.mktemp("outbound-pki")
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "flightline test CA")])
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.DNSName("pinned.test"),
                    x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    pki = Pki(root / "ca.pem", root / "server.pem", root / "server.key")
    pki.ca_file.write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    pki.cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    _write_key(pki.key_file, key)
    return pki


# --- Local HTTPS server ------------------------------------------------------


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, ssl_context: ssl.SSLContext) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.ssl_context = ssl_context
        self.stop = threading.Event()
        self.posts: list[bytes] = []

    def finish_request(self, request: Any, client_address: Any) -> None:
        # The handshake runs on the handler thread so a client that hangs up
        # mid-handshake cannot stall the accept loop.
        request.settimeout(10)
        try:
            tls = self.ssl_context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        try:
            super().finish_request(tls, client_address)
        finally:
            tls.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that stop reading (size cap, deadline) break the pipe; expected.
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _reply(
        self, status: int, body: bytes = b"", headers: Mapping[str, str] | None = None
    ) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        port = self.server.server_address[1]
        if path == "/doc":
            self._reply(200, DOC, {"Content-Type": "application/pdf"})
        elif path == "/big":
            # No Content-Length: the cap has to be enforced while streaming.
            self.send_response(200)
            self.end_headers()
            for _ in range(BIG // 10_000):
                self.wfile.write(b"x" * 10_000)
        elif path == "/big-declared":
            self._reply(200, b"x" * BIG)
        elif path == "/slow":
            self.server.stop.wait(5)
            self._reply(200, DOC)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.flush()
            for _ in range(100):
                if self.server.stop.wait(0.2):
                    break
                self.wfile.write(b"0123456789")
                self.wfile.flush()
        elif path == "/redirect-private":
            self._reply(302, headers={"Location": "https://10.0.0.5/x"})
        elif path == "/redirect-metadata":
            self._reply(302, headers={"Location": "https://169.254.169.254/latest"})
        elif path == "/redirect-ok":
            self._reply(302, headers={"Location": "/doc"})
        elif path == "/loop":
            self._reply(302, headers={"Location": "/loop"})
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            target = "/doc" if left == 0 else f"/chain/{left - 1}"
            self._reply(302, headers={"Location": target})
        elif path == "/redirect-localhost":
            self._reply(302, headers={"Location": f"https://localhost:{port}/echo-auth"})
        elif path == "/echo-auth":
            self._reply(200, (self.headers.get("Authorization") or "-").encode())
        else:
            self._reply(404, b"not found")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.server.posts.append(self.rfile.read(length))
        if self.path == "/hook":
            self._reply(204)
        elif self.path == "/hook-redirect":
            self._reply(302, headers={"Location": "/hook"})
        else:
            self._reply(500, b"boom")


@dataclass
class LocalServer:
    port: int
    pki: Pki
    sni: list[str | None]
    posts: list[bytes]
    policy: OutboundPolicy = field(init=False)

    def __post_init__(self) -> None:
        self.policy = OutboundPolicy(allow=("127.0.0.1",), ca_file=self.pki.ca_file)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"https://{host}:{self.port}{path}"


@pytest.fixture(scope="module")
def server(pki: Pki) -> Iterator[LocalServer]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki.cert_file, pki.key_file)
    sni: list[str | None] = []

    def record_sni(_sock: Any, name: str | None, _ctx: Any) -> None:
        sni.append(name)

    context.sni_callback = record_sni
    httpd = _Server(context)
    thread = threading.Thread(target=httpd.serve_forever, name="outbound-test-https", daemon=True)
    thread.start()
    try:
        yield LocalServer(httpd.server_address[1], pki, sni, httpd.posts)
    finally:
        httpd.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


Resolver = Callable[[str, int], Awaitable[list[str]]]


def fake_dns(monkeypatch: pytest.MonkeyPatch, table: Mapping[str, list[str]]) -> list[str]:
    """Replace the guard's resolver; returns the log of names asked for."""
    asked: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return list(table[host])

    resolver: Resolver = resolve
    monkeypatch.setattr(outbound, "_getaddrinfo", resolver)
    return asked


async def fetch(url: str, policy: OutboundPolicy, **kwargs: Any) -> bytes:
    kwargs.setdefault("max_bytes", CAP)
    async with guarded_get(url, policy, **kwargs) as response:
        return await response.read()


async def stream(url: str, policy: OutboundPolicy, sizes: list[int], **kwargs: Any) -> None:
    """Read the body chunk by chunk, logging what arrived before any refusal."""
    kwargs.setdefault("max_bytes", CAP)
    async with guarded_get(url, policy, **kwargs) as response:
        sizes.append(response.status_code)
        async for chunk in response.iter_bytes():
            sizes.append(len(chunk))


NO_POLICY = OutboundPolicy()

# --- Refused on its face -----------------------------------------------------


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://example.com/", "scheme"),
        ("ftp://example.com/", "scheme"),
        ("https://user:pass@example.com/", "userinfo"),
        ("https://user@example.com/", "userinfo"),
        ("https://127.0.0.1/", "address"),
        ("https://10.1.2.3/", "address"),
        ("https://192.168.0.1/", "address"),
        ("https://172.16.0.1/", "address"),
        ("https://169.254.169.254/", "address"),
        ("https://169.254.169.254/latest/meta-data/", "address"),
        ("https://100.64.0.1/", "address"),
        ("https://[::1]/", "address"),
        ("https://[fd00::1]/", "address"),
        ("https://[fe80::1]/", "address"),
        ("https://[fec0::1]/", "address"),
        ("https://[::ffff:127.0.0.1]/", "address"),
        ("https://[::ffff:10.0.0.1]/", "address"),
        ("https://[::]/", "address"),
        ("https://[ff02::1]/", "address"),
        ("https://[2002:7f00:1::1]/", "address"),
        ("https://[64:ff9b::a00:1]/", "address"),
        ("https://2130706433/", "address"),
        ("https://0x7f000001/", "address"),
        ("https://127.1/", "address"),
        ("https://0177.0.0.1/", "address"),
        ("https://127.0.0.1./", "address"),
        ("https://0.0.0.0/", "address"),
        ("https://0/", "address"),
        ("https://224.0.0.1/", "address"),
        ("https://255.255.255.255/", "address"),
        ("https://198.18.0.1/", "address"),
        ("https://192.0.2.1/", "address"),
        ("https://240.0.0.1/", "address"),
        ("https://example.com:8443/", "port"),
        ("https://93.184.216.34:22/", "port"),
        ("https:///nohost", "url"),
        ("https://%31%32%37.0.0.1/", "url"),
        ("https://example.com/" + "a" * 4000, "url"),
    ],
)
def test_refused_on_its_face(url: str, kind: str) -> None:
    with pytest.raises(OutboundRefused) as caught:
        check_url_shape(url, NO_POLICY)
    assert caught.value.kind == kind


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://example.com/", "scheme"),
        ("https://user:pass@example.com/", "userinfo"),
        ("https://127.0.0.1/", "address"),
        ("https://169.254.169.254/", "address"),
        ("https://example.com:8443/", "port"),
    ],
)
async def test_fetch_refuses_before_connecting(
    url: str, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = fake_dns(monkeypatch, {})
    with pytest.raises(OutboundRefused) as caught:
        await fetch(url, NO_POLICY)
    assert caught.value.kind == kind
    assert asked == []


def test_public_literal_passes_and_fragment_is_stripped() -> None:
    url = check_url_shape("https://93.184.216.34/a/b?c=d#frag", NO_POLICY)
    assert str(url) == "https://93.184.216.34/a/b?c=d"
    assert check_url_shape("https://[2606:2800:220:1::1]/", NO_POLICY).host == "2606:2800:220:1::1"
    assert check_url_shape("https://example.com:443/", NO_POLICY).port is None


def test_allow_list_lifts_address_and_port_checks() -> None:
    policy = OutboundPolicy(allow=("10.0.0.0/8", "Docs.Internal", "127.0.0.1"))
    assert check_url_shape("https://10.1.2.3:9000/", policy).port == 9000
    assert check_url_shape("https://docs.internal:8443/", policy).host == "docs.internal"
    assert check_url_shape("https://127.0.0.1:1/", policy).port == 1
    with pytest.raises(OutboundRefused) as caught:
        check_url_shape("https://192.168.0.1/", policy)
    assert caught.value.kind == "address"


def test_refusal_messages_do_not_echo_the_url() -> None:
    with pytest.raises(OutboundRefused) as caught:
        check_url_shape("https://10.9.8.7/", NO_POLICY)
    assert "10.9.8.7" not in str(caught.value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_shape_check_only_raises_refused(text: str) -> None:
    for candidate in (text, "https://" + text, "https://[" + text, "https://a.b/" + text):
        with contextlib.suppress(OutboundRefused):
            check_url_shape(candidate, NO_POLICY)


# --- DNS ---------------------------------------------------------------------


async def test_hostname_resolving_to_private_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = fake_dns(monkeypatch, {"evil.example": ["10.0.0.7"]})
    assert check_url_shape("https://evil.example/x", NO_POLICY).host == "evil.example"
    with pytest.raises(OutboundRefused) as caught:
        await fetch("https://evil.example/x", NO_POLICY)
    assert caught.value.kind == "address"
    assert "10.0.0.7" not in str(caught.value)
    assert asked == ["evil.example"]


async def test_any_private_answer_refuses_the_host(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(monkeypatch, {"mixed.example": ["93.184.216.34", "10.0.0.7"]})
    with pytest.raises(OutboundRefused) as caught:
        await resolve_checked("mixed.example", 443, NO_POLICY)
    assert caught.value.kind == "address"
    with pytest.raises(OutboundRefused) as caught:
        await fetch("https://mixed.example/", NO_POLICY)
    assert caught.value.kind == "address"


async def test_resolve_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(
        monkeypatch,
        {
            "public.example": ["93.184.216.34", "2606:2800:220:1::1"],
            "mapped.example": ["::ffff:169.254.169.254"],
        },
    )
    assert await resolve_checked("public.example", 443, NO_POLICY) == "93.184.216.34"
    assert await resolve_checked("0x5db8d822", 443, NO_POLICY) == "93.184.216.34"
    for host, kind in [("mapped.example", "address"), ("nowhere.example", "dns")]:
        with pytest.raises(OutboundRefused) as caught:
            await resolve_checked(host, 443, NO_POLICY)
        assert caught.value.kind == kind
    allowed = OutboundPolicy(allow=("mapped.example",))
    assert await resolve_checked("mapped.example", 443, allowed) == "::ffff:a9fe:a9fe"


async def test_real_resolver_refuses_localhost() -> None:
    # The unpatched resolver: localhost resolves (from /etc/hosts) to loopback.
    with pytest.raises(OutboundRefused) as caught:
        await resolve_checked("localhost", 443, NO_POLICY)
    assert caught.value.kind in {"address", "dns"}


# --- Against the local server ------------------------------------------------


async def test_allowed_local_fetch(server: LocalServer) -> None:
    async with guarded_get(server.url("/doc"), server.policy, max_bytes=CAP) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        assert str(response.url) == server.url("/doc")
        assert b"".join([chunk async for chunk in response.iter_bytes()]) == DOC


async def test_local_server_needs_the_allow_list(server: LocalServer) -> None:
    policy = OutboundPolicy(ca_file=server.pki.ca_file)
    with pytest.raises(OutboundRefused) as caught:
        await fetch(server.url("/doc"), policy)
    assert caught.value.kind == "address"


async def test_unknown_ca_is_a_tls_failure(server: LocalServer) -> None:
    with pytest.raises(OutboundRefused) as caught:
        await fetch(server.url("/doc"), OutboundPolicy(allow=("127.0.0.1",)))
    assert caught.value.kind == "tls"


async def test_redirect_is_followed(server: LocalServer) -> None:
    async with guarded_get(server.url("/redirect-ok"), server.policy, max_bytes=CAP) as response:
        assert str(response.url) == server.url("/doc")
        assert await response.read() == DOC


async def test_redirect_cap(server: LocalServer) -> None:
    assert await fetch(server.url("/chain/4"), server.policy) == DOC
    with pytest.raises(OutboundRefused) as caught:
        await fetch(server.url("/chain/5"), server.policy)
    assert caught.value.kind == "redirect"


async def test_redirects_off_makes_3xx_a_status_error(server: LocalServer) -> None:
    with pytest.raises(OutboundRefused) as caught:
        await fetch(server.url("/redirect-ok"), server.policy, follow_redirects=False)
    assert caught.value.kind == "status"


@pytest.mark.parametrize("path", ["/redirect-private", "/redirect-metadata"])
async def test_redirect_to_private_is_refused_at_the_hop(server: LocalServer, path: str) -> None:
    with pytest.raises(OutboundRefused) as caught:
        await fetch(server.url(path), server.policy)
    assert caught.value.kind == "address"


async def test_redirect_loop_is_refused(server: LocalServer) -> None:
    with pytest.raises(OutboundRefused) as caught:
        await fetch(server.url("/loop"), server.policy)
    assert caught.value.kind == "redirect"


async def test_credentials_do_not_cross_origins(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dns(monkeypatch, {"localhost": ["127.0.0.1"]})
    policy = OutboundPolicy(allow=("127.0.0.1", "localhost"), ca_file=server.pki.ca_file)
    headers = {"Authorization": "Bearer s3cret"}
    assert await fetch(server.url("/echo-auth"), policy, headers=headers) == b"Bearer s3cret"
    assert await fetch(server.url("/redirect-localhost"), policy, headers=headers) == b"-"


async def test_error_status_is_refused(server: LocalServer) -> None:
    with pytest.raises(OutboundRefused) as caught:
        await fetch(server.url("/missing"), server.policy)
    assert caught.value.kind == "status"


@pytest.mark.parametrize("path", ["/big", "/big-declared"])
async def test_body_over_cap_is_too_large(server: LocalServer, path: str) -> None:
    log: list[int] = []
    with pytest.raises(OutboundRefused) as caught:
        await stream(server.url(path), server.policy, log)
    assert caught.value.kind == "too_large"
    assert sum(log[1:]) <= CAP


async def test_slow_server_hits_the_deadline(server: LocalServer) -> None:
    started = time.monotonic()
    with pytest.raises(OutboundRefused) as caught:
        await fetch(server.url("/slow"), server.policy, timeout_seconds=0.5)
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 3


async def test_deadline_covers_the_body(server: LocalServer) -> None:
    started = time.monotonic()
    log: list[int] = []
    with pytest.raises(OutboundRefused) as caught:
        await stream(server.url("/drip"), server.policy, log, timeout_seconds=0.7)
    assert caught.value.kind == "timeout"
    # The headers came in time; the deadline struck while reading the body.
    assert log[:2] == [200, 10]
    assert time.monotonic() - started < 3


# --- Pinning -----------------------------------------------------------------


async def test_connection_is_pinned_to_the_checked_address(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No real resolver knows pinned.test, so the fetch can only succeed if the
    # connection goes to the address our resolver returned, with SNI and
    # certificate verification done against the name in the URL.
    asked = fake_dns(monkeypatch, {"pinned.test": ["127.0.0.1"]})
    policy = OutboundPolicy(allow=("pinned.test",), ca_file=server.pki.ca_file)
    server.sni.clear()
    async with guarded_get(server.url("/doc", "pinned.test"), policy, max_bytes=CAP) as response:
        assert response.url.host == "pinned.test"
        assert await response.read() == DOC
    assert asked == ["pinned.test"]
    assert server.sni == ["pinned.test"]


async def test_allowed_cidr_admits_resolved_names_on_any_port(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_dns(monkeypatch, {"pinned.test": ["127.0.0.1"]})
    policy = OutboundPolicy(allow=("127.0.0.0/8",), ca_file=server.pki.ca_file)
    assert await fetch(server.url("/doc", "pinned.test"), policy) == DOC


async def test_pinned_connection_still_verifies_the_hostname(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Resolves to the same server, but the certificate is not for this name.
    fake_dns(monkeypatch, {"wrong.test": ["127.0.0.1"]})
    policy = OutboundPolicy(allow=("wrong.test",), ca_file=server.pki.ca_file)
    with pytest.raises(OutboundRefused) as caught:
        await fetch(server.url("/doc", "wrong.test"), policy)
    assert caught.value.kind == "tls"


# --- Webhook POST ------------------------------------------------------------


async def test_post_delivers_and_times(server: LocalServer) -> None:
    server.posts.clear()
    status, elapsed = await guarded_post(
        server.url("/hook"),
        server.policy,
        content=b'{"event":"review.completed"}',
        headers={"Content-Type": "application/json"},
    )
    assert status == 204
    assert 0 <= elapsed < 10
    assert server.posts == [b'{"event":"review.completed"}']


async def test_post_does_not_follow_redirects(server: LocalServer) -> None:
    server.posts.clear()
    status, _ = await guarded_post(
        server.url("/hook-redirect"), server.policy, content=b"{}", headers=None
    )
    assert status == 302
    assert server.posts == [b"{}"]


async def test_post_is_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_dns(monkeypatch, {"evil.example": ["10.0.0.7"]})
    for url, kind in [
        ("http://hooks.example/", "scheme"),
        ("https://169.254.169.254/", "address"),
        ("https://evil.example/hook", "address"),
    ]:
        with pytest.raises(OutboundRefused) as caught:
            await guarded_post(url, NO_POLICY, content=b"{}", headers=None)
        assert caught.value.kind == kind
