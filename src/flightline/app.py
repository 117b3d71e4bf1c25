"""The ASGI application: routers, the error envelope, the request middleware."""

from __future__ import annotations

import asyncio
import gc
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from flightline import __version__
from flightline.audit.router import router as audit_router
from flightline.core.context import request_context
from flightline.core.db import Database
from flightline.core.envelope import error_response
from flightline.core.errors import FlightlineError
from flightline.core.masterkey import derive_key, load_master_key
from flightline.core.middleware import RequestMiddleware
from flightline.core.openapi import install_openapi
from flightline.core.pagination import CursorCodec
from flightline.core.settings import Settings, environment_settings
from flightline.health.router import router as health_router
from flightline.reviews.intake import build_intake
from flightline.reviews.router import router as reviews_router
from flightline.reviews.schemas import ReviewCreateFromUrls, ReviewCreateMultipart
from flightline.rules.policy import load_policy


def _param(loc: tuple[object, ...]) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or None


async def _on_domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FlightlineError)
    ctx = request_context(request)
    ctx.error_code = exc.code
    return error_response(exc.status, exc.code, exc.message, ctx.request_id, exc.param, exc.headers)


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    ctx = request_context(request)
    ctx.error_code = "invalid_request"
    errors = exc.errors()
    first = errors[0] if errors else {}
    if first.get("type") == "json_invalid":
        return error_response(400, "invalid_request", "The body is not valid JSON.", ctx.request_id)
    loc = tuple(first.get("loc", ()))
    param = _param(loc)
    reason = str(first.get("msg", "is not valid"))
    message = f"{param}: {reason}." if param else f"{reason}."
    return error_response(422, "invalid_request", message, ctx.request_id, param)


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    ctx = request_context(request)
    if exc.status_code == 404:
        code, message = "not_found", "No such route."
    elif exc.status_code == 405:
        code, message = "method_not_allowed", "That method is not allowed on this route."
    elif exc.status_code == 415:
        code, message = "unsupported_media_type", "That Content-Type is not supported here."
    elif exc.status_code < 500:
        code, message = "invalid_request", "The request could not be processed."
    else:
        code, message = "internal_error", "Something went wrong on our side."
    ctx.error_code = code
    headers = dict(exc.headers) if exc.headers else None
    return error_response(exc.status_code, code, message, ctx.request_id, headers=headers)


def _mount_bench_endpoints(app: FastAPI, settings: Settings) -> None:
    """The intake benchmark's reference: the same server writing a body to disk.

    `?durable=true` makes it durable as the intake is (its blobs are flushed
    before the 201): the body is flushed to the disk as it arrives, every
    8 MiB on a thread so the disk works while the socket is read, and once
    more at the end. Without it the body only reaches the page cache."""

    @app.post("/bench/sink", include_in_schema=False)
    async def sink(request: Request, durable: bool = False) -> dict[str, int]:
        path = settings.data_dir / "staging" / f"sink-{uuid.uuid4()}"
        path.parent.mkdir(parents=True, exist_ok=True)
        size = flushed = 0
        pending: asyncio.Future[None] | None = None
        try:
            with open(path, "wb") as handle:  # noqa: ASYNC230 - the bare reference, on purpose
                try:
                    async for chunk in request.stream():
                        handle.write(chunk)
                        size += len(chunk)
                        if (
                            durable
                            and size - flushed >= 8 * 1024 * 1024
                            and (pending is None or pending.done())
                        ):
                            handle.flush()
                            pending = asyncio.ensure_future(
                                asyncio.to_thread(os.fsync, handle.fileno())
                            )
                            flushed = size
                finally:
                    # never close the file under a flush still running on it
                    if pending is not None:
                        await pending
                if durable:
                    handle.flush()
                    await asyncio.to_thread(os.fsync, handle.fileno())
        finally:
            path.unlink(missing_ok=True)
        return {"bytes": size}


def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    """Build the app. Without a `database`, the lifespan connects as the application role."""
    settings = settings or environment_settings()
    master_key = load_master_key(settings)
    load_policy()  # a broken policy file stops start-up, not the first review

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = database is None
        # Long-lived objects built at start-up (routes, schemas, compiled SQL)
        # need not be traversed by every collection; fewer, cheaper gen-2
        # passes keep the request latency tail short.
        gc.collect()
        gc.freeze()
        if owned:
            if settings.database_url is None:
                raise RuntimeError("FLIGHTLINE_DATABASE_URL is not set for the API process")
            app.state.db = Database(settings.database_url, pool_size=settings.db_pool_size)
        try:
            yield
        finally:
            if owned:
                await app.state.db.dispose()

    app = FastAPI(
        title="Flightline API",
        version=__version__,
        lifespan=lifespan,
        openapi_url="/v1/openapi.json",
        docs_url="/v1/docs",
        redoc_url=None,
        # No redirects: a client following one could drop or leak its key.
        redirect_slashes=False,
    )
    app.state.settings = settings
    app.state.db = database
    app.state.cursor_codec = CursorCodec(derive_key(master_key, "flightline/cursor/v1"))
    app.state.intake = build_intake(settings, master_key)
    app.add_exception_handler(FlightlineError, _on_domain_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.include_router(health_router)
    app.include_router(reviews_router)
    app.include_router(audit_router)
    app.add_middleware(RequestMiddleware, database=lambda: app.state.db)

    if settings.bench_endpoints:
        _mount_bench_endpoints(app, settings)
    install_openapi(app, extra_models=(ReviewCreateFromUrls, ReviewCreateMultipart))
    return app


def create_app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` / granian workers started by the CLI."""
    return create_app()
